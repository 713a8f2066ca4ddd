/**
 * In an amsmath alignment `&` marks where the rows line up, not a cell: `y &= 7` reads y = 7, never
 * "y, = 7" (issue 23, tester-23-2 F13). Matrices and cases keep `&` as a cell separator.
 * Fragments written for this test.
 */
import { describe, expect, it } from 'vitest';
import { texToText } from '../../src/summary/tex.js';
import { pointsOfNote } from '../helpers/note-points.js';

describe('aligned equations', () => {
  it.each([
    ['\\begin{aligned} 2y - 1 &= 13 \\\\ 2y &= 14 \\\\ y &= 7 \\end{aligned}', '2y - 1 = 13; 2y = 14; y = 7'],
    ['\\begin{align*} a &\\le b \\\\ &< c \\end{align*}', 'a ≤ b; < c'],
    ['\\begin{split} (p+q)^2 &= p^2 + 2pq + q^2 \\end{split}', '(p+q)² = p² + 2pq + q²'],
    ['\\begin{eqnarray} u &=& v + 1 \\end{eqnarray}', 'u = v + 1'],
  ])('%s reads %s', (tex, text) => {
    expect(texToText(tex).text).toBe(text);
  });

  it('a matrix still separates its cells', () => {
    expect(texToText('\\begin{pmatrix} 2 & 0 \\\\ 0 & 2 \\end{pmatrix}').text).toBe('(2, 0; 0, 2)');
  });

  it.each([
    ['en', 'We solve $2y - 1 = 13$ in two steps:'],
    ['es', 'Resolvemos $2y - 1 = 13$ en dos pasos:'],
  ])('%s: the announced steps read as equations', (lang, lead) => {
    const points = pointsOfNote(lang, `${lead}\n\n$$\\begin{aligned} 2y - 1 &= 13 \\\\ 2y &= 14 \\\\ y &= 7 \\end{aligned}$$\n\nThe check works.`);
    expect(points.join('\n')).toContain('2y - 1 = 13; 2y = 14; y = 7');
  });
});
