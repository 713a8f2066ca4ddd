/**
 * The default templates reproduce the fixed renderers' messages exactly, for every note of the
 * corpus (with and without other languages), and so do the example files under config/templates/.
 */
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDiscordMessage } from '../../src/render/discord.js';
import { renderTelegramMessage, TELEGRAM_MAX_TEXT, telegramVisibleText } from '../../src/render/telegram.js';
import { Templates } from '../../src/render/templates/compile.js';
import { payloadsFor } from '../../src/render/templates/payloads.js';
import type { AlsoIn } from '../../src/store/types.js';
import type { Summary } from '../../src/summary/build.js';
import { REPO_ROOT } from '../helpers/corpus.js';
import { corpusSummaries } from '../helpers/corpus-summaries.js';

interface Case {
  id: string;
  summary: Summary;
  alsoIn: AlsoIn[];
}

let cases: Case[] = [];

beforeAll(async () => {
  const read = await corpusSummaries();
  // Each note with its family's other languages, as a family announcement carries them.
  cases = read.map(({ note, summary }) => ({
    id: note.id,
    summary,
    alsoIn: read.filter((o) => o.note.translationKey === note.translationKey && o.note.id !== note.id).map((o) => ({ label: o.note.lang, ...(o.note.url ? { url: o.note.url } : {}) })),
  }));
});

describe('default templates over the corpus', () => {
  it('Discord and Telegram payloads equal the fixed renderers', () => {
    const route = Templates.defaults().global;
    expect(cases.length).toBeGreaterThan(50);
    expect(cases.some((c) => c.alsoIn.length > 0)).toBe(true);
    let compared = 0;
    for (const c of cases) {
      for (const alsoIn of [[], c.alsoIn]) {
        const got = payloadsFor({ summary: c.summary, alsoIn }, route);
        expect(got.discord, c.id).toStrictEqual(renderDiscordMessage(c.summary, alsoIn));
        expect(got.telegram, c.id).toStrictEqual(renderTelegramMessage(c.summary, alsoIn));
        compared++;
      }
    }
    expect(compared).toBe(cases.length * 2);
  });

  it('the example files under config/templates/ give the same payloads as the defaults', () => {
    const files = Templates.fromConfig(
      { templates: { discord: { file: path.join(REPO_ROOT, 'config/templates/discord.liquid') }, telegram: { file: path.join(REPO_ROOT, 'config/templates/telegram.liquid') } }, routes: [] },
      {},
    ).global;
    const defaults = Templates.defaults().global;
    for (const c of cases) {
      expect(payloadsFor(c, files), c.id).toStrictEqual(payloadsFor(c, defaults));
    }
  });
});

describe('default templates over random summaries', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'é', '語', ' ', '*', '_', '`', '|', '<', '>', '&', '"', '@', '[', ']', '(', ')', '\\', '#', '~', ':', '/', 'h', 't', 'p', 's', '.'), minLength: 1, maxLength: 60 });
  const run = fc.record({ text, style: fc.constantFrom(undefined, 'code' as const, 'del' as const, 'literal' as const) }).map((r) => (r.style ? r : { text: r.text }));
  const summaryArb = fc.record({
    // A summary's title is never blank and has no white space at its ends (buildSummary folds it).
    title: fc.string({ unit: fc.constantFrom('a', '*', '_', '|', '@', 'é', ' '), minLength: 1, maxLength: 256 }).filter((t) => t.trim() === t && t !== ''),
    url: fc.option(fc.webUrl(), { nil: undefined }),
    keyPoints: fc.array(fc.array(run, { minLength: 1, maxLength: 3 }), { maxLength: 6 }),
    links: fc.array(fc.record({ text, url: fc.webUrl() }), { maxLength: 6 }),
    lang: fc.constantFrom('en', 'ja', 'xx'),
    tags: fc.array(text, { maxLength: 5 }),
    date: fc.option(fc.constant('2026-01-02'), { nil: undefined }),
    readingMinutes: fc.integer({ min: 1, max: 60 }),
  }).map((s) => ({ ...s, locale: s.lang === 'xx' ? 'und' : s.lang }) as Summary);
  // A language's name in its own script: never blank.
  const alsoInArb = fc.array(fc.record({ label: text.filter((t) => t.trim() === t && t !== ''), url: fc.option(fc.webUrl(), { nil: undefined }) }), { maxLength: 4 });

  it('equal the fixed renderers (Telegram: whenever today’s message is within 4096, where the order of what gives way does not matter)', () => {
    const route = Templates.defaults().global;
    fc.assert(
      fc.property(summaryArb, alsoInArb, (summary, alsoIn) => {
        const got = payloadsFor({ summary, alsoIn }, route);
        expect(got.discord).toStrictEqual(renderDiscordMessage(summary, alsoIn));
        const old = renderTelegramMessage(summary, alsoIn);
        if (telegramVisibleText(old.text).length <= TELEGRAM_MAX_TEXT) expect(got.telegram).toStrictEqual(old);
      }),
      { numRuns: 300 },
    );
  });
});
