/**
 * Issue 25, review rv33-d: a Telegram post goes three times at most while what its sends did is unknown (README,
 * "Exactly once"). A kill -9 that catches its third and last send (held after two unanswered sends, then let go) leaves
 * it `sending`; that caught send counts as a send, since Telegram may have made its message (the fake does): the next
 * start gives the post up, said, and never sends it a fourth time. A process: the kill -9 is the point.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import type { FakeTelegram } from '../fakes/telegram/server.js';
import { statusOf } from '../helpers/cli.js';
import { itWithFakes } from '../helpers/fakes.js';
import { killLeftoverServices, note, sandbox, Service } from '../helpers/service.js';

const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const it = itWithFakes({ telegram: { token: TOKEN } });
afterAll(killLeftoverServices);

// The call limit (60 s) never passes before a kill here, however loaded the machine: each send is unanswered by a
// dropped connection or killed in flight, never timed out. The hold ends after delivery.heldMaxMs (1 s).
const configFor = (telegram: FakeTelegram, chat: number) =>
  `watch:\n  quietMs: 200\n  reconcileMinutes: 0\ndelivery:\n  callTimeoutMs: 60000\n  heldMaxMs: 1000\n  baseDelayMs: 200\n  maxDelayMs: 1000\ntelegram:\n  apiRoot: ${telegram.apiRoot}\n  registerCommands: false\nroutes:\n  - platform: telegram\n    chat: "${chat}"\n`;

describe('a Telegram post whose third and last send a kill -9 catches', () => {
  it('is given up at the next start, said: three sends in all, never a fourth', async ({ telegram }) => {
    const group = telegram.addChat(-100781, 'supergroup');
    const sb = sandbox(configFor(telegram, group.id));
    const sends = () => telegram.calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === group.id).length;
    const first = Service.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN });
    await first.ready();
    await first.settled(30_000);
    // Its first two sends: made, their answers dropped (held after the second); the third, once the hold ends: made,
    // its answer held until the kill.
    telegram.dropAnswers = { count: 2, methods: ['sendMessage'], then: { count: 1, methods: ['sendMessage'], late: 'held' } };
    writeFileSync(path.join(sb.notes, 'n1.md'), note('Papa 1', 'Words about lanterns by the river.'));
    await first.waitFor(() => /"msg":"delivery held: no answer to this send nor to one before it/.test(first.stderr), 30_000, 'the post held');
    await telegram.waitFor(() => telegram.answersHeld === 1, 30_000, 'its last send made, its answer held');
    await first.kill9();
    expect(first.stderr).not.toMatch(/no answer within/); // the premise: killed in flight, never timed out
    expect(sends()).toBe(3);

    const svc = Service.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN });
    await svc.ready();
    await svc.settled(30_000);
    expect(sends()).toBe(3); // on main, 4: the caught third send went once more
    expect(telegram.sentTo(group.id).map((m) => m.text.split('\n')[0])).toEqual(['Papa 1', 'Papa 1', 'Papa 1']);
    expect(await svc.stop()).toBe(0);
    expect(svc.stderr).toMatch(/"msg":"delivery failed: gave up: no answer to this send nor to the two before it \(a stop \(a kill -9, a crash\) caught its send in flight\): the chat may show the post up to three times/);
    expect(svc.stderr).not.toMatch(/a stop caught a post to telegram:-100781 in flight; it may have been posted: sending it again/);
    const text = statusOf(sb.db).stdout;
    expect(text).toMatch(/deliveries: +0 pending, 0 done, 1 failed/);
  }, 120_000);
});
