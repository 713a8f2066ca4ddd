import type { Clock } from '../../src/util/clock.js';

/**
 * A clock a test moves forward (`advance`) instead of waiting for a date: the system's time plus
 * what it was moved by. A timer fires when its time comes on this clock: after its delay, as the
 * system's do, or at once when the clock is moved past it.
 */
export class SteppedClock implements Clock {
  private offset: number;
  /** `startAt`: the time it shows now (a date the test chose, running on from there); the system's by default. */
  constructor(startAt?: number) {
    this.offset = startAt === undefined ? 0 : startAt - Date.now();
  }
  private readonly timers = new Set<{ at: number; fire: () => void }>();

  now(): number {
    return Date.now() + this.offset;
  }

  after(ms: number, fn: () => void): () => void {
    let real: NodeJS.Timeout | undefined;
    const timer = { at: this.now() + ms, fire: () => (cancel(), fn()) };
    const cancel = () => {
      clearTimeout(real);
      this.timers.delete(timer);
    };
    real = setTimeout(timer.fire, ms);
    real.unref();
    this.timers.add(timer);
    return cancel;
  }

  /** Moves the clock `ms` forward; the timers it passes fire now. */
  advance(ms: number): void {
    this.offset += ms;
    for (const t of [...this.timers]) if (t.at <= this.now()) t.fire();
  }
}
