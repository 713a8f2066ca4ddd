/**
 * A note → its chat-sized summary: title, URL, 1–5 key points in the note's own
 * language, up to 5 links, and the facts a footer shows. Pure.
 */
import type { Token, Tokens } from 'marked';
import type { Note } from '../notes/read.js';
import { collapseWhitespace, segmenter, truncate } from '../util/text.js';
import { cleanText, collectLinks, hasMath, inlineText, scrubMarkup, type Link } from './plain.js';

export interface Summary {
  title: string;
  url?: string | undefined;
  keyPoints: string[];
  links: Link[];
  lang: string;
  locale: string;
  tags: string[];
  date?: string | undefined;
  readingMinutes: number;
}

export interface SummaryOptions {
  /** Characters of text the whole rendered message may show. */
  maxChars: number;
  maxPoints: number;
  maxLinks: number;
  /** Longest single point. */
  maxPointChars: number;
}

export const DEFAULT_SUMMARY_OPTIONS: SummaryOptions = { maxChars: 1000, maxPoints: 5, maxLinks: 5, maxPointChars: 200 };

/** Headings that start a list of sources, in the languages of the corpus and a few more. */
const REFERENCES =
  /^(references?|sources?|further reading|links|bibliography|citations?|参考|参考资料|参考文献|參考|參考資料|參考文獻|出典|参照|संदर्भ|स्रोत|المراجع|مراجع|المصادر|referencias|fuentes|références|sources|quellen|referenzen|literatur|referências|fontes|riferimenti|fonti)(?=$|[\s:：.。])/iu;

interface Candidate {
  text: string;
  pos: number;
  tier: number;
}

/** The footer line every renderer shows: language, tags, date, reading time. */
export function summaryFooter(s: Pick<Summary, 'locale' | 'lang' | 'tags' | 'date' | 'readingMinutes'>): string {
  const parts: string[] = [languageName(s.locale, s.lang)];
  if (s.tags.length) parts.push(s.tags.map((t) => `#${t.replace(/\s+/g, '_')}`).join(' '));
  if (s.date) parts.push(s.date);
  parts.push(`${s.readingMinutes} min`);
  return parts.join(' · ');
}

const languageNames = new Map<string, string>();

/** The language's own name for itself (`हिन्दी`, `中文`); DisplayNames is costly, so names are kept. */
function languageName(locale: string, lang: string): string {
  let name = languageNames.get(locale);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }).of(locale) ?? lang;
    } catch {
      name = lang;
    }
    languageNames.set(locale, name);
  }
  return name;
}

function sentences(text: string, locale: string, limit = Infinity): string[] {
  const out: string[] = [];
  for (const s of segmenter(locale, 'sentence').segment(text)) {
    const t = s.segment.trim();
    if (t) out.push(t);
    if (out.length >= limit) break;
  }
  return out;
}

/** Enough letters to be prose, not a stray symbol, number or emoji. */
function isProse(s: string): boolean {
  return /\p{L}[^]*?\p{L}/u.test(s);
}

function isLeadIn(s: string): boolean {
  return /[:：]$/.test(s);
}

/** Text of a list item's own words (not its nested lists or code). */
function itemText(item: Tokens.ListItem): string {
  const parts: string[] = [];
  for (const t of item.tokens) {
    if (t.type === 'list' || t.type === 'code' || t.type === 'table' || t.type === 'html') continue;
    if (t.type === 'text' || t.type === 'paragraph') parts.push(inlineText((t as Tokens.Text).tokens ?? [t]));
  }
  return parts.join(' ');
}

/**
 * Words for reading time, in one pass over the raw body: runs of non-space characters, plus
 * CJK and Thai characters at about two a word. A regex with Unicode script classes was 10x slower.
 */
export function countWords(text: string): number {
  let words = 0;
  let cjk = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x0e00 && c <= 0x0e7f)) {
      cjk++;
      inWord = false;
    } else if (c === 32 || c === 10 || c === 9 || c === 13 || c === 0x3000) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return words + Math.round(cjk / 2);
}

function absolutise(url: string, base: string | undefined): string | undefined {
  const u = url.trim();
  if (/^https?:\/\//i.test(u)) {
    try {
      return new URL(u).href;
    } catch {
      return undefined;
    }
  }
  if (!base || /^[a-z][a-z0-9+.-]*:/i.test(u) || u.startsWith('#') || u === '') return undefined;
  try {
    return new URL(u, base).href;
  } catch {
    return undefined;
  }
}

/** Builds the summary from the note and marked's tokens of its body. */
export function buildSummary(note: Note, tokens: readonly Token[], opts: SummaryOptions = DEFAULT_SUMMARY_OPTIONS): Summary {
  const locale = note.locale;
  const candidates: Candidate[] = [];
  let pos = 0;
  let section: string | undefined; // current heading text
  let sectionHasLead = false;
  let inReferences = false;
  let openingDone = false;
  const referenceLinks: Link[] = [];

  // Only a few candidates per tier can ever be chosen; past these caps the rest of a long note
  // is not segmented at all (its links and references are still collected).
  const caps = [1, opts.maxPoints, 3, 2 * opts.maxPoints, 2 * opts.maxPoints, opts.maxPoints, opts.maxPoints];
  const perTier = new Array<number>(caps.length).fill(0);
  /** True when later text at tier `t` or worse could never be chosen (a little slack for duplicates). */
  const enoughAt = (t: number) => perTier.slice(0, t + 1).reduce((a, b) => a + b, 0) >= opts.maxPoints + 2;
  const push = (c: Candidate) => {
    if (perTier[c.tier]! >= caps[c.tier]!) return;
    perTier[c.tier]!++;
    candidates.push(c);
  };

  const addParagraph = (raw: string, lead: boolean) => {
    const text = collapseWhitespace(cleanText(raw));
    if (!text) return;
    // Late paragraphs only ever lend their first sentence once there are plenty of candidates.
    // Only the first few sentences of a paragraph can ever be chosen (the caps below).
    const list = sentences(text, locale, openingDone ? 2 : 3 + 2 * opts.maxPoints).filter(isProse);
    const mathy = hasMath(raw);
    list.forEach((s, i) => {
      let tier = 4;
      if (!openingDone && i === 0) tier = 0;
      else if (lead && i === 0) tier = 1;
      else if (!openingDone && i < 3) tier = 2;
      if (isLeadIn(s)) tier = Math.max(tier, 3) + 1;
      if (mathy && /[=^_]/.test(s)) tier += 1; // formula-heavy sentences read badly
      push({ text: s, pos: pos++, tier: Math.min(tier, caps.length - 1) });
    });
    if (list.length) openingDone = true;
  };

  const addList = (list: Tokens.List, lead: boolean) => {
    list.items.forEach((item, i) => {
      if (perTier[3]! >= caps[3]! && !(lead && i === 0)) return;
      const text = collapseWhitespace(cleanText(itemText(item)));
      if (!text || !isProse(text)) return;
        // A long item is cut to its first sentence.
      const first = text.length > opts.maxPointChars ? (sentences(text, locale, 1)[0] ?? text) : text;
      push({ text: first, pos: pos++, tier: lead && i === 0 ? 1 : 3 });
    });
    openingDone = true;
  };

  for (const t of tokens) {
    if (t.type === 'heading') {
      const h = t as Tokens.Heading;
      section = collapseWhitespace(cleanText(inlineText(h.tokens)));
      inReferences = REFERENCES.test(section);
      sectionHasLead = false;
      continue;
    }
    if (inReferences) {
      referenceLinks.push(...collectLinks([t]));
      continue;
    }
    const lead = section !== undefined && !sectionHasLead;
    if (t.type === 'paragraph') {
      const para = t as Tokens.Paragraph;
      sectionHasLead = true;
      if (enoughAt(lead ? 1 : 4)) continue;
      // An image-only or link-only paragraph ([](url) citations) carries no sentence.
      addParagraph(inlineText(para.tokens), lead);
    } else if (t.type === 'list') {
      sectionHasLead = true;
      if (enoughAt(lead ? 1 : 3)) continue;
      addList(t as Tokens.List, lead);
    } else if (t.type === 'blockquote') {
      for (const inner of (t as Tokens.Blockquote).tokens) {
        if (inner.type === 'paragraph') addParagraph(inlineText((inner as Tokens.Paragraph).tokens), false);
      }
    }
    // code, table, hr, html, space: never points.
  }

  const links = pickLinks([...referenceLinks, ...collectLinks(tokens as Token[])], note.url, opts.maxLinks);
  const summary: Summary = {
    title: truncate(collapseWhitespace(cleanText(note.title)), 256, locale),
    url: note.url,
    keyPoints: [],
    links,
    lang: note.lang,
    locale,
    tags: note.tags,
    date: note.date ? note.date.toISOString().slice(0, 10) : undefined,
    readingMinutes: Math.max(1, Math.round(countWords(note.body) / 220)),
  };
  summary.keyPoints = pickPoints(candidates, summary, opts);
  return summary;
}

function pickLinks(all: Link[], base: string | undefined, max: number): Link[] {
  const seen = new Set<string>();
  const out: Link[] = [];
  for (const l of all) {
    const url = absolutise(l.url, base);
    if (!url || seen.has(url) || url === base) continue;
    seen.add(url);
    let text = collapseWhitespace(cleanText(l.text));
    if (!text) text = new URL(url).hostname.replace(/^www\./, '');
    out.push({ text: truncate(text, 80), url });
    if (out.length >= max) break;
  }
  return out;
}

/** Characters a rendering shows besides the points: title, links, footer and separators. */
export function fixedChars(s: Summary): number {
  return s.title.length + summaryFooter(s).length + s.links.reduce((n, l) => n + l.text.length + 3, 0) + 8;
}

/** Per point a renderer adds a bullet and a line break. */
export const POINT_OVERHEAD = 3;

function pickPoints(candidates: Candidate[], s: Summary, opts: SummaryOptions): string[] {
  // Links give way first when the budget is tight, so points keep room.
  while (s.links.length && opts.maxChars - fixedChars(s) < Math.min(300, opts.maxChars / 3)) s.links.pop();
  let budget = opts.maxChars - fixedChars(s);
  const seen = new Set<string>();
  const ordered = [...candidates].sort((a, b) => a.tier - b.tier || a.pos - b.pos);
  const chosen: Candidate[] = [];
  for (const c of ordered) {
    if (chosen.length >= opts.maxPoints) break;
    // Sentence splitting can put leftover markup at a point's start ("# …"): scrub once more.
    const text = truncate(scrubMarkup(c.text).trim(), opts.maxPointChars, s.locale);
    if (!text) continue;
    const key = text.toLowerCase();
    if (seen.has(key)) continue;
    const cost = text.length + POINT_OVERHEAD;
    if (cost > budget) {
      if (chosen.length === 0 && budget > POINT_OVERHEAD + 10) {
        chosen.push({ ...c, text: truncate(text, budget - POINT_OVERHEAD, s.locale) });
        budget = 0;
      }
      continue;
    }
    seen.add(key);
    chosen.push({ ...c, text });
    budget -= cost;
  }
  return chosen.sort((a, b) => a.pos - b.pos).map((c) => c.text);
}
