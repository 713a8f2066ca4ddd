/**
 * A reaction before a colon at the note's start gives way to what follows the colon (issue 23,
 * tester 21-2, F1/F2): when the substance is a short command in code ("Oh, that's easy: run `…`."),
 * when the remark only judges the thing easy or common with a noun or a longer clause ("Ah, the fix is
 * simple:", "Oh, das ist ein typisches Problem:", "それはよくある…"), and after an interjection of a few
 * words ("Oh là là, …"). Before, such a sentence was either dropped whole, with its command, or kept with
 * the reaction at its start. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const AFTER_COLON: Array<[lang: string, body: string, substance: string]> = [
  ['en', 'Oh, that’s simple: run `pump --psi 80`.\n\nThe tyre holds its shape on gravel. Let some air out for sand.', 'Run pump --psi 80.'],
  ['es', 'Ay, eso es sencillo: escribe `pump --psi 80`.\n\nLa rueda mantiene su forma en la grava. Saca algo de aire para la arena.', 'Escribe pump --psi 80.'],
  ['zh', '嗯，这个容易：输入 `pump --psi 80` 即可。\n\n轮胎在碎石路上保持形状。在沙地上放掉一些气。', '输入 pump --psi 80 即可。'],
  ['en', 'Ah, the trick is easy: oil the chain after every wet ride. Dry links rust within a week.\n\nWipe the extra oil away.', 'Oil the chain after every wet ride.'],
  ['ar', 'أوه، الحل سهل: نظّف السلسلة بعد كل رحلة ممطرة. تصدأ الحلقات الجافة خلال أسبوع.\n\nامسح الزيت الزائد.', 'نظّف السلسلة بعد كل رحلة ممطرة.'],
  ['de', 'Ach, das ist ein typisches Problem: Die Kette ist nach dem Regen trocken. Ölen Sie jedes Glied einzeln.\n\nWischen Sie das überschüssige Öl ab.', 'Die Kette ist nach dem Regen trocken.'],
  ['ja', 'うーん、それはよくある悩みです：雨のあとでチェーンが乾いているのです。各リンクに油を差してください。', '雨のあとでチェーンが乾いているのです。'],
  ['fr', 'Oh là là, c’est classique : la chaîne sèche après la pluie. Huilez chaque maillon.\n\nEssuyez l’excès d’huile.', 'La chaîne sèche après la pluie.'],
];

describe('a reaction before a colon at the note’s start', () => {
  for (const [lang, body, substance] of AFTER_COLON) {
    it(`gives the substance after the colon as the first point (${lang}: ${substance})`, () => {
      expect(pointsOfNote(lang, body)[0]).toBe(substance);
    });
  }

  it('keeps a remark before the colon that says something of its own', () => {
    const en = pointsOfNote('en', 'Note, the order matters: oil the chain before you wipe it. Dry links rust within a week.\n\nWipe the extra oil away.');
    expect(en[0]).toBe('Note, the order matters: oil the chain before you wipe it.');
    const de = pointsOfNote('de', 'Ach, die Kette von 2019 ist schwer: Sie wiegt 300 Gramm mehr als die neue. Ölen Sie jedes Glied einzeln.');
    expect(de[0]).toContain('2019');
  });

  it('does not take a single word after the colon for the substance', () => {
    const points = pointsOfNote('en', 'Oh, that’s easy: yes. Oil the chain after every wet ride.\n\nWipe the extra oil away.');
    expect(points.some((p) => p === 'Yes.')).toBe(false);
  });
});
