/**
 * Copies kept back (src/publish/kept-copies.ts), the three shapes issue 25 left open, through the
 * service in this process:
 * - `cp b.md a.md` over an announced a whose content is nowhere else: a's note is removed (its
 *   message kept or deleted as `publish.onDelete` says) and a.md is a copy of b, kept back; before,
 *   a's message was edited to b's text (two messages showing b);
 * - a copy of a note whose rewrite waits in the removal window (held-rewrites.ts): kept back as a
 *   copy of that note's new content; before, posted, then the original's message edited to the same;
 * - two identical new notes in one batch: the first by path announced, the other kept back, as when
 *   they come a batch apart; before, both posted.
 */
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { copiesKeptBack } from '../../src/store/kept-copies.js';
import { consoleServiceOf, idleAfter, shown as shownInOrder, writtenOneByOne } from '../helpers/chat-shown.js';
import { fileParseThreads, type InProcessService } from '../helpers/inproc.js';
import { note as text } from '../helpers/service.js';

const ALPHA = text('Alpha', 'Alpha is about apples and pears, said in a sentence long enough to sketch.');
const BETA = text('Beta', 'Beta is about bananas and berries, a sentence of its own entirely.');
const REWRITTEN = text('Gamma', 'Gamma talks of clocks, gears and springs: nothing Alpha ever said.');

/** Every start of every test here takes its parse threads from these (a thread's modules load once). */
const parseThreads = fileParseThreads();

const shown = (s: InProcessService) => shownInOrder(s, true);

/** The test's own service, stopped when it finishes: the tests of a describe run at once (each waits on quiet periods and removal windows, on its own folder). */
const service = (t: TestContext, onDelete: 'keep' | 'delete', translations: 'group' | 'separate' = 'separate') => consoleServiceOf(t, parseThreads, onDelete, translations);
const written = writtenOneByOne;

describe.concurrent('`cp b.md a.md` over an announced note whose content is nowhere else', () => {
  for (const translations of ['separate', 'group'] as const) {
    it(`keep (${translations}): a's message stays showing a, a.md is a copy of b; b's removal then moves b's message to a.md`, { timeout: 60_000 }, async (t) => {
      const s = await service(t, 'keep', translations);
      await written(s, { 'a.md': ALPHA, 'b.md': BETA });
      await idleAfter(s, () => copyFileSync(path.join(s.notes, 'b.md'), path.join(s.notes, 'a.md')));
      expect(shown(s)).toEqual({ posts: 2, live: ['a: Alpha', 'b: Beta'] });
      expect(copiesKeptBack(s.app!.store.sql)).toEqual([{ file: 'a.md', copyOf: 'b.md' }]);
      await idleAfter(s, () => rmSync(path.join(s.notes, 'b.md')));
      expect(s.sent('all', 'post')).toHaveLength(2);
      expect(s.live('all').filter((m) => m.text.startsWith('Beta'))).toHaveLength(1);
      expect(copiesKeptBack(s.app!.store.sql)).toEqual([]);
    });
  }

  it('delete: a\'s message is deleted, a.md is a copy of b; a.md edited later is announced once', { timeout: 60_000 }, async (t) => {
    const s = await service(t, 'delete');
    await written(s, { 'a.md': ALPHA, 'b.md': BETA });
    await idleAfter(s, () => copyFileSync(path.join(s.notes, 'b.md'), path.join(s.notes, 'a.md')));
    expect(shown(s)).toEqual({ posts: 2, live: ['b: Beta'] });
    expect(copiesKeptBack(s.app!.store.sql)).toEqual([{ file: 'a.md', copyOf: 'b.md' }]);
    await written(s, { 'a.md': text('Delta', 'Delta is written from the Beta note, now about deltas and rivers.') });
    expect(shown(s)).toEqual({ posts: 3, live: ['a: Delta', 'b: Beta'] });
  });

  it('delete, in two steps (`rm a.md`, its removal applied, then `cp b.md a.md`): a.md is a copy of b, not posted', { timeout: 60_000 }, async (t) => {
    const s = await service(t, 'delete');
    await written(s, { 'a.md': ALPHA, 'b.md': BETA });
    await idleAfter(s, () => rmSync(path.join(s.notes, 'a.md')));
    await idleAfter(s, () => copyFileSync(path.join(s.notes, 'b.md'), path.join(s.notes, 'a.md')));
    expect(shown(s)).toEqual({ posts: 2, live: ['b: Beta'] });
    expect(copiesKeptBack(s.app!.store.sql)).toEqual([{ file: 'a.md', copyOf: 'b.md' }]);
  });

  it('delete, a removed note\'s content written over b.md once its removal is applied: b is overwritten (its message deleted), the removed note posted again, as in one save (issue 25, tester 18 item 2)', { timeout: 60_000 }, async (t) => {
    const s = await service(t, 'delete');
    await written(s, { 'a.md': ALPHA, 'b.md': BETA });
    await idleAfter(s, () => rmSync(path.join(s.notes, 'a.md')));
    expect(shown(s)).toEqual({ posts: 2, live: ['b: Beta'] });
    await idleAfter(s, () => writeFileSync(path.join(s.notes, 'b.md'), ALPHA));
    // Before: Beta's message edited to Alpha's text (b's note taken as edited into the removed note).
    expect(s.sent('all', 'edit')).toEqual([]);
    expect(shown(s)).toEqual({ posts: 3, live: ['b: Alpha'] });
  });

  it('seen by the next start\'s scan (changed while stopped): the same', { timeout: 60_000 }, async (t) => {
    const s = await service(t, 'keep');
    await written(s, { 'a.md': ALPHA, 'b.md': BETA });
    await s.stop();
    copyFileSync(path.join(s.notes, 'b.md'), path.join(s.notes, 'a.md'));
    await s.start();
    await s.waitFor(() => s.app!.publisher.pendingRemovals === 0 && s.openDeliveries() === 0 && copiesKeptBack(s.app!.store.sql).length === 1, 20_000, 'a.md kept back');
    expect(shown(s)).toEqual({ posts: 2, live: ['a: Alpha', 'b: Beta'] });
  });

  it('a\'s file moved away first (`mv a.md c.md; cp b.md a.md`, a.md reported first): a\'s message follows c.md, a.md is a copy', { timeout: 60_000 }, async (t) => {
    const s = await service(t, 'keep');
    await written(s, { 'a.md': ALPHA, 'b.md': BETA });
    copyFileSync(path.join(s.notes, 'a.md'), path.join(s.notes, 'c.md.tmp')); // c.md's content, not a note yet
    copyFileSync(path.join(s.notes, 'b.md'), path.join(s.notes, 'a.md'));
    await s.batched(['a.md']); // held: a's content may turn up elsewhere in the window
    await idleAfter(s, () => {
      copyFileSync(path.join(s.notes, 'c.md.tmp'), path.join(s.notes, 'c.md'));
      rmSync(path.join(s.notes, 'c.md.tmp'));
    });
    expect(shown(s)).toEqual({ posts: 2, live: ['b: Beta', 'c: Alpha'] });
    expect(copiesKeptBack(s.app!.store.sql)).toEqual([{ file: 'a.md', copyOf: 'b.md' }]);
  });
});

describe.concurrent('a copy of a note whose rewrite waits in the removal window', () => {
  it('kept back as a copy of the rewrite; the original\'s message shows the rewrite, once', { timeout: 60_000 }, async (t) => {
    const s = await service(t, 'keep');
    await written(s, { 'a.md': ALPHA });
    writeFileSync(path.join(s.notes, 'a.md'), REWRITTEN);
    await s.batched(['a.md']);
    expect(s.app!.publisher.pendingRemovals).toBeGreaterThan(0); // held: a rewrite beyond recognition
    await idleAfter(s, () => copyFileSync(path.join(s.notes, 'a.md'), path.join(s.notes, 'c.md')));
    expect(shown(s)).toEqual({ posts: 1, live: ['a: Gamma'] });
    expect(copiesKeptBack(s.app!.store.sql)).toEqual([{ file: 'c.md', copyOf: 'a.md' }]);
  });

  it('made while stopped with the rewrite: the same at the next start', { timeout: 60_000 }, async (t) => {
    const s = await service(t, 'keep');
    await written(s, { 'a.md': ALPHA });
    await s.stop();
    writeFileSync(path.join(s.notes, 'a.md'), REWRITTEN);
    copyFileSync(path.join(s.notes, 'a.md'), path.join(s.notes, 'c.md'));
    await s.start();
    await s.waitFor(() => s.app!.publisher.pendingRemovals === 0 && s.openDeliveries() === 0 && s.live('all')[0]?.text.startsWith('Gamma') === true, 20_000, 'a shows Gamma');
    expect(shown(s)).toEqual({ posts: 1, live: ['a: Gamma'] });
    expect(copiesKeptBack(s.app!.store.sql)).toEqual([{ file: 'c.md', copyOf: 'a.md' }]);
  });
});

describe.concurrent('two identical new notes in one batch', () => {
  for (const translations of ['separate', 'group'] as const) {
    it(`written while stopped: the first by path is announced, the other kept back, as a batch apart (${translations})`, { timeout: 60_000 }, async (t) => {
      const s = await service(t, 'keep', translations);
      await written(s, { 'c.md': BETA });
      await s.stop();
      writeFileSync(path.join(s.notes, 'b.md'), ALPHA);
      writeFileSync(path.join(s.notes, 'a.md'), ALPHA);
      await s.start();
      await s.waitFor(() => s.sent('all', 'post').length >= 2 && s.openDeliveries() === 0 && s.app!.publisher.pendingRemovals === 0, 20_000, 'a posted, nothing open');
      expect(shown(s)).toEqual({ posts: 2, live: ['a: Alpha', 'c: Beta'] });
      expect(copiesKeptBack(s.app!.store.sql)).toEqual([{ file: 'b.md', copyOf: 'a.md' }]);
    });
  }
});
