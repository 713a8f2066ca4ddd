/**
 * An accent inside a root's or a fraction's argument (`\sqrt{… \bar{x} …}`, `\frac{\hat{p}}{n}`) is read
 * with it (issue 23, tester round 2 F4): its braces kept the root from being read, the formula was
 * reported unreadable and the note's defining sentence was dropped, its example kept alone. Told by
 * TeX's grouping, whatever the language around it. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { texToText } from '../../src/summary/tex.js';
import { pointsOfNote } from '../helpers/note-points.js';

describe('an accent inside another command’s argument', () => {
  it.each([
    ['\\sqrt{\\frac{1}{n}\\sum (y_i - \\bar{y})^2}', '√((1/n)Σ (yᵢ - ȳ)²)'],
    ['\\frac{\\hat{p}}{n}', 'p̂/n'],
    ['\\sqrt{\\vec{v} \\cdot \\vec{v}}', '√(v⃗ · v⃗)'],
    ['\\frac{\\bar{a} + \\tilde{b}}{2}', '(ā + b̃)/2'],
  ])('%s reads %s', (tex, text) => {
    // Combining marks as written here and as texToText adds them compare in one normalisation form.
    const read = texToText(tex);
    expect({ ...read, text: read.text.normalize('NFC') }).toEqual({ text: text.normalize('NFC'), readable: true });
  });

  // The defining sentence, its formula holding such an accent, is a point beside its example.
  it.each([
    [
      'en',
      'The sample deviation measures how far values spread, and is $s = \\sqrt{\\frac{1}{n-1}\\sum (y_i - \\bar{y})^2}$ over the sample.',
      'For example, with the values 1, 3 and 5 the sample deviation is 2.',
      'The sample deviation measures',
    ],
    [
      'de',
      'Die Standardabweichung misst die Streuung der Messwerte und ist $s = \\sqrt{\\frac{1}{n}\\sum (y_i - \\bar{y})^2}$ für die Stichprobe.',
      'Zum Beispiel hat die Reihe 2, 4, 4, 4, 5, 5, 7, 9 die Standardabweichung 2.',
      'Die Standardabweichung misst',
    ],
    [
      'fr',
      "L'écart type mesure la dispersion des mesures et vaut $s = \\sqrt{\\frac{1}{n}\\sum (y_i - \\bar{y})^2}$ pour l'échantillon.",
      "Par exemple, la série 2, 4, 4, 4, 5, 5, 7, 9 a un écart type de 2.",
      "L'écart type mesure",
    ],
    [
      'es',
      'La proporción estimada resume la muestra y su error es $\\sqrt{\\frac{\\hat{p}(1-\\hat{p})}{n}}$ para muestras grandes.',
      'Por ejemplo, con 400 respuestas y una proporción de 0,5 el error es 0,025.',
      'La proporción estimada',
    ],
    [
      'ja',
      '分散は、値の散らばりを表す量で、$s^2 = \\frac{\\sum (y_i - \\bar{y})^2}{n}$ で求めます。',
      '例えば、値が 1, 3, 5 のとき、分散は約 2.67 です。',
      '分散は',
    ],
  ])('%s: the definition with the accent is kept', (lang, definition, example, start) => {
    const points = pointsOfNote(lang, `${definition}\n\n${example}`);
    expect(points.some((p) => p.startsWith(start))).toBe(true);
    expect(points.join('\n')).not.toContain('\\');
  });
});
