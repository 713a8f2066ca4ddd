/**
 * A lead-in that only says "as follows" before a list names nothing: the list is named by its
 * heading, as in English ("… is derived as follows:" → "Explanation: …"), in every language, not
 * shown as the preamble ("Le compostage se déroule comme suit : …"). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(lang: string, body: string): string[] {
  const { note, tokens } = parseNote(`_posts/2025-01-01-compost-${lang}.md`, Buffer.from(`---\ntitle: Compost\nlang: ${lang}\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

interface Case {
  lang: string;
  heading: string;
  opening: string;
  leadIn: string;
  /** The words saying "as follows", which no point may show. */
  asFollows: string;
  items: [string, string][];
  closing: string;
}

const CASES: Case[] = [
  {
    lang: 'fr', heading: 'Méthode', asFollows: 'comme suit', leadIn: 'Le compostage se déroule comme suit :',
    opening: 'Le compost mûrit en trois mois dans un bac fermé, à condition de le retourner souvent.',
    items: [['Remplissage du bac', "Alternez les couches de feuilles sèches et de restes de cuisine, sur dix centimètres chacune."], ['Retournement régulier', "Retournez le tas avec une fourche chaque semaine pour l'aérer."], ["Contrôle de l'humidité", 'Arrosez légèrement le tas lorsqu’il devient sec au toucher.']],
    closing: 'Le compost est prêt quand il sent la terre de forêt.',
  },
  {
    lang: 'es', heading: 'Método', asFollows: 'como sigue', leadIn: 'El compostaje se desarrolla como sigue:',
    opening: 'El compost madura en tres meses en un contenedor cerrado, siempre que se voltee a menudo.',
    items: [['Llenado del contenedor', 'Alterne capas de hojas secas y restos de cocina, de diez centímetros cada una.'], ['Volteo regular', 'Voltee la pila con una horca cada semana para airearla.'], ['Control de la humedad', 'Riegue ligeramente la pila cuando esté seca al tacto.']],
    closing: 'El compost está listo cuando huele a tierra de bosque.',
  },
  {
    // A separable verb's particle may close the sentence after "wie folgt".
    lang: 'de', heading: 'Methode', asFollows: 'wie folgt', leadIn: 'Die Kompostierung läuft wie folgt ab:',
    opening: 'Der Kompost reift in drei Monaten in einem geschlossenen Behälter, sofern man ihn oft umsetzt.',
    items: [['Befüllen des Behälters', 'Schichten Sie trockenes Laub und Küchenabfälle abwechselnd, jeweils zehn Zentimeter hoch.'], ['Regelmäßiges Umsetzen', 'Setzen Sie den Haufen jede Woche mit einer Gabel um, damit Luft hineinkommt.'], ['Feuchtigkeit prüfen', 'Gießen Sie den Haufen leicht, wenn er sich trocken anfühlt.']],
    closing: 'Der Kompost ist fertig, wenn er nach Waldboden riecht.',
  },
  {
    lang: 'ar', heading: 'الطريقة', asFollows: 'كما يلي', leadIn: 'تتم عملية التسميد كما يلي:',
    opening: 'ينضج السماد العضوي في ثلاثة أشهر داخل حاوية مغلقة، بشرط تقليبه كثيرًا.',
    items: [['ملء الحاوية', 'ضع طبقات متناوبة من الأوراق الجافة وبقايا المطبخ، بسمك عشرة سنتيمترات لكل طبقة.'], ['التقليب المنتظم', 'قلّب الكومة بالمذراة كل أسبوع لتهويتها.'], ['مراقبة الرطوبة', 'رش الكومة بالماء قليلًا عندما تصبح جافة عند اللمس.']],
    closing: 'يكون السماد جاهزًا عندما تفوح منه رائحة تربة الغابة.',
  },
  {
    lang: 'hi', heading: 'विधि', asFollows: 'निम्नानुसार', leadIn: 'खाद बनाने की प्रक्रिया निम्नानुसार है:',
    opening: 'बंद डिब्बे में खाद तीन महीने में तैयार होती है, बशर्ते उसे अक्सर पलटा जाए।',
    items: [['डिब्बा भरना', 'सूखी पत्तियों और रसोई के कचरे की दस-दस सेंटीमीटर की परतें बारी-बारी से बिछाएँ।'], ['नियमित पलटना', 'हवा के लिए हर हफ़्ते ढेर को काँटे से पलटें।'], ['नमी की जाँच', 'छूने पर सूखा लगे तो ढेर पर हल्का पानी छिड़कें।']],
    closing: 'जब खाद से जंगल की मिट्टी जैसी गंध आए, तब वह तैयार है।',
  },
];

function body(c: Case): string {
  const items = c.items.map(([label, text], i) => `${i + 1}. **${label}**: ${text}`).join('\n');
  return `### ${c.heading}\n\n${c.opening} ${c.leadIn}\n\n${items}\n\n${c.closing}\n`;
}

describe('a lead-in saying only "as follows" names no list, in each language', () => {
  for (const c of CASES) {
    it(`${c.lang}: the list is named by its heading, without "${c.asFollows}"`, () => {
      const got = points(c.lang, body(c));
      const named = got.find((p) => c.items.every(([label]) => p.includes(label)));
      expect(named, got.join('\n')).toBeDefined();
      expect(named!.startsWith(c.heading), named).toBe(true);
      for (const p of got) expect(p).not.toContain(c.asFollows);
    });
  }
});
