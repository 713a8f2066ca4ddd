/** Sentences of a paragraph with code spans in it (placeholders, see inline.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpanTable } from '../../src/summary/inline.js';
import { mayEndBeforeLast, splitSentences } from '../../src/summary/sentences.js';

describe('a sentence that opens with a code span after a full stop', () => {
  const spans = new SpanTable();
  const cmp = spans.add({ text: 'cmp', style: 'code' });
  const test = spans.add({ text: 'test', style: 'code' });

  it('is a sentence of its own, though the word after the span is in lower case', () => {
    const text = `Both ${cmp} and ${test} set flags, but they work differently. ${cmp} performs a subtraction. ${test} performs an AND.`;
    expect(splitSentences(text, 'en')).toEqual([`Both ${cmp} and ${test} set flags, but they work differently.`, `${cmp} performs a subtraction.`, `${test} performs an AND.`]);
  });

  it('after an abbreviation goes on with it ("e.g. `cmp`")', () => {
    const text = `Flags are set by a compare, e.g. ${cmp} with two registers. Then a jump reads them.`;
    expect(splitSentences(text, 'en')).toEqual([`Flags are set by a compare, e.g. ${cmp} with two registers.`, 'Then a jump reads them.']);
  });
});

describe('whether a paragraph may hold more than one sentence (splitSentences, before any segmenter)', () => {
  // What the gate was: a regex over the text without its last unit (issue 23 speed).
  const MAY_END = /[\p{Sentence_Terminal}\u2024\uFE52\uFF0E\n\r\u0085\u2028\u2029]/u;
  const pieces = ['.', '!', '?', '。', '！', '।', '؟', '\u2024', '\uFF0E', '\n', '\r', '\u0085', '\u2028', '\u{1104B}', '\u{16E98}', '\uD804', '\uDC4B', 'a', ' ', '中', '😀', '…', '‼'];
  const paragraph = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'grapheme', maxLength: 5 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 20 }).map((p) => p.join(''));
  it('says so where the regex over all but the last unit matches, for any text', () => {
    fc.assert(
      fc.property(paragraph, (s) => {
        expect(mayEndBeforeLast(s)).toBe(MAY_END.test(s.slice(0, -1)));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('a text split again (splitSentences keeps its last splits)', () => {
  // Words, stops, abbreviations, quotes and brackets, in the scripts the segmenter and the joins treat apart.
  const words = ['Dr. Smith', 'e.g. this', 'It ran', 'v2.0 ships', '«Oui ? dit-il»', '(see. below)', '「雨です。」と', '中文', 'ok', '`x`!', '…', '"Done."'];
  const stops = ['. ', '! ', '? ', '。', '！', '। ', ' ', ', ', '.\n'];
  const text = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...stops)), { minLength: 1, maxLength: 12 }).map((p) => p.flat().join(''));
  const limit = fc.oneof(fc.integer({ min: 1, max: 8 }), fc.constant(Infinity));
  /** Splits enough other texts that no split of `text` is kept (a ring of up to eight). */
  const forget = () => {
    for (let k = 0; k < 8; k++) splitSentences(`Other text ${k}. Another one.`, 'en');
  };

  it('gives what a first split with that limit gives, whatever was split before it and with what limit', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.constantFrom('en', 'ja', 'fr')), { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(fc.nat(), limit), { minLength: 1, maxLength: 10 }), (texts, calls) => {
        const fresh = calls.map(([i, n]) => {
          const [t, locale] = texts[i % texts.length]!;
          forget();
          return splitSentences(t, locale, n);
        });
        forget();
        calls.forEach(([i, n], k) => {
          const [t, locale] = texts[i % texts.length]!;
          const got = splitSentences(t, locale, n);
          expect(got).toEqual(fresh[k]);
          got.push('changed by its caller'); // a caller's array is its own: the kept split is not changed
        });
      }),
      { numRuns: 300 },
    );
  });
});
