/**
 * One parse thread, each note it parses within the budget (parse-pool.ts says why). Chunks of jobs
 * are queued on the thread as they are given (`run`), so a thread that ends one chunk goes on with
 * the next at once instead of waiting for this thread to hand it over: this thread is busy for
 * hundreds of ms at a time committing the chunk before (issue 31: the parse threads waited for it a
 * fifth of a cold start).
 */
import { Worker } from 'node:worker_threads';
import type { ReadOptions } from '../notes/read.js';
import type { SummaryOptions } from '../summary/build.js';
import { threadCpuMs } from './thread-cpu.js';
import { LOADING_SUMMARIES, READY, SUMMARIES_LOADED, TOO_LONG, WARM_UP, type CpuStatMessage, type ParseJob, type ParseResult, type ParserOptions, type ReadsMessage, type ThreadRead } from './parse-jobs.js';

type WorkerMessage = ParseResult | ReadsMessage | CpuStatMessage | typeof READY | typeof LOADING_SUMMARIES | typeof SUMMARIES_LOADED;

/** A chunk given to the thread: its results so far, in order; `reads`: what the thread read of its FileJobs (readOnThread), by index in `jobs`; `sentFrom`: the index of the first job last sent. */
interface Run {
  jobs: ParseJob[];
  results: ParseResult[];
  reads: (ThreadRead | undefined)[];
  sentFrom: number;
  resolve: (results: ParseResult[]) => void;
  /** Told once a note of this chunk has been parsed `ms` of its budget (parse-aside.ts sets notes that slow aside). */
  soft?: SoftBound | undefined;
}

/**
 * A point within the budget at which a note still parsing is told of (`onSlow`), its parse going on:
 * once its thread has computed `ms` on it (thread-cpu.ts), or, where that cannot be read, after `ms`;
 * and in any case once it has parsed `wallMs` by the clock, so a thread a loaded machine starves
 * of CPU is not left to run out its whole budget (issue 25: a 10 s stall at load 7.5).
 */
export interface SoftBound {
  ms: number;
  wallMs?: number | undefined;
  onSlow: () => void;
  /** Told what the thread read of the chunk's FileJobs (by index in its jobs) as it says it, before it parses them. */
  onReads?: ((reads: readonly (ThreadRead | undefined)[]) => void) | undefined;
}

export class BudgetedWorker {
  private worker: Worker;
  /** The thread has loaded its modules: a note's budget counts from here, never the thread's start-up. */
  private ready = false;
  /** Its thread ended without being replaced; `killed`: ended by `kill`, never replaced (ParseThreads keeps neither). */
  private exited = false;
  private killed = false;
  /** The chunks sent to the thread, in the order it parses them: the first is the one it parses now. */
  private readonly runs: Run[] = [];
  /** The budget of the note the thread parses now, and its soft bound (Run.soft). */
  private timer: NodeJS.Timeout | undefined;
  private softTimer: NodeJS.Timeout | undefined;
  /**
   * What is left of the note's budget, from `armedAt`: a pause for the summary's modules keeps what it spent (issue 25,
   * tester 20 F3: the budget began again after the load, so a cold thread (a start-up scan's) gave a note its parse
   * and then a whole budget for its summary, and announced a note a warm thread refused: one rule, one budget).
   */
  private budgetLeft = 0;
  private armedAt = 0;
  /** The note now parsing was told slow (SoftBound.onSlow): once, not again after a pause. */
  private toldSlow = false;
  /** Where the thread's CPU time is read, once it said (CpuStatMessage). */
  private cpuStat: string | undefined;

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
    this.cpuStat = undefined;
    w.on('message', (m: WorkerMessage) => this.onMessage(w, m));
    w.once('error', (e) => this.onDeath(w, e));
    w.once('exit', (code) => {
      if (w !== this.worker) return; // a thread replaced after a note past its budget
      this.exited = true;
      this.onDeath(w, code);
    });
    return w;
  }

  /** Parses `jobs` in order, after the chunks given before; a note past its budget (or one that kills the thread) is that note's error. */
  run(jobs: ParseJob[], soft?: SoftBound): Promise<ParseResult[]> {
    return new Promise((resolve) => {
      const run: Run = { jobs, results: [], reads: [], sentFrom: 0, resolve, soft };
      if (!jobs.length) return resolve([]);
      if (this.killed) return this.giveUp([run], 'the parser was stopped'); // the rest of an abandoned batch
      this.runs.push(run);
      this.worker.postMessage(jobs);
      if (this.runs.length === 1) this.armBudget();
    });
  }

  /** Loads the summary's modules now (a thread started ahead of need), so the first note given it does not wait for them. */
  warmUp(): void {
    if (this.alive) this.worker.postMessage(WARM_UP);
  }

  private pauseBudget(): void {
    clearTimeout(this.timer);
    clearTimeout(this.softTimer);
    this.timer = undefined;
    this.softTimer = undefined;
  }

  /** The summary's modules load: the note's budget waits, keeping what it spent. */
  private pauseForLoad(): void {
    if (this.timer) this.budgetLeft -= performance.now() - this.armedAt;
    this.pauseBudget();
  }

  /**
   * The budget of the thread's next note starts now (once the thread has loaded); none when nothing waits.
   * `resume`: the same note goes on after a pause (`pauseForLoad`), with what was left of its budget.
   */
  private armBudget(resume = false): void {
    this.pauseBudget();
    const soft = this.runs[0]?.soft;
    if (!this.runs.length || !this.ready) return;
    if (!resume) {
      this.budgetLeft = this.o.budgetMs;
      this.toldSlow = false;
    }
    this.armedAt = performance.now();
    this.timer = setTimeout(() => this.fail(TOO_LONG), Math.max(0, this.budgetLeft));
    if (soft && !this.toldSlow && Math.min(soft.ms, soft.wallMs ?? Infinity) < this.o.budgetMs) this.armSoft(soft, { cpu: this.cpuStat === undefined ? undefined : threadCpuMs(this.cpuStat), wall: performance.now() });
  }

  private tellSlow(soft: SoftBound): void {
    this.toldSlow = true;
    soft.onSlow();
  }

  /**
   * `start.cpu`: the thread's CPU time when the note began, when it can be read: the note is slow once it computed
   * `soft.ms`, looked at as often as it could have, or once `soft.wallMs` passed since `start.wall`.
   */
  private armSoft(soft: SoftBound, start: { cpu: number | undefined; wall: number }, waitMs = Math.min(soft.ms, soft.wallMs ?? Infinity)): void {
    this.softTimer = setTimeout(() => {
      const wallLeft = (soft.wallMs ?? Infinity) - (performance.now() - start.wall);
      if (wallLeft <= 0) return this.tellSlow(soft);
      const used = start.cpu === undefined || !this.cpuStat ? undefined : threadCpuMs(this.cpuStat);
      if (used === undefined) return soft.ms <= performance.now() - start.wall ? this.tellSlow(soft) : this.armSoft(soft, start, Math.max(soft.ms - (performance.now() - start.wall), 1));
      const left = soft.ms - (used - start.cpu!);
      if (left <= 0) return this.tellSlow(soft);
      this.armSoft(soft, start, Math.max(Math.min(left, wallLeft), 50));
    }, waitMs);
  }

  private onMessage(w: Worker, m: WorkerMessage): void {
    if (w !== this.worker) return;
    // Loading the summary's modules is not parsing: no budget runs meanwhile, the note's starts again after.
    if (m === LOADING_SUMMARIES) return this.pauseForLoad();
    if (typeof m === 'object' && 'cpuStat' in m) return void (this.cpuStat = m.cpuStat);
    if (m === READY) this.ready = true;
    else if (m !== SUMMARIES_LOADED && this.runs[0]) {
      const head = this.runs[0];
      // Reading is not parsing: the first note's budget starts again once the chunk is read.
      if ('reads' in m) {
        m.reads.forEach((read, i) => (head.reads[head.sentFrom + i] = read));
        head.soft?.onReads?.(head.reads);
      } else head.results.push(m);
      this.settle();
    }
    this.armBudget(m === SUMMARIES_LOADED);
  }

  /** Resolves the chunks the thread has ended. */
  private settle(): void {
    for (let head = this.runs[0]; head && head.results.length === head.jobs.length; head = this.runs[0]) {
      this.runs.shift();
      finish(head);
    }
  }

  /**
   * The note being parsed is at fault: it is recorded, the thread replaced, the rest of its chunk
   * and the chunks after it sent again (their FileJobs read again by the new thread: what it parses
   * is what it reports).
   */
  private fail(message: string): void {
    const head = this.runs[0];
    if (!head) return;
    if (this.killed) return this.giveUp(this.runs.splice(0), 'the parser was stopped');
    head.results.push({ ok: false, rel: head.jobs[head.results.length]!.rel, error: { message } });
    const old = this.worker;
    this.worker = this.spawn();
    void old.terminate();
    this.settle();
    for (const run of this.runs) {
      run.sentFrom = run.results.length;
      this.worker.postMessage(run.jobs.slice(run.sentFrom));
    }
    this.armBudget();
  }

  private onDeath(w: Worker, e: unknown): void {
    if (w !== this.worker || !this.runs.length) return;
    const message = `could not summarise: ${e instanceof Error ? e.message : `the parser stopped (${String(e)})`}`;
    if (this.ready && !this.killed) return this.fail(message);
    this.giveUp(this.runs.splice(0), message);
  }

  /**
   * A thread that cannot even start would fail every note the same way: no endless restarts. Nor
   * does a killed one's (`kill`): every note not parsed yet is that note's error.
   */
  private giveUp(runs: Run[], message: string): void {
    this.pauseBudget();
    for (const run of runs) {
      for (const job of run.jobs.slice(run.results.length)) run.results.push({ ok: false, rel: job.rel, error: { message } });
      finish(run);
    }
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

/** A chunk's results, each with what the thread read of its file. */
function finish(run: Run): void {
  for (const [i, read] of run.reads.entries()) if (read !== undefined) run.results[i]!.read = read;
  run.resolve(run.results);
}

/**
 * What a thread is started with: the read options without the notes folder's realpath, which a
 * thread never reads (a FileJob carries its own `realRoot`), so tests' folders can share threads.
 */
export function threadOptions(o: ParserOptions): { read: Omit<ReadOptions, 'realRoot'>; summary: SummaryOptions; budgetMs: number } {
  const { realRoot: _, ...read } = o.read;
  return { read, summary: o.summary, budgetMs: o.budgetMs };
}
