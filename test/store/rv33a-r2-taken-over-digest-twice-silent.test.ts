/**
 * Review rv33-a R2: a digest message's delete refused while both a post of its note (n1) and a burst's digest listing
 * n1 are queued behind it. The post takes the message over (edited to n1's post), and the loud fallback is switched off
 * for a taken-over digest message (undone-delete.ts: `given.edits.length && digest ? []`): the digest behind still lists
 * n1, so the chat shows n1 twice (the message that stayed and the digest's line), and neither the failed delete's line
 * nor the returned `twice` say so. The same state for a note's own message is said loudly ("shows it twice").
 * The state is built directly in the store (the report's "two batches" case, here for a digest message).
 */
import { expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { DELETE_REFUSED, digestBothLeft, failOnce, titleOnly } from '../helpers/left-digest.js';
import { tempStores } from '../helpers/temp-store.js';

const newStore = tempStores('rv33a-r2');
const chat = { platform: 'telegram' as const, chat: '-100777', thread: '' };
const summary = titleOnly;

const refuse = (s: Store, id: number) => failOnce(s, id, DELETE_REFUSED);

it('digest message taken over by a post of n1 while a digest behind lists n1 too: n1 given up, or said twice', async () => {
  const s = newStore();
  const del = digestBothLeft(s, chat);
  s.markSending(del); // under way
  // Queued behind it, against no message: a post of n1, and a burst's digest listing n1 beside a new note n3.
  const post = s.enqueue({ kind: 'post', noteId: 'n1', revision: 2, target: chat, payload: summary('One 2') });
  const digest = s.enqueue({ kind: 'digest', noteId: null, revision: 0, target: chat, payload: { type: 'digest', items: [{ noteId: 'n1', title: 'One 3' }, { noteId: 'n3', title: 'Three' }] } });
  await refuse(s, del);
  expect(s.outboxRow(post)!.kind).toBe('edit'); // n1's post took message 7 over
  expect(s.postOf('n1', chat)?.messageId).toBe('7');
  const behind = s.outboxRow(digest)!;
  const listsN1 = behind.kind === 'digest' && behind.status === 'pending' && behind.payload.items.some((i) => i.noteId === 'n1');
  const said = /twice/.test(s.outboxRow(del)!.lastError ?? '');
  // Either the digest gave n1 up, or the failed delete's line says n1 shows twice: never silent.
  expect({ listsN1, said }).not.toEqual({ listsN1: true, said: false });
});

it('control: the same state for a note\'s own message is said loudly (passes)', async () => {
  const s = newStore();
  s.markDone(s.enqueue({ kind: 'post', noteId: 'n1', revision: 1, target: chat, payload: summary('One') }), '9');
  s.putPost('n1', chat, '9', 1);
  const del = s.enqueue({ kind: 'delete', noteId: 'n1', revision: 1, target: chat, payload: { type: 'delete' } });
  s.markSending(del);
  s.enqueue({ kind: 'post', noteId: 'n1', revision: 2, target: chat, payload: summary('One 2') });
  s.enqueue({ kind: 'digest', noteId: null, revision: 0, target: chat, payload: { type: 'digest', items: [{ noteId: 'n1', title: 'One 3' }, { noteId: 'n3', title: 'Three' }] } });
  await refuse(s, del);
  expect(s.outboxRow(del)!.lastError).toMatch(/the chat shows it twice/);
});
