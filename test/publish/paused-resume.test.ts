/**
 * Issue 25 (tester F2): a chat the bot was kicked from is paused by the post that met the 403; once the bot
 * is back and an admin sends /subscribe (README: "/subscribe again resumes it"), every post that waited
 * for it goes out, once each and in its newest state — the one that met the 403 included (before, it
 * stayed failed for good while the later ones went out). Telegram answers 403 "Forbidden: bot was kicked from
 * the group chat", Discord 403 {code: 50001, message: "Missing Access"} (the fakes cite their docs).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { itWithFakes } from '../helpers/fakes.js';
import { statusOf } from '../helpers/cli.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox, sleep } from '../helpers/service.js';

const parseThreads = fileParseThreads();
const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
const ADMIN = 11;
const MANAGE_CHANNELS = 1n << 4n;
const it = itWithFakes({ telegram: { token: TOKEN }, discordToken: DISCORD_TOKEN });
afterAll(killLeftoverServices);

/**
 * Saves bravo.md again and charlie.md while the chat is paused, and waits until both are queued behind the pause: their
 * batches applied, then the service idle (a paused chat's deliveries wait for /subscribe, not for time, so idle means
 * nothing more will be tried until then). Signals, not a fixed wait. With the 1.5 s this waited before, the /subscribe
 * came while bravo's rewrite (a new title) was still held for the removal window, and its queuing woke the deliverer; sent
 * once all was quiet, as here, the resumed chat's posts waited for good (status: not paused, 2 pending): /subscribe
 * resumed the chat without waking the deliverer, which sets no timer for a paused chat.
 */
async function queuedBehindPause(svc: InProcessCli, save: () => void): Promise<void> {
  const from = svc.events.length;
  svc.forgetBatched(['bravo.md']);
  save();
  await svc.batched(['bravo.md', 'charlie.md']);
  await svc.idle(from);
}

// The cases run at once, each with fakes, folder and service of its own: they wait on the platforms' pace and the
// service's retries (2 s of CPU in 20-27 s one after the other).
describe.concurrent('a paused chat resumed by /subscribe', () => {
  it('gets the post that paused it and those queued behind, once each, newest state (Telegram 403 kicked)', { timeout: 60_000 }, async ({ telegram: fake }) => {
    const group = fake.addChat(-602, 'group', { [ADMIN]: 'creator' });
    const sb = sandbox(`watch:\n  quietMs: 200\ndelivery:\n  baseDelayMs: 200\n  maxDelayMs: 500\ntelegram:\n  apiRoot: ${fake.apiRoot}\n`);
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    await svc.ready();
    await fake.waitFor(() => fake.calls.some((c) => c.method === 'getUpdates'), 10_000, 'polling');
    const titles = () => fake.sentTo(group.id).map((m) => m.text.split('\n')[0]!).filter((t) => !/ubscri/.test(t));
    fake.command(group.id, ADMIN, '/subscribe');
    await fake.waitFor(() => fake.sentTo(group.id).length === 1, 10_000, 'subscribe reply');

    group.state = 'kicked';
    writeFileSync(path.join(sb.notes, 'bravo.md'), note('Bravo', 'Bravo body text here.'));
    await fake.waitFor(() => statusOf(sb.db).stdout.includes('bot was kicked'), 15_000, 'paused');
    await queuedBehindPause(svc, () => {
      writeFileSync(path.join(sb.notes, 'charlie.md'), note('Charlie', 'Charlie body text here.'));
      writeFileSync(path.join(sb.notes, 'bravo.md'), note('Bravo revised', 'Bravo body, edited while the bot was away.'));
    });
    expect(titles()).toEqual([]);

    group.state = 'ok';
    await sleep(1100); // the fake holds the bot to Telegram's one message a second per chat
    fake.command(group.id, ADMIN, '/subscribe');
    await fake.waitFor(() => titles().length >= 2, 15_000, 'the waiting posts');
    await svc.settled();
    expect(titles().sort()).toEqual(['Bravo revised', 'Charlie']);
    const s = JSON.parse(statusOf(sb.db, { json: true }).stdout) as { outbox: Record<string, number>; paused: unknown[] };
    expect(s.paused).toEqual([]);
    expect(s.outbox.failed ?? 0).toBe(0);
    await svc.stop();
  });

  it('the same on Discord: 403 50001 Missing Access, access given back, /subscribe again', { timeout: 60_000 }, async ({ discord: fake }) => {
    const guild = fake.addGuild();
    const ch = fake.addChannel(guild, 0, 'news');
    const sb = sandbox(`watch:\n  quietMs: 200\ndelivery:\n  baseDelayMs: 200\n  maxDelayMs: 500\ndiscord:\n  api: ${fake.api}\n  registerCommands: false\n`);
    const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN }, undefined, parseThreads);
    await svc.ready();
    await fake.identified();
    const subscribe = () => fake.interact({ type: 2, guild, channel: ch.id, permissions: MANAGE_CHANNELS, name: 'subscribe' });
    await subscribe();
    const titles = () => fake.messagesIn(ch.id).map((m) => m.embeds?.[0]?.title ?? m.content ?? '');

    ch.access = 'forbidden';
    writeFileSync(path.join(sb.notes, 'bravo.md'), note('Bravo', 'Bravo body text here.'));
    await svc.waitFor(() => statusOf(sb.db).stdout.includes('50001'), 15_000, 'paused');
    await queuedBehindPause(svc, () => {
      writeFileSync(path.join(sb.notes, 'charlie.md'), note('Charlie', 'Charlie body text here.'));
      writeFileSync(path.join(sb.notes, 'bravo.md'), note('Bravo revised', 'Bravo body, edited while the bot was shut out.'));
    });
    expect(titles()).toEqual([]);

    ch.access = 'ok';
    await subscribe();
    await svc.waitFor(() => titles().length >= 2, 15_000, 'the waiting posts');
    await svc.settled();
    expect(titles().sort()).toEqual(['Bravo revised', 'Charlie']);
    const s = JSON.parse(statusOf(sb.db, { json: true }).stdout) as { outbox: Record<string, number>; paused: unknown[] };
    expect(s.paused).toEqual([]);
    expect(s.outbox.failed ?? 0).toBe(0);
    await svc.stop();
  });

  // Issue 25, tester 26-1 F1: the tests above queue Charlie behind the pause; here nothing but /subscribe comes after
  // the refusal. Before, resuming woke nothing: the waiting post stayed pending until some other delivery or a restart.
  it('/subscribe alone sends what waited, with no other delivery to wake the outbox (Telegram: a post, then an edit)', async ({ telegram: fake }) => {
    const group = fake.addChat(-603, 'group', { [ADMIN]: 'creator' });
    const sb = sandbox(`watch:\n  quietMs: 200\ndelivery:\n  baseDelayMs: 200\n  maxDelayMs: 500\ntelegram:\n  apiRoot: ${fake.apiRoot}\n`);
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    await svc.ready();
    await fake.waitFor(() => fake.calls.some((c) => c.method === 'getUpdates'), 10_000, 'polling');
    const shown = () => fake.sentTo(group.id).map((m) => m.text.split('\n')[0]!).filter((t) => !/ubscri/.test(t));
    const resume = async () => {
      const replies = fake.sentTo(group.id).filter((m) => /ubscri/.test(m.text)).length;
      await sleep(1100); // the fake holds the bot to Telegram's one message a second per chat
      fake.command(group.id, ADMIN, '/subscribe');
      await fake.waitFor(() => fake.sentTo(group.id).filter((m) => /ubscri/.test(m.text)).length > replies, 10_000, 'subscribe reply');
    };
    await resume();

    group.state = 'kicked';
    writeFileSync(path.join(sb.notes, 'bravo.md'), note('Bravo', 'Bravo body text here.'));
    await fake.waitFor(() => statusOf(sb.db).stdout.includes('bot was kicked'), 15_000, 'paused by the post');
    group.state = 'ok';
    await resume();
    await fake.waitFor(() => shown().includes('Bravo'), 15_000, 'the post that waited, after /subscribe alone');

    group.state = 'kicked';
    writeFileSync(path.join(sb.notes, 'bravo.md'), note('Bravo edited', 'Bravo body text here, edited while the bot was away.'));
    await fake.waitFor(() => statusOf(sb.db).stdout.includes('bot was kicked'), 15_000, 'paused by the edit');
    group.state = 'ok';
    await resume();
    await fake.waitFor(() => shown().includes('Bravo edited'), 15_000, 'the edit that waited, after /subscribe alone');
    await svc.settled();
    expect(shown()).toEqual(['Bravo edited']);
    await svc.stop();
  });

  it('/subscribe alone sends what waited (Discord: 403 50001, access given back)', async ({ discord: fake }) => {
    const guild = fake.addGuild();
    const ch = fake.addChannel(guild, 0, 'news');
    const sb = sandbox(`watch:\n  quietMs: 200\ndelivery:\n  baseDelayMs: 200\n  maxDelayMs: 500\ndiscord:\n  api: ${fake.api}\n  registerCommands: false\n`);
    const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN }, undefined, parseThreads);
    await svc.ready();
    await fake.identified();
    const subscribe = () => fake.interact({ type: 2, guild, channel: ch.id, permissions: MANAGE_CHANNELS, name: 'subscribe' });
    await subscribe();
    ch.access = 'forbidden';
    writeFileSync(path.join(sb.notes, 'bravo.md'), note('Bravo', 'Bravo body text here.'));
    await svc.waitFor(() => statusOf(sb.db).stdout.includes('50001'), 15_000, 'paused');
    ch.access = 'ok';
    await subscribe();
    await svc.waitFor(() => fake.messagesIn(ch.id).some((m) => m.embeds?.[0]?.title === 'Bravo'), 15_000, 'the post that waited, after /subscribe alone');
    await svc.settled();
    expect(statusOf(sb.db).stdout).not.toContain('50001');
    await svc.stop();
  });
});
