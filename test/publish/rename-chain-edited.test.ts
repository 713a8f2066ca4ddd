/**
 * The rule behind the split property's seed 31108 (separate, keep; rename-chain.ts editedOnto): a rotation whose
 * middle note was edited on its way leaves that note's content at no changed path exactly. The chain from the removed
 * note onto its path broke off there, and the edited note was posted again at its new path. It goes on to the one
 * changed file that is it by README's identity rule (a name, title or URL shared and most of the body: `sameNoteAt`),
 * and only there: never to one of several, never off a path that holds new content (its own note may be edited in
 * place there), never onto a path whose own note is that file's edit in place.
 */
import { describe, expect, it } from 'vitest';
import type { ChangedFile } from '../../src/publish/batch-read.js';
import { chainRenames, type SameNoteAt } from '../../src/publish/rename-chain.js';
import { PendingRemovals } from '../../src/publish/removals.js';
import type { KnownNote } from '../../src/store/store.js';

const knownNote = (id: string, hash: string): KnownNote => ({ id, hash, state: 'published', hasError: false, seen: null });
const file = (rel: string, hash: string, known: boolean): ChangedFile => ({ rel, hash, seen: '', known });

/** A burst's changed files over what the store knew, `removed` waiting as removals; the chain's links as `from → to`. */
function links(store: Record<string, KnownNote>, removed: Record<string, KnownNote>, changed: ChangedFile[], sameNoteAt: SameNoteAt): string[] {
  const pending = new Removals(removed);
  const found = chainRenames(changed, (rel) => store[rel] ?? removed[rel], pending, new Set(), () => false, sameNoteAt);
  return found.map((l) => `${l.from} → ${l.to.rel}`);
}

class Removals extends PendingRemovals {
  constructor(removed: Record<string, KnownNote>) {
    super();
    for (const [rel, k] of Object.entries(removed)) this.add(rel, k);
  }
}

// N1 at _posts/ja/intro.md, N2 at intro.md, N3 at setup-ja.md; N1 → intro.md, N2 (edited) → setup-ja.md, N3 → setup.md.
const STORE = { 'intro.md': knownNote('intro', 'n2'), 'setup-ja.md': knownNote('setup-ja', 'n3') };
const REMOVED = { '_posts/ja/intro.md': knownNote('_posts/ja/intro', 'n1') };
const ROTATED = [file('intro.md', 'n1', true), file('setup-ja.md', 'n2-edited', true), file('setup.md', 'n3', false)];
const n2EditedAt = (...rels: string[]): SameNoteAt => (id, at) => id === 'intro' && rels.includes(at.rel);

describe('a chain whose note was edited on its way (split property, seed 31108)', () => {
  it('goes on to the one changed file that is that note, edited, to the chain\'s end', () => {
    expect(links(STORE, REMOVED, ROTATED, n2EditedAt('setup-ja.md'))).toEqual(['setup-ja.md → setup.md', 'intro.md → setup-ja.md', '_posts/ja/intro.md → intro.md']);
  });

  // Broken off, the chain from N1 is no chain (intro.md an edit, N1 a removal); N3's, starting at setup-ja.md's new content, stands.
  it('breaks off where nothing changed is that note, or two files are', () => {
    expect(links(STORE, REMOVED, ROTATED, () => false)).toEqual(['setup-ja.md → setup.md']);
    const twice = [...ROTATED, file('a/setup.md', 'n2-edited-too', false)];
    expect(links(STORE, REMOVED, twice, n2EditedAt('setup-ja.md', 'a/setup.md'))).toEqual(['setup-ja.md → setup.md']);
  });

  it('never onto a path whose own note is its new content edited in place', () => {
    const sameNote: SameNoteAt = (id, at) => n2EditedAt('setup-ja.md')(id, at) || (id === 'setup-ja' && at.rel === 'setup-ja.md');
    expect(links(STORE, REMOVED, ROTATED, sameNote)).toEqual(['setup-ja.md → setup.md']);
  });

  it('never off a path holding new content: its note may be edited in place there', () => {
    // intro.md holds content of no note's: N2 there edited, or N2 moved (edited) to setup-ja.md and a new intro.md.
    const changed = [file('intro.md', 'new', true), file('setup-ja.md', 'n2-edited', false)];
    expect(links({ 'intro.md': knownNote('intro', 'n2') }, {}, changed, n2EditedAt('setup-ja.md'))).toEqual([]);
  });
});
