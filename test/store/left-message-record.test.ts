/**
 * Issue 25: the lines a message a refused delete left shows are recorded on that delete when it ends
 * (store/left-messages.ts recordLeftMessage), and both readers take them from there: the note back afterwards
 * (leftDigestMessages, publish/new-posts.ts) and the loud fallback of the shadow path (digestsStillListingLineShown).
 */
import { expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { recordFailure, type FailureDeps } from '../../src/publish/outcomes.js';
import { silentLogger } from '../../src/log.js';
import { leaveDigest } from '../../src/publish/digest-lines.js';
import { digestsStillListingLineShown, leftDigestMessages } from '../../src/store/left-messages.js';
import { tempStores } from '../helpers/temp-store.js';

const newStore = tempStores('left-record');
const chat = { platform: 'telegram' as const, chat: '-100777', thread: '' };

/** Digest message 7 lists n1 and n2; both go, its delete is refused for good. Returns that delete's id. */
async function refusedDigestDelete(s: Store): Promise<number> {
  s.markDone(s.enqueue({ kind: 'digest', noteId: null, revision: 0, target: chat, payload: { type: 'digest', items: [{ noteId: 'n1', title: 'One' }, { noteId: 'n2', title: 'Two' }] } }), '7');
  s.putPost('n1', chat, '7', 0, true);
  s.putPost('n2', chat, '7', 0, true);
  leaveDigest(s, 'n1', chat); // an edit listing n2 alone, not sent yet
  const edit = s.openDelivery('digest:7', chat, ['edit'])!;
  s.markDone(edit.id, '7');
  leaveDigest(s, 'n2', chat);
  const { id } = s.sql("SELECT id FROM outbox WHERE kind = 'delete'").get() as { id: number };
  s.markSending(id);
  const del = s.outboxRow(id)!;
  const d: FailureDeps = { store: s, log: silentLogger(), onEvent: () => {}, now: Date.now, opts: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10 }, record: async (_c, write) => write(), tokenRefused: () => {} };
  await recordFailure(d, del, { kind: 'rejected', reason: "telegram deleteMessage: 400 Bad Request: message can't be deleted" }, { delivery: id, note: del.noteId, target: 'telegram:-100777', kind: 'delete', attempt: 1 });
  return id;
}

it('the refused digest delete records the message and the lines it showed (its edit sent: n2 alone), and the note-back reader returns them', async () => {
  const s = newStore();
  const id = await refusedDigestDelete(s);
  const row = s.outboxRow(id)!;
  expect(row.status).toBe('failed');
  expect(row.payload).toEqual({ type: 'delete', left: { messageId: '7', lines: ['n2'] } });
  expect(leftDigestMessages(s.sql, chat)).toEqual([{ noteId: 'digest:7', messageId: '7', deleteId: id, lines: ['n2'] }]);
});

it('both readers read that record, not what the message would be judged to show later', async () => {
  const s = newStore();
  const id = await refusedDigestDelete(s);
  // The record alone says n1 too: were either reader to judge again, it would not find n1.
  s.sql("UPDATE outbox SET payload = json_set(payload, '$.left.lines', json('[\"n1\",\"n2\"]')) WHERE id = ?").run(id);
  expect(leftDigestMessages(s.sql, chat)[0]?.lines).toEqual(['n1', 'n2']);
  const behind = s.enqueue({ kind: 'digest', noteId: null, revision: 0, target: chat, payload: { type: 'digest', items: [{ noteId: 'n1', title: 'One again' }, { noteId: 'n3', title: 'Three' }] } });
  expect(digestsStillListingLineShown(s.sql, { id, noteId: 'digest:7', target: chat })).toEqual([behind]);
});
