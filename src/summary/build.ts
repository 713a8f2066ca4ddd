/**
 * A note → its chat-sized summary: title, URL, 1–5 key points in the note's own
 * language, up to 5 links, and the facts a footer shows. Pure.
 */
import { Lexer, type Token } from 'marked';
import type { Config } from '../config/schema.js';
import { languageName } from '../notes/lang.js';
import type { Note } from '../notes/read.js';
import { collapseWhitespace, truncate } from '../util/text.js';
import { bodyText } from './body.js';
import { collectCandidates } from './candidates.js';
import { SpanTable, type KeyPoint } from './inline.js';
import { pickLinks } from './links.js';
import { cleanText, collectLinks, type Link } from './plain.js';
import { choosePoints, POINT_OVERHEAD } from './select.js';

export interface Summary {
  title: string;
  url?: string | undefined;
  /** 1–5 points; each a list of runs so inline code can be shown as code (see inline.ts). */
  keyPoints: KeyPoint[];
  links: Link[];
  lang: string;
  locale: string;
  tags: string[];
  date?: string | undefined;
  readingMinutes: number;
  /** Front matter `categories`, for templates (`note.categories`). */
  categories?: string[] | undefined;
  /**
   * The front matter as JSON (dates as ISO strings), for templates (`page.*`, as in Jekyll). Not part
   * of what the default message shows, so left out of the change hash (publish/decide.ts).
   */
  page?: Record<string, unknown> | undefined;
}

export interface SummaryOptions {
  /** Characters of text the whole rendered message may show. */
  maxChars: number;
  maxPoints: number;
  maxLinks: number;
  /** Longest single point. */
  maxPointChars: number;
}

/** The least share of the text budget the points keep before links give way. */
const POINTS_SHARE = 0.75;

export const DEFAULT_SUMMARY_OPTIONS: SummaryOptions = { maxChars: 1000, maxPoints: 5, maxLinks: 5, maxPointChars: 200 };

/** The summary options a config asks for (`summary:`); a single point's length is not configurable. */
export function summaryOptionsOf(config: Pick<Config, 'summary'>): SummaryOptions {
  const { maxChars, maxPoints, maxLinks } = config.summary;
  return { maxChars, maxPoints, maxLinks, maxPointChars: DEFAULT_SUMMARY_OPTIONS.maxPointChars };
}

/** Footers stay short whatever the front matter holds: hundreds of tags or a very long `lang`. */
const MAX_FOOTER_TAGS_CHARS = 160;
const MAX_LANGUAGE_NAME = 32;

/** The footer line every renderer shows: language, tags, date, reading time. */
export function summaryFooter(s: Pick<Summary, 'locale' | 'lang' | 'tags' | 'date' | 'readingMinutes'>): string {
  const parts: string[] = [truncate(languageName(s.lang, s.locale), MAX_LANGUAGE_NAME)];
  if (s.tags.length) parts.push(footerTags(s.tags));
  if (s.date) parts.push(s.date);
  parts.push(`${s.readingMinutes} min`);
  return parts.join(' · ');
}

/** Tags as `#tag` words, as many as fit in a short line, then `+N`. */
function footerTags(tags: string[]): string {
  const shown: string[] = [];
  let used = 0;
  for (const t of tags) {
    const word = `#${truncate(t.replace(/\s+/g, '_'), 40)}`;
    if (used + word.length + 1 > MAX_FOOTER_TAGS_CHARS) break;
    shown.push(word);
    used += word.length + 1;
  }
  const more = tags.length - shown.length;
  return more > 0 ? `${shown.join(' ')} +${more}`.trim() : shown.join(' ');
}

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
  return words + Math.round(cjk / 2);
}

/** Builds the summary from the note and marked's tokens of its body. */
export function buildSummary(note: Note, tokens: readonly Token[], opts: SummaryOptions = DEFAULT_SUMMARY_OPTIONS): Summary {
  const spans = new SpanTable();
  const { candidates, referenceLinks, headings } = collectCandidates(tokens, note.locale, spans, opts.maxPointChars);
  const links = pickLinks([...referenceLinks, ...collectLinks(tokens as Token[])], note.url, opts.maxLinks);
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
  // Links give way first: what the note says is worth more than where else to read, so points keep
  // most of the room.
  while (summary.links.length && opts.maxChars - fixedChars(summary) < opts.maxChars * POINTS_SHARE) summary.links.pop();
  // The author's own summary (front matter `description`, Jekyll's `excerpt`) leads when there is one.
  const lead = authorsLead(note, opts.maxPointChars);
  const leadChars = lead ? lead.length + POINT_OVERHEAD : 0;
  const budget = { chars: opts.maxChars - fixedChars(summary) - leadChars, maxPoints: opts.maxPoints - (lead ? 1 : 0), maxPointChars: opts.maxPointChars };
  const chosen = budget.maxPoints > 0 ? choosePoints(candidates, spans, note.locale, summary.title, headings, budget) : [];
  summary.keyPoints = lead ? [[{ text: lead }], ...chosen.filter((p) => p.map((r) => r.text).join('') !== lead)] : chosen;
  return summary;
}

/** Front matter as templates see it: JSON values only, so a stored summary reads the same as a fresh one. */
function pageOf(note: Note): Record<string, unknown> {
  return JSON.parse(JSON.stringify(note.frontMatter)) as Record<string, unknown>;
}

/**
 * `description`, else `excerpt`, else the body before the note's `excerpt_separator` (as Jekyll
 * cuts its excerpt), as one line of plain text; Jekyll's default excerpt (the first paragraph) is
 * the first sentence the summary leads with anyway.
 */
function authorsLead(note: Note, maxChars: number): string | undefined {
  const fm = note.frontMatter as Record<string, unknown>;
  const sep = typeof fm.excerpt_separator === 'string' && fm.excerpt_separator ? fm.excerpt_separator : undefined;
  const cut = sep && note.body.includes(sep) ? note.body.slice(0, note.body.indexOf(sep)) : undefined;
  const given = [fm.description, fm.excerpt].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  // The body before the separator is Markdown: read as the summary reads prose, links and all.
  const raw = given ?? (cut?.trim() ? bodyText(new Lexer({ gfm: true }).lex(cut)) : undefined);
  const text = raw === undefined ? '' : collapseWhitespace(cleanText(raw));
  return text ? truncate(text, maxChars, note.locale) : undefined;
}

/**
 * Characters a rendering shows besides the points: title, links, footer and separators. A link
 * costs its text and four more on Telegram, the widest ("🔗", two UTF-16 units, a space, a break).
 */
function fixedChars(s: Summary): number {
  return s.title.length + summaryFooter(s).length + s.links.reduce((n, l) => n + l.text.length + 4, 0) + 8;
}

export { POINT_OVERHEAD } from './select.js';
