/**
 * Review rv33-d R1 (s33-ci, held state a field of the row): a held post whose release send a kill -9 caught in flight,
 * sent again after the start and answered, is still listed by `status` as held ("… not sent a third time until …").
 * `markSending` clears `held` when the release is claimed, so after the start `heldPostAnswered` (which now reads
 * `held`, no longer `last_error`) sees no held post and never rewrites the line. Before the merge `last_error` still began
 * "held: …" (neither markSending nor recoverSending touch it) and the line was rewritten.
 * Since s34-late (rv33-d's note: that caught release was then sent a fourth time) the caught release counts as the
 * post's third send, which may have reached the chat: the start gives the post up instead, said, and `status` lists it
 * as given up, never as held (the guard kept: no "held … not sent a third time" line once it is settled).
 * The kill is stood in for by what it leaves in the database: the post let go by a signal (wakeHeldUnanswered), the release claimed (`markSending`, as the deliverer does
 * before the call) and no answer recorded; the next start is a new Deliverer on that database.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { Deliverer } from '../../src/publish/deliverer.js';
import { wakeHeldUnanswered } from '../../src/store/held-unanswered.js';
import { statusOf } from '../helpers/cli.js';
import { c1, c2, hangUp, heldRun, scriptedConsole } from '../helpers/held-console.js';
import { until } from '../helpers/until.js';

describe('a held post whose release a kill -9 caught', () => {
  it('is given up at the start, never sent a fourth time, and status no longer lists it as held', async () => {
    const shown: string[] = [];
    const run = heldRun(scriptedConsole(shown, (n) => (n <= 2 ? hangUp() : undefined))); // c1's first two sends dropped
    const a = run.post('a', c1);
    run.deliverer.start();
    await until(() => run.heldEvents('a').length > 0, 10_000, 'a held');
    await run.deliverer.stop();
    expect(run.store.db.prepare('SELECT held, unanswered_sends FROM outbox WHERE id = ?').get(a)).toEqual({ held: 1, unanswered_sends: 2 });
    wakeHeldUnanswered(run.store.sql, 'console', Date.now()); // a signal let it go (another post answered)
    run.store.markSending(a); // the release claimed: the kill -9 catches this send in flight
    const after = new Deliverer(run.store, new Map([['console', scriptedConsole(shown, () => undefined)]]), { maxAttempts: 10, baseDelayMs: 10, maxDelayMs: 50, concurrency: 4, callTimeoutMs: 2000 }, silentLogger(), () => undefined);
    run.post('b', c2); // another chat's post answered after the start: a signal (an earlier release waited for one)
    after.start();
    try {
      await until(() => shown.includes('b'), 10_000, 'b shown after the start');
      await until(() => after.idle, 5000, 'the deliverer idle');
      expect(shown.filter((x) => x === 'a')).toEqual([]); // its three sends were the two dropped and the caught one
      expect(run.store.db.prepare('SELECT status, unanswered_sends FROM outbox WHERE id = ?').get(a)).toEqual({ status: 'failed', unanswered_sends: 3 });
      const lines = statusOf(run.db).stdout.split('\n').filter((l) => l.includes(`#${a} a → console:c1`));
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line).not.toMatch(/held: .*not sent a third time/);
      expect(lines.join('\n')).toMatch(/gave up: no answer to this send nor to the two before it \(a stop \(a kill -9, a crash\) caught its send in flight\)/);
    } finally {
      await after.stop();
    }
  });
});
