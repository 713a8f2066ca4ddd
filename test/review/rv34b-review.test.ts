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
  /** R1: the message taken is not edited (its summary is the copy's already), so the family's `🌐` line stays. */
  const family: Op[] = [write('b/setup.md', 'shared', true), write('b/setup-ja.md', 'shared'), copy, toSeparate, write('b/setup.md', 'shared')];
  it.each(['keep', 'delete'] as const)('R1 a family message taken by a held copy under separate shows no translation of the original\'s family (onDelete: %s)', { timeout: 180_000 }, async (onDelete) => {
    const r = await runSequence(family, onDelete, parseThreads, { inspect: copyLinksOriginalsTranslation });
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
  /** R2: the copy made once `separate` (held by the family's message since s34-sep), back to `group`, then the original saved. */
  const heldThenGrouped: Op[] = [write('b/setup.md', 'shared', true), toSeparate, copy, toGroup, write('b/setup.md', 'shared')];
  it.each(['keep', 'delete'] as const)('R2 group, separate (copy held by the family message), group again, the original saved (onDelete: %s)', { timeout: 180_000 }, async (onDelete) => {
    const r = await runSequence(heldThenGrouped, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
  /** R2, the same with no group history (fails at 2627897 too): separate, the copy held by the own message, group, the original saved. */
  const separateThenGrouped: Op[] = [toSeparate, write('b/setup.md', 'shared', true), copy, toGroup, write('b/setup.md', 'shared')];
  it.each(['keep', 'delete'] as const)('R2 separate (copy held), group, the original saved (onDelete: %s)', { timeout: 180_000 }, async (onDelete) => {
    const r = await runSequence(separateThenGrouped, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
});
