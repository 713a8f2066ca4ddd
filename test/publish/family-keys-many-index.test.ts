/**
 * `check`/`preview` (familyKeysAmong) over a site whose notes are all `<dir>/index.md` (one written key "index", one
 * language): each note after the first is announced on its own and adds a family to the key. Every note scanned and
 * deduplicated the key's whole family list, about n³ (review rv-4 R1: 1000 notes 1.9-8.8 s, 2000 74 s); before the
 * folder rule (479990a) it was one map look-up per note. Now a note's families are listed only where one of them has a
 * note in its folder or the key's own family is free for it.
 */
import { describe, expect, it } from 'vitest';
import { familyKeysAmong } from '../../src/publish/family-key.js';

const site = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${String(i).padStart(5, '0')}/index`, file: `p${i}/index.md`, lang: 'en', translationKey: 'index', draft: false }));

describe('familyKeysAmong over thousands of same-named notes (review rv-4 R1)', () => {
  it('3000 `*/index.md` notes: each announced on its own, decided in seconds, not minutes', { timeout: 120_000 }, () => {
    const notes = site(3000);
    const t = performance.now();
    const { keyOf, conflicts, joins } = familyKeysAmong(notes);
    const ms = performance.now() - t;
    console.log(`familyKeysAmong: ${notes.length} notes, ${Math.round(ms)} ms`);
    expect(keyOf.get('p00000/index')).toBe('index');
    expect(keyOf.get('p02999/index')).toBe('index#p02999/index');
    expect(new Set(keyOf.values()).size).toBe(3000);
    expect(conflicts).toHaveLength(2999);
    expect(joins).toEqual([]);
    // A wall-clock bound, as a last resort: no count of the work is exposed. It is generous (the linear code takes
    // milliseconds even at load 30); the n³ code takes minutes here (1000 notes took 1.9-8.8 s, 3000 is 27 times that).
    expect(ms).toBeLessThan(20_000);
  });
});
