/**
 * A section's point that opens with a bare pronoun ("It keeps…", "इसमें…", "… hält es …") never names
 * the section's subject alone: under a heading it comes only right after the sentence it leans on
 * (issue 23). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(body: string, lang: string): string[] {
  const { note, tokens } = parseNote(`_posts/2025-01-01-note-${lang}.md`, Buffer.from(body), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

/** Sections of two sentences each: the subject named, then a longer sentence about it through a pronoun. */
function note(lang: string, overview: string, sections: Array<[string, string, string]>): string {
  const parts = sections.map(([h, named, leaning]) => `## ${h}\n\n${named} ${leaning}`);
  return `---\ntitle: "T"\nlang: ${lang}\n---\n\n${overview}\n\n${parts.join('\n\n')}\n`;
}

const cases: Array<{ lang: string; overview: string; sections: Array<[string, string, string]> }> = [
  {
    lang: 'en',
    overview: 'This post compares three garden composting methods and what each costs in time and space.',
    sections: [
      ['Hot heap', 'A hot heap is turned every few days.', 'It reaches 60 °C within a week and kills most weed seeds and pathogens in the pile.'],
      ['Worm bin', 'A worm bin sits under the kitchen sink.', 'It turns vegetable scraps into rich castings in about three months with no smell at all.'],
      ['Bokashi', 'Bokashi ferments scraps in a sealed bucket.', 'It accepts meat and dairy, which neither of the other methods handles, and needs a bran starter.'],
    ],
  },
  {
    lang: 'hi',
    overview: 'इस लेख में हम तीन भारतीय मसालों को देखेंगे।',
    sections: [
      ['हल्दी', 'हल्दी एक पीली जड़ है।', 'इसमें करक्यूमिन होता है जो सूजन कम करने में मदद करता है और रंग भी देता है।'],
      ['जीरा', 'जीरा एक छोटा बीज है।', 'इसका तड़का दाल और सब्ज़ी में खुशबू और स्वाद दोनों लाता है और पाचन में सहायक है।'],
      ['इलायची', 'इलायची एक हरी फली है।', 'इसकी खुशबू चाय और मिठाइयों में बहुत पसंद की जाती है और यह महंगी होती है।'],
    ],
  },
  {
    lang: 'de',
    overview: 'Hier vergleichen wir drei Editoren für große Textdateien.',
    sections: [
      ['Vim', 'Vim läuft in jedem Terminal.', 'Auch bei Dateien mit mehreren Gigabyte bleibt es schnell und braucht kaum Arbeitsspeicher dafür.'],
      ['Emacs', 'Emacs lässt sich mit Lisp erweitern.', 'Mit dem Paket vlf kann es sehr große Dateien stückweise öffnen und bearbeiten.'],
      ['Sublime', 'Sublime Text ist ein grafischer Editor.', 'Für die kommerzielle Nutzung ist er kostenpflichtig, die Testversion läuft aber unbegrenzt.'],
    ],
  },
];

describe('a section point opening with a bare pronoun', () => {
  for (const { lang, overview, sections } of cases) {
    it(`comes only after the sentence naming its subject (${lang})`, () => {
      const got = points(note(lang, overview, sections), lang);
      for (const [, named, leaning] of sections) {
        const k = got.indexOf(leaning);
        if (k >= 0) expect(got[k - 1], `${leaning} alone in ${JSON.stringify(got)}`).toBe(named);
      }
      // Not vacuous: sections are covered, by the sentences that name them.
      expect(sections.filter(([, named]) => got.includes(named)).length, JSON.stringify(got)).toBeGreaterThanOrEqual(2);
    });
  }
});
