/**
 * A Telegram route written `@username` whose id no start learned (getChat held unanswered, or answered 400 "chat not
 * found" by mistake: tdlib/telegram-bot-api#159) learns it while the service runs, whichever comes first: getChat asked
 * again, or an update from the channel, whose `chat` carries its `username` (core.telegram.org/bots/api#chat;
 * publish/chat-names-later.ts). Issue 25, tester 35 F1: a /subscribe there made a second target, so every note was
 * posted twice, and after the next start one copy was followed by no record (it stayed after its note was deleted).
 * F4: a route paused under the name was not resumed by a /subscribe there, as `status` advises.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { itWithFakes } from '../helpers/fakes.js';
import { statusOf } from '../helpers/cli.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { saveTitled as save } from '../helpers/titled-note.js';
import { killLeftoverServices, note, sandbox, type Sandbox } from '../helpers/service.js';
import type { FakeTelegram } from '../fakes/telegram/server.js';

const parseThreads = fileParseThreads();
const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const CHANNEL = -1001777;
const it = itWithFakes({ telegram: { token: TOKEN } });
afterAll(killLeftoverServices);

// A short call timeout: getChat held unanswered fails after it, at the start and at each time it is asked again.
const CONFIG = 'watch:\n  quietMs: 200\npublish:\n  onDelete: delete\ndelivery:\n  baseDelayMs: 200\n  maxDelayMs: 500\n  callTimeoutMs: 1000\n';

function telegramChannel(fake: FakeTelegram): Sandbox {
  const channel = fake.addChat(CHANNEL, 'channel', {}, 'My channel');
  channel.username = 'my_channel';
  return sandbox(`${CONFIG}telegram:\n  apiRoot: ${fake.apiRoot}\nroutes:\n  - platform: telegram\n    chat: "@my_channel"\n`);
}

async function startTelegram(sb: Sandbox, fake: FakeTelegram): Promise<InProcessCli> {
  const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
  await svc.ready();
  await fake.waitFor(() => fake.calls.some((c) => c.method === 'getUpdates'), 10_000, 'polling');
  return svc;
}

/** Messages in the channel whose text has `title` (deleted ones are not in the chat). */
const shown = (fake: FakeTelegram, title: string) => fake.sentTo(CHANNEL).filter((m) => m.text.includes(title)).length;

async function remove(svc: InProcessCli, sb: Sandbox, file: string): Promise<void> {
  const from = svc.events.length;
  rmSync(path.join(sb.notes, file));
  await svc.idle(from);
  await svc.settled();
}

/** A channel admin's /subscribe, answered. */
async function subscribeThere(fake: FakeTelegram): Promise<void> {
  fake.command(CHANNEL, 0, '/subscribe');
  await fake.waitFor(() => fake.sentTo(CHANNEL).some((m) => m.text.startsWith('Subscribed')), 15_000, 'the /subscribe answered');
}

describe.concurrent('@username routes learned after the start', () => {
  it('getChat never answered: the /subscribe names the chat first; one post, and after a start that learns the id, a delete leaves none (F1)', { timeout: 120_000 }, async ({ telegram: fake }) => {
    const sb = telegramChannel(fake);
    fake.hangMethods.add('getChat');
    let svc = await startTelegram(sb, fake);
    await subscribeThere(fake);
    await save(svc, sb, 'a.md', 'Alpha note');
    const once = shown(fake, 'Alpha note');
    await svc.stop();
    fake.hangMethods.delete('getChat');
    fake.release();
    svc = await startTelegram(sb, fake); // getChat answers now
    await save(svc, sb, 'b.md', 'Bravo note');
    await remove(svc, sb, 'a.md');
    const status = statusOf(sb.db).stdout;
    await svc.stop();
    expect({ once, bravo: shown(fake, 'Bravo note'), alphaAfterDelete: shown(fake, 'Alpha note') }).toEqual({ once: 1, bravo: 1, alphaAfterDelete: 0 });
    expect(status).not.toContain("under the chat's other name");
  });

  for (const how of ['held', '400'] as const) {
    it(`getChat ${how === 'held' ? 'held unanswered' : 'answered 400 "chat not found"'} at the start and answered when asked again, before any update: a /subscribe there adds no second post (F1)`, { timeout: 90_000 }, async ({ telegram: fake }) => {
      const sb = telegramChannel(fake);
      if (how === 'held') fake.hangMethods.add('getChat');
      else fake.lostChats = { chats: new Set([CHANNEL]), count: 1, getChat: true };
      const svc = await startTelegram(sb, fake);
      fake.hangMethods.delete('getChat');
      fake.release();
      // Asked again and answered, before anything else names the chat (on main it is never asked again).
      await fake.waitFor(() => svc.stderr.includes('"how":"getChat asked again"'), 15_000, 'getChat asked again and answered');
      await subscribeThere(fake);
      await save(svc, sb, 'a.md', 'Alpha note');
      await svc.stop();
      expect(shown(fake, 'Alpha note')).toBe(1);
    });
  }

  it('getChat never answered, the route paused under the name: a /subscribe there resumes it; its waiting post goes once (F4)', { timeout: 90_000 }, async ({ telegram: fake }) => {
    const sb = telegramChannel(fake);
    fake.hangMethods.add('getChat');
    const svc = await startTelegram(sb, fake);
    fake.chats.get(CHANNEL)!.state = 'kicked'; // no update says so: the refused send does
    writeFileSync(path.join(sb.notes, 'a.md'), note('Alpha note', 'Alpha body text here.'));
    await fake.waitFor(() => statusOf(sb.db).stdout.includes('bot was kicked'), 15_000, 'paused');
    fake.chats.get(CHANNEL)!.state = 'ok';
    await subscribeThere(fake);
    await fake.waitFor(() => shown(fake, 'Alpha note') > 0, 15_000, 'the waiting post sent');
    await save(svc, sb, 'b.md', 'Bravo note');
    const status = statusOf(sb.db).stdout;
    await svc.stop();
    fake.release();
    expect({ alpha: shown(fake, 'Alpha note'), bravo: shown(fake, 'Bravo note') }).toEqual({ alpha: 1, bravo: 1 });
    expect(status).not.toContain('paused targets');
  });
});
