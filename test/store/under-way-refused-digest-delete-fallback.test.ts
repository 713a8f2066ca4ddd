/**
 * Review rv32-b R4 (issue 25): a digest message's delete that left its message judges "a digest behind still lists a
 * line the message shows" (store/left-messages.ts digestsStillListingLineShown) instead of hard-coding none, so the
 * `not.toMatch(/shows it twice/)` assertions on these shapes can fail. Here the fallback fires (before the give-back,
 * the digest behind lists the line) and is quiet once the line was given back.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { recordFailure, type FailureDeps } from '../../src/publish/outcomes.js';
import { digestsStillListingLineShown } from '../../src/store/left-messages.js';
import { leaveDigest } from '../../src/publish/digest-lines.js';
import { silentLogger } from '../../src/log.js';
import { tempFolder } from '../helpers/temp-folder.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const chat = { platform: 'telegram' as const, chat: '-100777', thread: '' };

it('a digest behind listing the line the message shows is found (the loud fallback fires), and none once that line was given back', async () => {
  const dir = tempFolder('notecast-fallback-');
  dirs.push(dir);
  const s = new Store(path.join(dir, 'state.db'));
  try {
    s.markDone(s.enqueue({ kind: 'digest', noteId: null, revision: 0, target: chat, payload: { type: 'digest', items: [{ noteId: 'n1', title: 'One' }] } }), '7');
    s.putPost('n1', chat, '7', 0, true);
    expect(leaveDigest(s, 'n1', chat)).toBe(1);
    const del = s.sql("SELECT id FROM outbox WHERE kind = 'delete'").get() as { id: number };
    s.markSending(del.id);
    const delRow = s.outboxRow(del.id)!;
    const behind = s.enqueue({ kind: 'digest', noteId: null, revision: 0, target: chat, payload: { type: 'digest', items: [{ noteId: 'n1', title: 'Two' }, { noteId: 'n2', title: 'Other' }] } });
    const row = { id: delRow.id, noteId: delRow.noteId!, target: chat };
    expect(digestsStillListingLineShown(s.sql, row), 'before the give-back: the digest behind shows n1 twice').toEqual([behind]);
    const d: FailureDeps = { store: s, log: silentLogger(), onEvent: () => {}, now: Date.now, opts: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10 }, record: async (_c, write) => write(), tokenRefused: () => {} };
    await recordFailure(d, delRow, { kind: 'rejected', reason: "telegram deleteMessage: 400 Bad Request: message can't be deleted" }, { delivery: delRow.id, note: delRow.noteId, target: 'telegram:-100777', kind: 'delete', attempt: 1 });
    expect(digestsStillListingLineShown(s.sql, row), 'after the give-back').toEqual([]);
    const line = s.status().failures.find((f) => f.id === del.id)?.error ?? '';
    expect(line).toMatch(/gave the line up to it/);
    expect(line).not.toMatch(/shows it twice/);
  } finally {
    s.close();
  }
});
