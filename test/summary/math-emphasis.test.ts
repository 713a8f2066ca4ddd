/**
 * Math spans are read before emphasis (issue 23, F17): an `*` or `_` inside `$…$` is TeX's, so two
 * spans ("$f(x^*)$ … $x^*$") are never one emphasis across the text between them. Notes written for this test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';
import { texToText } from '../../src/summary/tex.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function pointsOf(body: string): string[] {
  const { note, tokens } = parseNote('notes/2026-01-03-star-en.md', Buffer.from(`---\ntitle: Stationary points\n---\n\n${body}\n`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

describe('math spans before emphasis', () => {
  it('keeps the star of each of two spans that emphasis would pair', () => {
    const points = pointsOf('A smooth function can have several stationary points.\n\nHere $g(y^*) = 1$ means $y^*$ is a fixed point of the map.');
    expect(points).toContain('Here g(y^*) = 1 means y^* is a fixed point of the map.');
  });

  it('never loses a character of the math, whatever `*` or `_` it holds', () => {
    const mathChar = fc.constantFrom('a', 'b', 'x', '*', '_', '^', '(', ')', '=', '1');
    const math = fc
      .array(mathChar, { minLength: 1, maxLength: 8 })
      // A starred name first: TeX, so the span is math whatever follows (pandoc: no space at either dollar).
      .map((cs) => `v^*${cs.join('')}z`)
      .filter((m) => texToText(m).text === m.replace(/\s+/g, ' '));
    fc.assert(
      fc.property(math, math, (m1, m2) => {
        const points = pointsOf(`Stationary points are where the gradient vanishes.\n\nThe value $${m1}$ equals the value $${m2}$ at the minimum of the function.`);
        const point = points.find((p) => p.startsWith('The value'));
        expect(point).toBe(`The value ${m1} equals the value ${m2} at the minimum of the function.`);
      }),
      { numRuns: 100 },
    );
  });
});
