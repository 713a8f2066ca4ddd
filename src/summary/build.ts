/**
 * A note → its chat-sized summary: title, URL, 1–5 key points in the note's own
 * language, up to 5 links, and the facts a footer shows. Pure.
 */
import type { Token, Tokens } from 'marked';
import type { Note } from '../notes/read.js';
import { collapseWhitespace, ELLIPSIS, stripControls, truncate } from '../util/text.js';
import { isPlaceholder, PLACEHOLDER, pointText, SpanTable, stripPrivateUse, type KeyPoint } from './inline.js';
import { pickLinks } from './links.js';
import { cleanText, collectLinks, hasMath, htmlBlockText, inlineText, scrubMarkup, type Link } from './plain.js';
import { splitSentences } from './sentences.js';

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
  /^(references?|sources?|further reading|links|bibliography|citations?|footnotes?|notes|参考|参考资料|参考文献|參考|參考資料|參考文獻|出典|参照|संदर्भ|स्रोत|المراجع|مراجع|المصادر|referencias|fuentes|références|sources|quellen|referenzen|literatur|referências|fontes|riferimenti|fonti)(?=$|[\s:：.。])/iu;

interface Candidate {
  /** Text with placeholders for its code spans (see inline.ts). */
  text: string;
  pos: number;
  tier: number;
}

/** Footers stay short whatever the front matter holds: hundreds of tags or a very long `lang`. */
const MAX_FOOTER_TAGS_CHARS = 160;
const MAX_LANGUAGE_NAME = 32;

/** The footer line every renderer shows: language, tags, date, reading time. */
export function summaryFooter(s: Pick<Summary, 'locale' | 'lang' | 'tags' | 'date' | 'readingMinutes'>): string {
  const parts: string[] = [truncate(languageName(s.locale, s.lang), MAX_LANGUAGE_NAME)];
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

const languageNames = new Map<string, string>();

/**
 * The language's own name for itself (`हिन्दी`, `中文`); DisplayNames is costly, so names are kept.
 * Only names Intl knows are kept: an unknown `lang` (locale `und`) is shown as written, per note.
 */
function languageName(locale: string, lang: string): string {
  if (locale === 'und') return lang;
  let name = languageNames.get(locale);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }).of(locale) ?? '';
    } catch {
      name = '';
    }
    languageNames.set(locale, name);
  }
  return name || lang;
}

/** Enough letters to be prose, not a stray symbol, number or emoji. */
function isProse(s: string): boolean {
  return /\p{L}[^]*?\p{L}/u.test(s);
}

/** A sentence that introduces what follows ("Run:", "Bring it back:"): alone it points at nothing. */
function isLeadIn(s: string): boolean {
  return /[:：]$/.test(s);
}

/** Text of a list item's own words (not its nested lists or code). */
function itemText(item: Tokens.ListItem, spans: SpanTable): string {
  const parts: string[] = [];
  for (const t of item.tokens) {
    if (t.type === 'list' || t.type === 'code' || t.type === 'table' || t.type === 'html') continue;
    if (t.type === 'text' || t.type === 'paragraph') parts.push(inlineText((t as Tokens.Text).tokens ?? [t], spans));
  }
  return parts.join(' ');
}

/** The one short line of a code block, to complete a lead-in ("Run: `docker compose up -d`"). */
function shortCodeLine(t: Token | undefined): string | undefined {
  if (!t || t.type !== 'code') return undefined;
  const lines = (t as Tokens.Code).text.split('\n').filter((l) => l.trim());
  if (lines.length !== 1) return undefined;
  const line = stripControls(stripPrivateUse(lines[0]!.trim()));
  return line.length <= 120 ? line : undefined;
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

/** Builds the summary from the note and marked's tokens of its body. */
export function buildSummary(note: Note, tokens: readonly Token[], opts: SummaryOptions = DEFAULT_SUMMARY_OPTIONS): Summary {
  const spans = new SpanTable();
  const { candidates, referenceLinks } = collectCandidates(tokens, note.locale, spans, opts);
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
  };
  summary.keyPoints = pickPoints(candidates, summary, spans, opts);
  return summary;
}

/** Tiers, best first: which text a summary prefers when it cannot show everything. */
const TIER = { opening: 0, sectionLead: 1, openingMore: 2, listItem: 3, other: 4, table: 7, code: 8 } as const;

/**
 * Every piece of text that could be a key point, in reading order, with its tier. Lead-ins keep
 * the short code line after them or are left out; short list items take their heading as context;
 * tables and code give points only as a last resort (a note that is only a table or only code).
 * Longer than most (a reason): one walk over the tokens whose state (section, lead-in, opening,
 * per-tier caps) the named inner handlers for paragraphs, lists, tables and code share.
 */
function collectCandidates(tokens: readonly Token[], locale: string, spans: SpanTable, opts: SummaryOptions): { candidates: Candidate[]; referenceLinks: Link[] } {
  const candidates: Candidate[] = [];
  const referenceLinks: Link[] = [];
  let pos = 0;
  let section: string | undefined; // current heading text
  let sectionHasLead = false;
  let inReferences = false;
  let openingDone = false;
  let context: string | undefined; // what a following list's short items belong to
  let firstCode: Tokens.Code | undefined;

  // Only a few candidates per tier can ever be chosen; past these caps the rest of a long note
  // is not segmented at all (its links and references are still collected).
  const caps = [1, opts.maxPoints, 3, 2 * opts.maxPoints, 2 * opts.maxPoints, opts.maxPoints, opts.maxPoints, opts.maxPoints, 1];
  const perTier = new Array<number>(caps.length).fill(0);
  /** True when later text at tier `t` or worse could never be chosen (a little slack for duplicates). */
  const enoughAt = (t: number) => perTier.slice(0, t + 1).reduce((a, b) => a + b, 0) >= opts.maxPoints + 2;
  const push = (text: string, tier: number) => {
    if (perTier[tier]! >= caps[tier]!) return;
    perTier[tier]!++;
    candidates.push({ text, pos: pos++, tier });
  };
  const prose = (raw: string) => collapseWhitespace(cleanText(raw));

  const addParagraph = (raw: string, lead: boolean, next: Token | undefined) => {
    const text = prose(raw);
    context = undefined;
    if (!text) return;
    // Late paragraphs only ever lend their first sentence once there are plenty of candidates.
    const list = splitSentences(text, locale, openingDone ? 2 : 3 + 2 * opts.maxPoints).filter((s) => isLeadIn(s) || ((isProse(s) || spans.hasCode(s)) && !isTooShort(s, spans)));
    const mathy = hasMath(raw);
    let used = 0;
    list.forEach((sentence, i) => {
      let s = sentence;
      if (isLeadIn(s)) {
        const code = i === list.length - 1 ? shortCodeLine(next) : undefined;
        if (code === undefined) {
          if (i === list.length - 1) context = s.replace(/[:：]$/, '').trim();
          return; // a lead-in without what it leads to is no point
        }
        s = `${s} ${spans.add({ text: code, style: 'code' })}`;
      }
      let tier: number = TIER.other;
      if (!openingDone && used === 0) tier = TIER.opening;
      else if (lead && used === 0) tier = TIER.sectionLead;
      else if (!openingDone && used < 3) tier = TIER.openingMore;
      if (mathy && /[=^_]/.test(s)) tier += 1; // formula-heavy sentences read badly
      push(s, Math.min(tier, TIER.other + 2));
      used++;
    });
    if (used) openingDone = true;
  };

  const addList = (list: Tokens.List, lead: boolean) => {
    const itemContext = context ?? section;
    context = undefined;
    list.items.forEach((item, i) => {
      if (perTier[TIER.listItem]! >= caps[TIER.listItem]! && !(lead && i === 0)) return;
      let text = prose(itemText(item, spans));
      if (!text) return;
      if (isLeadIn(text)) {
        const code = shortCodeLine(item.tokens.find((t) => t.type === 'code'));
        if (code === undefined) return;
        text = `${text} ${spans.add({ text: code, style: 'code' })}`;
      }
      // "Code: +86" under "China" says nothing alone: "China: +86".
      if (!isProse(text) || isFragment(text, spans)) {
        if (itemContext && isProse(itemContext) && itemContext.length <= 60) {
          const labelled = /^[^:：]{1,24}[:：]\s*(.+)$/u.exec(text);
          text = `${itemContext}: ${labelled ? labelled[1]! : text}`;
        } else if (isTooShort(text, spans) || (!isProse(text) && !spans.hasCode(text))) return;
      }
      // A long item is cut to its first sentence.
      const first = spans.visibleLength(text) > opts.maxPointChars ? (splitSentences(text, locale, 1)[0] ?? text) : text;
      push(first, lead && i === 0 ? TIER.sectionLead : TIER.listItem);
    });
    openingDone = true;
  };

  // Table rows are kept aside: they are points only for a note with (almost) no prose.
  const tableRows: Candidate[] = [];
  const addTable = (table: Tokens.Table) => {
    for (const row of table.rows) {
      if (tableRows.length >= opts.maxPoints) return;
      const cells = row.map((c) => prose(inlineText(c.tokens, spans))).filter((c) => c);
      if (!cells.length || !cells.some((c) => isProse(c) || spans.hasCode(c))) continue;
      tableRows.push({ text: cells.length > 1 ? `${cells[0]}: ${cells.slice(1).join(' · ')}` : cells[0]!, pos: pos++, tier: TIER.table });
    }
  };

  const blocks = tokens.filter((t) => t.type !== 'space');
  for (let i = 0; i < blocks.length; i++) {
    const t = blocks[i]!;
    const next = blocks[i + 1]; // what a lead-in leads to
    if (t.type === 'heading') {
      section = prose(inlineText((t as Tokens.Heading).tokens));
      inReferences = REFERENCES.test(section);
      sectionHasLead = false;
      context = undefined;
      continue;
    }
    if (inReferences) {
      referenceLinks.push(...collectLinks([t]));
      continue;
    }
    const lead = section !== undefined && !sectionHasLead;
    if (t.type === 'paragraph' || (t.type === 'html' && (t as Tokens.HTML).block)) {
      const raw = t.type === 'paragraph' ? inlineText((t as Tokens.Paragraph).tokens, spans) : htmlBlockText((t as Tokens.HTML).text);
      if (!raw.trim()) continue;
      sectionHasLead = true;
      if (enoughAt(lead ? TIER.sectionLead : TIER.other)) continue;
      addParagraph(raw, lead, next);
    } else if (t.type === 'list') {
      sectionHasLead = true;
      if (enoughAt(lead ? TIER.sectionLead : TIER.listItem)) continue;
      addList(t as Tokens.List, lead);
    } else if (t.type === 'blockquote') {
      const inner = (t as Tokens.Blockquote).tokens.filter((q) => q.type !== 'space');
      inner.forEach((q, k) => {
        if (q.type === 'paragraph') addParagraph(inlineText((q as Tokens.Paragraph).tokens, spans), false, inner[k + 1]);
        else if (q.type === 'list') addList(q as Tokens.List, false);
      });
    } else if (t.type === 'table') {
      addTable(t as Tokens.Table);
      context = undefined;
    } else if (t.type === 'code') {
      firstCode ??= t as Tokens.Code;
      context = undefined;
    }
    // hr and the rest: never points.
  }
  if (candidates.length < 2) candidates.push(...tableRows);
  // A note that is only code still says something: its first comment, else what the code is.
  const codeSays = !candidates.length && firstCode ? codePoint(firstCode) : '';
  if (codeSays) push(codeSays, TIER.code);
  return { candidates, referenceLinks };
}

/** Scripts whose words are one or two characters, where length says little. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** A short item with no sentence of its own ("+86", "Code: +86"), which reads as a fragment alone. */
function isFragment(text: string, spans: SpanTable): boolean {
  const n = spans.visibleLength(text);
  if (CJK.test(text)) return n < 4;
  return n < 20 && !/[.!?।。]$/u.test(text);
}

/** Too short to say anything: "or", "Note". CJK words are short, so only single characters count there. */
function isTooShort(text: string, spans: SpanTable): boolean {
  const n = spans.visibleLength(text);
  if (CJK.test(text)) return n < 2;
  return n < 4 || (!/\s/.test(text.trim()) && !spans.hasCode(text) && n < 12);
}

const COMMENT_LINE = /^\s*(?:\/\/+|#+(?!!)|--|;+|%+|\/\*+|\*+(?!\/)|<!--|"""|\'\'\'|REM\b)\s?(.*?)(?:\*\/|-->|"""|\'\'\')?\s*$/;

/** The first comment or docstring of a code block, else "Code: python, 12 lines". */
function codePoint(code: Tokens.Code): string {
  const lines = code.text.split('\n');
  for (const line of lines.slice(0, 20)) {
    if (!line.trim()) continue;
    const m = COMMENT_LINE.exec(line);
    const said = m ? collapseWhitespace(cleanText(stripPrivateUse(m[1] ?? ''))) : '';
    if (isProse(said)) return said;
  }
  const word = (code.lang ?? '').split(/\s/)[0] ?? '';
  const lang = /^[\w+#.-]{1,24}$/.test(word) ? word : 'text';
  const n = lines.filter((l) => l.trim()).length;
  return n ? `Code: ${lang}, ${n} ${n === 1 ? 'line' : 'lines'}` : '';
}

/** Characters a rendering shows besides the points: title, links, footer and separators. */
export function fixedChars(s: Summary): number {
  return s.title.length + summaryFooter(s).length + s.links.reduce((n, l) => n + l.text.length + 3, 0) + 8;
}

/** Per point a renderer adds a bullet and a line break. */
export const POINT_OVERHEAD = 3;

/** The smallest rest of the budget worth a cut point; below it, filling stops. */
const MIN_CUT_POINT = 40;

/**
 * Chooses points by tier, then shows them in reading order. Filling stops at the first point that
 * does not fit (cut to fit when enough room is left): taking a later, shorter one instead would
 * leave it dangling ("They …") without the sentence before it.
 */
function pickPoints(candidates: Candidate[], s: Summary, spans: SpanTable, opts: SummaryOptions): KeyPoint[] {
  // Links give way first when the budget is tight, so points keep room.
  while (s.links.length && opts.maxChars - fixedChars(s) < Math.min(300, opts.maxChars / 3)) s.links.pop();
  let budget = opts.maxChars - fixedChars(s);
  const seen = new Set<string>();
  const ordered = [...candidates].sort((a, b) => a.tier - b.tier || a.pos - b.pos);
  const chosen: Candidate[] = [];
  for (const c of ordered) {
    if (chosen.length >= opts.maxPoints) break;
    // Sentence splitting can put leftover markup at a point's start ("# …"): scrub once more.
    const text = truncatePoint(scrubMarkup(c.text).trim(), opts.maxPointChars, spans, s.locale);
    if (!text) continue;
    const key = pointText(spans.expand(text)).toLowerCase();
    if (seen.has(key)) continue;
    const cost = spans.visibleLength(text) + POINT_OVERHEAD;
    if (cost > budget) {
      const room = budget - POINT_OVERHEAD;
      if (room >= MIN_CUT_POINT || (chosen.length === 0 && room > 10)) {
        const cut = truncatePoint(text, room, spans, s.locale);
        if (isProse(cut) || spans.hasCode(cut)) chosen.push({ ...c, text: cut });
      }
      break;
    }
    seen.add(key);
    chosen.push({ ...c, text });
    budget -= cost;
  }
  return chosen.sort((a, b) => a.pos - b.pos).map((c) => trimRuns(spans.expand(c.text)));
}

/** Cuts a point to `max` visible characters, never inside a code span (the cut goes before it). */
function truncatePoint(text: string, max: number, spans: SpanTable, locale: string): string {
  if (spans.visibleLength(text) <= max) return text;
  if (!PLACEHOLDER.test(text)) return truncate(text, max, locale);
  // Measure with each span as a word of its length, then map the cut back.
  let measured = '';
  for (const ch of text) measured += isPlaceholder(ch) ? 'x'.repeat(spans.width(ch)) : ch;
  const keep = truncate(measured, max, locale).length - 1; // characters kept before the ellipsis
  let out = '';
  let used = 0;
  for (const ch of text) {
    if (used + spans.width(ch) > keep) break;
    out += ch;
    used += spans.width(ch);
  }
  out = out.replace(/[\s,;:、，；：\-–—]+$/u, '');
  return out ? out + ELLIPSIS : '';
}

function trimRuns(p: KeyPoint): KeyPoint {
  const out = p.map((r) => ({ ...r }));
  if (out[0] && !out[0].style) out[0].text = out[0].text.trimStart();
  const last = out[out.length - 1];
  if (last && !last.style) last.text = last.text.trimEnd();
  return out.filter((r) => r.text);
}
