/**
 * Issue 25: a delete that ends without deleting its message (refused for good, its attempts spent) judges again what
 * was decided in its shadow (publish/undone-delete.ts, publish/left-message-back.ts), through the outcome writer
 * (publish/outcomes.ts recordFailure) on a real store: which rows change, which do not, and what `status` is told.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { recordFailure, type FailureDeps } from '../../src/publish/outcomes.js';
import type { FailureClass } from '../../src/publish/port.js';
import { silentLogger } from '../../src/log.js';
import type { OutboxRow, SummaryPayload } from '../../src/store/types.js';
import { tempFolder } from '../helpers/temp-folder.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** What the deliverer records after a failed call of `row` (one attempt allowed: a transient failure spends it). */
async function failed(s: Store, row: OutboxRow, f: FailureClass): Promise<void> {
  const d: FailureDeps = { store: s, log: silentLogger(), onEvent: () => {}, now: Date.now, opts: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10 }, record: async (_c, write) => write(), tokenRefused: () => {} };
  await recordFailure(d, row, f, { delivery: row.id, note: row.noteId, target: `${row.target.platform}:${row.target.chat}`, kind: row.kind, attempt: row.attempts + 1 });
}

const TOO_OLD: FailureClass = { kind: 'rejected', reason: "telegram deleteMessage: 400 Bad Request: message can't be deleted" };

function store(): Store {
  const dir = tempFolder('notecast-shadow-');
  dirs.push(dir);
  return new Store(path.join(dir, 'state.db'));
}

const chat = { platform: 'telegram' as const, chat: '-100777', thread: '' };
const other = { platform: 'telegram' as const, chat: '-100888', thread: '' };
const summary = (title: string) => ({ title, keyPoints: [], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 });
const payload = (title: string, extra: Partial<SummaryPayload> = {}): SummaryPayload => ({ type: 'summary', summary: summary(title), ...extra });

/** The family's message (`f:n1`) posted in `chat` as message 7, then its delete sent (under way). */
function withDeleteUnderWay(s: Store): OutboxRow {
  s.markDone(s.enqueue({ kind: 'post', noteId: 'f:n1', revision: 1, target: chat, payload: payload('One') }), '7');
  s.putPost('f:n1', chat, '7', 1);
  const del = s.enqueue({ kind: 'delete', noteId: 'f:n1', revision: 2, target: chat, payload: { type: 'delete' } });
  s.markSending(del);
  return s.outboxRow(del)!;
}

it('a post of the note queued behind a delete refused for good becomes an edit of the message that stayed, due now; other rows stay as queued', async () => {
  const s = store();
  try {
    const del = withDeleteUnderWay(s);
    const digestAt = Date.now() + 3_600_000;
    const back = s.enqueue({ kind: 'post', noteId: 'f:n1', revision: 3, target: chat, payload: payload('Two', { digestAt, pin: true }), notBefore: digestAt });
    const elsewhere = s.enqueue({ kind: 'post', noteId: 'f:n1', revision: 3, target: other, payload: payload('Two') });
    const another = s.enqueue({ kind: 'post', noteId: 'f:n2', revision: 1, target: chat, payload: payload('Other') });
    await failed(s, del, TOO_OLD);
    const edit = s.outboxRow(back)!;
    expect({ kind: edit.kind, payload: edit.payload }).toEqual({ kind: 'edit', payload: payload('Two', { pin: true, insteadOfPost: true }) });
    expect(edit.nextAttemptAt).toBeLessThanOrEqual(Date.now()); // no longer held for the digest: it would hold the chat's queue
    expect([s.outboxRow(elsewhere)!.kind, s.outboxRow(another)!.kind]).toEqual(['post', 'post']);
    expect(s.status().failures.find((f) => f.id === del.id)?.error).toBe(`telegram deleteMessage: 400 Bad Request: message can't be deleted; its note came back meanwhile: delivery #${back} edits the message that stayed instead of posting it again (the note's message now: do not delete it by hand)`);
    // A later change of the note replaces the edit's content, and it stays an edit instead of a post.
    s.replacePayload(back, 4, payload('Three'));
    expect(s.outboxRow(back)!.payload).toEqual(payload('Three', { insteadOfPost: true }));
  } finally {
    s.close();
  }
});

it('a delete whose attempts are spent does the same; a digest listing the note behind it cannot be undone so: said on the failed delete in status', async () => {
  const s = store();
  try {
    const del = withDeleteUnderWay(s);
    const digest = s.enqueue({ kind: 'digest', noteId: null, revision: 0, target: chat, payload: { type: 'digest', items: [{ noteId: 'f:n2', title: 'Other' }, { noteId: 'f:n1', title: 'Two' }] } });
    const back = s.enqueue({ kind: 'post', noteId: 'f:n1', revision: 4, target: chat, payload: payload('Three') });
    await failed(s, del, { kind: 'transient', reason: 'telegram deleteMessage: 502 Bad Gateway' });
    expect(s.outboxRow(del.id)!.status).toBe('failed');
    expect(s.outboxRow(back)!.kind).toBe('edit');
    expect(s.status().failures.find((f) => f.id === del.id)?.error).toMatch(new RegExp(`^gave up after \\d+ attempts: .*; its note came back meanwhile: delivery #${back} edits .*; its note came back meanwhile in digest #${digest}: the chat shows it twice`));
    expect(s.outboxRow(digest)!.kind).toBe('digest');
  } finally {
    s.close();
  }
});

it('with no message of the note recorded there, what is queued goes as decided', async () => {
  const s = store();
  try {
    const del = withDeleteUnderWay(s);
    s.dropPost('f:n1', chat);
    const back = s.enqueue({ kind: 'post', noteId: 'f:n1', revision: 3, target: chat, payload: payload('Two') });
    await failed(s, del, TOO_OLD);
    expect(s.outboxRow(back)!.kind).toBe('post');
    expect(s.status().failures.find((f) => f.id === del.id)?.error).toBe(TOO_OLD.reason);
  } finally {
    s.close();
  }
});

it('an edit instead of a post that finds its message gone is the post again, due now, and the message forgotten', async () => {
  const s = store();
  try {
    const del = withDeleteUnderWay(s);
    const back = s.enqueue({ kind: 'post', noteId: 'f:n1', revision: 3, target: chat, payload: payload('Two') });
    await failed(s, del, TOO_OLD);
    s.markSending(back);
    await failed(s, s.outboxRow(back)!, { kind: 'gone', reason: 'telegram editMessageText: 400 Bad Request: message to edit not found' });
    const post = s.outboxRow(back)!;
    expect({ kind: post.kind, status: post.status, attempts: post.attempts, payload: post.payload }).toEqual({ kind: 'post', status: 'pending', attempts: 0, payload: payload('Two') });
    expect(s.postOf('f:n1', chat)).toBeUndefined();
  } finally {
    s.close();
  }
});
