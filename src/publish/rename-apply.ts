/**
 * A chunk's renames written to the store, in the order given (a chain's end first), in one
 * transaction: a kill -9 inside must not leave posts under a gone id, nor half a swap. A rename onto
 * the id of a note that is itself renamed later in the list (a swap or rotation: rename-chain.ts)
 * first moves that note out of the way, under a temporary id its own rename then starts from.
 * A rename onto the path of a deleted note sets that note's record aside (setAsideDeleted), as does
 * another note written there (replaced-deleted.ts).
 */
import { noteIdOf } from '../notes/read.js';
import type { Store } from '../store/store.js';
import type { Rename } from './rename-match.js';

/** `replaced`: deleted notes' ids whose path another note took (replaced-deleted.ts), set aside in the same transaction. */
export function applyRenames(store: Store, renames: readonly Rename[], replaced: readonly string[] = []): void {
  const movingLater = new Set(renames.map((r) => r.fromId));
  const parked = new Map<string, string>();
  store.transaction(() => {
    for (const id of replaced) setAsideDeleted(store, id);
    for (const { fromId, to } of renames) {
      const toId = noteIdOf(to.rel);
      const at = parked.get(fromId) ?? fromId;
      // Same id (a.md → a.markdown, or a rename a kill -9 interrupted before its note was written): the record is already there.
      if (toId === at) continue;
      if (movingLater.has(toId) && !parked.has(toId) && store.getNote(toId)) {
        parked.set(toId, `${toId}\u0000moving`); // no path's id holds a NUL
        store.renameNote(toId, parked.get(toId)!);
      }
      if (!movingLater.has(toId) && store.getNote(toId)?.state === 'deleted') setAsideDeleted(store, toId);
      store.renameNote(at, toId);
      movingLater.delete(fromId);
    }
  });
}

/**
 * A deleted note's record, at the path a note is renamed onto, set aside under an id and file no
 * path has (a NUL in each), its posts and the family messages showing it following it. Deleted
 * with `onDelete: keep`, its messages stay up showing it, and its family keeps its language's place
 * for it (family-key.ts): taken over by the renamed note (its id is the path), that kept message
 * was edited to show the renamed note, whose own message stayed too: two messages showing one note,
 * one switched to another note (the model's MODEL_SEED=311). Set aside, the renamed note keeps its
 * own message and the deleted one's stays as it was.
 */
function setAsideDeleted(store: Store, id: string): void {
  let n = 1;
  while (store.getNote(`${id}\u0000gone${n}`)) n++;
  const aside = `${id}\u0000gone${n}`;
  store.renameNote(id, aside);
  const row = store.getNote(aside);
  if (row) store.putNote({ ...row, file: `${row.file}\u0000gone${n}` });
}
