/**
 * Review rv33-a R3: a digest message whose delete was refused (recorded lines n1, n2). n1 comes back in a burst: its
 * line goes back to the message (edit E, `insteadOfDigest`). While E is in flight (sending), n2 comes back in a burst:
 * openDelivery finds no pending edit, so a second edit E2 (also `insteadOfDigest`) is queued listing n1 and n2. E is
 * answered "message gone" (deleted by hand meanwhile): digestAfterAll posts n1 in a digest and drops the message's
 * records, n2's and `digest:7` included. E2 then has no message to edit (deliverer.ts: "no posted message to change")
 * and nothing else lists n2: n2, back, is shown nowhere.
 */
import { expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { backAfterwards } from '../../src/publish/left-message-back.js';
import type { NewPost } from '../../src/publish/scheduled-digest.js';
import { DELETE_REFUSED, digestBothLeft, failOnce, titleOnly } from '../helpers/left-digest.js';
import { tempStores } from '../helpers/temp-store.js';

const newStore = tempStores('rv33a-r3');
const chat = { platform: 'telegram' as const, chat: '-100777', thread: '' };
const fail = failOnce;
const summary = titleOnly;
const back = (noteId: string, title: string): NewPost => ({ noteId, revision: 2, title, info: {} as NewPost['info'], payload: summary(title) });
const burst = (s: Store, p: NewPost) => s.transaction(() => backAfterwards(s, undefined, chat, [p], true, () => { throw new Error('no post in a burst'); }));

it('n2 back while the edit giving n1 back is in flight, that edit then finding the message gone: n2 is still shown somewhere', async () => {
  const s = newStore();
  const del = digestBothLeft(s, chat);
  s.markSending(del);
  await fail(s, del, DELETE_REFUSED);

  burst(s, back('n1', 'One 2'));
  const e1 = s.openDelivery('digest:7', chat, ['edit'])!;
  s.markSending(e1.id); // in flight
  burst(s, back('n2', 'Two 2'));
  const e2 = s.openDelivery('digest:7', chat, ['edit']);
  expect(e2?.id).not.toBe(e1.id); // a second edit, queued behind the one in flight
  expect(e2?.payload).toMatchObject({ type: 'digest', insteadOfDigest: true, items: [{ noteId: 'n1' }, { noteId: 'n2' }] });
  // E answered: the message is gone (someone deleted it by hand since the refusal).
  await fail(s, e1.id, { kind: 'gone', reason: 'telegram editMessageText: 400 Bad Request: message to edit not found' });
  expect(s.outboxRow(e1.id)).toMatchObject({ kind: 'digest', status: 'pending' }); // n1 posted in a digest after all

  // Where n2 will show: a pending digest or post listing it, or an edit of a message still recorded.
  const pending = s.sql("SELECT id, kind, note_id AS noteId, payload FROM outbox WHERE status = 'pending'").all() as { id: number; kind: string; noteId: string | null; payload: string }[];
  const showsN2 = pending.filter((r) => r.payload.includes('"n2"') || r.noteId === 'n2')
    .filter((r) => r.kind === 'digest' || r.kind === 'post' || (r.kind === 'edit' && r.noteId !== null && s.postOf(r.noteId, chat) !== undefined));
  expect(showsN2.map((r) => r.id), `pending rows: ${JSON.stringify(pending.map((r) => ({ id: r.id, kind: r.kind, noteId: r.noteId })))}; posts: ${JSON.stringify(s.sql('SELECT note_id, message_id FROM posts').all())}`).not.toEqual([]);
});
