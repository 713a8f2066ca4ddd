/**
 * The outbox side of translation families (`publish.translations: group`): after a batch changed
 * members of a family, each chat that wants the family gets one message, kept up to date: posted
 * when the first member is announced there, edited when a member is added, changed or removed,
 * deleted (with `onDelete: delete`) when no member is left. Runs inside the batch's transaction, so
 * the notes' new records and their deliveries commit together.
 */
import type { Config } from '../config/schema.js';
import type { Store } from '../store/store.js';
import { bareHash, targetKey, type NoteRow, type Subscription, type SummaryPayload, type Target } from '../store/types.js';
import { sameContent } from './shown-content.js';
import { routeTargets } from './route.js';
import { followInWaitingDigest, keepDigestLine, leaveDigest } from './digest-lines.js';
import { whatWaits } from './what-waits.js';
import { adoptKeptMessages, adoptMemberMessages, familiesPostedSeparately, ownMessageStays } from './family-adopt.js';
export { followMovedMembers, targetsWanting } from './family-follow.js';
import { sentMemberIn, shownMember, silentlyRecorded } from './family-follow.js';
import { followCoLeavers } from './family-co-leavers.js';
import { familiesKeptFor, followKeptMessage, keptPostInFlight } from './family-kept.js';
import { followSentMessage } from './family-sent.js';
import { familyRevision, payloadFor } from './family-payload.js';
export { noteFamiliesPostedSeparately } from './family-adopt.js';
import { editNotSent } from './edits-not-sent.js';
import { callOffSaying, familyNewIn, familyShownIn } from './called-off-chats.js';
import { deleteShownBeside } from './older-messages.js';
import { changeInPlace } from './family-in-place.js';
import { messageUnknownSinceRestore } from '../store/edits-not-sent.js';
import { recordShownUnknown } from '../store/restore-record.js';
import { AFTER_RESTORE_WHY } from './decide.js';
import { deleteUnderWay, postInFlight } from '../store/under-way.js';
import { messagesUnknownSinceRestore } from './restored-notes.js';
import { notesWithContent } from '../store/kept-copies.js';
import type { Logger } from '../log.js';
import { familyPostId, familyTargets, liveMembers, type FamilyTarget } from './family.js';
import { FAMILY_MESSAGES, handOverToHeldCopies, heldBesideRemovedMember, heldIn, sayCopyHeld, shownByOriginal, takeoverByCopy, type HeldCopyTaken } from './family-copies.js';

/** A family changed in this batch, and whether a member was newly announced (or asked to be again). */
export interface TouchedFamily {
  key: string;
  announced: boolean;
  /**
   * Members announced again (`onChange: repost`, `announce: again`): a chat shown one of them gets a new message; a chat
   * shown another member is brought up to date as on an edit (tester 35's F5: every chat got the family again).
   */
  reposted: Set<string>;
  /** A member's controls changed (`announce: false`, `routes`…): messages already sent are never deleted for it. */
  controls: boolean;
  /** A member was edited: a chat that wants the family and has no message of it is told so (edits-not-sent.ts). */
  updated: boolean;
  /** Chats (target keys) that wanted the family before the batch: one that wants it only now gets it posted. */
  wantedBefore: ReadonlySet<string>;
}

/** What a batch decided of one note, as far as families care. */
export interface FamilyChange {
  row: NoteRow;
  action: { type: string; why?: string; back?: true };
  prev?: NoteRow | undefined;
}

/**
 * The families a batch changes, read before its records are written: a note's new family and, when
 * its key changed, the one it left. A note that changes state (back from a draft or deletion, even
 * unchanged) or language (a translation moved to another language folder) touches its family too.
 */
export function familiesTouched(store: Store, config: Config, platforms: ReadonlySet<string>, changes: readonly FamilyChange[], movedAway: ReadonlySet<string> = new Set(), regrouped: readonly string[] = []): Map<string, TouchedFamily> {
  const touched = new Map<string, TouchedFamily>();
  const touch = (key: string, byMessages = false) => {
    let f = touched.get(key);
    if (!f) {
      // A family whose messages went with its renamed member has none left: no chat has it now. A chat its member was
      // held in as a copy (family-copies.ts heldIn) did not have it: once that ends, it is posted there (e25b).
      const wanted = () => familyTargets(liveMembers(store.familyNotes(key)), config.routes, store.subscriptions(), platforms, sentMemberIn(store, familyPostId(key)));
      const before = movedAway.has(key) ? [] : byMessages ? [...chatsShowingFamily(store, key)] : wanted().filter((ft) => !heldIn(store, ft.member, ft.target)).map((ft) => targetKey(ft.target));
      touched.set(key, (f = { key, announced: false, reposted: new Set<string>(), controls: false, updated: false, wantedBefore: new Set(before) }));
    }
    return f;
  };
  // Families `separate` left as they were (a member removed, renamed or moved meanwhile: their
  // records no longer say which chats wanted them): brought up to date now that group is back.
  for (const key of regrouped) touch(key, true);
  // A copy that took its edited original's message (family-copies.ts handOverToHeldCopies): the message shows it now.
  const heldTaken = followHeldCopies(store, config, platforms, changes);
  for (const t of heldTaken) touch(t.copy.info.translationKey);
  // Families `separate` announced notes of: their members' own messages become the family's (family-adopt.ts).
  for (const key of familiesPostedSeparately(store, true)) touch(key);
  for (const d of changes) {
    const p = d.prev;
    const moved = !!p && (p.state !== d.row.state || p.info.translationKey !== d.row.info.translationKey || p.info.lang !== d.row.info.lang);
    if (d.action.type === 'none' && d.row.state !== 'deleted' && d.row.state !== 'draft' && !moved) continue;
    const f = touch(d.row.info.translationKey);
    if (d.action.type === 'announce') f.announced = true;
    if (d.action.type === 'repost') f.reposted.add(d.row.id);
    if (d.action.type === 'controls') f.controls = true;
    if (d.action.type === 'update') f.updated = true;
    if (p && p.info.translationKey !== d.row.info.translationKey) touch(p.info.translationKey);
  }
  for (const key of familiesKeptFor(store, changes.flatMap((d) => [d.row.info.translationKey, d.prev?.info.translationKey ?? '']))) touch(key); // a message kept for a note that moved out (family-kept.ts)

  // Where the original's message went to its copy, the edited note is new: posted there, in the family it is decided into.
  for (const { key, editedKey, target, retired } of heldTaken) {
    for (const k of new Set(retired ? [key, editedKey] : [editedKey])) touched.set(k, { ...touch(k), wantedBefore: new Set([...touch(k).wantedBefore].filter((c) => c !== targetKey(target))) });
  }
  markSilentlyRecorded(store, config, platforms, changes, touched);
  recordShownAtRestore(store, config, platforms, changes);
  return touched;
}

/**
 * Before the batch's records are written: each edited or removed note's messages where a copy of its old content is held
 * go to the copy; the copies' families. A removal included (BENCH_MODEL_SEED=4102): where the family stays wanted (a
 * translation left in a chat of no language), handOverToCopy never ran, and the copy was shown there by nothing.
 */
function followHeldCopies(store: Store, config: Config, platforms: ReadonlySet<string>, changes: readonly FamilyChange[]): (HeldCopyTaken & { key: string; editedKey: string })[] {
  // A copy changed in the same batch takes the message too, then its change applies (read as if the original was saved
  // first, as `separate`'s handOverOnEdit does; copy-keys property: both saved in one outage): edited, it shows its edit;
  // drafted or removed, the message goes as `onDelete` says (review rv32-c R2: a drafted copy left it to the original,
  // edited to show the original's edit: a message posted for the copy showing another note).
  const goesTo = (copy: NoteRow, target: Target) => {
    const key = copy.info.translationKey;
    return familyTargets(liveMembers(store.familyNotes(key)), config.routes, store.subscriptions(), platforms, sentMemberIn(store, familyPostId(key))).some((ft) => ft.member.id === copy.id && targetKey(ft.target) === targetKey(target));
  };
  const reaches = (copy: NoteRow, target: Target) => routeTargets(copy.info, config.routes, store.subscriptions(), platforms).some((t) => targetKey(t) === targetKey(target));
  const left = (d: FamilyChange, prev: NoteRow) => (d.action.type === 'update' && d.row.state === 'published' && bareHash(d.row) !== bareHash(prev)) || d.row.state === 'deleted';
  const batch = { decided: (copy: NoteRow) => changes.find((c) => c.row.id === copy.id)?.row ?? copy, handed: new Set<string>() };
  return changes.flatMap((d) => (d.prev && left(d, d.prev) ? handOverToHeldCopies(store, FAMILY_MESSAGES, d.prev, goesTo, reaches, batch).map((t) => ({ ...t, key: d.prev!.info.translationKey, editedKey: d.row.info.translationKey })) : []));
}

/**
 * A start `--after-restore` records the notes new to the backup without announcing them (decide.ts): the instance
 * that ran on after the backup most likely posted their families in the chats they bring the family to, by messages
 * this database does not know. Each such chat (wanted only because of them, with no message of the family known) is
 * recorded as shown, message unknown (store/restore-record.ts): a translation written later is not posted there
 * again (the model's seed 501), and the family's changes there are edits not sent, as the note's own are.
 */
function recordShownAtRestore(store: Store, config: Config, platforms: ReadonlySet<string>, changes: readonly FamilyChange[]): void {
  const restored = changes.filter((d) => d.action.type === 'none' && d.action.why === AFTER_RESTORE_WHY);
  for (const key of new Set(restored.map((d) => d.row.info.translationKey))) {
    const familyId = familyPostId(key);
    const stored = store.familyNotes(key);
    const decided = changes.filter((d) => d.row.info.translationKey === key).map((d) => d.row);
    const notes = [...stored.filter((m) => !decided.some((d) => d.id === m.id)), ...decided];
    const members = liveMembers(notes);
    const subscriptions = store.subscriptions();
    const before = new Set(familyTargets(liveMembers(stored), config.routes, subscriptions, platforms, sentMemberIn(store, familyId)).map((ft) => targetKey(ft.target)));
    const shown = familyShownIn(store, key);
    for (const ft of familyTargets(members, config.routes, subscriptions, platforms, sentMemberIn(store, familyId))) {
      const chat = targetKey(ft.target);
      if (before.has(chat) || shown.has(chat) || ownMessageStays(store, members, ft.target) || messageUnknownSinceRestore(store, familyId, ft.target)) continue;
      const payload = payloadFor(store, members, ft);
      if (payload) recordShownUnknown(store, { noteId: familyId, revision: familyRevision(notes), target: ft.target, payload });
    }
  }
}

/**
 * Notes recorded without being announced (a first run, a start `--after-restore`, also one back from
 * deletion or draft: decide.ts) count as announced already: the chats their family wants because of
 * them are taken as having it, except where a post of one back was called off before it went out
 * (called-off-chats.ts: the model's seed 311, never posted anywhere). A family touched in the same
 * batch by another change (a draft of the same key, a member back) was otherwise posted there for
 * them: the model's restore of a backup re-posted a note new to it.
 */
function markSilentlyRecorded(store: Store, config: Config, platforms: ReadonlySet<string>, changes: readonly FamilyChange[], touched: Map<string, TouchedFamily>): void {
  const silent = changes.filter(silentlyRecorded);
  for (const key of new Set(silent.map((d) => d.row.info.translationKey))) {
    const f = touched.get(key);
    if (!f) continue;
    const decided = changes.filter((d) => d.row.info.translationKey === key).map((d) => d.row);
    const members = liveMembers([...store.familyNotes(key).filter((m) => !decided.some((d) => d.id === m.id)), ...decided]);
    const wanted = familyTargets(members, config.routes, store.subscriptions(), platforms, sentMemberIn(store, familyPostId(key)));
    // Except where a member back had its post called off before it went out: nothing of it is there (called-off-chats.ts).
    const newIn = familyNewIn(store, key, silent.filter((d) => d.action.back && d.row.info.translationKey === key).map((d) => d.row.id));
    touched.set(key, { ...f, wantedBefore: new Set([...f.wantedBefore, ...wanted.map((ft) => targetKey(ft.target)).filter((k) => !newIn.has(k))]) });
  }
}

/**
 * The chats that show a family (issue 25, finding 4): a message of it, or a live member's own (from
 * `separate`), sent or waiting. After `separate`, the chats that want it and show none get it posted.
 */
function chatsShowingFamily(store: Store, key: string): Set<string> {
  const ids = [familyPostId(key), ...liveMembers(store.familyNotes(key)).map((m) => m.id)];
  return new Set(ids.flatMap((id) => [...store.postsOf(id).map((p) => targetKey(p.target)), ...store.openPostTargets(id).map(targetKey)]));
}

/** A new announcement a chat is to get; many at once in one chat become a digest. */
export interface NewFamilyPost {
  familyId: string;
  target: Target;
  member: NoteRow;
  payload: SummaryPayload;
  revision: number;
}

/**
 * A note edited as it leaves its family, while a note holding exactly its old content exists (a copy held where its
 * message is): README (a copy and an edit of the original) gives the copy that message and posts the edit as new, so
 * the family does not follow the note whole; `followHeldCopies` hands its messages to the copy. Followed, the message
 * went with the edit and the copy was shown nowhere it had been held (copy-keys-property.test.ts: `setup.md` keyed
 * `shared` copied to `a/setup.md`, then saved with no key).
 */
function leavesHeldCopy(store: Store, d: FamilyChange): boolean {
  return !!d.prev && d.prev.announced && bareHash(d.row) !== bareHash(d.prev) && notesWithContent(store.sql, bareHash(d.prev), null, d.prev.id).length > 0;
}

/**
 * A note whose family key changed (a rename: the key comes from the file name) and whose old family
 * has no other member takes that family's messages with it, unless its new family has messages of
 * its own: a rename is a change of one note, never a second post. Notes that swap families (`mv a t;
 * mv b a; mv t b`: each joins the family the other left) exchange their families' messages: a
 * family's own messages are no obstacle when they leave with their note in the same batch, and a
 * note joining the old family is none when it brings its own. Before `familiesTouched`. `wantedBy`: the chats a
 * family's members (as stored) want it in.
 */
export function followRenamedFamilies(store: Store, changes: readonly FamilyChange[], wantedBy: (key: string) => ReadonlySet<string> = () => new Set()): Set<string> {
  const key = (c: FamilyChange) => c.row.info.translationKey;
  const decided = new Map(changes.map((c) => [c.row.id, c]));
  const moves = new Map<string, { to: string; by: FamilyChange }>();
  for (const d of changes) {
    const from = d.prev?.info.translationKey;
    const to = key(d);
    if (from === undefined || from === to || d.row.state === 'deleted' || moves.has(from) || [...moves.values()].some((m) => m.to === to)) continue;
    if (leavesHeldCopy(store, d)) continue;
    // Members the old family keeps in the store (those decided in this batch count as they are decided).
    const stays = store.familyNotes(from).some((m) => m.id !== d.row.id && (decided.has(m.id) ? key(decided.get(m.id)!) === from && decided.get(m.id)!.row.state !== 'deleted' : m.state !== 'deleted'));
    if (!stays) moves.set(from, { to, by: d });
  }
  // Until none is left out: a move whose old family is joined by a note that brings no messages
  // along, or whose new family has messages that stay there.
  for (let dropped = true; dropped; ) {
    dropped = false;
    for (const [from, { to, by }] of moves) {
      const joinsBare = changes.some((c) => c !== by && key(c) === from && c.row.state !== 'deleted' && moves.get(c.prev?.info.translationKey ?? '')?.to !== from);
      const toId = familyPostId(to);
      // Taken as shown, too, in a chat the old family has a message in, though no message of it is
      // known there (a note recorded without announcing: after a restore, its messages are unknown):
      // followMovedMembers decides such chats one by one (the model's seed 2613).
      const occupied = !moves.has(to) && (store.postsOf(toId).length > 0 || store.openPostTargets(toId).length > 0 || store.postsOf(familyPostId(from)).some((p) => wantedBy(to).has(targetKey(p.target))));
      if (joinsBare || occupied) dropped = moves.delete(from);
    }
  }
  // Through a temporary id each: in a swap, each new family's id is an old one's.
  const moving = (from: string) => `${familyPostId(from)}\u0000moving`;
  for (const from of moves.keys()) store.upkeep.moveFamilyPosts(familyPostId(from), moving(from));
  for (const [from, { to }] of moves) store.upkeep.moveFamilyPosts(moving(from), familyPostId(to));
  followCoLeavers(store, changes, moves); // a message posted for another member that left too follows it (family-co-leavers.ts)
  return new Set(moves.keys());
}

/**
 * Brings one family's messages up to date; returns the new posts it wants (sent by the caller, as
 * single posts or in a digest) and how many deliveries it enqueued itself.
 */
export function syncFamily(store: Store, config: Config, platforms: ReadonlySet<string>, subscriptions: readonly Subscription[], f: TouchedFamily, log: Logger): { posts: NewFamilyPost[]; enqueued: number; missed: NoteRow[] } {
  const familyId = familyPostId(f.key);
  const notes = store.familyNotes(f.key);
  const members = liveMembers(notes);
  const revision = familyRevision(notes);
  const wanted = new Map(familyTargets(members, config.routes, subscriptions, platforms, sentMemberIn(store, familyId)).map((ft) => [targetKey(ft.target), ft]));
  let enqueued = adoptMemberMessages(store, familyId, members, wanted);
  // A chat shown a member announced again gets a new message (unless its message has not gone yet); every other chat is kept up to date as on an edit.
  const repostIn = (ft: FamilyTarget) => f.reposted.has(ft.member.id) && whatWaits(store, familyId, ft.target, 'repost') === undefined;
  adoptKeptMessages(store, familyId, new Map([...wanted].filter(([, ft]) => !repostIn(ft))));
  const existing = chatsWithMessage(store, familyId);
  const posts: NewFamilyPost[] = [];
  const missed: NoteRow[] = [];
  let held: string | undefined;
  for (const [key, ft] of wanted) {
    const payload = payloadFor(store, members, ft);
    if (!payload && store.summaries.waitsForThreads(ft.member)) missed.push(ft.member); // a show that missed summariesShownBy: the caller makes it, then syncs again
    if (!payload) continue;
    const repost = repostIn(ft);
    if (existing.has(key) && !repost && (held = heldBesideRemovedMember(store, familyId, ft.member, ft.target)) !== undefined) {
      sayCopyHeld(log, ft.member.file, key, held); // its message shows a removed member: kept as it is (family-copies.ts)
    } else if (existing.has(key) && !repost && keptBesideOwnMessage(store, familyId, ft.member, ft.target)) {
      // The member's own message (posted while `separate`) shows it there; the kept message stays as it is.
    } else if (existing.has(key) && !repost) {
      enqueued += changeInPlace(store, config, log, { familyId, ft, payload, revision, live: new Set(members.map((m) => m.id)) });
    } else if (!repost && messageUnknownSinceRestore(store, familyId, ft.target)) {
      // Shown there since a restore by a message this database does not know: never posted again there, and a
      // change (a member added or edited) is said, not sent (edits-not-sent.ts); an edit of the member it shows, when
      // the restore recorded that note, is said once by the note's own line (restored-notes.ts).
      if (f.announced || (f.updated && !messagesUnknownSinceRestore(store, ft.member.id))) editNotSent(store, log, { noteId: familyId, revision, target: ft.target, payload, file: ft.member.file });
    } else if (!repost && (held = shownByOriginal(store, ft.member, ft.target)) !== undefined) {
      sayCopyHeld(log, ft.member.file, key, held);
    } else if (repost || ((f.announced || !f.wantedBefore.has(key)) && !ownMessageStays(store, members, ft.target))) {
      // New to the family, asked again, or a chat that wants the family only now (a translation
      // moved to its language, a member back after its message was deleted), unless a member's own
      // message, which the family did not adopt, shows it there.
      posts.push({ familyId, target: ft.target, member: ft.member, payload, revision });
    } else if (f.updated && !ownMessageStays(store, members, ft.target)) {
      editNotSent(store, log, { noteId: familyId, revision, target: ft.target, payload, file: ft.member.file });
    }
  }
  // Chats that had the family but want none of what is left (its last member there was removed,
  // kept out by `announce: false`, or its filter, search or route no longer picks it). A post not
  // sent yet is called off, whatever `onDelete` says: what goes out is the family as it is now.
  // A chat on a platform started without its token (its deliveries park, route.ts) is judged as if
  // the platform were configured: a parked post follows its note as one queued in an outage does.
  const wantedIfConfigured = wantedOnEveryPlatform(members, config, subscriptions, platforms, existing, familyId, store);
  for (const [key, target] of existing) {
    if (wanted.has(key) || (!platforms.has(target.platform) && wantedIfConfigured.has(key))) continue;
    const pendingPost = store.openDelivery(familyId, target, ['post']);
    if (!members.length && keptPostInFlight(store, f.key, target)) {
      // Kept for its moved note: followed behind its answer (family-kept.ts; review rv-34d R3).
      if (followKeptMessage(store, config, platforms, { key: f.key, target, revision })) enqueued++;
      continue;
    }
    // Its message, if its send reached the chat, goes as a sent one would: the note it shows went, under `onDelete: delete`.
    const removed = config.publish.onDelete === 'delete' && !f.controls && !members.some((m) => pendingPost?.payload.type === 'summary' && m.id === pendingPost.payload.member);
    if (pendingPost) {
      callOffSaying(store, log, pendingPost.id, 'the note no longer goes to this chat (removed, or its controls changed) before it was sent', removed);
      if (removed) deleteShownBeside(store, familyId, target, revision); // a repost called off: the message before it goes
    } else if (followInWaitingDigest(store, familyId, target, undefined) !== undefined) {
      // Its line in a digest not sent yet goes, as a post not sent yet is called off (digest-lines.ts).
    } else if (followSentMessage(store, log, familyId, target, members, revision) || (!members.length && followKeptMessage(store, config, platforms, { key: f.key, target, revision }))) {
      // A sent message follows its note even where the chat's filter no longer picks it: kept up to date, never deleted for that.
    } else if (!f.controls && handOverToCopy(store, config, platforms, subscriptions, familyId, notes, target)) {
      // Its removed note's copy holds exactly its content: the message shows the copy now (family-copies.ts).
    } else if (keepDigestLine(store, familyId, target, notes, members)) {
      // A digest line of a note still live stays and follows it, as a message does (digest-lines.ts).
    } else if (config.publish.onDelete === 'delete' && !f.controls && store.postOf(familyId, target)?.viaDigest) {
      if (!leaveDigest(store, familyId, target)) continue; // a digest line: only it goes, never its siblings' message
    } else if (store.openDelivery(familyId, target, ['delete'])) {
      continue; // deleted already (family-follow.ts: the message of a family its last member left for another)
    } else if (config.publish.onDelete === 'delete' && !f.controls && (store.postOf(familyId, target) || postInFlight(store.sql, familyId, target))) {
      enqueued += leaveDigest(store, familyId, target); // a line a repost kept (store/older-messages.ts)
      store.enqueue({ noteId: familyId, revision, target, kind: 'delete', payload: { type: 'delete' } });
    } else continue;
    enqueued++;
  }
  return { posts, enqueued, missed };
}

/**
 * The chats that show the family's message once the deliveries under way there are answered (store/under-way.ts): a
 * message being deleted is none; a post waiting or in flight, or a line of a digest waiting, is its message to be.
 */
function chatsWithMessage(store: Store, familyId: string): Map<string, Target> {
  const existing = new Map<string, Target>();
  for (const p of store.postsOf(familyId)) if (!deleteUnderWay(store.sql, familyId, p.target)) existing.set(targetKey(p.target), p.target);
  for (const t of [...store.openPostTargets(familyId), ...store.upkeep.waitingDigestTargets(familyId)]) existing.set(targetKey(t), t);
  return existing;
}

/**
 * A chat whose message shows a removed member of this family, where a note holding exactly its content
 * (its copy, family-copies.ts) was held back: the message is the copy family's now, edited to show it.
 */
function handOverToCopy(store: Store, config: Config, platforms: ReadonlySet<string>, subscriptions: readonly Subscription[], familyId: string, notes: readonly NoteRow[], target: Target): boolean {
  if (store.postOf(familyId, target)?.viaDigest) return false;
  const payloadIn = (copy: NoteRow, t: Target) => copyFamilyPayload(store, config, platforms, subscriptions, copy, t);
  const taken = takeoverByCopy(store, FAMILY_MESSAGES, familyId, notes.find((m) => m.id === FAMILY_MESSAGES.shownIn(store, familyId, target)), target, payloadIn);
  if (!taken) return false;
  if (!sameContent(store.upkeep.lastSentPayload(taken.familyId, target), taken.payload)) {
    store.enqueue({ noteId: taken.familyId, revision: familyRevision(store.familyNotes(taken.copy.info.translationKey)), target, kind: 'edit', payload: taken.payload });
  }
  return true;
}

/**
 * Whether the family's message in `target` shows a removed member (kept by `onDelete: keep`) while `member`, the one the
 * chat is to be shown, has its own message there (posted while `separate`; family-adopt.ts ownMessageStays). Before
 * (BENCH_MODEL_SEED=3300, keep), the kept message was edited to show `member`: a second message of it in that chat.
 */
function keptBesideOwnMessage(store: Store, familyId: string, member: NoteRow, target: Target): boolean {
  const shown = shownMember(store, familyId, target);
  if (shown === undefined || shown === member.id || store.getNote(shown)?.state === 'published') return false;
  return ownMessageStays(store, [member], target);
}

/** What the family of `copy` shows in `t` (its message's payload there), undefined when that family does not go there. */
export function copyFamilyPayload(store: Store, config: Config, platforms: ReadonlySet<string>, subscriptions: readonly Subscription[], copy: NoteRow, t: Target): SummaryPayload | undefined {
  const members = liveMembers(store.familyNotes(copy.info.translationKey));
  const ft = familyTargets(members, config.routes, subscriptions, platforms, sentMemberIn(store, familyPostId(copy.info.translationKey))).find((c) => targetKey(c.target) === targetKey(t));
  return ft ? payloadFor(store, members, ft) : undefined;
}

/** The chats that would want the family were every platform it has chats on configured. */
function wantedOnEveryPlatform(members: readonly NoteRow[], config: Config, subscriptions: readonly Subscription[], platforms: ReadonlySet<string>, existing: ReadonlyMap<string, Target>, familyId: string, store: Store): Set<string> {
  const every = new Set([...platforms, ...[...existing.values()].map((t) => t.platform)]);
  return new Set(familyTargets(members, config.routes, subscriptions, every, sentMemberIn(store, familyId)).map((ft) => targetKey(ft.target)));
}
