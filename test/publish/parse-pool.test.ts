/**
 * Issue 31: a big batch parsed a chunk at a time keeps its threads from one chunk to the next
 * (starting one is tens of ms of module loading: 70 chunks of a 35,000-note cold start started 140),
 * and lets them go when the batch ends, so the memory they grew is given back before `idle`.
 */
import { availableParallelism } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { openParser, POOL_THRESHOLD, type Parser } from '../../src/publish/parse-pool.js';
import { DEFAULT_SUMMARY_OPTIONS } from '../../src/summary/build.js';

const read = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {} } };
let parser: Parser | undefined;
afterEach(async () => {
  await parser?.close();
  parser = undefined;
});

const jobs = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ rel: `n${from + i}-en.md`, text: `---\ntitle: Note ${from + i}\n---\n\nNote number ${from + i} says one thing.\n` }));

describe('the parse pool over a big batch', () => {
  it('keeps its threads between a batch’s chunks and ends them with the batch; a save keeps its one thread', { timeout: 60_000 }, async () => {
    parser = openParser({ read, summary: DEFAULT_SUMMARY_OPTIONS, budgetMs: 10_000 });
    const threads = Math.min(availableParallelism(), 4);
    for (let chunk = 0; chunk < 3; chunk++) {
      const results = await parser.parse(jobs(chunk * POOL_THRESHOLD, POOL_THRESHOLD));
      expect(results.every((r) => r.ok)).toBe(true);
    }
    expect(parser.threads()).toEqual({ started: threads, alive: threads });
    await parser.endBatch();
    expect(parser.threads().alive).toBe(0);
    // A save afterwards: one thread, kept for the next save, also across endBatch.
    await parser.parse(jobs(9000, 1));
    await parser.endBatch();
    await parser.parse(jobs(9001, 1));
    expect(parser.threads()).toEqual({ started: threads + 1, alive: 1 });
  });
});
