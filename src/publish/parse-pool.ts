/**
 * Parses and summarises notes on worker threads, each note within a time budget. Parsing is
 * Markdown and our summary on text anyone can write, and some text is pathological (1 MB of `*a`
 * took 211 s, `[a](` × 250,000 took 38 s, 10 KB of `> ` overflows the stack): on the main thread
 * one such note would freeze every chat, every other note and `/healthz`. A note still parsing when
 * its budget runs out has its worker terminated (the only way to stop synchronous code) and is that
 * note's error, `took too long to parse`; a fresh worker goes on with the rest.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { boundHeapGrowth } from '../util/heap.js';
import { BudgetedWorker, threadOptions } from './budgeted-worker.js';
import type { AsideBounds, ParseJob, ParseResult, ParserOptions } from './parse-jobs.js';
import { asideLanes, type ParseEntry } from './parse-aside.js';
import { readOnThread } from './parse-note.js';

export { READY, TOO_LONG } from './parse-jobs.js';
export { readOnThread } from './parse-note.js';
export type { AsideBounds, FileJob, ParseJob, ParseResult, ParserOptions, ReadsMessage, TextJob, ThreadRead } from './parse-jobs.js';

/** Above this many notes in one call, every thread is used; below, one. */
export const POOL_THRESHOLD = 400;
const CHUNK = 64;

/**
 * Longest note (in UTF-16 units) whose deferred summary (`deferSummary`) may be made on the main thread,
 * with no budget. Pathological Markdown of this size summarises in 15-300 ms (`*a`, `~~a`, `[a](`, `<a>`
 * repeated; one run, load ~13); a longer note's is made on a parse thread, within its budget, when first
 * shown (summary-maker.ts `longSummaryMaker`). 1 of the corpus's 68 notes is longer, 514 of the bench's 35,000.
 */
export const DEFER_SUMMARY_UP_TO = 16_384;

export interface Parser {
  /** Results in the order of `jobs`. */
  parse(jobs: ParseJob[]): Promise<ParseResult[]>;
  /**
   * A save's notes (parse-aside.ts): in the order of `jobs`, each note's result, or the promise of it
   * for a note still parsing after its bounds (parse-aside.ts); a big batch's are all results, as `parse` makes them.
   */
  parseAside(jobs: ParseJob[], bounds?: Partial<AsideBounds>): Promise<ParseEntry[]>;
  /**
   * A batch parsed a chunk at a time is over: the extra threads a big chunk started end now (they
   * stay between its chunks, since starting one costs tens of ms of module loading each time).
   */
  endBatch(): Promise<void>;
  /** Whether a big batch (one parsed on every thread) ended since the last call: the service then gives memory back before it says `idle`. */
  bigBatchEnded(): boolean;
  close(): Promise<void>;
  /** A kill -9, for in-process tests of crashes (RunningApp.abandon): threads parsing now end at once, their notes unparsed; idle ones are let go as by `close`. */
  abandon(): void;
  /** Threads started so far, and those alive now (what a batch costs in start-ups, and what it leaves). */
  threads(): { started: number; alive: number };
}

/** Threads a big batch is parsed on: the service's and the benchmark's bare baseline's (bench/startup.ts). */
export function parserThreads(): number {
  return Math.max(1, Math.min(availableParallelism(), 4));
}

/**
 * The worker script: beside this module once built; from the TypeScript sources (the tests) the
 * build's copy, which `npm test` makes first. Without either, parsing is inline and unbounded.
 */
function workerScript(): string | undefined {
  const beside = fileURLToPath(new URL('./parse-worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  const built = fileURLToPath(new URL('../../dist/src/publish/parse-worker.js', import.meta.url));
  return existsSync(built) ? built : undefined;
}

/** Without a worker script: on this thread, unbounded. */
async function parseInline(jobs: ParseJob[], o: ParserOptions): Promise<ParseResult[]> {
  const { parseJob } = await import('./parse-here.js');
  const { ready, reads } = readOnThread(jobs, o.read.maxBytes);
  return ready.map((job, i) => ({ ...('ok' in job ? job : parseJob(job, o.read, o.summary)), read: reads?.[i] }));
}

/**
 * A parser whose threads live until `close()`: one for saves, all of them for a big batch. With
 * `shared`, it takes idle threads from there before starting one and gives them back on `close()`.
 */
export function openParser(o: ParserOptions, shared?: ParseThreads): Parser {
  const script = workerScript();
  if (!script) return { parse: (jobs) => parseInline(jobs, o), parseAside: (jobs) => parseInline(jobs, o), endBatch: async () => undefined, bigBatchEnded: () => false, close: async () => undefined, abandon: () => undefined, threads: () => ({ started: 0, alive: 0 }) };
  const threads = parserThreads();
  const idle: BudgetedWorker[] = [];
  /** Threads parsing now: what `abandon` ends. */
  const busy = new Set<BudgetedWorker>();
  let closed = false;
  let started = 0;
  let bigBatchEnded = false;
  /** Set while a big batch runs: its chunks' results, copied back from the threads, die in this thread's old generation. */
  let unboundHeap: (() => void) | undefined;
  const letGo = (ws: BudgetedWorker[]) => Promise.all(ws.map((w) => (shared ? shared.give(o, w) : w.terminate())));
  const take = (): BudgetedWorker => {
    const kept = idle.shift() ?? shared?.take(o);
    if (!kept) started++;
    const w = kept ?? new BudgetedWorker(script, o);
    busy.add(w);
    return w;
  };
  const release = (ws: BudgetedWorker[]) => {
    for (const w of ws) busy.delete(w);
    // Closed meanwhile (abandoned): a thread that was ended is dropped, one still alive let go.
    if (closed) return letGo(ws.filter((w) => w.alive));
    idle.push(...ws);
  };
  /** A note set aside holds its thread up to its budget: one more waits warm for the next save, which else waited for a
   * thread to load (issue 25, tester 19 F4: 7-20 s at load 25, the saves behind it queued). */
  const spare = () => {
    if (closed || idle.length) return;
    const w = take(); // none idle: one `shared` keeps, else a new one
    release([w]);
    w.warmUp();
  };
  const parseBig = bigParses(threads, take, release);
  const aside = asideLanes(take, release, spare);
  return {
    async parse(jobs) {
      if (closed) throw new Error('the parser is closed');
      if (jobs.length >= POOL_THRESHOLD) {
        unboundHeap ??= boundHeapGrowth();
        return parseBig(jobs);
      }
      return onOwnThread(jobs, take, release);
    },
    parseAside(jobs, bounds) {
      return closed || jobs.length >= POOL_THRESHOLD ? this.parse(jobs) : aside.parse(jobs, bounds ?? o.aside);
    },
    async endBatch() {
      unboundHeap?.();
      unboundHeap = undefined;
      // After a save, its thread stays for the next one; after a big batch (a cold start) they all
      // go, so the memory they grew is given back (the next save starts one, in tens of ms).
      if (idle.length <= 1) return;
      await Promise.all(idle.splice(aside.parsing() ? 1 : 0).map((w) => w.terminate())); // but a `spare` while a note set aside parses
      // Its garbage (every note's text and parse result) is given back by the one compaction the
      // service makes before it says `idle` (sync.ts releaseMemory), told by `bigBatchEnded`: a
      // second one here cost as much again at the end of every cold start (issue 31).
      bigBatchEnded = true;
    },
    bigBatchEnded() {
      const ended = bigBatchEnded;
      bigBatchEnded = false;
      return ended;
    },
    threads: () => ({ started, alive: idle.length }),
    async close() {
      closed = true;
      aside.stop(); // a note set aside is found again by the next start's scan
      unboundHeap?.();
      unboundHeap = undefined;
      await letGo(idle.splice(0));
    },
    abandon() {
      for (const w of busy) w.kill();
      void this.close();
    },
  };
}

/** A save's few notes (or a long note's summary while a big batch runs): a thread of their own, two chunks on it at a time. */
async function onOwnThread(jobs: ParseJob[], take: () => BudgetedWorker, release: (ws: BudgetedWorker[]) => unknown): Promise<ParseResult[]> {
  const results = new Array<ParseResult>(jobs.length);
  const chunks: number[] = [];
  for (let i = 0; i < jobs.length; i += CHUNK) chunks.push(i);
  if (!chunks.length) return results;
  const w = take();
  const own = async () => {
    for (let c = chunks.shift(); c !== undefined; c = chunks.shift()) {
      const part = await w.run(jobs.slice(c, c + CHUNK));
      part.forEach((r, i) => (results[c + i] = r));
    }
  };
  await Promise.all([own(), own()]);
  await release([w]);
  return results;
}

/**
 * Big parses (a batch's chunks) on every thread: their chunks queue in the order asked, and each
 * thread takes them two at a time, so the next batch's chunks follow the last ones with no wait
 * between (Publisher.processBatch asks for them before it has the results of the one before).
 * `take` gives a thread to use, `release` takes it back once the queue is empty.
 */
function bigParses(threads: number, take: () => BudgetedWorker, release: (ws: BudgetedWorker[]) => unknown): (jobs: ParseJob[]) => Promise<ParseResult[]> {
  /** A big batch's chunks not given to a thread yet, of every big `parse` in progress, in the order asked. */
  const queue: { jobs: ParseJob[]; done: (part: ParseResult[]) => void }[] = [];
  /** The threads taking chunks from `queue`, and how many at a time each (lanes). */
  const lanes = new Map<BudgetedWorker, number>();
  // Two chunks given to each thread at a time (BudgetedWorker queues them): one ended, it goes on
  // with the other while this thread takes in the results, or is busy with a commit.
  const lane = async (w: BudgetedWorker) => {
    lanes.set(w, (lanes.get(w) ?? 0) + 1);
    for (let c = queue.shift(); c; c = queue.shift()) c.done(await w.run(c.jobs));
    // Told at once, in the turn that found the queue empty: a big parse asked next starts lanes again.
    const left = lanes.get(w)! - 1;
    if (left) return void lanes.set(w, left);
    lanes.delete(w);
    await release([w]);
  };
  return async (jobs) => {
    const results = new Array<ParseResult>(jobs.length);
    const parts: Promise<void>[] = [];
    for (let i = 0; i < jobs.length; i += CHUNK) {
      const done = new Promise<void>((resolve) => {
        const jobsOfChunk = jobs.slice(i, i + CHUNK);
        queue.push({ jobs: jobsOfChunk, done: (part) => (part.forEach((r, k) => (results[i + k] = r)), resolve()) });
      });
      parts.push(done);
    }
    for (const [w, n] of lanes) for (let k = n; k < 2; k++) void lane(w);
    while (lanes.size < threads) {
      const w = take();
      void lane(w);
      void lane(w);
    }
    await Promise.all(parts);
    return results;
  };
}

/**
 * Idle parse threads kept between parsers of one process: a parser's threads would otherwise end
 * with it, and the next parser would start a thread and load its modules again (0.3-0.65 s of CPU
 * each, load ~5). Given to `openParser` by whoever runs parsers one after another: the preview page's
 * batches (health/preview/notes.ts), an in-process test's services and commands (AppOptions.parseThreads,
 * test/helpers/parse-threads.ts; a model run restarts its service up to 9 times). The service's own
 * parser keeps its threads to itself. A thread is kept only idle and alive, and is taken only by a
 * parser of options deeply equal to its own: what it parses is then what a fresh thread would make
 * of it (its module state is the pure functions' caches). Past `keep`, the thread given back
 * longest ago ends: the newest options (the config just saved, the files running now) keep theirs.
 */
export class ParseThreads {
  private readonly kept: { options: ParserOptions; worker: BudgetedWorker }[] = [];

  /** `keep`: most idle threads kept. */
  constructor(private readonly keep = parserThreads()) {}

  /** An idle thread started with these options (but the folder: `threadOptions`), if one is kept. */
  take(options: ParserOptions): BudgetedWorker | undefined {
    const want = threadOptions(options);
    const i = this.kept.findIndex((k) => k.worker.alive && isDeepStrictEqual(threadOptions(k.options), want));
    return i < 0 ? undefined : this.kept.splice(i, 1)[0]!.worker;
  }

  async give(options: ParserOptions, worker: BudgetedWorker): Promise<void> {
    if (!worker.alive) return;
    this.kept.push({ options, worker });
    const over = this.kept.splice(0, Math.max(0, this.kept.length - this.keep));
    await Promise.all(over.map((k) => k.worker.terminate()));
  }

  readonly size = (): number => this.kept.length; // idle threads kept now

  async close(): Promise<void> {
    await Promise.all(this.kept.splice(0).map((k) => k.worker.terminate()));
  }
}
