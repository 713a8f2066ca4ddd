/**
 * A delivery whose bookkeeping failed (the store threw outside the platform call: a full disk, a
 * locked database) stays queued, and its lane waits before it is tried again, longer after each
 * failure in a row. Tried again at once, a full disk logged the same line 17,504 times in 12 s
 * (issue 25, item 11). One log line per attempt, and a stop ends the waits at once.
 */
import { errorText } from '../errors.js';
import type { Logger } from '../log.js';
import { backoffMs, NO_JITTER } from './backoff.js';

/** The store's own retries (Deliverer.record) wait as long: the same cause, the same pace. */
const WAITS = { baseDelayMs: 500, maxDelayMs: 30_000 };

export class BookkeepingWaits {
  /** Failures in a row, per lane (laneKey). */
  private readonly failures = new Map<string, number>();
  private readonly waiting = new Set<() => void>();

  /** The lane's delivery went through: its next failure waits the shortest time again. */
  succeeded(lane: string): void {
    this.failures.delete(lane);
  }

  /** Logs the failure and resolves once the lane may be tried again (or the deliverer stops). */
  failed(log: Logger, lane: string, context: object, e: unknown): Promise<void> {
    const attempt = (this.failures.get(lane) ?? 0) + 1;
    this.failures.set(lane, attempt);
    const retryInMs = backoffMs(attempt, WAITS, NO_JITTER);
    log.error({ ...context, err: errorText(e), attempt, retryInMs }, 'delivery bookkeeping failed; it stays queued');
    return new Promise((resolve) => {
      const done = () => (clearTimeout(timer), this.waiting.delete(done), resolve());
      const timer = setTimeout(done, retryInMs);
      this.waiting.add(done);
    });
  }

  /** Lanes whose last delivery attempt could not be recorded (status, metrics). */
  get failing(): number {
    return this.failures.size;
  }

  /** The deliverer stops: no wait holds it. */
  endWaits(): void {
    for (const done of [...this.waiting]) done();
  }
}
