/**
 * Issue 25, split-burst seed 31020 (one batch): renames in a chain whose end is the path of a note deleted before
 * (`mv setup.md a/setup.md; mv intro.md setup.md`, a/setup.md's note removed earlier), all in one batch. The chain
 * broke off at a/setup.md, whose deleted record was taken for a known note: setup's note was read as edited into
 * intro's and a/setup.md as a new note, setup's note posted a second time. The rule (new-to-store.ts, one home for
 * the chain's end, a late removal and a rename's target): a path whose record is a deleted note and whose content is
 * not that note's is new to the store, so the chain ends there and each message follows its note.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fileParseThreads } from '../helpers/inproc.js';
import { splitStep, startSplitRun, type SplitRun } from '../helpers/split-model.js';

const parseThreads = fileParseThreads();
let run: SplitRun | undefined;
afterEach(async () => {
  await run?.svc.stop();
  run = undefined;
});

describe('a chain of renames in one batch ending on a deleted note\'s path', () => {
  for (const mode of ['group', 'separate'] as const)
    for (const onDelete of ['keep', 'delete'] as const)
      it(`${mode}, onDelete: ${onDelete}: each note moves along the chain, none posted again`, async () => {
        run = await startSplitRun(onDelete, mode, parseThreads);
        const write = (file: string) => ({ op: 'write' as const, file, draft: false });
        expect(await splitStep(run, [write('a/setup.md'), write('setup.md'), write('intro.md')])).toEqual([]);
        expect(await splitStep(run, [{ op: 'remove', file: 'a/setup.md' }])).toEqual([]);
        expect(await splitStep(run, [{ op: 'move', from: 'setup.md', to: 'a/setup.md' }, { op: 'move', from: 'intro.md', to: 'setup.md' }])).toEqual([]);
        // The model's titles: N2 was written at setup.md, N3 at intro.md; each now at the end of its move.
        expect(run.svc.app!.store.getNote('a/setup')).toMatchObject({ state: 'published', info: { title: 'N2' } });
        expect(run.svc.app!.store.getNote('setup')).toMatchObject({ state: 'published', info: { title: 'N3' } });
        // Posted once in each chat that had them; chat a (routed by path) gets N2 now, its first post there.
        const postsOf = (chat: string, title: string) => run!.svc.sent(chat, 'post').filter((e) => e.text.startsWith(title)).length;
        for (const chat of ['all', 'en']) expect([postsOf(chat, 'N2'), postsOf(chat, 'N3')]).toEqual([1, 1]);
        expect([postsOf('a', 'N2'), postsOf('a', 'N3')]).toEqual([1, 0]);
      });
});
