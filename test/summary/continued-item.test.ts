/**
 * A numbered item whose sentence a blank line cut in two ("88. …求解超定方" ¶ "程组，它…" ¶ "89. …"):
 * the paragraph between the two parts of the list, whose numbers run on, is the item's end, never a
 * point of its own that starts inside a word (issue 23). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const zh = [
  '1. 矩阵的秩等于其线性无关行的最大数目，它决定了线性方程组解的结构。',
  '2. 最小二乘法用于求解超定方',
  '',
  '程组，它最小化误差平方和，并给出最接近的近似解。',
  '',
  '3. 奇异值分解适用于任何矩阵，在数据降维中非常有用。',
  '4. 特征值描述了线性变换在特征向量方向上的伸缩比例。',
].join('\n');

const en = [
  '1. The rank of a matrix is the largest number of linearly independent rows it has.',
  '2. The least-squares method solves overdetermined',
  '',
  'systems of equations by minimising the sum of squared errors.',
  '',
  '3. Singular value decomposition factors any matrix into rotations and a scaling.',
  '4. Eigenvalues measure how a linear map stretches its eigenvectors.',
].join('\n');

describe('a numbered item cut in two by a blank line', () => {
  it('is never a point starting inside its sentence, in a script without capitals', () => {
    const points = pointsOfNote('zh', zh);
    expect(points.length).toBeGreaterThan(0);
    expect(points.filter((p) => p.startsWith('程组'))).toEqual([]);
  });

  it('is said whole with its item', () => {
    expect(pointsOfNote('zh', zh).join('\n')).toContain('最小二乘法用于求解超定方程组，它最小化误差平方和');
    // Where the item is a point, it is the whole item; the rest alone starts in lower case (no point).
    const enPoints = pointsOfNote('en', en);
    expect(enPoints.filter((p) => p.includes('overdetermined') && !p.includes('overdetermined systems of equations'))).toEqual([]);
    expect(enPoints.filter((p) => p.startsWith('systems'))).toEqual([]);
  });

  it('leaves a paragraph between two lists that are not one numbering alone', () => {
    const apart = ['1. Rank counts independent rows.', '2. Least squares fits a line.', '', 'Least squares minimises the sum of squared errors between data and model.', '', '1. Singular value decomposition factors any matrix.'].join('\n');
    expect(pointsOfNote('en', apart).join('\n')).toContain('Least squares minimises the sum of squared errors between data and model.');
  });
});
