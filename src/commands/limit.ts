/**
 * A per-user command rate limit: a user past it is answered "please wait" instead of the answer,
 * every time (a command answered with nothing looks lost). What a flood can cost a chat is bounded
 * elsewhere: a chat's waiting commands (Telegram adapter) and its replies' pacing.
 */
export interface RateLimitOptions {
  /** Commands allowed in a burst. */
  burst: number;
  /** One more command is allowed every `refillMs`. */
  refillMs: number;
}

export type LimitVerdict = 'ok' | 'limited';

export class CommandRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly opts: RateLimitOptions = { burst: 5, refillMs: 3000 },
    private readonly now: () => number = Date.now,
  ) {}

  /** `limited` while the user has no command left (answer "please wait"), until one is refilled. */
  take(user: string): LimitVerdict {
    const now = this.now();
    const b = this.buckets.get(user) ?? { tokens: this.opts.burst, at: now };
    const refill = Math.floor((now - b.at) / this.opts.refillMs);
    if (refill > 0) {
      b.tokens = Math.min(this.opts.burst, b.tokens + refill);
      b.at += refill * this.opts.refillMs;
    }
    this.buckets.set(user, b);
    if (this.buckets.size > 50_000) this.prune(now);
    if (b.tokens === 0) return 'limited';
    b.tokens--;
    return 'ok';
  }

  private prune(now: number): void {
    for (const [k, b] of this.buckets) if (now - b.at > this.opts.burst * this.opts.refillMs) this.buckets.delete(k);
  }
}

export const SLOW_DOWN_TEXT = 'You are sending commands quickly; please wait a few seconds and try again.';
