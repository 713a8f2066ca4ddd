/**
 * Japanese ranks the question among others with its topic first and "one of the … questions" last
 * ("これは…よく聞かれる質問の一つです", "…のは、…いただく質問のひとつです"): a remark on the asking, no
 * point, as in the other languages (issue 23, tester 22-3 F4). Ranking a thing of the note ("…工程の一つです")
 * is a point. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const ANSWER_JA = 'トマトには1日6時間の日光が必要です。\n\n朝のうちに根元へ水をあげてください。';

describe('a Japanese note opening on a ranking of the question', () => {
  it('leaves the ranking out, its topic a pointer or the question itself (ja, zh)', () => {
    for (const ranking of ['それは家庭菜園を始めた方からいちばん多く寄せられる質問の一つです。', '実が赤くならないのは、家庭菜園の相談で特によくある疑問のひとつです。']) {
      const points = pointsOfNote('ja', `${ranking}${ANSWER_JA}`);
      expect(points[0]).toBe('トマトには1日6時間の日光が必要です。');
      expect(points).not.toContain(ranking);
    }
    const zh = pointsOfNote('zh', '这是刚开始种菜的人最常问的问题之一。番茄每天需要六小时的阳光。\n\n早上在根部浇水。');
    expect(zh[0]).toBe('番茄每天需要六小时的阳光。');
  });

  it('keeps a sentence ranking a thing of the note, not the question (ja)', () => {
    const step = 'これは家庭菜園で最も失敗しやすい作業の一つです。';
    expect(pointsOfNote('ja', `${step}${ANSWER_JA}`)[0]).toBe(step);
  });
});
