/**
 * A condition on the reader having more questions offers more of the chat, whatever follows it
 * ("Wenn Sie weitere Fragen haben, schreiben Sie gern.", "Si le surge alguna duda, comente abajo."), in
 * the familiar or the formal "you"; a real condition on the reader's setup stays ("Falls Sie
 * Tubeless-Reifen fahren, …"), and so does "如果还有问题，…" where 问题 is a problem. German "Sie"
 * opening a short sentence is the reader told what to do where the paragraph addresses them
 * formally, not "they" pointing back (issue 23, tester 19-2 item 4). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const OFFERS: Array<[lang: string, body: string, offer: string, kept: string]> = [
  [
    'de',
    'Ein Fahrradschlauch verliert Luft meist am Ventil. Ziehen Sie die Ventilmutter mit der Hand fest.\n\nFalls Sie Tubeless-Reifen fahren, füllen Sie Dichtmilch nach.\n\nWenn Sie weitere Fragen haben, schreiben Sie gern in die Kommentare.',
    'weitere Fragen',
    'Falls Sie Tubeless-Reifen fahren, füllen Sie Dichtmilch nach.',
  ],
  [
    'es',
    'Una cámara de bicicleta suele perder aire por la válvula. Apriete la tuerca de la válvula con la mano.\n\nSi usa neumáticos tubeless, añada líquido sellante.\n\nSi le surge alguna duda más, no dude en comentar abajo.',
    'alguna duda',
    'Si usa neumáticos tubeless, añada líquido sellante.',
  ],
  [
    'en',
    'A bike tube mostly loses air at the valve. Tighten the valve nut by hand.\n\nIf you ride tubeless tyres, top up the sealant through the valve.\n\nIf you have any more questions, feel free to reach out in the comments.',
    'more questions',
    'If you ride tubeless tyres, top up the sealant through the valve.',
  ],
  ['zh', '自行车内胎通常从气门漏气。用手拧紧气门螺母。\n\n如果是无内胎轮胎，补充密封液。\n\n如果您还有疑问，欢迎在评论区留言。', '疑问', '如果是无内胎轮胎，补充密封液。'],
];

describe('a condition on the reader having more questions', () => {
  for (const [lang, body, offer, kept] of OFFERS) {
    it(`is no point, a condition on their setup is (${lang})`, () => {
      const points = pointsOfNote(lang, body);
      expect(points.some((p) => p.includes(offer)), offer).toBe(false);
      expect(points).toContain(kept);
    });
  }

  it('keeps a Chinese condition on a problem remaining, an instruction', () => {
    const points = pointsOfNote('zh', '自行车内胎通常从气门漏气。用手拧紧气门螺母。\n\n如果还有问题，请更换整个气门芯。');
    expect(points).toContain('如果还有问题，请更换整个气门芯。');
  });
});

describe('German "Sie" opening a short sentence', () => {
  it('is the reader addressed where the paragraph speaks to them formally', () => {
    const points = pointsOfNote('de', 'Die Kette quietscht, weil sie trocken ist.\n\nSie können sie mit Kettenöl schmieren. Wischen Sie das überschüssige Öl nach zehn Minuten ab.');
    expect(points).toContain('Sie können sie mit Kettenöl schmieren.');
  });

  // Pointing back, it is shown only right after the sentence it leans on (tester 21-2 F9), never alone.
  it('still points back where nothing in its paragraph addresses the reader', () => {
    const points = pointsOfNote('de', 'Die Bremsbeläge nutzen sich bei Regen schnell ab.\n\nSie halten dann kaum 500 Kilometer. Ein neuer Satz kostet zwanzig Euro.');
    const k = points.findIndex((p) => p.startsWith('Sie halten'));
    expect(k === -1 || points[k - 1] === 'Die Bremsbeläge nutzen sich bei Regen schnell ab.').toBe(true);
    const afterQuestion = pointsOfNote('de', 'Die Bremsbeläge nutzen sich bei Regen schnell ab. Warum ist das so?\n\nSie halten dann kaum 500 Kilometer. Ein neuer Satz kostet zwanzig Euro.');
    expect(afterQuestion.some((p) => p.startsWith('Sie halten'))).toBe(false);
  });
});
