/**
 * Issue 25 (review rv-2, R1): a delete refused for good leaves the note's message; someone then deletes it in the chat
 * (an admin, or a timed-out delete of ours that went through); the note is written back retitled. It must be shown
 * (posted) in both translations modes: `group` made the note back a plain edit of the family's message (family-outbox.ts),
 * which found the message gone and was dropped as an edit not sent, so the chat showed nothing.
 * Harness: test/helpers/refusing-chat.ts (the fakes refuse the delete and hold the refusal until the test lets it go).
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import type { FakeTelegram } from '../fakes/telegram/server.js';
import { itWithFakes } from '../helpers/fakes.js';
import { REFUSING_TELEGRAM_TOKEN, telegramChat, type Chat } from '../helpers/refusing-chat.js';
import { fileParseThreads } from '../helpers/inproc.js';
import { killLeftoverServices, note } from '../helpers/service.js';

const parseThreads = fileParseThreads();
const it = itWithFakes({ telegram: { token: REFUSING_TELEGRAM_TOKEN } });
afterAll(killLeftoverServices);

/** Writes `n1.md` and waits until everything it caused is done. */
async function writeSettled(chat: Chat, title: string): Promise<void> {
  const from = chat.svc.events.length;
  chat.svc.forgetBatched(['n1.md']);
  writeFileSync(path.join(chat.notes, 'n1.md'), note(title, 'Words about lanterns by the river.'));
  await chat.svc.batched(['n1.md']);
  await chat.svc.idle(from, 20_000);
}

/** Deletes `n1.md` while its message's delete is refused (the refusal held until the removal is decided); then idle. */
async function refusedDelete(chat: Chat): Promise<void> {
  chat.refuseNextDelete();
  const logFrom = chat.svc.stderr.length;
  unlinkSync(path.join(chat.notes, 'n1.md'));
  await chat.svc.waitFor(() => /"action":"retract"/.test(chat.svc.stderr.slice(logFrom)), 20_000, 'the removal decided');
  await chat.svc.waitFor(() => chat.held() === 1, 20_000, 'the delete refused, its answer held');
  const from = chat.svc.events.length;
  chat.answer();
  await chat.svc.idle(from, 20_000);
  expect(chat.refused()).toBe(1); // the message stayed
}

describe.concurrent('a delete refused for good, its message then deleted in the chat, the note written back retitled after the refusal', () => {
  for (const mode of ['group', 'separate'] as const) {
    it(`Telegram, translations ${mode}: the note back is shown (posted), as the shadow case and separate mode do`, async ({ telegram }) => {
      const chat = await telegramChat(telegram, mode, parseThreads);
      await writeSettled(chat, 'Romeo 1');
      await refusedDelete(chat);
      expect(chat.shown()).toEqual(['Romeo 1']); // the message stayed
      for (const m of telegram.sentTo(-100777)) m.deleted = true; // then gone after all (an admin; or a timed-out delete that went through)
      expect(chat.shown()).toEqual([]);
      await writeSettled(chat, 'Romeo 2');
      expect(chat.shown()).toEqual(['Romeo 2']);
      expect(await chat.svc.stop()).toBe(0);
    }, 90_000);
  }
});

describe.concurrent('a delete refused for good, the note written back unchanged: the edit asks Telegram, never skipped as changing nothing', () => {
  for (const mode of ['group', 'separate'] as const) {
    it(`Telegram, translations ${mode}: its message gone since: the note back is posted`, async ({ telegram }) => {
      const chat = await telegramChat(telegram, mode, parseThreads);
      await writeSettled(chat, 'Romeo 1');
      await refusedDelete(chat);
      for (const m of telegram.sentTo(-100777)) m.deleted = true; // an admin (or our delete, answered too late) deleted it
      await writeSettled(chat, 'Romeo 1');
      expect(chat.shown()).toEqual(['Romeo 1']);
      expect(telegram.calls.filter((c) => c.method === 'editMessageText').map((c) => c.status)).toEqual([400]); // "message to edit not found"
      expect(await chat.svc.stop()).toBe(0);
    }, 90_000);

    it(`Telegram, translations ${mode}: its message still there: shown once, Telegram answered "not modified"`, async ({ telegram }) => {
      const chat = await telegramChat(telegram, mode, parseThreads);
      await writeSettled(chat, 'Romeo 1');
      await refusedDelete(chat);
      await writeSettled(chat, 'Romeo 1');
      expect(chat.shown()).toEqual(['Romeo 1']);
      expect(telegram.calls.filter((c) => c.method === 'editMessageText').map((c) => c.status)).toEqual([400]); // "message is not modified"
      expect(await chat.svc.stop()).toBe(0);
    }, 90_000);
  }
});
