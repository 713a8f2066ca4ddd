/**
 * coinedNames (select.ts), the names a German note writes with a capital inside ("SQLite", "CSV"),
 * found run by run instead of by a regex that was quadratic in a word's length: the same names as
 * that regex for any text (issue 23, speed).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coinedNames } from '../../src/summary/select.js';

/** The definition the scan stands for. */
const COINED = /[\p{L}\p{N}]*(?:\p{Ll}\p{Lu}|\p{Lu}{2})[\p{L}\p{N}]*/gu;
const byRegex = (texts: string[]) => new Set(texts.flatMap((t) => [...t.matchAll(COINED)].map((m) => m[0].toLowerCase())));

describe('coinedNames', () => {
  it('finds what the regex it replaces finds, for any text', () => {
    const pieces = ['SQLite', 'DuckDB', 'CSV', 'Realität', 'Verzögerungen', 'a', 'B', 'ß', 'ẞ', 'É', 'é', 'Ǆ', 'ǅ', 'ǆ', '3', '٣', 'x2Y', ' ', '-', '.', '\uE001', '中', '𝐀', '𝐚', 'İ', 'Ⅻ', '_'];
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }).map((p) => p.join('')), { maxLength: 4 }), (texts) => {
        expect(coinedNames(texts)).toEqual(byRegex(texts));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads names in a German sentence', () => {
    expect(coinedNames(['Mit SQLite und DuckDB lassen sich CSV-Dateien in der Realität schnell lesen.'])).toEqual(new Set(['sqlite', 'duckdb', 'csv']));
  });
});
