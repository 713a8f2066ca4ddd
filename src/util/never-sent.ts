/**
 * Whether a failed request certainly never reached the server: the connection was refused, or the
 * host's name or route was not found. Any other failure after the request went out (our timeout, a
 * connection dropped before the answer) leaves it unknown whether the server acted on it (a
 * Telegram send that timed out and was delivered all the same: python-telegram-bot/python-telegram-bot#1045).
 */
const BEFORE_SENDING = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** Looks through `cause` (fetch, undici) and `error` (grammY's HttpError) for the system error's code. */
export function neverSent(e: unknown, depth = 0): boolean {
  if (typeof e !== 'object' || e === null || depth > 4) return false;
  const code = 'code' in e ? e.code : undefined;
  if (typeof code === 'string' && BEFORE_SENDING.has(code)) return true;
  return ('cause' in e && neverSent(e.cause, depth + 1)) || ('error' in e && neverSent(e.error, depth + 1));
}
