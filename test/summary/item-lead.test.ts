/**
 * A list item too long for one point and with no label of its own is shown by its lead, with the
 * sentences after it that fit: one of its later sentences alone ("Rinse the filter on Fridays…")
 * stood for it, and what the item tells the reader to do was lost (issue 23). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';
import { leadingSentences } from '../../src/summary/sentences.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(body: string, lang: string): string[] {
  const { note, tokens } = parseNote(`_posts/2025-01-01-aquarium-${lang}.md`, Buffer.from(`---\ntitle: Aquarium care\nlang: ${lang}\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

describe('a long unlabelled list item', () => {
  const notes = [
    {
      lang: 'en',
      body: `Three chores keep a freshwater aquarium clear.

- Change a quarter of the water every week with a siphon that also lifts waste from the gravel. The filter still clogs with sludge, which the water change never reaches on its own. Rinse the filter on Fridays in old tank water, so the bacteria living in it survive the rinse.
- Check the heater, because a stuck thermostat cooks the fish within a day. Keep a thermometer at the far end of the tank and look at it every morning.
- Trim the plants each month before they shade the floor.
`,
      lead: /^Change a quarter of the water every week/,
      later: /^Rinse the filter on Fridays/,
    },
    {
      lang: 'de',
      body: `Drei Aufgaben halten ein Aquarium klar.

- Wechseln Sie jede Woche ein Viertel des Wassers. Der Filter verstopft trotzdem mit Schlamm, den der Wasserwechsel nie erreicht. Spülen Sie den Filter freitags in altem Aquarienwasser, damit die Bakterien darin überleben.
- Prüfen Sie den Heizstab. Ein klemmender Thermostat kocht die Fische an einem Tag. Legen Sie ein Thermometer ans andere Ende des Aquariums.
- Testen Sie das Wasser jeden Monat mit einem Teststreifen.
`,
      lead: /^Wechseln Sie jede Woche ein Viertel des Wassers\./,
      later: /^Spülen Sie den Filter freitags/,
    },
  ];
  for (const { lang, body, lead, later } of notes) {
    it(`in ${lang}: is shown by its lead, not by a later sentence alone`, () => {
      const got = points(body, lang);
      expect(got.filter((p) => lead.test(p))).toHaveLength(1);
      expect(got.filter((p) => later.test(p))).toEqual([]);
    });
  }
});

describe('leadingSentences', () => {
  it('takes the first sentence and those after it that fit, CJK ones joined without a space', () => {
    const fits = (s: string) => s.length <= 30;
    expect(leadingSentences(['Short one.', 'Another one.', 'A third that does not fit.'], fits)).toEqual({ text: 'Short one. Another one.', count: 2 });
    expect(leadingSentences(['这是第一句。', '这是第二句。'], fits)).toEqual({ text: '这是第一句。这是第二句。', count: 2 });
    expect(leadingSentences(['A first sentence far too long to fit in.'], fits)).toEqual({ text: 'A first sentence far too long to fit in.', count: 1 });
    expect(leadingSentences([], fits)).toEqual({ text: undefined, count: 0 });
  });
});
