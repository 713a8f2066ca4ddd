/**
 * A Telegram route naming its channel by `@username` learns the chat's id by getChat at each start (publish/chat-names.ts).
 * Telegram may take a call and never answer (an outage, a stalled proxy: tdlib/telegram-bot-api#219 for calls left
 * unanswered): the names are asked at once under one deadline, so the start (every platform's deliveries, and
 * `sync --once`) waits one call timeout at most in all, never one per route (review rv-3 R3). Records an older database
 * kept under the name and the id of one chat move to the id with what both hold reconciled: shown once (review rv-3 R1).
 * `notecast unsubscribe` judges the route by the id recorded for its name, as `status` names the chat (review rv-3 R2).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect } from 'vitest';
import { itWithFakes } from '../helpers/fakes.js';
import { cliIn, statusOf } from '../helpers/cli.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { saveTitled as save } from '../helpers/titled-note.js';
import { killLeftoverServices, note, sandbox, type Sandbox } from '../helpers/service.js';
import type { FakeTelegram } from '../fakes/telegram/server.js';

const parseThreads = fileParseThreads();
const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const CHANNEL = -1001777;
const it = itWithFakes({ telegram: { token: TOKEN } });
afterAll(killLeftoverServices);

const BASE = 'watch:\n  quietMs: 200\ndelivery:\n  baseDelayMs: 200\n  maxDelayMs: 500\n';

function telegramChannel(fake: FakeTelegram): Sandbox {
  const channel = fake.addChat(CHANNEL, 'channel', {}, 'My channel');
  channel.username = 'my_channel';
  return sandbox(`${BASE}telegram:\n  apiRoot: ${fake.apiRoot}\nroutes:\n  - platform: telegram\n    chat: "@My_Channel"\n`);
}

async function startTelegram(sb: Sandbox, fake: FakeTelegram, flags: string[] = []): Promise<InProcessCli> {
  const svc = InProcessCli.start(sb, flags, { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
  await svc.ready();
  await fake.waitFor(() => fake.calls.some((c) => c.method === 'getUpdates'), 10_000, 'polling');
  return svc;
}

const titled = (fake: FakeTelegram, title: string) => fake.sentTo(CHANNEL).filter((m) => m.text.includes(title)).length;

describe.concurrent('@username routes at start', () => {
  it('an old database with the note posted under "@my_channel" and a post of it queued for the id (/subscribe there): shown once', { timeout: 90_000 }, async ({ telegram: fake }) => {
    const sb = telegramChannel(fake);
    let svc = await startTelegram(sb, fake);
    await save(svc, sb, 'a.md', 'Alpha note');
    expect(titled(fake, 'Alpha note')).toBe(1);
    await svc.stop();
    // As a database from before s30-id left it: the route's records under its name; the /subscribe made in the channel
    // (its id) with its post of the same note queued, not sent yet (a stop, an outage: the F1 double not yet shown).
    const d = new Database(sb.db);
    for (const t of ['posts', 'outbox']) d.prepare(`UPDATE ${t} SET chat = '@my_channel' WHERE platform = 'telegram' AND chat = '${CHANNEL}'`).run();
    d.prepare("DELETE FROM meta WHERE key = 'chat.name:telegram:@my_channel'").run();
    d.prepare("INSERT INTO subscriptions(platform, chat, thread, filter, created_at) VALUES ('telegram', ?, '', '{}', 0)").run(String(CHANNEL));
    d.prepare(`INSERT INTO outbox(note_id, revision, platform, chat, thread, kind, payload, status, attempts, next_attempt_at, nonce, created_at, updated_at)
      SELECT note_id, revision, platform, '${CHANNEL}', thread, kind, payload, 'pending', 0, 0, nonce || '-sub', created_at, updated_at FROM outbox WHERE kind = 'post' AND chat = '@my_channel'`).run();
    d.close();
    svc = await startTelegram(sb, fake, ['--moved']);
    await svc.settled();
    await save(svc, sb, 'b.md', 'Bravo note'); // something after it in the chat's queue: the queue has run
    expect(titled(fake, 'Bravo note')).toBe(1);
    expect(titled(fake, 'Alpha note')).toBe(1); // the move found Alpha shown there already
    await svc.stop();
  });

  it('three @username routes with getChat unanswered: all three names are asked at once, not one after another', { timeout: 90_000 }, async ({ telegram: fake }) => {
    const names = ['chan_a', 'chan_b', 'chan_c'];
    names.forEach((n, i) => (fake.addChat(-1002000 - i, 'channel', {}, n).username = n));
    const routes = names.map((n) => `  - platform: telegram\n    chat: "@${n}"\n`).join('');
    // A call timeout far past the test's waits: asked in turn, the second name would be asked only after it.
    const sb = sandbox(`watch:\n  quietMs: 200\ndelivery:\n  callTimeoutMs: 600000\n  baseDelayMs: 200\n  maxDelayMs: 500\ntelegram:\n  apiRoot: ${fake.apiRoot}\nroutes:\n${routes}`);
    fake.hangMethods.add('getChat');
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    const asked = await fake.waitFor(() => fake.held === 3, 20_000, 'the three getChat calls held at once').then(() => 3, () => fake.held);
    fake.release(); // the calls fail: each route sends by its name, and the start goes on
    await svc.ready();
    await svc.stop();
    expect(asked).toBe(3);
  });

  it('`notecast unsubscribe telegram:<id>` (as status names the chat) on a paused @username route calls nothing of the route off', { timeout: 90_000 }, async ({ telegram: fake }) => {
    const sb = telegramChannel(fake);
    const svc = await startTelegram(sb, fake);
    fake.chats.get(CHANNEL)!.state = 'kicked';
    writeFileSync(path.join(sb.notes, 'a.md'), note('Alpha note', 'Alpha body text here.'));
    await fake.waitFor(() => statusOf(sb.db).stdout.includes('bot was kicked'), 15_000, 'paused');
    expect(statusOf(sb.db).stdout).toContain(`telegram:${CHANNEL} (@my_channel): `);
    await svc.stop();
    const r = await cliIn(['unsubscribe', `telegram:${CHANNEL}`, '--db', sb.db, '--config', sb.config]);
    const s = JSON.parse(statusOf(sb.db, { json: true }).stdout) as { outbox: Record<string, number> };
    // A route names the chat: as for a route written by its id, the command says so (exit 1) and the route's post still waits.
    expect({ code: r.code, pending: s.outbox.pending ?? 0, out: r.stdout }).toEqual({ code: 1, pending: 1, out: expect.any(String) });
  });

  it('the same with the route written by the id (the behaviour the @username route now matches)', { timeout: 90_000 }, async ({ telegram: fake }) => {
    fake.addChat(CHANNEL, 'channel', {}, 'My channel');
    const sb = sandbox(`${BASE}telegram:\n  apiRoot: ${fake.apiRoot}\nroutes:\n  - platform: telegram\n    chat: "${CHANNEL}"\n`);
    const svc = await startTelegram(sb, fake);
    fake.chats.get(CHANNEL)!.state = 'kicked';
    writeFileSync(path.join(sb.notes, 'a.md'), note('Alpha note', 'Alpha body text here.'));
    await fake.waitFor(() => statusOf(sb.db).stdout.includes('bot was kicked'), 15_000, 'paused');
    await svc.stop();
    const r = await cliIn(['unsubscribe', `telegram:${CHANNEL}`, '--db', sb.db, '--config', sb.config]);
    const s = JSON.parse(statusOf(sb.db, { json: true }).stdout) as { outbox: Record<string, number> };
    expect({ code: r.code, pending: s.outbox.pending ?? 0, out: r.stdout }).toEqual({ code: 1, pending: 1, out: expect.any(String) });
  });
});
