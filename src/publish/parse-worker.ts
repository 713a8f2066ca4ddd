/** Worker thread body: parses and summarises notes for a cold start's big first batch. */
import { parentPort } from 'node:worker_threads';
import { NoteError } from '../errors.js';
import { parseNoteText, type ReadOptions } from '../notes/read.js';
import { buildSummary, type SummaryOptions } from '../summary/build.js';
import { bodyText } from '../search/text.js';
import type { ParseJob, ParseResult } from './parse-pool.js';

parentPort?.on('message', (msg: { id: number; jobs: ParseJob[]; read: ReadOptions; summary: SummaryOptions }) => {
  const results: ParseResult[] = msg.jobs.map(({ rel, text }) => {
    try {
      const { note, tokens } = parseNoteText(rel, text, msg.read);
      // The body is not needed past this point and is the bulk of the copy back.
      return { ok: true, rel, note: { ...note, body: '' }, summary: buildSummary(note, tokens, msg.summary), body: bodyText(tokens) };
    } catch (e) {
      if (e instanceof NoteError) return { ok: false, rel, error: { message: e.message, line: e.line } };
      return { ok: false, rel, error: { message: `could not summarise: ${e instanceof Error ? e.message : String(e)}` } };
    }
  });
  parentPort!.postMessage({ id: msg.id, results });
});
