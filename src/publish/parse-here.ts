/**
 * One note's parse and summary on this thread: the tests, and parse-pool.ts's `parseInline` (no
 * worker script). Its own module, loaded when used: it loads the summariser, which the service's
 * main thread otherwise loads only to show a deferred summary (summary-maker.ts, issue 24).
 */
import type { ReadOptions } from '../notes/read.js';
import { buildSummary, type SummaryOptions } from '../summary/build.js';
import type { ParseResult, TextJob } from './parse-jobs.js';
import { finishJob, parseJobNote } from './parse-note.js';

/** parse-note.ts's two steps. */
export function parseJob(job: TextJob, read: ReadOptions, summary: SummaryOptions): ParseResult {
  const parsed = parseJobNote(job, read);
  return 'ok' in parsed ? parsed : finishJob(parsed, summary, buildSummary);
}
