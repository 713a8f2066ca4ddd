/**
 * Review rv33-a R1: a digest message whose delete was refused (recorded lines n1, n2). n1 comes back in a burst: its
 * line goes back to the message (an edit listing n1, pending). Before that edit goes, n2 comes back alone as a post:
 * giveBack lets that post take the message over, so the edit listing n1 goes first and is then overwritten by n2's post.
 * n1's record still names message 7 (via a digest), yet no message shows n1: lost, and nothing says so.
 */
import { expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { backAfterwards } from '../../src/publish/left-message-back.js';
import type { NewPost } from '../../src/publish/scheduled-digest.js';
import { DELETE_REFUSED, digestBothLeft, failOnce, titleOnly } from '../helpers/left-digest.js';
import { tempStores } from '../helpers/temp-store.js';

const newStore = tempStores('rv33a-r1');
const chat = { platform: 'telegram' as const, chat: '-100777', thread: '' };

/** Digest message 7 lists n1 and n2; both go before its edit is sent, its delete is refused for good (lines n1, n2 recorded). */
async function refusedDigestDelete(s: Store): Promise<number> {
  const id = digestBothLeft(s, chat);
  s.markSending(id);
  await failOnce(s, id, DELETE_REFUSED);
  return id;
}
const summary = titleOnly;
const back = (noteId: string, title: string): NewPost => ({ noteId, revision: 2, title, info: {} as NewPost['info'], payload: summary(title) });

it('n1 back in a burst (its line back to message 7, edit pending), then n2 back alone: n2 is posted, message 7 keeps listing n1', async () => {
  const s = newStore();
  const del = await refusedDigestDelete(s);
  expect(s.outboxRow(del)!.payload).toMatchObject({ left: { messageId: '7', lines: ['n1', 'n2'] } });
  // Batch 1: n1 back beside new notes (a burst): its line goes back to message 7.
  s.transaction(() => backAfterwards(s, undefined, chat, [back('n1', 'One 2')], true, () => { throw new Error('no post in a burst'); }));
  const lineEdit = s.openDelivery('digest:7', chat, ['edit'])!;
  expect(lineEdit.payload).toMatchObject({ type: 'digest', insteadOfDigest: true, items: [{ noteId: 'n1' }] });
  expect(s.postOf('n1', chat)?.messageId).toBe('7');
  // Batch 2, before that edit went: n2 back alone (a post).
  let postId = 0;
  s.transaction(() => backAfterwards(s, undefined, chat, [back('n2', 'Two 2')], false, (p) => (postId = s.enqueue({ noteId: p.noteId, revision: p.revision, target: chat, kind: 'post', payload: p.payload }))));
  // Message 7 is given to n1's line already: n2's announcement must be a post of its own, not an edit of message 7.
  expect(s.outboxRow(postId)!.kind).toBe('post');
  expect(s.postOf('n2', chat)?.messageId).not.toBe('7');
});
