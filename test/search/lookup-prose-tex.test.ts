/**
 * Issue 31: a cold start takes every note's lookup words on its parse threads, and their prose
 * (summary/body.ts) reads each formula in it. A summary's point keeps two readings of a formula whose
 * scripts Unicode raises or lowers (`eˣ`, and `e^x` for a point whose other formulas keep theirs
 * marked: summary/tex.ts texReadings); the lookup prose shows neither and keeps only the first, so it
 * reads each formula once. Counted where the readings are asked for (summary/tex.ts).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Lexer } from 'marked';

const asked = vi.hoisted(() => ({ readings: 0, texts: 0 }));
vi.mock('../../src/summary/tex.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/summary/tex.js')>();
  return {
    ...actual,
    texReadings: (tex: string) => (asked.readings++, actual.texReadings(tex)),
    texToText: (tex: string) => (asked.texts++, actual.texToText(tex)),
  };
});
const { bodyText } = await import('../../src/summary/body.js');
const { pointsOfNote } = await import('../helpers/note-points.js');

beforeEach(() => {
  asked.readings = 0;
  asked.texts = 0;
});

const NOTE = 'We expand $e^x$ as a power series and compare it with $x_0^2$ near the origin.\n\nThe series $\\frac{x^n}{n!}$ converges for every real x.';

describe('the lookup prose reads each formula once', () => {
  it('three formulas with scripts: three readings, none of them the pair a point keeps', () => {
    const prose = bodyText(new Lexer({ gfm: true }).lex(NOTE));
    expect(prose).toContain('We expand eˣ as a power series and compare it with x₀² near the origin.');
    expect(prose).toContain('The series xⁿ/n! converges for every real x.');
    expect(asked.readings).toBe(0);
    expect(asked.texts).toBe(3);
  });

  it("a summary's point still gets both readings of a formula (the count above is the lookup prose's own)", () => {
    const points = pointsOfNote('en', NOTE);
    expect(points.join('\n')).toContain('eˣ');
    expect(asked.readings).toBeGreaterThan(0);
  });
});
