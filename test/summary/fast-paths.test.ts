/**
 * The summary's and renderers' fast paths (character-code tests and early returns taken for speed)
 * against the plain definitions they stand for: same result for any input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { SpanTable } from '../../src/summary/inline.js';
import { termsOf, WORD } from '../../src/summary/salience.js';
import { defuseMentions, escapeDiscordMarkdown, escapeTelegramHtml } from '../../src/render/escape.js';
import { telegramVisibleText } from '../../src/render/telegram.js';
import { wordBeforeDot } from '../../src/summary/sentences.js';
import { saidText } from '../../src/summary/said.js';
import { hasScripts } from '../../src/summary/sup-sub.js';
import { allIn } from '../../src/summary/code-terms.js';

describe('the terms of a text with code, math and struck-through spans', () => {
  const pieces = ['Tokio', 'AI', 'C#', 'is', 'of', '3D', 'x', 'É', 'ÉT', 'é1', "it's", 'API’s', 'v1.2.', 'runs.', '中文', 'の', 'カナ', '𠀀', ' ', ', ', '. ', '(', ')'];
  const runs = [
    { text: 'Vec<u8>', style: 'code' as const },
    { text: ' cargo Build ', style: 'code' as const },
    { text: 'x²' },
    { text: '中文字' },
    { text: 'Old Name', style: 'del' as const },
    { text: '#', style: 'literal' as const },
  ];

  it('are those of the text with each span written out (code as one term), for any text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.integer({ min: 0, max: runs.length - 1 })), { maxLength: 24 }), (parts) => {
        const spans = new SpanTable();
        let withPlaceholders = '';
        let written = '';
        const code: string[] = [];
        for (const p of parts) {
          if (typeof p === 'string') {
            withPlaceholders += p;
            written += p;
            continue;
          }
          const run = runs[p]!;
          withPlaceholders += spans.add(run);
          if (run.style === 'code') code.push(`\u0000${run.text.trim().toLowerCase()}`);
          else written += ` ${run.text} `;
        }
        const properA = new Set<string>();
        const properB = new Set<string>();
        const terms = termsOf(withPlaceholders, spans, properA);
        const plain = termsOf(written, new SpanTable(), properB);
        expect(new Set(terms)).toEqual(new Set([...code, ...plain]));
        expect(properA).toEqual(properB);
      }),
      { numRuns: 2000 },
    );
  });

  it('keep a one- or two-character word only when it is a number, an acronym or has a #', () => {
    const chars = ['a', 'Z', 'Q', '7', '#', 'é', 'É', '٣', 'Ⅻ', 'ß', 'x', 'I'];
    fc.assert(
      fc.property(fc.constantFrom(...chars), fc.option(fc.constantFrom(...chars), { nil: '' }), (a, b) => {
        const word = `${a}${b}`;
        const found = [...termsOf(` ${word} `, new SpanTable())];
        const words = [...word.matchAll(WORD)].map((m) => m[0]);
        const expected = new Set(words.filter((w) => /\p{N}|^\p{Lu}{2}$|#/u.test(w)).map((w) => w.toLowerCase()));
        expect(new Set(found)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the page a template sees', () => {
  const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };
  const { note, tokens } = parseNote('_posts/2025-01-01-note.md', Buffer.from('---\ntitle: A note\n---\nTokio runs futures on a thread pool.\n'), opts);
  const value = fc.letrec((tie) => ({
    leaf: fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: false }), fc.constant(-0)),
    node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('node'), { maxKeys: 4 })),
  })).node;

  it('is the front matter as JSON reads it back, for any front matter', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), value, { maxKeys: 6 }), (frontMatter) => {
        const page = buildSummary({ ...note, frontMatter: frontMatter as typeof note.frontMatter }, tokens).page;
        expect(page).toStrictEqual(JSON.parse(JSON.stringify(frontMatter)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('escaping with an early return for text that needs none', () => {
  const text = fc.array(fc.constantFrom('a', ' ', '@', 'everyone', 'here', '<', '>', '@', '#', ':', 't:', '&', '"', "'", '*', '_', '~', '`', '|', '[', ']', '\\', 'http', 's://', 'x.org/a_b', '.', ')', '\n', 'é', '&amp;', '&lt;', '&#39;', '&quot;', '<b>'), { maxLength: 20 }).map((p) => p.join(''));

  it('is what the plain replacements give, for any text', () => {
    const mentions = (s: string) => s.replace(/@(everyone|here)/gi, '@\u200B$1').replace(/<(?=[@#:&]|t:|a:|\/)/g, '<\u200B');
    const markup = (s: string) => mentions(s.replace(/[\\*_~`|[\]<]/g, '\\$&'));
    const discord = (s: string) => {
      let out = '';
      let at = 0;
      for (const m of s.matchAll(/https?:\/\/[^\s<]+[^<.,:;"')\]\s]/g)) {
        out += markup(s.slice(at, m.index)) + m[0];
        at = m.index + m[0].length;
      }
      return out + markup(s.slice(at));
    };
    const telegram = (s: string) =>
      s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/@(?=[A-Za-z0-9_]|$)/g, '@\u2060');
    const visible = (h: string) => h.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    fc.assert(
      fc.property(text, (s) => {
        expect(defuseMentions(s)).toBe(mentions(s));
        expect(escapeDiscordMarkdown(s)).toBe(discord(s));
        expect(escapeTelegramHtml(s)).toBe(telegram(s));
        expect(telegramVisibleText(s)).toBe(visible(s));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the word before a sentence-ending dot (abbreviations)', () => {
  const pieces = ['e', 'E', 'g', 'Dr', 'é', 'ß', '中', '𝐀', '𠀀', '.', '.', ' ', '(', '（', '"', '“', '‘', "'", '-', '1', '\u00a0', '\u3000', ',', '\ud800', '\udc00'];
  it('is what the regex it stands for captures, for any text', () => {
    const regex = /(?:^|[\s(（"'“‘])([\p{L}][\p{L}.]*)\.$/u;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(wordBeforeDot(text)).toBe(regex.exec(text)?.[1]);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('what a point says, normalised to tell a point said within another', () => {
  const pieces = ['Tokio', 'AI', 'runs', 'É', 'é', 'ß', 'İ', '中文', '𝐀', '𠀀', '١', '3', ' ', '  ', ', ', '. ', '-', '_', "'", '\t', '\n', '\ue000', '\ue001', '\uf8ff', '\ud800'];
  it('is what the regex it stands for gives, for any text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        expect(saidText(text)).toBe(` ${text.toLowerCase().replace(/[^\p{L}\p{N}\uE000-\uF8FF]+/gu, ' ').trim()} `);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('whether a word holds a raised or lowered character', () => {
  const pieces = ['V', 'max', 'é', '±', '\u00b1', '\u00b2', '\u00b3', '\u00b9', '\u00ba', 'ʰ', 'ᵀ', 'ᵢ', '′', '⁰', '₀', 'ₘ', 'ⱼ', 'ⱽ', '中', '𝐀', '\ud800', ' '];
  it('is what the character class it stands for finds, for any text', () => {
    const scripted = /[\u00B2\u00B3\u00B9\u02B0-\u02E3\u1D2C-\u1D61\u1D9B-\u1DBF\u2032\u2070-\u207F\u2C7D\u1D62-\u1D6A\u2080-\u209C\u2C7C]/;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        expect(hasScripts(text)).toBe(scripted.test(text));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('whether every identifier part of a term is in the note’s code', () => {
  const pieces = ['datetime', 'now', '_x', 'É', 'é', '\u0301', '中文', '𝐀', '𝟘', '١', '²', '3', '.', '(', ')', ' ', '-', '\ud800', '\ue000'];
  it('is what the regex of identifier parts it stands for gives, for any term and parts', () => {
    const reference = (term: string, parts: ReadonlySet<string>) => {
      const found = [...term.matchAll(/[\p{L}\p{N}_]+/gu)].map((m) => m[0]);
      return parts.size > 0 && found.length > 0 && found.every((p) => parts.has(p));
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), fc.array(fc.constantFrom(...pieces), { maxLength: 6 }), (termParts, known) => {
        const term = termParts.join('');
        const parts = new Set([...known.join(' ').matchAll(/[\p{L}\p{N}_]+/gu)].map((m) => m[0]));
        expect(allIn(term, parts)).toBe(reference(term, parts));
      }),
      { numRuns: 20_000 },
    );
  });
});
