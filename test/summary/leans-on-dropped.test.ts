/**
 * A sentence opening with a bare demonstrative ("That is…", "Das ist…", "Eso es…") says what it says
 * of the sentence before it: when that sentence gives no point (the writer's preface, "Here is what
 * happens…"), it is no point either, whatever point came before in the note. And a Spanish
 * "podría" with its own subject ("una copia podría…", it could) is no writer speaking as "I", so
 * the "¿Por qué…? Porque…" pair it answers is kept (issue 23). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';
import { speaksAsI } from '../../src/summary/tone.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(body: string, lang: string): string[] {
  const { note, tokens } = parseNote(`_posts/2025-01-01-cache-${lang}.md`, Buffer.from(`---\ntitle: Browser caches\nlang: ${lang}\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

describe('a sentence leaning on one that gives no point', () => {
  const notes: Array<{ lang: string; body: string; leaning: RegExp }> = [
    {
      lang: 'en',
      body: `A browser cache keeps HTTP responses for as long as their headers allow.

Here is what happens after a deploy. That is a stale cache entry, and the cache serves it until it expires.

Hashed file names give every deploy fresh cache entries. The cache then never serves an old script with new HTML.
`,
      leaning: /^That is/,
    },
    {
      lang: 'de',
      body: `Ein Browser-Cache hält HTTP-Antworten so lange, wie ihre Header es erlauben.

Lassen Sie mich den üblichen Grund für kaputte Seiten nach einem Release erklären. Das ist ein veralteter Cache-Eintrag, und der Cache liefert ihn bis zum Ablauf.

Dateinamen mit Hash geben jedem Deployment frische Cache-Einträge. Der Cache liefert dann nie ein altes Skript zu neuem HTML.
`,
      leaning: /^Das ist/,
    },
  ];
  for (const { lang, body, leaning } of notes) {
    it(`in ${lang}: is no point alone`, () => {
      const got = points(body, lang);
      expect(got.length).toBeGreaterThan(1);
      expect(got.filter((p) => leaning.test(p))).toEqual([]);
    });
  }
});

describe('a Spanish "podría" with a subject of its own', () => {
  it('is no writer speaking as "I"; one without a subject, or after "yo" or the reader\'s pronoun, is', () => {
    expect(speaksAsI('Porque una copia antigua podría servirse durante horas.', 'es')).toBe(false);
    expect(speaksAsI('El navegador podría guardar la respuesta.', 'es')).toBe(false);
    expect(speaksAsI('Podría mostrarle un ejemplo completo.', 'es')).toBe(true);
    expect(speaksAsI('Si quiere, le podría enseñar la configuración.', 'es')).toBe(true);
    expect(speaksAsI('Yo podría revisarlo mañana.', 'es')).toBe(true);
  });

  it('keeps the "¿Por qué…? Porque…" pair, and the sentence leaning on it only after it', () => {
    const got = points(
      `Una caché del navegador guarda las respuestas HTTP mientras sus cabeceras lo permiten.

¿Por qué falla la página justo después de un despliegue? Porque un script con el mismo nombre podría servirse desde la copia antigua. Eso es una entrada caducada, y la caché la sirve hasta que expira.

Los nombres de archivo con hash dan a cada despliegue entradas nuevas. La caché nunca sirve entonces un script viejo con HTML nuevo.
`,
      'es',
    );
    const pair = got.findIndex((p) => /^¿Por qué falla[^?]*\? Porque un script/.test(p));
    expect(pair).toBeGreaterThanOrEqual(0);
    const leaning = got.findIndex((p) => /^Eso es/.test(p));
    if (leaning >= 0) expect(leaning).toBe(pair + 1);
  });
});
