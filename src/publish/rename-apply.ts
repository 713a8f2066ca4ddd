/**
 * A chunk's renames written to the store, in the order given (a chain's end first), in one
 * transaction: a kill -9 inside must not leave posts under a gone id, nor half a swap. A rename onto
 * the id of a note that is itself renamed later in the list (a swap or rotation: rename-chain.ts)
 * first moves that note out of the way, under a temporary id its own rename then starts from.
 * A rename onto the path of a deleted note sets that note's record aside (setAside), as does
 * another note written there (replaced-deleted.ts), or of a live note it overwrote (its removal then decided).
 */
import { noteIdOf } from '../notes/read.js';
import type { Store } from '../store/store.js';
import type { Rename } from './rename-match.js';

/** A note a rename was applied over (rename-match.ts mayBeRenamedHere: its file rewritten, held), set aside: its removal is still to decide. */
export interface Overwritten {
  file: string;
  aside: { id: string; file: string };
}

/**
 * `replaced`: deleted notes' ids whose path another note took (replaced-deleted.ts), set aside in the same transaction.
 * `waitsAsRemoval`: whether a file's note waits with the pending removals (removals.ts). Returns the live notes
 * that waited so and that renames were applied over, set aside too (their records and posts kept for their removal).
 */
export function applyRenames(store: Store, renames: readonly Rename[], replaced: readonly string[] = [], waitsAsRemoval: (file: string) => boolean = () => false): Overwritten[] {
  const movingLater = new Set(renames.map((r) => r.fromId));
  const parked = new Map<string, string>();
  const overwritten: Overwritten[] = [];
  store.transaction(() => {
    for (const id of replaced) setAside(store, id);
    for (const { fromId, to } of renames) {
      const toId = noteIdOf(to.rel);
      const at = parked.get(fromId) ?? fromId;
      // Same id (a.md → a.markdown, or a rename a kill -9 interrupted before its note was written): the record is already there.
      if (toId === at) continue;
      if (movingLater.has(toId) && !parked.has(toId) && store.getNote(toId)) {
        parked.set(toId, `${toId}\u0000moving`); // no path's id holds a NUL
        store.renameNote(toId, parked.get(toId)!);
      }
      const there = movingLater.has(toId) ? undefined : store.getNote(toId);
      // A live note there waiting as a removal was overwritten: renameNote would drop its record, its posts merging into
      // the renamed note's. (Another live record there, a copy kept back, is dropped: kept-copies.ts.)
      if (there?.state === 'deleted') setAside(store, toId);
      else if (there && waitsAsRemoval(there.file)) overwritten.push({ file: there.file, aside: setAside(store, toId) });
      store.renameNote(at, toId);
      movingLater.delete(fromId);
    }
  });
  return overwritten;
}

/** What a set-aside record's id and file end in, with a number: no path can hold a NUL, so no note is ever given it. */
const ASIDE = '\u0000gone';

/** Whether a note id is one `setAside` gave: its path holds another note now. */
export const isSetAside = (id: string): boolean => id.includes(ASIDE);

/**
 * A deleted note's record, at the path a note is renamed onto, set aside under an id and file no
 * path has (a NUL in each), its posts and the family messages showing it following it. Deleted
 * with `onDelete: keep`, its messages stay up showing it, and its family keeps its language's place
 * for it (family-key.ts): taken over by the renamed note (its id is the path), that kept message
 * was edited to show the renamed note, whose own message stayed too: two messages showing one note,
 * one switched to another note (the model's MODEL_SEED=311). Set aside, the renamed note keeps its
 * own message and the deleted one's stays as it was.
 */
function setAside(store: Store, id: string): { id: string; file: string } {
  let n = 1;
  while (store.getNote(`${id}${ASIDE}${n}`)) n++;
  const aside = `${id}${ASIDE}${n}`;
  store.renameNote(id, aside);
  const row = store.getNote(aside);
  const file = `${row?.file ?? id}${ASIDE}${n}`;
  if (row) store.putNote({ ...row, file });
  return { id: aside, file };
}
