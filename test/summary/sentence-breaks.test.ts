/**
 * The sentence splitter without ICU (summary/sentence-breaks.ts) against Intl.Segmenter: every code
 * point it classes, in contexts where each rule decides, and any text made of such characters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentenceClass, sentencePieces, UNKNOWN_CLASS } from '../../src/summary/sentence-breaks.js';

const icu = new Intl.Segmenter('en', { granularity: 'sentence' });
const icuPieces = (text: string) => [...icu.segment(text)].map((s) => s.segment);

/** Texts where a character's class decides a break: after a terminator, before one, beside a letter, a digit or a space. */
const CONTEXTS = [
  (c: string) => `Ab. ${c} B`,
  (c: string) => `Ab. ${c} b`,
  (c: string) => `Ab.${c}B`,
  (c: string) => `Ab.${c}1`,
  (c: string) => `Ab${c} B`,
  (c: string) => `${c}.B`,
  (c: string) => `Ab!${c} b`,
  (c: string) => `Ab. ${c}`,
];

describe('sentence pieces without ICU', () => {
  it('are ICU\'s for every code point classed, in every context that tells classes apart', () => {
    // ICU reads the contexts in batches, one a line: a line break ends a sentence whatever comes
    // around it (UAX #29 rule 4), and no rule looks past one, so each line is cut as it would be alone.
    let classed = 0;
    const differ: string[] = [];
    let batch: string[] = [];
    const check = () => {
      const expected = icuPieces(batch.map((t) => `${t}\n`).join(''));
      const mine = batch.flatMap((t) => {
        const pieces = sentencePieces(t) ?? ['(left to ICU)'];
        return [...pieces.slice(0, -1), `${pieces[pieces.length - 1]!}\n`];
      });
      if (JSON.stringify(mine) !== JSON.stringify(expected)) {
        for (const t of batch) if (JSON.stringify(sentencePieces(t)) !== JSON.stringify(icuPieces(t))) differ.push(JSON.stringify(t));
      }
      batch = [];
    };
    // The BMP and the emoji planes' first block; the other astral planes (letters of historic
    // scripts, CJK extensions) were checked so once, and the generated texts below hold some.
    for (let cp = 0; cp < 0x1fb00; cp++) {
      if ((cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0x10000 && cp < 0x1f000)) continue;
      if (sentenceClass(cp) === UNKNOWN_CLASS) continue;
      classed++;
      const c = String.fromCodePoint(cp);
      for (const context of CONTEXTS) batch.push(context(c));
      if (batch.length >= 200) check(); // ICU cuts a long text in more than linear time
    }
    check();
    expect(differ.slice(0, 20)).toEqual([]);
    expect(classed).toBeGreaterThan(50_000); // nearly every assigned BMP code point is decided here
  });

  it('are ICU\'s for any text of letters, digits, spaces, terminators, quotes, brackets and marks, in the languages of the blog', () => {
    const pool = [...'aZé Ü.!?…,;:-–—"\'()[]«»“”‘’。、，！？：；（）「」『』1٣9 \u00a0\u3000中文カナのकि\u0301\u093fعربي؟،।॥\uE000\uE001😀✅#/*$'].concat(['\u{1D400}', '\u{20000}']);
    const locales = ['en', 'zh', 'ja', 'es', 'hi', 'fr', 'de', 'ar', 'zh-Hant'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 40 }), fc.constantFrom(...locales), (chars, locale) => {
        const text = chars.join('');
        const expected = [...new Intl.Segmenter(locale, { granularity: 'sentence' }).segment(text)].map((s) => s.segment);
        const mine = sentencePieces(text);
        if (mine !== undefined) expect(mine).toEqual(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('leave text with a line break to ICU', () => {
    expect(sentencePieces('One.\nTwo.')).toBeUndefined();
    expect(sentencePieces('One. Two.')).toEqual(['One. ', 'Two.']);
  });
});
