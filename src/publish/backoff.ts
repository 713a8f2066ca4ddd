/** Exponential backoff with jitter, never sooner than the platform's own `retry_after`. */
export function backoffMs(attempt: number, opts: { baseDelayMs: number; maxDelayMs: number }, retryAfterMs = 0, random = Math.random): number {
  const exp = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exp / 2 + (exp / 2) * random();
  return Math.max(Math.round(jittered), Math.ceil(retryAfterMs));
}
