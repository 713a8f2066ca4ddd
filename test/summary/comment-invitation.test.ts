/**
 * The reader sent to the comments with their questions (issue 23, F6) is no point, in every language,
 * however the condition is put and whatever verb sends them ("Falls noch Fragen offen sind, schreib sie
 * gern in die Kommentare.", "اترك أسئلتك في التعليقات.", "有疑问的话可以在评论区提出来。"). A sentence about
 * code comments, asking nothing, and an instruction on a condition stay. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';
import { STARTER, starterPoints } from '../helpers/starter-notes.js';

const INVITATIONS: Array<[lang: string, sentence: string]> = [
  ['en', 'If anything is unclear, leave your questions in the comments.'],
  ['en', 'Share your thoughts in the comments below!'],
  ['de', 'Falls noch Fragen offen sind, schreib sie gern in die Kommentare.'],
  ['de', 'Schreibt eure Fragen gern unten in die Kommentare.'],
  ['fr', 'N’hésitez pas à poser vos questions dans les commentaires.'],
  ['ja', 'わからないことがあれば、コメントで聞いてください。'],
  ['ja', '何かわからないことがあれば、コメント欄で気軽に質問してください。'],
  ['zh', '有疑问的话可以在评论区提出来。'],
  ['hant', '有問題歡迎在留言區提問。'],
  ['ar', 'اترك أسئلتك في التعليقات.'],
  ['ar', 'إذا كانت لديك أي أسئلة، اتركها في التعليقات.'],
  ['hi', 'अपने सवाल कमेंट्स में लिखें।'],
];

const INSTRUCTIONS: Array<[lang: string, sentence: string]> = [
  ['en', 'Write the reason in the comments, not the change.'],
  ['en', 'Ask yourself whether the comments explain why.'],
  ['de', 'Falls der Build fehlschlägt, lösche den Cache.'],
  ['de', 'Frag dich, ob die Kommentare das Warum erklären.'],
  ['zh', '评论功能的问题已经修复了。'],
  ['zh', '有问题的话，先把酵头放进冰箱。'],
  ['ja', 'コメントがないとわからないコードになります。'],
  ['ar', 'اترك العجين في الثلاجة طوال الليل.'],
];

describe('an invitation to ask in the comments', () => {
  for (const [lang, sentence] of INVITATIONS) {
    it(`is no point (${lang}: ${sentence})`, () => {
      expect(pointsOfNote(lang, `${STARTER[lang]}\n\n${sentence}`)).toEqual(starterPoints(lang));
    });
  }
});

describe('a sentence of comments or conditions that asks nothing of the conversation', () => {
  for (const [lang, sentence] of INSTRUCTIONS) {
    it(`stays a point (${lang}: ${sentence})`, () => {
      expect(pointsOfNote(lang, `${STARTER[lang]}\n\n${sentence}`)).toContain(sentence);
    });
  }
});
