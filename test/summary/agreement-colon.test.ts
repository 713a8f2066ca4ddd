/**
 * "You are right" before a colon is agreement with the asker, as before a comma: the point is what
 * follows the colon (issue 23, tester 21-2, F16). Before, the colon kept the whole sentence, agreement
 * first. So does a clause crediting the reader with what follows ("As you rightly noticed, …"), which
 * the comma kept as a subordinate clause. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const AGREEING: Array<[lang: string, body: string, substance: string]> = [
  ['en', 'You are quite right: the cache expires after ten minutes of silence. A restart clears it at once.\n\nKeep the limit low on small servers.', 'The cache expires after ten minutes of silence.'],
  ['es', 'Tienes razón: la caché caduca tras diez minutos sin uso. Un reinicio la vacía al momento.\n\nMantén el límite bajo en servidores pequeños.', 'La caché caduca tras diez minutos sin uso.'],
  ['de', 'Da hast du völlig recht: Der Cache läuft nach zehn Minuten ohne Zugriff ab. Ein Neustart leert ihn sofort.', 'Der Cache läuft nach zehn Minuten ohne Zugriff ab.'],
  ['fr', 'Vous avez raison : le cache expire après dix minutes sans accès. Un redémarrage le vide aussitôt.', 'Le cache expire après dix minutes sans accès.'],
];

describe('agreement with the asker before a colon', () => {
  for (const [lang, body, substance] of AGREEING) {
    it(`gives way to what follows the colon (${lang})`, () => {
      expect(pointsOfNote(lang, body)[0]).toBe(substance);
    });
  }

  it('keeps a colon after a clause of the note’s own, and agreement followed by too little', () => {
    const own = pointsOfNote('en', 'The right setting is short: the cache expires after ten minutes of silence. A restart clears it at once.');
    expect(own[0]).toBe('The right setting is short: the cache expires after ten minutes of silence.');
    const short = pointsOfNote('es', 'Tienes razón: sí. La caché caduca tras diez minutos sin uso.');
    expect(short.some((p) => p === 'Sí.')).toBe(false);
  });
});

const CREDITING: Array<[lang: string, body: string, substance: string]> = [
  ['en', 'As you correctly guessed, the cache expires after ten minutes of silence. A restart clears it at once.', 'The cache expires after ten minutes of silence.'],
  ['fr', 'Comme vous l’avez bien vu, le cache expire après dix minutes sans accès. Un redémarrage le vide aussitôt.', 'Le cache expire après dix minutes sans accès.'],
  ['es', 'Como bien has visto, la caché caduca tras diez minutos sin uso. Un reinicio la vacía al momento.', 'La caché caduca tras diez minutos sin uso.'],
];

describe('a clause crediting the reader with what follows', () => {
  for (const [lang, body, substance] of CREDITING) {
    it(`gives way to what follows its comma (${lang})`, () => {
      expect(pointsOfNote(lang, body)[0]).toBe(substance);
    });
  }

  it('keeps an "as" clause of the note’s own', () => {
    const points = pointsOfNote('en', 'As the cache grows past its limit, the oldest entries expire first. A restart clears it at once.');
    expect(points[0]).toBe('As the cache grows past its limit, the oldest entries expire first.');
  });
});
