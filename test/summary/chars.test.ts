import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiCase, hasCjk, hasNumber, letterUnits, LOWER_ASCII, NOT_ASCII, wordsAndCjk } from '../../src/summary/chars.js';
import { hasScripts } from '../../src/summary/sup-sub.js';

// Letters of several scripts, marks, digits of other scripts, astral letters and digits, lone surrogates.
const pieces = ["'", '’', '-', 'カ', '\u{20000}', 'a', 'Z', '9', ' ', 'é', 'e\u0301', 'ß', '中', 'の', 'ं', 'न', '٣', 'Ⅻ', '½', '😀', '𝑥', '𝟘', '\uD835', '\uDC65', '\u00A0', '_', '#'];
const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 30 }).map((p) => p.join(''));

describe('counting characters by Unicode category', () => {
  it('counts the UTF-16 units of letters as removing \\p{L} does, for any text', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(letterUnits(s)).toBe(s.length - s.replace(/\p{L}/gu, '').length);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds a number character where \\p{N} does, for any text', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(hasNumber(s)).toBe(/\p{N}/u.test(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds Han, Hiragana or Katakana where the script classes do, for any text', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(hasCjk(s)).toBe(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('counts words and CJK characters as the regexes wordCount used did, for any text', () => {
    const cjkChars = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
    fc.assert(
      fc.property(text, (s) => {
        const words = (s.replace(cjkChars, ' ').match(/\p{L}[\p{L}\p{M}\p{N}'’-]*/gu) ?? []).length;
        expect(wordsAndCjk(s)).toEqual({ words, cjk: (s.match(cjkChars) ?? []).length });
      }),
      { numRuns: 3000 },
    );
  });
});

describe('a word told ASCII in lower case by its code units (salience.ts wordTerm)', () => {
  const word = fc.oneof(text, fc.string({ unit: fc.constantFrom(...'abcXYZ09._-+#/\'é’ßİK'.split('')), maxLength: 12 }));
  it('is its own lower case, and a word with scripts is never ASCII, for any text and any part of it', () => {
    fc.assert(
      fc.property(word, fc.nat(), fc.nat(), (s, a, b) => {
        const start = s.length ? a % s.length : 0;
        const stop = start + (s.length ? b % (s.length - start + 1) : 0);
        const w = s.slice(start, stop);
        const kind = asciiCase(s, start, stop);
        expect(kind === NOT_ASCII).toBe(/[^\x00-\x7f]/.test(w));
        if (kind === LOWER_ASCII) expect(w.toLowerCase()).toBe(w);
        if (kind !== NOT_ASCII) expect(hasScripts(w.toLowerCase())).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });
});
