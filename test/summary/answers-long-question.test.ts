/**
 * A question the writer asks and answers at once is shown with its answer; when the pair is longer
 * than a point, an answer that names itself as "the answer" is no point alone (it answers nothing
 * shown), and a Spanish question whose scene is set before its "¿" is shown from there (issue 23,
 * tester-23-2 F9). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const LONG_SCENE_ES =
  'Cuando un tren sale de Madrid a las nueve a 300 kilómetros por hora y otro sale de Barcelona a la misma hora a 250 kilómetros por hora por la misma vía de 620 kilómetros, ¿a qué distancia de Madrid se cruzan los dos trenes?';

describe('an answer after a long question', () => {
  it('is shown after the question proper, from its "¿" (es)', () => {
    const points = pointsOfNote('es', `${LONG_SCENE_ES} La respuesta es sencilla: a unos 338 kilómetros de Madrid.\n\nEl cálculo solo suma las dos velocidades.`);
    expect(points).toContain('¿A qué distancia de Madrid se cruzan los dos trenes? La respuesta es sencilla: a unos 338 kilómetros de Madrid.');
  });

  it('is no point alone when it names itself the answer and the pair is too long (en)', () => {
    const question =
      'Suppose a train leaves London at nine at 300 kilometres an hour, and another leaves Edinburgh at the same time at 250 kilometres an hour on the same 640 kilometre line, so where exactly do the two trains finally meet each other?';
    const points = pointsOfNote('en', `${question} The answer is simple: about 349 kilometres from London.\n\nThe sum of the two speeds is all it takes.`);
    expect(points.some((p) => p.startsWith('The answer is simple'))).toBe(false);
  });
});
