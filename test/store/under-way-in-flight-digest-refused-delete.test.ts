/**
 * A digest changed in flight, its message's delete refused (review rv32-b R3, issue 25): "the lines a digest message shows" is read from its row's payload
 * (store/under-way.ts digestsListingLineShown, postsOfDigestNotesBehind). A burst's digest whose line's note was
 * deleted while the digest was in flight (fx26d, digest-lines.ts followInWaitingDigest) goes out as it was, showing that
 * line, but its row's payload is rewritten to the lines left (none): its message's delete is queued at once
 * (recordSentDigest). Should that delete be refused for good (a Discord forum post without Manage Threads: a fresh
 * message, no 48 hours needed), the note back in a digest queued behind it is not given to the message that shows it:
 * it shows twice, and nothing says so.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { recordFailure, type FailureDeps } from '../../src/publish/outcomes.js';
import type { FailureClass } from '../../src/publish/port.js';
import { silentLogger } from '../../src/log.js';
import type { DigestItem, OutboxRow } from '../../src/store/types.js';
import { tempFolder } from '../helpers/temp-folder.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function failed(s: Store, row: OutboxRow, f: FailureClass): Promise<void> {
  const d: FailureDeps = { store: s, log: silentLogger(), onEvent: () => {}, now: Date.now, opts: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10 }, record: async (_c, write) => write(), tokenRefused: () => {} };
  await recordFailure(d, row, f, { delivery: row.id, note: row.noteId, target: `${row.target.platform}:${row.target.chat}`, kind: row.kind, attempt: row.attempts + 1 });
}

const NO_MANAGE_THREADS: FailureClass = { kind: 'rejected', reason: 'discord delete: 50013 Missing Permissions' };
const chat = { platform: 'discord' as const, chat: '900', thread: '' };

it('a digest whose only line went while it was in flight, its message\'s delete refused, the note back in a digest behind: the line goes to that message', async () => {
  const { followInWaitingDigest, recordSentDigest } = await import('../../src/publish/digest-lines.js');
  const dir = tempFolder('notecast-rv32b-');
  dirs.push(dir);
  const s = new Store(path.join(dir, 'state.db'));
  try {
    const d1 = s.enqueue({ kind: 'digest', noteId: null, revision: 0, target: chat, payload: { type: 'digest', items: [{ noteId: 'n1', title: 'One' }] } });
    s.markSending(d1);
    const sent = (s.outboxRow(d1)!.payload as { items: DigestItem[] }).items;
    // n1 deleted during the call: the digest goes out as it was; its row keeps the lines left (none).
    expect(followInWaitingDigest(s, 'n1', chat, undefined)).toBe(1);
    // Answered: message 7, showing "One" (deliverer.ts recordPost).
    s.transaction(() => {
      s.markDone(d1, '7');
      recordSentDigest(s, d1, chat, sent, '7');
    });
    const del = s.sql("SELECT id FROM outbox WHERE kind = 'delete'").get() as { id: number } | undefined;
    expect(del, 'the message\'s delete queued').toBeDefined();
    s.markSending(del!.id);
    const delRow = s.outboxRow(del!.id)!;
    // n1 back beside n2 while that delete is under way: one digest listing both, behind it.
    const d2 = s.enqueue({ kind: 'digest', noteId: null, revision: 0, target: chat, payload: { type: 'digest', items: [{ noteId: 'n1', title: 'One again' }, { noteId: 'n2', title: 'Other' }] } });
    await failed(s, delRow, NO_MANAGE_THREADS);
    const line = s.status().failures.find((f) => f.id === delRow.id)?.error ?? '';
    console.log('RV32B status line:', line, '| digest behind:', JSON.stringify(s.outboxRow(d2)!.payload));
    // Message 7 shows "One": the digest behind gives n1's line up to it (as when the line went after the send).
    expect(s.outboxRow(d2)!.payload, `status: ${line}`).toMatchObject({ items: [{ noteId: 'n2', title: 'Other' }] });
  } finally {
    s.close();
  }
});

it('the same, the note back alone (a post behind the delete): that message is edited to show it, never a second one', async () => {
  const { followInWaitingDigest, recordSentDigest } = await import('../../src/publish/digest-lines.js');
  const dir = tempFolder('notecast-rv32b-');
  dirs.push(dir);
  const s = new Store(path.join(dir, 'state.db'));
  try {
    const d1 = s.enqueue({ kind: 'digest', noteId: null, revision: 0, target: chat, payload: { type: 'digest', items: [{ noteId: 'n1', title: 'One' }] } });
    s.markSending(d1);
    const sent = (s.outboxRow(d1)!.payload as { items: DigestItem[] }).items;
    expect(followInWaitingDigest(s, 'n1', chat, undefined)).toBe(1);
    s.transaction(() => {
      s.markDone(d1, '7');
      recordSentDigest(s, d1, chat, sent, '7');
    });
    const del = s.sql("SELECT id FROM outbox WHERE kind = 'delete'").get() as { id: number };
    s.markSending(del.id);
    const delRow = s.outboxRow(del.id)!;
    const summary = { title: 'One again', keyPoints: [], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 };
    const back = s.enqueue({ kind: 'post', noteId: 'n1', revision: 3, target: chat, payload: { type: 'summary', summary } });
    await failed(s, delRow, NO_MANAGE_THREADS);
    console.log('RV32B post behind:', JSON.stringify({ kind: s.outboxRow(back)!.kind, status: s.outboxRow(back)!.status }));
    expect(s.outboxRow(back)!.kind, 'the post behind the refused delete').toBe('edit');
  } finally {
    s.close();
  }
});
