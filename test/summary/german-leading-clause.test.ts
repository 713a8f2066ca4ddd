/**
 * German puts the finite verb second: a leading subordinate clause that speaks to the asker ("Wie Sie
 * vermuten, …") fills the place before the verb, and cutting it leaves the verb first, which reads as a
 * question. Such a sentence stays whole, as English keeps "As you suspect, …" (issue 23, tester item F5).
 * Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

describe('a German leading clause to the asker', () => {
  const sentences = [
    'Wie Sie schon vermuten, steckt der Fehler in der Konfiguration der Datenbank.',
    'Da du den Index neu gebaut hast, laufen die Abfragen jetzt deutlich schneller.',
    'Sie verschlüsseln die Sicherung, bevor Sie sie auf den Server laden.',
  ];
  for (const sentence of sentences) {
    it(`keeps its verb second (${sentence})`, () => {
      const body = `${sentence}\n\nDer Dienst startet nach jeder Änderung der Datei automatisch neu.`;
      expect(pointsOf('de', body)).toContain(sentence);
    });
  }
});
