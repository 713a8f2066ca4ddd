/**
 * A note opening on a ranking of the question among others ("This is one of the most frequent
 * questions…", "Es una de las preguntas más repetidas…") remarks on the asking: no point (README;
 * issue 23, tester 21-2 F3), also after a first sentence given no point ("Sure! This is one of…").
 * Before, it led the summary in six languages. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const RANKING: Array<[lang: string, body: string, ranking: string, first: string]> = [
  ['en', 'That is easily one of the most frequent questions from new gardeners. Tomatoes need six hours of sun a day.\n\nWater them at the roots in the morning.', 'frequent questions', 'Tomatoes need six hours of sun a day.'],
  ['es', 'Es una de las preguntas más repetidas entre jardineros novatos. Los tomates necesitan seis horas de sol al día.\n\nRiégalos en la raíz por la mañana.', 'preguntas', 'Los tomates necesitan seis horas de sol al día.'],
  ['de', 'Das ist eine der typischen Fragen im ersten Gartenjahr. Tomaten brauchen sechs Stunden Sonne am Tag.\n\nGießen Sie morgens an der Wurzel.', 'Fragen', 'Tomaten brauchen sechs Stunden Sonne am Tag.'],
  ['en', 'Good question. That is one of the classic questions of a first garden. Tomatoes need six hours of sun a day.\n\nWater them at the roots in the morning.', 'classic questions', 'Tomatoes need six hours of sun a day.'],
  ['es', '¡Claro! Es una de las dudas típicas del primer huerto. Los tomates necesitan seis horas de sol al día.\n\nRiégalos en la raíz por la mañana.', 'dudas', 'Los tomates necesitan seis horas de sol al día.'],
  ['hi', 'ज़रूर! बागवानी शुरू करने वालों के लिए यह सबसे आम प्रश्नों में से एक है। टमाटर को दिन में छह घंटे धूप चाहिए।\n\nसुबह जड़ों में पानी दें।', 'प्रश्नों', 'टमाटर को दिन में छह घंटे धूप चाहिए।'],
  ['hi', 'बागवानी शुरू करने पर यह सबसे आम सवालों में से एक है। टमाटर को दिन में छह घंटे धूप चाहिए।\n\nसुबह जड़ों में पानी दें।', 'सवालों', 'टमाटर को दिन में छह घंटे धूप चाहिए।'],
];

describe('a note opening on a ranking of the question', () => {
  for (const [lang, body, ranking, first] of RANKING) {
    it(`leaves the ranking out (${lang}: ${ranking})`, () => {
      const points = pointsOfNote(lang, body);
      expect(points[0]).toBe(first);
      expect(points.some((p) => p.includes(ranking))).toBe(false);
    });
  }

  it('keeps an opening that ranks a thing of the note, not the question', () => {
    const points = pointsOfNote('en', 'This is one of the most common tomato diseases in humid summers. Remove the spotted leaves at once.\n\nWater them at the roots in the morning.');
    expect(points[0]).toBe('This is one of the most common tomato diseases in humid summers.');
  });
});
