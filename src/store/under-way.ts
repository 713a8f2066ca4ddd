/**
 * Deliveries of a note's message in a chat that have left and not been settled yet (issue 25, tester 32-1 F2, F3, F6).
 * A decision about that note and chat taken meanwhile (deleted, drafted, back) is taken against what the chat shows
 * once that delivery is answered, not against the records as they are before its answer: a post in flight will be a
 * message (a delete decided now goes after it, once its id is known), and a delete that has left will leave none (a
 * note back is posted anew after it, never an edit of the message it deletes; should the delete end without deleting,
 * that is judged again: `rejudgeShadowOf`). The chat's queue sends one delivery at
 * a time (store.ts `dueHeads`), so what is queued now goes after the answer. A row still `sending` at a start (a kill
 * -9 caught it) is under way too: it is sent again once the start-up scan has decided.
 */
import type { Statement } from './db.js';
import type { DigestPayload, SummaryPayload, Target } from './types.js';
import { readDigestPayload, readSummaryPayload } from './records.js';

type Sql = (text: string) => Statement;
/** One note's rows in one chat (its four parameters: note, platform, chat, thread). */
const SAME = 'note_id = ? AND platform = ? AND chat = ? AND thread = ?';

/** Whether a post of `noteId` to the chat is being sent: its message, if it goes through, is not recorded yet. */
export function postInFlight(sql: Sql, noteId: string, target: Target): boolean {
  return sql(`SELECT 1 FROM outbox WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ? AND kind = 'post' AND status = 'sending'`)
    .get(noteId, target.platform, target.chat, target.thread) !== undefined;
}

/**
 * Whether a delete of `noteId`'s message in the chat has left: being sent, or waiting to be sent again after any try
 * (a timeout, a 5xx, an answer lost with its attempt given back: the platform may have deleted it; `deletes_left`,
 * db.ts, records every try). Such a delete is never called off: the message may be gone already, and an edit of it
 * would find nothing to edit.
 */
export function deleteUnderWay(sql: Sql, noteId: string, target: Target): boolean {
  return sql(`SELECT 1 FROM outbox WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ? AND kind = 'delete'
              AND (status = 'sending' OR (status = 'pending' AND (attempts > 0 OR id IN (SELECT delivery FROM deletes_left))))`)
    .get(noteId, target.platform, target.chat, target.thread) !== undefined;
}

/**
 * The delete of `noteId`'s message in the chat still waiting that may be called off: one that has never left. A delete
 * under way is none (deleteUnderWay): every call-off path asks here.
 */
export function deleteToCallOff(sql: Sql, noteId: string, target: Target): { id: number } | undefined {
  if (deleteUnderWay(sql, noteId, target)) return undefined;
  return sql(`SELECT id FROM outbox WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ? AND kind = 'delete' AND status = 'pending' ORDER BY id LIMIT 1`)
    .get(noteId, target.platform, target.chat, target.thread) as { id: number } | undefined;
}

/** What a delete that ended without deleting its message left of the decisions taken in its shadow (`rejudgeShadowOf`). */
export interface ShadowRejudged {
  /** Posts queued behind it (the note back, judged against no message; of a digest message, a note it listed) made edits of the message that stayed. */
  edits: number[];
  /** Digests queued behind it that list the note: they go out as they are, beside the message that stayed. */
  twice: number[];
  /** Of a digest message's delete: the digests queued behind it that list a line that message shows (its note back), to give those lines up to it (publish/digest-lines-back.ts). */
  linesBack?: LinesBack | undefined;
}

/** Digests pending behind a digest message's delete, and the lines (note or family ids) the message that stayed shows. */
export interface LinesBack {
  messageId: string;
  digests: number[];
  lines: string[];
}

/** What the failed delete's line says of an edit made of a post in its shadow, and once that edit found the message gone (`postAfterAll`). */
export const shadowEditSaid = (id: number) => `delivery #${id} edits the message that stayed instead of posting it again`;
const postedAfterAllSaid = (id: number) => `delivery #${id} was to edit the message that stayed, found it gone after all, and posts the note`;

/**
 * A delete of `noteId`'s message in the chat ended without deleting it (refused for good, its attempts spent): the
 * message stays. What was decided while it was under way took it as gone: a note back was queued as a new post behind
 * it. That post becomes an edit of the message that stayed (one message, showing the newest state), marked
 * `insteadOfPost`: should the edit find the message gone after all (a timed-out delete that did go through), it is posted.
 * A digest listing the note cannot be undone so: it is returned for the caller to say. A digest message's delete hands
 * its message to a note it listed that came back as a post (`digestMessageTakenOver`); a digest behind it listing the
 * line it shows is returned to give that line up to it (`digestsListingLineShown`). Inside the outcome's transaction.
 */
export function rejudgeShadowOf(sql: Sql, del: { id: number; noteId: string; target: Target }): ShadowRejudged {
  const { id, noteId, target } = del;
  if (noteId.startsWith('digest:')) {
    const edits = digestMessageTakenOver(sql, del);
    // Taken over, the message shows that note's post from now on; else a digest behind listing its line gives it up.
    const back = edits.length ? undefined : digestsListingLineShown(sql, del);
    return { edits, twice: [], linesBack: back?.digests.length ? back : undefined };
  }
  const kept = sql('SELECT 1 FROM posts WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ? AND via_digest = 0').get(noteId, target.platform, target.chat, target.thread);
  if (kept === undefined) return { edits: [], twice: [] }; // no message known to stay: what is queued goes as decided
  const behind = `platform = ? AND chat = ? AND thread = ? AND status = 'pending' AND id > ?`;
  const posts = sql(`SELECT id, payload FROM outbox WHERE note_id = ? AND kind = 'post' AND ${behind} ORDER BY id`).all(noteId, target.platform, target.chat, target.thread, id) as { id: number; payload: string }[];
  const edits = posts.filter((p) => postMadeEdit(sql, p));
  const digests = sql(`SELECT id FROM outbox WHERE kind = 'digest' AND ${behind} AND EXISTS (SELECT 1 FROM json_each(payload, '$.items') WHERE json_extract(value, '$.noteId') = ?) ORDER BY id`)
    .all(target.platform, target.chat, target.thread, id, noteId) as { id: number }[];
  return { edits: edits.map((p) => p.id), twice: digests.map((d) => d.id) };
}

/** Turns a pending post into an edit of the message its note's record names, marked `insteadOfPost`; false for a payload no delivery can carry. */
function postMadeEdit(sql: Sql, p: { id: number; payload: string }): boolean {
  const stored = readSummaryPayload(p.payload);
  if (!stored) return false; // no delivery (records.ts): it fails on its own turn
  const { digestAt: _heldFor, ...payload } = stored; // an edit is never held for a digest
  // One held for a digest time ahead goes at its turn: an edit waiting there would hold the chat's queue.
  sql("UPDATE outbox SET kind = 'edit', payload = ?, next_attempt_at = coalesce(MIN(next_attempt_at, ?), next_attempt_at), updated_at = ? WHERE id = ? AND kind = 'post' AND status = 'pending'")
    .run(JSON.stringify({ ...payload, insteadOfPost: true }), stored.digestAt === undefined ? null : Date.now(), Date.now(), p.id);
  return true;
}

/**
 * A digest message's delete (`digest:<id>`, its last line's note gone) ended without deleting it: the message stays,
 * showing that line. The first post queued behind it of a note the digest listed (back meanwhile) becomes the edit of
 * that message, which is its note's from now on (issue 25: the digest line and the post showed it twice): the same
 * `insteadOfPost` edit as a note's own message, posted should the message be gone after all. Any later one is posted
 * as decided: the edit leaves the message showing only the first. Returns the post made an edit, if any.
 */
function digestMessageTakenOver(sql: Sql, del: { id: number; noteId: string; target: Target }): number[] {
  for (const postId of postsOfDigestNotesBehind(sql, del)) if (takeOverDigestMessage(sql, postId, del.noteId, del.target)) return [postId];
  return [];
}

/**
 * The loud fallback of a digest message's delete that left it (review rv32-b R4): digests still pending behind it that
 * list a line the message shows, once the lines were given back (publish/undone-delete.ts). None is expected: any is a
 * note shown twice that the give-back missed, said in the log and on the failed delete's line, never silent.
 */
export function digestsStillListingLineShown(sql: Sql, del: { id: number; noteId: string; target: Target }): number[] {
  return del.noteId.startsWith('digest:') ? digestsListingLineShown(sql, del).digests : [];
}

/**
 * Makes the pending post `postId` the edit of the digest message `digestId` (`digest:<message id>`) a delete left, marked
 * `insteadOfPost`: the message is that post's note's from now on (revision 0: it shows the line the digest gave it), no
 * longer the digest's. False (nothing changed) for a payload no delivery can carry, or a message no longer recorded.
 */
export function takeOverDigestMessage(sql: Sql, postId: number, digestId: string, target: Target): boolean {
  const { platform, chat, thread } = target;
  const message = sql(`SELECT message_id FROM posts WHERE ${SAME}`).get(digestId, platform, chat, thread) as { message_id: string } | undefined;
  const p = sql("SELECT id, note_id, payload FROM outbox WHERE id = ? AND kind = 'post' AND status = 'pending'").get(postId) as { id: number; note_id: string; payload: string } | undefined;
  if (!message || !p || !postMadeEdit(sql, p)) return false;
  sql(`INSERT INTO posts(note_id, platform, chat, thread, message_id, revision, via_digest) VALUES (?, ?, ?, ?, ?, 0, 0)
       ON CONFLICT(note_id, platform, chat, thread) DO UPDATE SET message_id = excluded.message_id, revision = 0, via_digest = 0`).run(p.note_id, platform, chat, thread, message.message_id);
  sql(`DELETE FROM posts WHERE ${SAME}`).run(digestId, platform, chat, thread);
  return true;
}

/** A digest message a delete left (refused for good, its attempts spent) that nothing took over since: what it shows. */
export interface LeftDigest {
  /** `digest:<message id>`, its outbox name. */
  digestId: string;
  messageId: string;
  /** The failed delete, whose line in `status` says what became of the message. */
  deleteId: number;
  /** The lines (note or family ids) it shows. */
  lines: string[];
}

/**
 * The digest messages in the chat whose delete ended without deleting them and that no edit reached since (tester 36 F2:
 * a note of their lines back afterwards was posted beside the message still listing it). A range of the posts' key.
 */
export function leftDigests(sql: Sql, target: Target): LeftDigest[] {
  const { platform, chat, thread } = target;
  const rows = sql(`SELECT note_id, message_id FROM posts WHERE note_id >= 'digest:' AND note_id < 'digest;' AND platform = ? AND chat = ? AND thread = ?`)
    .all(platform, chat, thread) as { note_id: string; message_id: string }[];
  const out: LeftDigest[] = [];
  for (const r of rows) {
    if (!deleteLeftMessage(sql, r.note_id, target)) continue;
    const del = sql(`SELECT max(id) AS id FROM outbox WHERE ${SAME} AND kind = 'delete'`).get(r.note_id, platform, chat, thread) as { id: number };
    out.push({ digestId: r.note_id, messageId: r.message_id, deleteId: del.id, lines: linesShownBy(sql, target, r.message_id) });
  }
  return out;
}

/** Appends `said` to the failed delete `deleteId`'s line in `status`, once. */
export function sayOnFailedDelete(sql: Sql, deleteId: number, said: string): void {
  sql("UPDATE outbox SET last_error = coalesce(last_error, '') || ? WHERE id = ? AND status = 'failed' AND instr(coalesce(last_error, ''), ?) = 0").run(said, deleteId, said);
}

/** The held posts a scheduled digest sent as the message (their note ids): its lines, until an edit of it went. */
const HELD_LINES = `SELECT note_id FROM outbox WHERE platform = ? AND chat = ? AND thread = ? AND kind = 'post' AND status = 'done' AND message_id = ?`;

/**
 * The lines a digest message shows by what went out to it: its newest edit sent, else its digest as it was sent (a line
 * taken out while it was in flight included: its row lists the lines left, `shown` what went out, review rv32-b R3),
 * else a scheduled digest's held posts. The one answer for every reader of "what the message that stayed shows".
 */
function linesShownBy(sql: Sql, target: Target, messageId: string): string[] {
  const { platform, chat, thread } = target;
  const newest = sql(`SELECT payload FROM outbox WHERE platform = ? AND chat = ? AND thread = ? AND status = 'done'
                      AND ((kind = 'digest' AND message_id = ?) OR (kind = 'edit' AND note_id = ?)) ORDER BY id DESC LIMIT 1`)
    .get(platform, chat, thread, messageId, `digest:${messageId}`) as { payload: string } | undefined;
  // Never edited, a scheduled digest's message shows the held posts it sent (upkeep.ts digestItemsShown).
  if (!newest) return (sql(HELD_LINES).all(platform, chat, thread, messageId) as { note_id: string }[]).map((r) => r.note_id);
  const sent = readDigestPayload(newest.payload);
  return (sent?.shown ?? sent?.items ?? []).map((i) => i.noteId);
}

/** Posts pending behind a digest message's delete of notes whose lines that message shows (`linesShownBy`). */
function postsOfDigestNotesBehind(sql: Sql, del: { id: number; noteId: string; target: Target }): number[] {
  const { platform, chat, thread } = del.target;
  const lines = linesShownBy(sql, del.target, del.noteId.slice('digest:'.length));
  const rows = sql(`SELECT id FROM outbox WHERE kind = 'post' AND platform = ? AND chat = ? AND thread = ? AND status = 'pending' AND id > ?
                    AND note_id IN (SELECT value FROM json_each(?)) ORDER BY id`)
    .all(platform, chat, thread, del.id, JSON.stringify(lines)) as { id: number }[];
  return rows.map((r) => r.id);
}

/**
 * Digests pending behind a digest message's delete that list a note whose line that message shows now (`linesShownBy`),
 * with those lines: the message stays, so sent as they are they would show that note twice in the chat (review rv-c
 * R1); they give those lines up to it instead (publish/digest-lines-back.ts).
 */
function digestsListingLineShown(sql: Sql, del: { id: number; noteId: string; target: Target }): LinesBack {
  const { platform, chat, thread } = del.target;
  const messageId = del.noteId.slice('digest:'.length);
  const lines = linesShownBy(sql, del.target, messageId);
  if (!lines.length) return { messageId, digests: [], lines };
  const rows = sql(`SELECT id FROM outbox d WHERE kind = 'digest' AND platform = ? AND chat = ? AND thread = ? AND status = 'pending' AND id > ?
                    AND EXISTS (SELECT 1 FROM json_each(d.payload, '$.items') i WHERE json_extract(i.value, '$.noteId') IN (SELECT value FROM json_each(?)))
                    ORDER BY id`)
    .all(platform, chat, thread, del.id, JSON.stringify(lines)) as { id: number }[];
  return { messageId, digests: rows.map((r) => r.id), lines };
}

/**
 * An edit made of a post in a delete's shadow (`rejudgeShadowOf`) that found its message gone after all (the delete
 * went through unanswered, or someone deleted it since): it is the post again, due now, and the message's record goes.
 */
export function postAfterAll(sql: Sql, row: { id: number; noteId: string; target: Target; payload: SummaryPayload }): void {
  const { insteadOfPost: _was, ...payload } = row.payload;
  sql(`DELETE FROM posts WHERE ${SAME}`).run(row.noteId, row.target.platform, row.target.chat, row.target.thread);
  // The line is the note's own delete's, or a digest message's (`digest:<id>`) it took over: whichever says it.
  sayOfShadowEdit(sql, row.id, row.target, shadowEditSaid(row.id), postedAfterAllSaid(row.id));
  sql("UPDATE outbox SET kind = 'post', payload = ?, status = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ? WHERE id = ?").run(JSON.stringify(payload), Date.now(), Date.now(), row.id);
}

/** What the failed delete's line says of the lines a digest gave up to its message, and once that edit found it gone (`digestAfterAll`). */
export const linesGivenEditSaid = (id: number) => `delivery #${id} edits it to show it`;
const digestAfterAllSaid = (id: number) => `delivery #${id} was to edit it, found it gone after all, and posts the line in a digest`;

/**
 * An edit of a digest message a refused delete left, given lines back (publish/digest-lines-back.ts), that found the
 * message gone after all: its lines are posted in a digest of their own, due now, and the message's records go.
 */
export function digestAfterAll(sql: Sql, row: { id: number; noteId: string; target: Target; payload: DigestPayload }): void {
  const { platform, chat, thread } = row.target;
  const { insteadOfDigest: _was, ...payload } = row.payload;
  sql('DELETE FROM posts WHERE platform = ? AND chat = ? AND thread = ? AND message_id = ? AND (via_digest = 1 OR note_id = ?)')
    .run(platform, chat, thread, row.noteId.slice('digest:'.length), row.noteId);
  sayOfShadowEdit(sql, row.id, row.target, linesGivenEditSaid(row.id), digestAfterAllSaid(row.id));
  sql("UPDATE outbox SET kind = 'digest', note_id = NULL, payload = ?, status = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ? WHERE id = ?")
    .run(JSON.stringify(payload), Date.now(), Date.now(), row.id);
}

/**
 * The failed deletes' lines in the chat before edit `id` that say `said` of it (it edits the message that stayed) say
 * `now` instead: what became of that edit. One home for every way such an edit ends other than done (review rv32-b R2).
 */
function sayOfShadowEdit(sql: Sql, id: number, target: Target, said: string, now: string): void {
  sql(`UPDATE outbox SET last_error = replace(last_error, ?, ?) WHERE platform = ? AND chat = ? AND thread = ? AND kind = 'delete' AND status = 'failed' AND id < ?`)
    .run(said, now, target.platform, target.chat, target.thread, id);
}

/**
 * Delivery `id` ended without going (`how`: skipped, or refused for good): should it be an edit a failed delete's line
 * says edits the message that stayed (a post made an edit, lines given back), that line says it did not (review rv32-b
 * R2: status kept saying "delivery #N edits it to show it" after the note went again, or the edit was refused).
 */
export function shadowEditEnded(sql: Sql, id: number, how: string): void {
  const edit = sql("SELECT platform, chat, thread FROM outbox WHERE id = ? AND kind = 'edit'").get(id) as Target | undefined;
  if (!edit) return;
  const ended = `delivery #${id} was to edit it and did not (${how})`;
  for (const said of [shadowEditSaid(id), linesGivenEditSaid(id)]) sayOfShadowEdit(sql, id, edit, said, ended);
}

/**
 * Whether the message of `noteId` recorded in the chat is one whose delete ended without deleting it: the newest delete
 * there failed (refused for good, attempts spent), after the newest post or edit that went out (an edit answered after it
 * shows the message is there: it is an ordinary message again).
 */
export function deleteLeftMessage(sql: Sql, noteId: string, target: Target): boolean {
  const r = sql(`SELECT (SELECT status FROM outbox WHERE ${SAME} AND kind = 'delete' ORDER BY id DESC LIMIT 1) AS del, (SELECT max(id) FROM outbox WHERE ${SAME} AND kind = 'delete') AS delId,
                        (SELECT max(id) FROM outbox WHERE ${SAME} AND kind IN ('post', 'edit') AND status = 'done') AS postId`)
    .get(...[0, 1, 2].flatMap(() => [noteId, target.platform, target.chat, target.thread])) as { del: string | null; delId: number | null; postId: number | null };
  return r.del === 'failed' && (r.postId ?? 0) < (r.delId ?? 0);
}
