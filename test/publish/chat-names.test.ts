/**
 * One chat reached under two names (tester 34 F1, F2, F5, F6): a Telegram route naming a channel by `@username`
 * (core.telegram.org/bots/api#sendmessage: "username of the target channel (in the format @channelusername)") and a
 * /subscribe there, whose update names the channel by its numeric id; a Discord route naming a thread by `chat` (its
 * parent) + `thread` and a /subscribe run inside the thread (a thread is a channel: discord-api-docs, Threads). Each is
 * one target: a note is announced there once, the /subscribe resumes the paused route, and a database that kept records
 * under the route's old spelling edits what it posted rather than posting it again.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect } from 'vitest';
import { itWithFakes } from '../helpers/fakes.js';
import { statusOf } from '../helpers/cli.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { saveTitled as save } from '../helpers/titled-note.js';
import { Service, killLeftoverServices, note, sandbox, sleep, type Sandbox } from '../helpers/service.js';
import type { FakeDiscord } from '../fakes/discord/server.js';
import type { FakeTelegram } from '../fakes/telegram/server.js';

const parseThreads = fileParseThreads();
const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
const MANAGE_CHANNELS = 1n << 4n;
const CHANNEL = -1001777;
const it = itWithFakes({ telegram: { token: TOKEN }, discordToken: DISCORD_TOKEN });
afterAll(killLeftoverServices);

const BASE = 'watch:\n  quietMs: 200\ndelivery:\n  baseDelayMs: 200\n  maxDelayMs: 500\n';

/** A channel with a username, and a route naming it as README's example does (another case: usernames ignore case). */
function telegramChannel(fake: FakeTelegram, routeMore = '\n'): Sandbox {
  const channel = fake.addChat(CHANNEL, 'channel', {}, 'My channel');
  channel.username = 'my_channel';
  return sandbox(`${BASE}telegram:\n  apiRoot: ${fake.apiRoot}\nroutes:\n  - platform: telegram\n    chat: "@My_Channel"${routeMore}`);
}

/** `flags`: `--moved` after the test rewrote the database as an older notecast kept it (the file changed on purpose). */
async function startTelegram(sb: Sandbox, fake: FakeTelegram, flags: string[] = []): Promise<InProcessCli> {
  const svc = InProcessCli.start(sb, flags, { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
  await svc.ready();
  await fake.waitFor(() => fake.calls.some((c) => c.method === 'getUpdates'), 10_000, 'polling');
  return svc;
}

/** A text channel and a public thread under it, routed as `chat: <parent>, thread: <thread>`. */
function discordThread(fake: FakeDiscord): { guild: string; thread: string; sb: Sandbox } {
  const guild = fake.addGuild();
  const parent = fake.addChannel(guild, 0, 'talk');
  const thread = fake.addChannel(guild, 11, 'a-thread');
  thread.parent_id = parent.id;
  thread.lastActivity = Date.now();
  const routes = `routes:\n  - platform: discord\n    chat: "${parent.id}"\n    thread: "${thread.id}"\n`;
  return { guild, thread: thread.id, sb: sandbox(`${BASE}discord:\n  api: ${fake.api}\n  registerCommands: false\n${routes}`) };
}

async function startDiscord(sb: Sandbox, fake: FakeDiscord, flags: string[] = []): Promise<InProcessCli> {
  const svc = InProcessCli.start(sb, flags, { DISCORD_TOKEN }, undefined, parseThreads);
  await svc.ready();
  await fake.identified();
  return svc;
}

const titled = (texts: string[], title: string) => texts.filter((t) => t.includes(title)).length;
const telegramTexts = (fake: FakeTelegram) => fake.sentTo(CHANNEL).map((m) => m.text);
const discordTexts = (fake: FakeDiscord, channel: string) => fake.messagesIn(channel).filter((m) => !m.deleted).map((m) => JSON.stringify(m));

/** Moves the records the test's first run kept to the spelling a database from before this fix kept them under. */
function asOldDatabase(db: string, set: string, where: string, metaKey: string): void {
  const d = new Database(db);
  for (const table of ['posts', 'outbox', 'subscriptions', 'paused_targets']) d.prepare(`UPDATE ${table} SET ${set} WHERE ${where}`).run();
  d.prepare('DELETE FROM meta WHERE key = ?').run(metaKey);
  d.close();
}

describe.concurrent('one chat under two names', () => {
  it('F1: Telegram route "@My_Channel" + /subscribe in the channel: each note announced once', { timeout: 60_000 }, async ({ telegram: fake }) => {
    const sb = telegramChannel(fake);
    const svc = await startTelegram(sb, fake);
    fake.command(CHANNEL, 0, '/subscribe');
    await fake.waitFor(() => telegramTexts(fake).some((t) => /Subscribed/.test(t)), 10_000, 'subscribe reply');
    await save(svc, sb, 'a.md', 'Alpha note');
    expect(titled(telegramTexts(fake), 'Alpha note')).toBe(1);
    await svc.stop();
  });

  it("a @username route's own templates follow it to the chat's id", { timeout: 60_000 }, async ({ telegram: fake }) => {
    const sb = telegramChannel(fake, '\n    templates:\n      telegram: "ROUTE {{ note.title }}"\n');
    // `notecast start` itself: the in-process start gives the adapters no templates of the config's.
    const svc = Service.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN });
    await svc.ready();
    writeFileSync(path.join(sb.notes, 'a.md'), note('Alpha note', 'Alpha body text here.'));
    await fake.waitFor(() => telegramTexts(fake).length >= 1, 30_000, 'the post');
    await svc.settled();
    expect(telegramTexts(fake)).toEqual(['ROUTE Alpha note']);
    await svc.stop();
  });

  it('F5: a paused "@My_Channel" route is resumed by /subscribe there: its waiting post goes, once', { timeout: 60_000 }, async ({ telegram: fake }) => {
    const sb = telegramChannel(fake);
    const svc = await startTelegram(sb, fake);
    fake.chats.get(CHANNEL)!.state = 'kicked';
    writeFileSync(path.join(sb.notes, 'a.md'), note('Alpha note', 'Alpha body text here.'));
    await fake.waitFor(() => statusOf(sb.db).stdout.includes('bot was kicked'), 15_000, 'paused');
    expect(statusOf(sb.db).stdout).toContain(`telegram:${CHANNEL} (@my_channel): `); // the name the route gives it, beside its id
    fake.chats.get(CHANNEL)!.state = 'ok';
    await sleep(1100); // the fake holds the bot to Telegram's one message a second per chat
    fake.command(CHANNEL, 0, '/subscribe');
    await fake.waitFor(() => titled(telegramTexts(fake), 'Alpha note') >= 1, 15_000, 'the waiting post');
    await svc.settled();
    expect(titled(telegramTexts(fake), 'Alpha note')).toBe(1);
    const s = JSON.parse(statusOf(sb.db, { json: true }).stdout) as { paused: unknown[] };
    expect(s.paused).toEqual([]);
    await svc.stop();
  });

  it('F2: Discord route chat+thread + /subscribe inside the thread: each note shown once in the thread', { timeout: 60_000 }, async ({ discord: fake }) => {
    const { guild, thread, sb } = discordThread(fake);
    const svc = await startDiscord(sb, fake);
    await fake.interact({ type: 2, guild, channel: thread, permissions: MANAGE_CHANNELS, name: 'subscribe' });
    await save(svc, sb, 'a.md', 'Alpha note');
    expect(titled(discordTexts(fake, thread), 'Alpha note')).toBe(1);
    await svc.stop();
  });

  it('F6: a paused thread route is resumed by /subscribe inside the thread: its waiting post goes, once', { timeout: 60_000 }, async ({ discord: fake }) => {
    const { guild, thread, sb } = discordThread(fake);
    const svc = await startDiscord(sb, fake);
    fake.permissions.delete('SendMessagesInThreads');
    writeFileSync(path.join(sb.notes, 'a.md'), note('Alpha note', 'Alpha body text here.'));
    await fake.waitFor(() => statusOf(sb.db).stdout.includes('Missing Permissions'), 15_000, 'paused');
    fake.permissions.add('SendMessagesInThreads');
    await fake.interact({ type: 2, guild, channel: thread, permissions: MANAGE_CHANNELS, name: 'subscribe' });
    await fake.waitFor(() => titled(discordTexts(fake, thread), 'Alpha note') >= 1, 15_000, 'the waiting post');
    await svc.settled();
    expect(titled(discordTexts(fake, thread), 'Alpha note')).toBe(1);
    await svc.stop();
  });

  it('Telegram no longer answering the @username at a later start: the id recorded before names the chat', { timeout: 90_000 }, async ({ telegram: fake }) => {
    const sb = telegramChannel(fake);
    let svc = await startTelegram(sb, fake);
    await save(svc, sb, 'a.md', 'Alpha note');
    await svc.stop();
    fake.chats.get(CHANNEL)!.username = undefined; // getChat "@my_channel" now answers 400 chat not found
    svc = await startTelegram(sb, fake);
    fake.command(CHANNEL, 0, '/subscribe');
    await fake.waitFor(() => telegramTexts(fake).some((t) => /Subscribed/.test(t)), 10_000, 'subscribe reply');
    await save(svc, sb, 'b.md', 'Bravo note');
    expect(titled(telegramTexts(fake), 'Bravo note')).toBe(1);
    expect(svc.stderr).toContain('the id learned at an earlier start is used');
    await svc.stop();
  });

  it('a database that kept a Telegram route under "@my_channel": its post is edited, not posted again, and /subscribe doubles nothing', { timeout: 90_000 }, async ({ telegram: fake }) => {
    const sb = telegramChannel(fake);
    let svc = await startTelegram(sb, fake);
    await save(svc, sb, 'a.md', 'Alpha note');
    await svc.stop();
    asOldDatabase(sb.db, "chat = '@my_channel'", `platform = 'telegram' AND chat = '${CHANNEL}'`, 'chat.name:telegram:@my_channel');
    svc = await startTelegram(sb, fake, ['--moved']);
    fake.command(CHANNEL, 0, '/subscribe');
    await fake.waitFor(() => telegramTexts(fake).some((t) => /Subscribed/.test(t)), 10_000, 'subscribe reply');
    await save(svc, sb, 'a.md', 'Alpha revised');
    await save(svc, sb, 'b.md', 'Bravo note');
    expect(titled(telegramTexts(fake), 'Alpha')).toBe(1);
    expect(titled(telegramTexts(fake), 'Alpha revised')).toBe(1);
    expect(titled(telegramTexts(fake), 'Bravo note')).toBe(1);
    await svc.stop();
  });

  it('a database that kept a Discord thread route under parent/thread: its post is edited, not posted again, and /subscribe doubles nothing', { timeout: 90_000 }, async ({ discord: fake }) => {
    const { guild, thread, sb } = discordThread(fake);
    const parent = fake.channels.get(thread)!.parent_id!;
    let svc = await startDiscord(sb, fake);
    await save(svc, sb, 'a.md', 'Alpha note');
    await svc.stop();
    asOldDatabase(sb.db, `chat = '${parent}', thread = '${thread}'`, `platform = 'discord' AND chat = '${thread}'`, 'chat.names.discord-threads');
    svc = await startDiscord(sb, fake, ['--moved']);
    await fake.interact({ type: 2, guild, channel: thread, permissions: MANAGE_CHANNELS, name: 'subscribe' });
    await save(svc, sb, 'a.md', 'Alpha revised');
    await save(svc, sb, 'b.md', 'Bravo note');
    expect(titled(discordTexts(fake, thread), 'Alpha')).toBe(1);
    expect(titled(discordTexts(fake, thread), 'Alpha revised')).toBe(1);
    expect(titled(discordTexts(fake, thread), 'Bravo note')).toBe(1);
    await svc.stop();
  });
});
