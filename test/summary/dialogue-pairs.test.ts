/**
 * A dialogue gives what was asked and the substance of what was answered: a second question and its
 * answer stay points where places are free, though their words come once in the note (they were
 * dropped as naming nothing the note comes back to; issue 23, tester round 13). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

describe('a dialogue of two questions', () => {
  it('keeps the second question and its answer (en)', () => {
    const points = pointsOfNote(
      'en',
      'Q: Which camera should I buy first?\n\nA: Buy a used mirrorless camera first, because the lenses are cheap.\n\n' +
        'Q: How often should I clean the sensor?\n\nA: Once or twice a season is plenty, with a blower before any swab.',
    );
    expect(points.some((p) => p.startsWith('How often should I clean the sensor'))).toBe(true);
    expect(points.some((p) => p.includes('sensor? Once or twice a season'))).toBe(true);
  });

  it('keeps them in Spanish too, and no speaker label', () => {
    const points = pointsOfNote(
      'es',
      'P: ¿Qué cámara debería comprar primero?\n\nR: Compra primero una cámara sin espejo usada, porque los objetivos son baratos.\n\n' +
        'P: ¿Cada cuánto tiempo debo limpiar el sensor?\n\nR: Una o dos veces por temporada es suficiente, con una pera de aire antes de cualquier hisopo.',
    );
    expect(points.some((p) => p.includes('limpiar el sensor'))).toBe(true);
    expect(points.some((p) => p.includes('sensor? Una o dos veces por temporada'))).toBe(true);
    expect(points.some((p) => /^[PR]:/.test(p))).toBe(false);
  });
});
