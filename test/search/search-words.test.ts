/**
 * One set of word rules for `/note` and saved searches (issue 29, t29 N1, N3): accents fold the
 * same way on both sides, and a word that symbols shortened (`c++` → `c`) or a very short one
 * matches whole words only, never every word it starts.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NoteSearch } from '../../src/search/index.js';
import { SavedSearches } from '../../src/search/saved.js';
import { searchText } from '../../src/search/text.js';
import { Store } from '../../src/store/store.js';
import type { NoteInfo } from '../../src/store/types.js';
import { normalizeTerm, WORD } from '../../src/util/words.js';

const words = (title: string, body: string, locale = 'en') => searchText({ title, tags: [], locale }, body).words;
const matches = (note: string, query: string) => new SavedSearches().match(note, 'en', [query]).length === 1;
const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

/** A store holding these notes (title, body), indexed as the publisher indexes them, and its lookup. */
function lookupOver(notes: Array<[string, string]>): NoteSearch {
  const store = new Store(':memory:');
  notes.forEach(([title, body], i) => {
    const info = { file: `n${i}.md`, title, lang: 'en', locale: 'en', tags: [], translationKey: `n${i}`, draft: false } as unknown as NoteInfo;
    store.putNote({ id: `n${i}`, file: info.file, hash: `h${i}`, summaryHash: null, state: 'published', dueAt: null, revision: 0, announced: false, info, summary: null, error: null }, searchText(info, body));
  });
  return new NoteSearch(store);
}
const titlesFound = (search: NoteSearch, q: string) => search.search(q, { limit: 10, deep: true }).map((r) => r.title).sort();

describe('accents fold as /note folds them (N1)', () => {
  it('/subscribe words:cafe matches "Café two", as /note cafe finds it; words:café matches "cafe" too', () => {
    const cafe = words('Café two', 'Another Café review.');
    expect(matches(cafe, 'cafe')).toBe(true);
    expect(matches(cafe, 'CAFE review')).toBe(true);
    expect(matches(words('Cafe two', 'plain'), 'café')).toBe(true);
    expect(titlesFound(lookupOver([['Café two', 'Another Café review.'], ['Tea', 'none']]), 'cafe')).toEqual(['Café two']);
  });

  const letter = fc.constantFrom(...'aceinoruyzéèêëáàâäíïóôöúùûüñçýÿšžåøłœ');
  const word = fc.array(letter, { minLength: 1, maxLength: 7 }).map((cs) => cs.join(''));
  const text = fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
  it('a note matches a search iff it matches with accents removed on either side (property)', () => {
    fc.assert(
      fc.property(text, text, fc.boolean(), (note, typed, fromNote) => {
        // The search: some of the note's words (half of them cut to a prefix), or other words.
        const query = fromNote ? note.split(' ').slice(0, 3).map((w, i) => (i % 2 ? w.slice(0, Math.max(3, w.length - 2)) : w)).join(' ') : typed;
        const n = words('t', note);
        const expected = matches(n, query);
        expect(matches(words('t', stripAccents(note)), query), `${note} | ${query}`).toBe(expected);
        expect(matches(n, stripAccents(query)), `${note} | ${query}`).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('folds exactly what the index’s tokenizer folds, so /note and saved searches agree: every Latin and Greek letter', () => {
    const db = new Database(':memory:');
    // The lookup index's tokenizer (store/db.ts).
    db.exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2'); CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');");
    const letters: string[] = [];
    for (let cp = 0x41; cp < 0x2000; cp++) {
      const c = String.fromCodePoint(cp);
      // (A letter whose compatibility form is a bare combining mark, ͺ, is no word of its own.)
      if (/[\p{Script=Latin}\p{Script=Greek}]/u.test(c) && /\p{L}/u.test(c) && !/^\s*\p{M}/u.test(c.normalize('NFKC'))) letters.push(c);
    }
    // The index is written, and asked, in our words (search/text.ts): the tokenizer only folds them further, if at all.
    const ours = (c: string) => (normalizeTerm(`x${c}x`).match(WORD) ?? []).join(' ');
    const insert = db.prepare('INSERT INTO t(rowid, x) VALUES (?, ?)');
    letters.forEach((c, i) => insert.run(i + 1, ours(c)));
    const tokens = new Map((db.prepare('SELECT doc, group_concat(term, \' \') AS terms FROM (SELECT * FROM v ORDER BY doc, "offset") GROUP BY doc').all() as Array<{ doc: number; terms: string }>).map((r) => [r.doc, r.terms]));
    const differ = letters.filter((c, i) => tokens.get(i + 1) !== ours(c));
    expect(letters.length).toBeGreaterThan(900);
    expect(differ).toEqual([]);
  });
});

describe('a word shortened by symbols, or shorter than three characters, matches whole words only (N3)', () => {
  const cucumbers = words('Cats and cucumbers', 'Cucumbers grow fast. Café culture.');
  const cpp = words('Templates in C++', 'C++ and C# code; .NET too, since 2026.');
  const networking = words('Networking', 'Notes on networking in 2026.');

  it('saved searches: c++, C#, .NET and 2 are the words c, c, net and 2, not prefixes', () => {
    for (const q of ['c++', 'C#', '"c++"', '.NET', '2', 'ai']) expect(matches(cucumbers, q) || matches(networking, q), q).toBe(false);
    for (const q of ['c++', 'C#', '.NET', '2026', 'c++ templates']) expect(matches(cpp, q), q).toBe(true);
    // Words typed plainly are still the start of words, also with punctuation around them.
    for (const q of ['cucu', 'cucumbers.', '(cats)', 'cats, cucumbers', '“cats”', 'cat']) expect(matches(cucumbers, q), q).toBe(true);
    expect(matches(networking, 'net')).toBe(true);
  });

  it('/note follows the same rule; only the last word, maybe half typed, stays a prefix', () => {
    const search = lookupOver([['Cats and cucumbers', 'Cucumbers grow fast.'], ['Templates in C++', 'C++ and C# code; .NET too.'], ['Networking', 'Notes on networking in 2026.']]);
    expect(titlesFound(search, 'c++')).toEqual(['Templates in C++']);
    expect(titlesFound(search, 'C#')).toEqual(['Templates in C++']);
    expect(titlesFound(search, '.NET')).toEqual(['Templates in C++']);
    expect(titlesFound(search, 'networ')).toEqual(['Networking']);
    expect(titlesFound(search, 'cu')).toEqual(['Cats and cucumbers']); // being typed
  });
});
