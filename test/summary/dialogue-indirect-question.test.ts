/**
 * A dialogue whose asker puts their question indirectly, with no "?" ("I'd like to know whether…"): the
 * greeting and offer of help before it is small talk, as before a direct question, and no point
 * (issue 23, tester item F6). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

describe('a dialogue opened by an indirect question', () => {
  const cases: Array<[string, string, string, string]> = [
    ['en', 'Hello there, what can I do for you today?', 'I would like to know whether solar panels still work under heavy snow.', 'Only partly, because snow blocks most of the light until it slides off the tilted glass. A panel cleared by hand produces again within the hour.'],
    ['de', 'Guten Tag, womit kann ich Ihnen helfen?', 'Ich möchte wissen, ob Solarmodule unter einer dicken Schneedecke noch Strom liefern.', 'Nur wenig, denn der Schnee hält fast das ganze Licht ab, bis er vom geneigten Glas rutscht. Ein geräumtes Modul liefert innerhalb einer Stunde wieder Strom.'],
    ['es', 'Hola, ¿qué puedo hacer por usted?', 'Me gustaría saber si los paneles solares funcionan bajo mucha nieve.', 'Solo en parte, porque la nieve bloquea casi toda la luz hasta que resbala del cristal inclinado. Un panel limpiado a mano vuelve a producir en una hora.'],
  ];
  for (const [lang, greeting, asked, answer] of cases) {
    it(`leaves the greeting out (${lang})`, () => {
      const points = pointsOf(lang, [`— ${greeting}`, `— ${asked}`, `— ${answer}`].join('\n\n'));
      expect(points.join('\n')).not.toContain(greeting);
      expect(points.join('\n')).toContain(asked);
    });
  }
});
