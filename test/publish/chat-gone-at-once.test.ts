/**
 * Issue 25 (tester 29-1 F3): every subscribed chat answering "chat not found" at once (a self-hosted Bot API server
 * that lost its chat database; a Bot API bug such as tdlib/telegram-bot-api#219), getChat saying the same, forgot
 * every chat for good: all subscriptions removed, later notes announced nowhere. Nothing the platform answers tells
 * such chats from deleted ones, so a chat is forgotten only once it has answered "gone" GONE_ANSWERS times, each after
 * its own backoff (README, Routes, subscriptions); several at once is said once. Chats back before that are kept, and
 * the platform is never shown unreachable meanwhile (its probe answers: a reviewer's read, outages-chat-gone.test.ts).
 * One chat found gone while the others' posts go through is still forgotten (chat-gone.test.ts). Through the real
 * grammY client against the fake Bot API (whose "chat not found" answers sendMessage and getChat alike), in process.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { itWithFakes } from '../helpers/fakes.js';
import { statusOf } from '../helpers/cli.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox } from '../helpers/service.js';

const parseThreads = fileParseThreads();
const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const ADMIN = 11;
const it = itWithFakes({ telegram: { token: TOKEN } });
afterAll(killLeftoverServices);

interface Status {
  subscriptions: number;
  outbox: Record<string, number>;
  chatsForgotten?: { chat: string }[];
  platforms: Record<string, { state?: string }>;
}
const statusJson = (db: string) => JSON.parse(statusOf(db, { json: true }).stdout) as Status;
const AT_ONCE = /several telegram chats answered that they are gone at once/g;

// The two run at once, each on its own fake, folder and service: both wait on backoffs (0.6 s of CPU in 20 s).
describe.concurrent('"chat not found" from several chats at once', () => {
  it('back within the bound: nothing forgotten, said once, never shown unreachable, each note once in every chat after', { timeout: 90_000 }, async ({ telegram: fake }) => {
    const chats = [-721, -722, -723].map((id) => fake.addChat(id, 'group', { [ADMIN]: 'creator' }));
    // Checks 200 ms doubling to 1 s: the 13 answers take 10-20 s, the chats come back after about 3 each.
    const sb = sandbox(`watch:\n  quietMs: 200\ndelivery:\n  baseDelayMs: 200\n  maxDelayMs: 1000\ntelegram:\n  apiRoot: ${fake.apiRoot}\n`);
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    await svc.ready();
    await fake.waitFor(() => fake.calls.some((c) => c.method === 'getUpdates'), 10_000, 'polling');
    for (const chat of chats) {
      fake.command(chat.id, ADMIN, '/subscribe');
      await fake.waitFor(() => fake.sentTo(chat.id).length === 1, 10_000, 'subscribe reply');
    }
    const titles = (id: number) => fake.sentTo(id).slice(1).map((m) => m.text.split('\n')[0]);
    writeFileSync(path.join(sb.notes, 'alpha.md'), note('Alpha', 'Alpha body about lanterns by the river.'));
    await fake.waitFor(() => chats.every((c) => titles(c.id).length === 1), 15_000, 'Alpha in every chat');

    for (const chat of chats) chat.state = 'missing';
    writeFileSync(path.join(sb.notes, 'bravo.md'), note('Bravo', 'Bravo body about copper meadows.'));
    await svc.waitFor(() => (svc.stderr.match(AT_ONCE) ?? []).length > 0, 15_000, 'the chats found gone at once');
    // Several checks of each chat meanwhile (getChat after each "chat not found"): the chats still kept, nothing forgotten.
    const checks = () => fake.calls.filter((c) => c.method === 'getChat').length;
    await fake.waitFor(() => checks() >= 3 * chats.length, 15_000, 'checks while the chats answer "not found"');
    expect(statusJson(sb.db)).toMatchObject({ subscriptions: 3, platforms: { telegram: { state: 'up' } } });
    expect(svc.stderr).not.toContain('chat gone for good');
    expect(svc.stderr).not.toContain('telegram is not answering');

    for (const chat of chats) chat.state = 'ok';
    await fake.waitFor(() => chats.every((c) => titles(c.id).length === 2), 20_000, 'Bravo in every chat once they answer');
    const from = svc.events.length;
    writeFileSync(path.join(sb.notes, 'charlie.md'), note('Charlie', 'Charlie body about cedar forests.'));
    await svc.batched(['charlie.md']);
    await svc.idle(from);

    for (const chat of chats) expect(titles(chat.id)).toEqual(['Alpha', 'Bravo', 'Charlie']);
    const s = statusJson(sb.db);
    expect(s.subscriptions).toBe(3);
    expect(s.chatsForgotten ?? []).toEqual([]);
    expect(s.outbox.pending ?? 0).toBe(0);
    expect((svc.stderr.match(AT_ONCE) ?? []).length).toBe(1);
    await svc.stop();
  });

  it('one chat gone while the others take their posts is forgotten, as before', { timeout: 60_000 }, async ({ telegram: fake }) => {
    const [gone, ...fine] = [-731, -732, -733].map((id) => fake.addChat(id, 'group', { [ADMIN]: 'creator' }));
    const sb = sandbox(`watch:\n  quietMs: 200\ndelivery:\n  baseDelayMs: 200\n  maxDelayMs: 500\ntelegram:\n  apiRoot: ${fake.apiRoot}\n`);
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    await svc.ready();
    await fake.waitFor(() => fake.calls.some((c) => c.method === 'getUpdates'), 10_000, 'polling');
    for (const chat of [gone!, ...fine]) {
      fake.command(chat.id, ADMIN, '/subscribe');
      await fake.waitFor(() => fake.sentTo(chat.id).length === 1, 10_000, 'subscribe reply');
    }
    gone!.state = 'missing';
    const from = svc.events.length;
    writeFileSync(path.join(sb.notes, 'alpha.md'), note('Alpha', 'Alpha body about lanterns by the river.'));
    await svc.batched(['alpha.md']);
    await svc.idle(from);

    for (const chat of fine) expect(fake.sentTo(chat.id).slice(1).map((m) => m.text.split('\n')[0])).toEqual(['Alpha']);
    const s = statusJson(sb.db);
    expect(s.subscriptions).toBe(2);
    expect(s.chatsForgotten).toEqual([expect.objectContaining({ chat: 'telegram:-731' })]);
    expect(svc.stderr).toContain('chat gone for good');
    expect(svc.stderr).not.toMatch(AT_ONCE);
    await svc.stop();
  });
});
