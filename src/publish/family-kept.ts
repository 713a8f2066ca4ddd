/**
 * A family's only note moved into another family that has a message in a chat already (tester 36's F4: `mv
 * posts/en/coffee.md posts/ja/tea.md` makes Coffee Tea's Japanese translation) leaves its old family's message there.
 * The note did not go away, so that message stays, whatever `onDelete` says, and follows it as its own (README, Edits:
 * a chat filtered to its old language keeps its message, edited to show it): edited as the note changes, decided by
 * `onDelete` once it goes, and the family's message again when the note comes back to its key, or moves on to a family
 * with no message there (family-adopt.ts adoptKeptMessages); where the family it joined has a message that comes to show
 * it (the member that message showed went), the chat keeps the kept one, as that family's (`handKeptMessagesOver`,
 * `keepMovedNoteMessage`). Deleted, the move back posted the note a second time.
 * The old families' keys are kept in one meta list, so a batch finds such messages without reading the outbox.
 */
import type { Config } from '../config/schema.js';
import type { Store } from '../store/store.js';
import type { NoteRow, SummaryPayload, Target } from '../store/types.js';
import { targetKey } from '../store/types.js';
import { familyPostId, familyTargets, liveMembers } from './family.js';
import { addMetaKeys, metaKeys } from './meta-keys.js';
import { postControlsOf } from './route.js';
import { sameContent } from './shown-content.js';
import { deleteUnderWay, postInFlightMember, postInFlightPayload } from '../store/under-way.js';

/** Keys of families left with no member whose messages stay for the note that moved out (family-follow.ts). */
const KEPT_FOR_MOVED = 'families.keptForMoved';

/** The message of family `key` stays for the note that left it: followed from now on (`followKeptMessage`). */
export function keepForMovedNote(store: Store, key: string): void {
  addMetaKeys(store, KEPT_FOR_MOVED, [key]);
}

/** The member family `key`'s message in a chat shows, as its members are stored now (undefined: the chat does not want it). */
export function newFamilyShows(store: Store, config: Config, platforms: ReadonlySet<string>, key: string, target: Target): string | undefined {
  const familyId = familyPostId(key);
  const at = targetKey(target);
  const sent = (t: Target) => store.upkeep.lastSentPayload(familyId, t)?.member; // a chat keeps the original it shows
  return familyTargets(liveMembers(store.familyNotes(key)), config.routes, store.subscriptions(), platforms, sent).find((ft) => targetKey(ft.target) === at)?.member.id;
}

/** Whether family `key` has a message in the chat, sent or waiting. */
function hasMessage(store: Store, key: string, target: Target): boolean {
  const familyId = familyPostId(key);
  return !!store.postOf(familyId, target) || !!store.openDelivery(familyId, target, ['post']);
}

/**
 * Whether the post in flight of family `key` in a chat (being sent, or caught mid-send by a kill -9) is a kept message
 * to be: its note moved out and is live (rv33-c R1). Its answer comes after the batch: deleted under `onDelete: delete`,
 * the move back posted the note a second time.
 */
export function keptPostInFlight(store: Store, key: string, target: Target): boolean {
  if (!metaKeys(store, KEPT_FOR_MOVED).includes(key)) return false;
  const memberId = postInFlightMember(store.sql, familyPostId(key), target);
  const member = memberId === undefined ? undefined : store.getNote(memberId);
  return !!member && member.info.translationKey !== key && liveMembers([member]).length > 0;
}

/**
 * After a batch's records are written: a kept family whose key has a member again (a new note written at the path the
 * moved note left, rv33-c R2) no longer owns the messages kept for the note that left. Each becomes the message of
 * the note's family where that family has none in the chat (as for a note moved into such a family; split-burst seed
 * 8675309), else is set aside under a key of its own, no note's key (`<key>\u0000kept-for:<note id>`: a file name never
 * holds NUL), followed as before. The family posts anew for its new member. Left under the old key, `syncFamily` edited
 * the moved note's message into the new note: the moved note lost its message, and the new one was never posted.
 * Returns the keys set aside, for the batch to sync too.
 */
export function setKeptMessagesAside(store: Store): { from: string; aside: string }[] {
  const set: { from: string; aside: string }[] = [];
  for (const key of metaKeys(store, KEPT_FOR_MOVED)) {
    if (!liveMembers(store.familyNotes(key)).length) continue;
    const familyId = familyPostId(key);
    for (const { target, viaDigest } of store.postsOf(familyId)) {
      if (viaDigest || store.openDelivery(familyId, target, ['post', 'delete']) || deleteUnderWay(store.sql, familyId, target)) continue;
      const member = store.getNote(keptMember(store, familyId, target) ?? '');
      if (!member || member.info.translationKey === key || !liveMembers([member]).length) continue;
      // Its own family with no message there: the message is that family's, as it is for a note moved into such a family.
      if (!hasMessage(store, member.info.translationKey, target)) {
        store.upkeep.moveFamilyPostIn(familyId, familyPostId(member.info.translationKey), target);
        continue;
      }
      const aside = `${key}\u0000kept-for:${member.id}`;
      store.upkeep.moveFamilyPostIn(familyId, familyPostId(aside), target);
      keepForMovedNote(store, aside);
      if (!set.some((a) => a.aside === aside)) set.push({ from: key, aside });
    }
  }
  return set;
}

/** The member a kept message shows: its waiting edit's, else what was last sent, else its post's in flight. */
function keptMember(store: Store, familyId: string, target: Target): string | undefined {
  const open = store.openDelivery(familyId, target, ['edit']);
  if (open?.payload.type === 'summary') return open.payload.member;
  return store.upkeep.lastSentPayload(familyId, target)?.member ?? postInFlightMember(store.sql, familyId, target);
}

/**
 * The chats of a kept family's messages: sent (no digest line), or its post in flight, a message to be (review rv-34d
 * R3: an edit of the moved note while the answer was held was never queued, the message stale for good).
 */
function keptTargets(store: Store, familyId: string): Target[] {
  const sent = store.postsOf(familyId).filter((p) => !p.viaDigest).map((p) => p.target);
  const inFlight = store.openPostTargets(familyId).filter((t) => postInFlightMember(store.sql, familyId, t) !== undefined);
  return [...sent, ...inFlight.filter((t) => !sent.some((s) => targetKey(s) === targetKey(t)))];
}

/**
 * The kept families a message of which shows a note of a family a batch changed (`changedKeys`: translation keys), for
 * the batch to bring up to date: a change of another member can make that family's message show the kept one's note
 * (the model's seed 106, e26m: two messages showed it). Keys whose family has a member again or no message left are
 * dropped from the list.
 */
export function familiesKeptFor(store: Store, changedKeys: readonly string[]): string[] {
  const keys = metaKeys(store, KEPT_FOR_MOVED);
  if (!keys.length) return [];
  // A post in flight is a message to be (rv33-c R1): its answer comes after the batch that kept it.
  const still = keys.filter((k) => !liveMembers(store.familyNotes(k)).length && (store.postsOf(familyPostId(k)).length > 0 || store.openPostTargets(familyPostId(k)).length > 0));
  if (still.length !== keys.length) store.setMeta(KEPT_FOR_MOVED, JSON.stringify(still));
  const changed = new Set(changedKeys);
  const keyOf = (id: string | undefined) => (id === undefined ? undefined : store.getNote(id)?.info.translationKey);
  return still.filter((k) => keptTargets(store, familyPostId(k)).some((t) => changed.has(keyOf(keptMember(store, familyPostId(k), t)) ?? '')));
}

/**
 * A kept message's note whose family's message in the chat showed another member so far and is to show that note now
 * (that member went: Tea removed after Coffee joined it): the two messages change places, before the families are
 * synced. The kept one, which the chat has shown the note by since it was announced, is its family's message there from
 * then on (`syncFamily` edits it); the other takes its place in the kept family and goes the way of the note it showed
 * (`followKeptMessage` leaves it to `onDelete`). Deleting the kept one deleted a message, under `keep` too, of a note
 * that never went away (the model's seed 106). Only families this batch touches (`touched`: both synced after this).
 */
export function handKeptMessagesOver(store: Store, config: Config, platforms: ReadonlySet<string>, touched: ReadonlySet<string>): void {
  for (const key of metaKeys(store, KEPT_FOR_MOVED).filter((k) => touched.has(k))) {
    const keptId = familyPostId(key);
    for (const { target, viaDigest } of store.postsOf(keptId)) {
      const member = store.getNote(keptMember(store, keptId, target) ?? '');
      const now = member?.info.translationKey;
      if (viaDigest || !member || !liveMembers([member]).length || now === undefined || now === key || !touched.has(now)) continue;
      const nowId = familyPostId(now);
      const theirs = store.postOf(nowId, target);
      const settled = (id: string) => !store.openDelivery(id, target, ['post', 'delete']) && !deleteUnderWay(store.sql, id, target);
      if (!theirs || theirs.viaDigest || !settled(keptId) || !settled(nowId) || keptMember(store, nowId, target) === member.id) continue;
      if (newFamilyShows(store, config, platforms, now, target) !== member.id) continue;
      changePlaces(store, key, now, target);
    }
  }
}

/** The messages of families `a` and `b` in a chat change places (their deliveries with them). */
export function changePlaces(store: Store, a: string, b: string, target: Target): void {
  const [aId, bId] = [familyPostId(a), familyPostId(b)];
  const aside = `${aId}#changing-places`;
  store.upkeep.moveFamilyPostIn(bId, aside, target);
  store.upkeep.moveFamilyPostIn(aId, bId, target);
  store.upkeep.moveFamilyPostIn(aside, aId, target);
}

/**
 * A note that left family `from` (no member left) for family `to`, whose message in the chat is to show it but showed
 * another note so far that went (Tea's, kept under `keep`, when Coffee moves back to its key): the message that
 * showed the note stays its own, `to`'s from then on; the other takes its place in `from`, kept (`followKeptMessage`,
 * then `onDelete`, decide it). False where `to`'s message shows the note already: the old one is a second message of it.
 */
export function keepMovedNoteMessage(store: Store, at: { from: string; to: string; target: Target; noteId: string }): boolean {
  const toId = familyPostId(at.to);
  const theirs = store.postOf(toId, at.target);
  if (!theirs || theirs.viaDigest || store.openDelivery(toId, at.target, ['post', 'delete'])) return false;
  // Only a note that went: one that moved on in this batch takes its message along (family-follow.ts; split-burst seed 90210).
  const shown = store.getNote(keptMember(store, toId, at.target) ?? '');
  if (!shown || shown.id === at.noteId || liveMembers([shown]).length) return false;
  changePlaces(store, at.from, at.to, at.target);
  keepForMovedNote(store, at.from);
  return true;
}

/** The kept message's text: the note as it is now, on its own (its new family's message links its translations). */
function keptPayload(store: Store, member: NoteRow): SummaryPayload | undefined {
  const summary = store.summaries.of(member);
  return summary ? { type: 'summary', summary, alsoIn: [], member: member.id, ...postControlsOf(member.info) } : undefined;
}

/**
 * A kept message in a chat of family `key` (no member left): edited to show its note as it is now, while that note is
 * live; false when it is not such a message or its note went (`onDelete` decides it then, as any removal). Where the
 * note's own family's message in the chat shows it now (it moved on, taking that message along), the kept one is a
 * second message of it and goes, whatever `onDelete` says (split-burst seed 16057: two messages showed it).
 */
export function followKeptMessage(store: Store, config: Config, platforms: ReadonlySet<string>, at: { key: string; target: Target; revision: number }): boolean {
  const { key, target, revision } = at;
  const familyId = familyPostId(key);
  const post = store.postOf(familyId, target);
  const inFlight = post ? undefined : postInFlightPayload(store.sql, familyId, target); // the message to be: followed behind its answer (the chat's queue)
  if ((!post && !inFlight) || post?.viaDigest || deleteUnderWay(store.sql, familyId, target) || !metaKeys(store, KEPT_FOR_MOVED).includes(key)) return false;
  const memberId = keptMember(store, familyId, target);
  const member = memberId === undefined ? undefined : store.getNote(memberId);
  if (!member || !liveMembers([member]).length) return false;
  const now = member.info.translationKey;
  if (hasMessage(store, now, target) && newFamilyShows(store, config, platforms, now, target) === member.id) {
    store.enqueue({ noteId: familyId, revision: revision + member.revision, target, kind: 'delete', payload: { type: 'delete' } });
    return true;
  }
  const payload = keptPayload(store, member);
  if (!payload) return true;
  const pendingEdit = store.openDelivery(familyId, target, ['edit']);
  if (pendingEdit) store.replacePayload(pendingEdit.id, revision + member.revision, payload);
  else if (!sameContent(store.upkeep.lastSentPayload(familyId, target) ?? inFlight, payload)) store.enqueue({ noteId: familyId, revision: revision + member.revision, target, kind: 'edit', payload });
  return true;
}
