/**
 * Issue 25, outside tester 30-1's F1. The deliverer's limit on a platform call (`delivery.callTimeoutMs`) ran around the
 * adapter's whole call, so it also counted the waits in our own queue: Telegram's pacer holding a group's posts past its
 * 20 a minute, discord.js's REST queue waiting out a channel's rate limit. With a limit shorter than those waits, a burst
 * to one chat logged "no answer from the platform … may show twice" for posts never sent, `status` counted them as sent
 * again, and a run of them was taken for the platform not answering (every chat of it parked). README ("Exactly once,
 * and where the platforms make that hard"): a post is sent again only when "no answer came" to it. Both adapters time
 * each call from when it leaves their queue (adapters/{telegram,discord}/calls.ts); the deliverer now leaves them to it
 * (publish/call-bound.ts). The group's window and the channel's bucket are shortened on both sides (the service's and the
 * fake's), with the limit at its least (1 s), so our own waits are several times the limit.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { statusOf } from '../helpers/cli.js';
import { itWithFakes } from '../helpers/fakes.js';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox, type Sandbox } from '../helpers/service.js';

const TELEGRAM_TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-own-waits';
/** A group's window of Telegram's "20 messages per minute", with 2 in it: the 3rd to 5th posts wait ~4 s each in the pacer. */
const GROUP_WINDOW_MS = 4000;
const PER_GROUP = 2;
const NOTES = 5;

const it = itWithFakes({ discordToken: DISCORD_TOKEN, telegram: { token: TELEGRAM_TOKEN, limits: { globalPerSecond: 30, perChatMs: 1000, perGroupPerMinute: PER_GROUP, groupWindowMs: GROUP_WINDOW_MS } } });
afterAll(killLeftoverServices);

/** Every post its own message (no digest), and our limit on a call at its least. */
const BASE = 'watch:\n  quietMs: 200\npublish:\n  digest:\n    threshold: 100\ndelivery:\n  maxAttempts: 3\n  baseDelayMs: 200\n  maxDelayMs: 500\n  callTimeoutMs: 1000\nsite:\n  url: https://notes.example.org\n';

interface Status {
  outbox: Record<string, number>;
  uncertainSends: { total: number };
}

/** Saves NOTES notes at once, for one chat. */
function burst(sb: Sandbox): void {
  for (let i = 1; i <= NOTES; i++) writeFileSync(path.join(sb.notes, `burst-${i}.md`), note(`Burst ${i}`, `Note ${i} of a burst to one chat.`));
}

/** Each post went once, none was taken for unanswered, sent again, or for the platform's silence. */
async function noneTakenForSilence(sb: Sandbox, svc: InProcessCli, sent: () => number): Promise<void> {
  await svc.settled(30_000);
  await svc.stop();
  expect(sent()).toBe(NOTES);
  expect(svc.stderr).not.toMatch(/no answer/);
  expect(svc.stderr).not.toMatch(/is not answering/);
  const status = JSON.parse(statusOf(sb.db, { json: true }).stdout) as Status;
  expect(status.outbox).toEqual({ done: NOTES });
  expect(status.uncertainSends.total).toBe(0);
}

describe.concurrent('waits in our own queue are not the platform’s silence', () => {
  it('Telegram: a burst to one group, held by the pacer past callTimeoutMs, goes out once each, none called unanswered', { timeout: 90_000 }, async ({ telegram }) => {
    const group = telegram.addChat(-100777, 'supergroup');
    const sb = sandbox(`${BASE}telegram:\n  apiRoot: ${telegram.apiRoot}\n  registerCommands: false\n  rate:\n    perGroupPerMinute: ${PER_GROUP}\nroutes:\n  - platform: telegram\n    chat: "${group.id}"\n`);
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN }, undefined, undefined, { telegramGroupWindowMs: GROUP_WINDOW_MS });
    await svc.ready();
    burst(sb);
    await telegram.waitFor(() => telegram.sentTo(group.id).length >= NOTES, 60_000, 'the burst sent');
    // Paced as the group's window asks: the posts past the first two waited a window (our queue, several times the limit).
    const sends = telegram.calls.filter((c) => c.method === 'sendMessage' && c.status === 200);
    expect(sends[NOTES - 1]!.at - sends[0]!.at).toBeGreaterThanOrEqual(2 * GROUP_WINDOW_MS - 1000);
    await noneTakenForSilence(sb, svc, () => telegram.sentTo(group.id).length);
  });

  it('Discord: a burst to one channel, held by the REST queue for its rate limit past callTimeoutMs, goes out once each, none called unanswered', { timeout: 90_000 }, async ({ discord }) => {
    discord.limits = { ...discord.limits, perChannel: PER_GROUP, perChannelWindowMs: GROUP_WINDOW_MS };
    const channel = discord.addChannel(discord.addGuild(), 0, 'news');
    const sb = sandbox(`${BASE}discord:\n  api: ${discord.api}\n  registerCommands: false\nroutes:\n  - platform: discord\n    chat: "${channel.id}"\n`);
    const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN });
    await svc.ready();
    await discord.identified();
    burst(sb);
    await discord.waitFor(() => discord.messagesIn(channel.id).length >= NOTES, 60_000, 'the burst sent');
    await noneTakenForSilence(sb, svc, () => discord.messagesIn(channel.id).length);
  });
});
