/**
 * An asker's indirect yes/no question in a past or perfect form, or with an adverb before its "if"
 * ("Ich habe mich auch gefragt, ob…", "Me pregunté también si…", "मैं सोच रहा था कि क्या…"), is
 * asked: the reply "Only if…" is shown after it, never alone. A statement in the same frame ("I was
 * thinking that…") asks nothing (issue 23, F10). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(body: string, lang: string): string[] {
  const { note, tokens } = parseNote(`_posts/2025-01-01-bike-${lang}.md`, Buffer.from(`---\ntitle: Bike chain\nlang: ${lang}\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

const notes: Array<{ lang: string; a: string; b: string; why: string; cause: string; asks: string; says: string; only: string }> = [
  {
    lang: 'de', a: 'Jonas', b: 'Werkstatt',
    why: 'Ich wollte wissen, warum meine Kette beim Schalten springt.',
    cause: 'Die Kette ist gelängt und greift nicht mehr sauber in die Ritzel. Das merkt man vor allem an den kleinen Ritzeln.',
    asks: 'Ich habe mich auch gefragt, ob ich die Kassette tauschen muss.',
    says: 'Ich habe die Kassette letzten Monat getauscht.',
    only: 'Nur wenn die Zähne schon spitz abgenutzt sind.',
  },
  {
    lang: 'es', a: 'Lucía', b: 'Taller',
    why: 'Quería saber por qué mi cadena salta al cambiar de marcha.',
    cause: 'La cadena está estirada y ya no engrana bien en los piñones. Se nota sobre todo en los piñones pequeños.',
    asks: 'Me pregunté también si debo cambiar el cassette.',
    says: 'Cambié el cassette el mes pasado.',
    only: 'Solo si los dientes ya están gastados en punta.',
  },
  {
    lang: 'hi', a: 'रवि', b: 'मिस्त्री',
    why: 'मैं जानना चाहता था कि गियर बदलते समय मेरी चेन क्यों उछलती है।',
    cause: 'चेन खिंच गई है और स्प्रोकेट में ठीक से नहीं बैठती। यह छोटे स्प्रोकेट पर सबसे ज़्यादा दिखता है।',
    asks: 'मैं सोच रहा था कि क्या कैसेट भी बदलनी होगी।',
    says: 'मैं सोच रहा था कि कैसेट पिछले महीने बदली थी।',
    only: 'सिर्फ़ तब जब दाँत नुकीले घिस चुके हों।',
  },
];

function dialogue(n: (typeof notes)[number], second: string): string {
  return [`**${n.a}:** ${n.why}`, `**${n.b}:** ${n.cause}`, `**${n.a}:** ${second}`, `**${n.b}:** ${n.only}`].join('\n\n') + '\n';
}

describe('an indirect yes/no question in a past form or with an adverb', () => {
  for (const n of notes) {
    it(`${n.lang}: its reply "Only if…" is shown after it, never alone`, () => {
      const shown = points(dialogue(n, n.asks), n.lang);
      expect(shown).not.toContain(n.only);
      expect(shown.some((p) => p.includes(n.asks) && p.endsWith(n.only))).toBe(true);
    });
    it(`${n.lang}: a statement in the same frame asks nothing`, () => {
      const shown = points(dialogue(n, n.says), n.lang);
      expect(shown.some((p) => p.includes(n.says) && p.endsWith(n.only))).toBe(false);
    });
  }
});
