/**
 * Issue 25, split-burst seed 31108: every member of a family leaves it in one burst, each for another family. intro's
 * family holds N1 (ja, the original: the message of the chat that wants every language was posted for it) and N3 (en);
 * a rotation takes N3 to a/setup.md (family setup), setup's only note N2 to intro.md and N1 to setup.md (English there:
 * setup#setup, beside N3). The whole family's messages went with the first member found leaving (N3), so that chat's
 * message was edited to show N3 and N1 was posted there a second time. The rule (family-co-leavers.ts): a message
 * follows the note it was posted for, into its new family, when that family has no message in the chat yet.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fileParseThreads } from '../helpers/inproc.js';
import type { Op } from '../helpers/route-model.js';
import { splitStep, startSplitRun, type SplitRun } from '../helpers/split-model.js';

const parseThreads = fileParseThreads();
let run: SplitRun | undefined;
afterEach(async () => {
  await run?.svc.stop();
  run = undefined;
});

const ROTATION: Op[] = [
  { op: 'move', from: 'intro.md', to: 'a/setup.md' },
  { op: 'move', from: 'setup.md', to: 'intro.md' },
  { op: 'move', from: '_posts/ja/intro.md', to: 'setup.md' },
];
const SPLITS: [string, (paths: string[]) => string[][]][] = [
  ['in one batch', (paths) => [paths]],
  ['setup.md and intro.md first, all four again a batch later', () => [['setup.md', 'intro.md'], ['a/setup.md', '_posts/ja/intro.md', 'setup.md', 'intro.md']]],
];

describe('a family all of whose members leave for other families at once: each message follows the note it was posted for', () => {
  for (const onDelete of ['keep', 'delete'] as const)
    for (const [split, batches] of SPLITS)
      it(`onDelete: ${onDelete}, ${split}`, async () => {
        run = await startSplitRun(onDelete, 'group', parseThreads);
        const write = (file: string): Op => ({ op: 'write', file, draft: false });
        expect(await splitStep(run, [write('_posts/ja/intro.md'), write('setup.md')])).toEqual([]);
        expect(await splitStep(run, [write('intro.md')])).toEqual([]);
        const [allForN1] = run.svc.sent('all', 'post').filter((e) => e.text.startsWith('N1'));
        expect(await splitStep(run, ROTATION, batches, true)).toEqual([]);
        // all's message posted for N1 shows it still, under its new family; N1 is posted there only once; N3 gets its first message there.
        const lastOf = (id: string) => run!.svc.events.filter((e) => e.target === 'console:all' && e.messageId === id).at(-1);
        expect(lastOf(allForN1!.messageId)).toMatchObject({ family: 'setup#setup' });
        expect(lastOf(allForN1!.messageId)?.text.startsWith('N1')).toBe(true);
        expect(run.svc.sent('all', 'post').filter((e) => e.text.startsWith('N1'))).toHaveLength(1);
        expect(run.svc.sent('all', 'post').filter((e) => e.text.startsWith('N3'))).toHaveLength(1);
      });
});
