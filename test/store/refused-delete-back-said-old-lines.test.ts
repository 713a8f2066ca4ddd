/**
 * Review rv34-a R3 (df2dd25a changed shadowEditSaid's text): a failed delete's line written before that change (a state
 * database kept across the upgrade, its edit back still pending) says "delivery #N edits the message that stayed instead
 * of posting it again" without the new parenthesis. Every reader that finds that line by the text (sayOfShadowEdit's
 * replace, sayOnFailedDelete's once-check) now looks for the new text: the line is no longer kept true, and is said twice.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { recordFailure, type FailureDeps } from '../../src/publish/outcomes.js';
import type { FailureClass } from '../../src/publish/port.js';
import { silentLogger } from '../../src/log.js';
import type { OutboxRow, SummaryPayload } from '../../src/store/types.js';
import { editOfLeftMessage, queueEdit } from '../../src/publish/undone-delete.js';
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
/** What the version before df2dd25a wrote on the failed delete's line (store/under-way.ts shadowEditSaid at 2627897). */
const OLD_TEXT = (id: number) => `delivery #${id} edits the message that stayed instead of posting it again`;
const NEW_PART = " (the note's message now: do not delete it by hand)";

/** A note's message (`n1`) posted as message 7, its delete refused for good with the note's post queued behind it, the line as the old version wrote it. */
async function leftByOldVersion(s: Store): Promise<{ del: number; back: number }> {
  s.markDone(s.enqueue({ kind: 'post', noteId: 'n1', revision: 1, target: chat, payload: payload('One') }), '7');
  s.putPost('n1', chat, '7', 1);
  const del = s.enqueue({ kind: 'delete', noteId: 'n1', revision: 2, target: chat, payload: { type: 'delete' } });
  s.markSending(del);
  const back = s.enqueue({ kind: 'post', noteId: 'n1', revision: 3, target: chat, payload: payload('Two') });
  await failed(s, s.outboxRow(del)!, TOO_OLD);
  expect(s.outboxRow(back)!.kind).toBe('edit'); // the post made an edit of the message that stayed
  s.sql('UPDATE outbox SET last_error = replace(last_error, ?, ?) WHERE id = ?').run(NEW_PART, '', del);
  expect(s.status().failures.find((f) => f.id === del)?.error).toContain(`meanwhile: ${OLD_TEXT(back)}`);
  return { del, back };
}

function store(): Store {
  const dir = tempFolder('notecast-back-said-old-');
  dirs.push(dir);
  return new Store(path.join(dir, 'state.db'));
}

it('R3a: the edit back skipped after the upgrade (the note went again): the old line no longer says it edits the message', async () => {
  const s = store();
  try {
    const { del, back } = await leftByOldVersion(s);
    s.markDone(back, null, 'skipped', 'the note went again before its edit was sent');
    const line = s.status().failures.find((f) => f.id === del)?.error ?? '';
    expect(line).toContain(`delivery #${back} was to edit it and did not`);
    expect(line).not.toContain(OLD_TEXT(back));
  } finally {
    s.close();
  }
});

it('R3b: the note saved again after the upgrade, its edit back still pending: the line names that edit once', async () => {
  const s = store();
  try {
    const { del, back } = await leftByOldVersion(s);
    const edit = editOfLeftMessage(s.sql, 'n1', chat, payload('Three'));
    expect(edit.insteadOfPost).toBe(true);
    queueEdit(s, silentLogger(), { noteId: 'n1', target: chat, revision: 4, payload: edit }, back);
    const line = s.status().failures.find((f) => f.id === del)?.error ?? '';
    expect(line.split(`delivery #${back} edits`).length - 1, line).toBe(1);
  } finally {
    s.close();
  }
});

/** The line as df2dd25a wrote it: the advice stored after the edit's text (status renders it now, from the current state). */
async function leftByDf2dd25a(s: Store): Promise<{ del: number; back: number }> {
  const ids = await leftByOldVersion(s);
  s.sql('UPDATE outbox SET last_error = replace(last_error, ?, ?) WHERE id = ?').run(OLD_TEXT(ids.back), OLD_TEXT(ids.back) + NEW_PART, ids.del);
  return ids;
}

it('a line df2dd25a wrote (the advice stored): the edit back skipped, the line says so with no advice left behind', async () => {
  const s = store();
  try {
    const { del, back } = await leftByDf2dd25a(s);
    s.markDone(back, null, 'skipped', 'the note went again before its edit was sent');
    const line = s.status().failures.find((f) => f.id === del)?.error ?? '';
    expect(line).toContain(`delivery #${back} was to edit it and did not`);
    expect(line).not.toContain('do not delete it by hand');
  } finally {
    s.close();
  }
});

it('the advice follows the note: while it stays, do not delete by hand; once a later delete of it is queued, that delete is named instead (said once)', async () => {
  const s = store();
  try {
    const { del, back } = await leftByDf2dd25a(s);
    const stays = s.status().failures.find((f) => f.id === del)?.error ?? '';
    expect(stays.split(NEW_PART).length - 1, stays).toBe(1);
    s.markDone(back, null, 'done');
    const again = s.enqueue({ kind: 'delete', noteId: 'n1', revision: 5, target: chat, payload: { type: 'delete' } });
    const gone = s.status().failures.find((f) => f.id === del)?.error ?? '';
    expect(gone).not.toContain('do not delete it by hand');
    expect(gone).toContain(`${OLD_TEXT(back)} (its note went again afterwards: delivery #${again} deletes the message)`);
  } finally {
    s.close();
  }
});
