/**
 * A save's notes parsed so that a slow one holds back no other (issue 25, item 5: four pathological
 * notes moved in with three normal ones held those 52 s, parsed one after another on one thread,
 * each up to `notes.parseTimeoutMs`). Notes go one per message, shortest first, on one thread; a
 * note still parsing after the soft bound (SOFT_BOUND_MS of its thread's CPU, or WALL_BOUND_MS by the clock) is *slow*: it goes on parsing on its thread, within its
 * budget, and the notes waiting each take a thread at once (up to SAVE_THREADS: the slow ones among them are found
 * in one soft bound, not one after another, k bounds for k notes). The parse resolves once
 * no note is parsing short of the soft bound: a note not parsed then comes as a promise of its
 * result, which the publisher decides in a batch of its own when it comes (late-notes.ts), so the
 * notes saved with it, and the saves after, are not held back.
 */
import { statSync } from 'node:fs';
import type { BudgetedWorker } from './budgeted-worker.js';
import type { AsideBounds, ParseJob, ParseResult, ThreadRead } from './parse-jobs.js';

/**
 * How long a note may parse, in its thread's CPU time (BudgetedWorker SoftBound), before it is set aside (its budget
 * still runs): the notes saved with it wait no longer for it. A normal note takes ms; a pathological one, seconds to minutes.
 */
const SOFT_BOUND_MS = 1000;
/**
 * The same by the clock, for a thread a loaded machine starves (issue 25: at load 7.5 a pathological note's thread
 * reached its 10 s budget short of 1 s of CPU, and the notes saved with it waited those 10 s). Three times the CPU
 * bound: a fresh thread's first ordinary note (its modules compiled: a few hundred ms of CPU) at a quarter of a core
 * takes about a second by the clock, and is not set aside for it; a third of the default budget (notes.parseTimeoutMs).
 */
const WALL_BOUND_MS = 3000;
/** The most threads one save's notes take: a slow note waits more than it computes, so not bounded by the cores. */
const SAVE_THREADS = 4;

/**
 * A note set aside: the promise of its result, and the digest of the text its thread is parsing when the thread said it
 * (a FileJob's read, reported before parsing; a TextJob's digest is its caller's). A later report of the note whose file
 * still holds that text is left to this parse (late-notes.ts `take`): one content is parsed, and set aside, once.
 */
export interface SetAside {
  result: Promise<ParseResult>;
  /** Undefined until the thread has read the file (a note set aside while waiting for a thread is read after). */
  readonly readHash: string | undefined;
}

/** A note's result, or what is known of it while it is set aside. */
export type ParseEntry = ParseResult | SetAside;

export function isParsed(e: ParseEntry): e is ParseResult {
  return 'ok' in e;
}

interface Item {
  job: ParseJob;
  result?: ParseResult | undefined;
  slow: boolean;
  /** What its thread read of its file, once told (SetAside.readHash). */
  read?: ThreadRead | null | undefined;
  promise: Promise<ParseResult>;
  done: (r: ParseResult) => void;
}

export interface AsideLanes {
  /** Entries in the order of `jobs`. */
  parse(jobs: ParseJob[], bounds?: Partial<AsideBounds>): Promise<ParseEntry[]>;
  /** Ends the threads still on a save's notes (the parser closes, after its last batch): a slow note's result, or one set aside with it, resolves as an error no one decides. */
  stop(): void;
  /** Whether a thread is still on a save's notes: after its batch, a note set aside. */
  parsing(): boolean;
}

/**
 * `take` gives a thread, `release` takes it back once no note of its save waits; `setAside` is told each time a note is
 * set aside, once the notes waiting have their threads: that note holds its thread up to its budget.
 */
export function asideLanes(take: () => BudgetedWorker, release: (ws: BudgetedWorker[]) => unknown, setAside: () => void = () => undefined): AsideLanes {
  const laneThreads = new Set<BudgetedWorker>();
  const parse = (jobs: ParseJob[], bounds: Partial<AsideBounds> = {}): Promise<ParseEntry[]> =>
    new Promise((resolve) => {
      const { cpuMs = SOFT_BOUND_MS, wallMs = WALL_BOUND_MS } = bounds;
      const items = jobs.map((job): Item => {
        let done!: (r: ParseResult) => void;
        const promise = new Promise<ParseResult>((r) => (done = r));
        return { job, slow: false, promise, done };
      });
      const size = new Map(items.map((it) => [it, sizeOf(it.job)]));
      const waiting = [...items].sort((a, b) => size.get(a)! - size.get(b)!);
      let lanes = 0;
      let resolved = false;
      /**
       * Resolved once every note is parsed, or a note is slow and none is parsing short of the soft bound:
       * those waiting for a thread are then set aside too (the longest, as they go shortest first), and
       * each goes on at once on a thread of its own, waiting no longer than its own parse and that thread's start.
       */
      const look = () => {
        const stuck = items.some((it) => it.slow && !it.result);
        if (resolved || !items.every((it) => it.result || (stuck && (it.slow || waiting.includes(it))))) return;
        resolved = true;
        resolve(items.map((it): ParseEntry => it.result ?? asideEntry(it)));
      };
      const lane = async (w: BudgetedWorker) => {
        lanes++;
        laneThreads.add(w);
        for (let it = waiting.shift(); it; it = waiting.shift()) {
          const item = it;
          const onSlow = () => {
            item.slow = true;
            look();
            while (waiting.length && lanes < SAVE_THREADS) void lane(take()); // every lane at once: k slow notes are found in one soft bound, not k
            setAside();
          };
          const [r] = await w.run([item.job], { ms: cpuMs, wallMs, onSlow, onReads: (reads) => (item.read = reads[0]) });
          item.result = r!;
          item.done(r!);
          look();
        }
        lanes--;
        laneThreads.delete(w);
        await release([w]);
      };
      if (!items.length) return resolve([]);
      void lane(take());
    });
  return {
    parse,
    stop() {
      for (const w of laneThreads) w.kill();
    },
    parsing: () => laneThreads.size > 0,
  };
}

/** A note set aside, its digest read as its thread tells it. */
function asideEntry(item: Item): SetAside {
  return {
    result: item.promise,
    get readHash() {
      return item.read?.hash;
    },
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
