/**
 * Issue 25 (review finding, open from session 30): with a digest and `onDelete: delete`, a note that was its digest
 * message's only line left (the others deleted before it) is deleted: the digest message's delete goes; the platform
 * refuses it for good (Telegram: a message older than 48 hours, "message can't be deleted"; Discord: a forum post
 * without Manage Threads, 50013); the note came back meanwhile and its post was queued behind the delete. The chat
 * showed the note twice (the digest message that stayed, and the post). Now the digest message that stayed is edited
 * to show the note (store/under-way.ts digestMessageTakenOver), never a second message; later edits follow it.
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import type { FakeDiscord } from '../fakes/discord/server.js';
import type { FakeTelegram } from '../fakes/telegram/server.js';
import { itWithFakes } from '../helpers/fakes.js';
import { discordChat, REFUSING_DISCORD_TOKEN, REFUSING_TELEGRAM_TOKEN, telegramChat, type Chat } from '../helpers/refusing-chat.js';
import { fileParseThreads } from '../helpers/inproc.js';
import { statusOf } from '../helpers/cli.js';
import { killLeftoverServices, note } from '../helpers/service.js';

const parseThreads = fileParseThreads();
const it = itWithFakes({ telegram: { token: REFUSING_TELEGRAM_TOKEN }, discordToken: REFUSING_DISCORD_TOKEN });
afterAll(killLeftoverServices);

/** Writes `files` (file → title) in one batch and waits until everything they caused is done. */
async function save(chat: Chat, files: Record<string, string>): Promise<void> {
  const from = chat.svc.events.length;
  chat.svc.forgetBatched(Object.keys(files));
  for (const [file, title] of Object.entries(files)) writeFileSync(path.join(chat.notes, file), note(title, `Words about ${title} by the river.`));
  await chat.svc.batched(Object.keys(files));
  await chat.svc.idle(from, 20_000);
}

/** Deletes `file` and waits for its removal to be decided. */
async function remove(chat: Chat, file: string): Promise<void> {
  const logFrom = chat.svc.stderr.length;
  unlinkSync(path.join(chat.notes, file));
  await chat.svc.waitFor(() => /"action":"retract"/.test(chat.svc.stderr.slice(logFrom)), 20_000, `the removal of ${file} decided`);
}

type Body = (chat: Chat) => Promise<void>;
const platforms = [
  ['Telegram (a message past 48 hours)', (body: Body) => async ({ telegram }: { telegram: FakeTelegram }) => body(await telegramChat(telegram, 'group', parseThreads, true))],
  ['Discord (a forum post without Manage Threads)', (body: Body) => async ({ discord }: { discord: FakeDiscord }) => body(await discordChat(discord, 'group', parseThreads, true))],
] as const;

describe.concurrent('a note that was its digest message\'s only line, back while that message\'s delete is refused (onDelete: delete)', () => {
  for (const [name, chatOn] of platforms) {
    it(`${name}: the digest message that stayed is edited to show the note, never a second message; later edits follow it`, chatOn(async (chat) => {
      await save(chat, { 'a.md': 'Alpha 1', 'b.md': 'Bravo 1' });
      expect(chat.shown()).toHaveLength(1); // one digest message listing both
      const digestShown = chat.shown();
      let from = chat.svc.events.length;
      await remove(chat, 'a.md'); // its line goes: the digest message is edited to list Bravo alone
      await chat.svc.idle(from, 20_000);
      expect(chat.shown()).toHaveLength(1);
      chat.refuseNextDelete();
      await remove(chat, 'b.md'); // the last line goes: the digest message's delete, refused, the refusal held
      await chat.svc.waitFor(() => chat.held() === 1, 20_000, 'the digest message\'s delete refused, its answer held');
      chat.svc.forgetBatched(['b.md']);
      writeFileSync(path.join(chat.notes, 'b.md'), note('Bravo 2', 'Words about Bravo 2 by the river.'));
      await chat.svc.batched(['b.md']); // back: its post queued behind the delete
      from = chat.svc.events.length;
      chat.answer();
      await chat.svc.idle(from, 20_000);
      expect(chat.refused()).toBe(1); // the digest message stayed
      expect(chat.shown()).toEqual(['Bravo 2']);
      expect(chat.shown()).not.toEqual(digestShown);
      expect(chat.svc.stderr).toMatch(/its post queued behind the delete edits that message instead/);
      await save(chat, { 'b.md': 'Bravo 3' });
      expect(chat.shown()).toEqual(['Bravo 3']);
      expect(await chat.svc.stop()).toBe(0);
      const status = statusOf(chat.db).stdout;
      expect(status).toMatch(/delivery #\d+ edits the message that stayed instead of posting it again/);
      expect(status).not.toMatch(/shows it twice/);
    }), 90_000);
  }
});
