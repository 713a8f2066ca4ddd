/**
 * Small talk between a question and its answer ("Good question!", the writer's remark to the asker:
 * "Ah, I see what confuses you.", "嗯，我懂你的意思。") is no point and does not part the two: the
 * answer is shown after its question, never alone (issue 23, tester round 18: F2). Notes written for
 * this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const cases: [lang: string, opening: string, question: string, talk: string, answer: string, rest: string][] = [
  ['en', 'Bread dough sometimes refuses to rise.', 'What stops the yeast in a cold kitchen?', 'Ah, I see what confuses you.', 'That is mostly the temperature of the water.', 'Use water at body warmth. A proofing box keeps the dough at 27 degrees.'],
  ['en', 'Bread dough sometimes refuses to rise.', 'What stops the yeast in a cold kitchen?', 'Great question!', 'That is mostly the temperature of the water.', 'Use water at body warmth. A proofing box keeps the dough at 27 degrees.'],
  ['de', 'Brotteig geht manchmal einfach nicht auf.', 'Was bremst die Hefe in einer kalten Küche?', 'Ach, ich verstehe, was Sie wundert.', 'Das ist meist die Temperatur des Wassers.', 'Nehmen Sie körperwarmes Wasser. Eine Gärbox hält den Teig bei 27 Grad.'],
  ['zh', '面团有时候怎么也发不起来。', '冷厨房里是什么让酵母停工？', '嗯，我懂你的意思。', '那主要是水的温度。', '用接近体温的水。发酵箱能让面团保持在 27 度。'],
];

describe('small talk between a question and its answer', () => {
  for (const [lang, opening, question, talk, answer, rest] of cases) {
    const cjk = lang === 'zh';
    const sep = cjk ? '' : ' ';
    const points = pointsOfNote(lang, `${opening}\n\n${question}${sep}${talk}${sep}${answer}\n\n${rest}`);

    it(`is no point, and the answer follows its question (${lang}: ${talk})`, () => {
      expect(points.some((p) => p.includes(talk))).toBe(false);
      expect(points.some((p) => p.startsWith(answer))).toBe(false);
      expect(points).toContain(`${question}${sep}${answer}`);
    });
  }
});
