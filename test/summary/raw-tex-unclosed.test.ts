/**
 * Math whose closing `$` is missing stays as the writer typed it, TeX commands and all: no reader
 * reads `\frac{…}` as text, so such a sentence is no point, in any language (issue 23, the
 * tester's round 15-2). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

const RAW_TEX = /\\[A-Za-z]{2,}|[_^]\{/;

describe('a sentence with unclosed inline math', () => {
  it('is not a point in English', () => {
    const body = 'The mean of the samples is $\\frac{1}{m}\\sum_{j=1}^{m} x_j and it is what the estimator returns.\n\nThe estimator is unbiased whenever the samples are independent draws from one distribution.';
    const points = pointsOf('en', body);
    expect(points.length).toBeGreaterThan(0);
    expect(points.filter((p) => RAW_TEX.test(p))).toEqual([]);
  });

  it('is not a point in German', () => {
    const body = 'Der Mittelwert der Stichprobe ist $\\frac{1}{m}\\sum_{j=1}^{m} x_j und genau das liefert der Schätzer.\n\nDer Schätzer ist erwartungstreu, solange die Stichproben unabhängig aus einer Verteilung stammen.';
    const points = pointsOf('de', body);
    expect(points.length).toBeGreaterThan(0);
    expect(points.filter((p) => RAW_TEX.test(p))).toEqual([]);
  });

  it('keeps a backslash written as code', () => {
    const body = 'In LaTeX the command `\\frac{a}{b}` sets a fraction with a numerator and a denominator.\n\nThe command `\\sqrt{x}` draws a root sign over its argument in every LaTeX document.';
    expect(pointsOf('en', body).some((p) => p.includes('\\frac{a}{b}'))).toBe(true);
  });
});
