/**
 * Review rv32-d R1 (issue 25): a held post was judged by its latest unanswered send only. A first send that timed out
 * (the platform had it, "most likely posted": publish/held-unanswered.ts) and a resend that hung up was held as a
 * hang-up. An earlier timeout (still the row's last error) is said; since tester 37 F1 it no longer waits for an outage's
 * end (a timeout does not say the platform had the request): it goes on another send answered, an outage's end, or
 * delivery.heldMaxMs. A held post's one more send unanswered gives it up (R2).
 */
import { describe, expect, it } from 'vitest';
import { c1, c2, hangUp, heldRun, scriptedConsole } from '../helpers/held-console.js';
import { until } from '../helpers/until.js';

/** Our call limit's wording (call-bound.ts): the platform had the request and most likely posted it. */
const timedOut = (): Error => new Error('no answer from the platform within 2000 ms');

describe('a held post whose first send timed out and whose resend hung up', () => {
  // Tester 37 F1: a timeout does not say the platform had the request; waiting for an outage's end held such a post for
  // good on a healthy platform. It goes once more (its last send) on another chat's answer, as a hung-up one does.
  it('is sent a third (its last) time on another chat\'s answer, still said as timed out while held', async () => {
    const shown: string[] = [], posted: string[] = [];
    const run = heldRun(scriptedConsole(shown, (n) => (n === 1 ? (posted.push('a'), timedOut()) : n === 2 ? hangUp() : undefined)));
    run.post('a', c1);
    run.deliverer.start();
    await until(() => run.heldEvents('a').length > 0, 10_000, 'a held');
    run.post('b', c2);
    run.deliverer.wake();
    await until(() => shown.includes('b') && shown.includes('a'), 5000, 'b and a shown');
    await until(() => run.deliverer.idle, 5000, 'the deliverer idle');
    expect(posted.length).toBe(1); // the first send's message is in c1 …
    expect(shown).toEqual(['b', 'a']); // … and the third send's: at most three, as README says
    expect(run.heldEvents('a')).toHaveLength(1);
    expect(run.heldEvents('a')[0]!.error).toMatch(/^held: no answer to this send nor to one before it \(timed out;/);
  });
});

describe('a post held after two timed-out sends, let go by an outage\'s end, whose third send hangs up', () => {
  it('is not sent a fourth time on another chat\'s answer (both timed-out sends most likely posted)', async () => {
    const shown: string[] = [], sends = { n: 0 };
    const run = heldRun(scriptedConsole(shown, (n) => ((sends.n = n), n <= 2 ? timedOut() : n === 3 ? hangUp() : undefined)));
    run.deliverer.platformUp('console'); // the first connect (no signal)
    run.post('a', c1);
    run.deliverer.start();
    await until(() => run.heldEvents('a').length === 1, 10_000, 'a held after two timeouts');
    expect(run.heldEvents('a')[0]!.error).toMatch(/\(timed out;/);
    run.deliverer.platformUp('console'); // an outage's end seen by getMe: the signal a timed-out held post waits for
    await until(() => run.events.some((e) => e.row.noteId === 'a' && e.outcome === 'failed'), 5000, 'the third send hung up: given up, not held again');
    run.post('b', c2);
    run.deliverer.wake();
    await until(() => shown.includes('b'), 5000, 'b shown');
    await until(() => run.deliverer.idle, 5000, 'the deliverer idle');
    expect(sends.n).toBe(3); // seen: 4: a fourth send after b's answer (the chat then shows A three times)
    expect(shown).toEqual(['b']);
  });
});
