/**
 * A question pointing back ("Why do they…?", "Warum … sie …?", "¿Por qué pasa esto?") followed by its
 * causal answer is one point beside the sentence it points to, in every language alike: English,
 * German and Spanish, whose pronoun is told, lost the pair while French and Chinese kept it (issue 23,
 * tester round 18: F7). The answer ("Because…") never stands alone. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const cases: [lang: string, opening: string, question: string, answer: string, rest: string][] = [
  ['en', 'Sourdough loaves often collapse in the oven.', 'Why do they sink so late?', 'Because the dough rose too long and the gluten can no longer hold the gas.', 'Shorten the final proof by twenty minutes. A colder kitchen also helps the crumb.'],
  ['de', 'Sauerteigbrote fallen im Ofen oft zusammen.', 'Warum sinken sie so spät ein?', 'Weil der Teig zu lange gegangen ist und das Gluten das Gas nicht mehr hält.', 'Verkürzen Sie die letzte Gare um zwanzig Minuten. Eine kühlere Küche hilft der Krume.'],
  ['es', 'Los panes de masa madre se hunden a menudo en el horno.', '¿Por qué pasa esto tan tarde?', 'Porque la masa fermentó demasiado y el gluten ya no retiene el gas.', 'Acorte la fermentación final veinte minutos. Una cocina más fresca también ayuda a la miga.'],
];

describe('a question pointing back, with its causal answer', () => {
  for (const [lang, opening, question, answer, rest] of cases) {
    const points = pointsOfNote(lang, `${opening}\n\n${question} ${answer}\n\n${rest}`);

    it(`is one point, right after the sentence it points to (${lang})`, () => {
      const at = points.indexOf(`${question} ${answer}`);
      expect(at).toBeGreaterThan(0);
      expect(points[at - 1]).toBe(opening);
    });

    it(`never shows the answer alone (${lang})`, () => {
      expect(points.some((p) => p.startsWith(answer.slice(0, 8)))).toBe(false);
    });
  }

  it('is no point when nothing before it could be shown', () => {
    const points = pointsOfNote('en', 'Why do they sink so late? Because the dough rose too long.\n\nShorten the final proof of sourdough loaves by twenty minutes. A colder kitchen also helps the crumb.');
    expect(points.some((p) => p.includes('Because the dough rose'))).toBe(false);
  });
});
