/**
 * Which changed paths the store holds no note at (issue 25, split-burst seeds 31108 and 31020). A note's id is its path,
 * so a path once held by a note deleted since still has that note's record. Another note arriving there (moved,
 * renamed along a chain, or found late) is new to the store all the same: the record is the deleted note's, and only
 * that note's own content back is that note returning (replaced-deleted.ts). One rule for every reader: a late
 * removal's new file (late-removals.ts), a chain's end (rename-chain.ts), a rename's target (rename-match.ts).
 */
import type { KnownNote } from '../store/store.js';

/** No note of the store is at the path: none ever was, or its record is a deleted note's whose content is not this. */
export function newToStore(record: KnownNote | undefined, now: { hash: string }): boolean {
  return !record || (record.state === 'deleted' && record.hash !== now.hash);
}
