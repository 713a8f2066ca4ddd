/**
 * Issue 25 (review rv-2, R2-R4): what follows a delete that ended without deleting: what `status` says once the edit
 * made of the post in its shadow found the message gone and was posted after all; a digest message's refused delete
 * with a post of the note it listed queued behind; replacePayload keeping a new payload's `insteadOfPost`.
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

async function failed(s: Store, row: OutboxRow, f: FailureClass): Promise<void> {
  const d: FailureDeps = { store: s, log: silentLogger(), onEvent: () => {}, now: Date.now, opts: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10 }, record: async (_c, write) => write(), tokenRefused: () => {} };
  await recordFailure(d, row, f, { delivery: row.id, note: row.noteId, target: `${row.target.platform}:${row.target.chat}`, kind: row.kind, attempt: row.attempts + 1 });
}

const TOO_OLD: FailureClass = { kind: 'rejected', reason: "telegram deleteMessage: 400 Bad Request: message can't be deleted" };
const chat = { platform: 'telegram' as const, chat: '-100777', thread: '' };
const summary = (title: string) => ({ title, keyPoints: [], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 });
const payload = (title: string, extra: Partial<SummaryPayload> = {}): SummaryPayload => ({ type: 'summary', summary: summary(title), ...extra });

function store(): Store {
  const dir = tempFolder('notecast-shadow-after-');
  dirs.push(dir);
  return new Store(path.join(dir, 'state.db'));
}

function withDeleteUnderWay(s: Store): OutboxRow {
  s.markDone(s.enqueue({ kind: 'post', noteId: 'n1', revision: 1, target: chat, payload: payload('One') }), '7');
  s.putPost('n1', chat, '7', 1);
  const del = s.enqueue({ kind: 'delete', noteId: 'n1', revision: 2, target: chat, payload: { type: 'delete' } });
  s.markSending(del);
  return s.outboxRow(del)!;
}

it('once the edit made of the post finds the message gone and is posted after all, status no longer says it edits the message that stayed', async () => {
  const s = store();
  try {
    const del = withDeleteUnderWay(s);
    const back = s.enqueue({ kind: 'post', noteId: 'n1', revision: 3, target: chat, payload: payload('Two') });
    await failed(s, del, TOO_OLD);
    s.markSending(back);
    await failed(s, s.outboxRow(back)!, { kind: 'gone', reason: 'telegram editMessageText: 400 Bad Request: message to edit not found' });
    expect(s.outboxRow(back)!.kind).toBe('post'); // posted after all
    const line = s.status().failures.find((f) => f.id === del.id)?.error ?? '';
    expect(line).not.toMatch(new RegExp(`delivery #${back} edits the message that stayed instead of posting it again`));
    expect(line).toMatch(new RegExp(`delivery #${back} was to edit the message that stayed, found it gone after all, and posts the note`));
  } finally {
    s.close();
  }
});

it('replacePayload onto a pending edit keeps the new payload\'s insteadOfPost (kept-messages.ts passes it that way)', () => {
  const s = store();
  try {
    s.markDone(s.enqueue({ kind: 'post', noteId: 'n1', revision: 1, target: chat, payload: payload('One') }), '7');
    s.putPost('n1', chat, '7', 1);
    const edit = s.enqueue({ kind: 'edit', noteId: 'n1', revision: 2, target: chat, payload: payload('Two') });
    s.replacePayload(edit, 3, payload('Three', { insteadOfPost: true }));
    expect(s.outboxRow(edit)!.payload).toEqual(payload('Three', { insteadOfPost: true }));
  } finally {
    s.close();
  }
});

it('a note announced in a digest alone: the digest message\'s delete refused for good, the note back posted behind it: that message is edited to show it, never a second one', async () => {
  const { leaveDigest } = await import('../../src/publish/digest-lines.js');
  const s = store();
  try {
    // The note's line in digest message 7 (its only line), as deliverer/digest-lines record a digest.
    s.markDone(s.enqueue({ kind: 'digest', noteId: null, revision: 0, target: chat, payload: { type: 'digest', items: [{ noteId: 'n1', title: 'One' }] } }), '7');
    s.putPost('n1', chat, '7', 0, true);
    expect(leaveDigest(s, 'n1', chat)).toBe(1); // the note deleted: its digest's last line: the digest message's delete
    const del = s.sql("SELECT id FROM outbox WHERE kind = 'delete'").get() as { id: number };
    s.markSending(del.id);
    const delRow = s.outboxRow(del.id)!;
    expect(delRow.noteId).not.toBe('n1'); // keyed by the digest message, not the note
    // The note back while that delete is under way: nothing of n1 is recorded there, no delete of n1 under way: a post.
    const back = s.enqueue({ kind: 'post', noteId: 'n1', revision: 3, target: chat, payload: payload('Two', { digestAt: Date.now() + 3_600_000 }) });
    await failed(s, delRow, TOO_OLD);
    // The digest message stays: the post becomes its edit (due now, not held), and the message is the note's from now on.
    expect(s.outboxRow(back)).toMatchObject({ kind: 'edit', status: 'pending', payload: payload('Two', { insteadOfPost: true }) });
    expect(s.outboxRow(back)!.nextAttemptAt).toBeLessThanOrEqual(Date.now());
    expect(s.postOf('n1', chat)).toMatchObject({ messageId: '7', viaDigest: false });
    expect(s.postOf(delRow.noteId!, chat)).toBeUndefined();
    const line = s.status().failures.find((f) => f.id === del.id)?.error ?? '';
    expect(line).toMatch(new RegExp(`delivery #${back} edits the message that stayed instead of posting it again`));
    expect(line).not.toMatch(/twice/);
    // Should that edit find the message gone after all, the note is posted, and the line says so.
    s.markSending(back);
    await failed(s, s.outboxRow(back)!, { kind: 'gone', reason: 'telegram editMessageText: 400 Bad Request: message to edit not found' });
    expect(s.outboxRow(back)).toMatchObject({ kind: 'post', status: 'pending' });
    expect(s.postOf('n1', chat)).toBeUndefined();
    expect(s.status().failures.find((f) => f.id === del.id)?.error).toMatch(new RegExp(`delivery #${back} was to edit the message that stayed, found it gone after all, and posts the note`));
  } finally {
    s.close();
  }
});

it('a digest message\'s delete refused for good, its note back as a line of a digest queued behind it: the line goes to that message (posted in a digest should it be gone after all)', async () => {
  const { leaveDigest, followInDigest } = await import('../../src/publish/digest-lines.js');
  const s = store();
  try {
    s.markDone(s.enqueue({ kind: 'digest', noteId: null, revision: 0, target: chat, payload: { type: 'digest', items: [{ noteId: 'n1', title: 'One' }] } }), '7');
    s.putPost('n1', chat, '7', 0, true);
    expect(leaveDigest(s, 'n1', chat)).toBe(1); // its last line gone: the digest message's delete
    const del = s.sql("SELECT id FROM outbox WHERE kind = 'delete'").get() as { id: number };
    s.markSending(del.id);
    const delRow = s.outboxRow(del.id)!;
    // The note back beside a new one while that delete is under way: one digest listing both, queued behind it.
    const digest = s.enqueue({ kind: 'digest', noteId: null, revision: 0, target: chat, payload: { type: 'digest', items: [{ noteId: 'n1', title: 'Two' }, { noteId: 'n2', title: 'Other' }] } });
    await failed(s, delRow, TOO_OLD);
    // The digest gives n1's line up; the message that stayed is edited to list it, and is its line from now on.
    expect(s.outboxRow(digest)).toMatchObject({ kind: 'digest', status: 'pending', payload: { items: [{ noteId: 'n2', title: 'Other' }] } });
    const edit = s.openDelivery(delRow.noteId!, chat, ['edit'])!;
    expect(edit.payload).toEqual({ type: 'digest', items: [{ noteId: 'n1', title: 'Two' }], insteadOfDigest: true });
    expect(s.postOf('n1', chat)).toMatchObject({ messageId: '7', viaDigest: true });
    const line = s.status().failures.find((f) => f.id === del.id)?.error ?? '';
    expect(line).toMatch(new RegExp(`digest #${digest} gave the line up to it \\(delivery #${edit.id} edits it to show it\\)`));
    expect(line).not.toMatch(/twice/);
    // n1 retitled before that edit goes: the edit takes the new line and still posts it should the message be gone.
    expect(followInDigest(s, 'n1', chat, { id: 'n1', info: { title: 'Three' } })).toBe(1);
    expect(s.outboxRow(edit.id)!.payload).toEqual({ type: 'digest', items: [{ noteId: 'n1', title: 'Three', member: 'n1' }], insteadOfDigest: true });
    // The message gone after all (the delete went through unanswered): the line is posted in a digest, and the line says so.
    s.markSending(edit.id);
    await failed(s, s.outboxRow(edit.id)!, { kind: 'gone', reason: 'telegram editMessageText: 400 Bad Request: message to edit not found' });
    expect(s.outboxRow(edit.id)).toMatchObject({ kind: 'digest', noteId: null, status: 'pending', payload: { type: 'digest', items: [{ noteId: 'n1', title: 'Three', member: 'n1' }] } });
    expect(s.outboxRow(edit.id)!.payload).not.toHaveProperty('insteadOfDigest');
    expect(s.postOf('n1', chat)).toBeUndefined();
    expect(s.postOf(delRow.noteId!, chat)).toBeUndefined();
    expect(s.status().failures.find((f) => f.id === del.id)?.error).toMatch(new RegExp(`delivery #${edit.id} was to edit it, found it gone after all, and posts the line in a digest`));
  } finally {
    s.close();
  }
});

/** Notes n1 and n2 sent as scheduled digest message 7 (their held posts), both deleted at once: that message's delete, sent. */
async function scheduledDigestDeleteUnderWay(s: Store): Promise<OutboxRow> {
  const { leaveDigest } = await import('../../src/publish/digest-lines.js');
  const digestAt = Date.now() - 1000;
  for (const [n, title] of [['n1', 'One'], ['n2', 'Two']] as const) {
    s.markDone(s.enqueue({ kind: 'post', noteId: n, revision: 1, target: chat, payload: payload(title, { digestAt }) }), '7');
    s.putPost(n, chat, '7', 1, true);
  }
  leaveDigest(s, 'n1', chat);
  leaveDigest(s, 'n2', chat); // no line left: the pending edit skipped, the message's delete queued
  const del = s.sql("SELECT id FROM outbox WHERE kind = 'delete'").get() as { id: number };
  s.markSending(del.id);
  return s.outboxRow(del.id)!;
}

it('a scheduled digest\'s message (never edited): its delete refused for good, a note it listed back in a burst\'s digest behind it: the line goes to that message', async () => {
  const s = store();
  try {
    const del = await scheduledDigestDeleteUnderWay(s);
    const digest = s.enqueue({ kind: 'digest', noteId: null, revision: 0, target: chat, payload: { type: 'digest', items: [{ noteId: 'n1', title: 'One again' }, { noteId: 'n3', title: 'Three' }] } });
    await failed(s, del, TOO_OLD);
    expect(s.outboxRow(digest)).toMatchObject({ status: 'pending', payload: { items: [{ noteId: 'n3', title: 'Three' }] } });
    expect(s.openDelivery(del.noteId!, chat, ['edit'])?.payload).toEqual({ type: 'digest', items: [{ noteId: 'n1', title: 'One again' }], insteadOfDigest: true });
    expect(s.status().failures.find((f) => f.id === del.id)?.error).toMatch(new RegExp(`digest #${digest} gave the line up to it`));
  } finally {
    s.close();
  }
});

it('a scheduled digest\'s message (never edited): its delete refused for good, a note it listed back as a post behind it: that message is edited to show it', async () => {
  const s = store();
  try {
    const del = await scheduledDigestDeleteUnderWay(s);
    const back = s.enqueue({ kind: 'post', noteId: 'n2', revision: 2, target: chat, payload: payload('Two again') });
    await failed(s, del, TOO_OLD);
    expect(s.outboxRow(back)).toMatchObject({ kind: 'edit', status: 'pending', payload: payload('Two again', { insteadOfPost: true }) });
    expect(s.postOf('n2', chat)).toMatchObject({ messageId: '7', viaDigest: false });
  } finally {
    s.close();
  }
});
