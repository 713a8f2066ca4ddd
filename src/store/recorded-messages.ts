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

/**
 * Where a delivery's message is recorded: the chat's name its outbox row has now. A chat's records may move to its other
 * name while the send is in flight (an `@username` learned, store/chat-names.ts), and a record under the name read before
 * the send would be left behind the move (review rv-b R2). In the caller's transaction, so no move comes between.
 */
export function recordedUnder(sql: Prepare, row: { id: number; target: Target }): Target {
  const now = sql('SELECT platform, chat, thread FROM outbox WHERE id = ?').get(row.id) as Target | undefined;
  return now && now.platform === row.target.platform ? { platform: row.target.platform, chat: now.chat, thread: now.thread } : row.target;
}

/**
 * The note a delivery's message is recorded for: its outbox row's now. A kept post in flight may be taken by the
 * moved note's new family while its answer is awaited (publish/family-adopt.ts, review rv-34d R2): recorded under
 * the family read before the send, the chat kept two messages of the note.
 */
export function recordedFor(sql: Prepare, row: { id: number; noteId: string }): string {
  const now = sql('SELECT note_id FROM outbox WHERE id = ?').get(row.id) as { note_id: string | null } | undefined;
  return now?.note_id ?? row.noteId;
}
