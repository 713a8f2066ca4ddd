/**
 * Tester 36 F2 (issue 25): a digest message's delete (its last line's note deleted) refused for good and recorded so;
 * afterwards, not while the delete was under way, that note comes back. It was posted as a new message while the message
 * that stayed still listed it, and nothing said so. Now its announcement goes to that message (publish/left-message-back.ts):
 * a post takes it over (edited to the note's post), a line of a burst's digest goes back to it (edited to list it); the
 * log and the failed delete's line in `status` say so. The same across a restart between the refusal and the return.
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import type { FakeDiscord } from '../fakes/discord/server.js';
import type { FakeTelegram } from '../fakes/telegram/server.js';
import { itWithFakes } from '../helpers/fakes.js';
import { discordChat, REFUSING_DISCORD_TOKEN, REFUSING_TELEGRAM_TOKEN, telegramChat, type Chat } from '../helpers/refusing-chat.js';
import { fileParseThreads, InProcessCli } from '../helpers/inproc.js';
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

/** Deletes `file` and waits until everything its removal caused is done. */
async function remove(chat: Chat, file: string): Promise<void> {
  const from = chat.svc.events.length, logFrom = chat.svc.stderr.length;
  unlinkSync(path.join(chat.notes, file));
  await chat.svc.waitFor(() => /"action":"retract"/.test(chat.svc.stderr.slice(logFrom)), 20_000, `the removal of ${file} decided`);
  await chat.svc.idle(from, 20_000);
}

/** a.md and b.md in one digest; a.md deleted (the message lists Bravo alone); b.md deleted, the message's delete refused for good and recorded. */
async function refusedAndRecorded(chat: Chat): Promise<void> {
  await save(chat, { 'a.md': 'Alpha 1', 'b.md': 'Bravo 1' });
  expect(chat.shown()).toHaveLength(1); // one digest message listing both
  await remove(chat, 'a.md');
  chat.refuseDeletes();
  await remove(chat, 'b.md');
  expect(chat.refused()).toBe(1); // the message stayed, its refusal recorded before anything came back
  expect(statusOf(chat.db).stdout).toMatch(/#\d+ delete digest:\S+ → /);
}

const POST_SAID_IN_LOG = /the digest message whose delete was refused still lists it: that message is edited to show its post instead of posting it again/;
const POST_SAID_IN_STATUS = /#\d+ delete digest:.*; its note came back afterwards: delivery #\d+ edits the message that stayed instead of posting it again/;
const LINE_SAID_IN_LOG = /the digest message whose delete was refused still lists them: their lines go back to it/;
const LINE_SAID_IN_STATUS = /#\d+ delete digest:.*; its note came back afterwards: its line goes back to it \(delivery #\d+ edits it to show it\)/;

type Body = (chat: Chat, texts: () => string[], again: () => Promise<InProcessCli>) => Promise<void>;
const platforms = [
  ['Telegram (a message past 48 hours)', (body: Body) => async ({ telegram }: { telegram: FakeTelegram }) => {
    const chat = await telegramChat(telegram, 'group', parseThreads, true);
    const again = async () => {
      const svc = InProcessCli.start(chat.sb, [], { TELEGRAM_BOT_TOKEN: REFUSING_TELEGRAM_TOKEN }, undefined, parseThreads);
      await svc.ready();
      return svc;
    };
    await body(chat, () => telegram.sentTo(-100777).map((m) => m.text), again);
  }],
  ['Discord (a forum post without Manage Threads)', (body: Body) => async ({ discord }: { discord: FakeDiscord }) => {
    const chat = await discordChat(discord, 'group', parseThreads, true);
    const again = async () => {
      const svc = InProcessCli.start(chat.sb, [], { DISCORD_TOKEN: REFUSING_DISCORD_TOKEN }, undefined, parseThreads);
      await svc.ready();
      return svc;
    };
    // Each forum post's first message: a digest's lines are its embed's description, a post's title its embed's title.
    await body(chat, () => discord.postsIn([...discord.channels.values()].find((c) => c.name === 'notes-forum')!.id).map((p) => {
      const embed = discord.messagesIn(p.id)[0]?.embeds[0];
      return `${embed?.title ?? ''}\n${embed?.description ?? ''}`;
    }), again);
  }],
] as const;

/** The messages naming `title`. */
const naming = (texts: string[], title: string) => texts.filter((t) => t.includes(title));

describe.concurrent('a digest message\'s delete refused for good and recorded, then its last note back', () => {
  for (const [name, chatOn] of platforms) {
    it(`${name}: the note back alone edits the message that stayed to its post (shown once), a later new note is posted; the log and status say so`, chatOn(async (chat, texts) => {
      await refusedAndRecorded(chat);
      await save(chat, { 'b.md': 'Bravo 2' });
      expect(chat.shown()).toEqual(['Bravo 2']); // the message that stayed, now Bravo's post
      expect(naming(texts(), 'Bravo')).toHaveLength(1);
      expect(chat.svc.stderr).toMatch(POST_SAID_IN_LOG);
      await save(chat, { 'c.md': 'Charlie 1' });
      expect(chat.shown()).toEqual(['Bravo 2', 'Charlie 1']);
      await save(chat, { 'b.md': 'Bravo 3' }); // its edits follow the message it took over
      expect(chat.shown()).toEqual(['Bravo 3', 'Charlie 1']);
      expect(await chat.svc.stop()).toBe(0);
      const status = statusOf(chat.db).stdout;
      expect(status).toMatch(POST_SAID_IN_STATUS);
      expect(status).not.toMatch(/shows it twice/);
    }), 90_000);

    it(`${name}: the note back beside a new note (a digest's line) goes back to the message that stayed, the new note is posted alone`, chatOn(async (chat, texts) => {
      await refusedAndRecorded(chat);
      await save(chat, { 'b.md': 'Bravo 2', 'c.md': 'Charlie 1' });
      expect(naming(texts(), 'Bravo')).toHaveLength(1);
      expect(naming(texts(), 'Bravo 2')).toHaveLength(1);
      expect(texts()[0]).toMatch(/Bravo 2/); // the message that stayed lists it
      expect(naming(texts(), 'Charlie 1')).toHaveLength(1);
      expect(texts()).toHaveLength(2);
      expect(chat.svc.stderr).toMatch(LINE_SAID_IN_LOG);
      expect(await chat.svc.stop()).toBe(0);
      expect(statusOf(chat.db).stdout).toMatch(LINE_SAID_IN_STATUS);
    }), 90_000);

    it(`${name}: stopped after the refusal, the note written back meanwhile: the next start edits the message that stayed`, chatOn(async (chat, texts, again) => {
      await refusedAndRecorded(chat);
      expect(await chat.svc.stop()).toBe(0);
      writeFileSync(path.join(chat.notes, 'b.md'), note('Bravo 2', 'Words about Bravo 2 by the river.'));
      const svc = await again();
      await svc.waitFor(() => /"action":"announce"/.test(svc.stderr), 20_000, 'the note back decided at the start');
      await svc.settled(20_000);
      expect(chat.shown()).toEqual(['Bravo 2']);
      expect(naming(texts(), 'Bravo')).toHaveLength(1);
      expect(svc.stderr).toMatch(POST_SAID_IN_LOG);
      expect(await svc.stop()).toBe(0);
      expect(statusOf(chat.db).stdout).toMatch(POST_SAID_IN_STATUS);
    }), 90_000);
  }
});
