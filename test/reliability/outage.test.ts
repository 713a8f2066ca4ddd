/**
 * Both platforms down for a long while, then back: every connection cut (REST, gateway, long polls)
 * while notes are written and edited. 6 s is twelve times the retry ceiling set below, as the
 * minute it once was is twelve times a 5 s ceiling (and the 15 s after it twelve times 1.25 s): as
 * many retries meet the outage, in a tenth of the time. Afterwards each announcement and edit has happened exactly
 * once, nothing is paused or failed, and /healthz said so while it lasted.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fakes/discord/server.js';
import { FakeTelegram } from '../fakes/telegram/server.js';
import { statusOf } from '../helpers/cli.js';
import { freePort } from '../helpers/net.js';
import { note, sandbox, Service, sleep } from '../helpers/service.js';
import { until as waitFor } from '../helpers/until.js';

const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-outage';
const TELEGRAM_TOKEN = '123456:OUTAGE-token-abcdefghijklmnopqrstuvwxyz';
const OUTAGE_MS = 6_000;

let svc: Service | undefined;
const fakes: { stop(): Promise<void> }[] = [];
afterAll(async () => {
  svc?.proc.kill('SIGKILL');
  await svc?.exited;
  for (const f of fakes) await f.stop();
});

async function health(port: number): Promise<{ status: number; checks: Record<string, boolean> }> {
  const r = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { status: r.status, checks: ((await r.json()) as { checks: Record<string, boolean> }).checks };
}

const until = (cond: () => boolean | Promise<boolean>, ms: number, what: string) => waitFor(cond, ms, what, () => svc?.stderr.slice(-3000) ?? '');

describe('a long outage of both platforms', () => {
  it('delivers every post and edit exactly once when they come back, and /healthz tells', async () => {
    const discord = await new FakeDiscord(DISCORD_TOKEN).start();
    const telegram = await new FakeTelegram({ token: TELEGRAM_TOKEN }).start();
    fakes.push(discord, telegram);
    const guild = discord.addGuild();
    const channels = [0, 1, 2].map((i) => discord.addChannel(guild, 0, `news-${i}`));
    const chats = [2001, 2002, 2003].map((id) => telegram.addChat(id, 'private'));
    const port = await freePort();
    const sb = sandbox(
      [
        'watch:\n  quietMs: 200',
        `http:\n  port: ${port}`,
        // A 0.5 s ceiling keeps retries frequent (about 12 in the outage) without spending the 40 attempts.
        'delivery:\n  baseDelayMs: 200\n  maxDelayMs: 500\n  callTimeoutMs: 10000',
        `discord:\n  api: ${discord.api}\n  registerCommands: false`,
        `telegram:\n  apiRoot: ${telegram.apiRoot}\n  registerCommands: false`,
        'routes:',
        ...channels.map((c) => `  - platform: discord\n    chat: "${c.id}"`),
        ...chats.map((c) => `  - platform: telegram\n    chat: ${c.id}`),
      ].join('\n') + '\n',
    );
    svc = Service.start(sb, [], { DISCORD_TOKEN, TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN });
    await svc.ready();
    await until(() => discord.connected && telegram.calls.some((c) => c.method === 'getUpdates'), 15_000, 'both platforms connected');
    await until(async () => (await health(port)).status === 200, 10_000, 'healthy');

    const first = path.join(sb.notes, 'before-en.md');
    writeFileSync(first, note('Before the outage', 'Announced while all is well.'));
    await until(() => channels.every((c) => discord.messagesIn(c.id).length === 1) && chats.every((c) => telegram.sentTo(c.id).length === 1), 20_000, 'first announcement');

    const fromOutage = svc.events.length;
    discord.down = true;
    telegram.down = true;
    const outageStarted = Date.now();
    writeFileSync(path.join(sb.notes, 'during-en.md'), note('During the outage', 'Written while both platforms were away.'));
    writeFileSync(first, note('Before the outage', 'Announced while all is well, then corrected during the outage.'));
    await until(async () => {
      const h = await health(port);
      return h.status === 503 && !h.checks.discord && !h.checks.telegram && h.checks.store === true;
    }, 30_000, '/healthz to report both platforms unreachable');
    // A fixed wait: the outage itself, its length the point (retries keep failing all along).
    await sleep(OUTAGE_MS - (Date.now() - outageStarted));
    expect(discord.messages).toHaveLength(3);
    expect(telegram.messages).toHaveLength(3);

    discord.down = false;
    telegram.down = false;
    const edited = (text: string) => text.includes('corrected during the outage');
    await until(
      () =>
        channels.every((c) => discord.messagesIn(c.id).length === 2 && edited(JSON.stringify(discord.messagesIn(c.id)[0]!.embeds))) &&
        chats.every((c) => telegram.sentTo(c.id).length === 2 && edited(telegram.sentTo(c.id)[0]!.text)),
      60_000,
      'every post and edit after the outage',
    );
    await until(async () => (await health(port)).status === 200, 30_000, 'healthy again');
    // The service's own idle signal: nothing in flight or waiting, so a wrongful repeat would be out by now.
    await svc.idle(fromOutage);

    for (const c of channels) expect(discord.messagesIn(c.id).map((m) => m.embeds[0]!.title)).toEqual(['Before the outage', 'During the outage']);
    for (const c of chats) expect(telegram.sentTo(c.id).map((m) => m.text.split('\n')[0])).toEqual(['Before the outage', 'During the outage']);
    expect(discord.messages).toHaveLength(6);
    expect(telegram.messages).toHaveLength(6);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    // Retries were counted (a target's deliveries go in order, so the edit queued first took them).
    expect(metrics).toMatch(/notecast_deliveries_total\{platform="discord",kind="\w+",outcome="retry"\} [1-9]/);
    expect(metrics).toMatch(/notecast_deliveries_total\{platform="telegram",kind="\w+",outcome="retry"\} [1-9]/);

    expect(await svc.stop()).toBe(0);
    svc = undefined;
    const status = JSON.parse(statusOf(sb.db, { json: true }).stdout) as { outbox: Record<string, number>; paused: unknown[]; failures: unknown[] };
    expect(status.outbox).toEqual({ done: 18 });
    expect(status.paused).toEqual([]);
    expect(status.failures).toEqual([]);
  }, 180_000);
});
