/**
 * A note → its chat-sized summary: title, URL, 1–5 key points in the note's own
 * language, up to 5 links, and the facts a footer shows. Pure.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import type { Note } from '../notes/read.js';
import { collapseWhitespace, truncate } from '../util/text.js';
import { collectCandidates } from './candidates.js';
import { pointText, SpanTable, type KeyPoint } from './inline.js';
import { pickLinks } from './links.js';
import { cleanText, collectLinks, htmlBlockText, inlineText, type Link } from './plain.js';
import { choosePoints, POINT_OVERHEAD } from './select.js';
import { truncatePoint } from './truncate-point.js';
import { openingWords } from './opening.js';
import { emphasisedPhrases } from './emphasis.js';
import { DEFAULT_SUMMARY_OPTIONS, summaryFooter, type Summary, type SummaryOptions } from './shape.js';

// What a summary is and its footer have their own module, which the renderers and commands load without this one's.
export { DEFAULT_SUMMARY_OPTIONS, summaryFooter, summaryOptionsOf, type Summary, type SummaryOptions } from './shape.js';

/** The least share of the text budget the points keep before links give way. */
const POINTS_SHARE = 0.9;

/**
 * Words for reading time, in one pass over the raw body: runs of non-space characters holding a
 * letter or digit (markup alone, `>` `*` `-` `#` `|`, is no word: 5,000 nested quote marks read
 * in no time), plus CJK and Thai characters at about two a word. A regex with Unicode script
 * classes was 10x slower.
 */
function countWords(text: string): number {
  let words = 0;
  let cjk = 0;
  let inWord = false; // in a run of non-space characters…
  let counted = false; // …already counted (it has a letter or digit)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x0e00 && c <= 0x0e7f)) {
      cjk++;
      inWord = false;
    } else if (c === 32 || c === 10 || c === 9 || c === 13 || c === 0x3000) inWord = false;
    else {
      if (!inWord) counted = false;
      inWord = true;
      // ASCII letters and digits, and any other script's characters (beyond ASCII: letters as far as a count goes).
      if (!counted && ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0x80)) {
        counted = true;
        words++;
      }
    }
  }
  // Math.round(cjk / 2) in integers: a division here deoptimised the loop again and again ("lost precision").
  return words + ((cjk + 1) >> 1);
}

/** Builds the summary from the note and marked's tokens of its body. */
export function buildSummary(note: Note, tokens: readonly Token[], opts: SummaryOptions = DEFAULT_SUMMARY_OPTIONS): Summary {
  const spans = new SpanTable();
  const { candidates, referenceLinks, headings, topic, parts, heard } = collectCandidates(tokens, note.locale, spans, opts.maxPointChars);
  // The author's own summary (front matter `description`, Jekyll's excerpt) leads when there is one.
  const lead = authorsLead(note, spans, opts.maxPointChars);
  const links = pickLinks([...(lead?.links ?? []), ...referenceLinks, ...collectLinks(tokens as Token[])], note.url, opts.maxLinks);
  const summary: Summary = {
    title: truncate(collapseWhitespace(cleanText(note.title)), 256, note.locale),
    url: note.url,
    keyPoints: [],
    links,
    lang: note.lang,
    locale: note.locale,
    tags: note.tags,
    date: note.date ? note.date.toISOString().slice(0, 10) : undefined,
    readingMinutes: Math.max(1, Math.round(countWords(note.body) / 220)),
    categories: note.categories,
    page: pageOf(note),
  };
  // Links give way first: what the note says is worth more than where else to read, so points may
  // take most of the room; the links the points leave room for come back after the points are chosen.
  const offered = summary.links;
  summary.links = [...offered];
  // The footer is the same whatever links are shown: measured once, not once a link tried (issue 23).
  const footer = summaryFooter(summary).length;
  while (summary.links.length && opts.maxChars - fixedChars(summary, footer) < opts.maxChars * POINTS_SHARE) summary.links.pop();
  const leadChars = lead ? spans.visibleLength(lead.text) + POINT_OVERHEAD : 0;
  const budget = { chars: opts.maxChars - fixedChars(summary, footer) - leadChars, maxPoints: opts.maxPoints - (lead ? 1 : 0), maxPointChars: opts.maxPointChars };
  // A sentence of the body the lead already says is not said again.
  const rest = lead ? candidates.filter((c) => !saysWithin(pointText(spans.expand(c.text)), lead.said)) : candidates;
  // A heading over the whole note names its subject as the title does.
  const named = topic ? `${summary.title}\n${topic}` : summary.title;
  const chosen = budget.maxPoints > 0 ? choosePoints(rest, spans, note.locale, named, headings, budget, codeBlockTexts(tokens), parts, heard, emphasisedPhrases(tokens)) : [];
  summary.keyPoints = lead ? [spans.expand(lead.text), ...chosen] : chosen;
  // A note whose every sentence fell out (one long code span, math no table reads) still says something.
  if (!summary.keyPoints.length && budget.maxPoints > 0) summary.keyPoints = openingWords(tokens, spans, note.locale, opts.maxPointChars);
  summary.links = linksThatFit(summary, footer, offered, opts.maxChars - pointsChars(summary.keyPoints));
  return summary;
}

/** The text of the note's code blocks, those inside lists and quotes too, in reading order. */
function codeBlockTexts(tokens: readonly Token[], out: string[] = []): string[] {
  for (const t of tokens) {
    if (t.type === 'code') out.push((t as Tokens.Code).text);
    else if (t.type === 'list') for (const item of (t as Tokens.List).items) codeBlockTexts(item.tokens, out);
    else if (t.type === 'blockquote') codeBlockTexts((t as Tokens.Blockquote).tokens, out);
  }
  return out;
}

/** Front matter as templates see it: JSON values only, so a stored summary reads the same as a fresh one. */
function pageOf(note: Note): Record<string, unknown> {
  return (jsonCopy(note.frontMatter) ?? JSON.parse(JSON.stringify(note.frontMatter))) as Record<string, unknown>;
}

/**
 * `JSON.parse(JSON.stringify(v))` for the values front matter holds (text, finite numbers, booleans,
 * null, valid dates, plain lists and mappings) without the text in between, which was a notable
 * share of a short note's summary; undefined for anything else, which takes the JSON round trip.
 */
function jsonCopy(v: unknown): unknown {
  if (typeof v === 'string' || typeof v === 'boolean' || v === null) return v;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0) ? v : undefined;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString();
  if (Array.isArray(v)) {
    if (Object.getPrototypeOf(v) !== Array.prototype) return undefined;
    const out: unknown[] = [];
    for (let i = 0; i < v.length; i++) {
      const c = jsonCopy(v[i]);
      if (c === undefined) return undefined;
      out.push(c);
    }
    return out;
  }
  if (typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) {
    const value = (v as Record<string, unknown>)[key];
    if (value === undefined) continue; // JSON leaves the key out
    const c = jsonCopy(value);
    if (c === undefined || key === '__proto__') return undefined;
    out[key] = c;
  }
  return out;
}

/** Text compared for repetition: letters and digits in lower case, one space between words. */
function normalised(s: string): string {
  return ` ${s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

/** Whether `point` is said within `said` (normalised), word for word. */
function saysWithin(point: string, said: string): boolean {
  const p = normalised(point);
  return p.trim() !== '' && said.includes(p);
}

/**
 * The note's excerpt (notes/excerpt.ts) read as Markdown, as the body is: its prose as one point
 * (code kept as code), its links among the summary's links. `said`: what it shows, normalised.
 */
function authorsLead(note: Note, spans: SpanTable, maxChars: number): { text: string; said: string; links: Link[] } | undefined {
  if (!note.excerpt?.trim()) return undefined;
  const tokens = new Lexer({ gfm: true }).lex(note.excerpt);
  const prose = collapseWhitespace(cleanText(leadProse(tokens, spans), spans));
  const text = prose ? truncatePoint(prose, maxChars, spans, note.locale) : '';
  return text ? { text, said: normalised(pointText(spans.expand(text))), links: collectLinks(tokens) } : undefined;
}

/** The inline text of an excerpt's blocks (paragraphs, headings, list items, quotes), code blocks and tables left out. */
function leadProse(tokens: readonly Token[], spans: SpanTable): string {
  const parts: string[] = [];
  for (const t of tokens) {
    if (t.type === 'paragraph' || t.type === 'heading' || t.type === 'text') parts.push(inlineText((t as Tokens.Paragraph).tokens ?? [t], spans));
    else if (t.type === 'list') for (const item of (t as Tokens.List).items) parts.push(leadProse(item.tokens, spans));
    else if (t.type === 'blockquote') parts.push(leadProse((t as Tokens.Blockquote).tokens, spans));
    else if (t.type === 'html' && (t as Tokens.HTML).block) parts.push(htmlBlockText((t as Tokens.HTML).text));
  }
  return parts.filter((p) => p.trim()).join(' ');
}

/** As many of the offered links, in order, as the room the points left holds (as the budget counts them). */
function linksThatFit(summary: Summary, footer: number, offered: Summary['links'], room: number): Summary['links'] {
  let n = summary.links.length;
  while (n < offered.length && fixedChars({ title: summary.title, links: offered.slice(0, n + 1) }, footer) <= room) n++;
  return offered.slice(0, n);
}

/** The room chosen points take, as the budget counts it. */
function pointsChars(points: readonly KeyPoint[]): number {
  return points.reduce((n, p) => n + p.reduce((m, run) => m + run.text.length, 0) + POINT_OVERHEAD, 0);
}

/**
 * Characters a rendering shows besides the points: title, links, footer and separators. A link
 * costs its text and four more on Telegram, the widest ("🔗", two UTF-16 units, a space, a break).
 * `footer`: the length of the summary's footer line (summaryFooter).
 */
function fixedChars(s: Pick<Summary, 'title' | 'links'>, footer: number): number {
  return s.title.length + footer + s.links.reduce((n, l) => n + l.text.length + 4, 0) + 8;
}

export { POINT_OVERHEAD } from './select.js';
