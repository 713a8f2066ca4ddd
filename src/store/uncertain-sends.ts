/**
 * The record `status` shows of posts whose answer never came (publish/uncertain.ts; README, "Exactly once"): the
 * count, and the latest twenty with their note, chat and time, so an operator can look in those chats. A post
 * called off afterwards (its note drafted, deleted, no longer wanted) says so here: the chat may show it.
 */
import { z } from 'zod';
import { markMaybeSent } from './maybe-sent.js';
import { countUnansweredSend, HELD_UNANSWERED, TIMED_OUT } from './held-unanswered.js';
import type { Store } from './store.js';

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
  /** Why the post was called off before it was sent again (store/called-off.ts): the chat may show it. */
  calledOff: z.string().optional(),
  /** What the delete queued with a call-off under `onDelete: delete` learned of its message (publish/called-off-find.ts). */
  outcome: z.string().optional(),
  /** How many of its sends got no answer (an unguarded post's each may have made a message); absent: one. */
  sends: z.number().int().min(1).optional(),
});
const recordSchema = z.object({
  /** Every uncertain post send so far; `unguarded`: those whose chat may show them twice. */
  total: z.number().int().min(0),
  unguarded: z.number().int().min(0),
  recent: z.array(sendSchema),
});

export type UncertainSend = z.infer<typeof sendSchema>;
export type UncertainSends = z.infer<typeof recordSchema>;

type RecordStore = Pick<Store, 'getMeta' | 'setMeta' | 'sql'>;

export function readUncertainSends(store: Pick<Store, 'getMeta'>): UncertainSends {
  const empty: UncertainSends = { total: 0, unguarded: 0, recent: [] };
  const raw = store.getMeta(META_KEY);
  if (!raw) return empty;
  try {
    return recordSchema.parse(JSON.parse(raw));
  } catch {
    return empty; // a record we cannot read: counting starts again
  }
}

/**
 * Adds one uncertain send to the record `status` shows; call it inside the transaction that schedules the resend.
 * `sentAt`: when the send went out (not when its answer was given up on: Discord's nonce window runs from the send). A
 * post is counted and listed once however many of its sends went unanswered (tester 37 F4: one held post read as two),
 * its entry the latest, with how many sends got no answer (an unguarded one's each may have made a message).
 */
export function keepUncertainSend(store: RecordStore, s: UncertainSend, sentAt = s.at): void {
  const first = markMaybeSent(store.sql, s.delivery, sentAt);
  countUnansweredSend(store.sql, s.delivery, TIMED_OUT.test(s.reason)); // what bounds its sends (store/held-unanswered.ts)
  const now = readUncertainSends(store);
  const before = now.recent.find((r) => r.delivery === s.delivery);
  const counted = !first; // an earlier send of it marked it (and counted it)
  const entry: UncertainSend = s.guard === 'none' && before ? { ...s, sends: (before.sends ?? 1) + 1 } : s;
  const next: UncertainSends = {
    total: now.total + (counted ? 0 : 1),
    unguarded: now.unguarded + (!counted && s.guard === 'none' ? 1 : 0),
    recent: [entry, ...now.recent.filter((r) => r.delivery !== s.delivery)].slice(0, KEPT),
  };
  store.setMeta(META_KEY, JSON.stringify(next));
}

/** A post whose answer never came, called off before it was sent again: its entries say so (`why`). */
export function markUncertainCalledOff(store: Pick<Store, 'getMeta' | 'setMeta'>, deliveryId: number, why: string): void {
  const now = readUncertainSends(store);
  if (!now.recent.some((r) => r.delivery === deliveryId)) return;
  store.setMeta(META_KEY, JSON.stringify({ ...now, recent: now.recent.map((r) => (r.delivery === deliveryId ? { ...r, calledOff: why } : r)) }));
}

/** What became of a called-off post's message (publish/called-off-find.ts): deleted, never there, or why none can tell. */
export function markUncertainOutcome(store: Pick<Store, 'getMeta' | 'setMeta'>, deliveryId: number, outcome: string): void {
  const now = readUncertainSends(store);
  if (!now.recent.some((r) => r.delivery === deliveryId)) return;
  store.setMeta(META_KEY, JSON.stringify({ ...now, recent: now.recent.map((r) => (r.delivery === deliveryId ? { ...r, outcome } : r)) }));
}

/**
 * Posts a start `--after-restore` set aside (their outbox reason `setAside`) whose entry still says held: it says why they
 * no longer wait instead (tester 39 F2: "held" listed next to the post set aside and `0 pending`).
 */
export function sayHeldSetAside(store: RecordStore, setAside: string): void {
  const now = readUncertainSends(store);
  const asideNow = (id: number): boolean => store.sql("SELECT 1 FROM outbox WHERE id = ? AND status = 'skipped' AND last_error = ?").get(id, setAside) !== undefined;
  const stale = new Set(now.recent.filter((r) => r.outcome?.startsWith(HELD_UNANSWERED) && asideNow(r.delivery)).map((r) => r.delivery));
  if (stale.size === 0) return;
  const outcome = `held, then ${setAside}: the chat may show it up to three times, or not at all; look in the chat`;
  store.setMeta(META_KEY, JSON.stringify({ ...now, recent: now.recent.map((r) => (stale.has(r.delivery) ? { ...r, outcome } : r)) }));
}
