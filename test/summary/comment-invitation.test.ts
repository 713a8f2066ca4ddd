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
  ['de', 'Habt ihr Fragen? Dann schreibt sie in die Kommentare.'],
  ['de', 'Bei Fragen einfach kommentieren.'],
  ['fr', 'Une question ? Posez-la en commentaire.'],
  ['es', '¿Dudas? Déjalas en los comentarios.'],
  ['ja', '気軽にコメントしてくださいね。'],
  ['zh', '欢迎在评论区分享你的经验。'],
  ['zh', '欢迎留言讨论。'],
  ['hant', '歡迎留言討論。'],
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
  ['de', 'Kommentiere den Code sorgfältig.'],
  ['es', 'Comenta cada función.'],
  ['zh', '欢迎使用评论插件。'],
  ['ar', 'علق الصورة على الحائط.'],
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

describe('a sentence after a question on asking', () => {
  it('stays a point when it sends no one to the comments (en)', () => {
    const points = pointsOfNote('en', `${STARTER.en}\n\nQuestions? Comments in the code explain each step.`);
    expect(points.some((p) => p.endsWith('Comments in the code explain each step.'))).toBe(true);
  });
});
