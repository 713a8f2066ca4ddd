/**
 * The older messages of a note (or a family) in a chat (tester 34's F7). `posts` keeps one message per note and chat,
 * the newest: a repost (`onChange: repost`, `announce: again`) records its new message over the one before, which
 * stays in the chat showing the note's older text. Its id is kept here, in the transaction that records the repost,
 * so the note's delete there deletes every message it has, each on its own (publish/older-messages.ts).
 * A digest line is never kept here: a digest message shows other notes too.
 */
import type Database from 'better-sqlite3';
import type { Target } from './types.js';

/** db.ts's Prepare, written here: db.ts takes the table's schema from this file. */
type Prepare = (sql: string) => Database.Statement;

/** The schema version adding the table (db.ts MIGRATIONS): a table of its own, a migration run again is harmless. */
export const OLDER_MESSAGES_TABLE = `
  CREATE TABLE IF NOT EXISTS older_posts (
    note_id TEXT NOT NULL, platform TEXT NOT NULL, chat TEXT NOT NULL, thread TEXT NOT NULL DEFAULT '', message_id TEXT NOT NULL,
    PRIMARY KEY (note_id, platform, chat, thread, message_id)
  );
`;

/** Before a post of `noteId` records `messageId` in the chat: the message it replaces in `posts`, if another one, is kept as older. */
export function keepOlderMessage(sql: Prepare, noteId: string, target: Target, messageId: string): void {
  sql(
    `INSERT OR IGNORE INTO older_posts(note_id, platform, chat, thread, message_id)
       SELECT note_id, platform, chat, thread, message_id FROM posts
        WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ? AND via_digest = 0 AND message_id != ?`,
  ).run(noteId, target.platform, target.chat, target.thread, messageId);
}

/** The note's older messages in the chat, oldest first (message ids of one chat grow; compared as the numbers they are). */
export function olderMessages(sql: Prepare, noteId: string, target: Target): string[] {
  const rows = sql(
    `SELECT message_id AS id FROM older_posts WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ?
      ORDER BY length(message_id), message_id`,
  ).all(noteId, target.platform, target.chat, target.thread) as { id: string }[];
  return rows.map((r) => r.id);
}

/** An older message deleted (or found gone): forgotten, so a delete sent again after a kill -9 never sends it twice. */
export function dropOlderMessage(sql: Prepare, noteId: string, target: Target, messageId: string): void {
  sql('DELETE FROM older_posts WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ? AND message_id = ?')
    .run(noteId, target.platform, target.chat, target.thread, messageId);
}
