/**
 * `translations: group` after `separate` (issue 25, F1): translations announced while `separate`
 * each have their own message, under their own id. Once grouped, a family with two or more members
 * adopts, chat by chat, a member's own message as its message there (the one of the member the chat
 * is shown, else any other), which `syncFamily` then edits to the family's text; the other members'
 * own messages in that chat are deleted, the family's message linking them ("also in"). A chat thus
 * never shows one note twice, and a new member edits the adopted message, never posts the family
 * again. Runs inside the batch's transaction, so the adoption commits with its edit and deletes:
 * once, across restarts and kill -9.
 */
import type { Store } from '../store/store.js';
import type { NoteRow, Target } from '../store/types.js';
import { targetKey } from '../store/types.js';
import { FAMILY_PREFIX, liveMembers, type FamilyTarget } from './family.js';
import { sameLanguage } from '../notes/lang.js';
import { addMetaKeys, metaKeys } from './meta-keys.js';
import { postInFlightMember } from '../store/under-way.js';

/** Family keys announced while `separate` (their members' own messages), for group to adopt. */
const POSTED_SEPARATELY = 'families.postedSeparately';

/**
 * `separate` is announcing these notes: their families are recorded for the first group batch to
 * look at. Returns the notes, for the caller to write.
 */
export function noteFamiliesPostedSeparately<T extends { row: NoteRow }>(store: Store, announced: readonly T[]): readonly T[] {
  if (announced.length) addMetaKeys(store, POSTED_SEPARATELY, announced.map((d) => d.row.info.translationKey));
  return announced;
}

/** The families `separate` announced notes of; `take` forgets them (group is syncing them now). */
export function familiesPostedSeparately(store: Store, take = false): string[] {
  return metaKeys(store, POSTED_SEPARATELY, take);
}

/** A member's own message in a chat (sent, or its post still waiting), never a digest line. */
function ownMessageIn(store: Store, noteId: string, target: Target): boolean {
  const post = store.postOf(noteId, target);
  if (post) return !post.viaDigest;
  return store.openDelivery(noteId, target, ['post']) !== undefined;
}

/**
 * A member's own message that stays in a chat (sent, with no delete of it waiting, or its post
 * waiting). A family of one, or of two notes of one language, adopts none (`adoptMemberMessages`):
 * such a message shows the family there, so it is never posted there again (the model's seed 31: a
 * note posted while `separate`, renamed under `group`, was posted anew under its new key).
 */
export function ownMessageStays(store: Store, members: readonly NoteRow[], target: Target): boolean {
  return members.some((m) => ownMessageIn(store, m.id, target) && !store.openDelivery(m.id, target, ['delete']));
}

/** Takes a member's own message out of a chat where its family's message links it: a waiting post is called off. */
export function retireOwnMessage(store: Store, noteId: string, target: Target, revision: number): number {
  let n = 0;
  for (const open of [store.openDelivery(noteId, target, ['post']), store.openDelivery(noteId, target, ['edit'])]) {
    if (open) store.markDone(open.id, null, 'skipped', 'its translation family (publish.translations: group) has a message in this chat');
  }
  if (store.postOf(noteId, target) && !store.openDelivery(noteId, target, ['delete'])) {
    store.enqueue({ noteId, revision: revision + 1, target, kind: 'delete', payload: { type: 'delete' } });
    n++;
  }
  return n;
}

/**
 * Before `syncFamily` reads the family's messages: adopts members' own messages in the chats that
 * want the family and have no message of it, and deletes the other members' own messages there.
 * Returns how many deliveries it enqueued.
 */
export function adoptMemberMessages(store: Store, familyId: string, members: readonly NoteRow[], wanted: ReadonlyMap<string, FamilyTarget>): number {
  if (members.length < 2) return 0; // a family of one: its note's own message is its only one
  // Two notes of one language under one key (written while `separate`, which leaves such conflicts
  // as they are) are not translations of each other: each keeps its own message until it is
  // decided again under `group` and keyed apart (family-key.ts).
  if (members.some((m, i) => members.some((o, j) => j > i && sameLanguage(m.info.locale, o.info.locale)))) return 0;
  const has = new Set([...store.postsOf(familyId).map((p) => targetKey(p.target)), ...store.openPostTargets(familyId).map(targetKey)]);
  let n = 0;
  for (const [key, ft] of wanted) {
    const own = [ft.member, ...members.filter((m) => m.id !== ft.member.id)].filter((m) => ownMessageIn(store, m.id, ft.target));
    if (!own.length) continue;
    if (!has.has(key)) {
      store.upkeep.moveFamilyPostIn(own[0]!.id, familyId, ft.target);
      own.shift();
    }
    for (const m of own) n += retireOwnMessage(store, m.id, ft.target, m.revision);
  }
  return n;
}

/**
 * A message a chat kept for `member` when it joined another family's message there (family-follow.ts, `onDelete:
 * keep`): a message of a family left with no live member, sent (not a digest line, nothing waiting for it), that
 * showed `member` last. Undefined: none.
 */
function keptMessageOf(store: Store, member: string, target: Target, familyId: string): string | undefined {
  return store.upkeep.familiesShowing(member).find((id) => {
    if (id === familyId || liveMembers(store.familyNotes(id.slice(FAMILY_PREFIX.length))).length) return false;
    // Its post in flight is the message to be, taken along and recorded under the family it is in when answered
    // (post-record.ts; review rv-34d R2: posted anew beside it, the chat showed the note twice).
    const inFlight = postInFlightMember(store.sql, id, target);
    if (inFlight !== undefined) {
      const edit = store.openDelivery(id, target, ['edit']); // queued behind the answer (family-kept.ts): it moves along
      return (edit?.payload.type === 'summary' ? edit.payload.member : inFlight) === member && !store.openDelivery(id, target, ['delete']);
    }
    const post = store.postOf(id, target);
    if (!post || post.viaDigest || store.openDelivery(id, target, ['post', 'edit', 'delete'])) return false;
    return store.upkeep.lastSentPayload(id, target)?.member === member;
  });
}

/**
 * Before `syncFamily` reads the family's messages: a chat that wants the family and has no message of it, where a
 * message kept for the member it is to show stands (keptMessageOf), takes that message as the family's, which
 * `syncFamily` then edits. The note left a family's message and has one of its own again: the chat showed it as
 * its own there, so that message is its, never a second post (split-burst property seed 90210: moved into another
 * family, its own message kept, then moved on to a third, it was posted anew there beside the one kept).
 */
export function adoptKeptMessages(store: Store, familyId: string, wanted: ReadonlyMap<string, FamilyTarget>): void {
  const has = new Set([...store.postsOf(familyId).map((p) => targetKey(p.target)), ...store.openPostTargets(familyId).map(targetKey)]);
  for (const [key, ft] of wanted) {
    const kept = has.has(key) ? undefined : keptMessageOf(store, ft.member.id, ft.target, familyId);
    if (kept) store.upkeep.moveFamilyPostIn(kept, familyId, ft.target);
  }
}
