/**
 * A sentence counting what the next paragraph only lists ("Our bakery sells four breads." then the
 * paragraph "Rye, spelt, sourdough and brioche") reads as one sentence, as within a paragraph: the
 * series alone names things without saying what they are (issue 23, tester round 18: F8). Notes
 * written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const cases: [lang: string, count: string, series: string, rest: string, joined: string][] = [
  ['en', 'Our bakery sells four breads.', 'Rye, spelt, sourdough and brioche', 'Each loaf is baked before six in the morning. Order by phone the day before.', 'Our bakery sells four breads: Rye, spelt, sourdough and brioche'],
  ['zh', '我们的面包房卖四种面包。', '黑麦、斯佩尔特、酸种、布里欧修', '每种面包都在早上六点前出炉。酸种面包需要提前一天预订。', '我们的面包房卖四种面包：黑麦、斯佩尔特、酸种、布里欧修'],
  ['ar', 'يبيع مخبزنا ثلاثة أنواع من الخبز.', 'الجاودار والحنطة والبريوش', 'يخبز كل رغيف قبل السادسة صباحا. اطلب بالهاتف قبل يوم.', 'يبيع مخبزنا ثلاثة أنواع من الخبز: الجاودار والحنطة والبريوش'],
];

describe('a counting sentence and the bare series in the next paragraph', () => {
  for (const [lang, count, series, rest, joined] of cases) {
    it(`read as one point (${lang})`, () => {
      const points = pointsOfNote(lang, `${count}\n\n${series}\n\n${rest}`);
      expect(points).toContain(joined);
      expect(points).not.toContain(series);
    });
  }

  it('leaves a sentence that counts nothing apart from the paragraph after it', () => {
    const points = pointsOfNote('en', 'Our bakery opened last spring.\n\nRye, spelt, sourdough and brioche\n\nEach loaf is baked before six in the morning.');
    expect(points.some((p) => p.startsWith('Our bakery opened last spring:'))).toBe(false);
  });
});
