import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { buildSummary, DEFAULT_SUMMARY_OPTIONS } from '../../src/summary/build.js';
import { renderAll } from '../../src/render/index.js';
import { DISCORD_LIMITS, embedTotalLength } from '../../src/render/discord.js';
import { TELEGRAM_MAX_TEXT } from '../../src/render/telegram.js';
import { truncate } from '../../src/util/text.js';
import { pointText } from '../../src/summary/inline.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { discordVisibleText, telegramVisible } from '../helpers/visible.js';

const opts: ReadOptions = {
  maxBytes: 8 * 1024 * 1024,
  defaultLang: 'en',
  fileLangs: [...DEFAULT_FILE_LANGS],
  site: { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {} },
};

function render(text: string, rel = '_posts/2025-01-01-hostile-en.md') {
  const { note, tokens } = parseNote(rel, Buffer.from(text), opts);
  const summary = buildSummary(note, tokens);
  return { summary, ...renderAll(summary) };
}

/** Telegram's HTML parser accepts only these tags, properly nested; everything else must be escaped. */
function assertTelegramHtmlValid(html: string) {
  const stack: string[] = [];
  const re = /<(\/?)([a-z-]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*>|<|>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    if (!m[2]) throw new Error(`bare ${m[0]} at ${m.index}`);
    expect(['b', 'i', 'a', 'code', 'pre', 's', 'u', 'blockquote']).toContain(m[2]);
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else stack.push(m[2]);
  }
  expect(stack).toEqual([]);
  // Every & starts an entity.
  for (const amp of html.matchAll(/&/g)) expect(html.slice(amp.index!)).toMatch(/^&(amp|lt|gt|quot);/);
}

function assertLimits(r: ReturnType<typeof render>) {
  const e = r.discord.embeds[0]!;
  expect(embedTotalLength(e)).toBeLessThanOrEqual(DISCORD_LIMITS.total);
  expect(e.title!.length).toBeLessThanOrEqual(DISCORD_LIMITS.title);
  expect(discordVisibleText(e).length).toBeLessThanOrEqual(DEFAULT_SUMMARY_OPTIONS.maxChars);
  expect(r.telegram.text.length).toBeLessThanOrEqual(TELEGRAM_MAX_TEXT);
  expect(telegramVisible(r.telegram.text).length).toBeLessThanOrEqual(DEFAULT_SUMMARY_OPTIONS.maxChars);
  assertTelegramHtmlValid(r.telegram.text);
  expect(r.discord.allowed_mentions).toEqual({ parse: [] });
}

describe('hostile notes', () => {
  it('cannot ping @everyone, @here, roles or users on Discord', () => {
    // The mentions stand inside the sentence: a greeting to them in front ("Hey @everyone, …") is cut from the summary.
    const r = render('---\ntitle: "@everyone look"\ntags: ["@here"]\n---\nThe deploy tells @everyone and @here to see <@&123456789012345678> and <@123> now.\n\n- <#42> channel');
    assertLimits(r);
    const e = r.discord.embeds[0]!;
    const all = JSON.stringify(e);
    expect(all).not.toMatch(/@everyone|@here/);
    expect(e.description).not.toMatch(/<@&?\d|<#\d/);
    expect(e.description).toContain('@\u200Beveryone');
  });

  it('escapes <script>, &amp; and stray markup for Telegram and Discord', () => {
    const r = render('# Title <b>bold</b> & co\n\nText with <script>alert(1)</script> and &amp; and 1 < 2 > 0 & "q".\n\nMore *unbalanced _marks and ~~ and `ticks.');
    assertLimits(r);
    expect(r.telegram.text).not.toContain('<script>');
    expect(r.telegram.text).not.toContain('<b>bold</b>');
    expect(telegramVisible(r.telegram.text)).toContain('1 < 2 > 0 & "q"');
    expect(r.summary.keyPoints.map(pointText).join(' ')).toContain('Text with alert(1) and & and');
    const d = r.discord.embeds[0]!.description!;
    expect(d).toContain('\\*unbalanced \\_marks');
  });

  it('never cuts inside an emoji ZWJ sequence or a combining mark', () => {
    const family = '👨‍👩‍👧‍👦';
    const combining = 'e\u0301';
    for (let pad = 190; pad < 202; pad++) {
      const s = 'x'.repeat(pad) + family + combining.repeat(10) + ' tail';
      const cut = truncate(s, 200);
      expect(cut.length).toBeLessThanOrEqual(200);
      const body = cut.slice(0, -1);
      // What remains is a prefix made of whole graphemes.
      const graphemes = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(s)].map((g) => g.index);
      expect(graphemes).toContain(body.length);
    }
    const r = render(`${'Wörds and more wörds '.repeat(9)}${family}${family}${combining} end.`);
    assertLimits(r);
    const p = pointText(r.summary.keyPoints[0]!);
    expect(p.endsWith('…')).toBe(true);
    expect(p).not.toMatch(/\u200D…|\uD83D…/);
  });

  it('keeps right-to-left text intact and strips bidi overrides', () => {
    const r = render('---\nlang: ar\n---\nهذه جملة عربية.\u202E evil \u202C وهذه أخرى.');
    assertLimits(r);
    expect(pointText(r.summary.keyPoints[0]!)).toContain('هذه جملة عربية.');
    expect(r.summary.keyPoints.map(pointText).join('')).not.toMatch(/[\u202A-\u202E]/);
  });

  it('handles a 100,000-character line', () => {
    const r = render(`A very long line ${'abcdefghij '.repeat(10_000)}end.`);
    assertLimits(r);
    expect(pointText(r.summary.keyPoints[0]!).length).toBeLessThanOrEqual(200);
    const noSpaces = render('x'.repeat(100_000));
    assertLimits(noSpaces);
  });

  it('handles 10,000 links: at most 5, deduplicated, absolute', () => {
    const links = Array.from({ length: 10_000 }, (_, i) => `[link ${i}](https://ex.org/p/${i % 7})`).join(' ');
    const r = render(`Intro sentence here.\n\n${links}\n\n[rel](../other/page)`);
    assertLimits(r);
    expect(r.summary.links.length).toBeLessThanOrEqual(5);
    expect(new Set(r.summary.links.map((l) => l.url)).size).toBe(r.summary.links.length);
  });

  it('makes relative links absolute against the note URL and drops javascript: links', () => {
    const r = render('See [docs](/docs/start) and [x](javascript:alert(1)) and [y](other).');
    expect(r.summary.links.map((l) => l.url)).toEqual(['https://ex.org/docs/start', 'https://ex.org/other']);
  });

  it('drops Liquid, images, HTML and code from points', () => {
    const r = render('{% include x.html %} Real sentence {{ page.missing }} here. ![img](a.png)\n\n```\ncode here\n```\n\n<div>raw</div>\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    assertLimits(r);
    expect(r.summary.keyPoints.map(pointText)).toEqual(['Real sentence here.']);
  });

  it('survives very long titles and tags', () => {
    const r = render(`---\ntitle: "${'T'.repeat(5000)}"\ntags: [${Array.from({ length: 50 }, (_, i) => `tag${i}`).join(', ')}]\n---\nBody text here.`);
    assertLimits(r);
    expect(r.summary.keyPoints.length).toBeGreaterThanOrEqual(1);
  });
});
