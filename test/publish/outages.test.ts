/**
 * Issue 25, outside tester 28-1's F3: a platform that goes away while the service runs (connections
 * refused, every call dropped unanswered, a storm of 5xx answers) for longer than `delivery.maxAttempts`
 * lasts used to spend each post's attempts and mark it failed for good, where the same outage begun
 * before the start only made it wait. A failure that says nothing about the chat or the message
 * (no delivery of the platform answered meanwhile) spends no attempt: the deliveries wait, parked
 * (one log line, `status` says so), and each goes once when the platform answers. Through the real
 * grammY and discord.js clients against the fakes, in process.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import type { FakeDiscord } from '../fakes/discord/server.js';
import type { FakeTelegram } from '../fakes/telegram/server.js';
import { statusOf } from '../helpers/cli.js';
import { itWithFakes } from '../helpers/fakes.js';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox, sleep, type Sandbox } from '../helpers/service.js';

const TELEGRAM_TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-outages';

const it = itWithFakes({ discordToken: DISCORD_TOKEN, telegram: { token: TELEGRAM_TOKEN } });
afterAll(killLeftoverServices);

/** Three attempts, 200-500 ms apart: spent within about a second and a half of an outage. */
const BASE = 'watch:\n  quietMs: 200\ndelivery:\n  maxAttempts: 3\n  baseDelayMs: 200\n  maxDelayMs: 500\n  callTimeoutMs: 3000\nsite:\n  url: https://notes.example.org\n';
/** The outage: several times what the three attempts take. A fixed wait, its length the point (as in reliability/outage.test.ts). */
const OUTAGE_MS = 5_000;
// The probes of a platform taken as down (PlatformConnections: 1 s doubling to 60 s in `notecast start`) on the
// deliveries' own backoff, in process (AppOptions.reconnect): that the post goes once the platform answers is the point,
// not how long after; every probe within the outage still fails, so the post waits it out all the same.
const SHORT_PROBES = { reconnect: { baseDelayMs: 200, maxDelayMs: 500 } };

interface Status {
  outbox: Record<string, number>;
  failures: unknown[];
  platforms: Record<string, { state?: string }>;
}

/**
 * A seed note posted while all is well; then `outage` begins, a note is written, and it ends after OUTAGE_MS:
 * meanwhile the post waits (nothing failed, the platform shown unreachable), and afterwards it is out once.
 */
async function throughOutage(sb: Sandbox, svc: InProcessCli, platform: string, posted: () => number, outage: { begin(): Promise<void> | void; end(): Promise<void> | void }): Promise<void> {
  writeFileSync(path.join(sb.notes, 'seed.md'), note('Seed', 'Posted while all is well.'));
  await svc.waitFor(() => posted() === 1, 15_000, 'the seed post');
  await svc.settled();
  const logFrom = svc.stderr.length;
  await outage.begin();
  writeFileSync(path.join(sb.notes, 'alpha.md'), note('Alpha', 'Written while the platform is away.'));
  // The note's first send met the outage (said as an outage, or as a failed attempt before the fix).
  await svc.waitFor(() => /is not answering|delivery will be retried|too many attempts/.test(svc.stderr.slice(logFrom)), 15_000, 'a send meeting the outage');
  await sleep(OUTAGE_MS);
  expectWaited(JSON.parse(statusOf(sb.db, { json: true }).stdout) as Status, statusOf(sb.db).stdout, platform);
  const from = svc.events.length;
  await outage.end();
  await svc.waitFor(() => posted() === 2, 30_000, 'the post once the platform answers');
  await svc.idle(from, 30_000); // nothing in flight or waiting: a second post would be out by now
  expect(svc.stderr.slice(logFrom).match(new RegExp(`${platform} is not answering`, 'g'))).toHaveLength(1);
  expect(svc.stderr.slice(logFrom)).toContain(`${platform} answers again`);
}

function expectWaited(during: Status, text: string, platform: string): void {
  expect(during.failures).toEqual([]);
  expect(during.outbox.failed ?? 0).toBe(0);
  expect(during.outbox.pending).toBe(1);
  expect(during.platforms[platform]?.state).toBe('unreachable');
  expect(text).toMatch(new RegExp(`${platform}: +unreachable since .*its deliveries wait until it answers`));
}

async function telegramService(fake: FakeTelegram, chat: number) {
  const sb = sandbox(`${BASE}telegram:\n  apiRoot: ${fake.apiRoot}\n  registerCommands: false\nroutes:\n  - platform: telegram\n    chat: ${chat}\n`);
  const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN }, undefined, undefined, SHORT_PROBES);
  await svc.ready();
  await fake.waitFor(() => fake.calls.some((c) => c.method === 'getUpdates'), 10_000, 'polling');
  return { sb, svc };
}

async function discordService(fake: FakeDiscord) {
  const channel = fake.addChannel(fake.addGuild(), 0, 'news');
  const sb = sandbox(`${BASE}discord:\n  api: ${fake.api}\n  registerCommands: false\nroutes:\n  - platform: discord\n    chat: "${channel.id}"\n`);
  const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN }, undefined, undefined, SHORT_PROBES);
  await svc.ready();
  await fake.identified();
  return { sb, svc, channel };
}

const telegramOutages: Record<string, (t: FakeTelegram) => { begin(): Promise<void> | void; end(): Promise<void> | void }> = {
  'connections refused (nothing sent)': (t) => ({ begin: () => t.refuseConnections(true), end: () => t.refuseConnections(false) }),
  'every call dropped unanswered (a send that may have gone out)': (t) => ({ begin: () => void (t.down = true), end: () => void (t.down = false) }),
  'a storm of 502 answers to every call, getMe included': (t) => ({ begin: () => void (t.failEveryCall = 502), end: () => void (t.failEveryCall = 0) }),
};

describe.concurrent('Telegram away while the service runs, longer than maxAttempts lasts', () => {
  for (const [what, outageOf] of Object.entries(telegramOutages)) {
    it(`${what}: the post waits, spending no attempt, and goes once when Telegram answers`, { timeout: 90_000 }, async ({ telegram }) => {
      const chat = telegram.addChat(1301, 'private');
      const { sb, svc } = await telegramService(telegram, chat.id);
      await throughOutage(sb, svc, 'telegram', () => telegram.sentTo(chat.id).length, outageOf(telegram));
      await svc.stop();
      expect(telegram.sentTo(chat.id).map((m) => m.text.split('\n')[0])).toEqual(['Seed', 'Alpha']);
      expect(JSON.parse(statusOf(sb.db, { json: true }).stdout)).toMatchObject({ outbox: { done: 2 }, failures: [] });
    });
  }
});

const discordOutages: Record<string, (d: FakeDiscord) => { begin(): void; end(): void }> = {
  'every connection cut (REST and gateway)': (d) => ({ begin: () => void (d.down = true), end: () => void (d.down = false) }),
  'a storm of 502 answers to every REST call, the gateway lookup included': (d) => ({ begin: () => void (d.failEveryCall = 502), end: () => void (d.failEveryCall = 0) }),
};

describe.concurrent('Discord away while the service runs, longer than maxAttempts lasts', () => {
  for (const [what, outageOf] of Object.entries(discordOutages)) {
    it(`${what}: the post waits, spending no attempt, and goes once when Discord answers`, { timeout: 90_000 }, async ({ discord }) => {
      const { sb, svc, channel } = await discordService(discord);
      await throughOutage(sb, svc, 'discord', () => discord.messagesIn(channel.id).length, outageOf(discord));
      await svc.stop();
      expect(discord.messagesIn(channel.id).map((m) => m.embeds[0]?.title)).toEqual(['Seed', 'Alpha']);
      expect(JSON.parse(statusOf(sb.db, { json: true }).stdout)).toMatchObject({ outbox: { done: 2 }, failures: [] });
    });
  }
});
