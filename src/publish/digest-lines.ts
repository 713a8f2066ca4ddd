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
import type { Target } from '../store/types.js';

/** The prefix of a digest message's outbox name (its edits and deletes as a whole carry no note). */
export const DIGEST_PREFIX = 'digest:';

/** The outbox's name for a digest message in its own right, once it is edited or deleted as a whole. */
function digestMessageId(messageId: string): string {
  return `${DIGEST_PREFIX}${messageId}`;
}

/**
 * Takes `noteId`'s line out of the digest message it was announced in, in `target`. Returns how
 * many deliveries it queued or changed; 0 when the note has no digest line there.
 */
export function leaveDigest(store: Store, noteId: string, target: Target): number {
  const post = store.postOf(noteId, target);
  if (!post?.viaDigest) return 0;
  const items = store.upkeep.digestItemsSent(target, post.messageId);
  store.dropPost(noteId, target);
  const id = digestMessageId(post.messageId);
  // The message itself, as the deliverer finds it for an edit or delete of `id`.
  if (!store.postOf(id, target)) store.putPost(id, target, post.messageId, 0);
  const left = store.upkeep.digestLines(target, post.messageId);
  const pendingEdit = store.openDelivery(id, target, ['edit']);
  if (!left.length) {
    if (pendingEdit) store.markDone(pendingEdit.id, null, 'skipped', 'every note of the digest went before it was edited');
    store.enqueue({ noteId: id, revision: 0, target, kind: 'delete', payload: { type: 'delete' } });
    return 1;
  }
  // Lines the digest was not sent with (none, unless written by hand) are left out rather than invented.
  const payload = { type: 'digest' as const, items: left.flatMap((n) => items.get(n) ?? []) };
  if (pendingEdit) store.replacePayload(pendingEdit.id, 0, payload);
  else store.enqueue({ noteId: id, revision: 0, target, kind: 'edit', payload });
  return 1;
}
