/**
 * Inline math in key points (issue 23): every TeX command is read, or the sentence is not used; no
 * raw TeX and no `$` in a point. Notes written for this test.
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
  const { note, tokens } = parseNote('notes/2026-01-02-math-en.md', Buffer.from(`---\ntitle: Orbits of small moons\n---\n\n${body}\n`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

describe('texToText', () => {
  it.each([
    ['\\mu_1, \\dots, \\mu_k', 'μ₁, …, μₖ'],
    ['\\mu_1, \\cdots, \\mu_q', 'μ_1, ⋯, μ_q'],
    ['m = 7\\,\\text{kg}', 'm = 7 kg'],
    ['a\\;b\\!c\\quad d', 'a bc d'],
    ['\\tfrac{2}{5}', '2/5'],
    ['\\dfrac{p}{q+1}', 'p/(q+1)'],
    ['\\binom{m}{j}', 'C(m, j)'],
    ['\\dbinom{12}{4}', 'C(12, 4)'],
    ['W^\\top v', 'Wᵀ v'],
    ['\\{y \\mid y < 3\\}', '{y | y < 3}'],
    ['s \\le t \\ge u', 's ≤ t ≥ u'],
    ['\\sqrt[3]{27}', '∛27'],
    ['\\sin\\theta + \\log(n)', 'sin θ + log(n)'],
    ['\\hat{\\gamma}', 'γ̂'],
  ])('reads %s as %s', (tex, text) => {
    expect(texToText(tex)).toEqual({ text, readable: true });
  });

  it('reports a command no table reads instead of showing its name', () => {
    expect(texToText('\\frobnicate{x} + 1').readable).toBe(false);
  });
});

describe('math in a note', () => {
  const tail = 'which the survey of the outer moons confirmed in every season.';

  it.each([
    ['$q - rs$', 'q - rs'],
    ['$|z| > 4$', '|z| > 4'],
    ['$7$', '7'],
    ['$\\{y \\mid y < 3\\}$', '{y | y < 3}'],
    ['\\( e^{2\\pi} - 3 = 0 \\)', 'e^(2π) - 3 = 0'],
    ['\\[ \\prod_{j=1}^m j = m! \\]', '∏ⱼ₌₁ᵐ j = m!'],
    ['$T = 12\\,\\text{h}$', 'T = 12 h'],
    // Scripts Unicode has every character of read raised or lowered, as <sup> and <sub> do (issue 23, class 10).
    ['$\\lambda_1, \\dots, \\lambda_4$', 'λ₁, …, λ₄'],
    ['$x^2 + y^2 = r^2$', 'x² + y² = r²'],
    ['$a_{10} = 2^{n+1}$', 'a₁₀ = 2ⁿ⁺¹'],
    ['$x^23$', 'x^23'],
    ['\\( x^n \\)', 'xⁿ'],
    // One script Unicode lacks leaves all of them marked: a formula never mixes the two forms.
    ['$\\mu_1 + \\mu_b$', 'μ_1 + μ_b'],
    ['$x^2y$', 'x²y'],
  ])('%s reads as text in its point', (math, text) => {
    const points = pointsOf(`The orbital relation ${math} holds for the inner moons, ${tail}`);
    expect(points.join('\n')).toContain(`relation ${text} holds`);
  });

  it('leaves prices as written', () => {
    expect(pointsOf(`A ticket to the observatory costs $4 and a season pass costs $30, ${tail}`).join('\n')).toContain('$4 and a season pass costs $30');
  });

  it('does not use a sentence whose math holds a command no table reads', () => {
    const points = pointsOf(`The inner moons drift slowly outward over millions of years, ${tail}\n\nTheir phase obeys $\\frobnicate{\\phi} = 0$ at every conjunction, ${tail}`);
    expect(points.join('\n')).toContain('drift slowly outward');
    expect(points.join('\n')).not.toMatch(/frobnicate|\\/);
  });

  // Generated math in sentences: no backslash command and no `$` in any point.
  const commands = ['\\alpha', '\\dots', '\\cdots', '\\ldots', '\\,', '\\;', '\\!', '\\quad', '\\le', '\\top', '\\mid', '\\infty', '\\to', '\\frobnicate'];
  const atom = fc.oneof(
    fc.constantFrom('x', 'y', 'n', '2', '10', '+', '-', '=', '<'),
    fc.constantFrom(...commands),
    fc.tuple(fc.constantFrom('\\frac', '\\tfrac', '\\dfrac', '\\binom', '\\dbinom'), fc.constantFrom('a', '1', 'n+1'), fc.constantFrom('b', '3', 'k')).map(([c, a, b]) => `${c}{${a}}{${b}}`),
    fc.tuple(fc.constantFrom('\\sqrt', '\\text', '\\mathbb', '\\hat', 'x^', 'x_'), fc.constantFrom('a', '12', 'R')).map(([c, a]) => `${c}{${a}}`),
  );
  const tex = fc.array(atom, { minLength: 1, maxLength: 6 }).map((as) => as.join(' '));
  const delimited = fc.tuple(fc.constantFrom<[string, string]>(['$', '$'], ['\\(', '\\)'], ['\\[', '\\]'], ['$$', '$$']), tex).map(([[open, close], t]) => `${open}${t}${close}`);

  it('shows no TeX command and no dollar in any point (property)', () => {
    fc.assert(
      fc.property(fc.array(delimited, { minLength: 1, maxLength: 3 }), (maths) => {
        const body = maths.map((m, i) => `Moon number ${i + 1} follows the relation ${m} on each orbit, ${tail}`).join('\n\n');
        for (const p of pointsOf(body)) {
          expect(p).not.toMatch(/\\[A-Za-z]|\\[,;!()[\]]|\$/);
        }
      }),
      { numRuns: 150, seed: 2323 },
    );
  });
});
