/**
 * Review rv34-b (issue 25) of s34-sep's merge (2627897..9a5d159, family-copies.ts handOverFamilyMessages): failing tests.
 * R1: a family's message (posted while `group`) handed to a held copy under `separate` keeps the family's translation
 * line. R2: the hold does not survive the switch back to `group`: the original's edit takes the message the copy held.
 */
import { describe, expect, it } from 'vitest';
import { fileParseThreads, type InProcessService } from '../helpers/inproc.js';
import { runSequence, type Op } from '../helpers/route-model.js';

const parseThreads = fileParseThreads();
const write = (file: string, key: string | undefined, first = false): Op => ({ op: 'write', file, draft: false, key, generic: true, ...(first ? { date: '2025-01-06', permalink: '/notes/one/' } : {}), long: false });
const toSeparate: Op = { op: 'restart', offline: [], mode: 'separate' };
const toGroup: Op = { op: 'restart', offline: [], mode: 'group' };
const copy: Op = { op: 'copy', from: 'b/setup.md', to: 'a/setup.md' };

/** Chat `all`'s live messages of the copy's family (`shared#a/setup`: another family) that link `b/setup-ja`, the original's translation. */
const copyLinksOriginalsTranslation = (svc: InProcessService) => {
  const store = svc.app!.store;
  const copyMessage = store.postOf('a/setup', { platform: 'console', chat: 'all', thread: '' })?.messageId;
  return svc.live('all').filter((m) => m.messageId === copyMessage && /🌐.*setup-ja/s.test(m.text)).map((m) => `all: ${m.messageId}, a/setup's own message (family ${store.getNote('a/setup')?.info.translationKey}), links b/setup-ja: ${m.text.replace(/\n/g, ' | ')}`);
};

describe('review rv34-b', () => {
  /**
   * R1: the message taken is not edited (its summary is the copy's already), so the family's `🌐` line stays.
   * Open (s34-cg): comparing with the copy's own payload (`{type:'summary', summary}`) in note-outbox.ts handOverInBatch
   * passes these two; run together with the R2 attempt below, copy-separate-review's R3 then sent edits that leave the
   * text as it is (`message c1 edited to the text it shows (N1)`). Which change caused it is not separated (time); a guess:
   * the family payload differs from the copy's own in a field the chat does not see.
   */
  const family: Op[] = [write('b/setup.md', 'shared', true), write('b/setup-ja.md', 'shared'), copy, toSeparate, write('b/setup.md', 'shared')];
  it.fails.each(['keep', 'delete'] as const)('R1 a family message taken by a held copy under separate shows no translation of the original\'s family (onDelete: %s)', { timeout: 180_000 }, async (onDelete) => {
    const r = await runSequence(family, onDelete, parseThreads, { inspect: copyLinksOriginalsTranslation });
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
  /**
   * R2: the copy made once `separate` (held by the family's message since s34-sep), back to `group`, then the original saved.
   * Open (s34-cg): the reviewer's cause holds (the copy keeps key `shared` under separate, so under group its message is the
   * original's). Running assignFamilyKey under `separate` too (publisher.ts decide) gives it `shared#a/setup` and passes
   * these two; with the R1 attempt, families.test.ts, family-kept-message, copy-separate-review R3 and model.test.ts then
   * failed (some as timeouts at load ~20, not told apart): not committed.
   */
  const heldThenGrouped: Op[] = [write('b/setup.md', 'shared', true), toSeparate, copy, toGroup, write('b/setup.md', 'shared')];
  it.fails.each(['keep', 'delete'] as const)('R2 group, separate (copy held by the family message), group again, the original saved (onDelete: %s)', { timeout: 180_000 }, async (onDelete) => {
    const r = await runSequence(heldThenGrouped, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
  /**
   * R2, the same with no group history (fails at 2627897 too): separate, the copy held by the own message, group, the original saved.
   * Open (s34-cg): even with the copy keyed `shared#a/setup` (the publisher.ts attempt above) it is still lost:
   * `all`/`en`: c1/c2 (b/setup.md's own messages, posted while separate) are edited to N2 and nothing shows a/setup.md.
   * Not traced (time). A guess to check first: the hold is by the original's *own* message, which `group` adopts as its
   * family's (family-adopt.ts), and the group-side hand-over (followHeldCopies) does not count the copy as held by it.
   */
  const separateThenGrouped: Op[] = [toSeparate, write('b/setup.md', 'shared', true), copy, toGroup, write('b/setup.md', 'shared')];
  it.fails.each(['keep', 'delete'] as const)('R2 separate (copy held), group, the original saved (onDelete: %s)', { timeout: 180_000 }, async (onDelete) => {
    const r = await runSequence(separateThenGrouped, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
});
