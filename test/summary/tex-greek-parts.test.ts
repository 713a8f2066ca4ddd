/**
 * A Greek letter is one name in a fraction or a root, bare as a Latin letter is (issue 23, tester round
 * 14 item 17: "(ρ)/(ε₀)", "√(π)"); a product of two is still bracketed. Fragments written for this test.
 */
import { describe, expect, it } from 'vitest';
import { texToText } from '../../src/summary/tex.js';

describe('a Greek letter as a fraction part or under a root', () => {
  it.each([
    ['D = \\frac{\\lambda}{\\mu_1}', 'D = λ/μ₁'],
    ['\\sqrt{\\tau}', '√τ'],
    ['\\frac{\\gamma\\delta}{4}', '(γ δ)/4'],
    ['\\frac{x}{\\sqrt{\\omega}}', 'x/(√ω)'],
  ])('%s reads %s', (tex, text) => {
    expect(texToText(tex)).toEqual({ text, readable: true });
  });
});
