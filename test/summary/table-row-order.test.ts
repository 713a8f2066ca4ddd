/**
 * A note that is a table of figures, with more rows than places: rows are kept in the writer's order
 * (a ranking's top first) and the last ones go, not a row whose words the compact point already
 * names ("Oslo | Oslo | 0.7": city and county alike), for its figure is said by no other point
 * (issue 23, the tester's round 15-2). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

describe('a table of figures with more rows than places', () => {
  it('keeps a row whose label repeats in its cells, and drops the last rows', () => {
    const table = '| Town | County | Residents (m) |\n|---|---|---|\n| Bergen | Vestland | 0.29 |\n| Oslo | Oslo | 0.71 |\n| Trondheim | Trøndelag | 0.21 |\n| Stavanger | Rogaland | 0.15 |\n| Tromsø | Troms | 0.08 |\n| Drammen | Buskerud | 0.10 |';
    const points = pointsOf('en', table);
    expect(points.some((p) => p.includes('0.71'))).toBe(true);
    expect(points.some((p) => p.includes('0.29'))).toBe(true);
    expect(points.some((p) => p.includes('0.10'))).toBe(false);
  });

  it('does so in Hindi too', () => {
    const table = '| नदी | राज्य | लंबाई (किमी) |\n|---|---|---|\n| यमुना | उत्तराखंड | 1376 |\n| गंगा | गंगा | 2525 |\n| गोदावरी | महाराष्ट्र | 1465 |\n| कृष्णा | कर्नाटक | 1400 |\n| नर्मदा | मध्य प्रदेश | 1312 |';
    const points = pointsOf('hi', table);
    expect(points.some((p) => p.includes('2525'))).toBe(true);
  });
});
