/**
 * Parses and summarises many notes on worker threads, one per core. Only a cold start's first
 * batch is big enough to be worth it; single saves are parsed inline.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { NoteError } from '../errors.js';
import { parseNoteText, type Note, type ReadOptions } from '../notes/read.js';
import { buildSummary, type Summary, type SummaryOptions } from '../summary/build.js';
import { bodyText } from '../summary/body.js';

export interface ParseJob {
  rel: string;
  text: string;
}

export type ParseResult =
  | { ok: true; rel: string; note: Note; summary: Summary; body: string }
  | { ok: false; rel: string; error: { message: string; line?: number | undefined } };

const CHUNK = 128;
/** Below this many notes, thread start-up costs more than it saves. */
export const POOL_THRESHOLD = 400;

/** One note's parse and summary, inline or on a worker thread. Any failure is this note's: one note never stops a batch. */
export function parseJob({ rel, text }: ParseJob, read: ReadOptions, summary: SummaryOptions): ParseResult {
  try {
    const { note, tokens } = parseNoteText(rel, text, read);
    return { ok: true, rel, note, summary: buildSummary(note, tokens, summary), body: bodyText(tokens) };
  } catch (e) {
    if (e instanceof NoteError) return { ok: false, rel, error: { message: e.message, line: e.line } };
    return { ok: false, rel, error: { message: `could not summarise: ${e instanceof Error ? e.message : String(e)}` } };
  }
}

function parseInline(jobs: ParseJob[], read: ReadOptions, summary: SummaryOptions): ParseResult[] {
  return jobs.map((job) => parseJob(job, read, summary));
}

/** Results in the order of `jobs`. */
export async function parseMany(jobs: ParseJob[], read: ReadOptions, summary: SummaryOptions): Promise<ParseResult[]> {
  // The worker is compiled JavaScript; from TypeScript sources (tests) everything runs inline.
  const script = fileURLToPath(new URL('./parse-worker.js', import.meta.url));
  const threads = Math.min(availableParallelism(), 4);
  if (jobs.length < POOL_THRESHOLD || threads < 2 || !existsSync(script)) return parseInline(jobs, read, summary);

  const chunks: ParseJob[][] = [];
  for (let i = 0; i < jobs.length; i += CHUNK) chunks.push(jobs.slice(i, i + CHUNK));
  const results = new Array<ParseResult[]>(chunks.length);
  let next = 0;
  const workers = Array.from({ length: threads }, () => new Worker(script));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= chunks.length) return resolve();
              const id = next++;
              w.postMessage({ id, jobs: chunks[id], read, summary });
            };
            w.on('message', (m: { id: number; results: ParseResult[] }) => {
              results[m.id] = m.results;
              send();
            });
            w.once('error', reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.flat();
}
