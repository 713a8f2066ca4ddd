/**
 * Safe by construction, as a property: whatever text a note supplies (title, tags, categories,
 * front matter, points, links, other languages), a template's Telegram message still parses as
 * Telegram parses HTML, with each value shown as written, and no Discord part would ping anyone
 * even if `allowed_mentions` were lost.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Templates } from '../../src/render/templates/compile.js';
import { payloadsFor } from '../../src/render/templates/payloads.js';
import type { Summary } from '../../src/summary/build.js';
import { parseTelegramHtml } from '../fakes/telegram/html.js';
import { pingsOf } from '../fakes/discord/mentions.js';
import { discordMarkdown } from '../../src/health/preview/discord-markdown.js';
import { textOf } from '../../src/health/preview/tree.js';

/** Text rich in what markup and mentions are made of. */
const hostile = fc.stringMatching(/^[a-z <>&"'@*_~`|\\[\]()#:!/.=\-]{1,40}$/).map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 0);

const VALUES = '{{ note.title }} | {{ page.author }} | {{ note.tags | join: "," }} | {{ note.categories | first }} | {{ summary.points | first | plain }}';
const telegram = `<b>{{ note.title | link_to: note.url }}</b>\n${VALUES}\n{% for l in summary.links %}{{ l.text | link_to: l.url }}{% endfor %}\n{% for a in family.also_in %}{{ a.name | link_to: a.url }}{% endfor %}`;
const route = Templates.fromConfig(
  { templates: { telegram, discord: { content: VALUES, title: '{{ note.title }}', description: `${VALUES}\n{% for p in summary.points %}{{ p }}{% endfor %}`, footer: VALUES, fields: [{ name: '{{ note.title }}', value: '{% for l in summary.links %}{{ l.text | link_to: l.url }}{% endfor %}' }] } }, routes: [] },
  { url: 'https://example.org' },
).global;

describe('templates with hostile note text', () => {
  it('Telegram HTML always parses, each value shown as written; Discord never pings', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, hostile, hostile, (title, author, tag, point, linkText, urlTail) => {
        const summary: Summary = {
          title,
          url: `https://example.org/${urlTail}`,
          keyPoints: [[{ text: point }, { text: tag, style: 'code' }]],
          links: [{ text: linkText, url: `https://example.org/"${urlTail}` }],
          lang: 'en',
          locale: 'en',
          tags: [tag],
          readingMinutes: 1,
          categories: [author],
          page: { author },
        };
        const p = payloadsFor({ summary, alsoIn: [{ label: linkText, url: `https://example.org/<${urlTail}>` }] }, route);
        const parsed = parseTelegramHtml(p.telegram.text);
        expect(parsed.ok, p.telegram.text).toBe(true);
        if (!parsed.ok) return;
        // Shown as written, but for the WORD JOINER that breaks each @username (escape.ts defuseTelegramMentions).
        expect(parsed.text.replace(/\u2060/g, '').split('\n')[1]).toBe(`${title} | ${author} | ${tag} | ${author} | ${point}${tag}`);
        expect(parsed.text.replace(/\u2060/g, '').startsWith(title)).toBe(true);
        const e = p.discord.embeds[0]!;
        for (const text of [p.discord.content, e.title, e.description, e.footer?.text, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]) {
          expect(pingsOf(text, undefined, 'bot'), String(text)).toEqual({ users: [], roles: [], everyone: false });
        }
        expect(p.discord.allowed_mentions).toEqual({ parse: [] });
      }),
      { numRuns: 300 },
    );
  });
});

/** A key point's words that start a Discord block when they begin a line (Discord's "Markdown Text 101"). */
const blockStart = fc.constantFrom('# ', '## ', '### ', '-# ', '> ', '>>> ', '- ', '+ ', '* ', '1. ', '42. ', '  - ', '');
const pointRun = fc.tuple(blockStart, hostile).map(([start, words]) => start + words);

describe('key points a template puts at the start of a line', () => {
  const lineStarts = Templates.fromConfig({ templates: { discord: { description: '{% for p in summary.points %}{{ p }}\n{% endfor %}' } }, routes: [] }, {}).global;

  // The counterexamples random runs shrank to: a `<` that made a link up to a later `>`, a double
  // backtick in code that opened a code block, an escaped backtick read as a fence, `>>>` without its space.
  const found: Array<Array<[string, string | undefined]>> = [
    [['# <:/', '>['], ['# -', undefined]],
    [['# <|', ':/'], ['> \\', undefined], ['# ]', undefined]],
    [['# <', '``:'], ['# !', undefined]],
    [['# `', '`a'], ['# `', '`:'], ['# =', undefined]],
    [['>>>(', undefined]],
    [['1. first', undefined]],
  ];
  const shownAsWritten = (points: Array<[string, string | undefined]>) => {
    const keyPoints = points.map(([words, code]) => (code === undefined ? [{ text: words }] : [{ text: words }, { text: code, style: 'code' as const }]));
    const summary: Summary = { title: 't', keyPoints, links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 };
    const description = payloadsFor({ summary }, lineStarts).discord.embeds[0]!.description!;
    const shown = discordMarkdown(description);
    expect(JSON.stringify(shown), description).not.toMatch(/"tag":"(h1|h2|h3|ul|ol|li|blockquote|small|pre|a)"/);
    const expected = keyPoints.map((p) => p.map((r) => r.text).join('')).join('\n');
    expect(textOf(shown).replace(/\u200B/g, '').trim(), description).toBe(expected.trim());
  };

  it.each(found.map((points) => [JSON.stringify(points), points] as const))('found by random runs: %s', (_name, points) => shownAsWritten(points));

  it('start no Discord heading, subtext, quote or list, and show their words as written (no stray backslash)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(pointRun, fc.option(hostile, { nil: undefined })), { minLength: 1, maxLength: 4 }), (points) => {
        shownAsWritten(points);
      }),
      { numRuns: 300 },
    );
  });
});
