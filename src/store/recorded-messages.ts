/**
 * Which of a chat's messages this database recorded (any delivery's: posts, digests, family
 * posts). A platform that lists a chat's messages (Discord) can then tell a post of the note this
 * database does not know (a restored or older state) from every message it does: only an
 * unrecorded message can be the note's lost post (adapters/discord/history-lookup.ts).
 */
import type { Prepare } from './db.js';
import type { Target } from './types.js';

export function recordedMessagesIn(sql: Prepare, target: Target, ids: readonly string[]): Set<string> {
  if (!ids.length) return new Set();
  const rows = sql(
    `SELECT message_id AS id FROM outbox
      WHERE platform = ? AND chat = ? AND thread = ? AND message_id IN (${ids.map(() => '?').join(', ')})`,
  ).all(target.platform, target.chat, target.thread ?? '', ...ids) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}
