/**
 * Review rv33-b (issue 25): the hand-over claims of s33-rc/s33-ck (a held copy takes its original's messages; a
 * message a copy took is not handed back in that batch; a copy drafted in its original's batch takes the message
 * first) checked under `publish.translations.mode: separate`, by the route model. R1, R2: one hand-over decision per
 * batch in both modes (note-outbox.ts handOverInBatch). R3, R4: review rv33-b, fixed by s34-sep.
 */
import { describe, expect, it } from 'vitest';
import { fileParseThreads } from '../helpers/inproc.js';
import { runSequence, type Op } from '../helpers/route-model.js';

const parseThreads = fileParseThreads();
const write = (file: string, key: string | undefined, first = false): Op => ({ op: 'write', file, draft: false, key, generic: true, ...(first ? { date: '2025-01-06', permalink: '/notes/one/' } : {}), long: false });
const toSeparate: Op = { op: 'restart', offline: [], mode: 'separate' };

describe('copies under separate mode (review rv33-b)', () => {
  /** R1: copy-keys' seed 1201 case (the copy's key kept, the original's dropped, in a hang), separate from the start. */
  const copyKeyKept: Op[] = [toSeparate, write('a/setup-ja.md', 'shared', true), { op: 'copy', from: 'a/setup-ja.md', to: 'b/setup-ja.md' }, { op: 'outage', kind: 'hang', ops: [write('a/setup-ja.md', undefined), write('b/setup-ja.md', 'shared')] }];
  it.each(['keep', 'delete'] as const)('R1 separate: the original first by path, its key dropped, the copy\'s kept, in a hang (onDelete: %s)', { timeout: 120_000 }, async (onDelete) => {
    const r = await runSequence(copyKeyKept, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
  /** R2: review rv32-c R2 (the held copy drafted in its original's batch), separate from the start. */
  const drafted: Op[] = [toSeparate, write('setup.md', 'shared', true), { op: 'copy', from: 'setup.md', to: 'a/setup.md' }, { op: 'outage', kind: 'hang', ops: [write('setup.md', undefined), { op: 'write', file: 'a/setup.md', draft: true, key: undefined, generic: true, long: false }] }];
  // onDelete: delete once failed 1 of 6 runs at load ~22 (s33-sep: suspected, the outage's two saves in two batches).
  // That order, forced below, passes at s33-sep's merge too; s34-sep saw no failure here in 14 runs at load 15-25.
  it.each(['keep', 'delete'] as const)('R2 separate: same batch, held copy, both saved, the copy drafted (onDelete: %s)', { timeout: 120_000 }, async (onDelete) => {
    const r = await runSequence(drafted, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
  /** R2 in two batches: the original's save handled before the copy's draft (`apart`), as a loaded machine may split them. */
  const draftedApart: Op[] = [...drafted.slice(0, -1), { ...(drafted.at(-1) as Extract<Op, { op: 'outage' }>), apart: true }];
  it.each(['keep', 'delete'] as const)('R2 separate, two batches: the original saved, then its held copy drafted, in a hang (onDelete: %s)', { timeout: 120_000 }, async (onDelete) => {
    const r = await runSequence(draftedApart, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
  /** The other order, forced: the copy drafted, then the original saved (the missed-edit check read the copy's kept message, its
   * original's old title, as the original's: under keep). */
  const draftedFirst: Op[] = [...drafted.slice(0, -1), { op: 'outage', kind: 'hang', apart: true, ops: [...(drafted.at(-1) as Extract<Op, { op: 'outage' }>).ops].reverse() }];
  it.each(['keep', 'delete'] as const)('R2 separate, two batches: the held copy drafted, then its original saved, in a hang (onDelete: %s)', { timeout: 120_000 }, async (onDelete) => {
    const r = await runSequence(draftedFirst, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
  /** R3: the copy made under `group`, then a restart into `separate`, then the original saved alone (no outage, no move):
   * the family's message the copy was held by is the copy's own from then on (family-copies.ts handOverFamilyMessages). */
  const switched: Op[] = [write('b/setup.md', 'shared', true), { op: 'copy', from: 'b/setup.md', to: 'a/setup.md' }, toSeparate, write('b/setup.md', 'shared')];
  it.each(['keep', 'delete'] as const)('R3 group then separate: the original saved once the mode switched (onDelete: %s)', { timeout: 120_000 }, async (onDelete) => {
    const r = await runSequence(switched, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
  /** R3 the other way: the note announced under `group`, the copy made once `separate`: held by the family's message (posted
   * twice before), then the original saved (the copy takes that message) or the copy saved (posted where it was held). */
  const copiedOnceSwitched: Op[] = [write('b/setup.md', 'shared', true), toSeparate, { op: 'copy', from: 'b/setup.md', to: 'a/setup.md' }];
  it.each([['original', 'b/setup.md'], ['copy', 'a/setup.md']] as const)('R3 group then separate, the copy made once switched, then the %s saved (onDelete: keep, delete)', { timeout: 120_000 }, async (_, saved) => {
    for (const onDelete of ['keep', 'delete'] as const) {
      const r = await runSequence([...copiedOnceSwitched, write(saved, 'shared')], onDelete, parseThreads);
      expect(r.problems, `${onDelete}: after step ${r.steps}`).toEqual([]);
    }
  });
  /** Issue 25 (s34-sep's open case): a copy made once `separate`, held by the family's message (posted while `group`),
   * then the original removed: that message is the copy's (as under group), so the copy's save edits it. */
  const removedOnceSwitched: Op[] = [...copiedOnceSwitched, { op: 'remove', file: 'b/setup.md' }, write('a/setup.md', 'shared')];
  it.each(['keep', 'delete'] as const)('group then separate, the copy made once switched, the original removed, then the copy saved (onDelete: %s)', { timeout: 120_000 }, async (onDelete) => {
    const r = await runSequence(removedOnceSwitched, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
  /** R4: burst digests on, a copy held where its original is shown: the checker read the original's message as the copy's. */
  it.each(['keep', 'delete'] as const)('R4 digests: a copy held in its original\'s chats (onDelete: %s)', { timeout: 120_000 }, async (onDelete) => {
    const r = await runSequence([write('setup.md', 'shared', true), { op: 'copy', from: 'setup.md', to: 'a/setup.md' }, write('setup.md', 'shared')], onDelete, parseThreads, { digests: true });
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
    expect(r.copies).toBe(1);
  });
});
