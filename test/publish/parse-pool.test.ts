/**
 * Issue 31: a big batch parsed a chunk at a time keeps its threads from one chunk to the next
 * (starting one is tens of ms of module loading: 70 chunks of a 35,000-note cold start started 140),
 * and lets them go when the batch ends, so the memory they grew is given back before `idle`.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { openParser, ParseThreads, POOL_THRESHOLD, TOO_LONG, type Parser } from '../../src/publish/parse-pool.js';
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

/**
 * Issue 31: a thread is given its next chunk before it ends the one it parses, so it goes on at
 * once instead of waiting for the main thread (busy for hundreds of ms committing the chunk before)
 * to take in the last results and hand it more: the parse threads waited a fifth of a cold start.
 */
describe('chunks queued on a thread', () => {
  afterEach(() => vi.restoreAllMocks());

  it('the next chunk is on the thread before the first result of the one it parses comes back', { timeout: 60_000 }, async () => {
    parser = openParser({ read, summary: DEFAULT_SUMMARY_OPTIONS, budgetMs: 10_000 });
    await parser.parse(jobs(0, 1)); // the thread is started and has loaded
    const events: string[] = [];
    const listened = new WeakSet<Worker>();
    const send = Worker.prototype.postMessage;
    vi.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (this: Worker, jobsSent: unknown) {
      if (!listened.has(this)) this.on('message', (m: unknown) => void (typeof m === 'object' && m && 'ok' in m && events.push('result')));
      listened.add(this);
      events.push(`sent ${(jobsSent as unknown[]).length}`);
      send.call(this, jobsSent);
    });
    // Three chunks of 64, below the pool's threshold: one thread.
    const results = await parser.parse(jobs(1, 3 * 64));
    expect(results.map((r) => r.rel)).toEqual(jobs(1, 3 * 64).map((j) => j.rel));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(events.slice(0, 2)).toEqual(['sent 64', 'sent 64']);
    expect(events.filter((e) => e === 'result')).toHaveLength(3 * 64);
    // The third once the first has come back whole: two chunks on the thread at most.
    expect(events.indexOf('sent 64', 2)).toBeGreaterThanOrEqual(2 + 64);
  });

  it('a big parse asked while another runs queues on the same threads (a batch’s next chunk asked before the last’s results): none started for it', { timeout: 60_000 }, async () => {
    parser = openParser({ read, summary: DEFAULT_SUMMARY_OPTIONS, budgetMs: 10_000 });
    const threads = Math.min(availableParallelism(), 4);
    const [first, second] = await Promise.all([parser.parse(jobs(0, POOL_THRESHOLD)), parser.parse(jobs(POOL_THRESHOLD, POOL_THRESHOLD))]);
    expect(first!.map((r) => r.rel)).toEqual(jobs(0, POOL_THRESHOLD).map((j) => j.rel));
    expect(second!.map((r) => r.rel)).toEqual(jobs(POOL_THRESHOLD, POOL_THRESHOLD).map((j) => j.rel));
    expect([...first!, ...second!].every((r) => r.ok)).toBe(true);
    expect(parser.threads()).toEqual({ started: threads, alive: threads });
  });

  it('a note past its budget in the first chunk is its error; the chunk queued behind it is parsed whole by the thread that replaces it', { timeout: 60_000 }, async () => {
    parser = openParser({ read, summary: DEFAULT_SUMMARY_OPTIONS, budgetMs: 3000 });
    // 200,000 `*a` take tens of seconds to parse (parse-budget.test.ts).
    const batch = [...jobs(0, 10), { rel: 'slow.md', text: '*a'.repeat(200_000) }, ...jobs(10, 2 * 64 - 11)];
    const results = await parser.parse(batch);
    expect(results.map((r) => r.rel)).toEqual(batch.map((j) => j.rel));
    expect(results[10]).toMatchObject({ ok: false, error: { message: TOO_LONG } });
    expect(results.filter((r) => !r.ok).map((r) => r.rel)).toEqual(['slow.md']);
    expect(results[127]).toMatchObject({ ok: true, note: { title: `Note ${2 * 64 - 2}` } });
  });
});

/**
 * Issue 24: an in-process test's starts share their parse threads (AppOptions.parseThreads), so a
 * start loads no thread's modules again; a kill in process ends what a killed process's threads were
 * doing, and leaves nothing in the shared threads that a fresh start would not see.
 */
describe('parse threads shared between parsers', () => {
  let shared: ParseThreads | undefined;
  afterEach(async () => {
    await shared?.close();
    shared = undefined;
  });
  const options = (root: string, budgetMs = 10_000) => ({ read: { ...read, realRoot: root }, summary: DEFAULT_SUMMARY_OPTIONS, budgetMs });

  it('a closed parser’s idle thread is the next one’s, whatever its notes folder; other options start their own', { timeout: 60_000 }, async () => {
    shared = new ParseThreads();
    const first = openParser(options('/notes/a'), shared);
    expect((await first.parse(jobs(0, 1)))[0]).toMatchObject({ ok: true, note: { title: 'Note 0' } });
    await first.close();
    expect(shared.size()).toBe(1);
    parser = openParser(options('/notes/b'), shared);
    expect((await parser.parse(jobs(1, 1)))[0]).toMatchObject({ ok: true, note: { title: 'Note 1' } });
    expect(parser.threads()).toEqual({ started: 0, alive: 1 });
    await parser.close();
    // Another summary length or budget: never a thread started for other options.
    const other = openParser({ ...options('/notes/b'), summary: { ...DEFAULT_SUMMARY_OPTIONS, maxPoints: 1 } }, shared);
    await other.parse(jobs(2, 1));
    expect(other.threads().started).toBe(1);
    await other.close();
    const slower = openParser(options('/notes/b', 20_000), shared);
    await slower.parse(jobs(3, 1));
    expect(slower.threads().started).toBe(1);
    await slower.close();
    expect(shared.size()).toBe(2); // at most parserThreads() kept: the third given back ended
  });

  it('abandoned (a kill in process), the thread parsing ends at once and is not kept; the next parser’s fresh thread parses', { timeout: 60_000 }, async () => {
    shared = new ParseThreads();
    const killed = openParser(options('/notes/a'), shared);
    await killed.parse(jobs(0, 1)); // the thread is started and has loaded
    const started = Date.now();
    // 200,000 `*a` take tens of seconds to parse (parse-budget.test.ts): still parsing when the kill comes.
    const parsing = killed.parse([{ rel: 'slow.md', text: '*a'.repeat(200_000) }, ...jobs(1, 1)]);
    await new Promise((r) => setTimeout(r, 200)); // the note is on the thread (no signal says so: a kill at any moment is the point)
    killed.abandon();
    const results = await parsing;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(results.map((r) => [r.rel, r.ok])).toEqual([['slow.md', false], ['n1-en.md', false]]);
    expect(shared.size()).toBe(0);
    await expect(killed.parse(jobs(2, 1))).rejects.toThrow(/closed/);
    parser = openParser(options('/notes/a'), shared);
    expect((await parser.parse(jobs(3, 1)))[0]).toMatchObject({ ok: true, note: { title: 'Note 3' } });
    expect(parser.threads().started).toBe(1);
  });
});
