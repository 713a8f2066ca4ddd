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
 * The member (of a family) an older message `o` showed (rv-a's R3), as recorded with its last post or edit sent: the
 * outbox keeps every delivery with the message it reached, and the message ids of one chat are its own.
 */
const SHOWN_MEMBER = `(SELECT json_extract(d.payload, '$.member') FROM outbox d
  WHERE d.platform = o.platform AND d.chat = o.chat AND d.thread = o.thread AND d.message_id = o.message_id
    AND d.kind IN ('post', 'edit') AND d.status = 'done' ORDER BY d.id DESC LIMIT 1)`;

/**
 * An older line of a digest is kept as its message's id behind this prefix (tester 35's F3): a digest shows other notes
 * too, so it is never deleted for the note; the note's delete takes its line out (publish/digest-lines.ts).
 */
const DIGEST_LINE = 'digest:';

/**
 * Before a post of `noteId` records `messageId` in the chat: the message it replaces in `posts`, if another one, is kept
 * as older; a digest's line it replaces, as a line (DIGEST_LINE): the digest goes on listing it until the note goes.
 * Called by every write of `posts` (Store.putPost), in its transaction (rv-a's R2: a digest replacing a repost lost it).
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

/** The digest messages (their ids) still listing `noteId` in the chat though a later post of the note replaced its line in `posts`: every one (rv-a's R1). */
export function olderDigestLineMessages(sql: Prepare, noteId: string, target: Target): string[] {
  const rows = sql(`SELECT message_id AS id FROM older_posts WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ? AND message_id LIKE '${DIGEST_LINE}%'`)
    .all(noteId, target.platform, target.chat, target.thread) as { id: string }[];
  return rows.map((r) => r.id.slice(DIGEST_LINE.length));
}

/** The members (of a family) the family's older messages in the chat showed (SHOWN_MEMBER); null: none recorded. */
export function olderMessageMembers(sql: Prepare, familyId: string, target: Target): (string | null)[] {
  const rows = sql(`SELECT DISTINCT ${SHOWN_MEMBER} AS member FROM older_posts o WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ? AND message_id NOT LIKE '${DIGEST_LINE}%'`)
    .all(familyId, target.platform, target.chat, target.thread) as { member: string | null }[];
  return rows.map((r) => r.member);
}

/** The notes a digest message lists by lines kept as older (olderDigestLineMessages). */
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
 * A family's older messages in a chat that showed `member` (SHOWN_MEMBER; `null`: none recorded) handed to `toId`
 * (tester 35's F2): that member went, and its older messages are deleted as its own; another member's stay (rv-a's R3).
 */
export function handOlderMessages(sql: Prepare, fromId: string, toId: string, target: Target, member: string | null): number {
  return sql(`UPDATE OR REPLACE older_posts AS o SET note_id = ? WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ? AND message_id NOT LIKE '${DIGEST_LINE}%' AND ${SHOWN_MEMBER} IS ?`)
    .run(toId, fromId, target.platform, target.chat, target.thread, member).changes;
}
