/**
 * A sentence that a point worth showing leans on ("Readers now get every title…" before "This ended a
 * queue…") keeps its place, though its own words come once: the leaning sentence is shown only right
 * after it, and left at no worth it took that one down too, and the note lost its news (issue 23).
 * Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(body: string, lang: string): string[] {
  const { note, tokens } = parseNote(`_posts/2025-01-01-loans-${lang}.md`, Buffer.from(`---\ntitle: Library loans\nlang: ${lang}\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

describe('a sentence the next one leans on', () => {
  const notes = [
    {
      lang: 'en',
      body: `In a March 2026 release, the Oakfield library changed how members borrow e-books on Android. Readers now get every title from the regional catalogue without a waiting list. This ended a queue that members had complained about for three years.

The change follows a survey. It was presented to the Oakfield council and applied to all branches within a month.

Critics say it came too late. Libraries near Oakfield still lend no e-books on Android at all.
`,
      leanedOn: 'Readers now get every title from the regional catalogue without a waiting list.',
      leaning: 'This ended a queue that members had complained about for three years.',
    },
    {
      lang: 'de',
      body: `Im März 2026 änderte die Bibliothek Oakfield, wie Mitglieder E-Books auf Android ausleihen. Leser bekommen jetzt jeden Titel aus dem regionalen Katalog ohne Warteliste. Dies beendete eine Schlange, über die sich Mitglieder drei Jahre lang beschwert hatten.

Die Änderung folgt einer Umfrage. Sie wurde dem Rat von Oakfield vorgestellt und binnen eines Monats in allen Filialen eingeführt.

Kritiker sagen, sie kam zu spät. Bibliotheken bei Oakfield verleihen auf Android noch immer keine E-Books.
`,
      leanedOn: 'Leser bekommen jetzt jeden Titel aus dem regionalen Katalog ohne Warteliste.',
      leaning: 'Dies beendete eine Schlange, über die sich Mitglieder drei Jahre lang beschwert hatten.',
    },
  ];
  for (const { lang, body, leanedOn, leaning } of notes) {
    it(`in ${lang}: keeps its place, and the one leaning on it is shown right after it`, () => {
      const got = points(body, lang);
      const at = got.indexOf(leanedOn);
      expect(at).toBe(1);
      expect(got[at + 1]).toBe(leaning);
    });
  }
});
