/**
 * A note back after the delete of a digest message whose line it was ended without deleting it (refused for good, its
 * attempts spent) and was recorded so (tester 36 F2, issue 25): the message stays and still lists the note, so a new
 * post of it would show it twice. Its announcement goes to that message instead, as it does when the note is back while
 * the delete is under way (store/under-way.ts rejudgeShadowOf): a post takes the message over (its edit, marked
 * `insteadOfPost`: posted should the message be gone after all), a line of a burst's digest goes back to it (its edit
 * listing the line, marked `insteadOfDigest`: posted in a digest should it be gone). The failed delete's line in
 * `status` and the log say what the message shows. Inside the batch's transaction.
 */
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import { targetKey, type DigestItem, type Target } from '../store/types.js';
import { leftDigests, linesGivenEditSaid, sayOnFailedDelete, shadowEditSaid, takeOverDigestMessage, type LeftDigest } from '../store/under-way.js';
import { editDigest } from './digest-lines.js';
import type { NewPost } from './scheduled-digest.js';

/** The digest messages a delete left in `target`, by the line (note or family id) they show; empty when there are none. */
export function leftDigestsByLine(store: Store, target: Target): Map<string, LeftDigest> {
  const byLine = new Map<string, LeftDigest>();
  for (const left of leftDigests(store.sql, target)) for (const line of left.lines) byLine.set(line, left);
  return byLine;
}

/** Each post of `back` (queued by `post`, which returns its id) takes over the message that lists it; the first per message, the rest are posted. */
export function postsTakeOver(store: Store, log: Logger | undefined, target: Target, back: readonly NewPost[], left: ReadonlyMap<string, LeftDigest>, post: (p: NewPost) => number): number {
  const taken = new Set<string>();
  for (const p of back) {
    const message = left.get(p.noteId)!;
    const id = post(p);
    // A second note of one message back: the message shows the first now (its post), so this one is a post of its own.
    if (taken.has(message.digestId) || !takeOverDigestMessage(store.sql, id, message.digestId, target)) continue;
    taken.add(message.digestId);
    sayOnFailedDelete(store.sql, message.deleteId, `; its note came back afterwards: ${shadowEditSaid(id)}`);
    log?.warn({ note: p.noteId, target: targetKey(target), delivery: id, deleteDelivery: message.deleteId }, 'note back: the digest message whose delete was refused still lists it: that message is edited to show its post instead of posting it again (shown once)');
  }
  return back.length;
}

/** The lines of `back` (a burst's digest) go back to the messages that list them, each edited to list them as they are now. */
export function linesGoBack(store: Store, log: Logger | undefined, target: Target, back: readonly NewPost[], left: ReadonlyMap<string, LeftDigest>): number {
  const perMessage = new Map<LeftDigest, NewPost[]>();
  for (const p of back) perMessage.set(left.get(p.noteId)!, [...(perMessage.get(left.get(p.noteId)!) ?? []), p]);
  for (const [message, posts] of perMessage) {
    // What the message shows or will (an edit waiting included), with these lines back in it.
    const items = new Map<string, DigestItem>(store.upkeep.digestItemsShown(target, message.messageId));
    for (const p of posts) {
      items.set(p.noteId, { noteId: p.noteId, title: p.title, url: p.url, member: p.payload.member ?? p.noteId });
      store.putPost(p.noteId, target, message.messageId, 0, true); // its line's message again, as a sent digest records it
    }
    const edit = editDigest(store, target, message.messageId, items, true);
    sayOnFailedDelete(store.sql, message.deleteId, `; its note came back afterwards: its line goes back to it (${linesGivenEditSaid(edit)})`);
    log?.warn({ notes: posts.map((p) => p.noteId), target: targetKey(target), edit, deleteDelivery: message.deleteId }, 'notes back: the digest message whose delete was refused still lists them: their lines go back to it, edited to list them, instead of a digest showing them twice');
  }
  return back.length;
}
