/**
 * Issue 25, tester 32-1 F2 and F3: with `onDelete: delete`, a decision about a note and a chat taken while a delivery
 * of that note to that chat was on its way (carried out by the platform, its answer late but inside
 * `delivery.callTimeoutMs`) was dropped when the answer came. A note deleted or drafted while its first post was in
 * flight stayed in the chat (no post recorded yet, so nothing to delete); a note back while its message's delete was
 * in flight was never posted again (the message still recorded, so the return was taken as an edit of it, which then
 * found nothing). The chat must end as the newest decision says (store/under-way.ts). In process, the fakes carry the
 * call out and keep its answer back until the test lets it go (`dropAnswers.late: 'held'`), on Telegram and Discord.
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import type { FakeDiscord } from '../fakes/discord/server.js';
import type { FakeTelegram } from '../fakes/telegram/server.js';
import { itWithFakes } from '../helpers/fakes.js';
import { fileParseThreads, InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox } from '../helpers/service.js';

const parseThreads = fileParseThreads();
const TELEGRAM_TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
const it = itWithFakes({ telegram: { token: TELEGRAM_TOKEN }, discordToken: DISCORD_TOKEN });
afterAll(killLeftoverServices);

// A removal waits the shortest window (three quiet periods, 600 ms, not 3 s): what a decision taken while a call is in
// flight does is the point, not the window, and each test waits for the removal decided (`remove`) before going on.
const BASE = 'watch:\n  quietMs: 200\n  reconcileMinutes: 0\ndelivery:\n  callTimeoutMs: 60000\npublish:\n  onDelete: delete\n  translations: { mode: group, graceMs: 0 }\n  digest: { windowMs: 600 }\n';

/** One chat on one platform, seen through the fake: what it shows now, and the calls whose answer is held. */
interface Chat {
  svc: InProcessCli;
  notes: string;
  /** The titles of the messages the chat shows now (deleted ones left out). */
  shown(): string[];
  /** The next post (`post`) or delete (`delete`) is carried out and its answer held until `answer()`. */
  holdNext(kind: 'post' | 'delete'): void;
  held(): number;
  answer(): void;
}

async function telegramChat(telegram: FakeTelegram): Promise<Chat> {
  const group = telegram.addChat(-100321, 'supergroup');
  const sb = sandbox(`${BASE}telegram:\n  apiRoot: ${telegram.apiRoot}\n  registerCommands: false\nroutes:\n  - platform: telegram\n    chat: "${group.id}"\n`);
  const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN }, undefined, parseThreads);
  await svc.ready();
  await svc.settled();
  return {
    svc,
    notes: sb.notes,
    shown: () => telegram.sentTo(group.id).map((m) => m.text.split('\n')[0]!),
    holdNext: (kind) => void (telegram.dropAnswers = { count: 1, methods: [kind === 'post' ? 'sendMessage' : 'deleteMessage'], late: 'held' }),
    held: () => telegram.answersHeld,
    answer: () => telegram.answerLate(),
  };
}

async function discordChat(discord: FakeDiscord): Promise<Chat> {
  const ch = discord.addChannel(discord.addGuild(), 0, 'notes');
  const sb = sandbox(`${BASE}discord:\n  api: ${discord.api}\n  registerCommands: false\nroutes:\n  - platform: discord\n    chat: "${ch.id}"\n`);
  const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN }, undefined, parseThreads);
  await svc.ready();
  await discord.identified();
  await svc.settled();
  return {
    svc,
    notes: sb.notes,
    shown: () => discord.messagesIn(ch.id).map((m) => m.embeds[0]?.title ?? m.content ?? ''),
    holdNext: (kind) => void (discord.dropAnswers = { count: 1, where: (method, p) => p.startsWith(`/channels/${ch.id}/messages`) && method === (kind === 'post' ? 'POST' : 'DELETE'), late: 'held' }),
    held: () => discord.answersHeld,
    answer: () => discord.answerLate(),
  };
}

/** Writes `n1.md` (a draft or not) and waits for the batch that holds it. */
async function write(chat: Chat, title: string, extra = ''): Promise<void> {
  chat.svc.forgetBatched(['n1.md']);
  writeFileSync(path.join(chat.notes, 'n1.md'), note(title, 'Words about lanterns by the river.', extra));
  await chat.svc.batched(['n1.md']);
}

/** Deletes `n1.md` and waits until its removal is decided (after the removal window: README, Bursts). */
async function remove(chat: Chat): Promise<void> {
  const logFrom = chat.svc.stderr.length;
  unlinkSync(path.join(chat.notes, 'n1.md'));
  await chat.svc.waitFor(() => /"action":"retract"/.test(chat.svc.stderr.slice(logFrom)), 20_000, 'the removal decided');
}

/** `during` runs while the held call waits for its answer; then the answer comes, and the service settles. */
async function whileInFlight(chat: Chat, kind: 'post' | 'delete', start: () => Promise<void>, during: () => Promise<void>): Promise<void> {
  chat.holdNext(kind);
  await start();
  await chat.svc.waitFor(() => chat.held() === 1, 20_000, `the ${kind} carried out, its answer held`);
  await during();
  const from = chat.svc.events.length;
  chat.answer();
  await chat.svc.idle(from, 20_000);
}

type Body = (chat: Chat) => Promise<void>;
/** A test's body on each platform, given only that platform's fake (vitest reads the fixtures from the pattern). */
const platforms = [
  ['Telegram', (body: Body) => async ({ telegram }: { telegram: FakeTelegram }) => body(await telegramChat(telegram))],
  ['Discord', (body: Body) => async ({ discord }: { discord: FakeDiscord }) => body(await discordChat(discord))],
] as const;

describe.concurrent('a decision taken while a delivery of the same note and chat is in flight (onDelete: delete)', () => {
  for (const [name, chatOn] of platforms) {
    it(`${name}: a note deleted while its first post's answer is on its way: the message is deleted once its id is known (F2)`, chatOn(async (chat) => {
      await whileInFlight(chat, 'post', () => write(chat, 'Alpha 1'), () => remove(chat));
      expect(chat.shown()).toEqual([]);
      const from = chat.svc.events.length;
      await write(chat, 'Alpha 2'); // back: posted anew, once
      await chat.svc.idle(from, 20_000);
      expect(chat.shown()).toEqual(['Alpha 2']);
      expect(await chat.svc.stop()).toBe(0);
    }), 90_000);

    it(`${name}: a note drafted while its first post's answer is on its way: the message is deleted (F2)`, chatOn(async (chat) => {
      await whileInFlight(chat, 'post', () => write(chat, 'Bravo 1'), () => write(chat, 'Bravo 1', 'published: false\n'));
      expect(chat.shown()).toEqual([]);
      expect(await chat.svc.stop()).toBe(0);
    }), 90_000);

    it(`${name}: a note written back while its message's delete is on its way: posted anew, and later edits follow it (F3)`, chatOn(async (chat) => {
      const from = chat.svc.events.length;
      await write(chat, 'Charlie 1');
      await chat.svc.idle(from, 20_000);
      expect(chat.shown()).toEqual(['Charlie 1']);
      await whileInFlight(chat, 'delete', () => remove(chat), () => write(chat, 'Charlie 1'));
      expect(chat.shown()).toEqual(['Charlie 1']);
      const later = chat.svc.events.length;
      await write(chat, 'Charlie 2');
      await chat.svc.idle(later, 20_000);
      expect(chat.shown()).toEqual(['Charlie 2']);
      expect(await chat.svc.stop()).toBe(0);
    }), 90_000);

    it(`${name}: a note written back retitled while its message's delete is on its way: posted anew, once (F3)`, chatOn(async (chat) => {
      const from = chat.svc.events.length;
      await write(chat, 'Delta 1');
      await chat.svc.idle(from, 20_000);
      await whileInFlight(chat, 'delete', () => remove(chat), () => write(chat, 'Delta 2'));
      expect(chat.shown()).toEqual(['Delta 2']);
      expect(await chat.svc.stop()).toBe(0);
    }), 90_000);
  }
});
