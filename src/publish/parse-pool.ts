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
import { Worker } from 'node:worker_threads';
import { errorText, NoteError, type NoteProblem } from '../errors.js';
import { parseNoteText, readNoteTextSync, type Note, type ReadOptions } from '../notes/read.js';
import { buildSummary, type Summary, type SummaryOptions } from '../summary/build.js';
import { bodyText } from '../summary/body.js';
import { bodySketch } from '../notes/body-sketch.js';
import { searchText } from '../search/text.js';
import { boundHeapGrowth, compactHeap } from '../util/heap.js';
import type { BodySketch, SearchText } from '../store/types.js';

interface JobBase {
  rel: string;
  /**
   * Set for a first run's records: no summary now, it is made when first shown (store/deferred-summaries.ts;
   * see DEFER_SUMMARY_UP_TO); but a note dated after `now` gets its summary, as a timer releases it.
   */
  deferSummary?: { now: number } | undefined;
}

/** A note read by the caller. */
export interface TextJob extends JobBase {
  text: string;
  /** The text's digest, taken where the file was read. */
  hash?: string | undefined;
}

/**
 * A note read on the parse thread itself (a file the store has no record of: every note of a cold
 * start), so the main thread never holds its text: `path` absolute, `realRoot` the notes folder's realpath.
 */
export interface FileJob extends JobBase {
  path: string;
  realRoot: string;
}

export type ParseJob = TextJob | FileJob;

/** What the parse thread read of a FileJob: the digest and stat of the text it parsed; `null`: unreadable (the result says why). */
export type ThreadRead = { hash: string; mtimeMs: number; size: number } | null;

export type ParseResult =
  /**
   * `text`: the note's words for the lookup index, split on the worker (segmenting CJK is the costly part);
   * `body`: its body's sketch (rename-match.ts), taken here as the body itself is not sent back;
   * `summary`: null when the job asked for none.
   */
  | { ok: true; rel: string; note: Note; summary: Summary | null; text: SearchText; body: BodySketch; read?: ThreadRead | undefined }
  /** `read` absent for a FileJob: the thread ended (or ran out of time) before it had read the file. */
  | { ok: false; rel: string; error: { message: string; line?: number | undefined; more?: NoteProblem[] | undefined }; read?: ThreadRead | undefined };

/** The parse thread's first message for a chunk with FileJobs (parse-worker.ts). */
export interface ReadsMessage {
  reads: (ThreadRead | undefined)[];
}

/** Above this many notes in one call, every thread is used; below, one. */
export const POOL_THRESHOLD = 400;
const CHUNK = 64;
export const TOO_LONG = 'took too long to parse';
/** What a worker thread says once it has loaded (parse-worker.ts). */
export const READY = 'ready';

/**
 * Longest note (in UTF-16 units) whose deferred summary (`deferSummary`) may be made on the main thread,
 * with no budget. Pathological Markdown of this size summarises in 15-300 ms (`*a`, `~~a`, `[a](`, `<a>`
 * repeated; one run, load ~13); a longer note's is made on a parse thread, within its budget, when first
 * shown (summary-maker.ts `longSummaryMaker`). 1 of the corpus's 68 notes is longer, 514 of the bench's 35,000.
 */
export const DEFER_SUMMARY_UP_TO = 16_384;

/**
 * The FileJobs of a chunk read (and hashed) on the thread, before any is parsed: `reads` goes back
 * to the main thread at once (a note past its budget is recorded under the digest of what was read),
 * and an unreadable file is already that note's result. `reads` is undefined when no job is a FileJob.
 */
export function readOnThread(jobs: readonly ParseJob[], maxBytes: number): { ready: (TextJob | ParseResult)[]; reads: (ThreadRead | undefined)[] | undefined } {
  const realDirs = new Map<string, string>(); // each folder resolved once per chunk
  const reads: (ThreadRead | undefined)[] = [];
  const ready = jobs.map((job): TextJob | ParseResult => {
    if (!('path' in job)) return (reads.push(undefined), job);
    try {
      const { text, hash, mtimeMs, size } = readNoteTextSync(job.realRoot, job.path, job.rel, maxBytes, job.realRoot, realDirs);
      reads.push({ hash, mtimeMs, size });
      return { rel: job.rel, text, hash, deferSummary: job.deferSummary };
    } catch (e) {
      reads.push(null);
      const error = e instanceof NoteError ? { message: e.message, line: e.line, more: [...e.more] } : { message: `cannot read: ${errorText(e)}` };
      return { ok: false, rel: job.rel, error };
    }
  });
  return { ready, reads: reads.some((r) => r !== undefined) ? reads : undefined };
}

/** One note's parse and summary (on a worker thread). Any failure is this note's: one note never stops a batch. */
export function parseJob({ rel, text, hash, deferSummary }: TextJob, read: ReadOptions, summary: SummaryOptions): ParseResult {
  try {
    const { note, tokens } = parseNoteText(rel, text, read, hash);
    const defer = deferSummary && !(note.date && note.date.getTime() > deferSummary.now);
    return { ok: true, rel, note, summary: defer ? null : buildSummary(note, tokens, summary), text: searchText(note, bodyText(tokens)), body: bodySketch(note.body) };
  } catch (e) {
    if (e instanceof NoteError) return { ok: false, rel, error: { message: e.message, line: e.line, more: [...e.more] } };
    return { ok: false, rel, error: { message: `could not summarise: ${errorText(e)}` } };
  }
}

export interface Parser {
  /** Results in the order of `jobs`. */
  parse(jobs: ParseJob[]): Promise<ParseResult[]>;
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

export interface ParserOptions {
  read: ReadOptions;
  summary: SummaryOptions;
  /** Longest one note may take to parse and summarise. */
  budgetMs: number;
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
function parseInline(jobs: ParseJob[], o: ParserOptions): ParseResult[] {
  const { ready, reads } = readOnThread(jobs, o.read.maxBytes);
  return ready.map((job, i) => ({ ...('ok' in job ? job : parseJob(job, o.read, o.summary)), read: reads?.[i] }));
}

/**
 * A parser whose threads live until `close()`: one for saves, all of them for a big batch. With
 * `shared`, it takes idle threads from there before starting one and gives them back on `close()`.
 */
export function openParser(o: ParserOptions, shared?: ParseThreads): Parser {
  const script = workerScript();
  if (!script) return { parse: async (jobs) => parseInline(jobs, o), endBatch: async () => undefined, bigBatchEnded: () => false, close: async () => undefined, abandon: () => undefined, threads: () => ({ started: 0, alive: 0 }) };
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
  return {
    async parse(jobs) {
      if (closed) throw new Error('the parser is closed');
      const results = new Array<ParseResult>(jobs.length);
      const chunks: number[] = [];
      for (let i = 0; i < jobs.length; i += CHUNK) chunks.push(i);
      const want = jobs.length >= POOL_THRESHOLD ? threads : 1;
      if (want > 1) unboundHeap ??= boundHeapGrowth();
      while (idle.length < Math.min(want, chunks.length)) {
        const kept = shared?.take(o);
        idle.push(kept ?? new BudgetedWorker(script, o));
        if (!kept) started++;
      }
      const mine = idle.splice(0, Math.min(want, chunks.length));
      for (const w of mine) busy.add(w);
      await Promise.all(
        mine.map(async (w) => {
          for (let c = chunks.shift(); c !== undefined; c = chunks.shift()) {
            const part = await w.run(jobs.slice(c, c + CHUNK));
            part.forEach((r, i) => (results[c + i] = r));
          }
        }),
      );
      for (const w of mine) busy.delete(w);
      // Closed meanwhile (abandoned): a thread that was ended is dropped, one still alive let go.
      if (closed) await letGo(mine.filter((w) => w.alive));
      else idle.push(...mine);
      return results;
    },
    async endBatch() {
      unboundHeap?.();
      unboundHeap = undefined;
      // After a save, its thread stays for the next one; after a big batch (a cold start) they all
      // go, so the memory they grew is given back (the next save starts one, in tens of ms).
      if (idle.length <= 1) return;
      await Promise.all(idle.splice(0).map((w) => w.terminate()));
      // Its garbage (every note's text and parse result) given back now, not when V8's memory reducer gets to it.
      compactHeap();
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

/**
 * Parse threads kept between parsers, for in-process tests whose service starts again and again
 * (AppOptions.parseThreads): each start would otherwise start a thread and load its modules again
 * (0.3-0.65 s of CPU each, load ~5; a model run restarts its service up to 9 times). The service's
 * own parser keeps its threads to itself. A thread is kept only idle and alive, and is taken only
 * by a parser of options deeply equal to its own: what it parses is then what a fresh thread would
 * make of it (its module state is the pure functions' caches).
 */
export class ParseThreads {
  private readonly kept: { options: ParserOptions; worker: BudgetedWorker }[] = [];

  /** `keep`: most idle threads kept; another given back ends. */
  constructor(private readonly keep = parserThreads()) {}

  /** An idle thread started with these options (but the folder: `threadOptions`), if one is kept. */
  take(options: ParserOptions): BudgetedWorker | undefined {
    const i = this.kept.findIndex((k) => k.worker.alive && isDeepStrictEqual(threadOptions(k.options), threadOptions(options)));
    return i < 0 ? undefined : this.kept.splice(i, 1)[0]!.worker;
  }

  async give(options: ParserOptions, worker: BudgetedWorker): Promise<void> {
    if (worker.alive && this.kept.length < this.keep) this.kept.push({ options, worker });
    else await worker.terminate();
  }

  readonly size = (): number => this.kept.length; // idle threads kept now

  async close(): Promise<void> {
    await Promise.all(this.kept.splice(0).map((k) => k.worker.terminate()));
  }
}

/** One worker thread fed a chunk at a time, its results coming back one note at a time. */
class BudgetedWorker {
  private worker: Worker;
  /** The thread has loaded its modules: a note's budget counts from here, never the thread's start-up. */
  private ready = false;
  private onReady: (() => void) | undefined;
  /** Its thread ended without being replaced; `killed`: ended by `kill`, never replaced (ParseThreads keeps neither). */
  private exited = false;
  private killed = false;

  constructor(
    private readonly script: string,
    private readonly o: ParserOptions,
  ) {
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    // A larger young generation than the default: parsing allocates many short-lived strings, and
    // scavenging them was a tenth of each worker's time (a cold start of 35,000 notes). An old
    // generation capped at 256 MB instead of the main thread's (gigabytes, from the machine's
    // memory): V8 lets a heap grow up to 4x what survived its last full collection when its limit
    // is large, and about 1.3x when it is this small (heap-controller.cc, MaxGrowingFactor), so a
    // thread's heap stays near what it holds (issue 31's cold peak). A note that needs more is
    // that note's error, as one that kills its thread is.
    const w = new Worker(this.script, { workerData: { read: threadOptions(this.o).read, summary: this.o.summary }, resourceLimits: { maxYoungGenerationSizeMb: 48, maxOldGenerationSizeMb: 256 } });
    w.unref(); // an idle parser never keeps the process alive
    this.ready = false;
    w.once('exit', () => (this.exited ||= w === this.worker));
    w.on('message', (m: unknown) => {
      if (m !== READY) return;
      this.ready = true;
      this.onReady?.();
    });
    return w;
  }

  /** Parses `jobs` in order; a note past its budget (or one that kills the thread) is that note's error. */
  run(jobs: ParseJob[]): Promise<ParseResult[]> {
    const results: ParseResult[] = [];
    /** What the thread read of the FileJobs (readOnThread), by index in `jobs`; `sentFrom`: the index of the first job last sent. */
    const reads: (ThreadRead | undefined)[] = [];
    let sentFrom = 0;
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = () => {
        clearTimeout(timer);
        this.worker.off('message', onResult);
        this.worker.off('error', onDeath);
        this.worker.off('exit', onDeath);
        for (const [i, read] of reads.entries()) if (read !== undefined) results[i]!.read = read;
        resolve(results);
      };
      const next = () => {
        clearTimeout(timer);
        this.onReady = undefined;
        if (results.length === jobs.length) return finish();
        if (!this.ready) return void (this.onReady = next);
        timer = setTimeout(() => fail(TOO_LONG), this.o.budgetMs);
      };
      const onResult = (r: ParseResult | ReadsMessage | typeof READY) => {
        if (r === READY) return;
        // Reading is not parsing: the first note's budget starts again once the chunk is read.
        if ('reads' in r) r.reads.forEach((read, i) => (reads[sentFrom + i] = read));
        else results.push(r);
        next();
      };
      // The note being parsed is at fault: it is recorded, the thread replaced, the rest sent again
      // (their FileJobs read again by the new thread: what it parses is what it reports).
      const fail = (message: string) => {
        if (this.killed) return giveUp('the parser was stopped');
        const rel = jobs[results.length]!.rel;
        results.push({ ok: false, rel, error: { message } });
        this.worker.off('message', onResult);
        this.worker.off('error', onDeath);
        this.worker.off('exit', onDeath);
        void this.worker.terminate();
        this.worker = this.spawn();
        this.worker.on('message', onResult);
        this.worker.once('error', onDeath);
        this.worker.once('exit', onDeath);
        sentFrom = results.length;
        if (results.length < jobs.length) this.worker.postMessage(jobs.slice(results.length));
        next();
      };
      const onDeath = (e: unknown) => {
        const message = `could not summarise: ${e instanceof Error ? e.message : `the parser stopped (${String(e)})`}`;
        if (this.ready && !this.killed) return fail(message);
        giveUp(message);
      };
      // A thread that cannot even start would fail every note the same way: no endless restarts. Nor
      // does a killed one's (`kill`): every note not parsed yet is that note's error.
      const giveUp = (message: string) => {
        for (const job of jobs.slice(results.length)) results.push({ ok: false, rel: job.rel, error: { message } });
        next();
      };
      this.worker.on('message', onResult);
      this.worker.once('error', onDeath);
      this.worker.once('exit', onDeath);
      if (!jobs.length) return finish();
      if (this.killed) return giveUp('the parser was stopped'); // the rest of an abandoned batch
      this.worker.postMessage(jobs);
      next();
    });
  }

  get alive(): boolean {
    return !this.exited && !this.killed;
  }

  /** Ends the thread at once, as a kill -9 would: a run in progress resolves with its unparsed notes failed. */
  kill(): void {
    this.killed = true;
    void this.worker.terminate();
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/**
 * What a thread is started with: the read options without the notes folder's realpath, which a
 * thread never reads (a FileJob carries its own `realRoot`), so tests' folders can share threads.
 */
function threadOptions(o: ParserOptions): { read: Omit<ReadOptions, 'realRoot'>; summary: SummaryOptions; budgetMs: number } {
  const { realRoot: _, ...read } = o.read;
  return { read, summary: o.summary, budgetMs: o.budgetMs };
}
