/** Worker thread body: reads the notes sent by path (readOnThread), then parses and summarises each, sending each note's result as soon as it has it (parse-pool.ts times each one). */
import { parentPort, workerData } from 'node:worker_threads';
import type { ReadOptions } from '../notes/read.js';
import type { SummaryOptions } from '../summary/build.js';
import { LOADING_SUMMARIES, READY, SUMMARIES_LOADED, WARM_UP, type CpuStatMessage, type ParseJob, type ParseResult, type ReadsMessage } from './parse-jobs.js';
import { finishJob, jobError, parseJobNote, readOnThread, type ParsedJob, type SummaryBuilder } from './parse-note.js';
import { threadStatPath } from './thread-cpu.js';

const { read, summary } = workerData as { read: ReadOptions; summary: SummaryOptions };

let builder: SummaryBuilder | undefined;

/** The summary's builder, its modules loaded the first time a note wants one (parse-note.ts says why); the budget waits meanwhile. */
async function summaryBuilder(): Promise<SummaryBuilder> {
  if (builder) return builder;
  parentPort!.postMessage(LOADING_SUMMARIES);
  try {
    builder = (await import('../summary/build.js')).buildSummary;
  } finally {
    parentPort!.postMessage(SUMMARIES_LOADED);
  }
  return builder;
}

/** Never called: `finishJob` calls its builder only for a note that wants its summary. */
const noSummary: SummaryBuilder = () => {
  throw new Error('no summary was asked for');
};

async function result(parsed: ParsedJob): Promise<ParseResult> {
  let build = noSummary;
  try {
    if (parsed.wantsSummary) build = await summaryBuilder();
  } catch (e) {
    return jobError(parsed.rel, e);
  }
  return finishJob(parsed, summary, build);
}

async function parseChunk(jobs: ParseJob[]): Promise<void> {
  const { ready, reads } = readOnThread(jobs, read.maxBytes);
  if (reads) parentPort!.postMessage({ reads } satisfies ReadsMessage);
  for (const job of ready) {
    const parsed = 'ok' in job ? job : parseJobNote(job, read);
    const r = 'ok' in parsed ? parsed : await result(parsed);
    // The body is not needed past this point and is the bulk of the copy back.
    parentPort!.postMessage(r.ok ? { ...r, note: { ...r.note, body: '' } } : r);
  }
}

// One chunk after the other: a chunk waiting for the summary's modules is not overtaken by the next.
let chunks = Promise.resolve();
parentPort?.on('message', (m: ParseJob[] | typeof WARM_UP) => {
  // A failed load is said again by the note that needs the summary (`result`).
  chunks = chunks.then(() => (m === WARM_UP ? summaryBuilder().then(() => undefined, () => undefined) : parseChunk(m)));
});

const cpuStat = threadStatPath();
if (cpuStat) parentPort?.postMessage({ cpuStat } satisfies CpuStatMessage);
parentPort?.postMessage(READY);
