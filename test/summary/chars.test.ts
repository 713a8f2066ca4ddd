import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiCase, hasCjk, hasNumber, letterUnits, LOWER_ASCII, NOT_ASCII, wordsAndCjk } from '../../src/summary/chars.js';
import { hasScripts } from '../../src/summary/sup-sub.js';

// Letters of several scripts, marks, digits of other scripts, astral letters and digits, lone surrogates.
const pieces = ["'", '’', '-', 'カ', 'ー', 'ｰ', '〆', '\u{20000}', 'a', 'Z', '9', ' ', 'é', 'e\u0301', 'ß', '中', 'の', 'ं', 'न', '٣', 'Ⅻ', '½', '😀', '𝑥', '𝟘', '\uD835', '\uDC65', '\u00A0', '_', '#'];
const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 30 }).map((p) => p.join(''));

/** Han, Hiragana, Katakana, and the letters only they use (Script_Extensions: ー, ｰ, 〆, 〱…). */
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|(?=\p{L})[\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}]/u;

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

  it('finds Han, Hiragana or Katakana (and the letters only they use) where the script classes do, for any text', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(hasCjk(s)).toBe(CJK_CHAR.test(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('counts words and CJK characters as the regexes wordCount used did, for any text', () => {
    const cjkChars = new RegExp(CJK_CHAR.source, 'gu');
    fc.assert(
      fc.property(text, (s) => {
        const words = (s.replace(cjkChars, ' ').match(/\p{L}[\p{L}\p{M}\p{N}'’-]*/gu) ?? []).length;
        expect(wordsAndCjk(s)).toEqual({ words, cjk: (s.match(cjkChars) ?? []).length });
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the prolonged sound mark ー', () => {
  // A letter of no script of its own (Script=Common) that only kana use: inside a katakana word, never a word of its own
  // beside it (issue 23, llama-4-ja). Text written for this test.
  it('is a character of the katakana word it is in, full width or half', () => {
    expect(wordsAndCjk('データとサーバーのｻｰﾊﾞｰ')).toEqual({ words: 0, cjk: 14 });
    expect(hasCjk('ー')).toBe(true);
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
