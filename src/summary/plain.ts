/**
 * marked tokens → plain text. Formatting marks, HTML tags, images and Liquid go;
 * the words stay. Math is turned into readable text rather than dropped.
 */
import type { Token, Tokens } from 'marked';
import { decodeEntities, stripControls } from '../util/text.js';
import { stripPrivateUse, type SpanTable } from './inline.js';
import { keepsScriptMarks, texReadings, texToText } from './tex.js';
import { scriptedText, scriptTagOf, withScripts } from './sup-sub.js';

/**
 * HTML element names: only these are tags to remove. Anything else in angle brackets
 * (`Vec<u8>`, `#include <stdio.h>`, `List<String>`) is text and stays, escaped by each renderer.
 */
const HTML_ELEMENTS = new Set(
  (
    'a abbr acronym address area article aside audio b base bdi bdo big blink blockquote body br button canvas caption center cite code col colgroup ' +
    'data datalist dd del details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 ' +
    'head header hgroup hr html i iframe img input ins kbd label legend li link main map mark marquee menu meta meter nav nobr noembed noframes ' +
    'noscript object ol optgroup option output p param picture plaintext pre progress q rb rp rt rtc ruby s samp script search section select ' +
    'slot small source span strike strong style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul ' +
    'var video wbr math mi mo mn ms mtext mrow msup msub mfrac msqrt path g rect circle line polyline polygon text tspan use defs'
  ).split(' '),
);

const TAG = /<\/?([A-Za-z][A-Za-z0-9-]*)(?:\s[^>]*)?\/?>/g;

/** Whether `<…>` is an HTML tag (a known element), not text such as `<u8>`. */
function isHtmlTag(s: string): boolean {
  const m = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(s.trim());
  return !!m && HTML_ELEMENTS.has(m[1]!.toLowerCase());
}

/**
 * Known elements go whole, attributes and all, as a browser reads them (`<a #include <stdio.h>` is one
 * `a` tag). Anything else in angle brackets is text, and the tags inside it are still found: in
 * `<C <div>` the `<C ` stays and the `<div>` goes.
 */
function stripHtmlTags(s: string): string {
  return s.replace(TAG, (m, name: string) => (HTML_ELEMENTS.has(name.toLowerCase()) ? '' : '<' + stripHtmlTags(m.slice(1))));
}

/**
 * The visible text of a raw HTML block: no script, style or comments, no tags, entities decoded. Its
 * readers pass it through cleanText, which strips tags and decodes entities again: a `&` or `<` the
 * block wrote as an entity goes back to one, so `&amp;lt;` shows "&lt;" and `&lt;b&gt;` shows "<b>".
 */
export function htmlBlockText(html: string): string {
  const visible = html
    .replace(/<(script|style|template|noscript)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(/<(br|\/p|\/div|\/li|\/h[1-6]|\/tr|\/td|\/th|\/summary|\/details|\/dt|\/dd|\/blockquote|\/figcaption)\b[^>]*>/gi, '$& '); // block ends part words
  return decodeEntities(stripHtmlTags(withScripts(visible))).replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** The end of a display formula and the white space before the next one (`$$…$$ $$…$$`; `\]` and `\[` a line apart): MathJax sets each on its own line. */
const DISPLAYS_IN_A_ROW = /(\$\$)\s+(?=\$\$)|(\\\])[^\S\n]*\n\s*(?=\\\[)/g;
/** MathJax delimiters as they reach the text after Markdown unescaping: `\( … \)`, `\[ … \]`, `$$ … $$`. */
const MATH = /\\\((.+?)\\\)|\\\[(.+?)\\\]|\$\$(.+?)\$\$/gs;
/**
 * Inline math between single dollars (`$z_k$`, `$n!$`, as MathJax and KaTeX configs of Jekyll blogs
 * allow): only when it reads as TeX, so prices ("$5 and $10", "$8.") stay as written.
 */
const DOLLAR_MATH = /(?<![\\$\w])\$(?=[^\s$])([^$\n]{1,600}?)(?<=[^\s$\\])\$(?![\w$])/g;
/** DOLLAR_MATH without `g`: the first span, with no lastIndex carried between calls (made once, not per call). */
const FIRST_DOLLAR_MATH = new RegExp(DOLLAR_MATH.source);
/**
 * Past this length a `$…$` span is math only with a TeX command in it: a long formula (Binet's,
 * 180 characters) is math, and a long stretch of prose between two prices is not.
 */
const SHORT_DOLLAR_MATH = 120;
const TEX_LIKE = /[\\^_{}=]|^\p{L}['′]?$|^\w{1,3}!$/u;
/** Two words in a row: prose between two prices ("$5 or more, 3$"), not an expression such as `$ad - bc$` or `$|r| < 1$`. */
const WORDS_IN_A_ROW = /\p{L}{2,}\s+\p{L}{2,}/u;
/** Characters Markdown escapes that TeX uses (`\(`, `\[`, `\,`, `\;`, `\!`): kept by inlineText for the math passes. */
const TEX_ESCAPED = /\\([()[\],;:!])/g;

function isDollarMath(tex: string): boolean {
  if (tex.length > SHORT_DOLLAR_MATH && !/\\[A-Za-z]{2,}/.test(tex)) return false;
  return !NOT_TEX.test(tex) && (TEX_LIKE.test(tex) || !WORDS_IN_A_ROW.test(tex));
}

/**
 * Characters the writer escaped inside `$…$` back as text: there they are TeX's. A brace keeps its
 * backslash: `\{0, 1\}` is a set's braces in TeX, which shows them, not a group, which it does not.
 */
function withLiterals(tex: string, spans: SpanTable): string {
  return tex.replace(/[\uE000-\uF8FF]/gu, (ch) => {
    const run = spans.get(ch);
    if (run?.style !== 'literal') return ch;
    return run.text === '{' || run.text === '}' ? `\\${run.text}` : run.text;
  });
}
/** What TeX never holds: a backtick or a placeholder (a code span's), so such text stays as written. */
const NOT_TEX = /[`\uE000-\uF8FF]/;
/**
 * A GitHub-style emoji shortcode (`:rocket:`, `:+1:`), which Jekyll's jemoji plugin turns into an
 * image (https://github.com/jekyll/jemoji, README: "I give this plugin two :+1:!"): dropped, with
 * the space before it. It decorates; the words around it carry the meaning, and showing the emoji
 * would need gemoji's table of some 1,800 names for no word of substance. Not after a letter or
 * colon ("std::", "a:b:c"), nor before a letter, digit or colon ("10:30:45"), except after the
 * letters of scripts written without spaces ("部署已经完成:tada:。"); after a figure or a stop it
 * is one ("version 2.0:tada: with": its name has a letter, a time or ratio none). html-pipeline's EmojiFilter, which jemoji runs, matches
 * `:name:` wherever it stands (gjtorikian/html-pipeline lib/html/pipeline/emoji_filter.rb, `/:(names):/`);
 * a space after one goes with it there, before Chinese or Japanese text or punctuation.
 */
const CJK_LETTER = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]`;
/** Text written without spaces between words (Korean spaces its words): a space before it is no word's. */
const UNSPACED = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]`;
const SHORTCODE = String.raw`:(?:[a-z0-9_]*[a-z][a-z0-9_]*(?:[+-][a-z0-9_]+)*|[+-]1):`;
const EMOJI_SHORTCODE = new RegExp(
  String.raw`(?:(?:^|\s)${SHORTCODE}|(?<=[\p{N}.!?])${SHORTCODE}|(?<=${CJK_LETTER})${SHORTCODE}(?:\s+(?=${UNSPACED}))?)(?![\p{N}:]|(?!${CJK_LETTER})\p{L})`,
  'gu',
);
/** What every shortcode holds, without the Unicode lookarounds: most colons are no shortcode's. */
const MAYBE_SHORTCODE = /:[a-z0-9_+-]+:/;
const LIQUID = /\{%-?[\s\S]*?-?%\}|\{\{[\s\S]*?\}\}/g;

/**
 * `\[at this page\](url)`: brackets the writer escaped so no link is made, not TeX's display math:
 * words without TeX's characters, right before a `(`. They stay text (TEX_ESCAPED), brackets and all.
 */
function escapedLinkText(inner: string, after: string): boolean {
  if (!after.startsWith('(') || /[\\^_{}=]/.test(inner)) return false;
  // One word is link text only before a link's target ("\[docs\](https://…)"): "\[ab\](x)" may be math.
  return WORDS_IN_A_ROW.test(inner) || (/^\s*\p{L}{2,}\s*$/u.test(inner) && LINK_TARGET.test(after));
}

/** A link's target opening a parenthesis: a URL, a path or an anchor. */
const LINK_TARGET = /^\((?:https?:|mailto:|www\.|\.{0,2}\/|#)/u;

/** Replaces math with readable text, and removes Liquid tags and stray HTML. */
export function cleanText(s: string, spans?: SpanTable): string {
  // Each pass only when its trigger character is there: most paragraphs need none of them.
  let out = s;
  // With a span table, math becomes one unbreakable unit: no sentence ends and no cut falls inside it.
  // A span the tables cannot read is marked so: no point shows raw TeX (select.ts leaves it out).
  const math = (tex: string) => {
    // Without a span table (titles, labels, search text) nothing is dropped: an unknown command reads as its name.
    // Only a span keeps the marked reading: read once without one (a second reading was most of the lookup prose's TeX, issue 31).
    if (!spans) return texToText(tex).text.replace(/\\([A-Za-z]+)/g, '$1');
    const read = texReadings(tex);
    return spans.addMath(read.text, read.readable, read.marked, keepsScriptMarks(read.text));
  };
  if (out.includes('\\') || out.includes('$$')) {
    // Two display formulas with only white space between are two lines on the page: read apart.
    out = out.replace(DISPLAYS_IN_A_ROW, (_m, dollars: string | undefined, bracket: string | undefined) => `${dollars ?? bracket}; `);
    out = out.replace(MATH, (m: string, a: string | undefined, b: string | undefined, c: string | undefined, at: number, all: string) =>
      b !== undefined && escapedLinkText(b, all.slice(at + m.length, at + m.length + 12)) ? m : math(spans ? withLiterals(a ?? b ?? c ?? '', spans) : (a ?? b ?? c ?? '')),
    );
  }
  if (out.includes('$')) {
    out = out.replace(DOLLAR_MATH, (m, inner: string) => {
      const tex = spans ? withLiterals(inner, spans) : inner;
      return isDollarMath(tex) ? math(tex) : m;
    });
  }
  // TeX's escapes outside math (inlineText keeps their backslash for the math above) are the character.
  if (out.includes('\\')) out = out.replace(TEX_ESCAPED, (_m, ch: string) => (spans && /[[\]!]/.test(ch) ? spans.add({ text: ch, style: 'literal' }) : ch));
  if (out.includes('{')) out = out.replace(LIQUID, '');
  if (out.includes('<')) out = stripHtmlTags(out).replace(/<!--[\s\S]*?-->/g, '');
  if (out.includes('&')) out = decodeEntities(out);
  if (out.includes(':') && MAYBE_SHORTCODE.test(out)) out = out.replace(EMOJI_SHORTCODE, '');
  return stripControls(scrubMarkup(out));
}

/**
 * Markup that marked leaves as text when it is unbalanced (`**bold`, a stray backtick, `%}`):
 * a chat would show it as noise or, worse, as formatting. Single `*` and `_` stay (`2 * 3`).
 */
export function scrubMarkup(s: string): string {
  if (!/[*_`%{}#\]!~^]/.test(s)) return s;
  return s
    .replace(/\*{2,}|_{2,}|`+|~{2,}/g, '')
    .replace(/\[\^/g, '[')
    .replace(/\{:/g, '')
    .replace(/\{%-?|-?%\}|\{\{|\}\}/g, '')
    .replace(/\]\(/g, '] (')
    .replace(/!+\[/g, '[') // an image's marker, however many `!` lead it (`!![` left `![`)
    // A heading's marker only where it would make one, at a line's start, or a closing run at the end:
    // mid-line ("markdown like # Heading") CommonMark reads it as text, and so does the point.
    .replace(/(^|\n)[ \t]*#{1,6}(?=\s|$)|\s#{1,6}\s*$/gu, '$1');
}

/** Inline tags a browser breaks the line at: the words on either side are apart. */
const LINE_BREAK_TAG = /^<\/?(?:br|p|div|li|tr|hr|h[1-6]|blockquote)\b[^>]*>$/i;

/** The source around a run of inline tokens read inside another token: emphasis inside math is found across it. */
interface Around {
  before: string;
  after: string;
}
const NOTHING_AROUND: Around = { before: '', after: '' };

/**
 * Whether an emphasis token starts inside a `$…$` math span: the text before it (`before`) opened a
 * span that the source from the token on (`rest`) closes, and DOLLAR_MATH and isDollarMath read it as math.
 */
function inMath(before: string, rest: string): boolean {
  const open = before.lastIndexOf('$');
  const close = rest.indexOf('$');
  if (open < 0 || close < 0) return false;
  const span = before.slice(open) + rest.slice(0, close + 1);
  const m = FIRST_DOLLAR_MATH.exec(before.slice(Math.max(0, open - 1), open) + span + rest.charAt(close + 1));
  return !!m && m[0] === span && isDollarMath(m[1]!);
}

/** Whether the token at `i` stands inside a `$…$` math span of the text read so far and the source after it. */
function inMathAt(out: string, tokens: readonly Token[], i: number, around: Around): boolean {
  if (!out.includes('$') && !around.before.includes('$')) return false;
  return inMath(around.before + out, tokens.slice(i).map((u) => u.raw).join('') + around.after);
}

/**
 * `$f(x^*)$ … $x^*$`: marked pairs the stars of two math spans as emphasis; math is read first
 * (cleanText), so the marks are the math's characters and the words between them plain text.
 */
function marksAsMath(t: Tokens.Strong | Tokens.Em, following: readonly Token[], spans: SpanTable | undefined, around: Around): string {
  const mark = t.raw.slice(0, t.type === 'strong' ? 2 : 1);
  const close = t.raw.endsWith(mark) ? mark : '';
  const after = close + following.map((u) => u.raw).join('') + around.after;
  return mark + inlineText(t.tokens, spans, { before: around.before + mark, after }) + close;
}

/** A Latin letter or digit, by code (a regex anchored at the end of a growing string was quadratic). */
function isAsciiWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function nextText(t: Token | undefined): string {
  return t && 'text' in t && typeof t.text === 'string' ? t.text : '';
}

/**
 * Plain text of inline tokens. With a span table, code spans and struck-through text become
 * placeholders (see inline.ts) so no clean-up touches them; without one, code keeps its text.
 * Images and HTML tags contribute nothing; angle brackets that are not tags stay as text.
 */
/** A link's text that is only a reference number: `1`, `[12]`, `^3`. */
const CITATION_NUMBER = /^(?:\[\d{1,3}\]|\^?\d{1,3})$/;

export function inlineText(tokens: readonly Token[] | undefined, spans?: SpanTable, around: Around = NOTHING_AROUND): string {
  if (!tokens) return '';
  let out = '';
  let skipTo = -1; // the closing tag of a <sup> or <sub> read with its text
  tokens.forEach((t, i) => {
    if (i <= skipTo) return;
    switch (t.type) {
      case 'text':
        out += 'tokens' in t && t.tokens?.length ? inlineText(t.tokens, spans) : stripPrivateUse((t as Tokens.Text).text);
        break;
      case 'escape': {
        // `\#`, `\*`: the writer wanted the character itself; no clean-up may take it for markup.
        const ch = stripPrivateUse((t as Tokens.Escape).text);
        // TeX's `\(`, `\[`, `\,` keep their backslash until cleanText has found the math (TEX_ESCAPED);
        // an escaped backslash stays text too: notes write MathJax's `\\( … \\)` so (see MATH).
        if (/^[()[\],;:!]$/.test(ch)) out += '\\' + ch;
        else out += spans && /[#*_`~{}%^|]/.test(ch) ? spans.add({ text: ch, style: 'literal' }) : ch;
        break;
      }
      case 'strong':
      case 'em':
        if (inMathAt(out, tokens, i, around)) {
          out += marksAsMath(t as Tokens.Strong, tokens.slice(i + 1), spans, { before: around.before + out, after: around.after });
          break;
        }
        // `a*b*c*d` in prose: single asterisks between Latin letters or digits are the writer's, not
        // emphasis they meant (CJK text has no spaces, so emphasis there is always between letters).
        if (spans && t.type === 'em' && t.raw.startsWith('*') && isAsciiWordChar(out.charCodeAt(out.length - 1)) && isAsciiWordChar(nextText(tokens[i + 1]).charCodeAt(0))) {
          out += spans.add({ text: t.raw, style: 'literal' });
          break;
        }
        out += inlineText((t as Tokens.Strong).tokens, spans);
        break;
      case 'link': {
        // A link that is only an image ("Built with [![Jekyll](badge.svg)](…)") is named by the image's alt text.
        const text = inlineText((t as Tokens.Link).tokens, spans);
        // A numbered reference ("published in 1998 [2][paxos]") cites a source: its number says nothing in a point.
        if (CITATION_NUMBER.test(text.trim()) && /\S\s*$/.test(out)) {
          out = out.trimEnd();
          break;
        }
        out += text.trim() ? text : (t as Tokens.Link).tokens.map((u) => (u.type === 'image' ? stripPrivateUse((u as Tokens.Image).text) : '')).join(' ');
        break;
      }
      case 'del': {
        const text = inlineText((t as Tokens.Del).tokens);
        out += spans ? spans.add({ text: cleanText(text).replace(/\s+/g, ' ').trim(), style: 'del' }) : text;
        break;
      }
      case 'codespan': {
        const code = stripControls(stripPrivateUse((t as Tokens.Codespan).text)).replace(/\s*\n\s*/g, ' ');
        out += spans && code.trim() ? spans.add({ text: code, style: 'code' }) : code;
        break;
      }
      case 'br':
        out += ' ';
        break;
      case 'image':
        break;
      case 'html': {
        const tag = scriptTagOf((t as Tokens.HTML).text);
        const close = tag ? tokens.findIndex((u, j) => j > i && u.type === 'html' && new RegExp(`^</${tag}\\s*>$`, 'i').test((u as Tokens.HTML).text.trim())) : -1;
        if (tag && close > i) {
          out += scriptedText(tag, inlineText(tokens.slice(i + 1, close)), out);
          skipTo = close;
          break;
        }
        // `<u8>` in `Vec<u8>` is lexed as inline HTML; only real tags go, and none inside math (`$a<b>c$` compares).
        if (!isHtmlTag((t as Tokens.HTML).text) || inMathAt(out, tokens, i, around)) out += stripPrivateUse((t as Tokens.HTML).text);
        // A line or block break (`prose.<br>Line two`) parts words as the browser shows them, on lines of their own.
        else if (LINE_BREAK_TAG.test((t as Tokens.HTML).text)) out += ' ';
        break;
      }
      default:
        out += 'tokens' in t && Array.isArray(t.tokens) ? inlineText(t.tokens as Token[], spans) : '';
    }
  });
  return out;
}

export interface Link {
  text: string;
  url: string;
}

/** Collects links from a token tree (inline and block), in document order. Code is skipped. */
export function collectLinks(tokens: readonly Token[] | undefined, out: Link[] = []): Link[] {
  findLink(tokens, (l) => {
    out.push({ text: inlineText(l.tokens), url: l.href });
    return false;
  });
  return out;
}

/** Whether collectLinks would find a link, without reading any link's text. */
export function hasLink(tokens: readonly Token[] | undefined): boolean {
  return findLink(tokens, () => true);
}

/** Visits the links of a token tree in document order, code skipped, until `visit` returns true (then true). */
function findLink(tokens: readonly Token[] | undefined, visit: (l: Tokens.Link) => boolean): boolean {
  if (!tokens) return false;
  for (const t of tokens) {
    if (t.type === 'code' || t.type === 'codespan' || t.type === 'html') continue;
    if (t.type === 'link') {
      if (visit(t as Tokens.Link)) return true;
      continue;
    }
    if (t.type === 'list') {
      for (const item of (t as Tokens.List).items) if (findLink(item.tokens, visit)) return true;
      continue;
    }
    if (t.type === 'table') {
      const tb = t as Tokens.Table;
      for (const cell of tb.header) if (findLink(cell.tokens, visit)) return true;
      for (const row of tb.rows) for (const cell of row) if (findLink(cell.tokens, visit)) return true;
      continue;
    }
    // The property read, not `'tokens' in t`: over tokens of a dozen shapes the `in` test was most of this walk's time.
    const inner = (t as { tokens?: unknown }).tokens;
    if (Array.isArray(inner) && findLink(inner as Token[], visit)) return true;
  }
  return false;
}
