/**
 * Chinese terms are split by the language's grammar, not read as pairs across it (cjk-grammar.ts, issue 23,
 * linear-algebra-zh): the particle 的, the aspect marker 了 and the copula 是 join words, and the pairs read across
 * them ("阵的", "的特", "是满") were terms. "矩阵的特征值" in half a list's items made "阵的" weigh as one of its subjects
 * and the items saying 特征值 were never offered. Sentences written for this test.
 */
import { describe, expect, it } from 'vitest';
import { SpanTable } from '../../src/summary/inline.js';
import { TermIndex, termsOf } from '../../src/summary/salience.js';

const PARTICLES = /[的了是]/u;

describe('CJK terms by grammar', () => {
  const cases: [string, string, string[]][] = [
    ['zh', '矩阵的特征值是满足特征方程的标量，求出了它们就能对角化。', ['矩阵', '特征', '征值', '满足', '方程', '标量', '对角']],
    ['hant', '矩陣的特徵值是滿足特徵方程的標量，求出了它們就能對角化。', ['矩陣', '特徵', '徵值', '滿足', '方程', '標量', '對角']],
  ];
  for (const [locale, text, words] of cases) {
    it(`no ${locale} term spans 的, 了 or 是; the words on each side stay terms`, () => {
      const terms = [...termsOf(text, new SpanTable(), undefined, locale)];
      expect(terms.filter((t) => PARTICLES.test(t))).toEqual([]);
      expect(terms).toEqual(expect.arrayContaining(words));
    });

    it(`the ${locale} term index counts no pair across a particle as the note's subject`, () => {
      const index = new TermIndex(locale);
      const spans = new SpanTable();
      for (const t of text.split(/[，。]/u).filter(Boolean)) index.add(t, spans, new Set());
      expect(index.terms.filter((t) => PARTICLES.test(t))).toEqual([]);
      expect(index.known(text, spans).map((id) => index.terms[id]!)).toEqual(expect.arrayContaining(words));
    });
  }

  // A word written with 的 or 了 is no particle: both close the phrase before them, so one opening a clause begins a
  // word, and 了 after the negation or an adverb (which no aspect marker follows) is the verb liǎo (issue 23, a reviewer).
  const words: [string, string, string[], string[]][] = [
    ['zh', '了解矩阵的特征值很重要。我们很了解它，也受不了猜测。的确如此：Python的用法，“闭源”的模型。', ['了解', '很了', '不了', '的确', '矩阵', '特征', '用法', '模型'], ['阵的', '的特', '的用', '的模']],
    ['hant', '了解矩陣的特徵值很重要。我們也了解它，受不了猜測。的確如此：Python的用法，「閉源」的模型。', ['了解', '也了', '不了', '的確', '矩陣', '特徵', '用法', '模型'], ['陣的', '的特', '的用', '的模']],
  ];
  for (const [locale, text, kept, split] of words) {
    it(`keeps the ${locale} words written with 的 and 了 (了解, 的确, 受不了) and splits at the particles`, () => {
      const terms = [...termsOf(text, new SpanTable(), undefined, locale)];
      expect(terms).toEqual(expect.arrayContaining(kept));
      expect(terms.filter((t) => split.includes(t))).toEqual([]);
      const index = new TermIndex(locale);
      const spans = new SpanTable();
      for (const t of text.split(/[。]/u).filter(Boolean)) index.add(t, spans, new Set());
      expect(index.terms).toEqual(expect.arrayContaining(kept));
    });
  }

  it('leaves Japanese runs as they were: 的 there is a suffix of the word (技術的), kana pairs stay out', () => {
    const terms = termsOf('技術的な問題です', new SpanTable(), undefined, 'ja');
    expect([...terms]).toEqual(expect.arrayContaining(['技術', '術的', '問題']));
    expect(termsOf('技術的な問題です', new SpanTable(), undefined, 'ja')).toEqual(termsOf('技術的な問題です', new SpanTable()));
  });
});
