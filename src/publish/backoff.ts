/**
 * Exponential backoff for a failed attempt: `baseDelayMs` doubled per attempt up to `maxDelayMs`,
 * jittered down to half of it (many deliveries failing at once come back spread out). Every retry
 * in the service waits this way; pass `NO_JITTER` where one caller retries alone (the store).
 */
export function backoffMs(attempt: number, opts: { baseDelayMs: number; maxDelayMs: number }, random = Math.random): number {
  const exp = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}

/**
 * The platform's own `retry_after`, never sooner, with a little jitter so that many chats limited
 * at once (a global limit) do not all come back in the same millisecond.
 */
export function rateLimitedDelayMs(retryAfterMs: number, random = Math.random): number {
  return Math.ceil(retryAfterMs + Math.min(1000, 100 + retryAfterMs / 10) * random());
}

/** For `backoffMs`: the full delay, without jitter. */
export const NO_JITTER = (): number => 1;
