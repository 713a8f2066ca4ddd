/**
 * A table of figures whose subjects are its columns, whatever its corner cell says ("| Tariff | Day |
 * Week | Year |", "| | Tram | Bus |", "| Kriterium | … |"): each row holds one measure in the same
 * shape ("€3 · €12 · €290") and each column mixes them. Its subjects are named in one point with the
 * row that tells them apart, and that row is not a point again (tester 21-2 F13: "Price: 300 € · 450 €"
 * with no subject named, or the row twice). A table of records, one measure a column ("| Station | Riders |
 * Opened |"), keeps its rows' subjects. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const tables = [
  { lang: 'en', table: '| Ticket | Day | Week | Year |\n|---|---|---|---|\n| Price | €3 | €12 | €290 |\n| Trips | 10 | 70 | 3650 |\n| Refund | 0 % | 20 % | 50 % |', subjects: ['Day', 'Week', 'Year'], row: 'Price' },
  { lang: 'de', table: '| Kriterium | Tram | Bus |\n|---|---|---|\n| Takt | 5 min | 12 min |\n| Sitzplätze | 80 Plätze | 40 Plätze |\n| Fahrpreis | 2,90 € | 2,40 € |', subjects: ['Tram', 'Bus'], row: 'Takt' },
  { lang: 'zh', table: '| | 日票 | 周票 | 年票 |\n|---|---|---|---|\n| 价格 | 3欧元 | 12欧元 | 290欧元 |\n| 次数 | 10次 | 70次 | 3650次 |\n| 退款 | 0% | 20% | 50% |', subjects: ['日票', '周票', '年票'], row: '价格' },
];

describe('a table of figures whose subjects are its columns', () => {
  for (const { lang, table, subjects, row } of tables) {
    it(`in ${lang}: names them once, with a telling row not repeated`, () => {
      const got = pointsOfNote(lang, table);
      const named = got.filter((p) => subjects.every((s) => p.includes(s)) && p.includes(row));
      expect(named.length).toBeGreaterThanOrEqual(1);
      expect(got.filter((p) => p.includes(row))).toHaveLength(1);
    });
  }
  it('a table of records, one measure a column, is named by its rows, not its columns', () => {
    for (const [lang, table, rows, columns] of [
      ['en', '| Station | Riders | Opened |\n|---|---|---|\n| Harbour | 12,000 | 1998 |\n| Old Town | 9,500 | 2004 |\n| Airport | 7,200 | 2011 |\n| Stadium | 3,100 | 2016 |', 'Station: Harbour, Old Town, Airport, Stadium', 'Riders, Opened'],
      ['de', '| Haltestelle | Fahrgäste | Eröffnet |\n|---|---|---|\n| Hafen | 12.000 | 1998 |\n| Altstadt | 9.500 | 2004 |\n| Flughafen | 7.200 | 2011 |\n| Stadion | 3.100 | 2016 |', 'Haltestelle: Hafen, Altstadt, Flughafen, Stadion', 'Fahrgäste, Eröffnet'],
    ] as const) {
      const got = pointsOfNote(lang, table);
      expect(got).toContain(rows);
      expect(got.some((p) => p.includes(columns))).toBe(false);
    }
  });
});
