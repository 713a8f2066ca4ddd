/**
 * `translations: separate` after `group`: a note announced while grouped has no message under its
 * own id, only its family's (`family:<key>`), showing it in the chats that got it as their member.
 * Its edits go to those messages, or they would reach no chat at all; the family's other chats
 * (showing another member) keep their message. A retraction leaves family messages as they are:
 * deleting one would take its other members with it, so the service says so instead.
 * Runs inside the batch's transaction.
 */
import type { Logger } from '../log.js';
import { callOffSaying } from './called-off-chats.js';
import type { Store } from '../store/store.js';
import { targetKey, type NoteRow, type SummaryPayload, type Target } from '../store/types.js';
import type { Action } from './decide.js';
import { alsoInFor, familyPostId, liveMembers } from './family.js';
import { postControlsOf } from './route.js';
import { addMetaKeys, metaKeys } from './meta-keys.js';
import { shownMember } from './family-follow.js';
import { sameContent } from './shown-content.js';
import { editOfLeftMessage, queueEdit } from './undone-delete.js';

/** Families whose messages a retraction left as they were while `separate`: group brings them up to date. */
const LEFT_AS_IS = 'families.leftAsIs';

function leaveFamiliesAsIs(store: Store, keys: readonly string[]): void {
  addMetaKeys(store, LEFT_AS_IS, keys);
}

/** The families `separate` left behind (see above); `take` forgets them (group is syncing them now). */
function familiesLeftAsIs(store: Store, take = false): string[] {
  return metaKeys(store, LEFT_AS_IS, take);
}

interface FamilyMessage {
  familyId: string;
  target: Target;
  payload: SummaryPayload;
  revision: number;
}

/**
 * The family messages (sent or still queued) whose shown member is `row`: under the family keys of
 * its old and new record, and under any family a message showing it was left in (renamed while
 * `separate`, the note left its family's message behind: issue 25, finding 4).
 */
function messagesShowing(store: Store, row: NoteRow, prev: NoteRow | undefined): FamilyMessage[] {
  const keys = [prev?.info.translationKey, row.info.translationKey].filter((k): k is string => !!k);
  const out: FamilyMessage[] = [];
  for (const familyId of new Set([...keys.map(familyPostId), ...store.upkeep.familiesShowing(row.id)])) {
    const seen = new Set<string>();
    for (const p of store.postsOf(familyId)) {
      if (p.viaDigest) continue; // a digest line: nothing to edit
      const payload = store.upkeep.lastSentPayload(familyId, p.target);
      if (payload?.member === row.id) out.push({ familyId, target: p.target, payload, revision: p.revision });
      seen.add(JSON.stringify(p.target));
    }
    for (const target of store.openPostTargets(familyId)) {
      if (seen.has(JSON.stringify(target))) continue;
      const open = store.openDelivery(familyId, target, ['post']);
      if (open?.payload.type === 'summary' && open.payload.member === row.id) out.push({ familyId, target, payload: open.payload, revision: open.revision });
    }
  }
  return out;
}

/**
 * The chats (targetKey) where a family message shows `row` (sent, or its post queued): the note's message there while
 * `separate`, which its edits follow (followFamilyMessages). A chat the note goes to only now already shows it there, so
 * it gets no post of the note's own (BENCH_MODEL_SEED=3301: a note announced under `group`, moved out of `en` and back
 * while `separate`, was posted in `en` beside its family's message, edited to show it).
 */
export function chatsShowingInFamily(store: Store, row: NoteRow, prev: NoteRow | undefined): Set<string> {
  return new Set(messagesShowing(store, row, prev).map((m) => targetKey(m.target)));
}

/**
 * Edits (or refreshes, when still queued) the family messages that show `row`, keeping their other
 * languages' links; returns how many deliveries it queued or changed.
 */
export function followFamilyMessages(store: Store, log: Logger, row: NoteRow, action: Action, prev: NoteRow | undefined, wants: (row: NoteRow) => readonly Target[]): number {
  // Its family's messages (its "also in" links, the member a chat is shown) stay as they are until group.
  const left = prev?.state === 'published' && (row.state === 'deleted' || row.state === 'draft');
  const regrouped = !!prev && (prev.info.translationKey !== row.info.translationKey || prev.info.lang !== row.info.lang);
  const keys = prev && (left || regrouped) ? [prev.info.translationKey, row.info.translationKey] : [];
  if (keys.some((k) => store.postsOf(familyPostId(k)).length || store.openPostTargets(familyPostId(k)).length)) leaveFamiliesAsIs(store, keys);
  const alone = leaveQueuedFamilyPosts(store, log, row, prev, wants);
  if (action.type !== 'update' && action.type !== 'retract') return alone;
  const shown = messagesShowing(store, row, prev);
  if (!shown.length) return alone;
  if (action.type === 'retract') {
    log.warn({ note: row.id, family: shown[0]!.familyId, chats: shown.length }, 'note removed, but it was announced in a translation family (publish.translations was group): its family message is left as it is; switch back to group to have it follow');
    return alone;
  }
  const edited = editShown(store, log, row, shown);
  log.info({ note: row.id, family: shown[0]!.familyId, chats: edited }, 'note announced in its translation family (publish.translations was group): the edit goes to that message');
  return alone + edited;
}

/**
 * Edits (or refreshes, when still queued) `shown`, each a family message showing `row`, to its newest summary. A sent
 * message that shows that text already is left alone (the model's `MODEL_SEED=9001` cases: a member removed and
 * restored unchanged while `separate` had its family's message edited to the text it showed; no chat gets such an edit).
 */
function editShown(store: Store, log: Logger, row: NoteRow, shown: readonly FamilyMessage[]): number {
  let n = 0;
  for (const { familyId, target, payload, revision } of shown) {
    // One past the message's last revision: a later switch back to `group` still sends newer content.
    const rev = Math.max(row.revision, revision + 1);
    const open = store.openDelivery(familyId, target, ['post']) ?? store.openDelivery(familyId, target, ['edit']);
    const edit: SummaryPayload = { ...payload, summary: row.summary!, silent: undefined, pin: undefined, digestAt: undefined };
    // A message a refused delete left (the family's last member went while `group`) is edited and said by the one rule.
    const left = open ? edit : editOfLeftMessage(store.sql, familyId, target, edit);
    if (open?.payload.type === 'summary') store.replacePayload(open.id, rev, { ...open.payload, summary: row.summary! });
    else if (!left.insteadOfPost && sameContent(store.upkeep.lastSentPayload(familyId, target), edit)) continue;
    else queueEdit(store, log, { noteId: familyId, target, revision: rev, payload: left });
    n++;
  }
  return n;
}

/**
 * A note back from deletion or draft while `separate` (announced again: decide.ts) whose family's
 * message was left showing it by its retraction (above): that message is brought up to date, and the
 * chats it is in get no post of the note's own, or they would show it twice (the model's seed 9001).
 * Returns what it queued and the chats (targetKey) it covers.
 */
export function returnToFamilyMessages(store: Store, log: Logger, row: NoteRow, prev: NoteRow | undefined): { enqueued: number; covered: Set<string> } {
  if (!prev || prev.state === 'published') return { enqueued: 0, covered: new Set() };
  const shown = messagesShowing(store, row, prev);
  if (!shown.length) return { enqueued: 0, covered: new Set() };
  log.info({ note: row.id, family: shown[0]!.familyId, chats: shown.length }, 'note back while publish.translations is separate: its translation family\'s message, left showing it, is edited instead of posting it again');
  return { enqueued: editShown(store, log, row, shown), covered: new Set(shown.map((m) => targetKey(m.target))) };
}

/** A note as a batch decided it, as families see it (family-outbox.ts FamilyChange). */
interface MemberChange {
  row: NoteRow;
  prev?: NoteRow | undefined;
  action: { type: string };
}

/**
 * The first `group` batch after `separate`: the families `separate` left behind (taken: this batch
 * syncs them), and, as changes of this batch, each member a message of theirs shows that has moved
 * to another family meanwhile (renamed or moved while `separate`: issue 25, finding 4). Its message
 * then follows it as a move in `group` would (family-follow.ts), instead of showing it under a
 * family it left. Before the batch's first family step (`followRenamedFamilies`). `take` false: only
 * read (which families that batch will show: their summaries are made before it, summariesShownBy).
 */
export function regroupAfterSeparate<C extends MemberChange>(store: Store, decided: readonly C[], take = true): { changes: (C | MemberChange)[]; regrouped: string[] } {
  const keys = familiesLeftAsIs(store, take);
  const moves = new Map<string, MemberChange>();
  for (const key of keys) {
    const familyId = familyPostId(key);
    const targets = [...store.postsOf(familyId).filter((p) => !p.viaDigest).map((p) => p.target), ...store.openPostTargets(familyId)];
    for (const target of targets) {
      const shown = shownMember(store, familyId, target);
      const row = shown === undefined ? undefined : store.getNote(shown);
      if (!row || row.state !== 'published' || row.info.translationKey === key) continue;
      moves.set(`${row.id}\n${key}`, { row, prev: { ...row, info: { ...row.info, translationKey: key } }, action: { type: 'none' } });
    }
  }
  const movedTo = [...moves.values()].map((m) => m.row.info.translationKey);
  return { changes: [...decided, ...moves.values()], regrouped: [...new Set([...keys, ...movedTo])] };
}

/**
 * `separate`, a note that left its family while the family's posts were still queued (renamed or
 * moved to another family, deleted or drafted, while stopped: tester-1 q2, issue 25): a queued post
 * showing another member would go out linking the note's old page, and the note would reach that
 * chat in no message at all. What goes out is the family as it is now (syncFamily says the same):
 * a queued post showing the note that left is called off, the others' "also in" made again from
 * the members left, and the note, when still live and wanted there, is posted on its own. So is
 * each member left that a called-off post's chat wants: that post was its only way there. A post
 * already sent is left to the switch back to `group` (regroupAfterSeparate), as before. After the
 * note's record is written, inside the batch's transaction. Returns the deliveries it queued or changed.
 */
function leaveQueuedFamilyPosts(store: Store, log: Logger, row: NoteRow, prev: NoteRow | undefined, wants: (row: NoteRow) => readonly Target[]): number {
  const from = prev?.info.translationKey;
  const live = row.state === 'published';
  if (!prev || from === undefined || prev.state !== 'published' || (live && from === row.info.translationKey)) return 0;
  const familyId = familyPostId(from);
  const members = liveMembers(store.familyNotes(from));
  const wanted = new Set(live ? wants(row).map(targetKey) : []);
  let changed = 0;
  for (const target of store.openPostTargets(familyId)) {
    const open = store.openDelivery(familyId, target, ['post']);
    if (store.postOf(familyId, target) || open?.payload.type !== 'summary') continue;
    const member = open.payload.member;
    const shown = members.find((m) => m.id === member);
    if (member === row.id || !shown) {
      callOffSaying(store, log, open.id, 'the note it shows left its translation family (moved, deleted or drafted) before it was sent');
      // The family's other members reached this chat only through that post (issue 25, tester 11-1 sep.mjs moveen).
      for (const other of members) if (other.id !== row.id && wants(other).some((t) => targetKey(t) === targetKey(target))) changed += postAlone(store, other, target);
    } else store.replacePayload(open.id, open.revision, { ...open.payload, alsoIn: alsoInFor(members, shown) });
    changed++;
    if (wanted.has(targetKey(target))) changed += postAlone(store, row, target);
  }
  if (changed) log.info({ note: row.id, family: familyId, deliveries: changed }, 'note left its translation family while the family\'s posts waited (publish.translations is separate): they show the family as it is now, and the note, where wanted, is posted on its own');
  return changed;
}

/**
 * Queues `note`'s own post to `target` unless it has a message or a queued post there; returns how
 * many it queued. `note` is a family member as stored, maybe a first run's with its summary not made
 * yet (store/deferred-summaries.ts; a long one was made before the commit: summariesShownBy).
 */
function postAlone(store: Store, note: NoteRow, target: Target): number {
  if (store.postOf(note.id, target) || store.openDelivery(note.id, target, ['post'])) return 0;
  const summary = store.summaries.of(note);
  if (!summary) return 0; // its file went: its removal, still to be decided, takes it out of the family
  store.enqueue({ noteId: note.id, revision: note.revision, target, kind: 'post', payload: { type: 'summary', summary, ...postControlsOf(note.info) } });
  return 1;
}
