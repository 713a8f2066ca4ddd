/**
 * Review rv32-b R2 (issue 25, s32-tk): what `status` says of a digest message's refused delete once the edit that took
 * back a returning note's line (publish/left-message-back.ts) did not go. The note deleted again before that edit went:
 * the edit is skipped, yet the failed delete's line still says "delivery #E edits it to show it", as the edit made of a
 * post said "edits the message that stayed" until it was rewritten when its fate changed (refused-delete-shadow-afterwards.test.ts).
 */
import { expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { recordFailure, type FailureDeps } from '../../src/publish/outcomes.js';
import type { FailureClass } from '../../src/publish/port.js';
import { silentLogger } from '../../src/log.js';
import type { OutboxRow } from '../../src/store/types.js';
import { leaveDigest } from '../../src/publish/digest-lines.js';
import { tempStores } from '../helpers/temp-store.js';

const newStore = tempStores('given-back');

async function failed(s: Store, row: OutboxRow, f: FailureClass): Promise<void> {
  const d: FailureDeps = { store: s, log: silentLogger(), onEvent: () => {}, now: Date.now, opts: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10 }, record: async (_c, write) => write(), tokenRefused: () => {} };
  await recordFailure(d, row, f, { delivery: row.id, note: row.noteId, target: `${row.target.platform}:${row.target.chat}`, kind: row.kind, attempt: row.attempts + 1 });
}

const TOO_OLD: FailureClass = { kind: 'rejected', reason: "telegram deleteMessage: 400 Bad Request: message can't be deleted" };
const chat = { platform: 'telegram' as const, chat: '-100777', thread: '' };

/** Digest message 7 lists n1; n1 deleted (the message's delete), n1 back in a digest [n1, n2] queued behind it, the delete
 * refused: the digest gives n1's line up to message 7, an edit queued. The failed delete and that edit. */
async function lineGivenBack(s: Store): Promise<{ del: OutboxRow; edit: OutboxRow }> {
  s.markDone(s.enqueue({ kind: 'digest', noteId: null, revision: 0, target: chat, payload: { type: 'digest', items: [{ noteId: 'n1', title: 'One' }] } }), '7');
  s.putPost('n1', chat, '7', 0, true);
  expect(leaveDigest(s, 'n1', chat)).toBe(1);
  const { id } = s.sql("SELECT id FROM outbox WHERE kind = 'delete'").get() as { id: number };
  s.markSending(id);
  const del = s.outboxRow(id)!;
  s.enqueue({ kind: 'digest', noteId: null, revision: 0, target: chat, payload: { type: 'digest', items: [{ noteId: 'n1', title: 'Two' }, { noteId: 'n2', title: 'Other' }] } });
  await failed(s, del, TOO_OLD);
  const edit = s.openDelivery(del.noteId!, chat, ['edit'])!;
  expect(s.status().failures.find((f) => f.id === del.id)?.error).toMatch(new RegExp(`delivery #${edit.id} edits it to show it`));
  return { del, edit };
}

it('the line given back, then its note deleted again before the edit went: the edit is skipped and status no longer says it edits the message', async () => {
  const s = newStore();
  const { del, edit } = await lineGivenBack(s);
  // n1 deleted again before that edit went: the message's delete is queued again, the edit does not go.
  expect(leaveDigest(s, 'n1', chat)).toBe(1);
  expect(s.outboxRow(edit.id)!.status).toBe('skipped');
  const line = s.status().failures.find((f) => f.id === del.id)?.error ?? '';
  expect(line, 'the failed delete\'s status line').not.toMatch(new RegExp(`delivery #${edit.id} edits it to show it`));
});

it('the line given back, then that edit refused for good: status no longer says it edits the message', async () => {
  const s = newStore();
  const { del, edit } = await lineGivenBack(s);
  s.markSending(edit.id);
  await failed(s, s.outboxRow(edit.id)!, { kind: 'rejected', reason: 'telegram editMessageText: 400 Bad Request: some refusal' });
  expect(s.outboxRow(edit.id)!.status).toBe('failed');
  const line = s.status().failures.find((f) => f.id === del.id)?.error ?? '';
  expect(line, 'the failed delete\'s status line').not.toMatch(new RegExp(`delivery #${edit.id} edits it to show it`));
});
