/**
 * A delete that ended without deleting its message: refused for good (Telegram's 48-hour limit, "message can't be
 * deleted"; Discord's 50013 Missing Permissions on a forum post) or its attempts spent. The message stays, so what was
 * decided while the delete was under way, against no message (store/under-way.ts), is judged again in the same
 * transaction as the failure: a post of the note back becomes an edit of that message (issue 25: it showed twice).
 * What cannot be undone so is said in the log and on the failed delete's line in `status`.
 */
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import type { OutboxRow, SummaryPayload, Target } from '../store/types.js';
import { deleteLeftMessage, rejudgeShadowOf, shadowEditSaid, type ShadowRejudged } from '../store/under-way.js';

type FailStore = Pick<Store, 'transaction' | 'markFailed' | 'sql'>;

/** Marks the delivery failed with `reason`; a delete's shadow judged again with it. */
export function markFailedJudgingShadow(store: FailStore, row: OutboxRow, reason: string): ShadowRejudged | undefined {
  if (row.kind !== 'delete') return void store.markFailed(row.id, reason);
  return store.transaction(() => {
    const shadow = rejudgeShadowOf(store.sql, row);
    store.markFailed(row.id, `${reason}${shadowLine(shadow)}`);
    return shadow;
  });
}

/** What `status` shows after the failed delete's reason. */
function shadowLine(s: ShadowRejudged): string {
  const edits = s.edits.length ? `; its note came back meanwhile: ${s.edits.map(shadowEditSaid).join(', ')}` : '';
  const twice = s.twice.length ? `; its note came back meanwhile in digest #${s.twice.join(', #')}: the chat shows it twice (this message and that digest's line)` : '';
  return edits + twice;
}

/** Says what judging the shadow changed: an edit instead of a second post, or a note shown twice (loudly). */
export function sayShadowRejudged(log: Logger, logCtx: object, s: ShadowRejudged | undefined): void {
  if (s?.edits.length) log.warn({ ...logCtx, edits: s.edits }, 'the delete left its message in the chat; the note came back meanwhile: its post queued behind the delete edits that message instead (shown once)');
  if (s?.twice.length) log.error({ ...logCtx, digests: s.twice }, 'the delete left its message in the chat; the note came back meanwhile and a digest queued behind the delete lists it: the chat shows it twice (that message and the digest line); notecast status shows it on the failed delete');
}

/**
 * The payload of an edit of `noteId`'s message in the chat (a note's, or a family's in `group`): marked `insteadOfPost`
 * when that message is one a delete left (store/under-way.ts deleteLeftMessage). Should it be gone by now (deleted in
 * the chat, or by our delete that was answered too late), the note is posted (outcomes.ts recordGone); and it is never
 * skipped as changing nothing, since only the platform knows whether it is there. One choice for both translations modes.
 */
export function editOfLeftMessage(sql: Store['sql'], noteId: string, target: Target, payload: SummaryPayload): SummaryPayload {
  return deleteLeftMessage(sql, noteId, target) ? { ...payload, insteadOfPost: true } : payload;
}

/** An edit marked `insteadOfPost` (store/under-way.ts rejudgeShadowOf, editOfLeftMessage): posted should its message be gone. */
export function isInsteadOfPostEdit(row: OutboxRow): row is Extract<OutboxRow, { kind: 'edit' }> & { payload: SummaryPayload } {
  return row.kind === 'edit' && row.payload.type === 'summary' && row.payload.insteadOfPost === true;
}
