/** Random and hostile Markdown and front matter through parse → summarise → render: limits and escaping always hold. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NoteError } from '../../src/errors.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { renderAll } from '../../src/render/index.js';
import { DISCORD_LIMITS, embedTotalLength } from '../../src/render/discord.js';
import { buildSummary, DEFAULT_SUMMARY_OPTIONS } from '../../src/summary/build.js';
import { parseTelegramHtml } from '../fakes/telegram/html.js';
import { validateMessage } from '../fakes/discord/limits.js';
import { pointText } from '../../src/summary/inline.js';
import { discordVisibleText, proseOf, RESIDUE } from '../helpers/visible.js';
import { NO_PINGS, pingsOf } from '../fakes/discord/mentions.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {} } };

const hostileBits = ['@everyone', '@here', '<@&123456>', '<@42>', '<#7>', '<script>alert(1)</script>', '&amp;', '&', '<', '>', '"', '**', '__', '*', '_', '`', '```', '~~', '|', '[x](javascript:alert(1))', '[](https://a.b/c)', '![i](x.png)', '{% raw %}', '{{ page.title }}', '\\(x^2\\)', '$$a$$', '# ', '- ', '1. ', '> ', '\u202E', '\u0000', '\u200D', '👨‍👩‍👧', 'é', 'e\u0301', 'नमस्ते।', '你好。', 'مرحبا.', '\n', '\n\n', '---', '<!-- c -->', '<b>', '</i>',
  // Jekyll, kramdown and code (issue 11)
  '{% raw %}', '{% endraw %}', '{{ site.url }}', '{{ site.title | upcase }}', '{: .lead}', '\n{:toc}\n', '* TOC', '[^1]', '\n[^1]: a [ref](https://r.example/x)\n',
  '\n> [!NOTE]\n', '~~old~~', '\n{% highlight js %}\n', '\n{% endhighlight %}\n', '[p]({% post_url 2020-01-01-x %})', '{% comment %}', '{% endcomment %}',
  '<div>', '</div>', '`Vec<u8>`', '``a`b``', 'Run:\n\n```\nnpm test\n```\n', 'Vec<u8>', '#include <stdio.h>'];

const markdown = fc
  .array(fc.oneof(fc.constantFrom(...hostileBits), fc.string({ maxLength: 40 }), fc.lorem({ maxCount: 12, mode: 'sentences' })), { maxLength: 60 })
  .map((parts) => parts.join(' '));

const frontMatter = fc.record(
  {
    title: fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('@everyone', '<b>x</b>', '"quoted"', '- list', '[a, b]')),
    tags: fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }),
    lang: fc.constantFrom('en', 'zh', 'hi', 'ar', 'hant', 'xx-invalid!!'),
  },
  { requiredKeys: [] },
);

describe('property: any note renders within every limit, escaped', () => {
  it('holds for random and hostile Markdown and front matter', () => {
    fc.assert(
      fc.property(frontMatter, markdown, (fm, body) => {
        const yaml = Object.entries(fm)
          .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
          .join('\n');
        const text = `---\n${yaml}\n---\n${body}`;
        let parsed;
        try {
          parsed = parseNote('_posts/2025-01-01-p-en.md', Buffer.from(text), opts);
        } catch (e) {
          // Refusing a note is allowed, crashing is not: the error names the file.
          expect(e).toBeInstanceOf(NoteError);
          expect((e as NoteError).file).toBe('_posts/2025-01-01-p-en.md');
          return;
        }
        const s = buildSummary(parsed.note, parsed.tokens);
        expect(s.keyPoints.length).toBeLessThanOrEqual(5);
        for (const p of s.keyPoints) {
          expect(pointText(p).length).toBeLessThanOrEqual(200);
          expect(proseOf(p)).not.toMatch(RESIDUE);
        }
        const r = renderAll(s);
        const e = r.discord.embeds[0]!;
        expect(validateMessage(r.discord)).toEqual([]);
        expect(embedTotalLength(e)).toBeLessThanOrEqual(DISCORD_LIMITS.total);
        expect(discordVisibleText(e).length).toBeLessThanOrEqual(DEFAULT_SUMMARY_OPTIONS.maxChars);
        expect(r.discord.allowed_mentions).toEqual({ parse: [] });
        // As Discord reads mentions, even with no allowed_mentions: none outside code (inside code a
        // mention is shown as text and kept byte for byte, see render/discord-markdown.test.ts).
        for (const text of [e.title, e.description, e.footer?.text, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]) {
          expect(pingsOf(text, undefined, 'bot'), text).toEqual(NO_PINGS);
          expect((text ?? '').replace(/(`+)[\s\S]*?\1/g, '')).not.toMatch(/<#\d/);
        }
        const tg = parseTelegramHtml(r.telegram.text);
        expect(tg.ok, tg.ok ? '' : tg.error).toBe(true);
        // Visible characters: the word joiners that break `@username` (render/escape.ts) show nothing.
        if (tg.ok) expect(tg.text.replace(/\u2060/g, '').length).toBeLessThanOrEqual(DEFAULT_SUMMARY_OPTIONS.maxChars);
        for (const l of s.links) expect(l.url).toMatch(/^https?:\/\//);
      }),
      { numRuns: 300 },
    );
  });

  it('a note that is only `` ` @everyone ` `` (the shrunk counterexample of seed 482461313): code shown as written, nothing pings', () => {
    const p = parseNote('_posts/2025-01-01-p-en.md', Buffer.from('---\n---\n` @everyone `'), opts);
    const e = renderAll(buildSummary(p.note, p.tokens)).discord.embeds[0]!;
    expect(e.description).toBe('• `@everyone`');
    expect(pingsOf(e.description, undefined, 'bot')).toEqual(NO_PINGS);
    expect(pingsOf('• @everyone', undefined, 'bot')).not.toEqual(NO_PINGS); // the check can fail
  });

  it('a note that is only `!![` (the shrunk counterexample of seed -815324218): no image marker left in its point', () => {
    for (const body of ['!![', 'Wow!!![ok']) {
      const p = parseNote('_posts/2025-01-01-p-en.md', Buffer.from(`---\n---\n${body}`), opts);
      for (const point of buildSummary(p.note, p.tokens).keyPoints) expect(proseOf(point)).not.toMatch(RESIDUE);
    }
  });

  it('a note that is only `@everyone #  @everyone` (the shrunk counterexample of seed 860975136): the mid-line `#` is the writer\'s text, kept; nothing pings', () => {
    const p = parseNote('_posts/2025-01-01-p-en.md', Buffer.from('---\n---\n@everyone #  @everyone'), opts);
    const points = buildSummary(p.note, p.tokens).keyPoints;
    expect(points.map(proseOf)).toEqual(['@everyone # @everyone']);
    for (const point of points) expect(proseOf(point)).not.toMatch(RESIDUE);
    expect('# @everyone').toMatch(RESIDUE); // a marker at a point's start is still residue: the check can fail
    expect(pingsOf(renderAll(buildSummary(p.note, p.tokens)).discord.embeds[0]!.description, undefined, 'bot')).toEqual(NO_PINGS);
  });

  it('keeps every code span whole and shows it as code, whatever surrounds it', () => {
    const code = fc
      .string({ minLength: 1, maxLength: 40 })
      .map((c) => c.replace(/`/g, "'").trim())
      .filter((c) => c.length > 0);
    fc.assert(
      fc.property(code, fc.lorem({ maxCount: 5 }), markdown, (c, words, rest) => {
        const text = `---\ntitle: T\n---\nThe ${words} uses \`${c}\` here.\n\n${rest}`;
        let p;
        try {
          p = parseNote('_posts/2025-01-01-p-en.md', Buffer.from(text), opts);
        } catch (e) {
          expect(e).toBeInstanceOf(NoteError); // a NUL byte makes it binary: refused, never a crash
          return;
        }
        const s = buildSummary(p.note, p.tokens);
        const first = s.keyPoints[0]!;
        expect(first.filter((r) => r.style === 'code').map((r) => r.text)).toEqual([c]);
        for (const point of s.keyPoints) expect(proseOf(point)).not.toMatch(RESIDUE);
        const r = renderAll(s);
        expect(validateMessage(r.discord)).toEqual([]);
        const tg = parseTelegramHtml(r.telegram.text);
        expect(tg.ok, tg.ok ? '' : tg.error).toBe(true);
        if (tg.ok) {
          expect(tg.text).toContain(c);
          expect(tg.text.length).toBeLessThanOrEqual(DEFAULT_SUMMARY_OPTIONS.maxChars);
        }
        expect(discordVisibleText(r.discord.embeds[0]!)).toContain(c);
      }),
      { numRuns: 300 },
    );
  });

  it('holds for a 10 MB body (refused by size) and a 900 KB body (summarised)', () => {
    expect(() => parseNote('big.md', Buffer.alloc(10 * 1024 * 1024, 'a'), opts)).toThrow(/over the 1048576-byte limit/);
    const big = `# Big\n\n${'A sentence that repeats. '.repeat(36_000)}`;
    const p = parseNote('big.md', Buffer.from(big), opts);
    const r = renderAll(buildSummary(p.note, p.tokens));
    expect(parseTelegramHtml(r.telegram.text).ok).toBe(true);
    expect(validateMessage(r.discord)).toEqual([]);
  });
});
