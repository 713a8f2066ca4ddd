/**
 * Issue 25, the outside tester's round 13, finding 1: a note moved over an announced note while a new,
 * unrelated note is written at its old path (`mv a.md b.md`, a new a.md; or a rotation whose last note's file
 * went away, a new note written where the first one was), in one batch. rename-chain.ts closed such a chain
 * onto its start as a swap whose last link was edited: Banana's message was edited to show Durian, its
 * delete never sent, Durian never posted. A swap with an edit needs evidence that the last note is the one
 * at the start now (its title there, or most of its body: what held-rewrites.ts recognises an edit by);
 * Durian shares nothing with Banana, so Banana's note was overwritten (removed, `onDelete` applies) and
 * Durian is a new note (README, renames: "a note moved, retitled and rewritten at once shares nothing").
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { consoleService, idleAfter, shown as shownInOrder, writtenOneByOne } from '../helpers/chat-shown.js';
import { fileParseThreads, type InProcessService } from '../helpers/inproc.js';
import { note as text } from '../helpers/service.js';

const running: InProcessService[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

const APPLE = text('Apple', 'Apple is about orchards and cider presses, said in a sentence long enough to sketch.');
const BANANA = text('Banana', 'Banana is about plantations and ripening rooms, a sentence of its own entirely.');
const CHERRY = text('Cherry', 'Cherry tells of blossoms in spring and of the birds that come for the fruit.');
const DURIAN = text('Durian', 'Durian speaks of markets at night, of thorny husks and of a smell banned on trains.');

const shown = (s: InProcessService) => shownInOrder(s, true);

/** Shared by every start here: a start then loads no parse thread again. */
const parseThreads = fileParseThreads();
const service = (onDelete: 'keep' | 'delete', translations: 'group' | 'separate' = 'separate') => consoleService(running, onDelete, translations, undefined, parseThreads);
const written = writtenOneByOne;

const BURSTS = {
  'mv a.md b.md (over b), a new a.md': (at: (f: string) => string) => {
    renameSync(at('a.md'), at('b.md'));
    writeFileSync(at('a.md'), DURIAN);
  },
  'rm b.md; mv a.md b.md, a new a.md': (at: (f: string) => string) => {
    rmSync(at('b.md'));
    renameSync(at('a.md'), at('b.md'));
    writeFileSync(at('a.md'), DURIAN);
  },
};

/**
 * Failed on main before its fix (9 of 11; the guards passed). A first fix (1cc6c9c) broke split-bursts.test.ts's
 * rotations split with the removal window over between them; the fix that holds both also takes as evidence a
 * start path holding a note moved in from outside the batch, and remembers released rewrites as edits.
 */
describe('a note moved over an announced note, a new unrelated note at its old path, one batch', () => {
  for (const [name, burst] of Object.entries(BURSTS))
    for (const translations of ['group', 'separate'] as const) {
      it(`${name}, onDelete: delete (${translations}): Apple's message follows it, Banana's is deleted, Durian posted`, { timeout: 60_000 }, async () => {
        const s = await service('delete', translations);
        await written(s, { 'a.md': APPLE, 'b.md': BANANA });
        await idleAfter(s, () => burst((f) => path.join(s.notes, f)));
        expect(shown(s)).toEqual({ posts: 3, live: ['a: Durian', 'b: Apple'] });
        expect(s.sent('all', 'edit').map((e) => e.text.split('\n')[0])).not.toContain('Durian');
      });

      it(`${name}, onDelete: keep (${translations}): Banana's message stays showing Banana, Durian posted once`, { timeout: 60_000 }, async () => {
        const s = await service('keep', translations);
        await written(s, { 'a.md': APPLE, 'b.md': BANANA });
        await idleAfter(s, () => burst((f) => path.join(s.notes, f)));
        const live = s.live('all').map((m) => m.text.split('\n')[0]).sort();
        expect({ posts: s.sent('all', 'post').length, live }).toEqual({ posts: 3, live: ['Apple', 'Banana', 'Durian'] });
        expect(s.app!.store.getNote('a')).toMatchObject({ announced: true, info: { title: 'Durian' } });
      });
    }

  it('a rotation whose last file went away (`mv c.md t; mv b.md c.md; mv a.md b.md; rm t`), a new a.md, onDelete: delete: each message follows its note, Cherry\'s deleted, Durian posted', { timeout: 60_000 }, async () => {
    const s = await service('delete', 'group');
    await written(s, { 'a.md': APPLE, 'b.md': BANANA, 'c.md': CHERRY });
    await idleAfter(s, () => {
      const at = (f: string) => path.join(s.notes, f);
      renameSync(at('c.md'), at('t.tmp'));
      renameSync(at('b.md'), at('c.md'));
      renameSync(at('a.md'), at('b.md'));
      rmSync(at('t.tmp'));
      writeFileSync(at('a.md'), DURIAN);
    });
    expect(shown(s)).toEqual({ posts: 4, live: ['a: Durian', 'b: Apple', 'c: Banana'] });
  });
});

describe('guard: a swap with an edit that keeps the note recognisable is still a swap', () => {
  it.each(['keep', 'delete'] as const)('`mv a t; mv b a; mv t b`, a.md edited (its title kept), onDelete: %s: each message follows its note, nothing posted', { timeout: 60_000 }, async (onDelete) => {
    const s = await service(onDelete, 'group');
    await written(s, { 'a.md': APPLE, 'b.md': BANANA });
    await idleAfter(s, () => {
      const at = (f: string) => path.join(s.notes, f);
      renameSync(at('a.md'), at('t.tmp'));
      renameSync(at('b.md'), at('a.md'));
      renameSync(at('t.tmp'), at('b.md'));
      writeFileSync(at('a.md'), text('Banana', 'Banana is about plantations and ripening rooms, a sentence of its own entirely. And one more line.'));
    });
    expect(shown(s)).toEqual({ posts: 2, live: ['a: Banana', 'b: Apple'] });
  });
});
