/**
 * The formal "you" acting in a series of predicates (issue 23, F7): "Sie …", "Usted …", "Vous …"
 * say the subject as English does, so the point keeps the subject and first action, never
 * "Warten …" or "Soulevez …" alone. A reply clause ("Sie haben recht, …") still goes. Notes written
 * for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';
import { actsInSeries } from '../../src/summary/predicate-series.js';

/** The note's points; English unless told. */
const pointsOf = (body: string, lang = 'en'): string[] => pointsOfNote(lang, body);

const SERIES: Array<[string, string, string]> = [
  ['de', 'Sie öffnen die Klappe, nehmen den Filter heraus, spülen ihn unter warmem Wasser und setzen ihn wieder ein.', 'Der Trockner läuft danach wieder leiser.'],
  ['es', 'Usted desenchufa la secadora, espera un minuto, la vuelve a enchufar y espera a que se encienda la pantalla.', 'La secadora funciona luego con menos ruido.'],
  ['fr', 'Vous ouvrez le capot, sortez le filtre, le rincez à l’eau tiède et le remettez en place.', 'Le sèche-linge tourne ensuite moins fort.'],
];

describe('the formal "you" acting in a series', () => {
  it.each(SERIES)('(%s) keeps the subject and first action', (lang, series, after) => {
    const got = pointsOf(`${series} ${after}\n`, lang);
    expect(got, got.join(' | ')).toContain(series);
  });

  it('tells a series from a reply clause by grammar', () => {
    expect(actsInSeries('Sie haben recht, starten Sie den Server neu und prüfen Sie die Logs.', 'de')).toBe(false);
    expect(actsInSeries('Usted tiene razón, reinicie el servidor y revise los registros.', 'es')).toBe(false);
    expect(actsInSeries('Vous avez raison, redémarrez le serveur et lisez les journaux.', 'fr')).toBe(false);
    expect(actsInSeries('Du öffnest die Klappe, nimmst den Filter heraus und spülst ihn.', 'de')).toBe(true);
  });
});
