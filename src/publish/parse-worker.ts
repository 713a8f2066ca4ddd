/** Worker thread body: parses and summarises notes for a cold start's big first batch. */
import { parentPort } from 'node:worker_threads';
import type { ReadOptions } from '../notes/read.js';
import type { SummaryOptions } from '../summary/build.js';
import { parseJob, type ParseJob, type ParseResult } from './parse-pool.js';

parentPort?.on('message', (msg: { id: number; jobs: ParseJob[]; read: ReadOptions; summary: SummaryOptions }) => {
  const results: ParseResult[] = msg.jobs.map((job) => {
    const r = parseJob(job, msg.read, msg.summary);
    // The body is not needed past this point and is the bulk of the copy back.
    return r.ok ? { ...r, note: { ...r.note, body: '' } } : r;
  });
  parentPort!.postMessage({ id: msg.id, results });
});
