/**
 * A heading that is a "why" question is shown before its section's answer when that answer gives the
 * cause ("Because…", "因为…", "Porque…", "لأن…", ja "…からです。"), even when the answer repeats the
 * heading's words: the cause alone answers nothing (issue 23, tester round 18: F1). Notes written for
 * this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

/** The point holding the answer's first words, if any. */
const pointWith = (points: readonly string[], answerStart: string) => points.find((p) => p.includes(answerStart));

describe('a "why" heading before a causal answer that repeats its words', () => {
  const cases: [lang: string, heading: string, answer: string, rest: string][] = [
    ['zh', '## 为什么面包会塌陷？', '因为面团发酵过度，面筋撑不住面包的重量。', '把发酵时间缩短二十分钟就能避免。'],
    ['es', '## ¿Por qué se hunde el pan?', 'Porque la masa fermenta de más y el pan se hunde sin gluten que lo sostenga.', 'Acorte la fermentación veinte minutos para evitarlo.'],
    ['ar', '## لماذا يهبط الخبز؟', 'لأن العجين يتخمر أكثر من اللازم فلا يحمل الغلوتين الخبز.', 'قصّر وقت التخمير عشرين دقيقة لتجنب ذلك.'],
    ['ja', '## なぜパンがしぼむのですか？', '生地が発酵しすぎて、グルテンがパンを支えられなくなるからです。', '発酵時間を二十分短くすると防げます。'],
  ];
  for (const [lang, heading, answer, rest] of cases) {
    it(`is shown with its heading, never alone (${lang})`, () => {
      const points = pointsOfNote(lang, `${heading}\n\n${answer}${lang === 'zh' || lang === 'ja' ? '' : ' '}${rest}`);
      const question = heading.replace(/^## /, '');
      const shown = pointWith(points, answer.slice(0, 6));
      expect(shown?.startsWith(question)).toBe(true);
      expect(points.some((p) => p.startsWith(answer.slice(0, 6)))).toBe(false);
    });
  }
});
