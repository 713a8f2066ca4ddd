/**
 * A sentence opening on a bare demonstrative leans on the one before it; after small talk given no
 * place ("I completely understand the worry.") it says nothing alone and never leads the summary
 * (README; issue 23, tester 21-2 F8). Before, the opening sentence always led, though it leaned.
 * Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const AFTER_SMALL_TALK: Array<[lang: string, body: string, leaning: string, first: string]> = [
  ['en', 'I completely understand the worry. That is what nearly every new cyclist goes through.\n\nA chain stretches about half a millimetre per link in a year. Replace it before it wears the cassette.', 'nearly every new cyclist', 'A chain stretches about half a millimetre per link in a year.'],
  ['es', 'Entiendo muy bien tu preocupación. Eso es lo que vive casi cualquier ciclista nuevo.\n\nUna cadena se estira medio milímetro por eslabón en un año. Cámbiala antes de que gaste el casete.', 'casi cualquier ciclista', 'Una cadena se estira medio milímetro por eslabón en un año.'],
  ['de', 'Ich verstehe deine Sorge gut. Das ist etwas, das fast jeder neue Radfahrer erlebt.\n\nEine Kette dehnt sich in einem Jahr um einen halben Millimeter pro Glied. Tausche sie, bevor sie die Kassette abnutzt.', 'fast jeder neue Radfahrer', 'Eine Kette dehnt sich in einem Jahr um einen halben Millimeter pro Glied.'],
];

describe('a demonstrative after small talk given no place', () => {
  for (const [lang, body, leaning, first] of AFTER_SMALL_TALK) {
    it(`does not lead the summary alone (${lang})`, () => {
      const points = pointsOfNote(lang, body);
      expect(points[0]).toBe(first);
      expect(points.some((p) => p.includes(leaning))).toBe(false);
    });
  }

  it('still leads when it opens the note with a noun of its own', () => {
    const points = pointsOfNote('en', 'I completely understand the worry. This chain wear is what nearly every new cyclist goes through.\n\nA chain stretches about half a millimetre per link in a year. Replace it before it wears the cassette.');
    expect(points[0]).toBe('This chain wear is what nearly every new cyclist goes through.');
  });
});
