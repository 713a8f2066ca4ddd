/**
 * A step's time the writer put in ASCII brackets after Chinese or Japanese ("洗菜 (5分钟)") is set in
 * the full-width brackets those languages write, as a time read from the step's text is (issue 23,
 * tester round 13 item 15). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

describe('a step list with its times in ASCII brackets', () => {
  it.each([
    ['zh', '做番茄炒蛋分三步。', ['洗菜 (5分钟)', '炒蛋 (3分钟)', '加番茄 (4-6 分钟)'], '洗菜（5分钟）、炒蛋（3分钟）、加番茄（4-6 分钟）'],
    ['ja', '卵焼きの作り方です。', ['卵を溶く (1分)', '焼く (3分)', '巻く (2分)'], '卵を溶く（1分）、焼く（3分）、巻く（2分）'],
  ])('%s: full-width brackets in the compacted steps', (lang, lead, steps, compact) => {
    const points = pointsOfNote(lang, `${lead}\n\n${steps.map((s, k) => `${k + 1}. ${s}`).join('\n')}\n\n火候要适中。`);
    expect(points).toContain(compact);
  });

  it('an aside that is no time stays as written', () => {
    const points = pointsOfNote('zh', `做番茄炒蛋分三步。\n\n1. 洗菜 (要洗干净)\n2. 炒蛋 (3分钟)\n3. 加番茄 (4分钟)\n\n火候要适中。`);
    expect(points.join('\n')).not.toContain('（要洗干净）');
  });
});
