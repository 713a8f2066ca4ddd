/**
 * Degrees and matrices as the page draws them (issue 23, tester round 14 item 11): `^\circ` is the
 * degree sign, never a raised ring ("10^∘"), and a matrix keeps its environment's brackets
 * ("I = 1, 0; 0, 1" read as a list). Fragments written for this test.
 */
import { describe, expect, it } from 'vitest';
import { texToText } from '../../src/summary/tex.js';

describe('degrees and matrix brackets', () => {
  it.each([
    ['\\phi \\ge 45^\\circ', 'φ ≥ 45°'],
    ['T = 37^{\\circ} F', 'T = 37°F'],
    ['\\Delta S^\\circ > 0', 'ΔS° > 0'],
    ['f \\circ h', 'f ∘ h'],
    ['R = \\begin{pmatrix} 0 & -1 \\\\ 1 & 0 \\end{pmatrix}', 'R = (0, -1; 1, 0)'],
    ['\\det\\begin{bmatrix}5&6\\\\7&8\\end{bmatrix}', 'det [5, 6; 7, 8]'],
    ['\\begin{vmatrix} p & q \\\\ r & s \\end{vmatrix}', '|p, q; r, s|'],
    ['\\begin{Bmatrix}3&4\\end{Bmatrix}', '{3, 4}'],
  ])('%s reads %s', (tex, text) => {
    expect(texToText(tex)).toEqual({ text, readable: true });
  });
});
