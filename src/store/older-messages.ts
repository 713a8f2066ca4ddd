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

/**
 * An older line of a digest is kept as its message's id behind this prefix (tester 35's F3): a digest shows other notes
 * too, so it is never deleted for the note; the note's delete takes its line out (publish/digest-lines.ts).
 */
const DIGEST_LINE = 'digest:';

/**
 * Before a post of `noteId` records `messageId` in the chat: the message it replaces in `posts`, if another one, is kept
 * as older; a digest's line it replaces, as a line (DIGEST_LINE): the digest goes on listing it until the note goes.
 */
export function keepOlderMessage(sql: Prepare, noteId: string, target: Target, messageId: string): void {
  sql(
    `INSERT OR IGNORE INTO older_posts(note_id, platform, chat, thread, message_id)
       SELECT note_id, platform, chat, thread, CASE WHEN via_digest = 1 THEN '${DIGEST_LINE}' || message_id ELSE message_id END FROM posts
        WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ? AND message_id != ?`,
  ).run(noteId, target.platform, target.chat, target.thread, messageId);
}

/** The note's older messages in the chat, oldest first (message ids of one chat grow; compared as the numbers they are); no digest's line. */
export function olderMessages(sql: Prepare, noteId: string, target: Target): string[] {
  const rows = sql(
    `SELECT message_id AS id FROM older_posts WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ? AND message_id NOT LIKE '${DIGEST_LINE}%'
      ORDER BY length(message_id), message_id`,
  ).all(noteId, target.platform, target.chat, target.thread) as { id: string }[];
  return rows.map((r) => r.id);
}

/** The digest message (its id) still listing `noteId` in the chat though a later post of the note replaced its line in `posts`. */
export function olderDigestLine(sql: Prepare, noteId: string, target: Target): string | undefined {
  const row = sql(`SELECT message_id AS id FROM older_posts WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ? AND message_id LIKE '${DIGEST_LINE}%'`)
    .get(noteId, target.platform, target.chat, target.thread) as { id: string } | undefined;
  return row?.id.slice(DIGEST_LINE.length);
}

/** The notes a digest message lists by lines kept as older (olderDigestLine). */
export function olderDigestLines(sql: Prepare, target: Target, messageId: string): string[] {
  const rows = sql('SELECT note_id FROM older_posts WHERE platform = ? AND chat = ? AND thread = ? AND message_id = ?')
    .all(target.platform, target.chat, target.thread, DIGEST_LINE + messageId) as { note_id: string }[];
  return rows.map((r) => r.note_id);
}

/** A line kept as older taken out of its digest: forgotten. */
export function dropOlderDigestLine(sql: Prepare, noteId: string, target: Target, messageId: string): void {
  dropOlderMessage(sql, noteId, target, DIGEST_LINE + messageId);
}

/** An older message deleted (or found gone): forgotten, so a delete sent again after a kill -9 never sends it twice. */
export function dropOlderMessage(sql: Prepare, noteId: string, target: Target, messageId: string): void {
  sql('DELETE FROM older_posts WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ? AND message_id = ?')
    .run(noteId, target.platform, target.chat, target.thread, messageId);
}

/**
 * A family's older messages in a chat handed to the member they show (tester 35's F2): the member went, the family's
 * message there now shows another one, and the older messages, which show the one that went, are deleted as its own.
 */
export function handOlderMessages(sql: Prepare, fromId: string, toId: string, target: Target): number {
  return sql(`UPDATE OR REPLACE older_posts SET note_id = ? WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ? AND message_id NOT LIKE '${DIGEST_LINE}%'`)
    .run(toId, fromId, target.platform, target.chat, target.thread).changes;
}
