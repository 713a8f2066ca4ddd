/**
 * Posts whose send may have reached the chat (issue 25, tester 31-1 F4/F6/F8/F9): a send whose answer never came
 * (publish/uncertain.ts), or one a stop caught mid-send (re-queued at the next start). Such a post called off later
 * (its note drafted, deleted, no longer wanted) is not "never sent": the chat may show it. So the call-off says so
 * (`status`, store/called-off.ts), and the note's next post to that chat carries the called-off post's nonce: on a
 * Discord channel (`enforce_nonce`, within "the past few minutes": discord-api-docs, message.mdx, Create Message) the
 * first message is answered and recorded as the post instead of a second one; elsewhere the nonce means nothing.
 */
import type { Statement } from './db.js';
import type { NewDelivery } from './types.js';

type Sql = (text: string) => Statement;

/** Marks a post (or digest) whose send may have reached its chat; kept until the delivery ends. Returns false if it was marked already. */
export function markMaybeSent(sql: Sql, deliveryId: number): boolean {
  return sql('INSERT OR IGNORE INTO maybe_sent(delivery) VALUES (?)').run(deliveryId).changes > 0;
}

/** Whether a post's send may have reached its chat. */
export function maybeSent(sql: Sql, deliveryId: number): boolean {
  return sql('SELECT 1 FROM maybe_sent WHERE delivery = ?').get(deliveryId) !== undefined;
}

/** At a start: the posts and digests a stop caught mid-send (still `sending`) may have reached their chats. */
export function markCaughtMidSend(sql: Sql): void {
  sql("INSERT OR IGNORE INTO maybe_sent(delivery) SELECT id FROM outbox WHERE status = 'sending' AND kind IN ('post', 'digest')").run();
}

/**
 * The nonce a new post of a note to a chat takes over: that of the note's last post there, if it was called off after
 * a send that may have reached the chat and no message is recorded since. Undefined for anything else.
 */
export function nonceOfCalledOffSend(sql: Sql, d: NewDelivery): string | undefined {
  if (d.kind !== 'post' || d.noteId === null) return undefined;
  const r = sql(
    `SELECT o.nonce FROM outbox o JOIN maybe_sent m ON m.delivery = o.id
     WHERE o.note_id = ? AND o.platform = ? AND o.chat = ? AND o.thread = ? AND o.kind = 'post' AND o.status = 'skipped'
       AND o.id = (SELECT MAX(s.id) FROM outbox s WHERE s.note_id = o.note_id AND s.platform = o.platform AND s.chat = o.chat AND s.thread = o.thread AND s.kind = 'post')
       AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.note_id = o.note_id AND p.platform = o.platform AND p.chat = o.chat AND p.thread = o.thread)`,
  ).get(d.noteId, d.target.platform, d.target.chat, d.target.thread) as { nonce: string } | undefined;
  return r?.nonce;
}
