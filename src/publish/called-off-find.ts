/**
 * Issue 25, tester 31-1 F4: with `onDelete: delete`, a note removed (deleted, drafted) while its post waited after a
 * send whose answer never came (store/maybe-sent.ts) has its post called off, and the send may have made a message:
 * no record knows its id. The delete queued with the call-off (DeletePayload.calledOff) learns it first through the
 * adapter (ChatAdapter.findLostSend: Discord answers a resend with the kept nonce with the message it made; a forum
 * post is found among the active threads), records it as the note's post (a kill -9 after this finds it recorded and
 * deletes it), and the delete goes on as any other. Never a message another record owns: one this database names for
 * any delivery or post is left, and a post of the note queued since (it came back) takes the message instead.
 */
import type { ChatAdapter, LostSendFound, SendContext } from './port.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import { targetKey, type OutboxRow } from '../store/types.js';
import { keepLeftInChat } from '../store/left-in-chats.js';
import { markLookSent, maybeSentAt } from '../store/maybe-sent.js';
import { recordedMessagesIn } from '../store/recorded-messages.js';
import { markUncertainOutcome } from '../store/uncertain-sends.js';

export type CalledOffLookup = { messageId: string; viaDigest: false } | { skip: string };

export interface CalledOffDeps {
  store: Pick<Store, 'outboxRow' | 'putPost' | 'sql' | 'getMeta' | 'setMeta' | 'transaction'>;
  log: Logger;
  /** The platform call, bounded as the deliverer bounds every call. */
  bounded: (call: (signal: AbortSignal | undefined) => Promise<LostSendFound>) => Promise<LostSendFound>;
  /** Writes the delivery's bookkeeping, retried while the store fails (deliverer.ts record). */
  record: (write: () => void) => Promise<void>;
  /** The clock the look's time is kept by (the deliverer's). */
  now?: () => number;
}

type DeleteRow = Extract<OutboxRow, { kind: 'delete' }>;

/**
 * The message of the called-off post `row` deletes, learned and recorded as the note's post; or why there is none to
 * delete (the row is then skipped with that reason). Throws what the platform call threw (classified as a delete's).
 */
export async function calledOffMessage(d: CalledOffDeps, row: DeleteRow, adapter: ChatAdapter, ctx: SendContext): Promise<CalledOffLookup> {
  const sent = row.payload.calledOff === undefined ? undefined : d.store.outboxRow(row.payload.calledOff);
  if (sent?.kind !== 'post' || sent.payload.digestAt !== undefined) return { skip: 'no posted message to change' }; // a digest's message shows other notes
  // Kept before the look goes (a kill -9 or a lost answer leaves it known): the nonce is the look's from now on (a look
  // that posts with it: Discord's channels; a forum's look only reads its threads).
  let lookedAt: number | undefined;
  await d.record(() => void (lookedAt = markLookSent(d.store.sql, sent.id, (d.now ?? Date.now)())));
  if (postQueuedSince(d.store, sent)) return { skip: 'the note is back: its new post takes the message its lost send may have made (the same nonce)' };
  const find = adapter.findLostSend?.bind(adapter);
  if (!find) return said(d, row, sent.id, `${row.target.platform} cannot tell what a send whose answer was lost did (no idempotency key, no way to read the chat's messages): the chat may show it; look there and delete it by hand`);
  const lost = { message: sent.payload, nonce: sent.nonce, queuedAt: queuedAt(d.store, sent.id), sentAt: maybeSentAt(d.store.sql, sent.id), lookedAt };
  const found = await d.bounded((signal) => find(row.target, lost, { ...ctx, nonce: sent.nonce, signal, recordedAmong: (ids) => recordedMessagesIn(d.store.sql, row.target, ids) }));
  if (found.messageId === undefined) return said(d, row, sent.id, found.why);
  if (ownedElsewhere(d.store, row, found.messageId)) return said(d, row, sent.id, `the message found (${found.messageId}) is recorded as another post: left as it is`);
  await d.record(() => d.store.transaction(() => {
    d.store.putPost(row.noteId, row.target, found.messageId, row.revision);
    if (found.unknown !== undefined) keepLeft(d, row, sent.id, found.unknown);
    markUncertainOutcome(d.store, sent.id, found.unknown !== undefined ? `the look's own message, deleted; ${found.unknown}` : found.madeNow ? 'its send never reached the chat (the look made a message, deleted)' : 'its message was in the chat: deleted');
  }));
  d.log.warn({ delivery: row.id, calledOff: sent.id, messageId: found.messageId }, found.unknown !== undefined ? `the look's own message is deleted; ${found.unknown}` : found.madeNow
    ? 'the called-off post\'s lost send never reached the chat: the message its nonce made now is deleted'
    : `the called-off post's lost send did reach the chat (${found.how}): deleting it`);
  return { messageId: found.messageId, viaDigest: false };
}

/** Nothing can be learned: said in the log, the skip reason, `status`'s entry and its messages that may stay in a chat. */
function said(d: CalledOffDeps, row: DeleteRow, calledOff: number, why: string): CalledOffLookup {
  markUncertainOutcome(d.store, calledOff, why);
  keepLeft(d, row, calledOff, why);
  d.log.warn({ delivery: row.id, calledOff, note: row.noteId, target: targetKey(row.target) }, `the message a called-off post's lost send may have made is not found, and stays if it is there (${why}); notecast status lists it`);
  return { skip: why };
}

function keepLeft(d: CalledOffDeps, row: DeleteRow, calledOff: number, why: string): void {
  keepLeftInChat(d.store, { delivery: calledOff, note: row.noteId, target: targetKey(row.target), sentAt: maybeSentAt(d.store.sql, calledOff) ?? null, at: (d.now ?? Date.now)(), why });
}

/**
 * A post of the same note to the same chat queued after the called-off one (the note came back) that took its nonce
 * (store/maybe-sent.ts): that message is its. One with a nonce of its own (queued once the look owned the nonce) is not.
 */
function postQueuedSince(store: CalledOffDeps['store'], sent: OutboxRow): boolean {
  return store.sql(`SELECT 1 FROM outbox WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ? AND kind = 'post' AND id > ? AND status <> 'skipped' AND nonce = ? LIMIT 1`)
    .get(sent.noteId, sent.target.platform, sent.target.chat, sent.target.thread, sent.id, sent.nonce) !== undefined;
}

function queuedAt(store: CalledOffDeps['store'], id: number): number {
  const r = store.sql('SELECT created_at FROM outbox WHERE id = ?').get(id) as { created_at: number } | undefined;
  return r?.created_at ?? 0;
}

/** Whether a record of this database names the message: a delivery's outcome or a post of any note (never this delete's own). */
function ownedElsewhere(store: CalledOffDeps['store'], row: DeleteRow, messageId: string): boolean {
  if (recordedMessagesIn(store.sql, row.target, [messageId]).has(messageId)) return true;
  return store.sql('SELECT 1 FROM posts WHERE platform = ? AND chat = ? AND thread = ? AND message_id = ? LIMIT 1').get(row.target.platform, row.target.chat, row.target.thread, messageId) !== undefined;
}
