/**
 * "Have you ever wondered why…? This is because…": the reply opens on a pronoun and a copula before
 * its "because" ("C'est parce que…", "这是因为…", "Das liegt daran, dass…", "ऐसा इसलिए है क्योंकि…"),
 * so alone it names nothing; it is shown after the question it answers, never alone. A reply that
 * names its own subject reads alone (issue 23, F7). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(body: string, lang: string): string[] {
  const { note, tokens } = parseNote(`_posts/2025-01-01-ice-${lang}.md`, Buffer.from(`---\ntitle: Ice on lakes\nlang: ${lang}\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

const notes: Array<{ lang: string; question: string; cause: string; named: string; tips: string; causeStart: RegExp }> = [
  {
    lang: 'fr',
    question: "Vous êtes-vous déjà demandé pourquoi un lac gèle d'abord en surface ?",
    cause: "C'est parce que l'eau est la plus dense vers 4 °C et reste au fond.",
    named: "L'eau est la plus dense vers 4 °C et reste au fond.",
    tips: "Ne marchez sur la glace que si elle fait au moins dix centimètres. Évitez les zones près des roseaux.",
    causeStart: /^C'est parce que/,
  },
  {
    lang: 'zh',
    question: '你有没有想过为什么湖面先结冰？',
    cause: '这是因为水在4℃左右密度最大，会沉到湖底。',
    named: '水在4℃左右密度最大，会沉到湖底。',
    tips: '冰层至少十厘米厚才能在上面行走。避开芦苇附近的区域。',
    causeStart: /^这是因为/,
  },
  {
    lang: 'de',
    question: 'Haben Sie sich je gefragt, warum ein See zuerst an der Oberfläche zufriert?',
    cause: 'Das liegt daran, dass Wasser bei etwa 4 °C am dichtesten ist und nach unten sinkt.',
    named: 'Wasser ist bei etwa 4 °C am dichtesten und sinkt nach unten.',
    tips: 'Betreten Sie das Eis erst ab zehn Zentimetern Dicke. Meiden Sie Stellen am Schilf.',
    causeStart: /^Das liegt daran/,
  },
  {
    lang: 'hi',
    question: 'क्या आपने कभी सोचा है कि झील पहले ऊपर से क्यों जमती है?',
    cause: 'ऐसा इसलिए होता है क्योंकि पानी लगभग 4 °C पर सबसे घना होता है और नीचे बैठ जाता है।',
    named: 'पानी लगभग 4 °C पर सबसे घना होता है और नीचे बैठ जाता है।',
    tips: 'बर्फ़ पर तभी चलें जब वह कम से कम दस सेंटीमीटर मोटी हो। सरकंडों के पास के हिस्सों से बचें।',
    causeStart: /^ऐसा इसलिए/,
  },
];

describe('a reply of a pronoun, a copula and "because"', () => {
  for (const n of notes) {
    it(`${n.lang}: is shown after the question it answers, never alone`, () => {
      const shown = points(`${n.question} ${n.cause}\n\n${n.tips}\n`, n.lang);
      expect(shown.every((p) => !n.causeStart.test(p))).toBe(true);
      expect(shown.some((p) => p.startsWith(n.question) && p.endsWith(n.cause))).toBe(true);
    });
    it(`${n.lang}: a reply naming its own subject is shown too`, () => {
      const shown = points(`${n.question} ${n.named}\n\n${n.tips}\n`, n.lang);
      expect(shown.some((p) => p.endsWith(n.named))).toBe(true); // alone, or after its question
    });
  }
});
