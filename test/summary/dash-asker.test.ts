/**
 * A dialogue written with dashes where the one who helps greets first ("— Good evening, what can I do
 * for you?"): the asker is who asks the first question of substance, so their questions are points and
 * the greeting is small talk, as with speaker labels (issue 23, F4). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

const DIALOGUES: Array<[string, string[], string[]]> = [
  [
    'en',
    ['Good evening, what can I do for you?', 'Evening. Is the night train to Vienna still running on Sundays?', 'It is, it leaves at 21:40 from platform 7 and arrives at 09:15 the next morning.', 'Can I bring a bicycle on board?', 'Only in the car at the rear, and you need a bike ticket for 12 euros.'],
    ['Is the night train to Vienna still running on Sundays?', 'Can I bring a bicycle on board?'],
  ],
  [
    'es',
    ['Buenas tardes, ¿qué desea?', 'Buenas. ¿Sigue saliendo el tren nocturno a Viena los domingos?', 'Sí, sale a las 21:40 del andén 7 y llega a las 09:15 de la mañana siguiente.', '¿Puedo subir una bicicleta?', 'Solo en el último vagón, y necesita un billete de bicicleta de 12 euros.'],
    ['¿Sigue saliendo el tren nocturno a Viena los domingos?', '¿Puedo subir una bicicleta?'],
  ],
];

describe('a dash dialogue opened by the one who answers', () => {
  for (const [lang, turns, questions] of DIALOGUES) {
    it(`keeps the asker's questions and leaves the greeting (${lang})`, () => {
      const points = pointsOf(lang, turns.map((t) => `— ${t}`).join('\n\n'));
      for (const q of questions) expect(points.some((p) => p.startsWith(q)), q).toBe(true);
      expect(points).not.toContain(turns[0]);
    });
  }
});
