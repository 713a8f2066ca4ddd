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
 */
import type { Store } from '../store/store.js';
import { notesWithContent } from '../store/kept-copies.js';
import type { NoteRow, SummaryPayload, Target } from '../store/types.js';
import { familyPostId } from './family.js';
import { shownMember } from './family-follow.js';

/** Whether a family has a message (sent, or waiting to go) in a chat. */
function familyIn(store: Store, familyId: string, target: Target): boolean {
  return store.postOf(familyId, target) !== undefined || store.openDelivery(familyId, target, ['post']) !== undefined;
}

/**
 * The file of the note `member` has exactly the content of whose family's message in `target` shows that note
 * (another announced, published note of its language, no copy itself), if any: the chat shows that text already.
 */
export function shownByOriginal(store: Store, member: NoteRow, target: Target): string | undefined {
  const ownFamily = familyPostId(member.info.translationKey);
  for (const o of notesWithContent(store.sql, member.hash, member.info.lang, member.id)) {
    const original = store.getNote(o.id);
    const familyId = original ? familyPostId(original.info.translationKey) : undefined;
    if (familyId === undefined || familyId === ownFamily || !familyIn(store, familyId, target)) continue;
    if (shownMember(store, familyId, target) === o.id) return o.file;
  }
  return undefined;
}

/** The copy that takes a removed member's message in a chat, and the payload its family's message there shows. */
export interface CopyTakeover {
  copy: NoteRow;
  familyId: string;
  payload: SummaryPayload;
}

/**
 * A chat whose family message shows a removed member (`notes`: the family's records, removed ones too), where a
 * live note of that member's language holds exactly its content and its own family has no message there yet:
 * that message is handed to the copy's family (its record moved) and is to show the copy. `payloadIn`: the
 * copy family's payload for the chat, undefined when the copy's family does not go there.
 */
export function takeoverByCopy(store: Store, familyId: string, notes: readonly NoteRow[], target: Target, payloadIn: (copy: NoteRow, target: Target) => SummaryPayload | undefined): CopyTakeover | undefined {
  const shown = notes.find((m) => m.id === shownMember(store, familyId, target));
  if (!shown || shown.state !== 'deleted') return undefined;
  for (const o of notesWithContent(store.sql, shown.hash, shown.info.lang, shown.id)) {
    const copy = store.getNote(o.id);
    if (!copy) continue;
    const copyFamily = familyPostId(copy.info.translationKey);
    if (copyFamily === familyId || familyIn(store, copyFamily, target)) continue;
    const payload = payloadIn(copy, target);
    if (!payload) continue;
    store.upkeep.moveFamilyPostIn(familyId, copyFamily, target);
    return { copy, familyId: copyFamily, payload };
  }
  return undefined;
}
