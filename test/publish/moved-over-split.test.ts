/**
 * Issue 25, tester 19 F1 and the model's flaky "mv a/setup.md b/setup.md over an announced b/setup": another note
 * moved over an announced note of its name in another folder, both titled alike ("Introduction"). b's note is
 * overwritten (removed: its messages kept or deleted as `onDelete` says) and a's messages follow it to b/setup.md
 * (README, renames: `mv a.md b.md` over an announced `b`). Whichever order the watcher reports the two paths in
 * (in one batch, b/setup.md a batch before a/setup.md's removal, or after it), and whether the first batch's
 * deliveries go out before the second comes, the chats end the same.
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

const ORDERS: [string, string[][]][] = [
  ['in one batch', [['a/setup.md', 'b/setup.md']]],
  ['b/setup.md a batch before a/setup.md\'s removal', [['b/setup.md'], ['a/setup.md']]],
  ['a/setup.md\'s removal a batch before b/setup.md', [['a/setup.md'], ['b/setup.md']]],
];

describe('a note moved over another of its name and title in another folder, the two paths in either order', () => {
  for (const onDelete of ['keep', 'delete'] as const)
    for (const [order, batches] of ORDERS)
      for (const sentEarly of [false, true])
        it(`onDelete: ${onDelete}, ${order}${sentEarly ? ', the first batch sent before the next' : ''}`, async () => {
          run = await startSplitRun(onDelete, 'group', parseThreads);
          const write = (file: string): Op => ({ op: 'write', file, draft: false, generic: true });
          expect(await splitStep(run, [write('a/setup.md'), write('b/setup.md')])).toEqual([]);
          expect(await splitStep(run, [{ op: 'move', from: 'a/setup.md', to: 'b/setup.md', over: true }], () => batches, sentEarly)).toEqual([]);
          // The model's rules hold (N1's messages follow it to b/setup.md, N2 removed); and nothing was posted again.
          for (const chat of ['all', 'en']) expect(run.svc.sent(chat, 'post').map((e) => e.text.match(/The note (N\d)/)?.[1])).toEqual(['N1', 'N2']);
        });
});
