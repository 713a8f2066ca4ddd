/**
 * The answer to a question the writer asks is the first statement after it: when that statement
 * gives no point (it speaks of "your" things, in any language), the question is not joined to a
 * later sentence or paragraph that does not answer it (issue 23, tester round 17: F1). Notes
 * written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

/** Whether a point holds the question joined to the given later sentence. */
const joinedTo = (points: readonly string[], question: string, later: string) => points.some((p) => p.includes(question) && p.includes(later));

describe('a question whose first statement after it is no point', () => {
  it('is not joined to the next paragraph (en)', () => {
    const points = pointsOfNote(
      'en',
      'Tea stains build up in mugs over a few weeks. Why do the stains come back so fast? Because your dishwasher runs too cool to lift tannin from the glaze.\n\n' +
        'Soak the mugs in baking soda overnight. The brown film then wipes off with a sponge.',
    );
    expect(joinedTo(points, 'Why do the stains come back so fast?', 'Soak the mugs')).toBe(false);
  });

  it('is not joined to the next paragraph (zh)', () => {
    const points = pointsOfNote(
      'zh',
      '茶杯用久了会积茶垢。为什么茶垢这么快又出现？因为你的洗碗机水温太低，洗不掉釉面上的单宁。\n\n把杯子放进小苏打水里泡一夜。第二天用海绵一擦就掉。',
    );
    expect(joinedTo(points, '为什么茶垢这么快又出现？', '把杯子放进小苏打水')).toBe(false);
  });
});
