/**
 * The outbox side of notes announced on their own (`translations: separate`, or posts made before
 * grouping): a changed note edits its messages, `announce: again` posts anew, a retracted one
 * deletes them. Runs inside the batch's transaction.
 */
import type { Config } from '../config/schema.js';
import type { Store } from '../store/store.js';
import type { NoteRow, SummaryPayload, Target } from '../store/types.js';
import { targetKey } from '../store/types.js';
import type { Action } from './decide.js';
import { followInDigest, followInWaitingDigest, leaveDigest } from './digest-lines.js';
import { followWhatWaits } from './what-waits.js';
import { routeTargets, postControlsOf } from './route.js';
import { replaceWaitingPost, type NewPost } from './scheduled-digest.js';
import { editNotSent } from './edits-not-sent.js';
import { calledOffIn, callOffSaying, familyShownIn } from './called-off-chats.js';
import type { Logger } from '../log.js';
import { FAMILY_MESSAGES, handOverFamilyMessages, handOverToHeldCopies, heldIn, NOTE_MESSAGES, sayCopyHeld, shownByOriginal, takeoverByCopy, takeoverFamilyMessages, type HeldCopyBatch, type MessageScheme } from './family-copies.js';
import { copyFamilyPayload } from './family-outbox.js';
import { familyRevision } from './family-payload.js';
import { sameContent } from './shown-content.js';
import { deleteShownBeside } from './older-messages.js';
import { chatsShowingInFamily } from './family-after-switch.js';

/** What a change queued itself, and the new posts it wants (queued by the caller, alone or in a digest). */
export interface NoteChange {
  enqueued: number;
  posts: { target: Target; post: NewPost }[];
}

/** A note's post as it goes out now: its summary, with the author's controls as they are now. */
function postPayload(row: NoteRow): SummaryPayload {
  return { type: 'summary', summary: row.summary!, ...postControlsOf(row.info) };
}

/**
 * Deliveries for update, controls, repost and retract, and a gone note's posts not sent yet called off. `prev` is the note's record before the
 * change; with `newChats` (`translations: separate`), chats the note goes to only now (a route
 * named by the edit, `announce: false` taken out) get it posted, as a family's would; with `log`
 * (`separate`), an edit for a chat that has no message of the note is said (edits-not-sent.ts).
 */
export function enqueueNoteChange(store: Store, config: Config, platforms: ReadonlySet<string>, row: NoteRow, action: Action, prev?: NoteRow, newChats = false, log?: Logger, takenByCopies: ReadonlySet<string> = new Set()): NoteChange {
  const out: NoteChange = { enqueued: 0, posts: [] };
  if (action.type === 'repost') {
    for (const target of routeTargets(row.info, config.routes, store.subscriptions(), platforms)) {
      // Its message not gone yet (an outage, a digest waiting): it goes with the newest content, no second message.
      const now = { revision: row.revision, payload: postPayload(row), info: row.info, shown: row };
      if (followWhatWaits(store, config.routes, log, row.id, target, 'repost', now) === undefined) store.enqueue({ noteId: row.id, revision: row.revision, target, kind: 'post', payload: now.payload });
      out.enqueued++;
    }
    return out;
  }
  const targets = new Map<string, Target>();
  for (const p of store.postsOf(row.id)) if (!p.viaDigest) targets.set(targetKey(p.target), p.target);
  // Posts still waiting in the outbox count too: they get the newest content before they go out.
  const openPosts = store.openPostTargets(row.id);
  for (const t of openPosts) targets.set(targetKey(t), t);

  // A line of a digest not sent yet is the note's message to be: it follows the note, or goes with it (digest-lines.ts).
  const waiting = store.upkeep.waitingDigestTargets(row.id);
  const wants = new Set(row.state === 'published' && action.type !== 'retract' && row.info.controls?.announce !== false && waiting.length ? routeTargets(row.info, config.routes, store.subscriptions(), platforms).map(targetKey) : []);
  for (const t of waiting) out.enqueued += followInWaitingDigest(store, row.id, t, wants.has(targetKey(t)) ? row : undefined) ?? 0;
  if (action.type === 'update' || action.type === 'controls') {
    // A digest line shows the note's title and link: it follows them (digest-lines.ts).
    for (const p of store.postsOf(row.id)) if (p.viaDigest) out.enqueued += followInDigest(store, row.id, p.target, row);
    followControls(store, config, platforms, row, action, targets, out, log);
    const had = new Map([...targets, ...waiting.map((t): [string, Target] => [targetKey(t), t])]);
    if (newChats) out.posts.push(...postsToNewChats(store, config, platforms, row, prev, had, takenByCopies));
    if (newChats && action.type === 'update' && action.back) out.posts.push(...postsWhereCalledOff(store, config, platforms, row, had, out.posts));
    return out;
  }
  if (newChats && action.type === 'none' && action.back && row.state === 'published') {
    out.posts.push(...postsWhereCalledOff(store, config, platforms, row, targets, out.posts));
    return out;
  }
  if (action.type === 'none' && (row.state === 'deleted' || row.state === 'draft')) {
    // Gone with `onDelete: keep`: messages sent stay, but a post not sent yet (queued in an outage,
    // parked for a platform without its token) is called off: nothing is announced for a note that is gone.
    for (const target of openPosts) {
      const pendingPost = store.openDelivery(row.id, target, ['post']);
      if (pendingPost) callOffSaying(store, log, pendingPost.id, 'note deleted or drafted before it was sent');
      out.enqueued++;
    }
    for (const target of targets.values()) if (!openPosts.some((t) => targetKey(t) === targetKey(target)) && handOverToCopy(store, config, platforms, row, target)) out.enqueued++;
    out.enqueued += handOverFamilyToCopies(store, config, platforms, row);
    return out;
  }
  if (action.type === 'retract') {
    // A digest line goes alone: the digest is edited, or deleted with its last line (digest-lines.ts).
    for (const p of store.postsOf(row.id)) if (p.viaDigest) out.enqueued += leaveDigest(store, row.id, p.target);
    for (const target of targets.values()) {
      out.enqueued += leaveDigest(store, row.id, target); // a line a repost kept (store/older-messages.ts)
      const pendingPost = store.openDelivery(row.id, target, ['post']);
      if (pendingPost) {
        callOffSaying(store, log, pendingPost.id, 'note retracted before it was sent', true);
        deleteShownBeside(store, row.id, target, row.revision); // a repost called off: the message before it goes
      }
      else if (handOverToCopy(store, config, platforms, row, target)) continue; // the message shows the copy now
      else store.enqueue({ noteId: row.id, revision: row.revision, target, kind: 'delete', payload: { type: 'delete' } });
      out.enqueued++;
    }
    out.enqueued += handOverFamilyToCopies(store, config, platforms, row);
  }
  return out;
}

/**
 * `separate`: a removed note's message in a chat where its copy (exactly its content, family-copies.ts) was
 * held: the message is the copy's now, edited to show it. In `group` the family's message does this (family-outbox.ts).
 */
function handOverToCopy(store: Store, config: Config, platforms: ReadonlySet<string>, row: NoteRow, target: Target): boolean {
  if (config.publish.translations.mode === 'group') return handOverOwnToCopyFamily(store, config, platforms, row, target);
  const taken = takeoverByCopy(store, NOTE_MESSAGES, row.id, row, target, copyPayloadIn(store, config, platforms));
  if (taken && !sameContent(store.upkeep.lastSentPayload(taken.familyId, target), taken.payload)) {
    store.enqueue({ noteId: taken.familyId, revision: taken.copy.revision, target, kind: 'edit', payload: taken.payload });
  }
  return taken !== undefined;
}

/** The payload a copy shows in a chat it goes to (undefined where it does not), under `separate`. */
function copyPayloadIn(store: Store, config: Config, platforms: ReadonlySet<string>): (copy: NoteRow, t: Target) => SummaryPayload | undefined {
  const subscriptions = store.subscriptions();
  return (copy, t) => (routeTargets(copy.info, config.routes, subscriptions, platforms).some((c) => targetKey(c) === targetKey(t)) ? { type: 'summary', summary: copy.summary! } : undefined);
}

/**
 * `separate`: a removed note's family messages (posted while `group`) where its copy was held are the copy's now
 * (family-copies.ts takeoverFamilyMessages), edited only where their text is not the copy's already (a family message
 * also shows "also in" links: its text alone is compared, as handOverInBatch does). Returns the edits queued.
 */
function handOverFamilyToCopies(store: Store, config: Config, platforms: ReadonlySet<string>, row: NoteRow): number {
  if (config.publish.translations.mode === 'group') return 0;
  let n = 0;
  for (const { copy, familyId, payload, target } of takeoverFamilyMessages(store, row, copyPayloadIn(store, config, platforms))) {
    const last = store.upkeep.lastSentPayload(familyId, target);
    if (sameContent(last, { ...(last ?? payload), summary: payload.summary })) continue;
    store.enqueue({ noteId: familyId, revision: copy.revision, target, kind: 'edit', payload });
    n++;
  }
  return n;
}

/** A note's own message (posted while `separate`) read as showing it, handed to a copy's family message. */
const OWN_TO_FAMILY: MessageScheme = { messageOf: FAMILY_MESSAGES.messageOf, shownIn: NOTE_MESSAGES.shownIn };

/**
 * `group`: a removed note's own message (posted while `separate`, kept as its message: family-adopt.ts) where its copy
 * was held (family-copies.ts shownByOriginal) is the copy's family's message now, edited to show that family. Before
 * (BENCH_MODEL_SEED=3300), the message was deleted and the held copy shown nowhere in that chat.
 */
function handOverOwnToCopyFamily(store: Store, config: Config, platforms: ReadonlySet<string>, row: NoteRow, target: Target): boolean {
  const subscriptions = store.subscriptions();
  const taken = takeoverByCopy(store, OWN_TO_FAMILY, row.id, row, target, (copy, t) => copyFamilyPayload(store, config, platforms, subscriptions, copy, t));
  if (taken && !sameContent(store.upkeep.lastSentPayload(taken.familyId, target), taken.payload)) {
    store.enqueue({ noteId: taken.familyId, revision: familyRevision(store.familyNotes(taken.copy.info.translationKey)), target, kind: 'edit', payload: taken.payload });
  }
  return taken !== undefined;
}

/**
 * `separate`: a batch's hand-overs, decided once before any of its records is written (as family-outbox.ts
 * followHeldCopies does in `group`): each edited note's messages where a copy of its old content is held are the copy's
 * now (family-copies.ts handOverToHeldCopies), whatever the batch's order. A copy changed in the same batch takes the
 * message, then its own change applies (edited: it edits it; drafted or removed: `onDelete` says), and a message a copy
 * took is never handed back in that batch (review rv33-b R1, R2). Returns, per edited note, the chats it lost that way:
 * its edit is posted there (postsToNewChats).
 */
export function handOverInBatch(store: Store, config: Config, platforms: ReadonlySet<string>, changes: readonly { row: NoteRow; action: Action; prev?: NoteRow }[]): Map<string, Set<string>> {
  const goesTo = (copy: NoteRow, t: Target) => routeTargets(copy.info, config.routes, store.subscriptions(), platforms).some((c) => targetKey(c) === targetKey(t));
  const batch: HeldCopyBatch = { decided: (copy) => changes.find((c) => c.row.id === copy.id)?.row ?? copy, handed: new Set() };
  const lost = new Map<string, Set<string>>();
  for (const d of changes) {
    if (d.action.type !== 'update' || !d.prev) continue;
    const taken = [...handOverToHeldCopies(store, NOTE_MESSAGES, d.prev, goesTo, goesTo, batch), ...handOverFamilyMessages(store, d.prev, goesTo, batch)];
    for (const { copy, target } of taken) {
      lost.set(d.row.id, (lost.get(d.row.id) ?? new Set()).add(targetKey(target)));
      // A copy kept published shows its text; one drafted or removed in the batch is left to its own change. Its text
      // alone is compared: a family's message (posted while `group`) that shows it already gets no edit.
      const payload: SummaryPayload = { type: 'summary', summary: copy.summary! }, last = store.upkeep.lastSentPayload(copy.id, target);
      if (copy.state === 'published' && !sameContent(last, { ...(last ?? payload), summary: payload.summary })) store.enqueue({ noteId: copy.id, revision: copy.revision, target, kind: 'edit', payload });
    }
  }
  return lost;
}

/** `separate`: whether a chat already shows the text of a new note, its copy's original's message there (family-copies.ts); said when it is held. */
export function heldAsCopy(store: Store, log: Logger, row: NoteRow, target: Target): boolean {
  const original = shownByOriginal(store, row, target, NOTE_MESSAGES);
  if (original !== undefined) sayCopyHeld(log, row.file, targetKey(target), original);
  return original !== undefined;
}

/**
 * A queued post follows the note as it is now: its content and controls, or called off when the
 * note no longer goes to that chat. A sent message is edited on `update`; controls never touch it.
 */
function followControls(store: Store, config: Config, platforms: ReadonlySet<string>, row: NoteRow, action: Action, targets: Map<string, Target>, out: NoteChange, log?: Logger): void {
  // A chat on a platform started without its token (its post parked, route.ts) is judged as if the
  // platform were configured: a parked post follows its note as one queued in an outage does.
  const every = new Set([...platforms, ...[...targets.values()].map((t) => t.platform)]);
  const wanted = new Set(routeTargets(row.info, config.routes, store.subscriptions(), every).map(targetKey));
  for (const [key, target] of targets) {
    const pendingPost = store.openDelivery(row.id, target, ['post']);
    if (pendingPost && !wanted.has(key)) {
      callOffSaying(store, log, pendingPost.id, 'the note no longer goes to this chat (its controls changed) before it was sent');
      out.enqueued++;
    } else if (pendingPost) {
      replaceWaitingPost(store, config.routes, log, pendingPost.id, { revision: row.revision, payload: postPayload(row), info: row.info });
      out.enqueued++;
    } else if (action.type === 'update') {
      const payload = { type: 'summary' as const, summary: row.summary! };
      const pendingEdit = store.openDelivery(row.id, target, ['edit']);
      if (pendingEdit) store.replacePayload(pendingEdit.id, row.revision, payload);
      else store.enqueue({ noteId: row.id, revision: row.revision, target, kind: 'edit', payload });
      out.enqueued++;
    }
  }
  // In `group` the family's message is what a chat shows (family-outbox.ts says its own edits not sent).
  if (action.type !== 'update' || config.publish.translations.mode === 'group' || !log) return;
  for (const target of routeTargets(row.info, config.routes, store.subscriptions(), platforms)) {
    if (targets.has(targetKey(target))) continue;
    editNotSent(store, log, { noteId: row.id, revision: row.revision, target, payload: { type: 'summary', summary: row.summary! }, file: row.file });
  }
}

/** Chats the note goes to now and did not before, and that have no message of it nor a family message showing it: they get a post. */
function postsToNewChats(store: Store, config: Config, platforms: ReadonlySet<string>, row: NoteRow, prev: NoteRow | undefined, had: Map<string, Target>, takenByCopies: ReadonlySet<string>): { target: Target; post: NewPost }[] {
  const subscriptions = store.subscriptions();
  // A chat `prev` was held in as a copy (family-copies.ts heldIn), or whose message a copy took (handOverInBatch), did not have it: its edit is posted there (e25b).
  const before = new Set(prev ? routeTargets(prev.info, config.routes, subscriptions, platforms).filter((t) => !heldIn(store, prev, t, NOTE_MESSAGES)).map(targetKey).filter((k) => !takenByCopies.has(k)) : []);
  const posts: { target: Target; post: NewPost }[] = [];
  let inFamily: Set<string> | undefined; // read once a chat is new: it costs a read of the note's families' messages
  for (const target of routeTargets(row.info, config.routes, subscriptions, platforms)) {
    const key = targetKey(target);
    if (before.has(key) || had.has(key) || store.postOf(row.id, target)) continue;
    if ((inFamily ??= chatsShowingInFamily(store, row, prev)).has(key)) continue; // its family's message (from `group`) shows it there
    posts.push({ target, post: newPost(row) });
  }
  return posts;
}

function newPost(row: NoteRow): NewPost {
  return { noteId: row.id, revision: row.revision, title: row.info.title, url: row.info.url, info: row.info, payload: postPayload(row) };
}

/**
 * A note back (decide.ts `back`): the chats it goes to where its own post was called off before it went
 * out, with no message of it or its family there, get it posted (called-off-chats.ts); `chosen`: posts
 * this change queues already.
 */
function postsWhereCalledOff(store: Store, config: Config, platforms: ReadonlySet<string>, row: NoteRow, had: Map<string, Target>, chosen: readonly { target: Target }[]): { target: Target; post: NewPost }[] {
  const calledOff = calledOffIn(store, [row.id]);
  if (!calledOff.size) return [];
  const taken = new Set([...had.keys(), ...chosen.map((p) => targetKey(p.target)), ...familyShownIn(store, row.info.translationKey)]);
  const chats = routeTargets(row.info, config.routes, store.subscriptions(), platforms).filter((t) => calledOff.has(targetKey(t)) && !taken.has(targetKey(t)));
  return chats.map((target) => ({ target, post: newPost(row) }));
}
