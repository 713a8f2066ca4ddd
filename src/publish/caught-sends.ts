/**
 * Posts a stop caught in flight (a kill -9, a crash: still `sending` at the next start; issue 25, tester F1). The
 * request may have reached the platform, as with a send whose answer never came (uncertain.ts): the post is sent again
 * (store.recoverSending), guarded as such a resend is, and kept for `status` and said in the log the same way, so that
 * a chat that may show it twice (Telegram: no idempotency key) or a call-off that cannot find its message is not silent.
 */
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import { targetKey, type OutboxRow, type Target } from '../store/types.js';
import type { ChatAdapter, ResendGuard } from './port.js';
import type { PlatformOutages } from './outages.js';
import { keepUncertainSend } from './uncertain.js';
import { keepLeftInChat, readLeftInChats } from '../store/left-in-chats.js';
import { markUncertainOutcome } from '../store/uncertain-sends.js';
import { isHeldUnanswered, UNANSWERED_SENDS_MAX } from '../store/held-unanswered.js';
import { gaveUpUnanswered } from './outcomes.js';

/** The reason kept for such a send. */
const CAUGHT_IN_FLIGHT = 'a stop (a kill -9, a crash) caught its send in flight';

/**
 * Re-queues what a stop caught mid-send (store.recoverSending), keeping each post or digest among them as an uncertain
 * send in the same transaction; said once it is written, so a stop before then leaves it to the next start, said once.
 * A caught send counts as a send (it may have reached the chat): an unguarded post whose caught send was its third with
 * no answer (a held post's last, released) is given up, as an unanswered third send is (outcomes.ts), never sent a
 * fourth time (review rv33-d). Returns how many deliveries were re-queued.
 */
export function recoverCaughtSends(store: Pick<Store, 'sql' | 'getMeta' | 'setMeta' | 'recoverSending' | 'markFailed'>, adapters: ReadonlyMap<string, ChatAdapter>, log: Logger): number {
  const said: { at: Record<string, unknown>; line: string; failed?: true }[] = [];
  const recovered = store.recoverSending((caught) => {
    for (const c of caught) {
      const guard = guardAfterStart(adapters.get(c.target.platform)?.resendGuard?.(c.target) ?? { guard: 'none', why: `${c.target.platform} has no idempotency key` });
      const where = targetKey(c.target);
      // updatedAt: when it was marked sending, i.e. when the send went out (Discord's nonce window runs from then).
      keepUncertainSend(store, { delivery: c.id, note: c.noteId, target: where, at: c.updatedAt, guard: guard.guard, reason: CAUGHT_IN_FLIGHT }, c.updatedAt);
      const at = { delivery: c.id, note: c.noteId, target: where, guard: guard.guard };
      if (guard.guard === 'none' && unansweredSendsOf(store, c.id) >= UNANSWERED_SENDS_MAX) {
        const why = gaveUpUnanswered(c.kind, CAUGHT_IN_FLIGHT);
        store.markFailed(c.id, why); // no longer 'sending': recoverSending leaves it failed
        markUncertainOutcome(store, c.id, why);
        said.push({ at, line: `delivery failed: ${why}`, failed: true });
      } else said.push({ at, line: caughtLine(where, guard) });
    }
  });
  for (const s of said) {
    if (s.failed) log.error(s.at, s.line);
    else log.warn(s.at, s.line);
  }
  return recovered;
}

/** How many of a post's sends got no answer, its caught one counted (store/held-unanswered.ts). */
function unansweredSendsOf(store: Pick<Store, 'sql'>, deliveryId: number): number {
  return (store.sql('SELECT unanswered_sends AS n FROM outbox WHERE id = ?').get(deliveryId) as { n: number } | undefined)?.n ?? 0;
}

/** A forum post is looked for only by the process whose send went unanswered (adapters/discord/forum-lookup.ts): after a start it is not. */
function guardAfterStart(g: ResendGuard): ResendGuard {
  return g.guard === 'lookup' ? { guard: 'none', why: 'a forum post is looked for only by the process that sent it, not after a restart' } : g;
}

function caughtLine(where: string, guard: ResendGuard): string {
  const next = guard.guard === 'nonce'
    ? 'sending it again with the same nonce, which the platform answers with the first message if it was'
    : `sending it again, and the chat may show it twice (${guard.why}); notecast status lists it`;
  return `a stop caught a post to ${where} in flight; it may have been posted: ${next}`;
}

/**
 * A note's message deleted (`onDelete: delete`) in a chat where a post of it went again after a send that may have
 * reached the chat, unguarded (Telegram: no idempotency key): the message deleted is the one recorded, the other one, if
 * that send made it, stays and cannot be found. Kept for `status` (store/left-in-chats.ts) and said in the log.
 */
export function keepLeftAfterDelete(store: Pick<Store, 'sql' | 'getMeta' | 'setMeta'>, adapter: ChatAdapter, row: { id: number; noteId: string | null; target: Target }, log: Logger, now: number): void {
  if ((adapter.resendGuard?.(row.target).guard ?? 'none') !== 'none' || row.noteId === null) return;
  const sent = store.sql(
    `SELECT o.id, t.sent_at FROM outbox o JOIN maybe_sent m ON m.delivery = o.id LEFT JOIN maybe_sent_at t ON t.delivery = o.id
     WHERE o.note_id = ? AND o.platform = ? AND o.chat = ? AND o.thread = ? AND o.kind = 'post' AND o.status = 'done' AND o.id < ?`,
  ).all(row.noteId, row.target.platform, row.target.chat, row.target.thread, row.id) as { id: number; sent_at: number | null }[];
  const known = new Set(readLeftInChats(store).recent.map((r) => r.delivery));
  for (const s of sent.filter((x) => !known.has(x.id))) {
    const why = `its note's message was deleted (${new Date(now).toISOString()}), but a send of it that got no answer may have made another, which ${row.target.platform} cannot find: look in the chat and delete it by hand`;
    keepLeftInChat(store, { delivery: s.id, note: row.noteId, target: targetKey(row.target), sentAt: s.sent_at, at: now, why });
    markUncertainOutcome(store, s.id, why);
    log.warn({ delivery: row.id, post: s.id, note: row.noteId, target: targetKey(row.target) }, `note's message deleted; ${why}; notecast status lists it`);
  }
}

/**
 * A resend of a post with no key to recognise it (Telegram) got no answer either: whether the platform answers at all
 * decides what follows (outcomes.ts). A call about no chat (ChatAdapter.probe: getMe) answered now is the platform
 * answering (outages.ts `probeAnswered`): the send's own doubt, so no third send; unanswered, an outage, waited out.
 * Returns whether the probe was answered (undefined: the adapter has none).
 */
export async function askPlatformAfterResend(adapter: ChatAdapter, outages: Pick<PlatformOutages, 'probeAnswered'>, bounded: (call: (signal: AbortSignal | undefined) => Promise<void>) => Promise<void>, now: () => number): Promise<boolean | undefined> {
  const probe = adapter.probe?.bind(adapter);
  if (!probe) return undefined;
  try {
    await bounded((signal) => probe(signal ?? new AbortController().signal));
    outages.probeAnswered(adapter.platform, now());
    return true;
  } catch {
    return false; // no answer: an outage, the post sent again once the platform answers
  }
}

/**
 * A held post let go and answered: its uncertain sends' line in `status` says so, no longer "held" (review rv32-d R3).
 * Its held mark goes when its send goes (store.markSending), so one whose send was refused between (a bot kicked, the
 * chat paused) is known by its count: two unanswered sends hold a post (tester 39 F2: still said held once delivered).
 */
export function heldPostAnswered(store: Pick<Store, 'getMeta' | 'setMeta'>, row: Pick<OutboxRow, 'id' | 'held' | 'kind' | 'unansweredSends'>): void {
  if (isHeldUnanswered(row) || ((row.kind === 'post' || row.kind === 'digest') && row.unansweredSends >= 2)) markUncertainOutcome(store, row.id, 'held after two sends with no answer, then sent once more and answered: the chat may show the post up to three times');
}
