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

  // Issue 23 (F05, F06): a numbered heading with its explanation under it, or a remark between two
  // steps, is not the item's sentence cut in two.
  it('never glues a paragraph to a numbered bold heading above it', () => {
    const heading = ['1. **Warm the pan**', '', 'A cold pan makes the eggs stick to its bottom.', '', '2. **Whisk the eggs**', '', 'Air beaten in keeps the omelette light.'].join('\n');
    const points = pointsOfNote('en', heading);
    expect(points.filter((p) => p.includes('Warm the pan A cold') || p.includes('Whisk the eggs Air'))).toEqual([]);
    expect(points.join('\n')).toContain('A cold pan makes the eggs stick to its bottom.');
    const headingZh = ['1. **预热平底锅**', '', '冷锅会让鸡蛋粘在锅底上。', '', '2. **打散鸡蛋**', '', '打入的空气让蛋饼更加蓬松。'].join('\n');
    expect(pointsOfNote('zh', headingZh).filter((p) => p.startsWith('预热平底锅冷锅'))).toEqual([]);
  });

  it('leaves a remark between two steps apart, and the step before it whole', () => {
    const remark = ['1. **Warm the pan** (2 minutes): heat it on a medium flame with a little butter.', '', 'Nice, the butter is sizzling! Can you smell it already?', '', '2. **Pour the eggs** (1 minute): tilt the pan so they cover it evenly.'].join('\n');
    const points = pointsOfNote('en', remark);
    expect(points).toContain('Warm the pan (2 minutes): heat it on a medium flame with a little butter.');
    expect(points.filter((p) => p.includes('butter. Nice'))).toEqual([]);
  });
});
