/**
 * Filler told by its structure, not its phrases (issue 23, tester 17-2 F9): the note's first
 * sentence reacting to the question before the note (an interjection, then a bare pronoun pointing at
 * nothing yet), a closing imperative asking the reader to write back, and a closing sign-off line
 * of a few words are no points. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const NOTES: Array<[lang: string, body: string, filler: string[], kept: string]> = [
  [
    'en',
    'Ah, that one trips up lots of gardeners, really. Yellow tomato leaves mostly mean the soil lacks nitrogen. Feed the plants a balanced fertiliser every two weeks.\n\n' +
      'Watering at noon scorches the leaves as well. Water at the roots in the early morning.\n\nFingers crossed for a red harvest! Write me how the plants do 🍅\n\nHappy gardening 🌱',
    ['trips up', 'Write me', 'Happy gardening'],
    'Yellow tomato leaves mostly mean the soil lacks nitrogen.',
  ],
  [
    'de',
    'Tja, das passiert fast allen Gärtnern irgendwann. Gelbe Tomatenblätter bedeuten meist, dass dem Boden Stickstoff fehlt. Dünge die Pflanzen alle zwei Wochen.\n\n' +
      'Gießen in der Mittagssonne verbrennt die Blätter zusätzlich. Gieß morgens direkt an die Wurzeln.\n\nErzähl mir, wie die Ernte wird!',
    ['passiert fast allen', 'Erzähl mir'],
    'Gelbe Tomatenblätter bedeuten meist, dass dem Boden Stickstoff fehlt.',
  ],
  [
    'es',
    'Vaya, eso le pasa a casi todo el mundo. Las hojas amarillas del tomate suelen indicar que falta nitrógeno en la tierra. Abona las plantas cada dos semanas.\n\n' +
      'Regar a mediodía quema además las hojas. Riega temprano y directamente en las raíces.\n\n¡Ojalá tengas una buena cosecha! Avísame cómo te va.',
    ['le pasa a casi todo', 'Avísame'],
    'Las hojas amarillas del tomate suelen indicar que falta nitrógeno en la tierra.',
  ],
  [
    'fr',
    'Ah, ça arrive à presque tous les jardiniers. Des feuilles de tomate jaunes signifient surtout que le sol manque d’azote. Nourrissez les plants toutes les deux semaines.\n\n' +
      'Arroser à midi brûle aussi les feuilles. Arrosez au pied tôt le matin.\n\nBonne récolte ! Dites-moi comment ça pousse.',
    ['presque tous les jardiniers', 'Dites-moi'],
    'Des feuilles de tomate jaunes signifient surtout que le sol manque d’azote.',
  ],
];

describe('filler told by its structure', () => {
  for (const [lang, body, filler, kept] of NOTES) {
    it(`is no point, and the substance is (${lang})`, () => {
      const points = pointsOfNote(lang, body);
      for (const f of filler) expect(points.some((p) => p.includes(f)), f).toBe(false);
      expect(points).toContain(kept);
    });
  }

  it('keeps a first sentence naming what it points at, and a closing statement', () => {
    const points = pointsOfNote(
      'en',
      'Well, this guide covers pruning, feeding and watering tomatoes. Pinch out side shoots every week.\n\nFeed with a potash fertiliser once flowers appear.\n\nTomatoes ripen faster when the lowest leaves are removed.',
    );
    expect(points[0]).toContain('this guide covers pruning, feeding and watering tomatoes');
    expect(points).toContain('Tomatoes ripen faster when the lowest leaves are removed.');
  });
});
