/**
 * An outline of question headings (a FAQ's) reads as questions: each keeps its own stop, which parts it
 * from the next as between sentences ("Why…? Can I…?", "为什么…？可以…？"), never "?," nor "？、"
 * (issue 23, tester round 18: F10). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const faqs: [lang: string, intro: string, sections: [heading: string, answer: string][]][] = [
  ['en', 'Answers to what new gardeners ask about tomatoes most often.', [
    ['Why do tomato leaves curl upwards?', 'Hot nights and strong wind make the plant save water by rolling its leaves.'],
    ['Can tomatoes grow in pots on a balcony?', 'Yes. A pot of twenty litres holds enough soil for one bush variety.'],
    ['How often should seedlings be watered?', 'Water seedlings when the top centimetre of soil feels dry to the touch.'],
  ]],
  ['zh', '这里回答新手种番茄最常问的问题。', [
    ['番茄叶子为什么向上卷？', '夜里太热或风太大时，植株会卷起叶子来保存水分。'],
    ['阳台上的花盆能种番茄吗？', '能。二十升的花盆足够种一株矮生品种。'],
    ['幼苗多久浇一次水？', '表层一厘米的土摸起来干了就浇水。'],
  ]],
  ['ar', 'إجابات عن أكثر أسئلة المزارعين الجدد عن الطماطم.', [
    ['لماذا تلتف أوراق الطماطم إلى الأعلى؟', 'الليالي الحارة والرياح القوية تجعل النبتة تلف أوراقها لتحفظ الماء.'],
    ['هل تنمو الطماطم في أصص على الشرفة؟', 'نعم. أصيص من عشرين لترا يكفي لشجيرة واحدة.'],
    ['كم مرة تسقى الشتلات؟', 'اسق الشتلات حين يجف السنتيمتر الأعلى من التربة.'],
  ]],
];

describe('an outline of question headings', () => {
  for (const [lang, intro, sections] of faqs) {
    it(`parts its questions by their own stops (${lang})`, () => {
      const body = [intro, ...sections.map(([h, a]) => `## ${h}\n\n${a}`)].join('\n\n');
      const points = pointsOfNote(lang, body);
      const headings = sections.map(([h]) => h);
      const outline = points.find((p) => p.startsWith(headings[0]!) && p.includes(headings[1]!));
      expect(outline).toBeDefined();
      expect(outline).not.toMatch(/[?？؟]\s*[,、،;；]/u);
      expect(outline).toContain(`${headings[0]}${lang === 'zh' ? '' : ' '}${headings[1]}`);
    });
  }
});
