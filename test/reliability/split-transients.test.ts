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
import { movedFileCameLate, queuedBeforeLastBatch } from '../helpers/split-transients.js';

const parseThreads = fileParseThreads();
let run: SplitRun | undefined;
afterEach(async () => {
  await run?.svc.stop();
  run = undefined;
});

/** The kept case: _posts/ja/intro.md moved to setup-ja.md and a new _posts/ja/intro.md (alike but for its tag) in one burst. */
const moveAndWrite: Op[] = [{ op: 'move', from: '_posts/ja/intro.md', to: 'setup-ja.md' }, { op: 'write', file: '_posts/ja/intro.md', draft: false }];
const SWITCH = /posted for setup-ja\.md \(ja\), shows _posts\/ja\/intro\.md \(N2\), another ja note$/;

/**
 * A run with _posts/ja/intro.md posted (N1), then `ops` as one burst, `batches` of it handed over, each batch's deliveries
 * sent before the next; `window`: the removal window and the wait before each batch after the first (default: 60 s, none).
 */
async function splitStep(onDelete: 'keep' | 'delete', ops: Op[], batches: string[][], window: { ms: number; gapMs: number; busy?: boolean } = { ms: 60_000, gapMs: 0 }): Promise<string[]> {
  run = await startSplitRun(onDelete, 'group', parseThreads, window.ms);
  await handOver(run, [applyOps(run.world, [{ op: 'write', file: '_posts/ja/intro.md', draft: false }])], false);
  expect(problemsOf(run)).toEqual([]);
  applyOps(run.world, ops);
  await handOver(run, batches, true, window.gapMs, undefined, window.busy === true);
  return problemsOf(run);
}

/** Posts of `title` in a chat. */
const postsOf = (chat: string, title: string) => run!.svc.sent(chat, 'post').filter((e) => e.text.includes(title));

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

/**
 * Past the README's promise (a move's halves meet within the removal window), seen under load (issue 25, e25b: the model's
 * kept case failed 4 of 10 runs on main with two busy loops, load 12-14; its batches: _posts/ja/intro.md, then setup-ja.md
 * 249 ms later, its edit in place decided 227 ms before, the window 200 ms). The service decides the edit in place and a new
 * note, the README's outcome; the model accepts it there only (split-transients.ts movedFileCameLate).
 */
describe('the moved file handed over past the removal window', () => {
  const past = { ms: 200, gapMs: 450 };
  it.each(['keep', 'delete'] as const)('the README\'s outcome: the edit in place stays, the moved note is posted once more, and the model accepts it (onDelete: %s)', async (onDelete) => {
    expect(await splitStep(onDelete, moveAndWrite, [['_posts/ja/intro.md'], ['setup-ja.md']], past)).toEqual([]);
    // The outcome did happen (else this proves nothing): N1 posted twice in `all` and `ja`, its first message showing N2.
    expect(postsOf('all', 'N1')).toHaveLength(2);
    expect(postsOf('ja', 'N1')).toHaveLength(2);
    expect([...run!.world.cameLate].sort()).toEqual(['console:all N1', 'console:ja N1']);
  });
  it('the later batch past the window bringing another file, the moved one never handed over: still a problem at rest', async () => {
    const problems = await splitStep('keep', [...moveAndWrite, { op: 'write', file: 'b/setup.md', draft: false }], [['_posts/ja/intro.md'], ['b/setup.md']], past);
    expect(problems.filter((p) => /another ja note; a later batch of the step did not correct it: still so at rest$/.test(p)).length).toBeGreaterThanOrEqual(2);
    expect(run!.world.cameLate.size).toBe(0);
  });
});

/**
 * The model's "bench seed 7, shrunk" case under load (issue 25, e25h: 2 of 2 runs failed beside three busy loops, load 17-24):
 * both halves reported within the window, the service slow to get to the second. It counted the window from when it decided
 * each batch, forgot the edit in place, and posted the moved note again, which the model could not tell from a late file.
 * Counted from the watcher's reports (report-clock.ts), the halves meet however busy the service is.
 */
describe('the moved file reported within the window, decided past it (a busy service)', () => {
  it.each(['keep', 'delete'] as const)('the halves meet: the moved note is never posted again, its messages follow it (onDelete: %s)', async (onDelete) => {
    expect(await splitStep(onDelete, moveAndWrite, [['_posts/ja/intro.md'], ['setup-ja.md']], { ms: 200, gapMs: 450, busy: true })).toEqual([]);
    expect(postsOf('all', 'N1')).toHaveLength(1);
    expect(postsOf('ja', 'N1')).toHaveLength(1);
    expect(run!.world.cameLate.size).toBe(0);
  });
});

describe('movedFileCameLate: the moved file\'s batch reported the window or more after the batch that queued the switch', () => {
  const moved = '/n/setup-ja.md';
  // The step is the last two batches; the switch (delivery 5) was queued by the first of them, reported at 1000 and applied at 1150 (a slow batch).
  const log = (reportedAt: number | undefined, paths = [moved]) => [{ outboxSeq: 4 }, { outboxSeq: 6, reportedAt: 1000, startedAt: 1000, appliedAt: 1150 }, { outboxSeq: 7, paths: new Set(paths), reportedAt, startedAt: reportedAt, appliedAt: 2000 }];
  it('reported the window or more after: late, as the service counts it, however late the batch before was applied', () => {
    expect(movedFileCameLate(log(1200), 1, 4, 5, moved, 200)).toBe(true);
  });
  it('within the window, not the moved file, its report unknown, or the switch not queued by an earlier batch of the step: not late', () => {
    expect(movedFileCameLate(log(1199), 1, 4, 5, moved, 200)).toBe(false);
    expect(movedFileCameLate(log(5000, ['/n/b/setup.md']), 1, 4, 5, moved, 200)).toBe(false);
    expect(movedFileCameLate(log(undefined), 1, 4, 5, moved, 200)).toBe(false);
    expect(movedFileCameLate(log(5000), 1, 4, 7, moved, 200)).toBe(false);
    expect(movedFileCameLate(log(5000), 1, 4, undefined, moved, 200)).toBe(false);
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
