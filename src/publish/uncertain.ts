/**
 * Posts whose answer never came (README, "Exactly once"): the request went out and no answer came
 * back (our `delivery.callTimeoutMs`, or the connection dropped), so the platform may have posted.
 * The post is sent again (nothing is lost); what keeps the chat from showing it twice is the
 * adapter's (ChatAdapter.resendGuard): Discord's nonce within its window, a look for the post
 * first (Discord forum posts), or nothing (Telegram, Discord webhooks). Each such send is kept here
 * for `status`, and counted in metrics.
 */
import { z } from 'zod';
import type { Store } from '../store/store.js';
import { targetKey, type OutboxRow } from '../store/types.js';
import type { ChatAdapter, FailureClass, ResendGuard } from './port.js';

/** The store's meta key holding the count and the latest uncertain sends. */
const META_KEY = 'deliveries.uncertain';
/** How many of the latest are kept for `status`. */
const KEPT = 20;

const sendSchema = z.object({
  delivery: z.number(),
  note: z.string().nullable(),
  target: z.string(),
  at: z.number(),
  /** `nonce`: the resend is recognised by the platform; `lookup`: looked for before it goes; `none`: the chat may show the post twice. */
  guard: z.enum(['nonce', 'lookup', 'none']),
  reason: z.string(),
});
const recordSchema = z.object({
  /** Every uncertain post send so far; `unguarded`: those whose chat may show them twice. */
  total: z.number().int().min(0),
  unguarded: z.number().int().min(0),
  recent: z.array(sendSchema),
});

export type UncertainSend = z.infer<typeof sendSchema>;
export type UncertainSends = z.infer<typeof recordSchema>;

type MetaStore = Pick<Store, 'getMeta' | 'setMeta'>;

export function readUncertainSends(store: MetaStore): UncertainSends {
  const empty: UncertainSends = { total: 0, unguarded: 0, recent: [] };
  const raw = store.getMeta(META_KEY);
  if (!raw) return empty;
  try {
    return recordSchema.parse(JSON.parse(raw));
  } catch {
    return empty; // a record we cannot read: counting starts again
  }
}

/** Adds one uncertain send to the record `status` shows; call it inside the transaction that schedules the resend. */
export function keepUncertainSend(store: MetaStore, s: UncertainSend): void {
  const now = readUncertainSends(store);
  const next: UncertainSends = { total: now.total + 1, unguarded: now.unguarded + (s.guard === 'none' ? 1 : 0), recent: [s, ...now.recent].slice(0, KEPT) };
  store.setMeta(META_KEY, JSON.stringify(next));
}

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
