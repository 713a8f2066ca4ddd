/**
 * Issue 25: a delete that ends without deleting its message (refused for good, its attempts spent) judges again what
 * was decided in its shadow (store/under-way.ts rejudgeShadowOf, publish/undone-delete.ts), in the store alone: which
 * rows change, which do not, and what `status` is told.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { postAfterAll } from '../../src/store/under-way.js';
import { markFailedJudgingShadow } from '../../src/publish/undone-delete.js';
import type { OutboxRow, SummaryPayload } from '../../src/store/types.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function store(): Store {
  const dir = mkdtempSync(path.join(tmpdir(), 'notecast-shadow-'));
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

it('a post of the note queued behind a delete that left its message becomes an edit of it, due now; other rows stay as queued', () => {
  const s = store();
  try {
    const del = withDeleteUnderWay(s);
    const digestAt = Date.now() + 3_600_000;
    const back = s.enqueue({ kind: 'post', noteId: 'f:n1', revision: 3, target: chat, payload: payload('Two', { digestAt, pin: true }), notBefore: digestAt });
    const elsewhere = s.enqueue({ kind: 'post', noteId: 'f:n1', revision: 3, target: other, payload: payload('Two') });
    const another = s.enqueue({ kind: 'post', noteId: 'f:n2', revision: 1, target: chat, payload: payload('Other') });
    const shadow = markFailedJudgingShadow(s, del, "telegram deleteMessage: 400 Bad Request: message can't be deleted");
    expect(shadow).toEqual({ edits: [back], twice: [] });
    const edit = s.outboxRow(back)!;
    expect({ kind: edit.kind, payload: edit.payload }).toEqual({ kind: 'edit', payload: payload('Two', { pin: true, insteadOfPost: true }) });
    expect(edit.nextAttemptAt).toBeLessThanOrEqual(Date.now()); // no longer held for the digest: it would hold the chat's queue
    expect([s.outboxRow(elsewhere)!.kind, s.outboxRow(another)!.kind]).toEqual(['post', 'post']);
    expect(s.status().failures.find((f) => f.id === del.id)?.error).toBe(`telegram deleteMessage: 400 Bad Request: message can't be deleted; its note came back meanwhile: delivery #${back} edits the message that stayed instead of posting it again`);
    // A later change of the note replaces the edit's content, and it stays an edit instead of a post.
    s.replacePayload(back, 4, payload('Three'));
    expect(s.outboxRow(back)!.payload).toEqual(payload('Three', { insteadOfPost: true }));
  } finally {
    s.close();
  }
});

it('a digest listing the note queued behind it cannot be undone so: said on the failed delete in status', () => {
  const s = store();
  try {
    const del = withDeleteUnderWay(s);
    const digest = s.enqueue({ kind: 'digest', noteId: null, revision: 0, target: chat, payload: { type: 'digest', items: [{ noteId: 'f:n2', title: 'Other' }, { noteId: 'f:n1', title: 'Two' }] } });
    expect(markFailedJudgingShadow(s, del, 'gave up after 5 attempts: telegram 502')).toEqual({ edits: [], twice: [digest] });
    expect(s.status().failures.find((f) => f.id === del.id)?.error).toMatch(new RegExp(`in digest #${digest}: the chat shows it twice`));
    expect(s.outboxRow(digest)!.kind).toBe('digest');
  } finally {
    s.close();
  }
});

it('with no message of the note recorded there, what is queued goes as decided', () => {
  const s = store();
  try {
    const del = withDeleteUnderWay(s);
    s.dropPost('f:n1', chat);
    const back = s.enqueue({ kind: 'post', noteId: 'f:n1', revision: 3, target: chat, payload: payload('Two') });
    expect(markFailedJudgingShadow(s, del, 'refused')).toEqual({ edits: [], twice: [] });
    expect(s.outboxRow(back)!.kind).toBe('post');
  } finally {
    s.close();
  }
});

it('an edit instead of a post that finds its message gone is the post again, due now, and the message forgotten', () => {
  const s = store();
  try {
    const del = withDeleteUnderWay(s);
    const back = s.enqueue({ kind: 'post', noteId: 'f:n1', revision: 3, target: chat, payload: payload('Two') });
    markFailedJudgingShadow(s, del, 'refused');
    const edit = s.outboxRow(back)!;
    s.markSending(back);
    if (edit.kind !== 'edit' || edit.payload.type !== 'summary') throw new Error('not an edit');
    postAfterAll(s.sql, { ...edit, payload: edit.payload });
    const post = s.outboxRow(back)!;
    expect({ kind: post.kind, status: post.status, attempts: post.attempts, payload: post.payload }).toEqual({ kind: 'post', status: 'pending', attempts: 0, payload: payload('Two') });
    expect(s.postOf('f:n1', chat)).toBeUndefined();
  } finally {
    s.close();
  }
});
