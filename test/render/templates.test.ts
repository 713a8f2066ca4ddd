/**
 * Templates: every value a note supplies is escaped for the markup it lands in; a typo is a config
 * error naming the file, the line and the name when the templates load; over a platform's limit the
 * note is rendered again with fewer points, then fewer links, then a shorter title.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { defuseMentions } from '../../src/render/escape.js';
import { TELEGRAM_MAX_TEXT, telegramVisibleText } from '../../src/render/telegram.js';
import { Templates } from '../../src/render/templates/compile.js';
import { payloadsFor, TemplateRenderError } from '../../src/render/templates/payloads.js';
import { classifyDiscordError } from '../../src/adapters/discord/errors.js';
import { classifyTelegramError } from '../../src/adapters/telegram/errors.js';
import type { TemplatesConfig } from '../../src/config/templates.js';
import type { Summary } from '../../src/summary/build.js';
import { telegramHtml } from '../../src/health/preview/telegram-html.js';
import { textOf, type Element, type Node } from '../../src/health/preview/tree.js';
import { tempFolder } from '../helpers/temp-folder.js';

const HOSTILE = '@everyone <@123> <b>x</b> & [click](https://evil.example) **bold** ||hidden|| `code`';

function summary(over: Partial<Summary> = {}): Summary {
  return {
    title: 'A note',
    url: 'https://example.org/a.html',
    keyPoints: [[{ text: 'One.' }], [{ text: 'Two.' }]],
    links: [{ text: 'Docs', url: 'https://example.org/docs' }],
    lang: 'en',
    locale: 'en',
    tags: ['rust', 'c_plus_plus'],
    date: '2026-01-02',
    readingMinutes: 2,
    categories: ['blog'],
    page: { author: 'Ann', nested: { deep: 'yes' } },
    ...over,
  };
}

function templates(t: TemplatesConfig, routes: Parameters<typeof Templates.fromConfig>[0]['routes'] = []): Templates {
  return Templates.fromConfig({ templates: t, routes }, { url: 'https://example.org', title: 'Site' }, 'notecast.yaml');
}

function configError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('no ConfigError');
}

function tmpFile(name: string, text: string): string {
  const file = path.join(tempFolder('notecast-tpl-'), name);
  writeFileSync(file, text);
  return file;
}

describe('escaping', () => {
  const t = templates({
    discord: { content: '{{ note.title }} {{ page.author | raw }}', title: '{{ note.title | upcase }}', description: '{{ note.title | escape }}\n{{ page.author }}', footer: '{{ note.title }}', fields: [{ name: '{{ note.tags | first }}', value: '{{ note.title | link_to: note.url }}' }] },
    telegram: '<b>{{ note.title }}</b> {{ page.author | raw }} <a href="{{ note.url }}">x</a> {{ note.title | link_to: note.url }}',
  }).global;
  const s = summary({ title: HOSTILE, page: { author: '<i>@here</i> *me*' } });
  const p = payloadsFor({ summary: s }, t);
  const embed = p.discord.embeds[0]!;

  it('Discord Markdown: no mention, masked link, bold or spoiler survives from a note, in content, title, description and fields; raw and escape change nothing', () => {
    for (const text of [p.discord.content!, embed.title!, embed.description!, embed.fields![0]!.value]) {
      expect(text).not.toMatch(/@everyone|@here|<@1/);
      expect(text).not.toMatch(/(?<!\\)\[click(?<!\\)\]/);
      expect(text).not.toMatch(/(?<!\\)\*\*bold/);
      expect(text).not.toMatch(/(?<!\\)\|\|hidden/);
    }
    expect(embed.description).toContain('\\*\\*bold\\*\\*'); // `escape` did not HTML-escape (no &amp;), the output escaping applied once
    expect(embed.description).not.toContain('&amp;');
    expect(p.discord.content).toContain('\\*me\\*');
    expect(p.discord.allowed_mentions).toEqual({ parse: [] });
  });

  it("Discord Markdown: a note's value starts no heading, subtext, quote or list, at a line's start or after its own line breaks (an outside tester's case)", () => {
    const blocks = templates({ discord: { description: '{{ page.heading }}\n{{ page.many }}', fields: [{ name: 'x', value: 'see: {{ page.many }}' }] } }).global;
    const value = '# Big heading';
    const many = 'line1\n# Heading\n-# subtext\n> quote\n- item\n1. first';
    const e = payloadsFor({ summary: summary({ page: { heading: value, many } }) }, blocks).discord.embeds[0]!;
    for (const text of [e.description!, e.fields![0]!.value]) {
      for (const line of text.split('\n')) expect(line, text).not.toMatch(/^\s*(#{1,3}\s|-#\s|>{1,3}\s|[-+]\s|\d+\.\s)/);
    }
    expect(e.description).toContain('\\# Big heading');
  });

  it('link_to makes links of web addresses only: a javascript: URL from a note stays text on both platforms', () => {
    const t = templates({ discord: { description: '{{ "x" | link_to: page.u }}' }, telegram: '{{ "x" | link_to: page.u }}' }).global;
    const p = payloadsFor({ summary: summary({ page: { u: 'javascript:alert(1)' } }) }, t);
    expect(p.discord.embeds[0]!.description).toBe('x');
    expect(p.telegram.text).not.toContain('href');
  });

  it('the Discord footer (no Markdown there) is only defused, so no backslash shows', () => {
    expect(embed.footer!.text).toBe(defuseMentions(HOSTILE));
  });

  it('a link built by link_to keeps its markup and escapes its text', () => {
    expect(embed.fields![0]!.value).toMatch(/^\[.*\]\(https:\/\/example\.org\/a\.html\)$/);
    expect(embed.fields![0]!.name).toBe('rust');
  });

  it('Telegram HTML: a note cannot add a tag, and raw does not switch escaping off', () => {
    // Each @username broken by a WORD JOINER (escape.ts defuseTelegramMentions).
    expect(p.telegram.text).toContain('<b>@\u2060everyone &lt;@\u2060123&gt; &lt;b&gt;x&lt;/b&gt; &amp; [click]');
    expect(p.telegram.text).toContain('&lt;i&gt;@\u2060here&lt;/i&gt; *me*');
    expect(p.telegram.text.match(/<b>/g)).toHaveLength(1);
    expect(p.telegram.text).toContain('<a href="https://example.org/a.html">@\u2060everyone &lt;@\u2060123&gt;');
  });

  it('a capture keeps what it captured, escaped once: output again, it is not escaped twice', () => {
    const c = templates({ telegram: '{% capture head %}<b>{{ note.title }}</b>{% endcapture %}{{ head }}', discord: { title: '{% capture t %}{{ note.title }}{% endcapture %}{{ t }}' } }).global;
    const out = payloadsFor({ summary: summary({ title: 'A & <B> *c*' }) }, c);
    expect(out.telegram.text).toBe('<b>A &amp; &lt;B&gt; *c*</b>');
    expect(out.discord.embeds[0]!.title).toBe('A & \\<B> \\*c\\*');
  });

  it("a note's quotes cannot leave an attribute the template writes by hand, double- or single-quoted (an outside tester's case)", () => {
    const title = `Say "hi" & it's <b>done</b>`;
    for (const quote of ['"', "'"]) {
      const t = templates({ telegram: `<a href=${quote}https://example.org/?q={{ note.title }}${quote}>{{ note.title }}</a>` }).global;
      const html = payloadsFor({ summary: summary({ title }) }, t).telegram.text;
      const parsed = telegramHtml(html);
      expect(parsed.ok, html).toBe(true);
      const elements = (nodes: readonly Node[]): Element[] => nodes.flatMap((n) => (typeof n === 'string' ? [] : [n, ...elements(n.children)]));
      const all = elements(parsed.nodes);
      expect(all.map((e) => e.tag).filter((tag) => tag !== 'span'), html).toEqual(['a']); // one link, no tag from the title
      const a = all.find((e) => e.tag === 'a')!;
      expect(a.href).toBe(`https://example.org/?q=${title}`);
      expect(textOf([a])).toBe(title);
    }
  });

  it('a URL with a quote cannot leave its attribute through link_to', () => {
    const q = payloadsFor({ summary: summary({ url: 'https://example.org/"><b>x' }) }, t);
    expect(q.telegram.text).toContain('href="https://example.org/&quot;&gt;&lt;b&gt;x"');
  });
});

describe('variables', () => {
  it('note, page (Jekyll front matter), summary, family and site', () => {
    const t = templates({
      telegram:
        '{{ note.title }}|{{ note.url }}|{{ note.date }}|{{ note.lang }}|{{ note.tags | join: "," }}|{{ note.categories | join: "," }}|{{ note.reading_minutes }}|' +
        '{{ page.author }}|{{ page.nested.deep }}|{{ page.missing | default: "none" }}|{{ summary.points | size }}|{{ summary.points | first | plain }}|' +
        '{% for l in summary.links %}{{ l.text }}={{ l.url }}{% endfor %}|{% for a in family.also_in %}{{ a.name }}={{ a.url }}{% endfor %}|{{ site.title }}|{{ site.url }}|{{ summary.footer }}',
    }).global;
    const text = payloadsFor({ summary: summary(), alsoIn: [{ label: '日本語', url: 'https://example.org/ja' }] }, t).telegram.text;
    expect(text).toBe('A note|https://example.org/a.html|2026-01-02|en|rust,c_plus_plus|blog|2|Ann|yes|none|2|One.|Docs=https://example.org/docs|日本語=https://example.org/ja|Site|https://example.org|English · #rust #c_plus_plus · 2026-01-02 · 2 min');
  });
});

describe('site', () => {
  it("is the _config.yml's keys, not the local path that file was read from", () => {
    const site = { url: 'https://example.org', title: 'Site', readFrom: '/srv/blog/_config.yml' };
    const t = Templates.fromConfig({ templates: { telegram: '{{ site.title }}|{{ site.readFrom }}' }, routes: [] }, site, 'notecast.yaml').global;
    // A key the site does not have reads as nothing, as in Jekyll: the path is never rendered.
    expect(payloadsFor({ summary: summary() }, t).telegram.text).toBe('Site|');
  });
});

describe('errors at load time', () => {
  it('an unknown variable in a file names the file, its line and the name', () => {
    const file = tmpFile('telegram.liquid', '{%- comment -%} one {%- endcomment -%}\n<b>{{ note.title }}</b>\n\n{{ note.titel }}\n');
    const msg = configError(() => templates({ telegram: { file } }));
    expect(msg).toBe(`${file}:4: telegram: undefined variable: note.titel`);
  });

  it('an unknown variable inside a loop, and one in a branch taken only for a note with nothing, are found too', () => {
    expect(configError(() => templates({ telegram: '{% for p in summary.points %}{{ p.txt }}{% endfor %}' }))).toContain('undefined variable: p.txt');
    expect(configError(() => templates({ telegram: '{% if summary.links.size == 0 %}{{ sumary.footer }}{% endif %}' }))).toContain('undefined variable: sumary');
  });

  it('an unknown filter in a Discord file names the part, the file line and the filter', () => {
    const file = tmpFile('discord.liquid', '=== title ===\n{{ note.title }}\n=== description ===\nfirst line\n{{ note.title | upcasee }}\n');
    expect(configError(() => templates({ discord: { file } }))).toBe(`${file}:5: description: undefined filter: upcasee`);
  });

  it('an inline template names the config file and its key', () => {
    expect(configError(() => templates({ discord: { footer: 'a\n{{ note.nope }}' } }))).toBe('notecast.yaml: templates.discord.footer: line 2 of the template: undefined variable: note.nope');
    expect(configError(() => templates({}, [{ platform: 'telegram', chat: '1', templates: { telegram: '{% if %}' } }]))).toMatch(/^notecast\.yaml: routes\.0\.templates\.telegram: line 1 of the template: /);
  });

  it('a missing file, a colour that is none, a tag that reads files', () => {
    expect(configError(() => templates({ telegram: { file: '/nonexistent/t.liquid' } }))).toBe('/nonexistent/t.liquid: no such template file');
    expect(configError(() => templates({ discord: { color: 'blue' } }))).toContain('"blue" is not a colour');
    expect(configError(() => templates({ telegram: '{% include "/etc/passwd" %}' }))).toContain('is not available in notecast templates');
  });

  it('a template that cannot fit even with nothing of the note is refused', () => {
    expect(configError(() => templates({ telegram: 'x'.repeat(TELEGRAM_MAX_TEXT + 1) }))).toContain("the Telegram message is 1 characters over Telegram's 4096");
    expect(configError(() => templates({ discord: { content: 'y'.repeat(2001) } }))).toContain("the Discord message is 1 characters over Discord's limits");
  });
});

describe('limits after rendering', () => {
  const points = Array.from({ length: 5 }, (_, i) => [{ text: `${i}`.repeat(300) }]);
  const links = Array.from({ length: 5 }, (_, i) => ({ text: `link ${i}`, url: `https://example.org/${i}` }));
  const longLinks = links.map((l) => ({ ...l, url: `${l.url}/${'x'.repeat(50)}` }));

  it('Telegram: fewer points first, then fewer links, then a shorter title, never cutting markup', () => {
    // Each point shows 3 × 300 characters: 5 points are 4500, over 4096.
    const t = templates({ telegram: '<b>{{ note.title }}</b>{% for p in summary.points %}\n<i>{{ p }}{{ p }}{{ p }}</i>{% endfor %}{% for l in summary.links %}\n{{ l.text | link_to: l.url }}{% endfor %}' }).global;
    const fewerPoints = payloadsFor({ summary: summary({ keyPoints: points, links }) }, t).telegram.text;
    expect(fewerPoints.match(/<i>/g)).toHaveLength(4);
    expect(fewerPoints.match(/<a /g)).toHaveLength(5);
    // A long title (1,000 characters × 5) cannot be helped by points alone: then links go, then the title is shortened.
    const long = payloadsFor({ summary: summary({ title: 'T'.repeat(1000), keyPoints: points, links }) }, templates({ telegram: '{{ note.title }}{{ note.title }}{{ note.title }}{{ note.title }}{{ note.title }}{% for p in summary.points %}\n{{ p }}{% endfor %}{% for l in summary.links %}\n{{ l.text | link_to: l.url }}{% endfor %}' }).global).telegram.text;
    expect(long).not.toContain('<a ');
    expect(long).not.toContain('\n0');
    expect(telegramVisibleText(long).length).toBeLessThanOrEqual(TELEGRAM_MAX_TEXT);
    expect(long.length).toBeGreaterThan(TELEGRAM_MAX_TEXT - 20);
  });

  it('Discord: a description over 4096 loses points, a links field over 1024 loses links, a title over 256 is shortened', () => {
    const t = templates({ discord: { title: '{{ note.title }}', description: '{% for p in summary.points %}{{ p }}{{ p }}{{ p }}\n{% endfor %}', fields: [{ name: 'L', value: '{% for l in summary.links %}{{ l.text }}{{ l.url }}{{ l.url }}{{ l.url }}{{ l.url }}{{ l.url }}{{ l.url }}{{ l.url }}{{ l.url }}\n{% endfor %}' }] } }).global;
    // Alone, five points of 901 characters are over the description's 4096: four stay.
    const alone = payloadsFor({ summary: summary({ keyPoints: points, links: [] }) }, t).discord.embeds[0]!;
    expect(alone.description!.split('\n')).toHaveLength(4);
    const e = payloadsFor({ summary: summary({ title: '*'.repeat(250), keyPoints: points, links: longLinks }) }, t).discord.embeds[0]!;
    // With the long title and links too, the embed's 6000 in all takes two more points first.
    expect(e.description!.split('\n')).toHaveLength(2);
    // Each link's line is 6 + 8 × 71 characters: one fits in 1024, two do not.
    expect(e.fields![0]!.value.split('\n')).toHaveLength(1);
    // 250 stars escape to 500 characters: cut before escaping, 127 stars and the ellipsis, never half an escape.
    expect(e.title).toBe(`${'\\*'.repeat(127)}…`);
  });
});

describe('errors at post time', () => {
  it('a template that fails on one note throws a TemplateRenderError naming its file and line, which both adapters classify as rejected (that message fails, the chat goes on)', () => {
    const file = tmpFile('telegram.liquid', '<b>{{ note.title }}</b>\n{% for a in page.authors %}{{ a.name }}{% endfor %}');
    const t = templates({ telegram: { file } }).global; // the samples set no authors: it loads
    const withAuthors = { summary: summary({ page: { authors: [{ name: 'Ann' }] } }) };
    expect(payloadsFor(withAuthors, t).telegram.text).toBe('<b>A note</b>\nAnn');
    let thrown: unknown;
    try {
      payloadsFor({ summary: summary({ page: { authors: ['Ann'] } }) }, t);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(TemplateRenderError);
    expect((thrown as Error).message).toBe(`template ${file}:2 (telegram): undefined variable: a.name`);
    expect(classifyTelegramError(thrown, 'post')).toEqual({ kind: 'rejected', reason: (thrown as Error).message, by: 'template' });
    expect(classifyDiscordError(thrown, 'edit')).toEqual({ kind: 'rejected', reason: (thrown as Error).message, by: 'template' });
  });
});

describe('per route', () => {
  it('a route with templates of its own gets them; another route and a subscribed chat get the global ones', () => {
    const t = templates({ telegram: 'global {{ note.title }}' }, [
      { platform: 'telegram', chat: '1', templates: { telegram: 'route {{ note.title }}' } },
      { platform: 'telegram', chat: '2' },
    ]);
    const text = (chat: string) => payloadsFor({ summary: summary() }, t.forTarget({ platform: 'telegram', chat, thread: '' })).telegram.text;
    expect(text('1')).toBe('route A note');
    expect(text('2')).toBe('global A note');
    expect(text('3')).toBe('global A note');
  });
});
