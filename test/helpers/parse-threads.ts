/**
 * Parse threads for the in-process services of a test worker: kept idle between its tests and files,
 * so a start does not load a parse thread's modules again.
 */
import { isDeepStrictEqual } from 'node:util';
import { ParseThreads, type ParserOptions } from '../../src/publish/parse-pool.js';
import { threadOptions, type BudgetedWorker } from '../../src/publish/budgeted-worker.js';

/**
 * Parse threads kept idle between the in-process services of one test worker, the least recently
 * given back ended first when more are given back than it keeps. Starting a parse thread loads its
 * modules: ~0.6 s of CPU each (a thread started, one note parsed, closed; load 23), against ~90 ms
 * for the rest of an in-process start and stop. A thread is kept per its options (ParseThreads,
 * `threadOptions`): files whose configs differ keep threads of each, so it keeps a few more than a
 * service's own `parserThreads()`, and gives way to the newest.
 */
class WorkerParseThreads extends ParseThreads {
  private readonly idle: { options: ParserOptions; worker: BudgetedWorker }[] = [];

  constructor(private readonly most: number) {
    super(most);
  }

  override take(options: ParserOptions): BudgetedWorker | undefined {
    const want = threadOptions(options);
    const i = this.idle.findIndex((k) => k.worker.alive && isDeepStrictEqual(threadOptions(k.options), want));
    return i < 0 ? undefined : this.idle.splice(i, 1)[0]!.worker;
  }

  override async give(options: ParserOptions, worker: BudgetedWorker): Promise<void> {
    if (!worker.alive) return;
    this.idle.push({ options, worker });
    const over = this.idle.splice(0, Math.max(0, this.idle.length - this.most));
    await Promise.all(over.map((k) => k.worker.terminate()));
  }

  override readonly size = (): number => this.idle.length;

  override async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((k) => k.worker.terminate()));
  }
}

/** Idle parse threads one worker keeps: a thread or two for each of the few configs its files run now. */
const WORKER_IDLE_THREADS = 4;
let workerThreads: ParseThreads | undefined;

/**
 * The parse threads every in-process start of this test worker shares (AppOptions.parseThreads),
 * the default of `InProcessCli`, `InProcessService` and `tempPublisher`: with `isolate: false`
 * (vitest.config.ts) a worker runs its files in one module graph, so a start loads no parse thread
 * a start of an earlier test or file left idle; a kill in process ends the threads parsing at that
 * moment (RunningApp.abandon). Idle threads never keep the worker alive (BudgetedWorker unrefs them).
 */
export function workerParseThreads(): ParseThreads {
  return (workerThreads ??= new WorkerParseThreads(WORKER_IDLE_THREADS));
}

/** The worker's parse threads (`workerParseThreads`), named where a file passes them on explicitly. */
export function fileParseThreads(): ParseThreads {
  return workerParseThreads();
}
