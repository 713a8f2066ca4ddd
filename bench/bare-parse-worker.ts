/** The bare baseline's worker thread (bench/startup.ts): reads each file it is sent and parses it with gray-matter and marked's lexer, nothing more. */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import matter from 'gray-matter';
import { Lexer } from 'marked';

parentPort?.on('message', (files: string[]) => {
  let sink = 0;
  for (const f of files) sink += new Lexer({ gfm: true }).lex(matter(readFileSync(f, 'utf8'), {}).content).length;
  parentPort!.postMessage(sink);
});
