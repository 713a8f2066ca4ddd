/**
 * Deliveries of a note's message in a chat that have left and not been settled yet (issue 25, tester 32-1 F2, F3, F6).
 * A decision about that note and chat taken meanwhile (deleted, drafted, back) is taken against what the chat shows
 * once that delivery is answered, not against the records as they are before its answer: a post in flight will be a
 * message (a delete decided now goes after it, once its id is known), and a delete that has left will leave none (a
 * note back is posted anew after it, never an edit of the message it deletes; should the delete end without deleting,
 * that is judged again: publish/undone-delete.ts, with the message it left recorded: left-messages.ts). The chat's queue sends one delivery at
 * a time (store.ts `dueHeads`), so what is queued now goes after the answer. A row still `sending` at a start (a kill
 * -9 caught it) is under way too: it is sent again once the start-up scan has decided.
 */
import type { Statement } from './db.js';
import type { DigestPayload, SummaryPayload, Target } from './types.js';
import { readDigestPayload, readSummaryPayload } from './records.js';

type Sql = (text: string) => Statement;
/** One note's rows in one chat (its four parameters: note, platform, chat, thread). */
const SAME = 'note_id = ? AND platform = ? AND chat = ? AND thread = ?';

/**
 * A post whose send may have reached the chat, its answer not recorded: being sent, or waiting to be sent again after a
 * send that went unanswered (a timeout: review rv-34d R1). Its message, if it went through, is the message to be.
 */
const POST_IN_FLIGHT = "kind = 'post' AND (status = 'sending' OR (status = 'pending' AND unanswered_sends > 0))";

/** Whether a post of `noteId` to the chat is in flight (POST_IN_FLIGHT): its message, if it goes through, is not recorded yet. */
export function postInFlight(sql: Sql, noteId: string, target: Target): boolean {
  return sql(`SELECT 1 FROM outbox WHERE ${SAME} AND ${POST_IN_FLIGHT}`).get(noteId, target.platform, target.chat, target.thread) !== undefined;
}

/** What the post of `noteId` in flight to the chat shows (undefined: none in flight, or no summary's). */
export function postInFlightPayload(sql: Sql, noteId: string, target: Target): SummaryPayload | undefined {
  const r = sql(`SELECT payload FROM outbox WHERE ${SAME} AND ${POST_IN_FLIGHT} ORDER BY id DESC LIMIT 1`)
    .get(noteId, target.platform, target.chat, target.thread) as { payload: string } | undefined;
  return r ? readSummaryPayload(r.payload) : undefined;
}

/** The member the post of `noteId` in flight to the chat shows (undefined: none in flight, or no summary's). */
export function postInFlightMember(sql: Sql, noteId: string, target: Target): string | undefined {
  return postInFlightPayload(sql, noteId, target)?.member;
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

/**
 * What the failed delete's line says of an edit that makes the message that stayed its note's again (a post made an edit,
 * a note back to it), and once that edit found the message gone (`postAfterAll`). The message is the note's live one
 * then: finishing the failed delete by hand would delete it (tester 38 F2).
 */
export const shadowEditSaid = (id: number) => `delivery #${id} edits the message that stayed instead of posting it again`;
/**
 * The advice after `shadowEditSaid` in `status`, true only while the note stays: rendered there from the current state
 * (store/left-message-advice.ts), never stored (review rv34-a R2, R3). Lines written by df2dd25a stored it: readers drop it.
 */
export const BY_HAND_ADVICE = " (the note's message now: do not delete it by hand)";
const postedAfterAllSaid = (id: number) => `delivery #${id} was to edit the message that stayed, found it gone after all, and posts the note`;

/**
 * Turns the pending post `postId` into an edit of the message its note's record names, marked `insteadOfPost`: should
 * the edit find that message gone after all (a timed-out delete that did go through), it is posted (`postAfterAll`).
 * False (nothing changed) for a row that is no pending post, or a payload no delivery can carry.
 */
export function postMadeEdit(sql: Sql, postId: number): boolean {
  const p = sql("SELECT payload FROM outbox WHERE id = ? AND kind = 'post' AND status = 'pending'").get(postId) as { payload: string } | undefined;
  const stored = p && readSummaryPayload(p.payload);
  if (!stored) return false; // no delivery (records.ts): it fails on its own turn
  const { digestAt: _heldFor, ...payload } = stored; // an edit is never held for a digest
  // One held for a digest time ahead goes at its turn: an edit waiting there would hold the chat's queue.
  sql("UPDATE outbox SET kind = 'edit', payload = ?, next_attempt_at = coalesce(MIN(next_attempt_at, ?), next_attempt_at), updated_at = ? WHERE id = ? AND kind = 'post' AND status = 'pending'")
    .run(JSON.stringify({ ...payload, insteadOfPost: true }), stored.digestAt === undefined ? null : Date.now(), Date.now(), postId);
  return true;
}

/**
 * Makes the pending post `postId` the edit of the digest message `digestId` (`digest:<message id>`) a delete left, marked
 * `insteadOfPost`: the message is that post's note's from now on (revision 0: it shows the line the digest gave it), no
 * longer the digest's. False (nothing changed) for a payload no delivery can carry, or a message no longer recorded.
 */
export function takeOverDigestMessage(sql: Sql, postId: number, digestId: string, target: Target): boolean {
  const { platform, chat, thread } = target;
  const message = sql(`SELECT message_id FROM posts WHERE ${SAME}`).get(digestId, platform, chat, thread) as { message_id: string } | undefined;
  const p = sql("SELECT note_id FROM outbox WHERE id = ? AND kind = 'post' AND status = 'pending'").get(postId) as { note_id: string } | undefined;
  if (!message || !p) return false;
  // A line already given back to it (its record names the message): the message shows that note; this post is its own (rv33-a R1).
  const given = sql('SELECT 1 FROM posts WHERE platform = ? AND chat = ? AND thread = ? AND message_id = ? AND note_id NOT IN (?, ?)')
    .get(platform, chat, thread, message.message_id, digestId, p.note_id);
  if (given || !postMadeEdit(sql, postId)) return false;
  sql(`INSERT INTO posts(note_id, platform, chat, thread, message_id, revision, via_digest) VALUES (?, ?, ?, ?, ?, 0, 0)
       ON CONFLICT(note_id, platform, chat, thread) DO UPDATE SET message_id = excluded.message_id, revision = 0, via_digest = 0`).run(p.note_id, platform, chat, thread, message.message_id);
  sql(`DELETE FROM posts WHERE ${SAME}`).run(digestId, platform, chat, thread);
  return true;
}

/** Appends `said` to the failed delete `deleteId`'s line in `status`, unless that line says `unless` (`said` itself: once); whether it did. */
export function sayOnFailedDelete(sql: Sql, deleteId: number, said: string, unless = said): boolean {
  return sql("UPDATE outbox SET last_error = coalesce(last_error, '') || ? WHERE id = ? AND status = 'failed' AND instr(coalesce(last_error, ''), ?) = 0").run(said, deleteId, unless).changes > 0;
}

/**
 * An edit made of a post in a delete's shadow (`postMadeEdit`), or of a note's own message given its line back
 * (publish/left-message-back.ts), that found its message gone after all (the delete
 * went through unanswered, or someone deleted it since): it is the post again, due now, and the message's record goes.
 */
export function postAfterAll(sql: Sql, row: { id: number; noteId: string; target: Target; payload: SummaryPayload }): void {
  const { insteadOfPost: _was, ...payload } = row.payload;
  sql(`DELETE FROM posts WHERE ${SAME}`).run(row.noteId, row.target.platform, row.target.chat, row.target.thread);
  // The line is the note's own delete's, or a digest message's (`digest:<id>`) it took over: whichever says it.
  for (const said of [shadowEditSaid(row.id), linesGivenEditSaid(row.id)]) sayOfShadowEdit(sql, row.id, row.target, said, postedAfterAllSaid(row.id));
  sql("UPDATE outbox SET kind = 'post', payload = ?, status = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ? WHERE id = ?").run(JSON.stringify(payload), Date.now(), Date.now(), row.id);
}

/** What the failed delete's line says of the lines a digest gave up to its message, and once that edit found it gone (`digestAfterAll`). */
export const linesGivenEditSaid = (id: number) => `delivery #${id} edits it to show it`;
const digestAfterAllSaid = (id: number) => `delivery #${id} was to edit it, found it gone after all, and posts the line in a digest`;

/**
 * An edit of a digest message a refused delete left, given lines back (publish/left-message-back.ts), that found the
 * message gone after all: its lines are posted in a digest of their own, due now, and the message's records go.
 */
export function digestAfterAll(sql: Sql, row: { id: number; noteId: string; target: Target; payload: DigestPayload }): void {
  const { platform, chat, thread } = row.target;
  const { insteadOfDigest: _was, ...payload } = { ...row.payload, items: withLaterGiveBacks(sql, row) };
  sql('DELETE FROM posts WHERE platform = ? AND chat = ? AND thread = ? AND message_id = ? AND (via_digest = 1 OR note_id = ?)')
    .run(platform, chat, thread, row.noteId.slice('digest:'.length), row.noteId);
  sayOfShadowEdit(sql, row.id, row.target, linesGivenEditSaid(row.id), digestAfterAllSaid(row.id));
  sql("UPDATE outbox SET kind = 'digest', note_id = NULL, payload = ?, status = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ? WHERE id = ?")
    .run(JSON.stringify(payload), Date.now(), Date.now(), row.id);
}

/**
 * The items of edit `row` (its message gone) with those of later give-back edits of the same message still pending (a
 * line given back while `row` was in flight, rv33-a R3): their items are newer. Those edits are folded in, skipped.
 */
function withLaterGiveBacks(sql: Sql, row: { id: number; noteId: string; target: Target; payload: DigestPayload }): DigestPayload['items'] {
  const { platform, chat, thread } = row.target;
  const later = sql(`SELECT id, payload FROM outbox WHERE ${SAME} AND kind = 'edit' AND status = 'pending' AND id > ? AND json_extract(payload, '$.insteadOfDigest') = 1 ORDER BY id`)
    .all(row.noteId, platform, chat, thread, row.id) as { id: number; payload: string }[];
  const items = new Map(row.payload.items.map((i) => [i.noteId, i]));
  for (const edit of later) {
    for (const i of readDigestPayload(edit.payload)?.items ?? []) items.set(i.noteId, i);
    const folded = `folded into digest #${row.id}: the message was gone`;
    sql("UPDATE outbox SET status = 'skipped', last_error = ?, updated_at = ? WHERE id = ?").run(folded, Date.now(), edit.id);
    sayOfShadowEdit(sql, edit.id, row.target, linesGivenEditSaid(edit.id), digestAfterAllSaid(row.id));
  }
  return [...items.values()];
}

/**
 * The failed deletes' lines in the chat before edit `id` that say `said` of it (it edits the message that stayed) say
 * `now` instead: what became of that edit. One home for every way such an edit ends other than done (review rv32-b R2).
 */
function sayOfShadowEdit(sql: Sql, id: number, target: Target, said: string, now: string): void {
  // A line df2dd25a wrote stored the advice after `said`: it goes with it.
  sql(`UPDATE outbox SET last_error = replace(replace(last_error, ? || ?, ?), ?, ?) WHERE platform = ? AND chat = ? AND thread = ? AND kind = 'delete' AND status = 'failed' AND id < ?`)
    .run(said, BY_HAND_ADVICE, now, said, now, target.platform, target.chat, target.thread, id);
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

/**
 * Whether a post or edit of `noteId`'s message in the chat is being sent after its newest delete: an edit back to the
 * message that stayed, in flight. A change meanwhile is an ordinary edit behind it (review rv34-a R1: in `group` it was
 * marked and said as a second return); should that edit find the message gone, it is posted (postAfterAll) before it.
 */
export function shownAgainInFlight(sql: Sql, noteId: string, target: Target): boolean {
  return sql(`SELECT 1 FROM outbox WHERE ${SAME} AND kind IN ('post', 'edit') AND status = 'sending'
              AND id > (SELECT coalesce(max(id), 0) FROM outbox WHERE ${SAME} AND kind = 'delete')`)
    .get(noteId, target.platform, target.chat, target.thread, noteId, target.platform, target.chat, target.thread) !== undefined;
}
