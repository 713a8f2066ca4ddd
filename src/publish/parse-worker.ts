/** Worker thread body: reads the notes sent by path (readOnThread), then parses and summarises each, sending each note's result as soon as it has it (parse-pool.ts times each one). */
import { parentPort, workerData } from 'node:worker_threads';
import type { ReadOptions } from '../notes/read.js';
import type { SummaryOptions } from '../summary/build.js';
import { parseJob, readOnThread, READY, type ParseJob, type ReadsMessage } from './parse-pool.js';

const { read, summary } = workerData as { read: ReadOptions; summary: SummaryOptions };

parentPort?.on('message', (jobs: ParseJob[]) => {
  const { ready, reads } = readOnThread(jobs, read.maxBytes);
  if (reads) parentPort!.postMessage({ reads } satisfies ReadsMessage);
  for (const job of ready) {
    const r = 'ok' in job ? job : parseJob(job, read, summary);
    // The body is not needed past this point and is the bulk of the copy back.
    parentPort!.postMessage(r.ok ? { ...r, note: { ...r.note, body: '' } } : r);
  }
});

parentPort?.postMessage(READY);
