/**
 * A "where …" paragraph after display math names the formula's symbols and goes on from it: alone it
 * is a fragment, in scripts without letter case too (issue 23, F16): there it opens with the language's
 * own "where" word, as in lower case it opens with "where", "donde", "où", "wobei". Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

const formula = '$$\nE = m c^2\n$$';

const cases: Array<{ lang: string; opening: string; announces: string; where: string; after: string }> = [
  { lang: 'zh', opening: '质能方程把物体的质量和它蕴含的能量联系在一起。', announces: '公式为', where: '其中 m 是质量，c 是光速。', after: '很小的质量也对应着巨大的能量。' },
  { lang: 'hant', opening: '質能方程把物體的質量和它蘊含的能量聯繫在一起。', announces: '公式為', where: '其中 m 是質量，c 是光速。', after: '很小的質量也對應著巨大的能量。' },
  { lang: 'ja', opening: '質量とエネルギーの等価性は物体の質量とエネルギーを結びつけます。', announces: '式は次の通りです。', where: 'ここで m は質量、c は光速です。', after: 'わずかな質量でも莫大なエネルギーに相当します。' },
  { lang: 'ar', opening: 'تربط معادلة الطاقة والكتلة بين كتلة الجسم والطاقة الكامنة فيه.', announces: 'المعادلة هي', where: 'حيث m هي الكتلة و c سرعة الضوء.', after: 'الكتلة الصغيرة جدا تقابل طاقة هائلة.' },
  { lang: 'en', opening: 'The equivalence of mass and energy ties the mass of a body to the energy it holds.', announces: 'The equation is', where: 'where m is the mass and c the speed of light.', after: 'A tiny mass stands for an enormous amount of energy.' },
];

describe('a "where" paragraph after display math', () => {
  for (const c of cases) {
    it(`is no point alone (${c.lang}: ${c.where})`, () => {
      const points = pointsOf(c.lang, [c.opening, c.announces, formula, c.where, c.after].join('\n\n'));
      expect(points.filter((p) => p.includes(c.where.slice(0, 6)))).toEqual([]);
      expect(points).toContain(c.opening);
    });
  }
});

describe('a paragraph after a block opening with a word that is not "where" there', () => {
  it.each([
    ['ja', 'ここで npm install を実行すると、依存関係がすべて入ります。'],
    ['zh', '其中最重要的是先备份数据库再升级。'],
  ])('stays a point (%s: %s)', (lang, text) => {
    const points = pointsOf(lang, ['```sh\nnpm ci\n```', text].join('\n\n'));
    expect(points).toContain(text);
  });
});
