/**
 * Review rv32-d R2 (issue 25): a held post had no bound on its sends: each signal (another chat's post answered) let it
 * go once more and a send unanswered again only held it again, so a hang-up after the platform made the post (which the
 * client cannot tell from one before: publish/held-unanswered.ts) added a message each time (five sends for three posts
 * answered in c2). Now a held post goes once more, and that send unanswered too gives it up, said (outcomes.ts giveUpHeld).
 */
import { describe, expect, it } from 'vitest';
import { c1, c2, hangUp, heldRun, scriptedConsole } from '../helpers/held-console.js';
import { until } from '../helpers/until.js';

describe('a held post whose every send is made and then hangs up, while another chat\'s posts are answered', () => {
  it('is sent three times at most: held after two, let go once on another chat\'s answer, then given up, said', async () => {
    const shown: string[] = [], c1Messages: string[] = [];
    // Every send to c1 is made (a message in c1Messages) and then its connection hangs up.
    const run = heldRun(scriptedConsole(shown, () => (c1Messages.push('a'), hangUp())));
    const failed = () => run.events.filter((e) => e.row.noteId === 'a' && e.outcome === 'failed');
    run.post('a', c1);
    run.deliverer.start();
    await until(() => run.heldEvents('a').length === 1, 10_000, 'a held');
    for (const b of ['b1', 'b2', 'b3']) {
      run.post(b, c2);
      run.deliverer.wake();
      await until(() => shown.includes(b), 5000, `${b} shown`);
      if (b === 'b1') await until(() => failed().length === 1, 5000, 'a sent once more, unanswered again: given up');
      await until(() => run.deliverer.idle, 5000, 'the deliverer idle');
    }
    expect(c1Messages.length).toBe(3); // was 5 (two sends, then one per post answered in c2: review rv32-d R2)
    expect(run.heldEvents('a')).toHaveLength(1);
    expect(failed()[0]!.error).toMatch(/^gave up: .*up to three times, or not at all; look in the chat/);
  });
});
