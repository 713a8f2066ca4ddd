/**
 * Messages a delete left in a chat (refused for good: Telegram's 48 hours, Discord's 50013 on a forum post without
 * Manage Threads; or its attempts spent), and the lines each showed, recorded on the failed delete when it ended
 * (issue 25). A note of those lines back, while the delete was under way (queued behind it) or afterwards, goes to that
 * message (publish/left-message-back.ts): every reader of "what the message that stayed shows" reads this one record.
 */
import type { Statement } from './db.js';
import type { Target } from './types.js';
import { readDigestPayload } from './records.js';
import { deleteLeftMessage } from './under-way.js';

type Sql = (text: string) => Statement;
const SAME = 'note_id = ? AND platform = ? AND chat = ? AND thread = ?';
const DIGEST = 'digest:';

/** A message a delete left, as recorded when that delete ended (`recordLeftMessage`). */
export interface LeftMessage {
  /** Its outbox name: a note's or family's id (its own message), or `digest:<message id>` (a digest message). */
  noteId: string;
  messageId: string;
  /** The failed delete, whose line in `status` says what became of the message. */
  deleteId: number;
  /** The lines (note or family ids) it showed when the delete ended: a digest message's lines, a note's own message its own. */
  lines: string[];
}

/** A delete of `noteId`'s message in `target` (a digest message's: `digest:<message id>`). */
export interface DeleteOf {
  id: number;
  noteId: string;
  target: Target;
}

/**
 * The delete `del` ended without deleting its message: records on it the message that stayed and the lines it shows (a
 * digest message's by what went out to it, a note's own message its own line). Undefined, nothing written, when no
 * message of it is known to stay. Inside the outcome's transaction.
 */
export function recordLeftMessage(sql: Sql, del: DeleteOf): LeftMessage | undefined {
  const left = shownBy(sql, del);
  if (left) sql("UPDATE outbox SET payload = json_set(payload, '$.left', json(?)) WHERE id = ? AND kind = 'delete'").run(JSON.stringify({ messageId: left.messageId, lines: left.lines }), del.id);
  return left;
}

/** The message `del` is for and the lines it shows: as recorded once the delete ended, else as it shows them now. */
function shownBy(sql: Sql, del: DeleteOf): LeftMessage | undefined {
  const { platform, chat, thread } = del.target;
  const recorded = sql("SELECT json_extract(payload, '$.left') AS left FROM outbox WHERE id = ? AND kind = 'delete'").get(del.id) as { left: string | null } | undefined;
  if (recorded?.left) return { noteId: del.noteId, deleteId: del.id, ...(JSON.parse(recorded.left) as { messageId: string; lines: string[] }) };
  const post = sql(`SELECT message_id, via_digest FROM posts WHERE ${SAME}`).get(del.noteId, platform, chat, thread) as { message_id: string; via_digest: number } | undefined;
  if (!post || post.via_digest === 1) return undefined; // no message known to stay: what is queued goes as decided
  const lines = del.noteId.startsWith(DIGEST) ? linesShownBy(sql, del.target, post.message_id) : [del.noteId];
  return { noteId: del.noteId, messageId: post.message_id, deleteId: del.id, lines };
}

/**
 * The digest messages in the chat a delete left that no edit reached since (tester 36 F2: a note of their lines back
 * afterwards was posted beside the message still listing it). A note's own message a delete left is no candidate: its
 * note back has a message recorded there, so it is decided as that message's edit (kept-messages.ts, family-outbox.ts).
 */
export function leftDigestMessages(sql: Sql, target: Target): LeftMessage[] {
  const { platform, chat, thread } = target;
  const rows = sql(`SELECT note_id FROM posts WHERE note_id >= 'digest:' AND note_id < 'digest;' AND platform = ? AND chat = ? AND thread = ?`)
    .all(platform, chat, thread) as { note_id: string }[];
  return rows.flatMap((r) => leftMessageOf(sql, r.note_id, target) ?? []);
}

/** The message of `noteId` (a note's, a family's, `digest:<id>`) in the chat that a delete left (under-way.ts deleteLeftMessage); else undefined. */
export function leftMessageOf(sql: Sql, noteId: string, target: Target): LeftMessage | undefined {
  if (!deleteLeftMessage(sql, noteId, target)) return undefined;
  const del = sql(`SELECT max(id) AS id FROM outbox WHERE ${SAME} AND kind = 'delete'`).get(noteId, target.platform, target.chat, target.thread) as { id: number };
  return shownBy(sql, { id: del.id, noteId, target });
}

/** What is pending behind the delete of `left`'s message of the notes whose lines it shows: their posts, and the burst digests listing one. */
export function queuedBehind(sql: Sql, target: Target, left: LeftMessage): { posts: number[]; digests: number[] } {
  const { platform, chat, thread } = target;
  const behind = `platform = ? AND chat = ? AND thread = ? AND status = 'pending' AND id > ?`;
  const lines = JSON.stringify(left.lines);
  const posts = sql(`SELECT id FROM outbox WHERE kind = 'post' AND ${behind} AND note_id IN (SELECT value FROM json_each(?)) ORDER BY id`)
    .all(platform, chat, thread, left.deleteId, lines) as { id: number }[];
  const digests = sql(`SELECT id FROM outbox d WHERE kind = 'digest' AND ${behind}
                       AND EXISTS (SELECT 1 FROM json_each(d.payload, '$.items') i WHERE json_extract(i.value, '$.noteId') IN (SELECT value FROM json_each(?))) ORDER BY id`)
    .all(platform, chat, thread, left.deleteId, lines) as { id: number }[];
  return { posts: posts.map((p) => p.id), digests: digests.map((d) => d.id) };
}

/**
 * The loud fallback of a delete that left its message (review rv32-b R4): digests still pending behind it that list a
 * line the message shows, once the lines were given back. None is expected: any is a note shown twice that the give-back
 * missed, said in the log and on the failed delete's line, never silent.
 */
export function digestsStillListingLineShown(sql: Sql, del: DeleteOf): number[] {
  const left = shownBy(sql, del);
  return left ? queuedBehind(sql, del.target, left).digests : [];
}

/** The held posts a scheduled digest sent as the message (their note ids): its lines, until an edit of it went. */
const HELD_LINES = `SELECT note_id FROM outbox WHERE platform = ? AND chat = ? AND thread = ? AND kind = 'post' AND status = 'done' AND message_id = ?`;

/**
 * The lines a digest message shows by what went out to it: its newest edit sent, else its digest as it was sent (a line
 * taken out while it was in flight included: its row lists the lines left, `shown` what went out, review rv32-b R3),
 * else a scheduled digest's held posts. Read once, when its delete ends without deleting it (`recordLeftMessage`).
 */
function linesShownBy(sql: Sql, target: Target, messageId: string): string[] {
  const { platform, chat, thread } = target;
  const newest = sql(`SELECT payload FROM outbox WHERE platform = ? AND chat = ? AND thread = ? AND status = 'done'
                      AND ((kind = 'digest' AND message_id = ?) OR (kind = 'edit' AND note_id = ?)) ORDER BY id DESC LIMIT 1`)
    .get(platform, chat, thread, messageId, `${DIGEST}${messageId}`) as { payload: string } | undefined;
  // Never edited, a scheduled digest's message shows the held posts it sent (upkeep.ts digestItemsShown).
  if (!newest) return (sql(HELD_LINES).all(platform, chat, thread, messageId) as { note_id: string }[]).map((r) => r.note_id);
  const sent = readDigestPayload(newest.payload);
  return (sent?.shown ?? sent?.items ?? []).map((i) => i.noteId);
}
