/**
 * A move across language folders made as a copy and a delete (issue 25 item 2, the tester's IDE move:
 * `_posts/en/x.md` copied byte-exact to `_posts/ja/x.md`, the en file removed seconds later, or at
 * any later time). The copy is a file new to the store in another language: a translation joining
 * the family, announced at once (kept-copies.ts keeps back only a copy in the same language). When the
 * original's removal is applied while that copy still holds exactly its content, the content went
 * there: the note moved, as `git mv` would, and as a copy kept back in its own language takes its
 * original's messages when the original goes. Taken as a member leaving, `onDelete: keep` left the
 * old language's chat showing the deleted note for good (its later edits never reached it) and
 * `delete` deleted that message, where README says a note moved to another language folder keeps its
 * message in its old language's chat, edited to follow it.
 *
 * So, translations grouped, the removed note's family messages that show it show the copy from now
 * on (edited by the family's sync, its old language's chat included: family-outbox.ts
 * followSentMessage), `onDelete` does not apply (nothing went away), and its record no longer
 * counts as announced: its language's place in the family is free again (family-key.ts holdsSlot),
 * as a renamed note leaves no record at its old path. Only a copy in the same family (the same file
 * name, or `translationKey`): a copy under another name is a family of its own, decided as before.
 */
import type { Config } from '../config/schema.js';
import type { Store, StoredNote } from '../store/store.js';
import { bareHash, type NoteRow } from '../store/types.js';
import { decideRemoval, type Decision, type Policy } from './decide.js';

/** A removal decided: `movedTo`, the copy the removed note moved into, if it did. */
export type RemovalDecision = Decision & { prev: NoteRow; place: StoredNote['place']; movedTo?: string | undefined };

/**
 * The live, announced member of `row`'s family, in another language, whose file holds exactly `row`'s content (first by id),
 * and is not going too (`removing`). Content without controls (notes/bare-text.ts, as every copy rule compares it): a copy
 * that also writes controls of its own shows the same text; compared by bytes, it was a member leaving.
 */
function copyHolding(store: Pick<Store, 'familyNotes'>, row: NoteRow, removing: ReadonlySet<string>): NoteRow | undefined {
  if (row.state !== 'published' || !row.announced || row.info.copyOf) return undefined;
  return store.familyNotes(row.info.translationKey).find((m) => !removing.has(m.id) && bareHash(m) === bareHash(row) && m.info.lang !== row.info.lang && m.state === 'published' && m.announced && !m.info.copyOf);
}

/** The removals about to be applied (notes not deleted yet), each decided: moved into its copy (grouped translations), else as `onDelete` says. */
export function decideRemovals(deps: { store: Store; config: Config }, stored: readonly (StoredNote | undefined)[], policy: Policy): RemovalDecision[] {
  const grouped = deps.config.publish.translations.mode === 'group';
  const decided: RemovalDecision[] = [];
  // A copy removed with its original (one burst: a branch switch) is no move's end; taken as one, the two moved into each other and `onDelete` held for neither.
  const removing = new Set(stored.flatMap((s) => (s ? [s.row.id] : [])));
  for (const s of stored) {
    if (!s || s.row.state === 'deleted') continue;
    const copy = grouped ? copyHolding(deps.store, s.row, removing) : undefined;
    if (!copy) decided.push({ ...decideRemoval(s.row, policy), prev: s.row, place: s.place });
    else decided.push({ row: { ...s.row, state: 'deleted', dueAt: null, announced: false, error: null }, action: { type: 'none', why: `moved to ${copy.file}, which holds exactly its content` }, prev: s.row, place: s.place, movedTo: copy.id });
  }
  return decided;
}

/**
 * Before the batch's records are written (inside its transaction): the family messages showing a note moved into
 * its copy show the copy. `movedTo` rides on the rows decideRemovals gave Publisher.commit (none on the others).
 */
export function followIntoCopies<D extends { row: NoteRow; movedTo?: string | undefined }>(store: Store, decided: readonly D[]): readonly D[] {
  for (const d of decided) if (d.movedTo !== undefined) store.upkeep.showMemberInstead(d.row.id, d.movedTo);
  return decided;
}
