/**
 * Tester 39 F1 (issue 25): under `onDelete: delete`, a held post's note removed (or drafted) has its post called off
 * and a look for the message its lost sends may have made queued (publish/called-off-find.ts). That look owns the
 * nonce, and on main it also kept the note's next post from taking over the count and the hold: the new post started
 * at 0 unanswered sends, went at once (no signal, its hold not over), was held again after two more and sent a fifth
 * time. README (Exactly once, Telegram): three sends at most, the note back's new post takes the count and the hold.
 */
import { describe, expect, it } from 'vitest';
import { callOffPost } from '../../src/store/called-off.js';
import { c1, c2, hangUp, heldRun, scriptedConsole } from '../helpers/held-console.js';
import { until } from '../helpers/until.js';

describe("a held post's note removed (its message looked for) and back", () => {
  it('the new post takes over the count and the hold though a look went for the message: three sends in all', async () => {
    const shown: string[] = [];
    let c1Sends = 0;
    const run = heldRun(scriptedConsole(shown, (n) => ((c1Sends = n), hangUp()))); // every c1 send dropped
    const first = run.post('a', c1);
    run.deliverer.start();
    await until(() => run.heldEvents('a').length === 1, 10_000, 'the first post held after two sends');
    expect(c1Sends).toBe(2);
    callOffPost(run.store, first, 'its note was removed', true); // queues the delete that looks for the lost send's message
    run.deliverer.wake();
    const look = () => run.store.db.prepare("SELECT status FROM outbox WHERE kind = 'delete'").get() as { status: string } | undefined;
    await until(() => look()?.status === 'skipped' && run.deliverer.idle, 5000, 'the look made and said (the console cannot find it)');
    expect(run.store.db.prepare('SELECT delivery FROM called_off_looks').all()).toEqual([{ delivery: first }]);
    const again = run.post('a', c1); // the note back
    run.deliverer.wake();
    await until(() => run.deliverer.idle, 5000, 'the deliverer idle');
    expect(run.store.db.prepare('SELECT held, unanswered_sends FROM outbox WHERE id = ?').get(again)).toEqual({ held: 1, unanswered_sends: 2 });
    expect(c1Sends).toBe(2); // held as the called-off post was: no send before a signal
    for (const b of ['b1', 'b2', 'b3']) { // each answered in c2: a signal that lets a held post go once
      run.post(b, c2);
      run.deliverer.wake();
      await until(() => shown.includes(b), 5000, `${b} shown`);
      await until(() => run.deliverer.idle, 5000, 'the deliverer idle');
    }
    const status = (run.store.db.prepare('SELECT status FROM outbox WHERE id = ?').get(again) as { status: string }).status;
    expect({ sendsInAll: c1Sends, status }).toEqual({ sendsInAll: 3, status: 'failed' });
  });
});
