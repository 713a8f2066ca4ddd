/**
 * A note back to a chat where a message still shows it: a message whose delete ended without deleting it (refused for
 * good: Telegram's 48 hours, Discord's 50013 on a forum post without Manage Threads; or its attempts spent), its lines
 * recorded on that delete (store/left-messages.ts). The note shows there already, so a new post or digest line of it
 * would show it twice (issue 25: review rv-c R1, tester 36 F2, and a note's own message whose note came back as a line of
 * a digest). One decision, whenever the note came back (while the delete was under way, queued behind it:
 * undone-delete.ts; or after the refusal was recorded: new-posts.ts), on the message the record names:
 * - a post of it takes the message over: its edit, marked `insteadOfPost` (posted should the message be gone after all);
 *   of a digest message the first such post only (the message shows that note from then on), of a note's own every one;
 * - else its line of a burst's digest goes back to the message, which is edited to show it as it is now (a digest
 *   message to list it, marked `insteadOfDigest`: posted in a digest should the message be gone; a note's own message to
 *   its post, marked `insteadOfPost`); the digests go with their other lines, or not at all with none left.
 * Why not the whole digest into the message: the other lines are notes new to the chat, and a reader looks for new notes
 * in the newest message, not in one posted days ago; a note back shows where it showed. Inside the caller's transaction,
 * so a kill -9 repeats or loses none of it.
 */
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import type { DigestItem, SummaryPayload, Target } from '../store/types.js';
import { leftDigestMessages, type LeftMessage } from '../store/left-messages.js';
import { postMadeEdit, takeOverDigestMessage } from '../store/under-way.js';
import { DIGEST_PREFIX, editDigest, type DigestStore } from './digest-lines.js';
import { FAMILY_PREFIX, liveMembers } from './family.js';
import { familyRevision, payloadFor } from './family-payload.js';
import { postControlsOf } from './route.js';
import type { NewPost } from './scheduled-digest.js';
import { sayBackToLeftMessage } from './left-message-said.js';

export type LinesBackStore = DigestStore & Pick<Store, 'markDone' | 'sql' | 'getNote' | 'familyNotes' | 'summaries'>;

/** Notes back to a left message: their pending posts, the pending burst digests listing their lines, lines not queued yet. */
export interface NotesBack {
  posts: readonly number[];
  digests: readonly number[];
  lines?: readonly DigestItem[] | undefined;
}

/** What went to the message: the posts made its edits, or the edit showing the lines given back, those lines, and the digests that gave them up. */
export interface GivenBack {
  edits: number[];
  edit?: number | undefined;
  lines: string[];
  digests: number[];
}

/** The one decision (see the file's comment) for `back`, notes whose lines `left` shows. */
export function giveBack(store: LinesBackStore, target: Target, left: LeftMessage, back: NotesBack): GivenBack {
  const own = !left.noteId.startsWith(DIGEST_PREFIX);
  // A second note of a digest message back as a post is a post of its own: the message shows the first from then on.
  const taken = own ? undefined : back.posts.find((id) => takeOverDigestMessage(store.sql, id, left.noteId, target));
  const edits = own ? back.posts.filter((id) => postMadeEdit(store.sql, id)) : taken === undefined ? [] : [taken];
  if (edits.length) return { edits, lines: [], digests: [] };
  const shown = new Set(left.lines);
  const lines = new Map<string, DigestItem>((back.lines ?? []).map((i) => [i.noteId, i]));
  for (const id of back.digests) {
    const row = store.outboxRow(id);
    // A later digest's line is newer; a note's own message takes the line only once its post can be made (ownEdit).
    if (row?.kind === 'digest' && row.status === 'pending') for (const item of row.payload.items) if (shown.has(item.noteId)) lines.set(item.noteId, item);
  }
  const edit = !lines.size ? undefined : own ? ownEdit(store, target, left, lines.get(left.noteId)) : digestEdit(store, target, left, lines);
  if (edit === undefined) return { edits: [], lines: [], digests: [] };
  return { edits: [], edit, lines: [...lines.keys()], digests: digestsGiveUp(store, back.digests, shown) };
}

/** The pending digests `ids` give up their lines in `shown`: they go with the rest, or not at all. Returns those that gave one up. */
function digestsGiveUp(store: LinesBackStore, ids: readonly number[], shown: ReadonlySet<string>): number[] {
  return ids.filter((id) => {
    const row = store.outboxRow(id);
    if (row?.kind !== 'digest' || row.status !== 'pending') return false;
    const rest = row.payload.items.filter((i) => !shown.has(i.noteId));
    if (rest.length) store.upkeep.setWaitingDigestItems(id, rest);
    else store.markDone(id, null, 'skipped', 'its lines went to the message a refused delete left, which shows them');
    return true;
  });
}

/** The digest message lists `lines` again, each its line's message as a burst's digest records it (recordSentDigest). */
function digestEdit(store: LinesBackStore, target: Target, left: LeftMessage, lines: ReadonlyMap<string, DigestItem>): number {
  // What the message shows or will (an edit waiting included), with these lines back in it.
  const items = new Map<string, DigestItem>(store.upkeep.digestItemsShown(target, left.messageId));
  for (const [lineId, item] of lines) {
    items.set(lineId, item);
    store.putPost(lineId, target, left.messageId, 0, true);
  }
  return editDigest(store, target, left.messageId, items, true);
}

/** The note's own message shows its post as it is now (the member its line names); undefined when that post cannot be made. */
function ownEdit(store: LinesBackStore, target: Target, left: LeftMessage, line: DigestItem | undefined): number | undefined {
  const now = line && postNow(store, left.noteId, line.member ?? line.noteId);
  if (!now) return undefined;
  const payload: SummaryPayload = { ...now.payload, insteadOfPost: true };
  const pending = store.openDelivery(left.noteId, target, ['edit']);
  if (!pending) return store.enqueue({ noteId: left.noteId, revision: now.revision, target, kind: 'edit', payload });
  store.replacePayload(pending.id, now.revision, payload);
  return pending.id;
}

/** The post of `lineId` (a note, or a family showing `member`) as it is now, and its revision (a family's: its members' sum). */
function postNow(store: LinesBackStore, lineId: string, member: string): { payload: SummaryPayload; revision: number } | undefined {
  const shown = store.getNote(member);
  if (!shown) return undefined;
  if (!lineId.startsWith(FAMILY_PREFIX)) {
    const summary = store.summaries.of(shown);
    return summary ? { payload: { type: 'summary', summary, ...postControlsOf(shown.info) }, revision: shown.revision } : undefined;
  }
  const members = liveMembers(store.familyNotes(lineId.slice(FAMILY_PREFIX.length)));
  const payload = members.some((m) => m.id === shown.id) ? payloadFor(store, members, { member: shown }) : undefined;
  return payload && { payload, revision: familyRevision(members) }; // its live members' sum, as before
}

/**
 * New announcements for `target` of notes whose line a digest message a refused delete left still shows (found after
 * that refusal was recorded: tester 36 F2): each goes to that message by `giveBack`, as a line of a burst's digest when
 * `burst` (the count of the batch's new notes says a digest), else as its post (queued by `post`, which returns its id).
 * The failed delete's line in `status` and the log say what the message shows. Returns how many were given back.
 */
export function backAfterwards(store: Store, log: Logger | undefined, target: Target, back: readonly NewPost[], burst: boolean, post: (p: NewPost) => number): number {
  const left = leftByLine(store, target);
  const perMessage = new Map<LeftMessage, NewPost[]>();
  for (const p of back) perMessage.set(left.get(p.noteId)!, [...(perMessage.get(left.get(p.noteId)!) ?? []), p]);
  for (const [message, posts] of perMessage) {
    const lines = posts.map((p) => ({ noteId: p.noteId, title: p.title, url: p.url, member: p.payload.member ?? p.noteId }));
    const given = giveBack(store, target, message, burst ? { posts: [], digests: [], lines } : { posts: posts.map(post), digests: [] });
    const said = { notes: posts.map((p) => p.noteId), target, left: message };
    if (given.edits.length) sayBackToLeftMessage(store.sql, log, { ...said, edit: given.edits[0]! }, 'post');
    else if (given.edit !== undefined) sayBackToLeftMessage(store.sql, log, { ...said, edit: given.edit }, 'lines');
  }
  return back.length;
}

/** The digest messages a delete left in `target`, by the line (note or family id) they show; empty when there are none. */
export function leftByLine(store: Pick<Store, 'sql'>, target: Target): Map<string, LeftMessage> {
  const byLine = new Map<string, LeftMessage>();
  for (const left of leftDigestMessages(store.sql, target)) for (const line of left.lines) byLine.set(line, left);
  return byLine;
}
