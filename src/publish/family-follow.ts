/**
 * A member that moved to another family (a rename or move changed the key its file name gives it)
 * takes along, chat by chat, the old family's message that showed it: a move is a change of one
 * note, never a second post (issue 25). Whole families follow their only member earlier
 * (`followRenamedFamilies`); this covers a family that keeps other members, or a new family that
 * already has messages in other chats. Runs after the batch's records are written, before
 * `syncFamily`, so both families are read as they are now.
 */
import type { Config } from '../config/schema.js';
import type { Store } from '../store/store.js';
import type { NoteRow, Target } from '../store/types.js';
import { bareHash, targetKey } from '../store/types.js';
import { familyPostId, familyTargets, liveMembers, type FamilyTarget } from './family.js';
import { retireOwnMessage } from './family-adopt.js';
import { changePlaces, handKeptMessagesOver, keepForMovedNote, keepMovedNoteMessage, newFamilyShows, setKeptMessagesAside } from './family-kept.js';
import { summaryHash } from './decide.js';
import { postInFlight } from '../store/under-way.js';
import type { Summary } from '../summary/shape.js';

/** A note as a batch decided it, and its record before (after any rename, under its new id). */
interface MemberChange {
  row: NoteRow;
  prev?: NoteRow | undefined;
  action: { type: string };
}

/**
 * A note recorded without being announced (a first run, a start `--after-restore`, one back from
 * deletion or draft: decide.ts): it counts as announced already in the chats its family wants.
 */
export function silentlyRecorded(d: MemberChange): boolean {
  return d.action.type === 'none' && d.row.state === 'published' && d.row.announced && (!d.prev?.announced || d.prev.state !== 'published');
}

/** The member a family's message in a chat shows: its waiting post or edit, else what was last sent. */
export function shownMember(store: Store, familyId: string, target: Target): string | undefined {
  const open = store.openDelivery(familyId, target, ['post', 'edit']);
  if (open) return open.payload.type === 'summary' ? open.payload.member : undefined;
  return store.upkeep.lastSentPayload(familyId, target)?.member;
}

/**
 * The member a chat was last sent of a family's message, for `familyTargets`: a chat keeps the
 * original it shows. A post still waiting does not count: translations saved within the grace
 * period choose together, as if saved at once.
 */
export function sentMemberIn(store: Store, familyId: string): (target: Target) => string | undefined {
  return (target) => store.upkeep.lastSentPayload(familyId, target)?.member;
}

/** Where a family is wanted now, and the member each chat's message shows, as its members are stored. */
function wantedNow(store: Store, config: Config, platforms: ReadonlySet<string>, key: string): FamilyTarget[] {
  return familyTargets(liveMembers(store.familyNotes(key)), config.routes, store.subscriptions(), platforms, sentMemberIn(store, familyPostId(key)));
}

/** The chats a family's members, as stored, want it in (target keys). */
export function targetsWanting(store: Store, config: Config, platforms: ReadonlySet<string>, key: string): Set<string> {
  return new Set(wantedNow(store, config, platforms, key).map((ft) => targetKey(ft.target)));
}

/**
 * The old family's chats whose message shows `moved` or was posted to announce it, and whether it
 * was posted for it (when the post's record is gone, whether it shows it): those to hand over.
 */
function chatsShowing(store: Store, familyId: string, moved: { prev: NoteRow; row: NoteRow }): { target: Target; announced: boolean }[] {
  const targets = new Map<string, Target>();
  for (const p of store.postsOf(familyId)) if (!p.viaDigest) targets.set(targetKey(p.target), p.target);
  for (const t of store.openPostTargets(familyId)) targets.set(targetKey(t), t);
  const isMoved = (id: string | undefined) => id === moved.prev.id || id === moved.row.id;
  return [...targets.values()].flatMap((target) => {
    const shows = isMoved(shownMember(store, familyId, target));
    const posted = store.upkeep.postedMember(familyId, target);
    const announced = posted === undefined ? shows : isMoved(posted);
    return shows || announced ? [{ target, announced }] : [];
  });
}

/**
 * Whether the new family was taken as shown in a chat before this batch though no message of it is
 * known there, and the moved note's message, brought into it, would be edited to show another member.
 * A note recorded without announcing by a start `--after-restore` counts as announced (its messages,
 * posted after the backup, are unknown to it: family-outbox.ts markSilentlyRecorded); a message brought
 * in was edited to show it, beside the one the chat already had: two messages showing one note (the
 * model's seed 2613). The message stays the old family's: `onDelete` decides it as a member gone.
 */
function shownUnseen(store: Store, config: Config, platforms: ReadonlySet<string>, to: { key: string; wantedBefore: ReadonlySet<string> | undefined }, target: Target, movedId: string): boolean {
  const toId = familyPostId(to.key);
  if (!to.wantedBefore?.has(targetKey(target)) || store.postOf(toId, target) || store.openDelivery(toId, target, ['post'])) return false;
  const chat = targetKey(target);
  const wanted = familyTargets(liveMembers(store.familyNotes(to.key)), config.routes, store.subscriptions(), platforms, (t) => (targetKey(t) === chat ? movedId : undefined));
  const member = wanted.find((ft) => targetKey(ft.target) === chat)?.member;
  return member !== undefined && member.id !== movedId;
}

/**
 * Whether the old family's message in a chat, edited to the member left, would show another note of the moved
 * note's language (not a translation of it). A message posted for a note shows it or a translation of it, never
 * another note of its language: it follows its note then, even where the chat does not want the new family
 * (split-burst property seed 4242: a new note written at the path the moved note left). A member left in another
 * language keeps it (model.test.ts, seed 25: a translation that joins the old key as its note moves away).
 */
function leftShowsAnotherNote(store: Store, config: Config, platforms: ReadonlySet<string>, from: string, movedBefore: NoteRow, chat: string): boolean {
  const left = wantedNow(store, config, platforms, from).find((ft) => targetKey(ft.target) === chat)?.member;
  return left !== undefined && left.info.lang === movedBefore.info.lang;
}

/**
 * Whether the old family's member a chat is shown now holds exactly the text the moved note had (a copy of it into
 * another language's folder, a translation by its key): README (a copy and a delete) says the message there shows the
 * copy once the original is edited, the edit posted as new. Followed, the edited note took the message and the copy,
 * the same text, was posted a second time (`npm run bench -- model`, seed 1000: model-seed1000.test.ts).
 */
function leftHoldsItsText(store: Store, config: Config, platforms: ReadonlySet<string>, from: string, movedBefore: NoteRow, target: Target): boolean {
  const chat = targetKey(target);
  const left = wantedNow(store, config, platforms, from).find((ft) => targetKey(ft.target) === chat)?.member;
  // Another language's only: a same-language member left with its text is a swap or a move the batch split (the
  // split-burst property's UNDECIDABLE cases), where the message follows the note it announced.
  if (left === undefined || left.id === movedBefore.id || left.info.lang === movedBefore.info.lang) return false;
  return bareHash(left) === bareHash(movedBefore) || showedItsText(store, familyPostId(from), target, movedBefore.id, left);
}

/**
 * Whether the message showed the moved note with exactly the text `left` holds now: a copy of the note as announced,
 * the note edited since (README: the copy is read as if written then, the edit a new note). The model's seed 1200:
 * copied, the original saved again, then leaving the family: followed, the message went with the edited note and the
 * copy, the text it had announced, was posted a second time (model-seed1200.test.ts).
 */
function showedItsText(store: Store, familyId: string, target: Target, movedId: string, left: NoteRow): boolean {
  if (!left.summary) return false;
  const leftShows = textHash(left.summary);
  return store.upkeep.sentPayloads(familyId, target).some((p) => p.member === movedId && textHash(p.summary) === leftShows);
}

/** A summary's hash without its language: a copy into another language's folder holds the same text (its lang differs). */
const textHash = (s: Summary) => summaryHash({ ...s, lang: '', locale: '' });

/**
 * Moves each such message to the note's new family where the new one has no message there yet.
 * A chat that still wants the old family keeps it as the old family's (edited to the member left)
 * unless it wants the new family too and the message was posted for the moved note: then the
 * message follows the note it announced, and the old family is posted there anew for the member
 * left, which was never posted there (issue 25, F2: the moved note is never announced twice in one
 * chat); so does one posted for it where the member left is another note of its language
 * (`leftShowsAnotherNote`); never where the member left is a copy holding exactly the moved note's old text
 * (`leftHoldsItsText`). Even a chat whose filter the moved note no longer passes (another language folder): a
 * filter change never deletes a message, `syncFamily` keeps it following its note.
 */
export function followMovedMembers<F extends { key: string; controls: boolean; wantedBefore: ReadonlySet<string> }>(store: Store, config: Config, platforms: ReadonlySet<string>, changes: readonly MemberChange[], movedAway: ReadonlySet<string>, touched: Map<string, F>): number {
  // A kept family's key taken by a new note: the messages kept stay the moved note's, synced in this batch too.
  for (const { from, aside } of setKeptMessagesAside(store)) {
    const base = touched.get(from);
    if (base) touched.set(aside, { ...base, key: aside, controls: false, wantedBefore: new Set<string>() });
  }
  let moved = 0;
  for (const d of changes) {
    const from = d.prev?.info.translationKey;
    const to = d.row.info.translationKey;
    // A draft too: moved and drafted at once, its messages are still its (tester 23-1 F7); its new family decides them
    // as a draft's (`onDelete`), where left behind they came to show the note written at the path it left.
    if (!d.prev || from === undefined || from === to || movedAway.has(from) || (d.row.state !== 'published' && d.row.state !== 'draft')) continue;
    const fromId = familyPostId(from);
    const toId = familyPostId(to);
    const showing = chatsShowing(store, fromId, { prev: d.prev, row: d.row });
    if (!showing.length) continue;
    const oldMembers = liveMembers(store.familyNotes(from));
    const oldWants = targetsWanting(store, config, platforms, from);
    const newWants = targetsWanting(store, config, platforms, to);
    const oldLeft = oldMembers.length > 0;
    // A member left that this batch recorded without announcing (a restore's, a first run's) counts as
    // posted there: a restore re-announced a note new at a renamed note's old path (issue 25, tester).
    const leftSilently = changes.some((c) => c.row.info.translationKey === from && silentlyRecorded(c));
    // The old family, still wanted there, no longer has a message there: `syncFamily` posts it anew.
    const postAnew = (target: Target) => {
      const left = touched.get(from);
      if (left && !leftSilently && oldWants.has(targetKey(target))) touched.set(from, { ...left, wantedBefore: new Set([...left.wantedBefore].filter((k) => k !== targetKey(target))) });
    };
    for (const { target, announced } of showing) {
      const chat = targetKey(target);
      const stays = leftHoldsItsText(store, config, platforms, from, d.prev, target) || !(announced && (newWants.has(chat) || leftShowsAnotherNote(store, config, platforms, from, d.prev, chat)));
      if (oldWants.has(chat) && stays) continue;
      if (shownUnseen(store, config, platforms, { key: to, wantedBefore: touched.get(to)?.wantedBefore }, target, d.row.id)) continue;
      if (!store.postOf(toId, target) && !store.openDelivery(toId, target, ['post'])) {
        store.upkeep.moveFamilyPostIn(fromId, toId, target);
        moved++;
        postAnew(target);
      } else if (oldLeft && store.upkeep.postedMember(fromId, target) === d.prev.id && keptForLeftMember(store, { from, to, target, lang: d.row.info.lang })) {
        // `to`'s message here was kept for a member of `from` as the note joined `from` (keepFirstMessage): moved back,
        // the two change places again, each message with the note it first announced (tester 38's F1).
        changePlaces(store, from, to, target);
      } else if (oldLeft && !store.postOf(d.row.id, target) && !store.openDelivery(d.row.id, target, ['post'])) {
        // Posted for the moved note, which joined its new family's message here: the old message goes
        // with it, out of the old family (left there, `syncFamily` would edit it to show the member
        // left: another note), and is deleted as a second message of it, whatever `onDelete` says;
        // the old family is posted anew for the member left (the model's "no switch" check, issue 25).
        store.upkeep.moveFamilyPostIn(fromId, d.row.id, target);
        moved += retireOwnMessage(store, d.row.id, target, d.row.revision);
        postAnew(target);
      } else if (!oldLeft && (store.postOf(fromId, target) || postInFlight(store.sql, fromId, target)) && !store.openDelivery(fromId, target, ['delete'])) {
        // A post in flight is the message to be (rv33-c R1: its answer after this batch, or a kill -9 before it).
        // The old family, left with no member, has its message here beside the new family's, which the note joined.
        // The note did not go away: the message stays, whatever `onDelete` says, and follows it (family-kept.ts;
        // tester 36's F4: deleted, the move back posted the note again). Where the new family's message shows the
        // note itself, the old one is a second message of it and goes (issue 25, tester 14-1); so does a digest's line,
        // which follows its note as a line (keepDigestLine) beside the new family's message (the model's seed 106, e26m).
        if (!store.postOf(fromId, target)?.viaDigest && newFamilyShows(store, config, platforms, to, target) !== d.row.id) {
          keepForMovedNote(store, from);
          continue;
        }
        // The new family's message is to show it, but showed another note (one that went): this one stays its message.
        if (!store.postOf(fromId, target)?.viaDigest && keepMovedNoteMessage(store, { from, to, target, noteId: d.row.id })) continue;
        // The new family's message shows another live member (a translation): the chat keeps the message it first got
        // for the note, the family's there from then on; the other stays kept for the note it showed (tester 38's F1:
        // deleted, the move back posted the note a second time).
        if (store.upkeep.postedMember(fromId, target) === d.prev.id && d.row.info.original && keepFirstMessage(store, { from, to, target, lang: d.row.info.lang })) continue;
        const revision = store.familyNotes(from).reduce((n, m) => n + m.revision, 0);
        store.enqueue({ noteId: fromId, revision, target, kind: 'delete', payload: { type: 'delete' } });
        moved++;
      }
    }
  }
  handKeptMessagesOver(store, config, platforms, new Set(touched.keys())); // a kept message whose note its family's message is to show now
  return moved;
}

/** The moved note's first message in the chat becomes `to`'s there; `to`'s other message is kept in `from` for the member it showed. */
function keepFirstMessage(store: Store, at: { from: string; to: string; target: Target; lang: string }): boolean {
  const toId = familyPostId(at.to);
  const theirs = store.postOf(toId, at.target);
  if (!theirs || theirs.viaDigest || store.openDelivery(toId, at.target, ['post', 'delete'])) return false;
  // Only a translation (marked), still live, shown there so far: the moved original takes its place (a same-language member is a swap: split-burst seed 90210).
  const shown = store.getNote(shownMember(store, toId, at.target) ?? '');
  if (!shown || !liveMembers([shown]).length || shown.info.lang === at.lang || shown.info.original) return false;
  changePlaces(store, at.from, at.to, at.target);
  keepForMovedNote(store, at.from);
  return true;
}

/** Whether `to`'s message in the chat is one kept for a live member of `from` (it showed that member before the note joined). */
function keptForLeftMember(store: Store, at: { from: string; to: string; target: Target; lang: string }): boolean {
  const toId = familyPostId(at.to);
  const theirs = store.postOf(toId, at.target);
  if (!theirs || theirs.viaDigest || store.openDelivery(toId, at.target, ['post', 'delete'])) return false;
  if (!store.postOf(familyPostId(at.from), at.target) || store.openDelivery(familyPostId(at.from), at.target, ['post', 'delete'])) return false;
  const shown = store.getNote(shownMember(store, toId, at.target) ?? '');
  const postedFor = store.upkeep.postedMember(toId, at.target) === shown?.id; // the message announced that member
  return !!shown && postedFor && shown.info.translationKey === at.from && shown.info.lang !== at.lang && liveMembers([shown]).length > 0;
}
