/**
 * An interview that marks only the interviewer's lines with a doubled dash ("――", "——") and prints the
 * guest's answers as plain paragraphs is a dialogue: the dash never starts a point, the greeting before
 * the first question answered at length is small talk, and each question is shown with its answer
 * (issue 23, tester-23-2 F18). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

describe('an interview with the interviewer’s doubled dash', () => {
  it('drops the greeting and the dash, and pairs each question with its answer (ja)', () => {
    const points = pointsOfNote(
      'ja',
      '――本日はよろしくお願いします。\n\nこちらこそ、よろしくお願いします。\n\n' +
        '――なぜ古い木造の駅舎を残したのですか？\n\n地域の人が毎日使う場所で、壊すより直す方が安かったからです。屋根だけを新しい銅板に替えました。\n\n' +
        '――工事にはどれくらいかかりましたか？\n\n駅を閉めずに進めたので、二年かかりました。',
    );
    expect(points.some((p) => /^[―—－]/.test(p))).toBe(false);
    expect(points.some((p) => p.includes('よろしくお願いします'))).toBe(false);
    expect(points[0]).toBe('なぜ古い木造の駅舎を残したのですか？地域の人が毎日使う場所で、壊すより直す方が安かったからです。');
  });

  it('does the same with the Chinese doubled em dash (zh)', () => {
    const points = pointsOfNote(
      'zh',
      '——您好，谢谢您抽空。\n\n不客气。\n\n' +
        '——为什么这座老桥没有被拆掉？\n\n因为它还能承重，而且修缮的费用只有新建的三分之一。\n\n' +
        '——修缮用了多久？\n\n一共用了十四个月，期间桥上只走行人。',
    );
    expect(points.some((p) => /^[―—－]/.test(p))).toBe(false);
    expect(points.some((p) => p.includes('谢谢您抽空'))).toBe(false);
    expect(points.some((p) => p.startsWith('为什么这座老桥没有被拆掉？因为它还能承重'))).toBe(true);
  });
});
