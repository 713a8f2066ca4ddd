/**
 * TeX read as a reader of the page reads it (issue 23, tester round 13 item 9): a fraction next to a
 * factor is grouped, a set's escaped braces stay, modulo reads "mod", a marked script ends where TeX's
 * does, the space after a letter-like symbol goes, `^+` is raised, text in a script is scripted, and
 * `<…>` inside math is the formula's, not HTML. Notes written for this test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { texToText } from '../../src/summary/tex.js';
import { pointsOfNote } from '../helpers/note-points.js';

const tail = 'which the lab notebook records for each trial run.';

function pointWith(math: string): string {
  const points = pointsOfNote('en', `Small experiments teach the most about measurement.\n\nThe law ${math} held in the cold room, ${tail}`);
  return points.find((p) => p.startsWith('The law')) ?? points.join('\n');
}

describe('texToText reads each kind as the page shows it', () => {
  it.each([
    // A fraction written next to a factor multiplies it: grouped, or "1/2mv²" reads 1/(2mv²).
    ['\\frac{3}{4}pq^2', '(3/4)pq²'],
    ['\\frac{1}{k}\\sum_j w_j', '(1/k)Σⱼ wⱼ'],
    ['3\\frac{p}{q}', '3(p/q)'],
    ['\\frac12 h', '(1/2) h'],
    ['y = \\frac{p}{q}', 'y = p/q'],
    ['\\left( \\frac{3}{4} \\right)^m', '(3/4)ᵐ'],
    // A part that is a product is bracketed ("/3q" reads (/3)·q); one scripted name is not.
    ['\\frac{p}{3q}', 'p/(3q)'],
    ['\\frac{y_2}{5}', 'y₂/5'],
    // Escaped braces are a set's: TeX shows them.
    ['w \\in \\{2, 5\\}^k', 'w ∈ {2, 5}ᵏ'],
    // Modulo as MathJax sets it.
    ['p \\equiv q \\pmod{7}', 'p ≡ q (mod 7)'],
    ['p \\bmod 7', 'p mod 7'],
    ['p \\pmod r', 'p (mod r)'],
    // A marked script ends where TeX's does.
    ['c_{Q}R', 'c_Q R'],
    ['c_QR', 'c_Q R'],
    // TeX drops the space after a control word: a letter-like symbol joins the letter after it.
    ['\\Lambda F = \\Omega R', 'ΛF = ΩR'],
    ['\\mu + \\nu', 'μ + ν'],
    // Unbraced signs are scripts too; one before a figure or letter is ambiguous and stays marked.
    ['Na^+ + Cl^-', 'Na⁺ + Cl⁻'],
    ['y^-2', 'y^-2'],
    // Text in a script is scripted as plain letters are.
    ['u_{\\mathrm{min}}', 'uₘᵢₙ'],
    ['u_{\\text{in}} + u_{\\text{fb}}', 'u_in + u_fb'],
  ])('%s reads %s', (tex, text) => {
    expect(texToText(tex)).toEqual({ text, readable: true });
  });
});

describe('math in a point', () => {
  it.each([
    ['$w \\in \\{2, 5\\}^k$', 'w ∈ {2, 5}ᵏ'],
    ['$$S = \\{p, q\\}$$', 'S = {p, q}'],
    ['$p<i>q$', 'p<i>q'],
    ['$p < q > r$', 'p < q > r'],
    ['$\\frac{3}{4}pq^2$', '(3/4)pq²'],
  ])('%s reads %s', (math, text) => {
    expect(pointWith(math)).toBe(`The law ${text} held in the cold room, ${tail}`);
  });

  it('still reads a real tag outside math as markup', () => {
    expect(pointWith('$p$ <b>always</b>')).toBe(`The law p always held in the cold room, ${tail}`);
  });
});

/** Command names read as something else than their own name: none may survive as letters. */
const SYMBOL_COMMANDS = ['\\alpha', '\\Delta', '\\Omega', '\\sum', '\\int', '\\partial', '\\infty', '\\cdot', '\\times', '\\le', '\\in', '\\to', '\\ell'];
const OPERATOR_NAMES = ['sin', 'log', 'gcd', 'max', 'mod'];
const single = fc.constantFrom('x', 'y', 'n', 'k', 'B', 'T', '2', '10');
const atom = fc.oneof(
  single,
  fc.constantFrom(...SYMBOL_COMMANDS, '\\sin', '\\log', '\\gcd', '\\bmod', '\\mod', '+', '-', '=', '<', '>', ','),
  fc.tuple(fc.constantFrom('\\frac', '\\tfrac', '\\binom'), single, single).map(([c, a, b]) => `${c}{${a}}{${b}}`),
  fc.tuple(fc.constantFrom('\\pmod', '\\mathrm', '\\text', '\\mathbb', '\\sqrt', '\\hat'), single).map(([c, a]) => `${c}{${a}}`),
  fc.tuple(single, fc.constantFrom('_', '^'), fc.constantFrom('{B}', '{max}', '{\\mathrm{eff}}', 'i', '+', '{n-1}')).map((p) => p.join('')),
  single.map((x) => `\\{${x}\\}`),
);
/** Atoms joined with or without spaces; a command name is never run into a letter after it (`\\alphax` is another command). */
const formula = fc
  .tuple(fc.array(atom, { minLength: 1, maxLength: 7 }), fc.constantFrom(' ', ''))
  .map(([as, gap]) => as.reduce((tex, a) => tex + (gap || (/\\[A-Za-z]+$/.test(tex) && /^[A-Za-z]/.test(a) ? ' ' : '')) + a));

describe('properties over generated formulas', () => {
  it('no command name survives as letters: every run of Latin letters read is an operator name or letters written outside commands', () => {
    fc.assert(
      fc.property(formula, (tex) => {
        const read = texToText(tex);
        expect(read.readable).toBe(true);
        const written = tex.replace(/\\[A-Za-z]+/g, ' ').replace(/[{}_^\\\s]/g, '');
        // `\\binom` reads C(n, k): its C is the reading's, not a name left over.
        for (const run of read.text.replace(/C\(/g, '(').match(/[A-Za-z]{2,}/g) ?? []) {
          if (OPERATOR_NAMES.includes(run)) continue;
          expect(written, `"${run}" in "${read.text}"`).toContain(run);
        }
      }),
      { numRuns: 400, seed: 2391 },
    );
  });

  it('no character of a formula of plain characters and escaped braces vanishes', () => {
    const plain = fc.array(fc.constantFrom(...'abxyzKT0123456789+-=<>(),.|/!', ' ', '\\{', '\\}'), { minLength: 1, maxLength: 16 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(plain, (tex) => {
        expect(texToText(tex).text.replace(/\s/g, '')).toBe(tex.replace(/\\([{}])/g, '$1').replace(/\s/g, ''));
      }),
      { numRuns: 400, seed: 2392 },
    );
  });

  it('no "<…>" inside math is read as HTML, whatever element it names', () => {
    const element = fc.constantFrom('b', 'i', 'a', 'u', 'em', 'span', 'div', 'sup', 'br', 'p');
    fc.assert(
      fc.property(element, single, single, (tag, a, b) => {
        expect(pointWith(`$${a}<${tag}>${b}$`)).toContain(`law ${a}<${tag}>${b} held`);
      }),
      { numRuns: 60, seed: 2393 },
    );
  });
});
