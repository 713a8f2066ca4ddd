/**
 * Issue 25, the model file flaky under load (f25's failing run, made deterministic): "ja/intro.md moved to setup-ja.md and
 * a new ja/intro.md in one burst", the burst split by a loaded machine with the old path first. The new ja/intro.md
 * differs from the moved note only by its tag (one template), so it was taken as an edit of the moved note in place
 * (held-rewrites.ts `rewritten` holds only rewrites beyond recognition), and setup-ja.md, coming next with the moved
 * note's exact content that no known note held any more, was announced as new: posted twice in every chat, its first
 * message edited to show the other note. Now the content a path held before an edit in place is remembered for the
 * removal window (recent-edits.ts): setup-ja.md is the note moved, its messages follow it, ja/intro.md is a new note.
 *
 * The invariant, whatever the split: each note is posted once per chat, each message shows the note it was posted for
 * once the burst is handled, nothing is deleted but what the model allows (route-model.ts `violations`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copiesKeptBack } from '../../src/store/kept-copies.js';
import { fileParseThreads } from '../helpers/inproc.js';
import type { Op } from '../helpers/route-model.js';
import { applyOps, handOver, splitStep, startSplitRun, type SplitRun } from '../helpers/split-model.js';

const parseThreads = fileParseThreads();
let run: SplitRun | undefined;
afterEach(async () => {
  await run?.svc.stop();
  run = undefined;
});


const moveAndWrite: Op[] = [{ op: 'move', from: '_posts/ja/intro.md', to: 'setup-ja.md' }, { op: 'write', file: '_posts/ja/intro.md', draft: false }];

describe('a note moved and a new note alike to it written at its old path, the old path handed over a batch first', () => {
  for (const mode of ['group', 'separate'] as const)
    for (const onDelete of ['keep', 'delete'] as const)
      for (const sentEarly of [false, true])
        it(`${mode}, onDelete: ${onDelete}${sentEarly ? ', the edit sent before the moved file came' : ''}: posted once per chat, each message its note's at the end`, async () => {
          run = await startSplitRun(onDelete, mode, parseThreads);
          expect(await splitStep(run, [{ op: 'write', file: 'setup.md', draft: false }])).toEqual([]);
          expect(await splitStep(run, [{ op: 'write', file: '_posts/ja/intro.md', draft: false }])).toEqual([]);
          expect(await splitStep(run, moveAndWrite, () => [['_posts/ja/intro.md'], ['setup-ja.md']], sentEarly)).toEqual([]);
          // The moved note went on being followed: edited later, its message (not a new one) shows it.
          expect(await splitStep(run, [{ op: 'write', file: 'setup-ja.md', draft: false }])).toEqual([]);
        });
});

describe('guards: what was right before stays so', () => {
  it.each(['keep', 'delete'] as const)('the moved file handed over first (late-removals.ts), and one batch (rename-chain.ts) (onDelete: %s)', async (onDelete) => {
    for (const split of [() => [['setup-ja.md'], ['_posts/ja/intro.md']], (p: string[]) => [p]]) {
      run = await startSplitRun(onDelete, 'group', parseThreads);
      expect(await splitStep(run, [{ op: 'write', file: '_posts/ja/intro.md', draft: false }])).toEqual([]);
      expect(await splitStep(run, moveAndWrite, split)).toEqual([]);
      await run.svc.stop();
      run = undefined;
    }
  });
});

/**
 * Found by m25b (the model file failed so once at load ~11, its kept case "renamed and edited, then again while
 * stopped", step 2, onDelete keep): a note moved and edited at once (route-model.ts `moveEdit`), its new path handed
 * over a batch before its old path's removal. The first batch saw a new path with content no known note holds and
 * announced it; the removal that followed was not taken back as the move's other half: N1 posted twice in every chat,
 * two live messages. Now the known notes sharing the new note's title or URL are looked at on disk, and one whose file
 * is gone joins the pending removals, where the rename evidence (body alike) makes it the move (late-removals.ts).
 */
describe('a note moved and edited at once, the new path handed over a batch before the old one', () => {
  for (const mode of ['group', 'separate'] as const)
    for (const onDelete of ['keep', 'delete'] as const)
      for (const sentEarly of [false, true])
        it(`${mode}, onDelete: ${onDelete}${sentEarly ? ', the first batch sent before the removal came' : ''}: posted once per chat, its message following it`, async () => {
          run = await startSplitRun(onDelete, mode, parseThreads);
          expect(await splitStep(run, [{ op: 'write', file: 'a/setup.md', draft: false }])).toEqual([]);
          expect(await splitStep(run, [{ op: 'moveEdit', from: 'a/setup.md', to: 'intro.md' }], () => [['intro.md'], ['a/setup.md']], sentEarly)).toEqual([]);
          expect(run.svc.app!.store.getNote('intro')).toMatchObject({ file: 'intro.md', announced: true, revision: 2 });
          // Edited again later: its message (not a new one) shows it.
          expect(await splitStep(run, [{ op: 'write', file: 'intro.md', draft: false }])).toEqual([]);
        });
});

/**
 * The other side of the fix above: only a known note whose file is gone, with the rename evidence (title or URL, body
 * alike), is taken as the move. A new note written while an unrelated note (even one titled alike: the model's generic
 * "Introduction") is removed in the next batch is a new note; a note edited from a copy of one whose file is still
 * there is a note beside it.
 */
describe('a new note is still a new note', () => {
  for (const mode of ['group', 'separate'] as const)
    for (const onDelete of ['keep', 'delete'] as const)
      it(`${mode}, onDelete: ${onDelete}: written while an unrelated note of the same title is removed in the next batch, it is announced and the other deleted`, async () => {
        run = await startSplitRun(onDelete, mode, parseThreads);
        expect(await splitStep(run, [{ op: 'write', file: '_posts/en/intro.md', draft: false, generic: true }])).toEqual([]);
        const writeAndRemove: Op[] = [{ op: 'write', file: 'b/setup.md', draft: false, generic: true }, { op: 'remove', file: '_posts/en/intro.md' }];
        expect(await splitStep(run, writeAndRemove, () => [['b/setup.md'], ['_posts/en/intro.md']])).toEqual([]);
        const { store } = run.svc.app!;
        expect(store.getNote('b/setup')).toMatchObject({ file: 'b/setup.md', announced: true, revision: 1 });
        expect(store.getNote('_posts/en/intro')).toMatchObject({ file: '_posts/en/intro.md', state: 'deleted' });
      });

  it.each(['group', 'separate'] as const)('%s: a copy of a note edited at once, the note\'s file still there, is announced beside it', async (mode) => {
    run = await startSplitRun('keep', mode, parseThreads);
    expect(await splitStep(run, [{ op: 'write', file: 'a/setup.md', draft: false }])).toEqual([]);
    // Outside the model (it would read the copy's title, N1, as N1 posted twice): the copy is the test's own file.
    const text = readFileSync(path.join(run.svc.notes, 'a/setup.md'), 'utf8');
    writeFileSync(path.join(run.svc.notes, 'intro.md'), `${text}Copied and edited beside it.\n`);
    await handOver(run, [['intro.md']], false);
    const { store } = run.svc.app!;
    expect(store.getNote('a/setup')).toMatchObject({ file: 'a/setup.md', state: 'published', revision: 1 });
    expect(store.getNote('intro')).toMatchObject({ file: 'intro.md', announced: true, revision: 1 });
    expect(run.svc.live('all')).toHaveLength(2);
    expect(run.svc.sent('all', 'edit')).toEqual([]);
  });
});

/**
 * Why the group cases above failed once k25's copies kept back met this fix (issue 25): the batch bringing setup-ja.md
 * renamed the note's record there, but until the batch is committed that record still had ja/intro.md's path and the
 * content the edit in place gave it, the new note's: the new ja/intro.md was read as its copy, kept back, never announced
 * (kept-copies.ts contentsDecided). In `separate` mode a later batch happened to release it; this reads the store right
 * after the batch itself, in both modes.
 */
describe('the new note at the old path is no copy of the note that moved from it', () => {
  it.each(['group', 'separate'] as const)('%s: announced in the batch that brings the moved file, nothing kept back', async (mode) => {
    run = await startSplitRun('keep', mode, parseThreads);
    expect(await splitStep(run, [{ op: 'write', file: '_posts/ja/intro.md', draft: false }])).toEqual([]);
    const { app } = run.svc;
    applyOps(run.world, moveAndWrite);
    for (const rel of ['_posts/ja/intro.md', 'setup-ja.md']) await app!.publisher.processBatch({ changed: [path.join(run.svc.notes, rel)], removed: [] });
    expect(copiesKeptBack(app!.store.sql)).toEqual([]);
    expect(app!.store.getNote('_posts/ja/intro')).toMatchObject({ file: '_posts/ja/intro.md', announced: true });
    expect(app!.store.getNote('setup-ja')).toMatchObject({ file: 'setup-ja.md', announced: true });
  });
});
