/**
 * Review rv33-d R2 (s33-ci, the bound a count on the row): a note's post called off after two unanswered sends (held, then
 * drafted) and queued again takes over the called-off post's maybe-sent state (store/maybe-sent.ts inheritMaybeSent), but
 * not its count (`unanswered_sends` starts at 0). Its first send unanswered holds it; let go, its one more send
 * unanswered holds it AGAIN (count 1 + 1 < 3), and a later signal sends it a third time. Before the merge the held post's
 * one more send unanswered gave it up (README, Exactly once: "That one more send is the last: unanswered too, the post is
 * failed"). Each unanswered send may be a message: one more copy in the chat than before.
 */
import { describe, expect, it } from 'vitest';
import { callOffPost } from '../../src/store/called-off.js';
import { c1, c2, hangUp, heldRun, scriptedConsole } from '../helpers/held-console.js';
import { until } from '../helpers/until.js';

describe("a note's post queued again after a held post of it was called off", () => {
  it('is held once, and its one more send unanswered is its last', async () => {
    const shown: string[] = [];
    let c1Sends = 0;
    const run = heldRun(scriptedConsole(shown, (n) => ((c1Sends = n), hangUp()))); // every c1 send dropped
    const first = run.post('a', c1);
    run.deliverer.start();
    await until(() => run.heldEvents('a').length === 1, 10_000, 'the first post held after two sends');
    expect(c1Sends).toBe(2);
    callOffPost(run.store, first, 'its note was drafted'); // called off while held; the note back queues a new post
    const again = run.post('a', c1);
    run.deliverer.wake();
    const heldAgain = () => run.events.filter((e) => e.row.id === again && (e.error ?? '').startsWith('held: '));
    await until(() => heldAgain().length === 1, 10_000, 'the new post held at its first send (it took over the maybe-sent state)');
    for (const b of ['b1', 'b2', 'b3']) { // each answered in c2: a signal that lets a held post go once
      run.post(b, c2);
      run.deliverer.wake();
      await until(() => shown.includes(b), 5000, `${b} shown`);
      await until(() => run.deliverer.idle, 5000, 'the deliverer idle');
    }
    const status = (run.store.db.prepare('SELECT status FROM outbox WHERE id = ?').get(again) as { status: string }).status;
    expect({ sendsOfNewPost: c1Sends - 2, timesHeld: heldAgain().length, status }).toEqual({ sendsOfNewPost: 2, timesHeld: 1, status: 'failed' });
  });
});
