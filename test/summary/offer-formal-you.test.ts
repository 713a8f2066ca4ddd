/**
 * A sign-off inviting more questions in the formal or familiar "you" is the writer's offer, whatever
 * the sentence it shares a paragraph with (issue 23, tester item F4). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

describe('an offer to answer more questions', () => {
  const cases: Array<[string, string, string, string]> = [
    ['fr', 'Vous compressez les images avant de les envoyer sur le serveur.', "Si vous avez encore des questions, écrivez-moi sans attendre.", 'Le format WebP réduit la taille des fichiers de moitié.'],
    ['fr', 'Tu compresses les images avant de les envoyer sur le serveur.', "N'hésite pas à m'écrire si tu as d'autres doutes.", 'Le format WebP réduit la taille des fichiers de moitié.'],
    ['es', 'Usted comprime las imágenes antes de subirlas al servidor.', 'Puede escribirme cuando quiera si tiene otras preguntas.', 'El formato WebP reduce el tamaño de los archivos a la mitad.'],
    ['de', 'Sie komprimieren die Bilder, bevor Sie sie hochladen.', 'Schreiben Sie mir gern, falls Sie noch Fragen haben.', 'Das Format WebP halbiert die Größe der Dateien.'],
  ];
  for (const [lang, first, offer, third] of cases) {
    it(`is no point (${lang}: ${offer})`, () => {
      const points = pointsOf(lang, `${first} ${offer}\n\n${third}`);
      expect(points).toContain(first);
      expect(points.join('\n')).not.toContain(offer);
    });
  }
});
