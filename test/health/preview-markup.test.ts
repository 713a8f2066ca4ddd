/**
 * The preview page's renderers without a browser: Discord Markdown and Telegram HTML as each client
 * shows them (discord-markdown.ts and telegram-html.ts cite the platform documentation followed),
 * the corpus's payloads shown with exactly their visible text, and nothing a note supplies ever
 * becoming markup in the page.
 */
import { describe, expect, it } from 'vitest';
import { discordMarkdown } from '../../src/health/preview/discord-markdown.js';
import { telegramHtml } from '../../src/health/preview/telegram-html.js';
import { cardsHtml } from '../../src/health/preview/cards.js';
import { templatePayloadsOf } from '../../src/health/preview/payloads.js';
import { Templates } from '../../src/render/templates/compile.js';
import { TAGS, textOf, toHtml } from '../../src/health/preview/tree.js';
import type { PreviewEntry } from '../../src/health/preview/notes.js';
import { renderDiscordMessage } from '../../src/render/discord.js';
import { renderTelegramMessage, telegramVisibleText } from '../../src/render/telegram.js';
import { corpusSummaries } from '../helpers/corpus-summaries.js';
import { discordShownText } from './preview-text.js';

const md = (s: string, mode: 'full' | 'inline' = 'full') => toHtml(discordMarkdown(s, mode));
const tg = (s: string) => {
  const r = telegramHtml(s);
  return r.ok ? toHtml(r.nodes) : `ERROR ${r.error}`;
};

describe('Discord Markdown as the client renders it', () => {
  it('renders the inline styles, escapes, code and links', () => {
    expect(md('**b** *i* _i_ __u__ ~~s~~ ||sp||')).toBe('<span class="md-text"><strong>b</strong> <em>i</em> <em>i</em> <u>u</u> <s>s</s> <span class="spoiler">sp</span></span>');
    expect(md('***bi*** __*ui*__')).toBe('<span class="md-text"><strong><em>bi</em></strong> <u><em>ui</em></u></span>');
    expect(md('\\*\\*not bold\\*\\* a\\_b')).toBe('<span class="md-text">**not bold** a_b</span>');
    // One space of padding next to a backtick goes (simple-markdown's inlineCode), as render/escape.ts pads.
    expect(md('`a*b*` `` `x` ``')).toBe('<span class="md-text"><code class="inline">a*b*</code> <code class="inline">`x`</code></span>');
    expect(md('[docs](https://example.org/a_(b)) and https://x.org/p_q.')).toContain('<a href="https://example.org/a_(b)" rel="noopener noreferrer nofollow" target="_blank">docs</a>');
    expect(md('see https://x.org/p_q.')).toContain('<a href="https://x.org/p_q"');
    // Only web addresses are links: a masked javascript: link is its text.
    expect(md('[click](javascript:alert(1))')).not.toContain('href');
  });

  it('renders line blocks: headings, subtext, lists, quotes and code blocks', () => {
    expect(md('# Big\n## Mid\n### Small\n-# sub')).toBe('<h1 class="md-heading">Big</h1><h2 class="md-heading">Mid</h2><h3 class="md-heading">Small</h3><small class="subtext">sub</small>');
    expect(md('- one\n- two\n1. a\n2. b')).toBe('<ul class="md-list"><li>one</li><li>two</li></ul><ol class="md-list" start="1"><li>a</li><li>b</li></ol>');
    expect(md('> quoted\n> more\nafter')).toBe('<blockquote><span class="md-text">quoted\nmore</span></blockquote><span class="md-text">after</span>');
    expect(md('>>> all\nthe rest')).toBe('<blockquote><span class="md-text">all\nthe rest</span></blockquote>');
    expect(md('before\n```rust\nfn main() {}\n```\nafter')).toBe('<span class="md-text">before\n</span><pre class="codeblock"><code class="lang-rust">fn main() {}</code></pre><span class="md-text">\nafter</span>');
  });

  it('renders no links in an embed title (inline mode), only styles', () => {
    expect(md('[t](https://a.org) **b**', 'inline')).not.toContain('<a');
    expect(md('[t](https://a.org) **b**', 'inline')).toContain('<strong>b</strong>');
  });
});

describe("Telegram's HTML as Telegram shows it", () => {
  it('maps every Bot API tag and decodes only its entities', () => {
    expect(tg('<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>')).toBe(
      '<strong>b</strong><strong>s</strong><em>i</em><em>e</em><u>u</u><u>n</u><s>s</s><s>k</s><s>d</s>',
    );
    expect(tg('<tg-spoiler>x</tg-spoiler><span class="tg-spoiler">y</span>')).toBe('<span class="spoiler">x</span><span class="spoiler">y</span>');
    expect(tg('<a href="https://a.org/?x=1&amp;y=2">l</a>')).toBe('<a href="https://a.org/?x=1&amp;y=2" rel="noopener noreferrer nofollow" target="_blank">l</a>');
    expect(tg('<pre><code class="language-rust">let x = 1 &lt; 2;</code></pre><blockquote expandable>q</blockquote>')).toBe(
      '<pre class="codeblock"><code class="inline language-rust">let x = 1 &lt; 2;</code></pre><blockquote class="expandable">q</blockquote>',
    );
    expect(tg('&lt;b&gt; &amp;nbsp; &#65;&#x42; &nbsp;')).toBe('&lt;b&gt; &amp;nbsp; AB &amp;nbsp;');
  });

  it('says when Telegram would refuse the text (unknown or misnested tags)', () => {
    expect(tg('<div>x</div>')).toMatch(/^ERROR unsupported start tag "div"/);
    expect(tg('<b><i>x</b></i>')).toMatch(/^ERROR unmatched end tag/);
    expect(tg('<b>x')).toMatch(/^ERROR unclosed tag/);
  });
});

describe('the corpus payloads on the page', () => {
  it("shows each note's exact visible text: embed title, description, fields and footer; Telegram's text", async () => {
    let checked = 0;
    const payloadsOf = templatePayloadsOf(Templates.defaults(), []);
    for (const r of await corpusSummaries()) {
      const [route] = payloadsOf({ note: r.note, summary: r.summary, alsoIn: [] });
      // The default templates' payloads are today's renderers' (test/render/templates-corpus.test.ts).
      expect(route!.discord).toEqual(renderDiscordMessage(r.summary, []));
      expect(route!.telegram).toEqual(renderTelegramMessage(r.summary, []));
      const embed = route!.discord!.embeds[0]!;
      expect(textOf(discordMarkdown(embed.title!, 'inline')), r.rel).toBe(discordShownText(embed.title!));
      if (embed.description) expect(textOf(discordMarkdown(embed.description)), r.rel).toBe(discordShownText(embed.description));
      for (const f of embed.fields ?? []) expect(textOf(discordMarkdown(f.value)), r.rel).toBe(discordShownText(f.value));
      const shown = telegramHtml(route!.telegram!.text);
      expect(shown.ok, r.rel).toBe(true);
      expect(textOf(shown.nodes), r.rel).toBe(telegramVisibleText(route!.telegram!.text));
      checked++;
    }
    expect(checked).toBeGreaterThan(60);
  });
});

describe('routes', () => {
  it('labels each route when routes get different payloads, and none when all get the same', () => {
    const discord = { embeds: [{ title: 'T', footer: { text: 'f' } }], allowed_mentions: { parse: [] as [] } };
    const telegram = { text: '<b>T</b>', parse_mode: 'HTML' as const, link_preview_options: { is_disabled: true } };
    const base: PreviewEntry = { file: 'a.md', title: 'T', tags: [], draft: false, routes: [{ discord, telegram }] };
    expect(cardsHtml([base])).not.toContain('route-name');
    const html = cardsHtml([{ ...base, routes: [{ route: 'releases', discord }, { route: 'channel', telegram }, { discord, telegram }] }]);
    expect([...html.matchAll(/<h3 class="route-name">([^<]*)<\/h3>/g)].map((m) => m[1])).toEqual(['Route releases', 'Route channel', 'Every other route']);
    // A route that gets only one platform shows only that one.
    expect(html.match(/class="pane discord"/g)).toHaveLength(2);
    expect(html.match(/class="pane telegram"/g)).toHaveLength(2);
  });
});

describe('nothing a note supplies becomes markup', () => {
  const HOSTILE = `"><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>' onmouseover='x`;

  it('escapes titles, files, tags, descriptions, fields, footers and Telegram text', () => {
    const discord = { embeds: [{ title: HOSTILE, url: 'javascript:alert(1)', description: `${HOSTILE}\n[x](javascript:alert(1))\n# ${HOSTILE}\n\`\`\`\n${HOSTILE}\n\`\`\``, color: 0x5865f2, fields: [{ name: HOSTILE, value: HOSTILE }], footer: { text: HOSTILE } }], content: HOSTILE, allowed_mentions: { parse: [] as [] } };
    const telegram = { text: `<b>${HOSTILE.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</b><a href="javascript:alert(1)">j</a>`, parse_mode: 'HTML' as const, link_preview_options: { url: HOSTILE } };
    const broken = { text: HOSTILE, parse_mode: 'HTML' as const, link_preview_options: { is_disabled: true } };
    const entry: PreviewEntry = { file: `${HOSTILE}.md`, title: HOSTILE, lang: HOSTILE, date: HOSTILE, tags: [HOSTILE], draft: true, routes: [{ route: HOSTILE, discord, telegram }, { telegram: broken }] };
    const html = cardsHtml([entry, { ...entry, error: { message: HOSTILE, line: 3 }, routes: [] }]);
    // Every tag in the page is one of ours, and no attribute is an event handler or a script URL.
    const tags = [...html.matchAll(/<\/?([A-Za-z][A-Za-z0-9-]*)/g)].map((m) => m[1]!);
    expect(tags.length).toBeGreaterThan(20);
    for (const t of tags) expect(TAGS as readonly string[]).toContain(t);
    for (const m of html.matchAll(/<[a-z0-9]+((?:\s+[a-z-]+="[^"]*")*)\s*>/g)) {
      for (const a of m[1]!.matchAll(/\s([a-z-]+)="([^"]*)"/g)) {
        expect(a[1]!.startsWith('on'), a[0]).toBe(false);
        expect(a[2]!.toLowerCase()).not.toContain('javascript:');
      }
    }
    // Every tag is well formed: the page has no '<' or '>' but those of its own tags.
    expect(html.replace(/<\/?[a-z0-9]+(?:\s+[a-z-]+="[^"<>]*")*\s*>/g, '')).not.toMatch(/[<>]/);
    expect(html).toContain('&lt;script&gt;window.__pwned=2&lt;/script&gt;');
  });
});
