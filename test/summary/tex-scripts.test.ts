/**
 * TeX scripts read raised or lowered wherever Unicode has a form of every character of every script
 * of a formula (issue 23, F13/F17: "Σ_(i=1)^n", "x_ij^2" were left marked though Unicode has ᵢ ⱼ ⁿ),
 * letters as well as digits; a formula with one script Unicode lacks (no raised q, no lowered b) stays
 * marked throughout. Notes written for this test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpanTable } from '../../src/summary/inline.js';
import { termsOf } from '../../src/summary/salience.js';
import { scriptedText } from '../../src/summary/sup-sub.js';
import { pointsOfNote } from '../helpers/note-points.js';

const tail = 'which every student of the course checks by hand once.';

function pointWith(math: string): string {
  const points = pointsOfNote('en', `Counting arguments give closed forms for many sums.\n\nThe identity ${math} holds for each size, ${tail}`);
  return points.find((p) => p.startsWith('The identity')) ?? points.join('\n');
}

describe('scripts with letters', () => {
  it.each([
    ['$\\sum_{j=1}^{m} j = \\frac{m(m+1)}{2}$', 'Σⱼ₌₁ᵐ j = (m(m+1))/2'],
    ['$w_{kl}^{3} + 1$', 'wₖₗ³ + 1'],
    ['$B^T B$', 'Bᵀ B'],
    ['$g^\\prime(t) = 0$', 'g′(t) = 0'],
    ['$v_\\beta + v_r$', 'vᵦ + vᵣ'],
    ['$\\int_a^b h$', '∫ₐᵇ h'],
  ])('%s reads %s', (math, text) => {
    expect(pointWith(math)).toBe(`The identity ${text} holds for each size, ${tail}`);
  });

  it('leave a formula marked where one script has a letter Unicode cannot raise or lower', () => {
    expect(pointWith('$x^q + y_{i}$')).toBe(`The identity x^q + y_i holds for each size, ${tail}`);
    expect(pointWith('$z_{b} + z^{2}$')).toBe(`The identity z_b + z^2 holds for each size, ${tail}`);
  });

  // HTML's <sup> and <sub> read so too; an ordinal after a figure stays as written.
  it.each([
    ['sub', 'max', 'V', 'ₘₐₓ'],
    ['sup', 'k-1', 'x', 'ᵏ⁻¹'],
    ['sup', 'nd', 'the 2', 'nd'],
    ['sup', 'x', '2', 'ˣ'],
  ] as const)('<%s> %s after "%s" reads %s', (tag, inner, before, text) => {
    expect(scriptedText(tag, inner, before)).toBe(text);
  });
});

describe('terms of a scripted formula', () => {
  // A note may show one formula with Unicode's scripts and another, one Unicode lacks, marked: the
  // quantity they share is one term, so which sentences are picked does not hang on how each is shown.
  it('are those of the same formula marked as TeX writes it', () => {
    const spans = new SpanTable();
    expect(termsOf('The peak Vₘₐₓ² sets the heat, with sin²(ωt) and Cᵢⱼ.', spans)).toEqual(termsOf('The peak V_max^2 sets the heat, with sin^2(ωt) and C_ij.', spans));
  });

  it('are found for any word of scripts, modifier letters without a base form among them (property)', () => {
    const ch = fc.constantFrom(...'Vx2_ₘₐₓ²ⁱʹˀᵀ′ᵫ₍₎ ', 'ab');
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 12 }), (cs) => {
        const terms = termsOf(cs.join(''), new SpanTable());
        for (const t of terms) expect(t).not.toMatch(/[ₘₐₓ²ⁱᵀ]/u);
      }),
      { numRuns: 300, seed: 2314 },
    );
  });
});

/** Characters each kind of script has a Unicode form of, and one it lacks. */
const RAISABLE = [...'0123456789+-=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW'];
const LOWERABLE = [...'0123456789+-=()aehijklmnoprstuvx'];

const script = (mark: '^' | '_', chars: string[]) =>
  fc.tuple(fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 3 }), fc.boolean()).map(([cs, braced]) =>
    // Unbraced, a script is one character: only a single letter is written so ("x^23" is ambiguous).
    braced || cs.length > 1 || !/[A-Za-z]/.test(cs[0]!) ? `${mark}{${cs.join('')}}` : `${mark}${cs[0]!}`,
  );
const term = fc.tuple(fc.constantFrom('x', 'y', 'F', '\\sum', '\\alpha'), fc.option(script('_', LOWERABLE), { nil: '' }), fc.option(script('^', RAISABLE), { nil: '' })).map((t) => t.join(''));
const formula = fc.array(term, { minLength: 1, maxLength: 4 }).map((ts) => ts.join(' + '));

describe('property: no TeX script marker where Unicode has the script', () => {
  it('a formula whose every script Unicode can raise or lower shows no `_`, `^`, `{` or `\\` in its point', () => {
    fc.assert(
      fc.property(formula, (f) => {
        const point = pointWith(`$${f}$`);
        expect(point).toMatch(/^The identity /);
        expect(point).not.toMatch(/[_^{}\\]/);
      }),
      { numRuns: 120, seed: 2313 },
    );
  });
});
