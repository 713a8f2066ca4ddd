/**
 * Issue 25 (review rv-1, R3): "a Telegram post whose resend is also unanswered is not sent a third time while getMe answers
 * (marked failed, listed), else waits". The give-up (publish/outcomes.ts recordFailure) checks `whose.by === 'own'`,
 * which is true when *any* delivery of the platform was answered since the post's previous try, and never asks whether
 * the getMe probe (askPlatformAfterResend) answered. So with Telegram down, getMe unanswered too, a post whose first
 * send's answer was lost is failed for good, at its second try, because another chat's post was answered before the
 * outage began. A process: the real service against the fake Telegram.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { itWithFakes } from '../helpers/fakes.js';
import { killLeftoverServices, note, sandbox, Service } from '../helpers/service.js';

const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const it = itWithFakes({ telegram: { token: TOKEN } });
afterAll(killLeftoverServices);

// Given up (failed), or held for a signal of sends working (s31-lp): either takes the outage for the post's own doing.
const GAVE_UP = /delivery (?:failed|held): no answer to this send nor to one before it/;
const WAITS = 'delivery waits: its platform is not answering';

type LogLine = Record<string, unknown>;
/** Whether a line of the service's JSON log (stderr) satisfies `pred`. */
function logged(stderr: string, pred: (l: LogLine) => boolean): boolean {
  return stderr.split('\n').some((line) => {
    if (!line.startsWith('{')) return false;
    try {
      return pred(JSON.parse(line) as LogLine);
    } catch {
      return false; // a line still being written
    }
  });
}

describe('a Telegram post whose first answer was lost, its resend met by an outage', () => {
  it('waits for Telegram while getMe does not answer: not failed for good', async ({ telegram }) => {
    const a = telegram.addChat(-100881, 'supergroup');
    const b = telegram.addChat(-100882, 'supergroup');
    const sb = sandbox(
      `watch:\n  quietMs: 200\n  reconcileMinutes: 0\ndelivery:\n  callTimeoutMs: 3000\n  baseDelayMs: 200\n  maxDelayMs: 1000\npublish:\n  translations: { mode: group, graceMs: 0 }\ntelegram:\n  apiRoot: ${telegram.apiRoot}\n  registerCommands: false\nroutes:\n  - platform: telegram\n    chat: "${a.id}"\n  - platform: telegram\n    chat: "${b.id}"\n`,
    );
    const svc = Service.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN });
    await svc.ready();
    await svc.settled(30_000);
    // n1: one chat's send is made, its answer held (lost); the other chat's is answered.
    telegram.dropAnswers = { count: 1, methods: ['sendMessage'], late: 'held' };
    writeFileSync(path.join(sb.notes, 'n1.md'), note('Papa 1', 'Words about lanterns by the river.'));
    await telegram.waitFor(() => telegram.answersHeld === 1, 30_000, 'one send made, its answer held');
    const sentBefore = telegram.calls.filter((c) => c.method === 'sendMessage').length;
    // n2, while that answer is held: its post to the other chat is answered after n1's held send went out.
    writeFileSync(path.join(sb.notes, 'n2.md'), note('Quebec 1', 'Words about boats.'));
    await svc.waitFor(() => logged(svc.stderr, (l) => l.note === 'family:n2' && l.target === `telegram:${b.id}` && l.msg === 'delivered'), 30_000, "n2's post to the other chat answered");
    // Telegram goes down: every call dropped unanswered, getMe included. The held send times out (3 s) and is sent again.
    const callsAtDown = telegram.calls.length;
    const logAtDown = svc.stderr.length;
    telegram.down = true;
    const resendDecided = (l: LogLine) => l.note === 'family:n1' && l.target === `telegram:${a.id}` && Number(l.attempt) >= 2 && (GAVE_UP.test(String(l.msg)) || l.msg === WAITS);
    await svc.waitFor(() => logged(svc.stderr.slice(logAtDown), resendDecided), 60_000, "n1's resend to the first chat unanswered and decided");
    const gaveUpWhileDown = GAVE_UP.test(svc.stderr);
    const getMeAnsweredMeanwhile = telegram.calls.slice(callsAtDown).some((c) => c.method === 'getMe');
    telegram.down = false;
    await svc.stop();
    expect({ gaveUpWhileDown, getMeAnsweredMeanwhile }).toEqual({ gaveUpWhileDown: false, getMeAnsweredMeanwhile: false });
  }, 120_000);
});
