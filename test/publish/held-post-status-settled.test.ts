/**
 * Tester 39 F2 (issue 25): a held post's entry under `uncertain:` in `status` (and `--json` uncertainSends) kept saying
 * "held: no answer to this send nor to one before it" once the post no longer waited: delivered after its chat was
 * paused between (a bot kicked, let back and /subscribed), given up after its last send, or set aside by a start
 * `--after-restore`. Each now says what became of it.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import type { ChatAdapter } from '../../src/publish/port.js';
import { openState } from '../../src/store/state.js';
import { readUncertainSends } from '../../src/store/uncertain-sends.js';
import { c1, hangUp, heldRun, scriptedConsole } from '../helpers/held-console.js';
import { tempFolder } from '../helpers/temp-folder.js';
import { until } from '../helpers/until.js';

const outcomeOf = (run: { store: Parameters<typeof readUncertainSends>[0] }, id: number) => readUncertainSends(run.store).recent.find((r) => r.delivery === id)?.outcome;

describe("a held post's line in status once it no longer waits", () => {
  it('says it was answered when its last send met a paused chat and went once the chat was resumed', async () => {
    const shown: string[] = [];
    const refusal = new Error('Forbidden: bot was kicked from the group chat');
    const base = scriptedConsole(shown, (n) => (n <= 2 ? hangUp() : n === 3 ? refusal : undefined));
    const adapter: ChatAdapter = { ...base, classify: (e, op) => (e === refusal ? { kind: 'permanent', reason: refusal.message } : base.classify(e, op)) };
    const run = heldRun(adapter, { heldMaxMs: 300 });
    const a = run.post('a', c1);
    run.deliverer.start();
    await until(() => run.heldEvents('a').length === 1, 10_000, 'a held after two sends');
    await until(() => run.store.isPaused(c1), 5000, 'its last send refused: the chat paused');
    run.store.resume(c1); // the bot let back, /subscribe
    run.deliverer.wake();
    await until(() => shown.includes('a') && run.deliverer.idle, 5000, 'a delivered');
    expect(outcomeOf(run, a)).toMatch(/^held after two sends with no answer, then sent once more and answered/); // main: "held: no answer …"
  });

  it('says it was given up after its last send got no answer', async () => {
    const run = heldRun(scriptedConsole([], () => hangUp()), { heldMaxMs: 300 });
    const a = run.post('a', c1);
    run.deliverer.start();
    await until(() => run.events.some((e) => e.row.id === a && e.outcome === 'failed'), 10_000, 'a given up after its third send');
    expect(outcomeOf(run, a)).toMatch(/^gave up: no answer to this send nor to the two before it/); // main: "held: no answer …"
  });

  it('says it was set aside when a start --after-restore set it aside', async () => {
    const run = heldRun(scriptedConsole([], () => hangUp()));
    const a = run.post('a', c1);
    run.deliverer.start();
    await until(() => run.heldEvents('a').length === 1, 10_000, 'a held after two sends');
    await run.deliverer.stop();
    run.store.checkpoint();
    const backup = path.join(tempFolder('notecast-held-backup-'), 'state.db');
    copyFileSync(run.db, backup); // the backup taken while the post was held, restored
    const restored = await openState(backup, silentLogger(), { afterRestore: true, moved: false });
    try {
      expect(restored.store.db.prepare('SELECT status FROM outbox WHERE id = ?').get(a)).toEqual({ status: 'skipped' });
      expect(outcomeOf(restored, a)).toMatch(/^held, then set aside at a start --after-restore/); // main: "held: no answer …"
    } finally {
      await restored.close();
    }
  });
});
