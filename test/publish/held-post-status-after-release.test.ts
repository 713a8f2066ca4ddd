/**
 * Review rv32-d R3: `status` after a held post was let go and delivered still lists it as held. holdUnguarded writes
 * "held: … not sent a third time until …" as the post's uncertain-send outcome (markUncertainOutcome), and nothing
 * rewrites it when the third send is made and answered: the operator reads that a delivered post is still held and
 * was not sent a third time, while it was (and the chat may now show it up to three times).
 */
import { describe, expect, it } from 'vitest';
import { statusOf } from '../helpers/cli.js';
import { c1, c2, hangUp, heldRun, scriptedConsole } from '../helpers/held-console.js';
import { until } from '../helpers/until.js';

describe('status after a held post was let go and delivered', () => {
  it('no longer says it is held and not sent a third time', async () => {
    const shown: string[] = [];
    const run = heldRun(scriptedConsole(shown, (n) => (n <= 2 ? hangUp() : undefined))); // c1's first two sends dropped
    const a = run.post('a', c1);
    run.deliverer.start();
    await until(() => run.heldEvents('a').length > 0, 10_000, 'a held');
    run.post('b', c2);
    run.deliverer.wake();
    await until(() => shown.includes('a'), 5000, 'a shown after b answered');
    await until(() => run.deliverer.idle, 5000, 'the deliverer idle');
    expect((run.store.db.prepare('SELECT status FROM outbox WHERE id = ?').get(a) as { status: string }).status).toBe('done');
    const text = statusOf(run.db).stdout;
    const line = text.split('\n').find((l) => l.includes(`#${a} a → console:c1`)) ?? '';
    expect(line).not.toMatch(/; held: no answer to this send/); // seen (before tester 37's rewording, the same held line): "… sent again, may show twice; held: no answer to this send nor to one before it (…): … not sent a third time until console answers a send again …"
  });
});
