/**
 * What the service's scheduled-note timer reads and sets: the system's clock, or a test's, moved
 * past a note's date instead of waited for (AppOptions.clock).
 */
export interface Clock {
  now(): number;
  /** Calls `fn` once `ms` have passed on this clock; the function returned cancels it. Never keeps the process alive. */
  after(ms: number, fn: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  after(ms, fn) {
    const t = setTimeout(fn, ms);
    t.unref();
    return () => clearTimeout(t);
  },
};
