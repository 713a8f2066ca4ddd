/**
 * A dialogue whose first question is an invitation ("Welcome, what can I do for you?"), answered by the
 * other speaker's long account of a problem that then asks, and is answered, more than once: the asker
 * is the one who asks those questions, not who invited them (issue 23, F10). Told by who speaks, never
 * by words. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const NOTES: Array<[string, string, string, string[]]> = [
  [
    'ja',
    '客：こんばんは。\n\n係員：ようこそ、今日はどんなご用件でしょうか？\n\n' +
      '客：先週買った炊飯器が、炊き上がる直前に毎回エラー表示で止まってしまうんです。何が悪いのでしょうか？\n\n' +
      '係員：多くの場合、内ぶたのパッキンがずれて蒸気が漏れています。パッキンをはめ直し、内ぶたを洗ってからもう一度お試しください。\n\n' +
      '客：それでも止まったら？\n\n係員：保証期間内ですので、レシートと一緒にお持ちいただければ無償で交換いたします。',
    'ようこそ',
    ['何が悪いのでしょうか', 'それでも止まったら'],
  ],
  [
    'en',
    '**Clerk:** Welcome in, what can I do for you today?\n\n' +
      '**Guest:** The rice cooker I bought last week stops with an error code every single time just before the rice is done. What is wrong with it?\n\n' +
      '**Clerk:** Most often the gasket of the inner lid has slipped and steam escapes. Seat the gasket again and wash the inner lid, then try once more.\n\n' +
      '**Guest:** And if it still stops?\n\n**Clerk:** It is under warranty, so bring it back with the receipt and we will swap it for free.',
    'what can I do for you',
    ['What is wrong with it?', 'And if it still stops?'],
  ],
];

describe('a dialogue opened by an invitation to ask', () => {
  for (const [lang, note, invitation, questions] of NOTES) {
    it(`keeps the questions the other speaker asks, not the invitation (${lang})`, () => {
      const points = pointsOfNote(lang, note);
      expect(points.some((p) => p.includes(invitation))).toBe(false);
      for (const q of questions) expect(points.some((p) => p.includes(q))).toBe(true);
    });
  }

  it('still takes the first speaker as the asker when the reply asks back once (en)', () => {
    const points = pointsOfNote(
      'en',
      '**Guest:** How do I reset the error on my rice cooker after it stops before the rice is done?\n\n' +
        '**Clerk:** Unplug it for a full minute, seat the gasket of the inner lid again, then plug it back in. Which model is it?\n\n' +
        '**Guest:** It is the small three-cup one with the steel lid that I bought in the spring sale last year.\n\n' +
        '**Clerk:** That model also has a reset button under the base: hold it for five seconds.',
    );
    expect(points[0]!.startsWith('How do I reset the error on my rice cooker')).toBe(true);
  });
});
