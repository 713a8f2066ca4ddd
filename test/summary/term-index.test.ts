/**
 * The note's term index (salience.ts) against its plain definition: each unit's ids name exactly the
 * distinct terms termsOf finds in it, and a term's count of units is how many units hold it. It is
 * tuned for speed (no closures per unit): this holds its output while it is.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpanTable } from '../../src/summary/inline.js';
import { TermIndex, termsOf } from '../../src/summary/salience.js';

const pieces = ['Tokio', 'AI', 'C#', 'is', 'of', '3D', 'runtime', 'Runtime', 'É', "it's", 'API’s', 'v1.2.', 'runs.', '中文', '中文字', 'の', 'カナ', 'です', '𠀀', ' ', ', ', '. ', '(', ')'];

describe('the term index of a note', () => {
  it('gives each unit its distinct terms and each term the number of units holding it, for any units', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(0, 1)), { maxLength: 16 }), { minLength: 1, maxLength: 6 }), (units) => {
        const spans = new SpanTable();
        const code = [spans.add({ text: 'cargo build', style: 'code' }), spans.add({ text: 'Old Name', style: 'del' })];
        const texts = units.map((parts) => parts.map((p) => (typeof p === 'string' ? p : code[p]!)).join(''));
        const index = new TermIndex();
        const ids = texts.map((t) => index.add(t, spans, new Set()));
        texts.forEach((t, u) => {
          const terms = ids[u]!.map((id) => index.terms[id]!);
          expect(terms.length).toBe(new Set(terms).size);
          expect(new Set(terms)).toEqual(termsOf(t, spans));
        });
        index.terms.forEach((term, id) => expect(index.df[id]).toBe(texts.filter((t) => termsOf(t, spans).has(term)).length));
        expect(index.units).toBe(texts.length);
      }),
      { numRuns: 500 },
    );
  });
});
