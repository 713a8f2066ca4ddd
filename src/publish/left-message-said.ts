/**
 * What is said of a note back, after the refusal was recorded, to a message a refused delete left (issue 25, tester 38
 * F2): the failed delete's line in `status` and a log line, naming the note, the chat and the message. One rule for every
 * path a note comes back by: a digest message's lines (left-message-back.ts backAfterwards), a note's or a family's own
 * message (an edit marked `insteadOfPost`: undone-delete.ts queueEdit). The failed delete's line is what an operator acts
 * on: read alone it says "this message should be gone", and deleting it by hand would delete the note's live post.
 */
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import { leftMessageOf, type LeftMessage } from '../store/left-messages.js';
import { targetKey, type Target } from '../store/types.js';
import { linesGivenEditSaid, sayOnFailedDelete, shadowEditSaid } from '../store/under-way.js';
import { DIGEST_PREFIX } from './digest-lines.js';

/** A note (or notes: a digest message's lines) back to `left`, shown there by edit `edit`. */
export interface BackToLeft {
  notes: readonly string[];
  target: Target;
  left: LeftMessage;
  edit: number;
}

/**
 * `back` edits the message that stayed to show the note's post (`post`), or to list the lines given back (`lines`: a
 * digest message). The line says it once an edit: a line that names the edit already (a note saved again before its
 * edit went, or judged so when the delete failed: undone-delete.ts) is left as it is, and a post is not logged again;
 * lines given back are logged each time, since the log names the notes.
 */
export function sayBackToLeftMessage(sql: Store['sql'], log: Logger | undefined, back: BackToLeft, how: 'post' | 'lines'): void {
  const named = how === 'post' ? shadowEditSaid(back.edit) : linesGivenEditSaid(back.edit);
  const said = how === 'post' ? `; its note came back afterwards: ${named}` : `; its note came back afterwards: its line goes back to it (${named})`;
  // The line names the edit once; the log names notes: every note given back is logged (review rv34-a R4).
  if (!sayOnFailedDelete(sql, back.left.deleteId, said, named) && how === 'post') return;
  const ctx = { notes: back.notes, target: targetKey(back.target), message: back.left.messageId, deleteDelivery: back.left.deleteId };
  const own = !back.left.noteId.startsWith(DIGEST_PREFIX);
  if (how === 'lines') log?.warn({ ...ctx, edit: back.edit }, 'notes back: the digest message whose delete was refused still lists them: their lines go back to it, edited to list them, instead of a digest showing them twice');
  else if (own) log?.warn({ ...ctx, delivery: back.edit }, 'note back: its message whose delete was refused is still in the chat (the message that stayed): it is edited to show the note instead of posting it again (shown once); notecast status says so on the failed delete: do not delete that message by hand');
  else log?.warn({ ...ctx, delivery: back.edit }, 'note back: the digest message whose delete was refused still lists it: that message is edited to show its post instead of posting it again (shown once)');
}

/** Edit `edit` of `noteId`'s message in `target` marked `insteadOfPost`: said when that message is one a delete left. */
export function sayEditOfLeftMessage(sql: Store['sql'], log: Logger | undefined, e: { noteId: string; target: Target; edit: number; member?: string | undefined }): void {
  const left = leftMessageOf(sql, e.noteId, e.target);
  // A family's message names the family and the member it shows.
  const notes = e.member !== undefined && e.member !== e.noteId ? [e.noteId, e.member] : [e.noteId];
  if (left) sayBackToLeftMessage(sql, log, { notes, target: e.target, left, edit: e.edit }, 'post');
}
