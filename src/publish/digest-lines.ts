/**
 * A digest message announces several notes (or families) at once: each has a post pointing at
 * the same message, marked `viaDigest`. When one of them goes (deleted, drafted, with
 * `onDelete: delete`), only its line goes: the message is edited to list the others, and deleted
 * once none is left. The note's own post is dropped, so a note put back is announced on its own,
 * once. Runs inside the batch's transaction: the dropped post and the queued edit or delete commit
 * together, so a restart or kill -9 neither repeats nor loses them, and a removal that finds no
 * line left queues nothing (a deleted message is never deleted again).
 */
import type { Store } from '../store/store.js';
import type { DigestItem, NoteRow, Target } from '../store/types.js';
import { dropOlderDigestLine, olderDigestLineMessages } from '../store/older-messages.js';

/** What editing a digest message needs of the store (the deliverer records a sent one with it). */
export type DigestStore = Pick<Store, 'outboxRow' | 'postOf' | 'putPost' | 'enqueue' | 'openDelivery' | 'replacePayload' | 'upkeep'>;

/** The prefix of a digest message's outbox name (its edits and deletes as a whole carry no note). */
export const DIGEST_PREFIX = 'digest:';

/** The outbox's name for a digest message in its own right, once it is edited or deleted as a whole. */
function digestMessageId(messageId: string): string {
  return `${DIGEST_PREFIX}${messageId}`;
}

/**
 * Takes `noteId`'s lines out of the digest messages that list it in `target`: the one its post points at, and every one a
 * later post of it replaced (kept as older, rv-a's R1: two digests of a note reposted twice). Returns how many deliveries
 * it queued or changed; 0 when the note has no digest line there.
 */
export function leaveDigest(store: Store, noteId: string, target: Target): number {
  const post = store.postOf(noteId, target);
  let changed = 0;
  if (post?.viaDigest) {
    const items = store.upkeep.digestItemsShown(target, post.messageId);
    store.dropPost(noteId, target);
    changed += takeLineOut(store, target, post.messageId, items);
  }
  for (const messageId of olderDigestLineMessages(store.sql, noteId, target)) changed += leaveOlderDigest(store, noteId, target, messageId);
  return changed;
}

/** Takes `noteId`'s line kept as older (store/older-messages.ts, tester 35's F3) out of the digest `messageId`. */
export function leaveOlderDigest(store: Store, noteId: string, target: Target, messageId: string): number {
  const items = store.upkeep.digestItemsShown(target, messageId);
  dropOlderDigestLine(store.sql, noteId, target, messageId);
  return takeLineOut(store, target, messageId, items);
}

/** The digest `messageId`, a line dropped from what lists it: edited to the lines left, or deleted with its last one. */
function takeLineOut(store: Store, target: Target, messageId: string, items: ReadonlyMap<string, DigestItem>): number {
  const id = digestMessageId(messageId);
  if (!store.upkeep.digestLines(target, messageId).length) {
    const pendingEdit = store.openDelivery(id, target, ['edit']);
    if (pendingEdit) store.markDone(pendingEdit.id, null, 'skipped', 'every note of the digest went before it was edited');
    if (!store.postOf(id, target)) store.putPost(id, target, messageId, 0);
    store.enqueue({ noteId: id, revision: 0, target, kind: 'delete', payload: { type: 'delete' } });
    return 1;
  }
  editDigest(store, target, messageId, items);
  return 1;
}

/** What a digest line shows of a note: its title and link, and which note it is. */
interface LineNote {
  id: string;
  info: { title: string; url?: string | undefined };
}

const lineOf = (lineId: string, shown: LineNote): DigestItem => ({ noteId: lineId, title: shown.info.title, url: shown.info.url, member: shown.id });
const sameLine = (a: DigestItem | undefined, b: DigestItem) => a !== undefined && a.title === b.title && a.url === b.url && a.member === b.member;

/**
 * The line of `lineId` (a note, or a family) in its digest message in `target` shows `shown`'s
 * title and link now: a note of a sent digest renamed, moved or retitled has its line follow it, as
 * its own message would (README, Edits). Returns 1 when the digest is edited, 0 when the line
 * shows that already or `lineId` has no digest line there.
 */
export function followInDigest(store: Store, lineId: string, target: Target, shown: LineNote): number {
  const post = store.postOf(lineId, target);
  if (!post?.viaDigest) return 0;
  const items = store.upkeep.digestItemsShown(target, post.messageId);
  const was = items.get(lineId), line = lineOf(lineId, shown);
  if (was && was.title === line.title && was.url === line.url) return 0; // the member alone: nothing to edit
  items.set(lineId, line);
  editDigest(store, target, post.messageId, items);
  return 1;
}

/**
 * The note a digest line shows, among `members`: the member it records (issue 25, fx26a: a note moved to another
 * language folder and retitled in one save changes both the link and the title), else, for a line written before it
 * recorded one, the note at its link, else the note of its title (a move to another language folder changes the link,
 * not the title; a translation left after its original went has neither).
 */
function shownByLine(was: DigestItem | undefined, members: readonly NoteRow[]): NoteRow | undefined {
  if (was?.member !== undefined) return members.find((m) => m.id === was.member);
  return members.find((m) => was?.url !== undefined && m.info.url === was.url) ?? members.find((m) => m.info.title === was?.title);
}

/**
 * A digest line whose chat no longer wants its family (moved to another language folder, a filter
 * that no longer picks it) while the note it shows is still live: the line stays and follows that
 * note, as a message does (README, Edits: a filter change never deletes it). False when the note it
 * shows is not among `members`: it went away, and `onDelete` decides.
 */
export function keepDigestLine(store: Store, lineId: string, target: Target, notes: readonly NoteRow[], members: readonly NoteRow[]): boolean {
  const post = store.postOf(lineId, target);
  if (!post?.viaDigest) return false;
  const was = store.upkeep.digestItemsShown(target, post.messageId).get(lineId);
  // The note at the line's link is still recorded and no longer live (deleted, drafted): it went away.
  if (was?.member === undefined && was?.url !== undefined && notes.some((n) => n.info.url === was.url && !members.includes(n))) return false;
  const shown = shownByLine(was, members);
  if (!shown) return false;
  followInDigest(store, lineId, target, shown);
  return true;
}

/**
 * A digest queued and not sent yet in `target` with a line of `lineId` (a burst's digest waiting for the platform): the
 * line is the note's message to be, as a queued post is, and what goes out is the note as it is when sent (issue 25,
 * fx26a: a retitle, or a rename, while a burst's digest waited went out stale, or posted the note beside it). `shown`:
 * the note the chat is to be shown now; undefined, the chat no longer wants it (drafted, deleted, moved to another
 * language folder, kept out by its controls): the line is taken out, as a queued post is called off, whatever `onDelete`
 * says (nothing of it went out), and a digest left with no line is not sent. Returns the deliveries changed, or
 * undefined when no digest waits with that line.
 */
export function followInWaitingDigest(store: Store, lineId: string, target: Target, shown: LineNote | undefined): number | undefined {
  const waiting = store.upkeep.waitingDigests(lineId, target);
  if (!waiting.length) return undefined;
  let changed = 0;
  for (const { id, items, inFlight } of waiting) {
    const line = shown && lineOf(lineId, shown);
    if (line && sameLine(items.find((i) => i.noteId === lineId), line)) continue;
    const rest = line ? items.map((i) => (i.noteId === lineId ? line : i)) : items.filter((i) => i.noteId !== lineId);
    // In flight (fx26d): it goes out as it was, and its message is edited to these lines; left with none and failed, store.markRetry skips it.
    if (rest.length || inFlight) store.upkeep.setWaitingDigestItems(id, rest);
    else store.markDone(id, null, 'skipped', 'every note of the digest went before it was sent');
    changed++;
  }
  return changed;
}

/**
 * A burst's digest just sent as `sent`: each line it lists now is recorded as its note's post there. Lines changed while
 * it was in flight (issue 25, fx26d: a note deleted, drafted or renamed during the call) were written to its row
 * (followInWaitingDigest), and its message follows them as a sent digest's does: edited, or deleted when none is left.
 */
export function recordSentDigest(store: DigestStore, id: number, target: Target, sent: readonly DigestItem[], messageId: string): void {
  const now = store.outboxRow(id);
  const items = now?.kind === 'digest' ? now.payload.items : sent;
  for (const item of items) store.putPost(item.noteId, target, messageId, 0, true);
  if (items.length === sent.length && items.every((item, i) => sameLine(sent[i], item) && sent[i]?.noteId === item.noteId)) return;
  store.upkeep.recordDigestShown(id, sent); // what the message shows, apart from the lines its row lists now
  const digestId = digestMessageId(messageId);
  store.putPost(digestId, target, messageId, 0);
  if (!items.length) store.enqueue({ noteId: digestId, revision: 0, target, kind: 'delete', payload: { type: 'delete' } });
  else editDigest(store, target, messageId, new Map(items.map((item) => [item.noteId, item])));
}

/** Queues the digest message's edit listing the lines its posts still point at (or changes the edit waiting); returns that edit. */
export function editDigest(store: DigestStore, target: Target, messageId: string, items: ReadonlyMap<string, DigestItem>, insteadOfDigest = false): number {
  const id = digestMessageId(messageId);
  // The message itself, as the deliverer finds it for an edit or delete of `id`.
  if (!store.postOf(id, target)) store.putPost(id, target, messageId, 0);
  // Lines the digest was not sent with (none, unless written by hand) are left out rather than invented.
  const lines = store.upkeep.digestLines(target, messageId).flatMap((n) => items.get(n) ?? []);
  const pendingEdit = store.openDelivery(id, target, ['edit']);
  // An edit that would post its lines should the message be gone (left-message-back.ts) stays one when it takes newer lines.
  const kept = insteadOfDigest || (pendingEdit?.payload.type === 'digest' && pendingEdit.payload.insteadOfDigest === true);
  const payload = { type: 'digest' as const, items: lines, ...(kept ? { insteadOfDigest: true } : {}) };
  if (!pendingEdit) return store.enqueue({ noteId: id, revision: 0, target, kind: 'edit', payload });
  store.replacePayload(pendingEdit.id, 0, payload);
  return pendingEdit.id;
}
