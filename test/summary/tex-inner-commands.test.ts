/**
 * TeX a reader reads is never reported unreadable (issue 23, tester round 14 item 8): text commands
 * inside a fraction's argument, negated relations (`\nmid`, `\not\equiv`), and a matrix written without
 * spaces after its row breaks. An unreadable formula removed the note's key sentence. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { texToText } from '../../src/summary/tex.js';
import { pointsOfNote } from '../helpers/note-points.js';

describe('TeX with commands inside arguments, negations and tight matrices', () => {
  it.each([
    ['\\frac{\\mathrm{d}y}{\\mathrm{d}s}', 'dy/ds'],
    ['\\frac{\\mathbf{u}}{3}', 'u/3'],
    ['\\frac{\\text{mass}}{\\text{volume}}', 'mass/volume'],
    ['q \\nmid b', 'q ∤ b'],
    ['b \\not\\equiv 2', 'b ≢ 2'],
    ['y \\not= 4', 'y ≠ 4'],
    ['z \\not\\in T', 'z ∉ T'],
    ['\\begin{matrix}2&5\\\\7&9\\end{matrix}', '2, 5; 7, 9'],
  ])('%s reads %s', (tex, text) => {
    expect(texToText(tex)).toEqual({ text, readable: true });
  });

  it('a negation of a relation no table reads stays unreadable', () => {
    expect(texToText('a \\not\\frobnicate b').readable).toBe(false);
  });

  it("the note's key sentence with such TeX is kept", () => {
    const note = [
      'Wilson studied which whole numbers divide factorials, and wrote his theorem down in 1770.',
      'For a prime $q$ the theorem says $(q-1)! \\equiv -1 \\pmod{q}$, and when $q \\nmid m$ the residue $m \\not\\equiv 0$.',
      'The swap matrix $\\begin{pmatrix}0&1\\\\1&0\\end{pmatrix}$ permutes the two residues of the theorem.',
    ].join('\n\n');
    const points = pointsOfNote('en', note).join('\n');
    expect(points).toContain('q ∤ m');
    expect(points).toContain('m ≢ 0');
    expect(points).toContain('0, 1; 1, 0');
  });
});
