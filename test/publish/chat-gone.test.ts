/**
 * Issue 25 (tester 28-1 F2): a chat that subscribed itself and is then deleted stayed paused for ever: every later
 * note added a post for it and every `sync --once` exited 1, with no chat left to send /unsubscribe from. A chat the
 * platform says is gone for good (Telegram 400 "Bad Request: chat not found", TelegramBotAPI/errors
 * bad-request-chat-not-found.json; Discord 404 {code: 10003, message: "Unknown Channel"}, discord-api-docs JSON Error
 * Codes; the fakes cite them) loses its subscriptions: what waited is called off, the pause is lifted, later notes
 * add nothing for it, and `status` lists it under "chats forgotten". A kicked bot (which can be let back in) stays
 * paused, as README promises ("/subscribe again resumes it").
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { itWithFakes } from '../helpers/fakes.js';
import { statusOf } from '../helpers/cli.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox, type Sandbox } from '../helpers/service.js';
import type { FakeTelegram } from '../fakes/telegram/server.js';
import type { FakeDiscord } from '../fakes/discord/server.js';

const parseThreads = fileParseThreads();
const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
const ADMIN = 11;
const MANAGE_CHANNELS = 1n << 4n;
// Each test has fakes, a folder and a service of its own: they mostly wait on their chats' answers, so they run at once.
const it = itWithFakes({ telegram: { token: TOKEN }, discordToken: DISCORD_TOKEN });
afterAll(killLeftoverServices);

interface Status {
  subscriptions: number;
  outbox: Record<string, number>;
  paused: { target: { chat: string } }[];
  chatsForgotten?: { chat: string; subscriptions: number }[];
}
const statusJson = (db: string) => JSON.parse(statusOf(db, { json: true }).stdout) as Status;

/** Saves a note and waits until its batch is applied and the service is idle (a signal, no fixed wait). */
async function saved(svc: InProcessCli, notes: string, file: string, title: string): Promise<void> {
  const from = svc.events.length;
  writeFileSync(path.join(notes, file), note(title, `${title} body about lanterns by the river.`));
  await svc.batched([file]);
  await svc.idle(from);
}

/**
 * The service polling the fake Telegram (delivery retries shortened: a chat gone is forgotten at its 13th answer, within
 * about 3 s); `telegramExtra` added under `telegram:`.
 */
async function pollingService(fake: FakeTelegram, telegramExtra = ''): Promise<{ sb: Sandbox; svc: InProcessCli }> {
  const sb = sandbox(`watch:\n  quietMs: 200\ndelivery:\n  baseDelayMs: 100\n  maxDelayMs: 250\ntelegram:\n  apiRoot: ${fake.apiRoot}\n${telegramExtra}`);
  const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
  await svc.ready();
  await fake.waitFor(() => fake.calls.some((c) => c.method === 'getUpdates'), 10_000, 'polling');
  return { sb, svc };
}

/** A fake Discord channel subscribed by `/subscribe`, and the service connected to it (delivery retries shortened). */
async function subscribedChannel(fake: FakeDiscord): Promise<{ sb: Sandbox; svc: InProcessCli; ch: ReturnType<FakeDiscord['addChannel']> }> {
  const guild = fake.addGuild();
  const ch = fake.addChannel(guild, 0, 'news');
  const sb = sandbox(`watch:\n  quietMs: 200\ndelivery:\n  baseDelayMs: 100\n  maxDelayMs: 250\ndiscord:\n  api: ${fake.api}\n  registerCommands: false\n`);
  const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN }, undefined, parseThreads);
  await svc.ready();
  await fake.identified();
  await fake.interact({ type: 2, guild, channel: ch.id, permissions: MANAGE_CHANNELS, name: 'subscribe' });
  return { sb, svc, ch };
}

describe.concurrent('a subscribed chat gone for good', () => {
  it('Telegram "chat not found": its subscriptions go, nothing waits for it, a kicked chat stays paused', { timeout: 60_000 }, async ({ telegram: fake }) => {
    const gone = fake.addChat(-711, 'group', { [ADMIN]: 'creator' });
    const kicked = fake.addChat(-712, 'group', { [ADMIN]: 'creator' });
    // Sends unpaced (rate.perChatMs: 0, not Telegram's second a chat): after the two /subscribe replies every send here is
    // answered "chat not found" or "kicked" before the fake's rate limits, so the pacing only spaced the 13 answers a second apart.
    const { sb, svc } = await pollingService(fake, '  rate:\n    perChatMs: 0\n');
    for (const chat of [gone, kicked]) {
      fake.command(chat.id, ADMIN, '/subscribe');
      await fake.waitFor(() => fake.sentTo(chat.id).length === 1, 10_000, 'subscribe reply');
    }
    gone.state = 'missing';
    kicked.state = 'kicked';
    await saved(svc, sb.notes, 'alpha.md', 'Alpha');
    await saved(svc, sb.notes, 'bravo.md', 'Bravo');
    await svc.settled();

    const s = statusJson(sb.db);
    expect(s.paused.map((p) => p.target.chat)).toEqual(['-712']); // the kicked chat waits for /subscribe
    expect(s.subscriptions).toBe(1);
    expect(s.outbox.pending ?? 0).toBe(2); // Alpha and Bravo for the kicked chat; none for the gone one
    expect(s.chatsForgotten).toEqual([expect.objectContaining({ chat: 'telegram:-711', subscriptions: 1 })]);
    expect(statusOf(sb.db).stdout).toMatch(/chats forgotten \(subscriptions removed\):\n {2}telegram:-711: telegram sendMessage: 400 Bad Request: chat not found/);
    expect(svc.stderr).toContain('chat gone for good');
    await svc.stop();
  });

  it('Discord 10003 Unknown Channel: the same', { timeout: 60_000 }, async ({ discord: fake }) => {
    const { sb, svc, ch } = await subscribedChannel(fake);
    ch.access = 'missing';
    await saved(svc, sb.notes, 'alpha.md', 'Alpha');
    await saved(svc, sb.notes, 'bravo.md', 'Bravo');
    await svc.settled();

    const s = statusJson(sb.db);
    expect(s.paused).toEqual([]);
    expect(s.subscriptions).toBe(0);
    expect(s.outbox.pending ?? 0).toBe(0);
    expect(s.chatsForgotten).toEqual([expect.objectContaining({ chat: `discord:${ch.id}`, subscriptions: 1 })]);
    await svc.stop();
  });
});

/**
 * Telegram has answered "chat not found" to sends into live chats (tdlib/telegram-bot-api#159: a bot in a group that
 * exists, the answer coming and going). One such answer used to forget the chat's subscriptions for good. Now getChat
 * (changes nothing) is asked first: it shows the chat, so the send is this post's transient failure, retried, and the
 * subscription is kept. A chat getChat cannot find either is forgotten, as above.
 */
/** The chat kept: still subscribed, not forgotten, not paused, and no "gone for good" said. */
function expectKept(sb: Sandbox, svc: InProcessCli): void {
  const s = statusJson(sb.db);
  expect(s.subscriptions).toBe(1);
  expect(s.chatsForgotten ?? []).toEqual([]);
  expect(s.paused).toEqual([]);
  expect(svc.stderr).not.toContain('chat gone for good');
}

describe.concurrent('a live chat a send says is not found', () => {
  it('Telegram: getChat shows it, so its subscription stays and the post goes once the sends are answered again', { timeout: 60_000 }, async ({ telegram: fake }) => {
    const live = fake.addChat(-721, 'group', { [ADMIN]: 'creator' });
    const { sb, svc } = await pollingService(fake);
    fake.command(live.id, ADMIN, '/subscribe');
    await fake.waitFor(() => fake.sentTo(live.id).length === 1, 10_000, 'subscribe reply');
    live.refuse = { sendMessage: { code: 400, description: 'Bad Request: chat not found' } };
    writeFileSync(path.join(sb.notes, 'alpha.md'), note('Alpha', 'Alpha body about lanterns by the river.'));
    await fake.waitFor(() => fake.calls.filter((c) => c.method === 'sendMessage' && c.status === 400).length >= 2, 20_000, 'the post refused twice');
    expect(fake.calls.some((c) => c.method === 'getChat')).toBe(true);
    expectKept(sb, svc);

    delete live.refuse;
    await fake.waitFor(() => fake.sentTo(live.id).some((m) => m.text.startsWith('Alpha')), 20_000, 'the post once sends are answered again');
    await svc.settled();
    expect(fake.sentTo(live.id).filter((m) => m.text.startsWith('Alpha'))).toHaveLength(1);
    await svc.stop();
  });

  it('Discord: Get Channel shows it, so its subscription stays and the post goes once posts are taken again', { timeout: 60_000 }, async ({ discord: fake }) => {
    const { sb, svc, ch } = await subscribedChannel(fake);
    ch.refusePosts = { status: 404, code: 10003, message: 'Unknown Channel' };
    writeFileSync(path.join(sb.notes, 'alpha.md'), note('Alpha', 'Alpha body about lanterns by the river.'));
    const refused = () => fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${ch.id}/messages` && r.status === 404).length;
    await fake.waitFor(() => refused() >= 2, 20_000, 'the post refused twice');
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === `/channels/${ch.id}`)).toBe(true);
    expectKept(sb, svc);

    delete ch.refusePosts;
    await fake.waitFor(() => fake.messagesIn(ch.id).some((m) => m.embeds[0]?.title === 'Alpha'), 20_000, 'the post once posts are taken again');
    await svc.settled();
    expect(fake.messagesIn(ch.id).filter((m) => m.embeds[0]?.title === 'Alpha')).toHaveLength(1);
    await svc.stop();
  });
});
