/**
 * A closing condition whose main clause only invites the reader back to the writer ("Should anything
 * stay unclear, just ping me.", "Bei Unklarheiten fragen Sie gern nach.", "哪里没看懂的话，欢迎留言。") is
 * chat, no point, whatever the condition's words; a condition whose main clause sends the reader to
 * someone else with a number, or tells them to act, is an instruction and stays, even when the condition
 * is on questions ("If you have questions about the fee, ring the box office on 020 …"). Issue 23,
 * tester 21-2 F4 and F5. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const BODY: Record<string, string> = {
  en: 'A compost heap needs both green and brown material.\n\nTurn the heap every two weeks so air reaches the middle.',
  de: 'Ein Komposthaufen braucht grünes und braunes Material.\n\nSetzen Sie den Haufen alle zwei Wochen um, damit Luft in die Mitte kommt.',
  es: 'Un compost necesita material verde y material marrón.\n\nVoltea el montón cada dos semanas para que entre aire en el centro.',
  fr: 'Un compost a besoin de matière verte et de matière brune.\n\nRetournez le tas toutes les deux semaines pour aérer le centre.',
  zh: '堆肥需要绿色材料和棕色材料。\n\n每两周翻一次堆，让空气进入中心。',
  ja: '堆肥には緑の材料と茶色の材料が両方必要です。\n\n2週間ごとに山を切り返して、中心まで空気を入れます。',
  hi: 'खाद के ढेर को हरी और भूरी दोनों सामग्री चाहिए।\n\nहर दो हफ़्ते ढेर को पलटें ताकि बीच तक हवा पहुँचे।',
  ar: 'تحتاج كومة السماد إلى مواد خضراء وبنية.\n\nقلّب الكومة كل أسبوعين ليصل الهواء إلى الوسط.',
};

const INVITATIONS: Array<[lang: string, invitation: string]> = [
  ['en', 'Should something stay unclear, just ping me.'],
  ['en', 'Feel free to ask again if the smell puzzles you.'],
  ['de', 'Bei Unklarheiten fragen Sie gern nach.'],
  ['de', 'Schreib mir einfach, falls dein Kompost nicht warm wird.'],
  ['es', 'Cualquier cosa que no quede clara, escríbeme.'],
  ['fr', 'Si un point vous échappe, n’hésitez pas à me demander.'],
  ['zh', '哪里没看懂的话，欢迎留言。'],
  ['zh', '有看不明白的地方可以随时问我。'],
  ['ja', '分からない点があれば、遠慮なく質問してください。'],
  ['hi', 'कोई बात उलझी लगे तो बेझिझक पूछिए।'],
  ['ar', 'إن بقي شيء غير واضح، فلا تتردد في التواصل.'],
];

/**
 * Conditions whose main clause is an instruction: a third party with a number, or the reader acting on the
 * heap. Each names the note's subject, as a point left out of the coverage choice must to fill a free place.
 */
const INSTRUCTIONS: Array<[lang: string, instruction: string]> = [
  ['en', 'If you have questions about a compost bin, ring the council on 020 7946 0000.'],
  ['en', 'If the heap smells sour, add dry leaves and turn it again.'],
  ['de', 'Wenn Sie zum Komposthaufen noch Fragen haben, rufen Sie das Amt unter 030 1234567 an.'],
  ['es', 'Si tienes alguna duda sobre el compost, llama al ayuntamiento al 910 000 000.'],
  ['zh', '如果对堆肥有疑问，请拨打社区电话 010 1234 5678。'],
  ['ja', '山が乾いていたら、水をかけてから切り返してください。'],
  ['ar', 'إذا كانت لديك أسئلة عن الكومة، فاتصل بالبلدية على 920000000.'],
];

describe('a condition inviting the reader to ask the writer again', () => {
  for (const [lang, invitation] of INVITATIONS) {
    it(`is no point (${lang}: ${invitation})`, () => {
      const points = pointsOfNote(lang, `${BODY[lang]}\n\n${invitation}`);
      expect(points).not.toContain(invitation);
      expect(points.length).toBe(2);
    });
  }
});

describe('a condition whose main clause is an instruction', () => {
  for (const [lang, instruction] of INSTRUCTIONS) {
    it(`stays a point (${lang}: ${instruction})`, () => {
      expect(pointsOfNote(lang, `${BODY[lang]}\n\n${instruction}`)).toContain(instruction);
    });
  }
});
