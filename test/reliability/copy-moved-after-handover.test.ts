/**
 * Issue 25, review rv32-c (R1, R2): orders around a copy that takes its edited original's messages, each checked by the
 * route model (every chat shows each note once, its newest state) after every step. R1's and R2's cases failed on main
 * d7b17dc3; the copy moved into `b/` is kept open.
 */
import { describe, expect, it } from 'vitest';
import { fileParseThreads } from '../helpers/inproc.js';
import { runSequence, type Op } from '../helpers/route-model.js';

const parseThreads = fileParseThreads();
const write = (file: string, key: string | undefined, first = false): Op => ({ op: 'write', file, draft: false, key, generic: true, ...(first ? { date: '2025-01-06', permalink: '/notes/one/' } : {}), long: false });

describe('copies: the copy moved after it took the original\'s messages (review rv32-c R1)', () => {
  /**
   * `b/setup.md` keyed `shared`, copied to `a/setup.md` (posted in `a`, held in `all` and `en`), `b/setup.md` saved (the
   * copy takes the messages in `all` and `en`, the edit posted there), then `mv a/setup.md a/intro.md`. The edit of
   * b/setup.md is remembered for the removal window (recent-edits.ts), and a/intro.md holds exactly what b/setup.md held
   * before it: b/setup.md joined the move's batch as edited (held-rewrites.ts withEdited), and rename-chain.ts read a
   * chain starting at new content, b/setup moved to a/intro.md and a/setup moved (edited) to b/setup.md: every message
   * swapped notes and `a` was posted the copy a second time. a/setup.md, removed in that batch, held exactly that content
   * too: the copy moved, b/setup.md was edited in place (rename-chain.ts). On main it fails while the edit is remembered
   * (the window, 200 ms in the model): 22 of 24 runs of these six cases failed there (3 runs; the keep case of the first
   * passed twice, its window over before the move on a loaded machine); none fails here, whichever comes first.
   */
  const moved: Op[] = [write('b/setup.md', 'shared', true), { op: 'copy', from: 'b/setup.md', to: 'a/setup.md' }, write('b/setup.md', 'shared'), { op: 'move', from: 'a/setup.md', to: 'a/intro.md' }];
  it.each(['keep', 'delete'] as const)('key kept, then the copy moved within a/ (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    const r = await runSequence(moved, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
  /** The same with the original's key dropped (the reviewer's seed 1200 class: the copy took the messages, then moved). */
  const keyDropped: Op[] = [write('setup.md', 'shared', true), { op: 'copy', from: 'setup.md', to: 'a/setup.md' }, write('setup.md', undefined), { op: 'move', from: 'a/setup.md', to: 'a/intro.md' }];
  it.each(['keep', 'delete'] as const)('key dropped, then the copy moved within a/ (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    const r = await runSequence(keyDropped, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
  /** A copy out of the original's chat (`b/**`): the original keeps its message in `b`, edited; the copy moved to the top folder. */
  const toTop: Op[] = [write('b/setup.md', 'shared', true), { op: 'copy', from: 'b/setup.md', to: 'a/setup.md' }, write('b/setup.md', undefined), { op: 'move', from: 'a/setup.md', to: 'intro.md' }];
  it.each(['keep', 'delete'] as const)('key dropped, the copy out of b\'s reach, then moved to the top folder (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    const r = await runSequence(toTop, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
});

describe('copies: the copy moved into the folder of a chat it was out of (review rv32-c R1), open', () => {
  /**
   * `b/setup.md` keyed `shared` (posted in `b`, `b/**`), copied to `a/setup.md`, `b/setup.md` saved with no key: in `b`,
   * which the copy does not reach, the original keeps its message c3, edited to its edit (the lead's rule). Then `mv
   * a/setup.md b/intro.md`: the move is read as one now (the copy's record moves), and `b`'s filter picks the copy, a note
   * whose text `b` shows nowhere any more: posted there (c8). The model counts its text posted twice in `b` (c3 showed it
   * before the edit). Whether that is a double or the copy new to `b` is the lead's rule to extend (README: a copy is
   * posted where its text is not shown); kept open, not changed here.
   */
  const intoB: Op[] = [write('b/setup.md', 'shared', true), { op: 'copy', from: 'b/setup.md', to: 'a/setup.md' }, write('b/setup.md', undefined), { op: 'move', from: 'a/setup.md', to: 'b/intro.md' }];
  it.fails.each(['keep', 'delete'] as const)('key dropped, the copy out of b\'s reach, then moved into b/ (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    const r = await runSequence(intoB, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
});

describe('copies: a held copy drafted in its original\'s batch (review rv32-c R2)', () => {
  /**
   * `setup.md` keyed `shared`, copied to `a/setup.md` (held in `all`, `en`), then in one hang outage `setup.md` saved with
   * no key and `a/setup.md` saved as a draft: `all`'s c1 and `en`'s c2, posted for the copy, showed the original's edit.
   * family-outbox.ts followHeldCopies let no copy drafted or removed in the batch take the message, against README's
   * "saved in one batch read as the original saved first": the copy takes it now whatever the batch does to it, and its
   * draft then applies to it as `onDelete` says (family-outbox.ts syncFamily). Failed on main, both modes.
   */
  const drafted: Op[] = [write('setup.md', 'shared', true), { op: 'copy', from: 'setup.md', to: 'a/setup.md' }, { op: 'outage', kind: 'hang', ops: [write('setup.md', undefined), { op: 'write', file: 'a/setup.md', draft: true, key: undefined, generic: true, long: false }] }];
  it.each(['keep', 'delete'] as const)('same batch: held copy, both saved, the copy drafted (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    const r = await runSequence(drafted, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
});
