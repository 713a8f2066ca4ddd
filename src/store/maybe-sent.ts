/**
 * Posts whose send may have reached the chat (issue 25, tester 31-1 F4/F6/F8/F9): a send whose answer never came
 * (publish/uncertain.ts), or one a stop caught mid-send (re-queued at the next start). Such a post called off later
 * (its note drafted, deleted, no longer wanted) is not "never sent": the chat may show it. So the call-off says so
 * (`status`, store/called-off.ts), and the note's next post to that chat carries the called-off post's nonce: on a
 * Discord channel (`enforce_nonce`, within "the past few minutes": discord-api-docs, message.mdx, Create Message) the
 * first message is answered and recorded as the post instead of a second one; elsewhere the nonce means nothing.
 * With `onDelete: delete`, a note removed while such a post waited has that post's message looked for and deleted
 * (publish/called-off-find.ts): `maybe_sent_at`, when the last send that may have reached the chat went, says whether
 * the nonce's window is still open.
 */
import type { Statement } from './db.js';
import type { NewDelivery } from './types.js';

type Sql = (text: string) => Statement;

/** Marks a post (or digest) whose send may have reached its chat, at `at` (its latest such send). Returns false if it was marked already. */
export function markMaybeSent(sql: Sql, deliveryId: number, at = Date.now()): boolean {
  sql('INSERT OR REPLACE INTO maybe_sent_at(delivery, sent_at) VALUES (?, ?)').run(deliveryId, at);
  return sql('INSERT OR IGNORE INTO maybe_sent(delivery) VALUES (?)').run(deliveryId).changes > 0;
}

/** When a post's latest send that may have reached its chat went out (ms); undefined if none did, or in a record written before it was kept. */
export function maybeSentAt(sql: Sql, deliveryId: number): number | undefined {
  const r = sql('SELECT sent_at FROM maybe_sent_at WHERE delivery = ?').get(deliveryId) as { sent_at: number } | undefined;
  return r?.sent_at;
}

/** Whether a post's send may have reached its chat. */
export function maybeSent(sql: Sql, deliveryId: number): boolean {
  return sql('SELECT 1 FROM maybe_sent WHERE delivery = ?').get(deliveryId) !== undefined;
}

/** At a start: the posts and digests a stop caught mid-send (still `sending`) may have reached their chats. */
export function markCaughtMidSend(sql: Sql): void {
  const caught = "FROM outbox WHERE status = 'sending' AND kind IN ('post', 'digest')";
  sql(`INSERT OR REPLACE INTO maybe_sent_at(delivery, sent_at) SELECT id, updated_at ${caught}`).run();
  sql(`INSERT OR IGNORE INTO maybe_sent(delivery) SELECT id ${caught}`).run();
}

/**
 * The nonce a new post of a note to a chat takes over (undefined for anything else), that of the note's last post
 * there if it was called off after a send that may have reached the chat and no message is recorded since; a delete
 * still waiting to find and remove that send's message (`onDelete: delete`, the note back before it ran) is called off:
 * the new post takes that message over (Discord answers its nonce with it).
 */
export function takeOverCalledOffSend(sql: Sql, d: NewDelivery): string | undefined {
  const taken = calledOffSend(sql, d);
  if (taken) {
    sql(`UPDATE outbox SET status = 'skipped', last_error = 'the note is back before the message its lost send may have made was deleted: its new post takes that message (the same nonce)', updated_at = ?
         WHERE kind = 'delete' AND status = 'pending' AND json_extract(payload, '$.calledOff') = ?`).run(Date.now(), taken.id);
  }
  return taken?.nonce;
}

function calledOffSend(sql: Sql, d: NewDelivery): { id: number; nonce: string } | undefined {
  if (d.kind !== 'post' || d.noteId === null) return undefined;
  const r = sql(
    `SELECT o.id, o.nonce FROM outbox o JOIN maybe_sent m ON m.delivery = o.id
     WHERE o.note_id = ? AND o.platform = ? AND o.chat = ? AND o.thread = ? AND o.kind = 'post' AND o.status = 'skipped'
       AND o.id = (SELECT MAX(s.id) FROM outbox s WHERE s.note_id = o.note_id AND s.platform = o.platform AND s.chat = o.chat AND s.thread = o.thread AND s.kind = 'post')
       AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.note_id = o.note_id AND p.platform = o.platform AND p.chat = o.chat AND p.thread = o.thread)`,
  ).get(d.noteId, d.target.platform, d.target.chat, d.target.thread) as { id: number; nonce: string } | undefined;
  return r;
}
