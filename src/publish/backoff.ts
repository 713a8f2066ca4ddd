/** Exponential backoff with jitter, for a failed attempt. */
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
