/**
 * A fraction of single terms with one script or a factorial needs no brackets around each part:
 * `\frac{y^k}{k!}` reads y^k/k!, never "((y^k)/(k!))" (issue 23, tester-23-2 F12). Fragments
 * written for this test.
 */
import { describe, expect, it } from 'vitest';
import { texToText } from '../../src/summary/tex.js';

describe('fraction parts', () => {
  it.each([
    ['\\sum_{k=0}^{\\infty} \\frac{y^k}{k!}', 'Σ_(k=0)^(∞) y^k/k!'], // the operator's operand: no brackets (tex-one-reading.test)
    ['\\frac{m!}{3}', 'm!/3'],
    ['\\frac{a+b}{c}', '(a+b)/c'],
    ['\\frac{p_1}{q}', 'p₁/q'],
    ['\\frac{x}{2y^2}', 'x/(2y²)'],
  ])('%s reads %s', (tex, text) => {
    expect(texToText(tex).text).toBe(text);
  });
});
