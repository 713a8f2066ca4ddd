/**
 * A family whose members all leave it in one batch, for different families (issue 25, split-burst seed 31108: a
 * rotation takes intro's English member to a/setup.md, setup's only note to intro.md and intro's Japanese original to
 * setup.md, where it is English now). followRenamedFamilies hands the whole family's messages to the first member it
 * finds leaving, so a chat whose message was posted for another member that left saw it edited to show the first, and
 * that member was posted there again (N1 twice in the chat that wants every language). A message follows the note it
 * was posted for (README, translations): such a message goes on to that member's new family where that family has
 * no message in the chat yet; the family it was handed to is then posted there for its own member, as any family
 * a chat wants only now.
 */
import type { Store } from '../store/store.js';
import type { NoteRow, Target } from '../store/types.js';
import { targetKey } from '../store/types.js';
import { familyPostId } from './family.js';
import { shownMember } from './family-follow.js';

/** A note as the batch decided it, and its record before. */
interface Leaver {
  row: NoteRow;
  prev?: NoteRow | undefined;
}

/** The chats a family has a message in, sent or waiting to be. */
function messageTargets(store: Store, familyId: string): Target[] {
  const targets = new Map<string, Target>();
  for (const p of store.postsOf(familyId)) if (!p.viaDigest) targets.set(targetKey(p.target), p.target);
  for (const t of store.openPostTargets(familyId)) targets.set(targetKey(t), t);
  return [...targets.values()];
}

/**
 * After whole families moved (`moves`: old key → the key its messages went to, and the note that took them), each
 * message posted for another member of the old family that left for a third family follows that member there.
 */
export function followCoLeavers(store: Store, changes: readonly Leaver[], moves: ReadonlyMap<string, { to: string; by: Leaver }>): void {
  for (const [from, { to, by }] of moves) {
    const leftElsewhere = new Map<string, string>(); // member id → its new key
    for (const c of changes) {
      const key = c.row.info.translationKey;
      if (c !== by && c.prev?.info.translationKey === from && key !== from && key !== to && c.row.state !== 'deleted') leftElsewhere.set(c.row.id, key);
    }
    if (!leftElsewhere.size) continue;
    const toId = familyPostId(to);
    for (const target of messageTargets(store, toId)) {
      const postedFor = store.upkeep.postedMember(toId, target) ?? shownMember(store, toId, target);
      const key = postedFor === undefined ? undefined : leftElsewhere.get(postedFor);
      if (key === undefined) continue;
      const newId = familyPostId(key);
      if (store.postOf(newId, target) || store.openDelivery(newId, target, ['post'])) continue; // a message of its own there already: followMovedMembers' case
      store.upkeep.moveFamilyPostIn(toId, newId, target);
    }
  }
}
