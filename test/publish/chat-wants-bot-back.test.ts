/**
 * Issue 25 (the platform model's open finding): a chat that refused the bot (Telegram: kicked; Discord: removed from its
 * server) and that nothing names any more (its config route taken out) keeps the edits and deletes of the messages it
 * shows (README, Edits: a sent message follows its note; src/publish/chat-wants.ts, src/store/paused-chats.ts). They wait
 * for the bot, the chat not shown as paused and nothing tried on a timer, across restarts, until the platform says the
 * bot is back there (Telegram's `my_chat_member`; Discord's GUILD_CREATE, the fakes cite their documentation): then the
 * edit lands once. `notecast unsubscribe <chat>` drops them. In this process, on Telegram and on Discord.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect } from 'vitest';
import { cliIn, jsonLines } from '../helpers/cli.js';
import { itWithFakes } from '../helpers/fakes.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox, withTestDefaults, type Sandbox } from '../helpers/service.js';
import type { FakeDiscord } from '../fakes/discord/server.js';
import type { FakeTelegram } from '../fakes/telegram/server.js';

const parseThreads = fileParseThreads();
const TELEGRAM_TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-bot-back';
const ADMIN = 11;
const it = itWithFakes({ discordToken: DISCORD_TOKEN, telegram: { token: TELEGRAM_TOKEN } });
afterAll(killLeftoverServices);

/** One platform as the test drives it: chat `C` (refuses the bot, then its route goes) and chat `K` (always there). */
interface Platform {
  name: 'telegram' | 'discord';
  env: Record<string, string>;
  /** The config, with C's route or without it. */
  config: (withC: boolean) => string;
  /** What C's and K's messages show (their titles), and how many times each was edited. */
  shown: (chat: 'C' | 'K') => { title: string; edits: number }[];
  /** Calls the platform got that name C. */
  callsToC: () => number;
  cKey: string;
  kick: () => void;
  letBackIn: () => void;
}

function telegramPlatform(fake: FakeTelegram): Platform {
  const c = fake.addChat(-100771, 'supergroup', { [ADMIN]: 'creator' });
  const k = fake.addChat(-100772, 'supergroup', { [ADMIN]: 'creator' });
  const route = (id: number) => `  - platform: telegram\n    chat: "${id}"\n`;
  return {
    name: 'telegram',
    env: { TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN },
    config: (withC) => `watch:\n  quietMs: 100\ntelegram:\n  apiRoot: ${fake.apiRoot}\n  registerCommands: false\nroutes:\n${withC ? route(c.id) : ''}${route(k.id)}`,
    shown: (chat) => fake.sentTo(chat === 'C' ? c.id : k.id).map((m) => ({ title: m.text.split('\n')[0]!, edits: m.editedTimes })),
    callsToC: () => fake.calls.filter((x) => Number(x.payload.chat_id) === c.id).length,
    cKey: `telegram:${c.id}`,
    kick: () => fake.setBotMembership(c.id, 'kicked', ADMIN),
    letBackIn: () => fake.setBotMembership(c.id, 'member', ADMIN),
  };
}

function discordPlatform(fake: FakeDiscord): Platform {
  const guild = fake.addGuild('C server');
  const c = fake.addChannel(guild, 0, 'notes');
  const k = fake.addChannel(fake.addGuild('K server'), 0, 'notes');
  const route = (id: string) => `  - platform: discord\n    chat: "${id}"\n`;
  return {
    name: 'discord',
    env: { DISCORD_TOKEN },
    config: (withC) => `watch:\n  quietMs: 100\ndiscord:\n  api: ${fake.api}\n  registerCommands: false\nroutes:\n${withC ? route(c.id) : ''}${route(k.id)}`,
    shown: (chat) => fake.messagesIn(chat === 'C' ? c.id : k.id).map((m) => ({ title: m.embeds[0]?.title ?? m.content ?? '', edits: m.edits })),
    callsToC: () => fake.requests.filter((r) => r.path.startsWith(`/channels/${c.id}/`)).length,
    cKey: `discord:${c.id}`,
    kick: () => fake.removeBotFromGuild(guild),
    letBackIn: () => fake.addBotToGuild(guild),
  };
}

interface Status {
  paused: { target: { chat: string } }[];
  waitingForBot: { target: { platform: string; chat: string }; edits: number; deletes: number }[];
}

async function status(sb: Sandbox): Promise<{ json: Status; text: string }> {
  const json = JSON.parse((await cliIn(['status', '--json', '--config', sb.config, '--db', sb.db])).stdout) as Status;
  return { json, text: (await cliIn(['status', '--config', sb.config, '--db', sb.db])).stdout };
}

async function started(sb: Sandbox, p: Platform): Promise<InProcessCli> {
  const svc = InProcessCli.start(sb, [], p.env, undefined, parseThreads);
  await svc.ready();
  await svc.settled(30_000);
  return svc;
}

/** A note saved, batched, and the service idle after it. */
async function save(svc: InProcessCli, sb: Sandbox, file: string, title: string): Promise<void> {
  const from = svc.events.length;
  svc.forgetBatched([file]);
  writeFileSync(path.join(sb.notes, file), note(title, `${file} tells of one subject in words that stay from one save to the next.`));
  await svc.batched([file]);
  await svc.idle(from, 30_000);
}

/**
 * Alpha shown in C and K; the bot kicked from C; Bravo refused there (C paused); Alpha edited (its edit waits in C); C's
 * route taken out at a restart. Returns the running service: C waits for the bot, not paused.
 */
async function releasedWithAnEditWaiting(p: Platform, sb: Sandbox): Promise<InProcessCli> {
  let svc = await started(sb, p);
  await save(svc, sb, 'alpha.md', 'Alpha');
  expect(p.shown('C').map((m) => m.title)).toEqual(['Alpha']);
  p.kick();
  await save(svc, sb, 'bravo.md', 'Bravo');
  expect(svc.stderr).toMatch(/delivery failed permanently; target paused/);
  await save(svc, sb, 'alpha.md', 'Alpha two');
  expect(p.shown('K').map((m) => m.title).sort()).toEqual(['Alpha two', 'Bravo']);
  expect(p.shown('C')).toEqual([{ title: 'Alpha', edits: 0 }]);
  await svc.stop();
  writeFileSync(sb.config, withTestDefaults(p.config(false))); // as sandbox() wrote it: no 5 s translation grace on each new post
  svc = await started(sb, p);
  expect(svc.stderr).toMatch(/waiting post called off: its chat no longer wants it/); // Bravo: C no longer wants it
  const seen = await status(sb);
  expect(seen.json.paused).toEqual([]);
  expect(seen.json.waitingForBot).toMatchObject([{ target: { chat: p.cKey.split(':')[1] }, edits: 1, deletes: 0 }]);
  expect(seen.text).toContain(`${p.cKey}: 1 edit waits for the chat to take the bot back`);
  expect(seen.text).not.toMatch(/paused targets/);
  return svc;
}

/** Never let back in: a later note (shown in K) and a restart try nothing in C, and C is never shown as paused. */
async function nothingTriedInC(p: Platform, sb: Sandbox, svc: InProcessCli): Promise<InProcessCli> {
  const calls = p.callsToC();
  await save(svc, sb, 'charlie.md', 'Charlie');
  expect(p.shown('K').map((m) => m.title)).toContain('Charlie');
  await svc.stop();
  const again = await started(sb, p); // the state is durable: still waiting, nothing sent on a timer
  await save(again, sb, 'delta.md', 'Delta');
  expect(p.callsToC()).toBe(calls);
  expect(p.shown('C')).toEqual([{ title: 'Alpha', edits: 0 }]);
  const seen = await status(sb);
  expect(seen.json.paused).toEqual([]);
  expect(seen.json.waitingForBot).toHaveLength(1);
  return again;
}

describe('a released chat keeps the edits of the messages it shows until the bot is back', () => {
  it('telegram: the edit waits across restarts, nothing is tried meanwhile; the bot added back while stopped (my_chat_member) → the edit lands once', async ({ telegram: fake }) => {
    const p = telegramPlatform(fake);
    const sb = sandbox(p.config(true));
    let svc = await nothingTriedInC(p, sb, await releasedWithAnEditWaiting(p, sb));
    await svc.stop();
    // `sync --once` (cron) is not held at exit 1 by what waits for the bot, and says it.
    const sync = await cliIn(['sync', '--once', '--json', '--timeout', '20', '--config', sb.config, '--notes', sb.notes, '--db', sb.db], { env: p.env, parseThreads });
    expect(sync.code).toBe(0);
    expect(jsonLines(sync.stdout).at(-1)).toMatchObject({ event: 'sync', waiting: 0, waitingForBot: 1 });
    p.letBackIn(); // Telegram keeps the update for the next getUpdates
    svc = InProcessCli.start(sb, [], p.env, undefined, parseThreads);
    await svc.ready();
    await svc.waitFor(() => p.shown('C')[0]?.title === 'Alpha two', 20_000, 'the edit that waited, in C');
    await svc.settled(20_000);
    await svc.stop();
    svc = await started(sb, p); // nothing left to send again
    await svc.stop();
    expect(p.shown('C')).toEqual([{ title: 'Alpha two', edits: 1 }]);
    expect((await status(sb)).json).toMatchObject({ paused: [], waitingForBot: [] });
  }, 180_000);

  it('discord: the edit waits across restarts, nothing is tried meanwhile; the bot invited back while running (GUILD_CREATE) → the edit lands once', async ({ discord: fake }) => {
    const p = discordPlatform(fake);
    const sb = sandbox(p.config(true));
    const svc = await nothingTriedInC(p, sb, await releasedWithAnEditWaiting(p, sb));
    const from = svc.events.length;
    p.letBackIn();
    await svc.waitFor(() => p.shown('C')[0]?.title === 'Alpha two', 20_000, 'the edit that waited, in C');
    await svc.idle(from, 20_000);
    await svc.stop();
    const again = await started(sb, p); // nothing left to send again
    await again.stop();
    expect(p.shown('C')).toEqual([{ title: 'Alpha two', edits: 1 }]);
    expect((await status(sb)).json).toMatchObject({ paused: [], waitingForBot: [] });
  }, 180_000);

  // A second read of the change found that Discord's word that the bot is back reached only chats already waiting
  // for it: a paused channel still named (subscribed) let back in, then `/unsubscribe`d, kept its edit waiting for a
  // word already given (Telegram marks it at my_chat_member). Failed on 69d4681 (the edit never went).
  it('discord: a subscribed channel paused as the bot was removed from its server, invited back (GUILD_CREATE), then /unsubscribe → the edit lands at once', async ({ discord: fake }) => {
    const guild = fake.addGuild('C server');
    const c = fake.addChannel(guild, 0, 'notes');
    const sb = sandbox(`watch:\n  quietMs: 100\ndiscord:\n  api: ${fake.api}\n  registerCommands: false\n`);
    const svc = await started(sb, discordPlatform(fake));
    const command = async (name: string) => (await fake.interact({ type: 2, guild, channel: c.id, permissions: 1n << 4n, name })).data?.content;
    expect(await command('subscribe')).toMatch(/Subscribed/);
    const shown = () => fake.messagesIn(c.id).filter((m) => m.via === 'bot').map((m) => ({ title: m.embeds[0]?.title ?? '', edits: m.edits }));
    await save(svc, sb, 'alpha.md', 'Alpha');
    expect(shown()).toEqual([{ title: 'Alpha', edits: 0 }]);
    fake.removeBotFromGuild(guild);
    await save(svc, sb, 'alpha.md', 'Alpha two');
    expect((await status(sb)).json.paused).toMatchObject([{ target: { chat: c.id } }]); // 50001 on the edit: paused, still subscribed
    const db = new Database(sb.db, { readonly: true });
    const botBack = () => (db.prepare('SELECT bot_back_at FROM paused_marks').pluck().get() ?? null) !== null;
    fake.addBotToGuild(guild);
    await svc.waitFor(botBack, 20_000, 'the bot back in C, remembered');
    db.close();
    expect(await command('unsubscribe')).toMatch(/Unsubscribed/);
    await svc.waitFor(() => shown()[0]?.title === 'Alpha two', 20_000, 'the edit, at once');
    await svc.settled(20_000);
    await svc.stop();
    expect(shown()).toEqual([{ title: 'Alpha two', edits: 1 }]);
    expect((await status(sb)).json).toMatchObject({ paused: [], waitingForBot: [] });
  }, 120_000);

  it('telegram: `notecast unsubscribe <chat>` drops what waits for the bot; let back in later, nothing is sent there', async ({ telegram: fake }) => {
    const p = telegramPlatform(fake);
    const sb = sandbox(p.config(true));
    let svc = await releasedWithAnEditWaiting(p, sb);
    await svc.stop();
    const forgot = await cliIn(['unsubscribe', p.cKey, '--config', sb.config, '--db', sb.db]);
    expect(forgot).toMatchObject({ code: 0 });
    expect(forgot.stdout).toContain(`${p.cKey}: 0 subscriptions removed, 1 waiting delivery called off, no longer paused`);
    expect((await status(sb)).json).toMatchObject({ paused: [], waitingForBot: [] });
    const calls = p.callsToC();
    p.letBackIn();
    svc = InProcessCli.start(sb, [], p.env, undefined, parseThreads);
    await svc.ready();
    await svc.waitFor(() => svc.stderr.includes("the bot's membership of a chat changed"), 20_000, 'the bot let back in, heard');
    await save(svc, sb, 'echo.md', 'Echo');
    await svc.stop();
    expect(p.callsToC()).toBe(calls);
    expect(p.shown('C')).toEqual([{ title: 'Alpha', edits: 0 }]);
  }, 180_000);
});
