/**
 * The bare baseline's worker thread (bench/startup.ts): reads each file it is sent and parses it with gray-matter and
 * marked's lexer, nothing more; each answer carries the thread's CPU so far, read on the thread before it ends.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import matter from 'gray-matter';
import { Lexer } from 'marked';
import { threadCpuMs, threadStatPath } from '../src/publish/thread-cpu.js';

/** What the thread answers for each list of files: the lexer's token count (so the work is not optimised away), and its CPU time so far (ms; absent where it cannot be read). */
export interface BareParseReply {
  sink: number;
  cpuMs: number | undefined;
}

const statPath = threadStatPath();

parentPort?.on('message', (files: string[]) => {
  let sink = 0;
  for (const f of files) sink += new Lexer({ gfm: true }).lex(matter(readFileSync(f, 'utf8'), {}).content).length;
  parentPort!.postMessage({ sink, cpuMs: statPath ? threadCpuMs(statPath) : undefined } satisfies BareParseReply);
});
