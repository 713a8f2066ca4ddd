/**
 * Issue 25, the case left open by s32 (the former digest-lines-back.ts and left-digest-back.ts handled only a digest message): a
 * note's own message (posted alone), its delete refused for good while the note came back beside a new note, so it was
 * queued as a line of a burst's digest behind the delete. The message stayed and the digest listed the note too: shown
 * twice (said loudly, 'shows it twice', but twice). README's rule: each chat shows each note once, and a message that
 * stayed is edited rather than posted anew. So the digest gives the line up to the note's own message, which is edited
 * to show the note as it is now (its post, not a digest line), and the digest goes with the new note alone.
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

/** Writes `files` (file → title) in one batch and waits for that batch. */
async function write(chat: Chat, files: Record<string, string>): Promise<void> {
  chat.svc.forgetBatched(Object.keys(files));
  for (const [file, title] of Object.entries(files)) writeFileSync(path.join(chat.notes, file), note(title, `Words about ${title} by the river.`));
  await chat.svc.batched(Object.keys(files));
}

/** Deletes `file` and waits until its removal is decided. */
async function remove(chat: Chat, file: string): Promise<void> {
  const logFrom = chat.svc.stderr.length;
  unlinkSync(path.join(chat.notes, file));
  await chat.svc.waitFor(() => /"action":"retract"/.test(chat.svc.stderr.slice(logFrom)), 20_000, `the removal of ${file} decided`);
}

/**
 * b.md posted alone (its own message); b.md deleted, that message's delete refused and held; b.md back beside a new c.md
 * (two new notes: a burst's digest, queued behind the delete); then the refusal answered.
 */
async function ownMessageRefusedBackInDigest(chat: Chat): Promise<void> {
  let from = chat.svc.events.length;
  await write(chat, { 'b.md': 'Bravo 1' });
  await chat.svc.idle(from, 20_000);
  expect(chat.shown()).toEqual(['Bravo 1']); // a post of its own, not a digest
  chat.refuseNextDelete();
  await remove(chat, 'b.md');
  await chat.svc.waitFor(() => chat.held() === 1, 20_000, 'the message\'s delete refused, its answer held');
  await write(chat, { 'b.md': 'Bravo 2', 'c.md': 'Charlie 1' });
  from = chat.svc.events.length;
  chat.answer();
  await chat.svc.idle(from, 20_000);
  expect(chat.refused()).toBe(1); // the message stayed
}

const SAID_IN_LOG = /a digest queued behind the delete: that digest gives the line up and the message is edited to show it/;
const SAID_IN_STATUS = /#\d+ delete .*; its note came back meanwhile: digest #\d+ gave the line up to it \(delivery #\d+ edits it to show it\)/;

describe.concurrent('a note\'s own message whose delete is refused, the note back as a line of a digest queued behind it', () => {
  it('Telegram: the message that stayed shows Bravo 2 (its post), the digest lists Charlie alone: each shown once', async ({ telegram }: { telegram: FakeTelegram }) => {
    const chat = await telegramChat(telegram, 'group', parseThreads, true);
    await ownMessageRefusedBackInDigest(chat);
    const texts = telegram.sentTo(-100777).map((m) => m.text);
    expect(texts.filter((t) => t.includes('Bravo')), 'messages naming Bravo').toHaveLength(1);
    expect(texts[0]!.split('\n')[0]).toBe('Bravo 2'); // its own message, edited to its post
    expect(texts.slice(1)).toEqual(['📚 1 new note\n\n• Charlie 1']);
    expect(chat.svc.stderr).toMatch(SAID_IN_LOG);
    expect(chat.svc.stderr).not.toMatch(/shows it twice/);
    expect(await chat.svc.stop()).toBe(0);
    const status = statusOf(chat.db).stdout;
    expect(status).toMatch(SAID_IN_STATUS);
    expect(status).not.toMatch(/shows it twice/);
  }, 90_000);

  it('Discord (a forum post without Manage Threads): the post that stayed shows Bravo 2, Charlie in a digest post of its own', async ({ discord }: { discord: FakeDiscord }) => {
    const chat = await discordChat(discord, 'group', parseThreads, true);
    await ownMessageRefusedBackInDigest(chat);
    const shown = discord.messages.filter((m) => !m.deleted).map((m) => `${m.embeds[0]?.title ?? ''}\n${m.embeds[0]?.description ?? ''}`);
    expect(shown.filter((t) => t.includes('Bravo')), 'messages naming Bravo').toHaveLength(1);
    expect(chat.shown()).toEqual(['Bravo 2', '📚 1 new note']);
    expect(shown.filter((t) => t.includes('Charlie'))).toEqual(['📚 1 new note\n• Charlie 1']);
    expect(chat.svc.stderr).toMatch(SAID_IN_LOG);
    expect(await chat.svc.stop()).toBe(0);
    expect(statusOf(chat.db).stdout).not.toMatch(/shows it twice/);
  }, 90_000);

  it('Telegram, separate translations: the same, the note\'s own message edited to Bravo 2', async ({ telegram }: { telegram: FakeTelegram }) => {
    const chat = await telegramChat(telegram, 'separate', parseThreads, true);
    await ownMessageRefusedBackInDigest(chat);
    const texts = telegram.sentTo(-100777).map((m) => m.text);
    expect(texts.filter((t) => t.includes('Bravo'))).toHaveLength(1);
    expect(texts[0]!.split('\n')[0]).toBe('Bravo 2');
    expect(texts.slice(1)).toEqual(['📚 1 new note\n\n• Charlie 1']);
    expect(await chat.svc.stop()).toBe(0);
    expect(statusOf(chat.db).stdout).not.toMatch(/shows it twice/);
  }, 90_000);

  it('Telegram: the refusal recorded first, the note back afterwards beside a new note: its own message edited to Bravo 2, Charlie shown once', async ({ telegram }: { telegram: FakeTelegram }) => {
    const chat = await telegramChat(telegram, 'group', parseThreads, true);
    let from = chat.svc.events.length;
    await write(chat, { 'b.md': 'Bravo 1' });
    await chat.svc.idle(from, 20_000);
    chat.refuseDeletes();
    from = chat.svc.events.length;
    await remove(chat, 'b.md');
    await chat.svc.idle(from, 20_000);
    expect(chat.refused()).toBe(1); // recorded before the note comes back
    from = chat.svc.events.length;
    await write(chat, { 'b.md': 'Bravo 2', 'c.md': 'Charlie 1' });
    await chat.svc.idle(from, 20_000);
    const texts = telegram.sentTo(-100777).map((m) => m.text);
    expect(texts.filter((t) => t.includes('Bravo')), 'messages naming Bravo').toHaveLength(1);
    expect(texts[0]!.split('\n')[0]).toBe('Bravo 2');
    expect(texts.filter((t) => t.includes('Charlie 1'))).toHaveLength(1);
    expect(await chat.svc.stop()).toBe(0);
  }, 90_000);
});
