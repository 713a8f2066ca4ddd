/**
 * One reading of scripts a point (issue 23, tester round 2 F12): a formula whose scripts Unicode has
 * (`$e^x$` → eˣ, `$x_0$` → x₀) beside one in the same point whose scripts stay marked (`\sum_{n=0}^{\infty}`,
 * no raised ∞; `\lim_{h\to 0}`, no lowered →) showed "eˣ … e^x" and "x₀ … x_0" in one point: each formula
 * was read alone. Now a point holding a formula with marked scripts shows all its formulas so. And a
 * fraction after an operator's limits is its operand, not a factor: "lim_(h→ 0) (f(x+h) - f(x))/h", never
 * "((…)/h)". Told by TeX's structure, whatever the language around it. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { texToText } from '../../src/summary/tex.js';
import { pointsOfNote } from '../helpers/note-points.js';

/** The point holding `marker`: every formula in it reads its scripts one way. */
function pointWith(lang: string, note: string, marker: string): string {
  const points = pointsOfNote(lang, note);
  return points.find((p) => p.includes(marker)) ?? points.join('\n');
}

describe('one reading of scripts a point', () => {
  it.each([
    ['en', 'We expand $e^x$ as a power series:', 'The series converges for every real x, which makes it the standard definition.'],
    ['de', 'Die Funktion $e^x$ hat eine Potenzreihe:', 'Die Reihe konvergiert für jedes reelle x, darum dient sie als Definition.'],
    ['fr', 'On développe $e^x$ en série entière :', 'La série converge pour tout x réel, ce qui en fait la définition usuelle.'],
    ['es', 'Desarrollamos $e^x$ como serie de potencias:', 'La serie converge para todo x real, por eso sirve como definición.'],
    ['ja', '$e^x$ をべき級数に展開します：', 'この級数はすべての実数 x で収束するので、定義としてよく使われます。'],
  ])('%s: a lead-in and its display formula', (lang, leadIn, after) => {
    const note = `${leadIn}\n\n$$e^x = \\sum_{n=0}^{\\infty} \\frac{x^n}{n!}$$\n\n${after}`;
    const point = pointWith(lang, note, 'Σ');
    expect(point).toContain('e^x = Σ_(n=0)^(∞) x^n/n!');
    expect(point).not.toContain('eˣ');
  });

  it.each([
    ['en', 'The derivative of $f$ at $x_0$ is $f\'(x_0) = \\lim_{h \\to 0} \\frac{f(x_0 + h) - f(x_0)}{h}$ when the limit exists.'],
    ['de', 'Die Ableitung von $f$ an der Stelle $x_0$ ist $f\'(x_0) = \\lim_{h \\to 0} \\frac{f(x_0 + h) - f(x_0)}{h}$, falls der Grenzwert existiert.'],
    ['es', 'La derivada de $f$ en $x_0$ es $f\'(x_0) = \\lim_{h \\to 0} \\frac{f(x_0 + h) - f(x_0)}{h}$ si el límite existe.'],
    ['ja', '関数 $f$ の点 $x_0$ における微分係数は $f\'(x_0) = \\lim_{h \\to 0} \\frac{f(x_0 + h) - f(x_0)}{h}$ で定義されます。'],
  ])('%s: inline formulas of one sentence', (lang, sentence) => {
    const point = pointWith(lang, `${sentence}\n\nA function with a derivative at a point is continuous there.`, 'lim');
    expect(point).not.toContain('x₀');
    expect(point).toContain("f'(x_0) = lim_(h → 0) (f(x_0 + h) - f(x_0))/h");
  });

  it('each formula alone still reads its scripts raised or lowered where Unicode has them', () => {
    expect(texToText('e^x').text).toBe('eˣ');
    expect(texToText('\\sum_{i=1}^{n} \\frac{1}{i}').text).toBe('Σᵢ₌₁ⁿ 1/i');
  });
});
