/**
 * How a summary not made at a first run (store/deferred-summaries.ts) is made when first shown: the
 * note's file read and parsed as the parse threads do, and summarised with the same options, so it
 * is the summary the cold start would have stored.
 */
import path from 'node:path';
import { parseNoteText, readNoteTextSync, type ReadOptions } from '../notes/read.js';
import { buildSummary, type SummaryOptions } from '../summary/build.js';
import type { SummaryMaker } from '../store/deferred-summaries.js';
import { summaryHash } from './decide.js';
import { DEFER_SUMMARY_UP_TO } from './parse-pool.js';

export function summaryMaker(root: string, read: ReadOptions, options: SummaryOptions): SummaryMaker {
  return (row) => {
    try {
      const { text, hash } = readNoteTextSync(root, path.join(root, row.file), row.file, read.maxBytes, read.realRoot);
      // Grown past what may be parsed here, with no budget (a changed file: its batch, on the parse threads, decides).
      if (text.length > DEFER_SUMMARY_UP_TO) return undefined;
      const { note, tokens } = parseNoteText(row.file, text, read, hash);
      const summary = buildSummary(note, tokens, options);
      return { summary, summaryHash: summaryHash(summary), hash };
    } catch {
      // The file is gone or no longer reads as a note: the watcher's batch records that; nothing to show meanwhile.
      return undefined;
    }
  };
}
