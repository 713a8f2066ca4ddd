/**
 * Tester 37 F1 (issue 25, lost for good): a Telegram post whose send and resend timed out, never carried out by a
 * Telegram that answered getMe throughout, was held until "an outage's end seen by getMe", which a healthy Telegram never
 * has: never sent, never failed, across restarts, and a held digest lost every note it listed. A timeout does not say
 * the platform had the request (efb-telegram-master#118), so a held post goes once more (its last send) on another send
 * answered, an outage's end, or after `delivery.heldMaxMs`, whichever first, timed out or not.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { Deliverer, type DeliveryEvent } from '../../src/publish/deliverer.js';
import { c1, c2, heldRun, scriptedConsole } from '../helpers/held-console.js';
import { until } from '../helpers/until.js';

/** Our call limit's wording (call-bound.ts); the script posts nothing for it: Telegram never carried the send out. */
const timedOut = (): Error => new Error('no answer from the platform within 2000 ms');

/** c1's first two sends time out unposted, later ones post; `sends.n` counts them. */
function hangThenHealthy(shown: string[], sends: { n: number }) {
  return scriptedConsole(shown, (n) => ((sends.n = n), n <= 2 ? timedOut() : undefined));
}

describe('a post held after two timed-out sends Telegram never carried out', () => {
  it('goes once more when another chat\'s post is answered: shown exactly once', async () => {
    const shown: string[] = [], sends = { n: 0 };
    const run = heldRun(hangThenHealthy(shown, sends));
    run.post('a', c1);
    run.deliverer.start();
    await until(() => run.heldEvents('a').length > 0, 10_000, 'a held');
    expect(run.heldEvents('a')[0]!.error).toMatch(/\(timed out;.*sent once more, its last time, when console answers a send again .* or after 300 s \(delivery\.heldMaxMs\)/);
    run.post('b', c2);
    run.deliverer.wake();
    await until(() => shown.includes('a'), 5000, 'a shown'); // seen on main: never (it waited for an outage's end)
    await until(() => run.deliverer.idle, 5000, 'the deliverer idle');
    expect(shown).toEqual(['b', 'a']);
    expect(sends.n).toBe(3);
    expect(run.store.sql("SELECT status FROM outbox WHERE note_id = 'a'").get()).toEqual({ status: 'done' });
  });

  it('goes once more after delivery.heldMaxMs when no signal comes, in a later run too (a restart, sync --once)', async () => {
    const shown: string[] = [], sends = { n: 0 };
    const run = heldRun(hangThenHealthy(shown, sends), { heldMaxMs: 1500 });
    run.post('a', c1);
    run.deliverer.start();
    await until(() => run.heldEvents('a').length > 0, 10_000, 'a held');
    await run.deliverer.stop(); // a stop while held: the next run has no signal either
    const events: DeliveryEvent[] = [];
    const next = new Deliverer(run.store, new Map([['console', scriptedConsole(shown, () => ((sends.n += 1), undefined))]]), { maxAttempts: 10, baseDelayMs: 10, maxDelayMs: 50, concurrency: 4, callTimeoutMs: 2000, heldMaxMs: 1500 }, silentLogger(), (e) => events.push(e));
    next.start();
    try {
      await until(() => shown.includes('a'), 10_000, 'a shown after its hold'); // seen on main: never
      await until(() => events.some((e) => e.outcome === 'done'), 5000, 'a recorded done');
      expect(shown).toEqual(['a']);
      expect(events.map((e) => e.outcome)).toEqual(['done']); // its one more send, answered
      expect(sends.n).toBe(3);
    } finally {
      await next.stop();
    }
  });

  it('a held digest (a burst\'s) goes once more after its hold: its notes are not lost', async () => {
    const shown: string[] = [], sends = { n: 0 };
    const run = heldRun(hangThenHealthy(shown, sends), { heldMaxMs: 1500 });
    const items = ['alpha', 'charlie', 'delta'].map((noteId) => ({ noteId, title: noteId.toUpperCase() }));
    const digest = run.store.enqueue({ noteId: null, revision: 0, target: c1, kind: 'digest', payload: { type: 'digest', items } });
    run.deliverer.start();
    await until(() => run.events.some((e) => e.row.id === digest && (e.error ?? '').startsWith('held: ')), 10_000, 'the digest held');
    await until(() => run.events.some((e) => e.row.id === digest && e.outcome === 'done'), 10_000, 'the digest sent after its hold'); // seen on main: never
    expect(sends.n).toBe(3);
    expect(shown).toHaveLength(1); // one message, the digest's
  });

  it('whose one more send is unanswered too is failed and said, not held again (three sends at most)', async () => {
    const shown: string[] = [], sends = { n: 0 };
    const run = heldRun(scriptedConsole(shown, (n) => ((sends.n = n), timedOut())), { heldMaxMs: 1500 });
    run.post('a', c1);
    run.deliverer.start();
    await until(() => run.events.some((e) => e.row.noteId === 'a' && e.outcome === 'failed'), 10_000, 'a given up');
    await until(() => run.deliverer.idle, 5000, 'the deliverer idle');
    expect(sends.n).toBe(3);
    expect(run.events.find((e) => e.outcome === 'failed')!.error).toMatch(/^gave up: .*look in the chat/);
  });
});
