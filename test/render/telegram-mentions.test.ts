/**
 * A note's text cannot ping anyone on Telegram either (README): Telegram turns `@username` in a
 * message into a `mention` entity (core.telegram.org/bots/api#messageentity), which notifies the user
 * in a group. Every Telegram renderer breaks it, whatever the text: title, points, links' text,
 * family lines, digest, command lists, templates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { buildSummary, type Summary } from '../../src/summary/build.js';
import { renderAll } from '../../src/render/index.js';
import { renderTelegramMessage } from '../../src/render/telegram.js';
import { renderTelegramDigest } from '../../src/render/digest.js';
import { renderTelegramReply } from '../../src/adapters/telegram/render.js';
import { Templates } from '../../src/render/templates/compile.js';
import { payloadsFor } from '../../src/render/templates/payloads.js';
import type { SearchResult } from '../../src/search/index.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { parseTelegramHtml, telegramMentions, textOutsideCode } from '../fakes/telegram/html.js';

/** What Telegram shows of an HTML message, after checking it parses. */
function shown(html: string): string {
  const parsed = parseTelegramHtml(html);
  expect(parsed.ok, html).toBe(true);
  return parsed.ok ? parsed.text : '';
}

/** Text with @usernames among words and markup. */
const word = fc.stringMatching(/^[A-Za-z0-9_]{1,12}$/);
const piece = fc.oneof(word, word.map((w) => `@${w}`), fc.constantFrom(' ', '.', ',', '(', ')', '<', '&', '"', '@', '_', '*', '\n'));
const noteText = fc.array(piece, { minLength: 1, maxLength: 12 }).map((a) => a.join('').trim()).filter((s) => s.length > 0);

const template = `<b>{{ note.title | link_to: note.url }}</b>
{{ note.title }} {{ page.author }} {{ note.tags | join: " " }}
{% for p in summary.points %}{{ p }}
{% endfor %}{% for l in summary.links %}{{ l.text | link_to: l.url }} {{ l.text }}
{% endfor %}{% for a in family.also_in %}{{ a.name | link_to: a.url }} {{ a.name }}{% endfor %}`;
/** A search result as the /latest and /note commands list one. */
function result(title: string, url?: string): SearchResult {
  return { id: title, title, lang: 'en', url, score: 1, members: [] };
}

const route = Templates.fromConfig({ templates: { telegram: template }, routes: [] }, { url: 'https://example.org' }).global;

describe('Telegram payloads with @usernames in a note', () => {
  it('mention no one, in any renderer, for any text (visible text keeps every other character)', () => {
    fc.assert(
      fc.property(noteText, noteText, noteText, noteText, (title, point, linkText, label) => {
        const summary: Summary = {
          title,
          url: 'https://example.org/@alice_dev/post',
          keyPoints: [[{ text: point }], [{ text: point, style: 'code' }], [{ text: point, style: 'del' }]],
          links: [{ text: linkText, url: 'https://example.org/@bob_the_dev' }],
          lang: 'en',
          locale: 'en',
          tags: [label],
          readingMinutes: 1,
          page: { author: point },
        };
        const alsoIn = [{ label, url: 'https://example.org/fr' }, { label }];
        const texts = [
          renderTelegramMessage(summary, alsoIn).text,
          renderTelegramDigest([{ noteId: 'a', title, url: 'https://example.org/a' }, { noteId: 'b', title: point }]).text,
          renderTelegramReply({ type: 'list', heading: title, items: [result(point, 'https://example.org/p'), result(linkText)] }).text,
          payloadsFor({ summary, alsoIn }, route).telegram.text,
        ];
        for (const html of texts) {
          shown(html); // Telegram accepts it
          const outsideCode = textOutsideCode(html);
          expect(telegramMentions(outsideCode), html).toEqual([]);
          expect(outsideCode).not.toMatch(/@[A-Za-z0-9_]{5,}/);
        }
        // Code is shown exactly as written: no break inside it (a mention cannot form there).
        for (const html of texts) for (const code of html.matchAll(/<code>([\s\S]*?)<\/code>/g)) expect(code[1]).not.toContain('\u2060');
        // Only the breaks were added: the title reads as written.
        expect(shown(texts[0]!).replace(/\u2060/g, '').startsWith(title)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keep code holding an @ exactly as written', () => {
    const summary: Summary = { title: 't', url: 'https://example.org/t', keyPoints: [[{ text: 'Clone it: ' }, { text: 'git clone git@github.com:alice_dev/notes.git', style: 'code' }]], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 };
    expect(renderTelegramMessage(summary).text).toContain('<code>git clone git@github.com:alice_dev/notes.git</code>');
  });

  it('keep links to URLs holding an @ whole', () => {
    const summary: Summary = { title: 't', url: 'https://example.org/@alice_dev', keyPoints: [], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 };
    expect(renderTelegramMessage(summary).text).toContain('href="https://example.org/@alice_dev"');
  });

  it('a note thanking @alice_dev and @bob (the tester’s report) pings no one', () => {
    const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {} } };
    const text = '---\ntitle: Thanks @alice_dev\nlang: en\n---\n\nThanks to @alice_dev and @carol_qa for reviewing the parser rewrite, which is now twice as fast.\n\nThe next release ships on Friday.\n';
    const { note, tokens } = parseNote('_posts/2025-01-01-thanks.md', Buffer.from(text), opts);
    const html = renderAll(buildSummary(note, tokens)).telegram.text;
    const visible = shown(html);
    expect(visible).toContain('alice_dev');
    expect(telegramMentions(visible)).toEqual([]);
  });
});
