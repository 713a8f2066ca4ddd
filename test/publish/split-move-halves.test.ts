/**
 * Issue 25, the model's seed 501 failing once in CI at load ~40 ("b/intro.md with a permalink moved to a/intro.md": N1
 * posted twice in `all` and `en`). The hypothesis: the move's unlink and its add landed in two watcher batches. Made
 * deterministic here (test/helpers/split-model.ts: the test hands the batches over): `mv b/intro.md a/intro.md` with the
 * old path's removal and the new path handed over a batch apart, in either order, with and without a `permalink`, in
 * both `onDelete` modes, within the removal window, with a restart between, or with the window over between them.
 * Within the window or across a restart the move is one note (README, renames): these pass on main too, kept as guards.
 * Past the window the removal is applied first: with `keep` the note comes back at its new path (README: a deleted note
 * brought back under another name with exactly its content is that note), but with a permalink its message is unchanged,
 * and decide.ts recorded it "republished unchanged", counted as shown in every chat it goes to: chat `a` (`a/**`), new
 * to it, never got it (failed on main). With `delete` the messages went at the window's end and the note is posted
 * again when its new path comes: a removal acted on is README's rule (a rename is matched within the window), kept open.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileParseThreads } from '../helpers/inproc.js';
import { handOver, problemsOf, startSplitRun, type SplitRun } from '../helpers/split-model.js';

const parseThreads = fileParseThreads();
type Between = 'nothing' | 'a restart' | 'the removal window over';

/** `b/intro.md` posted, moved to `a/intro.md`, its halves handed over a batch apart (`first`); the model's problems after. */
async function splitMove(onDelete: 'keep' | 'delete', permalink: boolean, first: 'unlink' | 'add', between: Between): Promise<string[]> {
  const run: SplitRun = await startSplitRun(onDelete, 'group', parseThreads);
  try {
    run.world.apply({ op: 'write', file: 'b/intro.md', draft: false, ...(permalink ? { permalink: '/notes/two/' } : {}) });
    await handOver(run, [['b/intro.md']], true);
    expect(problemsOf(run)).toEqual([]);
    run.world.apply({ op: 'move', from: 'b/intro.md', to: 'a/intro.md' });
    const abs = (rel: string) => path.join(run.svc.notes, rel);
    const batch = first === 'unlink' ? { changed: [], removed: [abs('b/intro.md')] } : { changed: [abs('a/intro.md')], removed: [] };
    await run.svc.app!.publisher.processBatch(batch);
    run.svc.batchApplied(batch);
    if (between === 'a restart') {
      // A stop, not a kill: the first half's pending removal is forgotten alike (kept in memory only), and the start's
      // scan finds the move whole. (InProcessService.kill then start here found the state lock still held.)
      await run.svc.stop();
      await run.svc.start();
    } else if (between === 'the removal window over') {
      await run.svc.app!.publisher.releaseHeld(); // as sync.ts judgeRemovals at the window's end
      run.svc.app!.publisher.applyRemovals();
    }
    await handOver(run, [[first === 'unlink' ? 'a/intro.md' : 'b/intro.md']], true);
    return problemsOf(run);
  } finally {
    await run.svc.discard();
  }
}

const cases = (betweens: Between[], modes: ('keep' | 'delete')[]) =>
  modes.flatMap((onDelete) => betweens.flatMap((between) => (['unlink', 'add'] as const).flatMap((first) => [true, false].map((permalink) => [onDelete, between, first, permalink ? 'with' : 'without', permalink] as const))));

describe.concurrent('a move whose unlink and add come a batch apart (the model\'s seed 501)', () => {
  it.each(cases(['nothing', 'a restart'], ['keep', 'delete']))('onDelete %s, %s between, the %s first, %s a permalink: one note, posted once per chat', { timeout: 60_000 }, async (onDelete, between, first, _, permalink) => {
    expect(await splitMove(onDelete, permalink, first, between)).toEqual([]);
  });
  it.each(cases(['the removal window over'], ['keep']))('onDelete %s, %s between, the %s first, %s a permalink: the note back at its new path reaches chat a', { timeout: 60_000 }, async (onDelete, between, first, _, permalink) => {
    expect(await splitMove(onDelete, permalink, first, between)).toEqual([]);
  });
});

describe.concurrent('a move whose halves come further apart than the removal window, onDelete: delete (open)', () => {
  /** Its removal applied at the window's end deletes its messages; the new path, come later, is posted as a new note. */
  it.fails.each([true, false])('the unlink first, then the window over: posted again in all and en (permalink: %s)', { timeout: 60_000 }, async (permalink) => {
    expect(await splitMove('delete', permalink, 'unlink', 'the removal window over')).toEqual([]);
  });
});
