/**
 * Issue 25, tester F1: with `onDelete: delete`, a Telegram post a kill -9 caught in flight (Telegram made the message,
 * its answer held back by the fake) may be in the chat, and no record knows its id. Telegram cannot find it (no
 * idempotency key, tdlib/telegram-bot-api#126; no method to read a chat's messages, core.telegram.org/bots/api; a
 * message deleted only by its id, #deletemessage). Whatever comes next, the note deleted leaves that message in the chat:
 * the log says so (never a "look" Telegram cannot make) and `status` lists it (chat, note, since when, delete by hand).
 * A process: the kill -9 is the point.
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import type { FakeTelegram } from '../fakes/telegram/server.js';
import { statusOf } from '../helpers/cli.js';
import { itWithFakes } from '../helpers/fakes.js';
import { killLeftoverServices, note, sandbox, Service, withTestDefaults, type Sandbox } from '../helpers/service.js';

const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const it = itWithFakes({ telegram: { token: TOKEN } });
afterAll(killLeftoverServices);

// publish.digest.windowMs 600: removals wait the shortest window (three quiet periods, not 3 s); a step here, not the subject.
const configFor = (telegram: FakeTelegram, chat: number, callTimeoutMs = 60_000) =>
  `watch:\n  quietMs: 200\n  reconcileMinutes: 0\ndelivery:\n  callTimeoutMs: ${callTimeoutMs}\n  baseDelayMs: 200\n  maxDelayMs: 1000\npublish:\n  onDelete: delete\n  translations: { mode: group, graceMs: 0 }\n  digest: { windowMs: 600 }\ntelegram:\n  apiRoot: ${telegram.apiRoot}\n  registerCommands: false\nroutes:\n  - platform: telegram\n    chat: "${chat}"\n`;

/**
 * Saves `n1.md`, waits until Telegram made its message with the answer held back, and kills the service (-9).
 * `stallMs`: this process (the fake's) blocked that long once the note is saved, as a loaded machine stalls it: the
 * send must still be in flight at the kill however late the fake reads it (the service's call limit is longer).
 */
async function postCaughtByKill(sb: Sandbox, telegram: FakeTelegram, title: string, stallMs = 0): Promise<void> {
  const first = Service.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN });
  await first.ready();
  await first.settled(30_000);
  telegram.dropAnswers = { count: 1, methods: ['sendMessage'], late: 'held' };
  writeFileSync(path.join(sb.notes, 'n1.md'), note(title, 'Words about lanterns by the river.'));
  if (stallMs) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, stallMs);
  await telegram.waitFor(() => telegram.answersHeld === 1, 30_000, 'the post made, its answer held');
  await first.kill9();
  expect(first.stderr).not.toMatch(/no answer within/); // the premise: killed in flight, not timed out and sent again
}

/** `status`'s lines listing the messages that may stay in a chat. */
function leftLines(text: string): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith('messages that may stay in a chat after their note went'));
  if (at < 0) return [];
  const rest = lines.slice(at + 1);
  const end = rest.findIndex((l) => !l.startsWith('  '));
  return rest.slice(0, end < 0 ? rest.length : end);
}

describe.concurrent('a Telegram post caught in flight by a kill -9, its note then deleted (onDelete: delete)', () => {
  it('deleted while stopped: the post is called off, the log promises no look, status lists the message that may stay', async ({ telegram }) => {
    const group = telegram.addChat(-100771, 'supergroup');
    const sb = sandbox(configFor(telegram, group.id));
    await postCaughtByKill(sb, telegram, 'Kilo 1');
    unlinkSync(path.join(sb.notes, 'n1.md'));
    const svc = Service.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN });
    await svc.ready();
    await svc.settled(30_000);
    expect(telegram.sentTo(group.id).map((m) => m.text.split('\n')[0])).toEqual(['Kilo 1']); // Telegram made it: it stays
    expect(await svc.stop()).toBe(0);
    expect(svc.stderr).toMatch(/a stop caught a post to telegram:-100771 in flight; it may have been posted/);
    expect(svc.stderr).not.toMatch(/a delete looks for that message/);
    expect(svc.stderr).toMatch(/waiting post called off \(.*\); no answer came to its send, so the chat may show it: telegram cannot find that message/);
    const text = statusOf(sb.db).stdout;
    expect(text).toMatch(/uncertain: +1 post whose answer never came/);
    const left = leftLines(text);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^ {2}#\d+ family:n1 → telegram:-100771: sent \d{4}-\d\d-\d\dT[\d:.]+Z, known since \d{4}-.*delete it by hand/);
  }, 120_000);

  it('sent again after the start, then deleted: the message sent again is deleted, status lists the one that may stay', async ({ telegram }) => {
    const group = telegram.addChat(-100772, 'supergroup');
    const sb = sandbox(configFor(telegram, group.id));
    const shown = () => telegram.sentTo(group.id).map((m) => m.text.split('\n')[0]);
    await postCaughtByKill(sb, telegram, 'Lima 1');
    const svc = Service.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN });
    await svc.ready();
    await telegram.waitFor(() => shown().length === 2, 30_000, 'the post sent again');
    const from = await svc.settled(30_000);
    const resent = telegram.sentTo(group.id)[1]!;
    unlinkSync(path.join(sb.notes, 'n1.md'));
    await telegram.waitFor(() => resent.deleted, 30_000, 'the message sent again deleted');
    await svc.idle(from, 30_000);
    expect(shown()).toEqual(['Lima 1']); // the one the killed send made: nothing can find it
    expect(await svc.stop()).toBe(0);
    expect(svc.stderr).toMatch(/note's message deleted; .*telegram cannot find: look in the chat and delete it by hand/);
    const text = statusOf(sb.db).stdout;
    expect(text).toMatch(/#\d+ family:n1 → telegram:-100772 at .*: sent again, may show twice; its note's message was deleted/);
    const left = leftLines(text);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^ {2}#\d+ family:n1 → telegram:-100772: sent .*delete it by hand/);
  }, 120_000);

  it('sent again after the start and unanswered again: not sent a third time, held and said (at most two messages)', async ({ telegram }) => {
    const group = telegram.addChat(-100773, 'supergroup');
    const sb = sandbox(configFor(telegram, group.id));
    // The first process keeps the long limit, so its send is in flight when killed (the premise); with 3 s, a stalled
    // machine let its own limit pass first (CI of d7b17dc3): it sent again, Telegram answered 429, a third call.
    await postCaughtByKill(sb, telegram, 'Oscar 1', 5000);
    writeFileSync(sb.config, withTestDefaults(configFor(telegram, group.id, 3000))); // the second: its resend times out
    telegram.dropAnswers = { count: 1, methods: ['sendMessage'], late: 'held' }; // the resend made too, its answer held
    const svc = Service.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN });
    await svc.ready();
    await svc.waitFor(() => /"msg":"delivery held: no answer to this send nor to one before it/.test(svc.stderr), 30_000, 'the post held');
    await svc.settled(30_000);
    expect(telegram.sentTo(group.id).map((m) => m.text.split('\n')[0])).toEqual(['Oscar 1', 'Oscar 1']);
    expect(telegram.calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === group.id)).toHaveLength(2);
    expect(await svc.stop()).toBe(0);
    const text = statusOf(sb.db).stdout;
    // Held, not failed (seed 1308: failing it lost the post when the sends never reached Telegram): it waits for Telegram
    // to answer another send, which nothing here makes, or for delivery.heldMaxMs (5 minutes here).
    expect(text).toMatch(/deliveries: +1 pending, 0 done, 0 failed/);
    expect(text).toMatch(/uncertain: +1 post whose answer never came/); // one post, its two sends counted on its line (tester 37 F4)
    expect(text).toMatch(/#\d+ family:n1 → telegram:-100773 at .*: 2 sends unanswered, each may have made a message; held: no answer to this send nor to one before it \(timed out; .*sent once more, its last time, when telegram answers a send again .* or after 300 s \(delivery\.heldMaxMs\)/);
  }, 120_000);
});
