/**
 * A delete that ended without deleting its message: refused for good (Telegram's 48-hour limit, "message can't be
 * deleted"; Discord's 50013 Missing Permissions on a forum post) or its attempts spent. The message stays, so what was
 * decided while the delete was under way, against no message (store/under-way.ts), is judged again in the same
 * transaction as the failure: a post of the note back becomes an edit of that message (issue 25: it showed twice).
 * What cannot be undone so is said in the log and on the failed delete's line in `status`.
 */
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import type { DigestPayload, OutboxRow, SummaryPayload, Target } from '../store/types.js';
import { DIGEST_PREFIX } from './digest-lines.js';
import { deleteLeftMessage, linesGivenEditSaid, shadowEditSaid, shownAgainInFlight } from '../store/under-way.js';
import { digestsStillListingLineShown, queuedBehind, recordLeftMessage } from '../store/left-messages.js';
import { giveBack, type GivenBack, type LinesBackStore } from './left-message-back.js';
import { sayEditOfLeftMessage } from './left-message-said.js';

export type FailStore = Pick<Store, 'transaction' | 'markFailed'> & LinesBackStore;

/** What judging a delete's shadow did: what went to the message that stayed (left-message-back.ts), and digests behind still listing a line it shows (shown twice). */
export type ShadowJudged = GivenBack & { twice: number[] };

/**
 * Marks the delivery failed with `reason`. A delete's message stays: the lines it shows are recorded on it, and what was
 * queued behind it against no message (store/under-way.ts) is judged again, as a note back afterwards is (giveBack).
 */
export function markFailedJudgingShadow(store: FailStore, row: OutboxRow, reason: string): ShadowJudged | undefined {
  if (row.kind !== 'delete') return void store.markFailed(row.id, reason);
  return store.transaction(() => {
    const left = recordLeftMessage(store.sql, row);
    const given = left ? giveBack(store, row.target, left, queuedBehind(store.sql, row.target, left)) : { edits: [], lines: [], digests: [] };
    // Taken over, a digest message shows that note's post: its other lines are no longer shown there. Else any digest
    // behind still listing a line the message shows is said loudly, never assumed away.
    // Taken over, a digest message shows that note's post only: a digest behind listing that note shows it twice (rv33-a R2).
    const behind = digestsStillListingLineShown(store.sql, row);
    const taken = given.edits.length && row.noteId.startsWith(DIGEST_PREFIX) ? store.outboxRow(given.edits[0]!)?.noteId : undefined;
    const twice = taken === undefined ? behind : behind.filter((id) => listsLine(store.outboxRow(id), taken));
    const judged = { ...given, twice };
    store.markFailed(row.id, `${reason}${shadowLine(judged)}`);
    return judged;
  });
}

const listsLine = (row: OutboxRow | undefined, noteId: string | null): boolean =>
  row?.kind === 'digest' && row.payload.items.some((i) => i.noteId === noteId);

/** What the failed delete's line says of lines a digest behind it gave up to its message. */
const linesGivenSaid = (g: GivenBack) => `digest #${g.digests.join(', #')} gave the line up to it (${linesGivenEditSaid(g.edit!)})`;

/** What `status` shows after the failed delete's reason. */
function shadowLine(s: ShadowJudged): string {
  const edits = s.edits.length ? `; its note came back meanwhile: ${s.edits.map(shadowEditSaid).join(', ')}` : '';
  const twice = s.twice.length ? `; its note came back meanwhile in digest #${s.twice.join(', #')}: the chat shows it twice (this message and that digest's line)` : '';
  const given = s.edit !== undefined ? `; its note came back meanwhile: ${linesGivenSaid(s)}` : '';
  return edits + twice + given;
}

/** Says what judging the shadow changed: an edit instead of a second post, or a note shown twice (loudly). */
export function sayShadowRejudged(log: Logger, logCtx: object, s: ShadowJudged | undefined): void {
  if (s?.edits.length) log.warn({ ...logCtx, edits: s.edits }, 'the delete left its message in the chat; the note came back meanwhile: its post queued behind the delete edits that message instead (shown once)');
  if (s?.edit !== undefined) log.warn({ ...logCtx, edit: s.edit, digests: s.digests, lines: s.lines }, 'the delete left its message in the chat; a note it shows came back meanwhile in a digest queued behind the delete: that digest gives the line up and the message is edited to show it (shown once)');
  if (s?.twice.length) log.error({ ...logCtx, digests: s.twice }, 'the delete left its message in the chat; the note came back meanwhile and a digest queued behind the delete lists it: the chat shows it twice (that message and the digest line); notecast status shows it on the failed delete');
}

/**
 * The payload of an edit of `noteId`'s message in the chat (a note's, or a family's in `group`): marked `insteadOfPost`
 * when that message is one a delete left (store/under-way.ts deleteLeftMessage). Should it be gone by now (deleted in
 * the chat, or by our delete that was answered too late), the note is posted (outcomes.ts recordGone); and it is never
 * skipped as changing nothing, since only the platform knows whether it is there. One choice for both translations modes;
 * not while an edit back is in flight (store/under-way.ts shownAgainInFlight).
 */
export function editOfLeftMessage(sql: Store['sql'], noteId: string, target: Target, payload: SummaryPayload): SummaryPayload {
  // One rule for both modes: an edit while the edit back is in flight goes behind it, an ordinary edit (as `separate`'s).
  return deleteLeftMessage(sql, noteId, target) && !shownAgainInFlight(sql, noteId, target) ? { ...payload, insteadOfPost: true } : payload;
}

/**
 * Queues the edit `e` of a note's (or a family's) message in the chat, or gives the pending edit `pendingId` its payload
 * (`e.payload` from editOfLeftMessage). An edit of a message a delete left is said: the log and the failed delete's line
 * in `status` (left-message-said.ts, as a digest message's). Returns the edit's id.
 */
export function queueEdit(store: Pick<Store, 'sql' | 'enqueue' | 'replacePayload'>, log: Logger | undefined, e: { noteId: string; target: Target; revision: number; payload: SummaryPayload }, pendingId?: number): number {
  const id = pendingId ?? store.enqueue({ noteId: e.noteId, revision: e.revision, target: e.target, kind: 'edit', payload: e.payload });
  if (pendingId !== undefined) store.replacePayload(pendingId, e.revision, e.payload);
  if (e.payload.insteadOfPost) sayEditOfLeftMessage(store.sql, log, { noteId: e.noteId, target: e.target, edit: id, member: e.payload.member });
  return id;
}

/** An edit marked `insteadOfPost` (store/under-way.ts postMadeEdit, left-message-back.ts, editOfLeftMessage): posted should its message be gone. */
export function isInsteadOfPostEdit(row: OutboxRow): row is Extract<OutboxRow, { kind: 'edit' }> & { payload: SummaryPayload } {
  return row.kind === 'edit' && row.payload.type === 'summary' && row.payload.insteadOfPost === true;
}

/** A digest message's edit marked `insteadOfDigest` (left-message-back.ts): its lines posted in a digest should the message be gone. */
export function isInsteadOfDigestEdit(row: OutboxRow): row is Extract<OutboxRow, { kind: 'edit' }> & { payload: DigestPayload } {
  return row.kind === 'edit' && row.payload.type === 'digest' && row.payload.insteadOfDigest === true;
}
