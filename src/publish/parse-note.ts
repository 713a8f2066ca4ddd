/**
 * One note's work on a parse thread (parse-worker.ts), or inline without one (parse-pool.ts): read,
 * parsed, its lookup words and body sketch taken, its summary made unless deferred. The summary's
 * modules are not imported here: whoever makes a summary passes the builder, so a parse thread
 * loads them only when a note first wants its summary, and a cold start, which defers them all,
 * never does (issue 31: they were a quarter of a thread's start-up, 150 of 610 ms of CPU).
 */
import type { Token } from 'marked';
import { errorText, NoteError } from '../errors.js';
import { parseNoteText, readNoteTextSync, type Note, type ReadOptions } from '../notes/read.js';
import type { Summary, SummaryOptions } from '../summary/build.js';
import { bodyText } from '../summary/body.js';
import { bodySketch } from '../notes/body-sketch.js';
import { searchText } from '../search/text.js';
import type { ParseJob, ParseResult, TextJob, ThreadRead } from './parse-jobs.js';

/** summary/build.ts's `buildSummary`, passed in (see above). */
export type SummaryBuilder = (note: Note, tokens: Token[], options: SummaryOptions) => Summary;

/** A note parsed, its result not made yet: `wantsSummary` unless the job defers it (and the note is not dated later). */
export interface ParsedJob {
  rel: string;
  note: Note;
  tokens: Token[];
  wantsSummary: boolean;
}

/**
 * The FileJobs of a chunk read (and hashed) on the thread, before any is parsed: `reads` goes back
 * to the main thread at once (a note past its budget is recorded under the digest of what was read),
 * and an unreadable file is already that note's result. `reads` is undefined when no job is a FileJob.
 */
export function readOnThread(jobs: readonly ParseJob[], maxBytes: number): { ready: (TextJob | ParseResult)[]; reads: (ThreadRead | undefined)[] | undefined } {
  const realDirs = new Map<string, string>(); // each folder resolved once per chunk
  const reads: (ThreadRead | undefined)[] = [];
  const ready = jobs.map((job): TextJob | ParseResult => {
    if (!('path' in job)) return (reads.push(undefined), job);
    try {
      const { text, hash, mtimeMs, size } = readNoteTextSync(job.realRoot, job.path, job.rel, maxBytes, job.realRoot, realDirs);
      reads.push({ hash, mtimeMs, size });
      return { rel: job.rel, text, hash, deferSummary: job.deferSummary };
    } catch (e) {
      reads.push(null);
      const error = e instanceof NoteError ? { message: e.message, line: e.line, more: [...e.more] } : { message: `cannot read: ${errorText(e)}` };
      return { ok: false, rel: job.rel, error };
    }
  });
  return { ready, reads: reads.some((r) => r !== undefined) ? reads : undefined };
}

/** A note's failure as its result: one note never stops a batch. */
export function jobError(rel: string, e: unknown): ParseResult {
  if (e instanceof NoteError) return { ok: false, rel, error: { message: e.message, line: e.line, more: [...e.more] } };
  return { ok: false, rel, error: { message: `could not summarise: ${errorText(e)}` } };
}

/** A job's first step: its note parsed, or the note's error. */
export function parseJobNote({ rel, text, hash, deferSummary }: TextJob, read: ReadOptions): ParsedJob | ParseResult {
  try {
    const { note, tokens } = parseNoteText(rel, text, read, hash);
    const defer = !!deferSummary && !(note.date && note.date.getTime() > deferSummary.now);
    return { rel, note, tokens, wantsSummary: !defer };
  } catch (e) {
    return jobError(rel, e);
  }
}

/** Its second: the result, with the summary `build` makes if the job wants one (`build` is not called otherwise). */
export function finishJob({ rel, note, tokens, wantsSummary }: ParsedJob, summary: SummaryOptions, build: SummaryBuilder): ParseResult {
  try {
    return { ok: true, rel, note, summary: wantsSummary ? build(note, tokens, summary) : null, text: searchText(note, bodyText(tokens)), body: bodySketch(note.body) };
  } catch (e) {
    return jobError(rel, e);
  }
}
