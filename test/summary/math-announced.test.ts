/**
 * A formula a point cannot show takes the words announcing it along ("…, and the closed form is"),
 * and a long formula is math, never raw TeX (issue 23, the tester's round after stop 39). Notes
 * written for this test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

const before = 'Solving the characteristic equation of the recurrence gives two roots, the golden ratio and its conjugate';
const opening = 'The Fibonacci recurrence has a neat solution.';
const after = 'The roots come from the matrix form of the recurrence, whose eigenvalues are the golden ratio and its conjugate.';

/** A point that ends announcing what it no longer shows. */
const ANNOUNCES = /(?:\bis|\bare|\bby|=|\best|\bist|\bes|है|是|は)…$/u;

describe('a formula cut from a point', () => {
  const formulas = [
    // Under 120 characters of TeX: math, too long to show in what is left of the point.
    String.raw`$\frac{a+b+c+d+e+f+g+h}{i+j+k+l+m+n+o+p} \cdot \sqrt{q+r+s+t+u+v+w+x+y+z} + \alpha\beta\gamma\delta\epsilon$`,
    // Binet's formula, past 120 characters: math all the same.
    String.raw`$F_n = \frac{1}{\sqrt{5}}\left(\left(\frac{1+\sqrt{5}}{2}\right)^n - \left(\frac{1-\sqrt{5}}{2}\right)^n\right) + \frac{1}{\sqrt{5}}\left(\left(\frac{1+\sqrt{5}}{2}\right)^{n+1}\right)$`,
  ];
  for (const formula of formulas) {
    it(`takes its announcement along (${formula.length} characters of TeX)`, () => {
      const points = pointsOf('en', `${opening} ${before}, and after some algebra the closed form is ${formula} for all n.\n\n${after}`);
      expect(points.filter((p) => ANNOUNCES.test(p))).toEqual([]);
      expect(points.join('\n')).not.toMatch(/\$|\\[a-z]+|closed form is/);
      expect(points).toContain(`${before}…`);
    });
  }

  it('is shown whole when the point has room', () => {
    const points = pointsOf('en', `${opening} The closed form is $F_n = \\frac{\\varphi^n - \\psi^n}{\\sqrt{5}}$ for all n.\n\n${after}`);
    expect(points).toContain('The closed form is Fₙ = (φⁿ - ψⁿ)/(√5) for all n.');
  });
});

describe('long inline math', () => {
  const command = fc.constantFrom(String.raw`\frac{a}{b}`, String.raw`\sqrt{x+1}`, String.raw`\left(x^2 + y^2\right)`, String.raw`\alpha_{n}`, String.raw`\sum_{k=1}^{n} k`);
  it('never shows a dollar, a TeX command or \\( in a point', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 8, maxLength: 16 }), (parts) => {
        const tex = parts.join(' + ');
        const points = pointsOf('en', `${opening} Summing the terms gives $${tex}$ as the result.\n\n${after}`);
        expect(points.join('\n')).not.toMatch(/\$|\\\(|\\[A-Za-z]+/);
      }),
      { numRuns: 40 },
    );
  });

  it('leaves prices alone', () => {
    expect(pointsOf('en', `${opening} A coffee costs $5 and a long lunch with dessert and a drink for two people in the centre of town costs about 40 euros, or 45$ in all.`).join('\n')).toContain('$5');
  });
});

describe('a continuation after display math whose announcement is no point', () => {
  const formula = '$$\nE = \\sum_{i=1}^{n} \\frac{1}{2} m_i v_i^2\n$$';
  const cases: Array<[string, string, string, string]> = [
    ['en', 'The kinetic energy of a system of particles is', 'where the sum runs over all n particles of the system.', 'Energy is conserved when no external force does work on the system.'],
    ['es', 'La energía cinética de un sistema de partículas es', 'donde la suma recorre las n partículas del sistema.', 'La energía se conserva cuando ninguna fuerza externa realiza trabajo.'],
    ['de', 'Die kinetische Energie eines Systems von Teilchen ist', 'wobei die Summe über alle n Teilchen des Systems läuft.', 'Die Energie bleibt erhalten, wenn keine äußere Kraft Arbeit verrichtet.'],
  ];
  for (const [lang, announcement, continuation, after] of cases) {
    it(`is no point alone (${lang})`, () => {
      const points = pointsOf(lang, `${announcement}\n\n${formula}\n\n${continuation} ${after}`);
      expect(points.filter((p) => p.startsWith(continuation.slice(0, 8)))).toEqual([]);
      expect(points).toContain(after);
    });
  }
});
