/**
 * Issue 25, the model flaky under load: the model's per-edit rule "a message never switches to show another note of its
 * language" allows one thing, checked at rest instead (test/helpers/split-transients.ts): a switch queued by a batch of
 * a step that a later batch of the same step followed and corrected (a burst split by a loaded machine; the service
 * cannot know a second half is coming). Both sides, the batches handed over deterministically (split-model.ts): the
 * split case passes, counted as a transient; the same wrong edit with no later batch, with a later batch that does not
 * correct it, or queued by the step's last batch, still breaks the rule.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fileParseThreads } from '../helpers/inproc.js';
import type { Op } from '../helpers/route-model.js';
import { applyOps, handOver, problemsOf, startSplitRun, type SplitRun } from '../helpers/split-model.js';
import { queuedBeforeLastBatch } from '../helpers/split-transients.js';

const parseThreads = fileParseThreads();
let run: SplitRun | undefined;
afterEach(async () => {
  await run?.svc.stop();
  run = undefined;
});

/** The kept case: _posts/ja/intro.md moved to setup-ja.md and a new _posts/ja/intro.md (alike but for its tag) in one burst. */
const moveAndWrite: Op[] = [{ op: 'move', from: '_posts/ja/intro.md', to: 'setup-ja.md' }, { op: 'write', file: '_posts/ja/intro.md', draft: false }];
const SWITCH = /posted for setup-ja\.md \(ja\), shows _posts\/ja\/intro\.md \(N2\), another ja note$/;

/** A run with _posts/ja/intro.md posted (N1), then `ops` as one burst, `batches` of it handed over, each batch's deliveries sent before the next. */
async function splitStep(onDelete: 'keep' | 'delete', ops: Op[], batches: string[][]): Promise<string[]> {
  run = await startSplitRun(onDelete, 'group', parseThreads);
  await handOver(run, [applyOps(run.world, [{ op: 'write', file: '_posts/ja/intro.md', draft: false }])], false);
  expect(problemsOf(run)).toEqual([]);
  applyOps(run.world, ops);
  await handOver(run, batches, true);
  return problemsOf(run);
}

describe('a switch a later batch of its step corrected is a transient, checked at rest', () => {
  it.each(['keep', 'delete'] as const)('the burst split with the old path first, its edit sent before the moved file came: the rules hold, one transient per chat counted (onDelete: %s)', async (onDelete) => {
    expect(await splitStep(onDelete, moveAndWrite, [['_posts/ja/intro.md'], ['setup-ja.md']])).toEqual([]);
    // The edit to show the new note did go out (else this proves nothing), in `all` and `ja`, and a later batch corrected it.
    expect(run!.world.transientSwitches).toBeGreaterThanOrEqual(2);
  });
});

describe('the same wrong edit anywhere else still breaks the rule', () => {
  it('one batch (the moved file never handed over): the switch is a problem at once', async () => {
    const problems = await splitStep('keep', moveAndWrite, [['_posts/ja/intro.md']]);
    expect(problems.filter((p) => SWITCH.test(p)).length).toBeGreaterThanOrEqual(2);
    expect(run!.world.transientSwitches).toBe(0);
  });
  it('split, the later batch not correcting it (the moved file never handed over): still a problem at rest', async () => {
    const problems = await splitStep('keep', [...moveAndWrite, { op: 'write', file: 'b/setup.md', draft: false }], [['_posts/ja/intro.md'], ['b/setup.md']]);
    expect(problems.filter((p) => /another ja note; a later batch of the step did not correct it: still so at rest$/.test(p)).length).toBeGreaterThanOrEqual(2);
    expect(run!.world.transientSwitches).toBe(0);
  });
  it('split, the switch queued by the step\'s last batch: a problem at once, whatever it shows at rest', async () => {
    const problems = await splitStep('keep', [...moveAndWrite, { op: 'write', file: 'b/setup.md', draft: false }], [['b/setup.md'], ['_posts/ja/intro.md']]);
    expect(problems.filter((p) => SWITCH.test(p)).length).toBeGreaterThanOrEqual(2);
    expect(run!.world.transientSwitches).toBe(0);
  });
});

describe('queuedBeforeLastBatch: which batch of a step queued a delivery', () => {
  // The step's batches are the last three; the outbox stood at 4 when it began.
  const log = [{ outboxSeq: 4 }, { outboxSeq: 7 }, { outboxSeq: 9 }, { outboxSeq: 12 }];
  it('a delivery queued by a batch of the step another followed', () => {
    expect(queuedBeforeLastBatch(log, 1, 4, 5)).toBe(true);
    expect(queuedBeforeLastBatch(log, 1, 4, 9)).toBe(true);
  });
  it('queued by the last batch, before the step, with no id, or a step of one batch: no', () => {
    expect(queuedBeforeLastBatch(log, 1, 4, 10)).toBe(false);
    expect(queuedBeforeLastBatch(log, 1, 4, 4)).toBe(false);
    expect(queuedBeforeLastBatch(log, 1, 4, undefined)).toBe(false);
    expect(queuedBeforeLastBatch(log, 3, 9, 11)).toBe(false);
  });
  it('a batch of a start, or a step begun with no app (the outbox not known): never taken for one', () => {
    expect(queuedBeforeLastBatch([{ outboxSeq: undefined }, { outboxSeq: 3 }], 0, 0, 1)).toBe(false);
    expect(queuedBeforeLastBatch([{ outboxSeq: 2 }, { outboxSeq: 3 }], 0, undefined, 1)).toBe(false);
  });
});
