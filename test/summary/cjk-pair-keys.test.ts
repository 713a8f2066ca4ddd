/**
 * The term index keys CJK pairs by their two units packed in an int32 (salience.ts pairKey, an
 * open-addressed table): for any CJK text, including units past U+8000 (negative keys), lone units
 * and more pairs than the table first holds, each unit's terms and counts are those termsOf finds
 * (issue 23, speed: a guard that the packed keys lose and confuse no term).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpanTable } from '../../src/summary/inline.js';
import { TermIndex, termsOf } from '../../src/summary/salience.js';

const units = ['中', '文', '字', '数', '据', '的', '是', '모', '델', '한', '국', '豈', '更', 'カ', 'ナ', 'の', 'す', '𠀀', '𠀁', ' ', '。'];

describe('CJK pairs in the term index', () => {
  // Under a Chinese locale too, where the grammar characters (的, 是) split a run (cjk-grammar.ts).
  it.each([undefined, 'zh'])('are each one term with its count of units, for any CJK units (locale %s)', (locale) => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...units), { maxLength: 40 }).map((u) => u.join('')), { minLength: 1, maxLength: 8 }), (texts) => {
        const spans = new SpanTable();
        const index = new TermIndex(locale);
        const termsOfText = (t: string) => termsOf(t, spans, undefined, locale);
        const ids = texts.map((t) => index.add(t, spans, new Set()));
        texts.forEach((t, u) => expect(new Set(ids[u]!.map((id) => index.terms[id]!))).toEqual(termsOfText(t)));
        index.terms.forEach((term, id) => expect(index.df[id]).toBe(texts.filter((t) => termsOfText(t).has(term)).length));
        texts.forEach((t) => expect(new Set(index.known(t, spans).map((id) => index.terms[id]!))).toEqual(termsOfText(t)));
      }),
      { numRuns: 400 },
    );
  });

  it('holds hundreds of distinct pairs (the table grows) and finds each again', () => {
    const text = Array.from({ length: 600 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('');
    const spans = new SpanTable();
    const index = new TermIndex();
    const ids = index.add(text, spans, new Set());
    expect(new Set(ids.map((id) => index.terms[id]!))).toEqual(termsOf(text, spans));
    expect(index.known(text, spans).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
  });
});
