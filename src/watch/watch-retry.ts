/**
 * When a native watch that failed is tried again. An error from @parcel/watcher (its inotify thread's read failing, a
 * watch it could not add: ENOSPC once `fs.inotify.max_user_watches` is reached) may leave part or all of the tree
 * unwatched, and nothing in the watch itself ever recovers it: the watcher watches the root anew and reads it whole
 * (a rescan, so a change made meanwhile is not missed: watcher.ts checkRoot). A watch failing again (the limit still
 * reached) is tried 1 s after the first failure, then 2, 4 … up to 60 s apart, each try logged; a failure more than
 * the longest wait after the one before starts again at 1 s.
 */
export class WatchRetry {
  private failures = 0;
  private lastFailureAt: number | undefined;
  private dueAt: number | undefined;

  constructor(
    private readonly baseMs = 1000,
    private readonly maxMs = 60_000,
  ) {}

  /** A watch failed (its error event, or watching anew failed) at `now`: returns the wait before the next try. */
  failed(now: number): number {
    if (this.lastFailureAt !== undefined && now - this.lastFailureAt > this.maxMs) this.failures = 0;
    const wait = Math.min(this.maxMs, this.baseMs * 2 ** Math.min(this.failures, 16));
    this.failures++;
    this.lastFailureAt = now;
    this.dueAt = now + wait;
    return wait;
  }

  /** Whether a try is due at `now`; once said, the next one waits for another failure. */
  take(now: number): boolean {
    if (this.dueAt === undefined || now < this.dueAt) return false;
    this.dueAt = undefined;
    return true;
  }
}
