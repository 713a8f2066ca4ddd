/**
 * Issue 25, split-burst seed 31020 split over two batches: `mv _posts/ja/intro.md setup.md` with setup.md edited (its
 * title kept) and a new `_posts/ja/intro.md` with another title. In one batch the note moves to where its title went
 * (moved-off-retitled.ts). Split, the old path first, it was decided the note retitled in place (its messages edited to
 * show the new note) and setup.md, coming next, a new note: N1 posted twice. The new file first, setup.md waited the
 * removal window beside its original (rename-match.ts besideOriginal), which was then retitled in place, not removed:
 * released as a note of its own, N1 posted twice again. The rule: an edit in place that changed a note's title is
 * remembered for the removal window by that title and body too (retitled-edits.ts), so the batch bringing a new file
 * that keeps them (the later batch, or the held file's release) decides the edited path again with it: the note moved,
 * the old path a new note, whatever the split. Either order never posts a note twice; the one-batch reading is the
 * README's ("moved and edited … it is where its title went").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileParseThreads } from '../helpers/inproc.js';
import type { Op } from '../helpers/route-model.js';
import { handOver, splitStep, startSplitRun, type SplitRun } from '../helpers/split-model.js';

const parseThreads = fileParseThreads();
let run: SplitRun | undefined;
afterEach(async () => {
  await run?.svc.stop();
  run = undefined;
});


const moveEditAndWrite: Op[] = [{ op: 'moveEdit', from: '_posts/ja/intro.md', to: 'setup.md' }, { op: 'write', file: '_posts/ja/intro.md', draft: false }];
const ORDERS = { 'the old path first': [['_posts/ja/intro.md'], ['setup.md']], 'the new file first': [['setup.md'], ['_posts/ja/intro.md']] };

describe('a retitled edit in place is remembered by its old title: a note moved and edited off it, split over two batches, moves', () => {
  for (const [order, batches] of Object.entries(ORDERS))
    for (const mode of ['group', 'separate'] as const)
      for (const onDelete of ['keep', 'delete'] as const)
        for (const sentEarly of [false, true])
          it(`${order}, ${mode}, onDelete: ${onDelete}${sentEarly ? ', the first batch sent before the second came' : ''}: posted once per chat, the old path a new note`, async () => {
            run = await startSplitRun(onDelete, mode, parseThreads);
            expect(await splitStep(run, [{ op: 'write', file: '_posts/ja/intro.md', draft: false }, { op: 'write', file: 'a/setup.md', draft: false }])).toEqual([]);
            expect(await splitStep(run, moveEditAndWrite, () => batches, sentEarly)).toEqual([]);
            const { store } = run.svc.app!;
            expect(store.getNote('setup')).toMatchObject({ file: 'setup.md', announced: true, info: { title: 'N1' } });
            expect(store.getNote('_posts/ja/intro')).toMatchObject({ announced: true, info: { title: 'N3' } });
            // One post ever showed N1 in each chat (the model's rule above says so too, for the messages still up).
            for (const chat of ['all', 'ja']) expect(run.svc.sent(chat, 'post').filter((e) => e.text.startsWith('N1'))).toHaveLength(1);
            // Edited again later: its message (not a new one) shows it.
            expect(await splitStep(run, [{ op: 'write', file: 'setup.md', draft: false }])).toEqual([]);
          });
});

/** The other side: a retitle in place stays one when the new file naming the old title is not that note (its body unlike it). */
describe('a retitle in place and a new file that only names the old title', () => {
  it.each(['group', 'separate'] as const)('%s: the edit stays, the new file is a note of its own', async (mode) => {
    run = await startSplitRun('keep', mode, parseThreads);
    expect(await splitStep(run, [{ op: 'write', file: 'intro.md', draft: false }])).toEqual([]);
    const abs = (rel: string) => path.join(run!.svc.notes, rel);
    // Outside the model (it would read the titles as notes of its own): the test's own files.
    writeFileSync(abs('intro.md'), readFileSync(abs('intro.md'), 'utf8').replace('title: N1', 'title: Renamed in place'));
    await handOver(run, [['intro.md']], false);
    writeFileSync(abs('setup.md'), '---\ntitle: N1\n---\n\nAn unrelated page about deployment keys, rotated every quarter by the operations team.\n');
    await handOver(run, [['setup.md']], false);
    const { store } = run.svc.app!;
    expect(store.getNote('intro')).toMatchObject({ file: 'intro.md', info: { title: 'Renamed in place' } });
    expect(store.getNote('setup')).toMatchObject({ file: 'setup.md', announced: true, revision: 1 });
    expect(run.svc.live('all')).toHaveLength(2);
  });
});
