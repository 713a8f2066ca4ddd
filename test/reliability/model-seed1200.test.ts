/**
 * Issue 25 (s30-mh), open: the counterexample of `BENCH_MODEL_SHRINK=0 BENCH_MODEL_SEED=1200 BENCH_MODEL_STEPS=20
 * BENCH_MODEL_RUNS=15 npm run bench -- model` (plain sequences, the 14th, fast-check path 13; onDelete keep and delete
 * alike), failing after its step 11 with "console:all N1 was posted 2 times (c1, c30)"; shrunk by hand (steps dropped
 * while it still failed) to the four below, same failure ("console:all N1 was posted 2 times (c1, c14)").
 *
 * An English note keyed `shared` (titled "Introduction", its tag read from the body) is posted (c1 in `all`); it is copied
 * byte for byte to `b/setup-ja.md` (Japanese by its suffix: a translation in the same family, held where the original is
 * shown); the original is written again (README, a copy and a delete: the copy is then the original's note moved, its
 * messages follow the copy, the edit a new note); then, in an outage, the original is written with no key and another
 * permalink (leaving the family). `all` is posted N1's text a second time: the copy, alone in `shared` now, with the text c1
 * announced. The seed-1000 case (model-seed1000.test.ts) is this shape with the original's first edit left out; its fix
 * (family-follow.ts `leftHoldsItsText`) compared the copy with the original's text as it is now, the edit, not with the
 * text the message had shown of it. Now a message that showed the moved note with exactly the text the member left
 * holds (`showedItsText`: the summaries sent there, their language aside) stays with the member left. Both failed on
 * main dc5ea256 as plain tests ("console:all N1 was posted 2 times (c1, c14)").
 */
import { describe, expect, it } from 'vitest';
import { fileParseThreads } from '../helpers/inproc.js';
import { runSequence, type Op } from '../helpers/route-model.js';

const parseThreads = fileParseThreads();

const shrunk: Op[] = [
  { op: 'write', file: '_posts/en/intro.md', draft: false, key: 'shared', generic: true, date: '2025-01-06', permalink: '/notes/one/', long: false },
  { op: 'copy', from: '_posts/en/intro.md', to: 'b/setup-ja.md' },
  { op: 'write', file: '_posts/en/intro.md', draft: false, key: 'shared', generic: true, date: '2025-01-06', permalink: '/notes/one/', long: false },
  {
    op: 'outage',
    kind: 'down',
    ops: [
      { op: 'write', file: '_posts/en/intro.md', draft: false, generic: true, permalink: '/weekly/', long: false },
      { op: 'controls', file: 'a/setup.md', silent: true, pin: true },
    ],
  },
];

describe.concurrent('model: seed 1200, a copy decided as the original\'s note, then the original leaves the family', () => {
  it.each(['keep', 'delete'] as const)('the four steps (onDelete: %s): every chat shows each note once', { timeout: 60_000 }, async (onDelete) => {
    const r = await runSequence(shrunk, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
});
