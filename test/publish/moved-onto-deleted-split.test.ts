/**
 * Issue 25, split-burst seed 31108: a note moved onto the path of a note deleted before (`mv intro.md a/setup.md`, a/setup.md's
 * note removed earlier), the new path handed over a batch before the old path's removal. A file new to the store with
 * exactly a known note's content, whose file is gone, is that note moved (late-removals.ts); the path's deleted record
 * kept it from being looked at so: announced as a new note, and the moved note's message, left on its old family, was a
 * second one in the chat (N4 posted twice in en). The rule: a path whose record is a deleted note and whose content is
 * not that note's is new to the store, for a late removal as for a rename (rename-match.ts mayBeRenamedHere).
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

describe('a note moved onto a deleted note\'s path, the new path handed over a batch before the old one\'s removal', () => {
  for (const mode of ['group', 'separate'] as const)
    for (const onDelete of ['keep', 'delete'] as const)
      for (const sentEarly of [false, true])
        it(`${mode}, onDelete: ${onDelete}${sentEarly ? ', the first batch sent before the removal came' : ''}: the note moved, posted once per chat`, async () => {
          run = await startSplitRun(onDelete, mode, parseThreads);
          expect(await splitStep(run, [{ op: 'write', file: 'a/setup.md', draft: false }, { op: 'write', file: 'intro.md', draft: false }])).toEqual([]);
          expect(await splitStep(run, [{ op: 'remove', file: 'a/setup.md' }])).toEqual([]);
          expect(await splitStep(run, [{ op: 'move', from: 'intro.md', to: 'a/setup.md' }], () => [['a/setup.md'], ['intro.md']], sentEarly)).toEqual([]);
          expect(run.svc.app!.store.getNote('a/setup')).toMatchObject({ file: 'a/setup.md', state: 'published', info: { title: 'N2' } });
          for (const chat of ['all', 'en']) expect(run.svc.sent(chat, 'post').filter((e) => e.text.startsWith('N2'))).toHaveLength(1);
          // Edited later: its message (not a new one) shows it.
          expect(await splitStep(run, [{ op: 'write', file: 'a/setup.md', draft: false }])).toEqual([]);
        });
});
