/**
 * Posts called off before they went out (issue 25, the model's seed 311): queued in an outage, parked
 * for a platform without its token or waiting out a grace period when their note was deleted,
 * drafted, or sent elsewhere. Nothing reached that chat, so the note is not announced there: a note
 * back later is new in those chats (publish/called-off-chats.ts), and only there. The outbox row,
 * skipped with a reason that begins with POST_CALLED_OFF, is the record of it. A post whose send may have reached the
 * chat is no such post: see callOffPost.
 */
import { maybeSent } from './maybe-sent.js';
import type { Store } from './store.js';
import { markUncertainCalledOff } from './uncertain-sends.js';
import type { Target } from './types.js';

/** How a called-off post's outbox `last_error` begins. */
const POST_CALLED_OFF = 'called off';

/** What a call-off's reason adds when the post's send may have reached the chat (store/maybe-sent.ts). */
export const MAYBE_SHOWN = 'no answer came to its send, so the chat may show it';

/**
 * Calls a queued post off, saying why (inside the batch's transaction). A post whose send may have reached the chat
 * (an answer lost, a stop mid-send) is said so in its reason and in `status` (publish/uncertain.ts), and the note's
 * next post there takes its nonce (store/maybe-sent.ts). `removed`: its note went and `onDelete: delete` deletes its
 * messages: such a post's message, if there is one, is to go too, so a delete that first learns it is queued
 * (DeletePayload.calledOff, publish/called-off-find.ts). Returns whether it may show in the chat.
 */
export function callOffPost(store: Store, deliveryId: number, why: string, removed = false): boolean {
  const mayShow = maybeSent(store.sql, deliveryId);
  const row = mayShow && removed ? store.outboxRow(deliveryId) : undefined;
  store.markDone(deliveryId, null, 'skipped', `${POST_CALLED_OFF}: ${why}${mayShow ? `; ${MAYBE_SHOWN}` : ''}`);
  if (mayShow) markUncertainCalledOff(store, deliveryId, why);
  // A post held for a scheduled digest went in the digest's message, which shows other notes too: never deleted for one.
  if (row?.kind === 'post' && row.payload.digestAt === undefined) store.enqueue({ noteId: row.noteId, revision: row.revision, target: row.target, kind: 'delete', payload: { type: 'delete', calledOff: deliveryId } });
  return mayShow;
}

/**
 * The chats where `postId`'s (a note's or a family's) last post was called off and it has no message:
 * nothing of it went out there since. A post set aside by a start `--after-restore` is no call-off
 * (it most likely went out), nor is a post never queued (a note a first run recorded).
 */
export function chatsCalledOff(store: Store, postId: string): Target[] {
  return store
    .sql(`SELECT o.platform, o.chat, o.thread FROM outbox o
          WHERE o.note_id = ? AND o.kind = 'post' AND o.status = 'skipped' AND o.last_error LIKE ? || ': %'
            AND o.id = (SELECT MAX(s.id) FROM outbox s WHERE s.note_id = o.note_id AND s.platform = o.platform AND s.chat = o.chat AND s.thread = o.thread AND s.kind = 'post')
            AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.note_id = o.note_id AND p.platform = o.platform AND p.chat = o.chat AND p.thread = o.thread)`)
    .all(postId, POST_CALLED_OFF) as Target[];
}
