/**
 * rv-34c R3, on s34-hf's F4 (copied from held-post-last-send-outage.test.ts, then status read).
 * Tester 39 F4 (issue 25): a held post's third (last) send that is the first call to meet a Telegram outage got no
 * answer, and getMe asked right then got none either; on main the post was given up at once all the same, and when its
 * first two sends had never reached the chat the note was never announced. README (Exactly once, Telegram): "when
 * `getMe` gets no answer either, it is an outage: the post waits and goes again once Telegram answers".
 */
import { describe, expect, it } from 'vitest';
import { c1, hangUp, heldRun, scriptedConsole } from '../helpers/held-console.js';
import { readUncertainSends } from '../../src/store/uncertain-sends.js';
import { until } from '../helpers/until.js';

describe("rv-34c R3: status after a held post's fourth send (F4)", () => {
  // Open (s34-lf ran out of time): heldPostAnswered's outcome says a fixed "up to three times"; it should say the row's
  // unansweredSends + 1 (four after F4's wait).
  it.fails('four sends, three unanswered: status does not say the chat may show it up to three times', async () => {
    const shown: string[] = [];
    let sends = 0, down = false;
    const base = scriptedConsole(shown, (n) => ((sends = n), n <= 3 ? hangUp() : undefined)); // sends 1-3 dropped, then answered
    const outageProbe = async (): Promise<void> => { if (down) throw new Error('socket hang up'); };
    const run = heldRun({ ...base, probe: outageProbe }, { heldMaxMs: 300 });
    run.post('a', c1);
    run.deliverer.start();
    await until(() => run.heldEvents('a').length === 1, 10_000, 'a held after two sends');
    down = true; // the outage begins before the hold ends: the third send is the first call to meet it
    const eventsOfA = () => run.events.filter((e) => e.row.noteId === 'a');
    await until(() => eventsOfA().length === 3, 5000, "the third send's outcome written (the first two: a retry, the hold)");
    expect(sends).toBe(3);
    const after = run.store.db.prepare("SELECT status, unanswered_sends FROM outbox WHERE note_id = 'a'").get();
    expect({ after, failed: run.events.filter((e) => e.row.noteId === 'a' && e.outcome === 'failed').length })
      .toEqual({ after: { status: 'pending', unanswered_sends: 3 }, failed: 0 }); // on main: failed, given up
    down = false;
    run.store.wakePlatform('console', Date.now()); // getMe answers again: the outage's end, as app.ts's onUp tells it
    run.deliverer.platformUp('console');
    await until(() => shown.includes('a'), 5000, 'a shown once Telegram answers');
    await until(() => run.deliverer.idle, 5000, 'the deliverer idle');
    expect({ sends, status: (run.store.db.prepare("SELECT status FROM outbox WHERE note_id = 'a'").get() as { status: string }).status })
      .toEqual({ sends: 4, status: 'done' });
    // Three sends got no answer (each may have made a message) and the fourth made one: up to four.
    const entry = readUncertainSends(run.store).recent.find((r) => r.note === 'a');
    expect(entry?.sends).toBe(3);
    // Seen: "held after two sends with no answer, then sent once more and answered: the chat may show the post up to three times"
    expect(entry?.outcome ?? '').not.toMatch(/up to three times/);
  });
});
