/**
 * Review rv-c R1 (issue 25): a digest message whose only line was note B, its delete refused for good, B back meanwhile
 * in the same batch as another new note (so B is queued as a digest line, not a post). The message is handed only to a
 * *post* behind the delete (store/under-way.ts digestMessageTakenOver); a digest listing B went out as it was, so B
 * showed twice (the message that stayed and the new digest). Now the digest gives B's line up to the message that
 * stayed (publish/left-message-back.ts): that message is edited to list Bravo 2, the digest goes with Charlie alone,
 * and the log and `status` say so.
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import type { FakeTelegram } from '../fakes/telegram/server.js';
import type { FakeDiscord } from '../fakes/discord/server.js';
import { itWithFakes } from '../helpers/fakes.js';
import { REFUSING_DISCORD_TOKEN, REFUSING_TELEGRAM_TOKEN, telegramChat, discordChat, type Chat } from '../helpers/refusing-chat.js';
import { fileParseThreads, InProcessCli } from '../helpers/inproc.js';
import { statusOf } from '../helpers/cli.js';
import { killLeftoverServices, note } from '../helpers/service.js';

const parseThreads = fileParseThreads();
const it = itWithFakes({ telegram: { token: REFUSING_TELEGRAM_TOKEN }, discordToken: REFUSING_DISCORD_TOKEN });
afterAll(killLeftoverServices);

async function save(chat: Chat, files: Record<string, string>): Promise<void> {
  const from = chat.svc.events.length;
  chat.svc.forgetBatched(Object.keys(files));
  for (const [file, title] of Object.entries(files)) writeFileSync(path.join(chat.notes, file), note(title, `Words about ${title} by the river.`));
  await chat.svc.batched(Object.keys(files));
  await chat.svc.idle(from, 20_000);
}

async function remove(chat: Chat, file: string): Promise<void> {
  const logFrom = chat.svc.stderr.length;
  unlinkSync(path.join(chat.notes, file));
  await chat.svc.waitFor(() => /"action":"retract"/.test(chat.svc.stderr.slice(logFrom)), 20_000, `the removal of ${file} decided`);
}

/** Deletes `files` at once and waits until each removal is decided. */
async function removeAll(chat: Chat, files: string[]): Promise<void> {
  const logFrom = chat.svc.stderr.length;
  for (const file of files) unlinkSync(path.join(chat.notes, file));
  const decided = () => chat.svc.stderr.slice(logFrom).match(/"action":"retract"/g)?.length ?? 0;
  await chat.svc.waitFor(() => decided() >= files.length, 20_000, `the removals of ${files.join(', ')} decided`);
}

/** One shape of the class: which notes go before (their lines edited out), whose delete is refused, what comes back (file → title, front matter). */
interface Shape {
  goneBefore: string[];
  refused: string[];
  back: Record<string, [title: string, extra?: string]>;
}

/**
 * a.md and b.md in one digest; `goneBefore` deleted (their lines go); `refused` deleted, the digest message's delete
 * refused and held; `back` written in one batch (queued behind the delete); `meanwhile` run; then the refusal answered.
 */
async function refusedThenBack(chat: Chat, shape: Shape, meanwhile = () => {}): Promise<void> {
  await save(chat, { 'a.md': 'Alpha 1', 'b.md': 'Bravo 1' });
  expect(chat.shown()).toHaveLength(1);
  let from = chat.svc.events.length;
  if (shape.goneBefore.length) {
    await removeAll(chat, shape.goneBefore);
    await chat.svc.idle(from, 20_000);
  }
  chat.refuseNextDelete();
  await removeAll(chat, shape.refused);
  await chat.svc.waitFor(() => chat.held() === 1, 20_000, 'the digest message\'s delete refused, its answer held');
  const files = Object.keys(shape.back);
  chat.svc.forgetBatched(files);
  for (const [file, [title, extra]] of Object.entries(shape.back)) writeFileSync(path.join(chat.notes, file), note(title, `Words about ${title} by the river.`, extra));
  await chat.svc.batched(files);
  meanwhile();
  from = chat.svc.events.length;
  chat.answer();
  await chat.svc.idle(from, 20_000);
  expect(chat.refused()).toBe(1);
}

/** a.md deleted (the digest lists Bravo alone), b.md deleted with that delete refused, b.md back beside a new c.md. */
const backInDigestBehindRefusedDelete = (chat: Chat) => refusedThenBack(chat, { goneBefore: ['a.md'], refused: ['b.md'], back: { 'b.md': ['Bravo 2'], 'c.md': ['Charlie 1'] } });

const SAID_IN_LOG = /a digest queued behind the delete: that digest gives the line up and the message is edited to show it/;
const SAID_IN_STATUS = /#\d+ delete digest:.*; its note came back meanwhile: digest #\d+ gave the line up to it \(delivery #\d+ edits it to show it\)/;

// Each test has its own fakes, folder and service (the class below runs so too): they run at once.
describe.concurrent('digest message\'s only line back in a digest (not a post) while its delete is refused', () => {
  it('Telegram: Bravo shows once (the message that stayed, edited to Bravo 2), Charlie in a digest of its own; the log and status say so', async ({ telegram }: { telegram: FakeTelegram }) => {
    const chat = await telegramChat(telegram, 'group', parseThreads, true);
    await backInDigestBehindRefusedDelete(chat);
    expect(telegramTexts(telegram)).toEqual(['📚 1 new note\n\n• Bravo 2', '📚 1 new note\n\n• Charlie 1']);
    expect(chat.svc.stderr).toMatch(SAID_IN_LOG);
    expect(chat.svc.stderr).not.toMatch(/shows it twice/);
    expect(await chat.svc.stop()).toBe(0);
    const status = statusOf(chat.db).stdout;
    expect(status).toMatch(/#\d+ delete digest:.*message can't be deleted/);
    expect(status).toMatch(SAID_IN_STATUS);
    expect(status).not.toMatch(/shows it twice/);
  }, 90_000);

  it('Discord (forum post without Manage Threads): Bravo shows once (the post that stayed, edited), Charlie in a post of its own', async ({ discord }: { discord: FakeDiscord }) => {
    const chat = await discordChat(discord, 'group', parseThreads, true);
    await backInDigestBehindRefusedDelete(chat);
    expect(chat.shown()).toEqual(['📚 1 new note', '📚 1 new note']);
    expect(discordTexts(discord)).toEqual(['• Bravo 2', '• Charlie 1']);
    expect(chat.svc.stderr).toMatch(SAID_IN_LOG);
    expect(await chat.svc.stop()).toBe(0);
    const status = statusOf(chat.db).stdout;
    expect(status).toMatch(/#\d+ delete digest:.*50013 Missing Permissions/);
    expect(status).toMatch(SAID_IN_STATUS);
    expect(status).not.toMatch(/shows it twice/);
  }, 90_000);
});

/** The lines (`• title`) of each digest message the chat shows, oldest message first. */
const linesOf = (texts: string[]) => texts.map((t) => t.split('\n').filter((l) => l.startsWith('• ')));

type Body = (chat: Chat, texts: () => string[]) => Promise<void>;
const platforms = [
  ['Telegram', (body: Body) => async ({ telegram }: { telegram: FakeTelegram }) => body(await telegramChat(telegram, 'group', parseThreads, true), () => telegramTexts(telegram))],
  ['Discord', (body: Body) => async ({ discord }: { discord: FakeDiscord }) => body(await discordChat(discord, 'group', parseThreads, true), () => discordTexts(discord))],
] as const;

describe.concurrent('the class: a digest message\'s delete refused for good, notes it showed back in a digest queued behind it', () => {
  for (const [name, chatOn] of platforms) {
    it(`${name}: both its lines back in one digest: the message that stayed lists them, nothing posted anew`, chatOn(async (chat, texts) => {
      await refusedThenBack(chat, { goneBefore: [], refused: ['a.md', 'b.md'], back: { 'a.md': ['Alpha 2'], 'b.md': ['Bravo 2'] } });
      expect(linesOf(texts())).toEqual([['• Alpha 2', '• Bravo 2']]);
      expect(chat.svc.stderr).toMatch(SAID_IN_LOG);
      expect(await chat.svc.stop()).toBe(0);
      expect(statusOf(chat.db).stdout).not.toMatch(/shows it twice/);
    }), 90_000);

    it(`${name}: one back drafted, the other beside a new note: the message that stayed lists only the one back, the new note in a digest`, chatOn(async (chat, texts) => {
      await refusedThenBack(chat, { goneBefore: [], refused: ['a.md', 'b.md'], back: { 'a.md': ['Alpha 2'], 'b.md': ['Bravo 2', 'draft: true\n'], 'c.md': ['Charlie 1'] } });
      expect(linesOf(texts())).toEqual([['• Alpha 2'], ['• Charlie 1']]);
      expect(await chat.svc.stop()).toBe(0);
    }), 90_000);
  }

  it('Telegram: the chat paused after the refusal (the bot removed): at the next start, the bot back, Bravo shows once, on the message that stayed', async ({ telegram }: { telegram: FakeTelegram }) => {
    const chat = await telegramChat(telegram, 'group', parseThreads, true);
    const KICKER = 4242;
    await refusedThenBack(chat, { goneBefore: ['a.md'], refused: ['b.md'], back: { 'b.md': ['Bravo 2'], 'c.md': ['Charlie 1'] } }, () => void telegram.setBotMembership(-100777, 'kicked', KICKER));
    expect(chat.svc.stderr).toMatch(/delivery failed permanently; target paused/);
    expect(linesOf(telegramTexts(telegram))).toEqual([['• Bravo 1']]); // what was given back waits for the chat
    expect(await chat.svc.stop()).toBe(0);
    expect(statusOf(chat.db).stdout).toMatch(SAID_IN_STATUS);
    telegram.setBotMembership(-100777, 'member', KICKER);
    const svc = InProcessCli.start(chat.sb, [], { TELEGRAM_BOT_TOKEN: REFUSING_TELEGRAM_TOKEN }, undefined, parseThreads);
    await svc.ready();
    await svc.waitFor(() => telegramTexts(telegram).length === 2, 20_000, 'the digest sent at the start that tries the paused chat again');
    await svc.settled(20_000);
    expect(linesOf(telegramTexts(telegram))).toEqual([['• Bravo 2'], ['• Charlie 1']]);
    expect(await svc.stop()).toBe(0);
  }, 90_000);
});

function telegramTexts(telegram: FakeTelegram): string[] {
  return telegram.sentTo(-100777).map((m) => m.text);
}

/** The lines of each digest message the bot shows (not deleted), oldest first. */
function discordTexts(discord: FakeDiscord): string[] {
  return discord.messages.filter((m) => !m.deleted && m.embeds[0]?.title?.startsWith('📚')).map((m) => m.embeds[0]?.description ?? '');
}
