/**
 * Review rv33-d R2 (s33-ci, the bound a count on the row): a note's post called off after two unanswered sends (held, then
 * drafted) and queued again takes over the called-off post's maybe-sent state (store/maybe-sent.ts inheritMaybeSent).
 * On main it did not take over the count (`unanswered_sends` started at 0): its first send unanswered held it, its one
 * more send held it AGAIN, and a later signal sent it a third time: five sends of the note in the chat. README (Exactly
 * once): three sends at most. The new post takes the count and the hold: it waits for a signal, and that one send,
 * unanswered, is the note's third and last there.
 */
import { describe, expect, it } from 'vitest';
import { callOffPost } from '../../src/store/called-off.js';
import { c1, c2, hangUp, heldRun, scriptedConsole } from '../helpers/held-console.js';
import { until } from '../helpers/until.js';

describe("a note's post queued again after a held post of it was called off", () => {
  it('takes over its count and hold: one more send after a signal, unanswered, is the last', async () => {
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
    const heldAgain = run.events.filter((e) => e.row.id === again && (e.error ?? '').startsWith('held: ')).length;
    expect({ sendsOfNewPost: c1Sends - 2, heldAgain, status }).toEqual({ sendsOfNewPost: 1, heldAgain: 0, status: 'failed' });
  });
});
