/**
 * A Telegram group that became a supergroup (a service message's `migrate_to_chat_id`, or a call
 * answered with ResponseParameters `migrate_to_chat_id`: core.telegram.org/bots/api#message,
 * #responseparameters): what follows the chat to its new id and what stays (issue 25, tester F1/F5/F6).
 * A message id is "unique inside this chat" (core.telegram.org/bots/api#message): the old group's
 * message 3 is not the supergroup's message 3, which is most likely another note's. So the posts
 * recorded in the old group, and the edits, deletes, pins and crossposts of them, stay with the old
 * group, whose calls are answered "upgraded" and kept as not sent (publish/outcomes.ts), never
 * sent to the supergroup. Subscriptions, pauses and posts not sent yet follow; one the supergroup has
 * queued or shown already (it subscribed before the move was seen) is called off: one post per chat.
 */
import type { Statement } from './db.js';

type Sql = (text: string) => Statement;

/** Why a queued post of the old group was called off: `status` and the log say it. */
export const MOVED_ONTO_OWN = 'called off: the group became a supergroup that has this note queued or posted already';

/** Moves `from`'s rows to `to` (in the caller's transaction); returns the ids of queued posts called off. */
export function moveChatRows(sql: Sql, platform: string, from: string, to: string, now: number): number[] {
  for (const table of ['subscriptions', 'paused_targets']) {
    sql(`UPDATE OR IGNORE ${table} SET chat = ? WHERE platform = ? AND chat = ?`).run(to, platform, from);
    // The same row there already (the supergroup subscribed alike): one is enough.
    sql(`DELETE FROM ${table} WHERE platform = ? AND chat = ?`).run(platform, from);
  }
  const doubles = sql(
    `SELECT o.id FROM outbox o WHERE o.platform = ? AND o.chat = ? AND o.kind = 'post' AND o.status IN ('pending', 'sending')
       AND (EXISTS (SELECT 1 FROM posts p WHERE p.note_id = o.note_id AND p.platform = o.platform AND p.chat = ? AND p.thread = o.thread)
         OR EXISTS (SELECT 1 FROM outbox d WHERE d.note_id = o.note_id AND d.platform = o.platform AND d.chat = ? AND d.thread = o.thread
                      AND d.kind = 'post' AND d.status IN ('pending', 'sending', 'done')))`,
  ).pluck().all(platform, from, to, to);
  const calledOff = doubles.filter((id): id is number => typeof id === 'number');
  for (const id of calledOff) sql(`UPDATE outbox SET status = 'skipped', last_error = ?, updated_at = ? WHERE id = ?`).run(MOVED_ONTO_OWN, now, id);
  sql(`UPDATE outbox SET chat = ?, updated_at = ? WHERE platform = ? AND chat = ? AND kind IN ('post', 'digest') AND status IN ('pending', 'sending')`).run(to, now, platform, from);
  return calledOff;
}
