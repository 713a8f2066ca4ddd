/**
 * Parses and summarises many notes on worker threads, one per core. Only a start-up scan with
 * many changed notes is big enough to be worth it; single saves are parsed inline.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { NoteError } from '../errors.js';
import { parseNoteText, type Note, type ReadOptions } from '../notes/read.js';
import { buildSummary, type Summary, type SummaryOptions } from '../summary/build.js';
import { bodyText } from '../summary/body.js';
import { searchText } from '../search/text.js';
import type { SearchText } from '../store/types.js';

export interface ParseJob {
  rel: string;
  text: string;
}

export type ParseResult =
  /** `text`: the note's words for the lookup index, split on the worker (segmenting CJK is the costly part). */
  | { ok: true; rel: string; note: Note; summary: Summary; text: SearchText }
  | { ok: false; rel: string; error: { message: string; line?: number | undefined } };

const CHUNK = 128;
/** Below this many notes, thread start-up costs more than it saves. */
export const POOL_THRESHOLD = 400;

/** One note's parse and summary, inline or on a worker thread. Any failure is this note's: one note never stops a batch. */
export function parseJob({ rel, text }: ParseJob, read: ReadOptions, summary: SummaryOptions): ParseResult {
  try {
    const { note, tokens } = parseNoteText(rel, text, read);
    return { ok: true, rel, note, summary: buildSummary(note, tokens, summary), text: searchText(note, bodyText(tokens)) };
  } catch (e) {
    if (e instanceof NoteError) return { ok: false, rel, error: { message: e.message, line: e.line } };
    return { ok: false, rel, error: { message: `could not summarise: ${e instanceof Error ? e.message : String(e)}` } };
  }
}

export interface Parser {
  /** Results in the order of `jobs`. */
  parse(jobs: ParseJob[]): Promise<ParseResult[]>;
  close(): Promise<void>;
}

/**
 * A parser for a batch of `expected` notes: inline for a few, else worker threads kept for the
 * whole batch, which is fed to it a chunk at a time (so no batch's texts are all held at once).
 * The threads start with the first chunk that has enough changed notes: a warm start, whose
 * notes are nearly all unchanged, starts none.
 */
export function openParser(expected: number, read: ReadOptions, summary: SummaryOptions): Parser {
  // The worker is compiled JavaScript; from TypeScript sources (tests) everything runs inline.
  const script = fileURLToPath(new URL('./parse-worker.js', import.meta.url));
  const threads = Math.min(availableParallelism(), 4);
  if (expected < POOL_THRESHOLD || threads < 2 || !existsSync(script)) {
    return { parse: async (jobs) => jobs.map((job) => parseJob(job, read, summary)), close: async () => undefined };
  }
  // A larger young generation than the default: parsing allocates many short-lived strings, and
  // scavenging them was a tenth of each worker's time (a cold start of 35,000 notes).
  let workers: Worker[] | undefined;
  return {
    async parse(jobs) {
      if (!workers && jobs.length < POOL_THRESHOLD / 2) return jobs.map((job) => parseJob(job, read, summary));
      const pool = (workers ??= Array.from({ length: threads }, () => new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 48 } })));
      const chunks: ParseJob[][] = [];
      for (let i = 0; i < jobs.length; i += CHUNK) chunks.push(jobs.slice(i, i + CHUNK));
      const results = new Array<ParseResult[]>(chunks.length);
      let next = 0;
      await Promise.all(
        pool.map(
          (w) =>
            new Promise<void>((resolve, reject) => {
              const send = () => {
                if (next >= chunks.length) {
                  w.off('message', onMessage);
                  w.off('error', reject);
                  return resolve();
                }
                const id = next++;
                w.postMessage({ id, jobs: chunks[id], read, summary });
              };
              const onMessage = (m: { id: number; results: ParseResult[] }) => {
                results[m.id] = m.results;
                send();
              };
              w.on('message', onMessage);
              w.once('error', reject);
              send();
            }),
        ),
      );
      return results.flat();
    },
    async close() {
      await Promise.all((workers ?? []).map((w) => w.terminate()));
    },
  };
}
