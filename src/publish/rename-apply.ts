/**
 * A chunk's renames written to the store, in the order given (a chain's end first), in one
 * transaction: a kill -9 inside must not leave posts under a gone id, nor half a swap. A rename onto
 * the id of a note that is itself renamed later in the list (a swap or rotation: rename-chain.ts)
 * first moves that note out of the way, under a temporary id its own rename then starts from.
 */
import { noteIdOf } from '../notes/read.js';
import type { Store } from '../store/store.js';
import type { Rename } from './rename-match.js';

export function applyRenames(store: Store, renames: readonly Rename[]): void {
  const movingLater = new Set(renames.map((r) => r.fromId));
  const parked = new Map<string, string>();
  store.transaction(() => {
    for (const { fromId, to } of renames) {
      const toId = noteIdOf(to.rel);
      const at = parked.get(fromId) ?? fromId;
      // Same id (a.md → a.markdown, or a rename a kill -9 interrupted before its note was written): the record is already there.
      if (toId === at) continue;
      if (movingLater.has(toId) && !parked.has(toId) && store.getNote(toId)) {
        parked.set(toId, `${toId}\u0000moving`); // no path's id holds a NUL
        store.renameNote(toId, parked.get(toId)!);
      }
      store.renameNote(at, toId);
      movingLater.delete(fromId);
    }
  });
}
