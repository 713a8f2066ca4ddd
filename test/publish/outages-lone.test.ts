/**
 * Issue 25 (open risk of the last round): a lone post the platform answers with a 5xx, with nothing else
 * going there, was taken for an outage at every try (no other delivery had answered since), so it waited
 * and was tried again about once a minute for ever, while the probe (getMe, Discord's gateway lookup)
 * answered each time. A failure right after a probe answered is the post's own: it spends an attempt, and
 * `delivery.maxAttempts` ends it, failed with its reason in `status`. An outage proper (the probe fails too)
 * still parks: outages.test.ts. Through the real grammY and discord.js clients against the fakes, in process.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { statusOf } from '../helpers/cli.js';
import { itWithFakes } from '../helpers/fakes.js';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox, type Sandbox } from '../helpers/service.js';

const TELEGRAM_TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-lone-5xx';

const it = itWithFakes({ discordToken: DISCORD_TOKEN, telegram: { token: TELEGRAM_TOKEN } });
afterAll(killLeftoverServices);

// The probes of a platform taken as down (PlatformConnections: 1 s doubling to 60 s in `notecast start`) on the
// deliveries' own backoff, in process (AppOptions.reconnect): that the probe answered is the point, not how long after.
const SHORT_PROBES = { reconnect: { baseDelayMs: 200, maxDelayMs: 500 } };

const BASE = 'watch:\n  quietMs: 200\ndelivery:\n  maxAttempts: 3\n  baseDelayMs: 200\n  maxDelayMs: 500\n  callTimeoutMs: 3000\nsite:\n  url: https://notes.example.org\n';

interface Status {
  outbox: Record<string, number>;
  failures: { noteId: string | null; error?: string; attempts: number }[];
  platforms: Record<string, { state?: string }>;
}

/** The one note is written; its post fails with a 5xx at every try: it ends failed after maxAttempts, said in `status`. */
async function givesUp(sb: Sandbox, svc: InProcessCli, platform: string, probes: () => number): Promise<void> {
  writeFileSync(path.join(sb.notes, 'alone.md'), note('Alone', 'The only post, answered 502 each time.'));
  // Before the fix it waited (parked, no attempt spent) after each probe answered: 3 attempts never came.
  await svc.waitFor(() => /delivery failed: too many attempts/.test(svc.stderr), 40_000, 'the post given up after maxAttempts');
  expect(probes()).toBeGreaterThan(0); // the platform answered the probes meanwhile: no outage
  const status = JSON.parse(statusOf(sb.db, { json: true }).stdout) as Status;
  expect(status.outbox.failed).toBe(1);
  expect(status.outbox.pending ?? 0).toBe(0);
  expect(status.failures).toEqual([expect.objectContaining({ noteId: 'family:alone', attempts: 3, error: expect.stringMatching(/^gave up after 3 attempts: .*502/) as unknown })]);
  expect(statusOf(sb.db).stdout).toMatch(/failed deliveries:[\s\S]*alone .*gave up after 3 attempts/);
  expect(status.platforms[platform]?.state).toBe('up');
}

describe.concurrent('a lone post a platform answers 5xx, with no other traffic', () => {
  it('Telegram: it spends its attempts once getMe answers, and ends failed', { timeout: 90_000 }, async ({ telegram }) => {
    const chat = telegram.addChat(1401, 'private');
    // Sends to the chat unpaced (rate.perChatMs: 0, not Telegram's second a chat): each try is answered 502 before the
    // fake's rate limits are looked at, so the pacing was only a second of waiting before each of the ~11 tries.
    const sb = sandbox(`${BASE}telegram:\n  apiRoot: ${telegram.apiRoot}\n  registerCommands: false\n  rate:\n    perChatMs: 0\nroutes:\n  - platform: telegram\n    chat: ${chat.id}\n`);
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN }, undefined, undefined, SHORT_PROBES);
    await svc.ready();
    telegram.failNext = { count: 10_000, status: 502 }; // sends only: getMe answers
    const getMes = () => telegram.calls.filter((c) => c.method === 'getMe').length;
    const atStart = getMes();
    await givesUp(sb, svc, 'telegram', () => getMes() - atStart);
    await svc.stop();
    expect(telegram.sentTo(chat.id)).toEqual([]);
  });

  it('Discord: it spends its attempts once the gateway lookup answers, and ends failed', { timeout: 90_000 }, async ({ discord }) => {
    const channel = discord.addChannel(discord.addGuild(), 0, 'news');
    const sb = sandbox(`${BASE}discord:\n  api: ${discord.api}\n  registerCommands: false\nroutes:\n  - platform: discord\n    chat: "${channel.id}"\n`);
    const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN }, undefined, undefined, SHORT_PROBES);
    await svc.ready();
    await discord.identified();
    discord.failNext = { count: 10_000, status: 502 }; // message creations only: the gateway lookup answers
    const lookups = () => discord.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/gateway/bot')).length;
    const atStart = lookups();
    await givesUp(sb, svc, 'discord', () => lookups() - atStart);
    await svc.stop();
    expect(discord.messagesIn(channel.id)).toEqual([]);
  });
});
