/**
 * A same-language copy of an announced note that reaches more chats than the note does (issue 25,
 * tester 22 F2: `cp a/x.md _posts/en/x.md`, the original removed seconds later, an IDE's move into a
 * folder a chat's path filter picks). The copy is a note of its own (kept-copies.ts keeps a copy back
 * only where it reaches no chat its original does not), but in a chat whose message shows the note it
 * has exactly the content of, nothing new would be shown: the copy is held there, posted only where it
 * is new. When the original's removal is applied while the copy still holds exactly its content, the
 * original's message in each such chat shows the copy (README, Routes → Edits: a move as a copy and a
 * delete), never a second message of the same text. Before, the copy was posted in every chat it
 * reaches: the chats that had the original showed it twice, and its later edits reached only the copy's.
 * One rule for both modes: only which message is a note's (`MessageScheme`) differs.
 */
import type { Store } from '../store/store.js';
import { notesWithContent } from '../store/kept-copies.js';
import { bareHash, targetKey, type NoteRow, type SummaryPayload, type Target } from '../store/types.js';
import { familyPostId } from './family.js';
import { shownMember } from './family-follow.js';
import type { Logger } from '../log.js';
import { retireOwnMessage } from './family-adopt.js';

/** Which message is a note's in a chat, and which note a message there shows. */
export interface MessageScheme {
  messageOf(note: NoteRow): string;
  shownIn(store: Store, messageId: string, target: Target): string | undefined;
}

/** `translations: group`: a note's message is its family's, showing the member last posted or edited to it. */
export const FAMILY_MESSAGES: MessageScheme = { messageOf: (note) => familyPostId(note.info.translationKey), shownIn: shownMember };

/** `translations: separate` (and posts made before grouping): a note's message is its own, showing it (a digest line is no message of it). */
export const NOTE_MESSAGES: MessageScheme = {
  messageOf: (note) => note.id,
  shownIn: (store, id, target) => (store.postOf(id, target)?.viaDigest === false || store.openDelivery(id, target, ['post']) !== undefined ? id : undefined),
};

/** Whether a message (sent, or waiting to go) is in a chat. */
function messageIn(store: Store, messageId: string, target: Target): boolean {
  return store.postOf(messageId, target) !== undefined || store.openDelivery(messageId, target, ['post']) !== undefined;
}

/**
 * The file of the note `member` has exactly the content of whose message in `target` shows that note
 * (another announced, published note, no copy itself), if any: the chat shows that text already. Of any language
 * (e25b, the model's seed 2525: `setup-ja.md` copied to `_posts/en/setup-ja.md`, an English note of another family,
 * was posted in the chat with no language beside the message showing exactly its text): what a chat is shown is
 * the text, whichever folder says its language. A copy in the same family is its translation, in the family's one message.
 */
export function shownByOriginal(store: Store, member: NoteRow, target: Target, scheme: MessageScheme = FAMILY_MESSAGES): string | undefined {
  const own = scheme.messageOf(member);
  for (const o of notesWithContent(store.sql, bareHash(member), null, member.id)) {
    const original = store.getNote(o.id);
    if (!original) continue;
    if (showsOriginal(store, scheme, scheme.messageOf(original), own, o.id, target)) return o.file;
    // Under group, an original's own message posted while `separate` stays its message there (family-adopt.ts
    // ownMessageStays): it shows that text too (BENCH_MODEL_SEED=3300: `setup.md`, posted while separate, copied to
    // `setup-ja.md` once grouped again, was posted a second time in `all` under the copy's family).
    if (scheme === FAMILY_MESSAGES && !store.openDelivery(o.id, target, ['delete']) && showsOriginal(store, NOTE_MESSAGES, o.id, own, o.id, target)) return o.file;
    // Under separate, an original's family message posted while `group` shows it too (review rv33-b R3, the other way:
    // a copy made once switched was posted a second time beside that message).
    if (scheme === NOTE_MESSAGES && showsOriginal(store, FAMILY_MESSAGES, FAMILY_MESSAGES.messageOf(original), own, o.id, target)) return o.file;
  }
  return undefined;
}

/** Whether `messageId`, not the copy's own (`own`), is in `target` and shows the note `originalId`. */
function showsOriginal(store: Store, scheme: MessageScheme, messageId: string, own: string, originalId: string, target: Target): boolean {
  return messageId !== own && messageIn(store, messageId, target) && scheme.shownIn(store, messageId, target) === originalId;
}

/**
 * The original shown exactly `member`'s text in `target` (`shownByOriginal`) when the family's own message there shows a
 * removed member, kept by `onDelete: keep`: the copy is held there as in a chat with no message of its family. Before
 * (BENCH_MODEL_SEED=5302, keep: `intro-ja.md` posted and removed, `setup.md` copied to `b/intro.md`), that kept message
 * was edited to show the copy, a second message of setup.md's text in chat `all`. A message showing a live member is
 * the family's as before (the copy's member is not the one that chat is given).
 */
export function heldBesideRemovedMember(store: Store, familyId: string, member: NoteRow, target: Target): string | undefined {
  const shown = shownMember(store, familyId, target);
  if (shown === undefined || shown === member.id || store.getNote(shown)?.state === 'published') return undefined;
  return shownByOriginal(store, member, target);
}

/** The copy that takes a removed note's message in a chat, the message's id from now on, and the payload it shows. */
export interface CopyTakeover {
  copy: NoteRow;
  familyId: string;
  payload: SummaryPayload;
}

/**
 * A chat whose message `messageId` shows `shown`, a removed note, where a live note of its language holds
 * exactly its content and has no message there yet: that message is handed to the copy (its record moved)
 * and is to show the copy. `payloadIn`: the copy's payload for the chat, undefined when the copy does not go there.
 */
export function takeoverByCopy(store: Store, scheme: MessageScheme, messageId: string, shown: NoteRow | undefined, target: Target, payloadIn: (copy: NoteRow, target: Target) => SummaryPayload | undefined): CopyTakeover | undefined {
  if (!shown || shown.state !== 'deleted' || scheme.shownIn(store, messageId, target) !== shown.id) return undefined;
  for (const o of notesWithContent(store.sql, bareHash(shown), null, shown.id)) {
    const copy = store.getNote(o.id);
    if (!copy) continue;
    const copyMessage = scheme.messageOf(copy);
    if (copyMessage === messageId || messageIn(store, copyMessage, target)) continue;
    const payload = payloadIn(copy, target);
    if (!payload) continue;
    store.upkeep.moveFamilyPostIn(messageId, copyMessage, target);
    return { copy, familyId: copyMessage, payload };
  }
  return undefined;
}

/**
 * Whether `member` (as stored before a change) was held in `target`: no message of its there, and the chat shown
 * exactly its content by an original's. A change that ends the hold (the copy's own text differs, README: "announced
 * once its own text differs") finds the chat new to it, not one it was in: it is posted there, never an edit not sent.
 */
export function heldIn(store: Store, member: NoteRow, target: Target, scheme: MessageScheme = FAMILY_MESSAGES): boolean {
  return !messageIn(store, scheme.messageOf(member), target) && shownByOriginal(store, member, target, scheme) !== undefined;
}

/** A chat where `copy` took an edited original's message; `retired`: the copy's family had a message there, so the original's went (`handOverToHeldCopies`). */
export interface HeldCopyTaken {
  copy: NoteRow;
  target: Target;
  retired: boolean;
}

/**
 * A batch's hand-overs: `decided`, a copy as the batch decides it (its family once the batch is written); `handed`, the
 * messages (`handedKey`) a copy took so far in it.
 */
export interface HeldCopyBatch {
  decided: (copy: NoteRow) => NoteRow;
  handed: Set<string>;
}

const handedKey = (messageId: string, target: Target) => `${messageId}\u0000${targetKey(target)}`;

/**
 * `prev`, an announced note (its record before this batch) that an edit gives other content: in each chat whose message
 * shows it while a copy of exactly that content is held there (an announced note whose family's message there would
 * show it, `goesTo`, or that its routes send there, `reaches`), the message is handed to the copy, as when the original is removed (README: when the original
 * later changes, the copy is read as if written then, and the message follows it; `cp a.md b.md`, `a.md` edited: its old
 * message now `b.md`'s). The edited note is then new to that chat (`heldIn` holds for the copy's message, not its own):
 * posted there. Before (e25b), the message was edited to the edit, and the copy, posted only in the chats only it
 * reaches, was shown nowhere else. Where the copy's family already has a message (a translation of it shown in a chat
 * of no language), the copy is that note moved into a family shown there, as `followMovedMembers` reads a move: the
 * original's message goes with it out of its family and is deleted as a second message of it (`retired`), the
 * family's message showing the copy from now on. Before (BENCH_MODEL_SEED=5201, both `onDelete` modes), no copy took
 * it there and it was edited to show the edit: a message of the moved note switched to another note of its language.
 * Returns the copies that took a message, and where.
 */
export function handOverToHeldCopies(store: Store, scheme: MessageScheme, prev: NoteRow, goesTo: (copy: NoteRow, target: Target) => boolean, reaches: (copy: NoteRow, target: Target) => boolean = goesTo, batch: HeldCopyBatch = { decided: (copy) => copy, handed: new Set() }): HeldCopyTaken[] {
  const messageId = scheme.messageOf(prev);
  const taken: HeldCopyTaken[] = [];
  if (prev.state !== 'published' || !prev.announced) return taken;
  const { decided, handed } = batch;
  const copies = notesWithContent(store.sql, bareHash(prev), null, prev.id).flatMap((o) => store.getNote(o.id) ?? []);
  for (const { target, viaDigest } of store.postsOf(messageId)) {
    // A message a copy took in this batch stays its: the copy, edited too, shows its edit (never handed back).
    if (viaDigest || handed.has(handedKey(messageId, target)) || scheme.shownIn(store, messageId, target) !== prev.id) continue;
    const candidates = copies.filter((c) => scheme.messageOf(decided(c)) !== messageId);
    const copy = candidates.find((c) => !messageIn(store, scheme.messageOf(decided(c)), target) && goesTo(c, target));
    if (copy) {
      // To the message the copy has once the batch is written: its family as decided (a key dropped in the same batch
      // gives it another), not as stored, which no note has then (issue 25, copy-keys property seed 1200).
      const to = scheme.messageOf(decided(copy));
      store.upkeep.moveFamilyPostIn(messageId, to, target);
      store.upkeep.showMemberInsteadIn(to, target, prev.id, copy.id);
      handed.add(handedKey(to, target));
      taken.push({ copy: decided(copy), target, retired: false });
      continue;
    }
    // The copy's family's message is here: the original's, now the copy's own, is a second message of it.
    const joined = candidates.find((c) => c.id !== scheme.messageOf(c) && !messageIn(store, c.id, target) && reaches(c, target));
    // A chat the copy neither goes to nor is held in (`b/setup.md` copied to `a/setup.md`, chat `b` taking `b/**`):
    // the original keeps its message there, edited to its edit (the lead's rule, issue 25 review rv32-c).
    if (!joined) continue;
    store.upkeep.moveFamilyPostIn(messageId, joined.id, target);
    retireOwnMessage(store, joined.id, target, joined.revision);
    taken.push({ copy: joined, target, retired: true });
  }
  return taken;
}

/**
 * `separate`: `handOverToHeldCopies` for the family messages (posted while `group`) that show `prev`: where a copy held
 * while grouped (no message of its own or of its family there) goes, the message is the copy's own from now on, as a
 * message posted while `separate` is (family-adopt.ts adopts it once grouped again). A switch of mode carries the hold:
 * before (review rv33-b R3), `separate` looked for `prev`'s own message only, and followFamilyMessages edited the
 * family's to the edit: a message the copy held showed another note.
 */
export function handOverFamilyMessages(store: Store, prev: NoteRow, goesTo: (copy: NoteRow, target: Target) => boolean, batch: HeldCopyBatch): HeldCopyTaken[] {
  return familiesShowingNote(store, prev).flatMap((familyId) => {
    const held = (copy: NoteRow, target: Target) => heldBesideFamily(store, familyId, copy, target) && goesTo(copy, target);
    return handOverToHeldCopies(store, familyScheme(prev, familyId), prev, held, held, batch);
  });
}

/** The family messages (posted while `group`) that may show `note`: its family's, and any a message showing it was left in. */
function familiesShowingNote(store: Store, note: NoteRow): string[] {
  return [...new Set([familyPostId(note.info.translationKey), ...store.upkeep.familiesShowing(note.id)])];
}

/** `separate` after `group`: `note`'s message is its family's `familyId` (showing its shown member); any other note's is its own. */
function familyScheme(note: NoteRow, familyId: string): MessageScheme {
  return {
    messageOf: (n) => (n.id === note.id ? familyId : n.id),
    shownIn: (s, id, target) => (id === familyId ? shownMember(s, id, target) : NOTE_MESSAGES.shownIn(s, id, target)),
  };
}

/** A copy of another family with a message in `target` is shown by it: no second message (a copy keyed as its original is shown by `familyId`'s). */
function heldBesideFamily(store: Store, familyId: string, copy: NoteRow, target: Target): boolean {
  return FAMILY_MESSAGES.messageOf(copy) === familyId || !messageIn(store, FAMILY_MESSAGES.messageOf(copy), target);
}

/**
 * `separate`: `removed`'s family messages (posted while `group`) that show it where a copy of exactly its content was held
 * (no message of its own there): each is the copy's own message from now on, as under group (README: a copy held by a
 * message takes it when its original goes). Before (issue 25, s34-sep's open case), `separate` handed over `removed`'s own
 * messages only: the family's stayed showing the removed note (kept, or left as is under delete) and the copy's later
 * edits reached no chat it was held in. `payloadIn`: the copy's payload for a chat, undefined where it does not go.
 */
export function takeoverFamilyMessages(store: Store, removed: NoteRow, payloadIn: (copy: NoteRow, target: Target) => SummaryPayload | undefined): (CopyTakeover & { target: Target })[] {
  return familiesShowingNote(store, removed).flatMap((familyId) => {
    const scheme = familyScheme(removed, familyId);
    const held = (copy: NoteRow, target: Target) => (heldBesideFamily(store, familyId, copy, target) ? payloadIn(copy, target) : undefined);
    return store.postsOf(familyId).flatMap(({ target, viaDigest }) => {
      const taken = viaDigest ? undefined : takeoverByCopy(store, scheme, familyId, removed, target, held);
      return taken ? [{ ...taken, target }] : [];
    });
  });
}

/** The log line of a copy held in a chat (both modes say it alike). */
export function sayCopyHeld(log: Logger, file: string, targetKey: string, original: string): void {
  log.info({ file, target: targetKey, copyOf: original }, `copy held: ${file} has exactly the content of ${original}, whose message ${targetKey} shows; not posted there while that message shows its text`);
}
