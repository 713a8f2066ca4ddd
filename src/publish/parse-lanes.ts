/**
 * A save's notes (fewer than POOL_THRESHOLD) parsed one per message, each note's result back as
 * soon as it is made (a caller may go on with those: not done yet, issue 25). One thread
 * starts; another is taken whenever every thread has been on its note for SOFT_BOUND_MS and notes
 * still wait, up to SAVE_THREADS: pathological notes (each up to `notes.parseTimeoutMs`) are parsed
 * side by side, and the notes behind them go on in a thread of their own (issue 25: four such
 * notes held three normal ones 53 s, parsed one after another on one thread).
 */
import { statSync } from 'node:fs';
import type { BudgetedWorker } from './budgeted-worker.js';
import type { ParseJob, ParseResult } from './parse-jobs.js';

/** How long a note may hold its thread while other notes wait before another thread is taken for them. */
const SOFT_BOUND_MS = 1000;
/** The most threads a save's notes take: as many as a big batch's at most (parserThreads), whatever the cores, since a stuck note waits more than it computes. */
const SAVE_THREADS = 4;

interface Waiting {
  job: ParseJob;
  done: (result: ParseResult) => void;
}

/** `take` gives a thread to use; `release` takes back each once no note waits. */
export function saveParses(take: () => BudgetedWorker, release: (ws: BudgetedWorker[]) => unknown, softMs = SOFT_BOUND_MS): (jobs: ParseJob[]) => Promise<ParseResult>[] {
  return (jobs) => {
    const waiting: Waiting[] = [];
    const results = jobs.map((job) => new Promise<ParseResult>((done) => waiting.push({ job, done })));
    // The shortest first: a pathological note is long (a megabyte of `*a`), so the notes a save
    // writes beside a few of them never wait for a thread the long ones hold (results keep `jobs`' order).
    const size = new Map(waiting.map((w) => [w, sizeOf(w.job)]));
    waiting.sort((a, b) => size.get(a)! - size.get(b)!);
    /** Each thread's note, and since when it parses it. */
    const parsingSince = new Map<BudgetedWorker, number>();
    let watch: NodeJS.Timeout | undefined;
    const lane = async (w: BudgetedWorker) => {
      for (let next = waiting.shift(); next; next = waiting.shift()) {
        parsingSince.set(w, Date.now());
        const [result] = await w.run([next.job]);
        next.done(result!);
      }
      parsingSince.delete(w);
      if (!parsingSince.size) clearInterval(watch);
      await release([w]);
    };
    const stuck = () => [...parsingSince.values()].every((since) => Date.now() - since >= softMs);
    if (waiting.length) void lane(take());
    if (waiting.length) {
      watch = setInterval(() => {
        if (!waiting.length) return clearInterval(watch);
        if (parsingSince.size < SAVE_THREADS && stuck()) void lane(take());
      }, softMs / 4);
      watch.unref();
    }
    return results;
  };
}

/** A job's length: its text's, or its file's (read on the thread); 0 when it cannot be told (the thread reports why). */
function sizeOf(job: ParseJob): number {
  if ('text' in job) return job.text.length;
  try {
    return statSync(job.path, { throwIfNoEntry: false })?.size ?? 0;
  } catch {
    return 0;
  }
}
