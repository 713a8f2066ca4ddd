/**
 * Posts whose answer never came (README, "Exactly once"): the request went out and no answer came
 * back (our `delivery.callTimeoutMs`, or the connection dropped), so the platform may have posted.
 * The post is sent again (nothing is lost); what keeps the chat from showing it twice is the
 * adapter's (ChatAdapter.resendGuard): Discord's nonce within its window, a look for the post
 * first (Discord forum posts), or nothing (Telegram, Discord webhooks). Each such send is kept here
 * for `status`, and counted in metrics.
 */
import { targetKey, type OutboxRow } from '../store/types.js';
import type { ChatAdapter, FailureClass, ResendGuard } from './port.js';

export { keepUncertainSend, readUncertainSends, type UncertainSend, type UncertainSends } from '../store/uncertain-sends.js';

/**
 * The guard of a post (or digest) whose outcome is uncertain; undefined for anything else: edits,
 * deletes, pins and crossposts repeat harmlessly, and a failure the platform answered posted nothing.
 * An adapter that says nothing of its guard has none.
 */
export function uncertainPostGuard(adapter: ChatAdapter, row: OutboxRow, f: FailureClass): ResendGuard | undefined {
  if (f.kind !== 'transient' || !f.uncertain || (row.kind !== 'post' && row.kind !== 'digest')) return undefined;
  return adapter.resendGuard?.(row.target) ?? { guard: 'none', why: `${row.target.platform} has no idempotency key` };
}

/** A guarded resend goes well inside the guard's window (a quarter of it at most); an unguarded one waits its backoff. */
export function resendDelayMs(guard: ResendGuard, backoff: number): number {
  return guard.guard === 'nonce' ? Math.min(backoff, Math.floor(guard.withinMs / 4)) : backoff;
}

/** The warn line of an uncertain send: what happens next, and whether the chat may show the post twice. */
export function uncertainLine(row: OutboxRow, guard: ResendGuard): string {
  const where = targetKey(row.target);
  return guard.guard === 'nonce'
    ? `no answer to a post to ${where}; it may have been posted: sending it again with the same nonce, which the platform answers with the first message if it was`
    : guard.guard === 'lookup'
      ? `no answer to a post to ${where}; it may have been posted: looking for it before sending it again (${guard.why})`
      : `no answer to a post to ${where}; it may have been posted: sending it again, and the chat may show it twice (${guard.why})`;
}
