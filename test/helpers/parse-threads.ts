/**
 * Parse threads for the in-process services and commands of a test worker: kept idle between its
 * tests and files, so a start or a command does not load a parse thread's modules again.
 */
import { ParseThreads } from '../../src/publish/parse-pool.js';

/**
 * Idle parse threads one worker keeps: a thread or two for each of the few configs its files run now
 * (ParseThreads keeps a thread per its options, the one given back longest ago ending first).
 * Starting a parse thread loads its modules: ~0.6 s of CPU each (a thread started, one note parsed,
 * closed; load 23), against ~90 ms for the rest of an in-process start and stop.
 */
const WORKER_IDLE_THREADS = 4;
let workerThreads: ParseThreads | undefined;

/**
 * The parse threads every in-process start and command of this test worker shares
 * (AppOptions.parseThreads, ProgramContext.parseThreads), the default of `InProcessCli`,
 * `InProcessService`, `tempPublisher` and `cliIn`: with `isolate: false`
 * (vitest.config.ts) a worker runs its files in one module graph, so a start loads no parse thread
 * a start of an earlier test or file left idle; a kill in process ends the threads parsing at that
 * moment (RunningApp.abandon). Idle threads never keep the worker alive (BudgetedWorker unrefs them).
 */
export function workerParseThreads(): ParseThreads {
  return (workerThreads ??= new ParseThreads(WORKER_IDLE_THREADS));
}

/** The worker's parse threads (`workerParseThreads`), named where a file passes them on explicitly. */
export function fileParseThreads(): ParseThreads {
  return workerParseThreads();
}
