/** Worker thread body: parses and summarises notes, sending each note's result as soon as it has it (parse-pool.ts times each one). */
import { parentPort, workerData } from 'node:worker_threads';
import type { ReadOptions } from '../notes/read.js';
import type { SummaryOptions } from '../summary/build.js';
import { parseJob, READY, type ParseJob } from './parse-pool.js';

const { read, summary } = workerData as { read: ReadOptions; summary: SummaryOptions };

parentPort?.on('message', (jobs: ParseJob[]) => {
  for (const job of jobs) {
    const r = parseJob(job, read, summary);
    // The body is not needed past this point and is the bulk of the copy back.
    parentPort!.postMessage(r.ok ? { ...r, note: { ...r.note, body: '' } } : r);
  }
});

parentPort?.postMessage(READY);
