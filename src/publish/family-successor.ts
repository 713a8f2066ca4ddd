/**
 * A family whose places are held only by notes set aside (issue 25, fx25l F1): their paths re-created with another
 * note (replaced-deleted.ts, replaced-rewrites.ts; rename-apply.ts setAside, an id ending in `\0gone<n>`). Their kept
 * messages (`publish.onDelete: keep`) show the notes that went; a note joining that family by its key (a translation
 * `_posts/ja/a.md` of the new `_posts/en/a.md`, written after or with it) edited those messages to show it, while the
 * new note had a message of its own. So a note whose key's family is held so joins the family a live note of its
 * written key was announced in instead (the new note's, `<key>#<id>`), where its language is free; with none, it
 * starts one of its own, which a later note of that key joins. Pure, but for what the store is asked.
 */
import type { FamilyMember } from './family-reads.js';
import { isSetAside } from './rename-apply.js';

/** Whether `members` (a family in the store) hold places only for notes set aside: none for `rowId`'s note to join. */
export function heldOnlyAside(members: readonly FamilyMember[], rowId: string, holdsSlot: (n: FamilyMember) => boolean): boolean {
  const holding = members.filter((m) => m.id !== rowId && holdsSlot(m));
  return holding.length > 0 && holding.every((m) => isSetAside(m.id));
}

/** Where a note of a family held only aside goes, and by which notes of its written key (families announced since). */
export interface Successors {
  /** Families keyed `raw` → those this chunk's notes of that written key were given (not in the store yet). */
  claimed: ReadonlyMap<string, readonly string[]>;
  /** The store's families holding a note that writes `raw` under another key (store/family-rows.ts familiesHolding). */
  stored: (raw: string) => readonly string[];
  /** A family's notes in the store. */
  members: (key: string) => readonly FamilyMember[];
  /** Whether the note's language is free in a family (this chunk's claims counted). */
  free: (key: string) => boolean;
}

/**
 * The family for a note of written key `raw` whose key's family is held only aside: the first (this chunk's, then the
 * store's by id) announced for a live note of that key, not set aside, with the note's language free; else undefined.
 */
export function successorFamily(raw: string, s: Successors): string | undefined {
  const live = (key: string) => s.members(key).some((m) => !isSetAside(m.id) && m.state !== 'deleted' && m.state !== 'error' && (m.info.keyAsWritten ?? m.info.translationKey) === raw);
  const fromChunk = s.claimed.get(raw) ?? [];
  const candidates = [...fromChunk, ...s.stored(raw).filter((k) => k !== raw && live(k))];
  return candidates.find(s.free);
}
