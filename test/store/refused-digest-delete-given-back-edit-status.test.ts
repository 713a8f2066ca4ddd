/**
 * Review rv32-b R2 (issue 25, s32-tk): what `status` says of a digest message's refused delete once the edit that took
 * back a returning note's line (publish/digest-lines-back.ts) did not go. The note deleted again before that edit went:
 * the edit is skipped, yet the failed delete's line still says "delivery #E edits it to show it", as the edit made of a
 * post said "edits the message that stayed" until it was rewritten when its fate changed (refused-delete-shadow-afterwards.test.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { recordFailure, type FailureDeps } from '../../src/publish/outcomes.js';
import type { FailureClass } from '../../src/publish/port.js';
import { silentLogger } from '../../src/log.js';
import type { OutboxRow } from '../../src/store/types.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function failed(s: Store, row: OutboxRow, f: FailureClass): Promise<void> {
  const d: FailureDeps = { store: s, log: silentLogger(), onEvent: () => {}, now: Date.now, opts: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10 }, record: async (_c, write) => write(), tokenRefused: () => {} };
  await recordFailure(d, row, f, { delivery: row.id, note: row.noteId, target: `${row.target.platform}:${row.target.chat}`, kind: row.kind, attempt: row.attempts + 1 });
}

const TOO_OLD: FailureClass = { kind: 'rejected', reason: "telegram deleteMessage: 400 Bad Request: message can't be deleted" };
const chat = { platform: 'telegram' as const, chat: '-100777', thread: '' };

it('the line given back, then its note deleted again before the edit went: the edit is skipped and status no longer says it edits the message', async () => {
  const { leaveDigest } = await import('../../src/publish/digest-lines.js');
  const dir = mkdtempSync(path.join(tmpdir(), 'notecast-rv32b-'));
  dirs.push(dir);
  const s = new Store(path.join(dir, 'state.db'));
  try {
    s.markDone(s.enqueue({ kind: 'digest', noteId: null, revision: 0, target: chat, payload: { type: 'digest', items: [{ noteId: 'n1', title: 'One' }] } }), '7');
    s.putPost('n1', chat, '7', 0, true);
    expect(leaveDigest(s, 'n1', chat)).toBe(1);
    const del = s.sql("SELECT id FROM outbox WHERE kind = 'delete'").get() as { id: number };
    s.markSending(del.id);
    const delRow = s.outboxRow(del.id)!;
    s.enqueue({ kind: 'digest', noteId: null, revision: 0, target: chat, payload: { type: 'digest', items: [{ noteId: 'n1', title: 'Two' }, { noteId: 'n2', title: 'Other' }] } });
    await failed(s, delRow, TOO_OLD);
    const edit = s.openDelivery(delRow.noteId!, chat, ['edit'])!;
    expect(s.status().failures.find((f) => f.id === del.id)?.error).toMatch(new RegExp(`delivery #${edit.id} edits it to show it`));
    // n1 deleted again before that edit went: the message's delete is queued again, the edit does not go.
    expect(leaveDigest(s, 'n1', chat)).toBe(1);
    expect(s.outboxRow(edit.id)!.status).toBe('skipped');
    const line = s.status().failures.find((f) => f.id === del.id)?.error ?? '';
    expect(line, 'the failed delete\'s status line').not.toMatch(new RegExp(`delivery #${edit.id} edits it to show it`));
  } finally {
    s.close();
  }
});

it('the line given back, then that edit refused for good: status no longer says it edits the message', async () => {
  const { leaveDigest } = await import('../../src/publish/digest-lines.js');
  const dir = mkdtempSync(path.join(tmpdir(), 'notecast-rv32b-'));
  dirs.push(dir);
  const s = new Store(path.join(dir, 'state.db'));
  try {
    s.markDone(s.enqueue({ kind: 'digest', noteId: null, revision: 0, target: chat, payload: { type: 'digest', items: [{ noteId: 'n1', title: 'One' }] } }), '7');
    s.putPost('n1', chat, '7', 0, true);
    expect(leaveDigest(s, 'n1', chat)).toBe(1);
    const del = s.sql("SELECT id FROM outbox WHERE kind = 'delete'").get() as { id: number };
    s.markSending(del.id);
    const delRow = s.outboxRow(del.id)!;
    s.enqueue({ kind: 'digest', noteId: null, revision: 0, target: chat, payload: { type: 'digest', items: [{ noteId: 'n1', title: 'Two' }, { noteId: 'n2', title: 'Other' }] } });
    await failed(s, delRow, TOO_OLD);
    const edit = s.openDelivery(delRow.noteId!, chat, ['edit'])!;
    s.markSending(edit.id);
    await failed(s, s.outboxRow(edit.id)!, { kind: 'rejected', reason: 'telegram editMessageText: 400 Bad Request: some refusal' });
    expect(s.outboxRow(edit.id)!.status).toBe('failed');
    const line = s.status().failures.find((f) => f.id === del.id)?.error ?? '';
    expect(line, 'the failed delete\'s status line').not.toMatch(new RegExp(`delivery #${edit.id} edits it to show it`));
  } finally {
    s.close();
  }
});
