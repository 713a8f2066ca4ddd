/**
 * Every piece of a note that could be a key point, with what its place in the note says about it:
 * the opening, a section's lead, a list compacted under its lead-in, a table named by its rows'
 * subjects, a dialogue's question and answer, the closing lines. What a reader never wants as a
 * point is left out here: questions and exclamations of chat, the writer speaking of themself,
 * a lead-in without what it leads to, speaker labels, output dumps. Pure.
 */
import type { Token, Tokens } from 'marked';
import { collapseWhitespace, stripControls } from '../util/text.js';
import { stripPrivateUse, type SpanTable } from './inline.js';
import { cleanText, collectLinks, htmlBlockText, inlineText, type Link } from './plain.js';
import { splitSentences } from './sentences.js';
import { addressesReader, isExclamation, isQuestion, namesReadersOwn, pointsBack, pointsElsewhere, SPEAKER, speaksAsI, withoutInterjection, wordCount } from './tone.js';

export interface Candidate {
  /** Text with placeholders for its code spans (see inline.ts). */
  text: string;
  /** Reading order. */
  pos: number;
  /** The block (paragraph, list, table) it comes from, and its section (0: before any heading). */
  block: number;
  section: number;
  kind: 'sentence' | 'item' | 'compact' | 'row' | 'code';
  /** Among the note's first three sentences of substance (one paragraph): what most notes are about. */
  opening?: boolean;
  /** A section's first words, or a point named by its section's heading. */
  lead?: boolean;
  /** From the note's last block of prose: sign-offs and offers live there. */
  closing?: boolean;
  /**
   * Starts with a word pointing back: a short sentence ("They follow from it.") says nothing without
   * the one before it (wholly); a longer one still says something of its own (partly).
   */
  leansBack?: 'wholly' | 'partly' | undefined;
  /** Talks to the reader or the asker ("Your guess of…"), or exclaims. */
  chatty?: boolean;
  /** In a section that sums the note up: the writer's own summary. */
  sumsUp?: boolean;
  /** Alternatives of one piece of text (one list item's sentences under its label): one at most is shown. */
  group?: number;
}

export interface Collected {
  candidates: Candidate[];
  referenceLinks: Link[];
  headings: string[];
}

/** Headings that start a list of sources, in the languages of the corpus and a few more. */
const REFERENCES =
  /^(references?|sources?|further reading|links|bibliography|citations?|footnotes?|notes|参考|参考资料|参考文献|參考|參考資料|參考文獻|出典|参照|संदर्भ|स्रोत|المراجع|مراجع|المصادر|referencias|fuentes|références|sources|quellen|referenzen|literatur|referências|fontes|riferimenti|fonti)(?=$|[\s:：.。])/iu;

/** Headings of a section that sums a note up, in the languages of the corpus and a few more. */
const SUMS_UP =
  /(?:^|\s)(?:summary|in short|in summary|conclusions?|tl;?dr|key takeaways?|bottom line|zusammenfassung|fazit|resumen|conclusión|en resumen|résumé|en bref|conclusion|sumário|resumo|riepilogo|सारांश|निष्कर्ष|الخلاصة|ملخص|خلاصة)(?=$|[\s:：.,])|总结|總結|小结|小結|结论|結論|まとめ|要約|結論/iu;

/** Longest item or cell name that a compacted list or table shows. */
const MAX_NAME = 48;
/** Per section, enough candidates to choose from; past it a long section is not segmented. */
const PER_SECTION = 24;
const MAX_CANDIDATES = 40;
/** Items of one list read for its names, and offered as points of their own. */
const MAX_ITEMS = 16;
const MAX_ITEM_POINTS = 8;
/** Sentences of one paragraph considered; a note of one long paragraph still offers several. */
const SENTENCES_PER_PARAGRAPH = 6;

/** Enough letters to be prose, not a stray symbol, number or emoji. */
export function isProse(s: string): boolean {
  return /\p{L}[^]*?\p{L}/u.test(s);
}

/** A sentence that introduces what follows ("Run:", "Bring it back:"): alone it points at nothing. */
export function isLeadIn(s: string): boolean {
  return /[:：]$/.test(s);
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
export function isTooShort(text: string, spans: SpanTable): boolean {
  const n = spans.visibleLength(text);
  if (CJK.test(text)) return n < 2;
  return n < 4 || (!/\s/.test(text.trim()) && !spans.hasCode(text) && n < 12);
}

const LETTER = /\p{L}/u;

/** Mostly figures and symbols, as a program's output is ("DFS: 2 0 1 3", "[1]+ Suspended"). */
function looksLikeOutput(text: string, spans: SpanTable, minLength = 8): boolean {
  if (spans.hasCode(text)) return false;
  let visible = 0;
  let letters = 0;
  for (const ch of text) {
    if (ch === ' ') continue;
    visible++;
    if (LETTER.test(ch)) letters++;
  }
  return visible >= minLength && letters / visible < 0.45;
}

/** The one short line of a code block, to complete a lead-in ("Run: `docker compose up -d`"). */
export function shortCodeLine(t: Token | undefined): string | undefined {
  if (!t || t.type !== 'code') return undefined;
  const lines = (t as Tokens.Code).text.split('\n').filter((l) => l.trim());
  if (lines.length !== 1) return undefined;
  const line = stripControls(stripPrivateUse(lines[0]!.trim()));
  // A bare path, a figure or "[1]+ Suspended" is what a command printed, not the command.
  return line.length <= 120 && !/^(?:\[|\d|\/[^\s]*$)/.test(line) ? line : undefined;
}

/** A paragraph that is only display math (`$$…$$`, `\[…\]`): what "… is" announces. */
function isMathBlock(t: Token | undefined): boolean {
  if (!t || t.type !== 'paragraph') return false;
  const raw = (t as Tokens.Paragraph).text.trim();
  return /^(\$\$|\\\\?\[)[\s\S]*(\$\$|\\\\?\])$/.test(raw);
}

/** A sentence that stops short of its object ("The definition is", "次の通りです。") before a block. */
function announces(s: string, next: Token | undefined): boolean {
  if (!next || !(next.type === 'code' || isMathBlock(next) || next.type === 'table' || next.type === 'list')) return false;
  return !/[.!?。！？।؟"'”)）」]$/u.test(s) || saysAsFollows(s);
}

/** "… as follows", "以下のとおりです": a sentence that only announces what comes next. */
function saysAsFollows(s: string): boolean {
  return /(?:follows|following|below|siguientes?|suivante?s?|folgende[nr]?|निम्नलिखित|التالي)[\s\p{P}]*$/iu.test(s) || /(?:以下|次|下面|如下)[^。]{0,8}[。.:：]?$/u.test(s);
}

/** Text of a list item's own words up to its first block: a lead-in takes its short code line and stops there. */
function itemText(item: Tokens.ListItem, spans: SpanTable): { text: string; code?: string | undefined } {
  const parts: string[] = [];
  for (const t of item.tokens) {
    if (t.type === 'code') return { text: parts.join(' '), code: shortCodeLine(t) };
    if (t.type === 'list' || t.type === 'table' || t.type === 'html') break;
    if (t.type === 'text' || t.type === 'paragraph') parts.push(inlineText((t as Tokens.Text).tokens ?? [t], spans));
  }
  return { text: parts.join(' ') };
}

/** The short name an item gives itself: its bold label or the words before its colon or dash. */
function itemName(raw: Tokens.ListItem, text: string): string | undefined {
  const first = raw.tokens[0];
  const inline = first && 'tokens' in first ? (first.tokens as Token[] | undefined) : undefined;
  const lead = inline?.[0];
  if (lead && lead.type === 'strong') return collapseWhitespace(cleanText(inlineText((lead as Tokens.Strong).tokens))).replace(/[:：]$/, '');
  const m = /^(.{1,48}?)\s*(?:[:：]|\s[—–]\s|\s-\s(?=\p{Lu}))/u.exec(text);
  if (m) return m[1];
  return text.length <= MAX_NAME ? text.replace(/[.。]$/u, '') : undefined;
}

/** `lead: a, b, c` for a list or a table column whose entries are short names. */
function compactNames(lead: string, names: readonly string[], max: number): string | undefined {
  if (names.length < 2) return undefined;
  // A long lead-in is a sentence of its own, said elsewhere: the names stand alone then.
  let out = lead && lead.length <= 60 ? `${lead}: ` : '';
  let shown = 0;
  for (const n of names) {
    const next = `${out}${shown ? ', ' : ''}${n}`;
    if (next.length > max - 2) break;
    out = next;
    shown++;
  }
  if (shown < 2) return undefined;
  return shown < names.length ? `${out}, …` : out;
}

/** Cells of a table column that name things: not numbers, ranks or figures. */
function subjectColumn(table: Tokens.Table, cell: (c: Tokens.TableCell) => string): { header: string; values: string[] } {
  const width = table.header.length;
  for (let col = 0; col < width; col++) {
    const values = table.rows.map((r) => { const c = r[col]; return c ? cell(c) : ''; }).filter((v) => v);
    if (values.length >= 2 && values.filter((v) => isProse(v) && v.length <= MAX_NAME).length >= values.length * 0.7) {
      const head = table.header[col];
      return { header: head ? cell(head) : '', values };
    }
  }
  return { header: '', values: [] };
}

/** Bold item labels found in two lists or more: the fields of repeated records ("**Code**: +86"). */
function fieldLabels(blocks: readonly Token[]): Set<string> {
  const seen = new Map<string, number>();
  const walk = (list: Tokens.List) => {
    const here = new Set<string>();
    for (const item of list.items) {
      const first = item.tokens[0];
      const lead = first && 'tokens' in first ? (first.tokens as Token[] | undefined)?.[0] : undefined;
      if (lead?.type === 'strong') here.add(collapseWhitespace((lead as Tokens.Strong).text).replace(/[:：]$/, '').toLowerCase());
      for (const t of item.tokens) if (t.type === 'list') walk(t as Tokens.List);
    }
    for (const l of here) seen.set(l, (seen.get(l) ?? 0) + 1);
  };
  for (const t of blocks) if (t.type === 'list') walk(t as Tokens.List);
  return new Set([...seen].filter(([, n]) => n >= 2).map(([l]) => l));
}

/** Paragraph texts of a dialogue start with speaker labels used again and again ("A:", "ChatGPT:"). */
function dialogueLabels(blocks: readonly Token[]): Set<string> {
  const counts = new Map<string, number>();
  let paragraphs = 0;
  for (const t of blocks) {
    if (t.type !== 'paragraph') continue;
    paragraphs++;
    const m = SPEAKER.exec((t as Tokens.Paragraph).text);
    if (m) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  }
  const labels = [...counts].filter(([, n]) => n >= 2).map(([l]) => l);
  const labelled = labels.reduce((n, l) => n + counts.get(l)!, 0);
  return labels.length >= 2 && labelled >= Math.min(4, paragraphs / 3) ? new Set(labels) : new Set();
}

interface Walk {
  locale: string;
  spans: SpanTable;
  maxPointChars: number;
  out: Candidate[];
  pos: number;
  block: number;
  section: number;
  perSection: number;
  nextGroup: number;
  /** Inside a section that sums the note up ("Summary", "In short", "まとめ"). */
  inSummary: boolean;
  /** Item names used in more than one list of the note. */
  fieldLabels: Set<string>;
  /** The first speaker of a dialogue asks; what they say is kept though it is a question or "I". */
  asker?: string | undefined;
}

function push(w: Walk, c: Omit<Candidate, 'pos' | 'block' | 'section'>): void {
  if (w.perSection >= PER_SECTION || w.out.length >= MAX_CANDIDATES) return;
  w.perSection++;
  const candidate = c as Candidate;
  candidate.pos = w.pos++;
  candidate.block = w.block;
  candidate.section = w.section;
  if (w.inSummary) candidate.sumsUp = true;
  w.out.push(candidate);
}

/** A kramdown definition ("Term\n: what it is") reads "Term: what it is". */
const prose = (raw: string, spans?: SpanTable) => collapseWhitespace(cleanText(raw.replace(/\n:[ \t]+/g, ': '), spans));

/** A paragraph's sentences; returns the lead-in its last sentence makes for a list or table after it. */
function addParagraph(w: Walk, raw: string, next: Token | undefined, flags: { lead: boolean; closing: boolean; asked: boolean; links: string[] }): string | undefined {
  const text = prose(raw, w.spans);
  if (!text) return undefined;
  // The opening paragraphs offer more of their sentences; later ones their first few.
  const sentences = splitSentences(text, w.locale, w.out.length < 12 ? SENTENCES_PER_PARAGRAPH : 3);
  let context: string | undefined;
  sentences.forEach((sentence, i) => {
    const last = i === sentences.length - 1;
    let s = flags.asked ? sentence : withoutInterjection(sentence, w.locale, i === 0);
    // What the asker of a dialogue asks is a point, even when it ends in a colon before their text.
    if (flags.asked && isLeadIn(s)) s = s.replace(/\s*[:：]$/, '');
    if (isLeadIn(s) || (last && announces(s, next))) {
      const code = last ? shortCodeLine(next) : undefined;
      if (code === undefined) {
        // What a list or table after it belongs to; "as follows" and a reply to the asker name nothing.
        const said = s.replace(/[:：]$/, '').trim();
        if (last && (next?.type === 'list' || next?.type === 'table') && isLeadIn(s) && !saysAsFollows(said) && !namesReadersOwn(said, w.locale) && !speaksAsI(said, w.locale)) context = said;
        return; // a lead-in without what it leads to is no point
      }
      s = `${s.replace(/[:：]?$/, ':')} ${w.spans.add({ text: code, style: 'code' })}`;
    }
    if (!(isProse(s) || w.spans.hasCode(s)) || isTooShort(s, w.spans) || looksLikeOutput(s, w.spans)) return;
    // "Output: BFS: 0 1 2 3": labels before what a program printed.
    const labelled = /^(?:[^:：]{1,24}[:：]\s*)+(.+)$/u.exec(s);
    if (labelled && looksLikeOutput(labelled[1]!, w.spans, 1)) return;
    if (!flags.asked && (isQuestion(s) || speaksAsI(s, w.locale) || namesReadersOwn(s, w.locale))) return;
    if (pointsElsewhere(s) || (flags.closing && flags.links.some((l) => s.includes(l)))) return; // "For more, see …": a pointer, not a point
    const exclaims = isExclamation(s);
    if (exclaims && wordCount(s) <= 8) return; // "Great question!", "Enjoy hot or iced!"
    push(w, {
      text: s,
      kind: 'sentence',
      opening: w.out.length < 3 && w.out.every((c) => c.block === w.block && c.kind === 'sentence'),
      lead: flags.lead && i === 0,
      closing: flags.closing,
      leansBack: i > 0 && pointsBack(s, w.locale) ? (wordCount(s) <= 8 ? 'wholly' : 'partly') : undefined,
      chatty: exclaims || addressesReader(s, w.locale),
    });
  });
  return context;
}

function addList(w: Walk, list: Tokens.List, lead: string | undefined, closing: boolean, first = true): void {
  // A list of sources ("Course materials: [MIT OCW](…)") gives links, not points.
  if (list.items.filter((item) => collectLinks(item.tokens).length > 0).length * 2 > list.items.length) return;
  const items = list.items.slice(0, MAX_ITEMS).map((item) => {
    const { text: rawText, code } = itemText(item, w.spans);
    const text = prose(rawText, w.spans);
    return { item, text, code, name: text || code !== undefined ? itemName(item, text) : undefined };
  });
  // Labels every item repeats ("Code:", "Structure:") are fields, not names of things.
  const names = items.flatMap(({ name }) => (name && isProse(name) && !w.fieldLabels.has(name.toLowerCase()) ? [name] : []));
  // Named items in one point, first (a long list must not use up the candidates before it): under
  // their lead-in or heading, or alone when there are several.
  const compact = names.length >= 3 ? compactNames(lead ?? '', names, w.maxPointChars) : undefined;
  if (compact) push(w, { text: compact, kind: 'compact', lead: true });
  items.forEach(({ item, text, code, name }, i) => {
    if (!text && code === undefined) return;
    // A nested list belongs to its item: "Type a command, e.g.: /available, /away, /busy".
    const nested = item.tokens.find((t): t is Tokens.List => t.type === 'list');
    if (nested) addList(w, nested, name && name.length <= 60 ? name : text.replace(/[:：]$/, '') || undefined, closing);
    // "It minimises the error." as an item leans on the item before it, as a sentence does.
    if (i < MAX_ITEM_POINTS && !(i > 0 && pointsBack(text, w.locale) && wordCount(text) <= 8)) {
      addItem(w, text, code, name, { lead: first && i === 0 && lead !== undefined ? lead : undefined, context: lead, closing });
    }
  });
}

/**
 * One list item as a point: whole when it fits, else its first sentence, or its label with another of
 * its sentences ("Brew the tea: Steep for 3-5 minutes."), one of them at most (a group).
 */
function addItem(w: Walk, raw: string, code: string | undefined, name: string | undefined, at: { lead: string | undefined; context: string | undefined; closing: boolean }): void {
  let text = raw;
  if (isLeadIn(text) || (code !== undefined && text && !/[.。]$/.test(text))) {
    if (code === undefined) return;
    text = `${text.replace(/[:：]?$/, ':')} ${w.spans.add({ text: code, style: 'code' })}`;
  }
  if (!text || looksLikeOutput(text, w.spans) || isQuestion(text) || speaksAsI(text, w.locale)) return;
  // "Code: +86" under "China" says nothing alone: "China: +86".
  if (!isProse(text) || isFragment(text, w.spans)) {
    if (at.context && isProse(at.context) && at.context.length <= 60) {
      const labelled = /^[^:：]{1,24}[:：]\s*(.+)$/u.exec(text);
      text = `${at.context}: ${labelled ? labelled[1]! : text}`;
    } else if (isTooShort(text, w.spans) || (!isProse(text) && !w.spans.hasCode(text))) return;
  }
  const lead = at.lead !== undefined;
  if (w.spans.visibleLength(text) <= w.maxPointChars) {
    push(w, { text, kind: 'item', lead, closing: at.closing });
    return;
  }
  const group = w.nextGroup++;
  const sentences = splitSentences(text, w.locale, SENTENCES_PER_PARAGRAPH);
  push(w, { text: sentences[0] ?? text, kind: 'item', lead, closing: at.closing, group });
  const label = name && text.startsWith(name) ? name : undefined;
  if (!label) return;
  for (const sentence of sentences.slice(1)) {
    if (isQuestion(sentence) || speaksAsI(sentence, w.locale) || isLeadIn(sentence) || isExclamation(sentence)) continue;
    push(w, { text: `${label}: ${sentence}`, kind: 'item', closing: at.closing, group });
  }
}

function addTable(w: Walk, table: Tokens.Table, lead: string | undefined): void {
  const cell = (c: Tokens.TableCell) => prose(inlineText(c.tokens, w.spans));
  const { header, values } = subjectColumn(table, cell);
  // A short lead-in or heading names the table ("Top 10 by stars"); a long one is said elsewhere.
  // Two or three rows name themselves; a longer table is named by its subjects in one point.
  const compact = values.length > 3 ? compactNames(lead && lead.length <= 40 ? lead : header, values, w.maxPointChars) : undefined;
  if (compact) push(w, { text: compact, kind: 'compact', lead: true });
  for (const row of table.rows.slice(0, 5)) {
    const cells = row.map(cell).filter((c) => c);
    if (!cells.length || !cells.some((c) => isProse(c) || w.spans.hasCode(c))) continue;
    push(w, { text: cells.length > 1 ? `${cells[0]}: ${cells.slice(1).join(' · ')}` : cells[0]!, kind: 'row' });
  }
}

const COMMENT_LINE = /^\s*(?:\/\/+|#+(?!!)|--|;+|%+|\/\*+|\*+(?!\/)|<!--|"""|'''|REM\b)\s?(.*?)(?:\*\/|-->|"""|''')?\s*$/;

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

/** A paragraph of links and nothing else: a list of sources, not something said. */
function onlyLinks(p: Tokens.Paragraph): boolean {
  const inline = p.tokens.filter((t) => !(t.type === 'text' && !(t as Tokens.Text).text.trim()) && t.type !== 'br');
  return inline.length > 0 && inline.every((t) => t.type === 'link' || t.type === 'image');
}

/** A paragraph that is one emphasised phrase (and perhaps a kramdown attribute list): a caption or label. */
function onlyEmphasis(p: Tokens.Paragraph, kind: 'em' | 'strong'): boolean {
  const inline = p.tokens.filter((t) => t.type !== 'image' && t.type !== 'br' && !(t.type === 'text' && /^\s*(\{:[^}]*\}\s*)*$/.test((t as Tokens.Text).text)));
  return inline.length === 1 && inline[0]!.type === kind && p.text.length <= 80;
}

/** The last block of prose: where a chat answer signs off ("Let me know…", "Enjoy!"). */
function lastProseBlock(blocks: readonly Token[]): number {
  for (let i = blocks.length - 1; i >= 0; i--) if (blocks[i]!.type === 'paragraph') return i;
  return -1;
}

/** Walks the note's blocks once, in reading order. */
export function collectCandidates(tokens: readonly Token[], locale: string, spans: SpanTable, maxPointChars: number): Collected {
  const blocks = tokens.filter((t) => t.type !== 'space' && t.type !== 'hr');
  const labels = dialogueLabels(blocks);
  const w: Walk = { locale, spans, maxPointChars, out: [], pos: 0, block: 0, section: 0, perSection: 0, nextGroup: 0, inSummary: false, fieldLabels: fieldLabels(blocks) };
  const referenceLinks: Link[] = [];
  const headings: string[] = [];
  const closingAt = lastProseBlock(blocks);
  let heading: string | undefined;
  let sectionHasLead = false;
  let inReferences = false;
  let context: string | undefined; // the lead-in a following list or table belongs to
  let firstCode: Tokens.Code | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const t = blocks[i]!;
    const next = blocks[i + 1];
    w.block = i;
    // A paragraph of bold words alone is a heading the writer did not mark as one.
    const pseudo = t.type === 'paragraph' && onlyEmphasis(t as Tokens.Paragraph, 'strong');
    if (t.type === 'heading' || pseudo) {
      heading = prose(inlineText((t as Tokens.Heading).tokens)).replace(/^\d+[.)]\s*/, '').replace(/\s*[:：]$/, '');
      headings.push(heading);
      inReferences = REFERENCES.test(heading) || pointsElsewhere(heading);
      w.inSummary = SUMS_UP.test(heading);
      sectionHasLead = false;
      w.section++;
      w.perSection = 0;
      context = undefined;
      continue;
    }
    if (inReferences) {
      referenceLinks.push(...collectLinks([t]));
      continue;
    }
    const lead = heading !== undefined && !sectionHasLead;
    const closing = i === closingAt && closingAt > 0;
    if (t.type === 'paragraph' || (t.type === 'html' && (t as Tokens.HTML).block)) {
      let raw = t.type === 'paragraph' ? inlineText((t as Tokens.Paragraph).tokens, spans) : htmlBlockText((t as Tokens.HTML).text);
      if (!raw.trim()) continue;
      let asked = false;
      if (labels.size) {
        const m = SPEAKER.exec(raw);
        if (m && labels.has(m[1]!)) {
          w.asker ??= m[1]!;
          asked = m[1] === w.asker;
          raw = raw.slice(m[0].length);
        }
      }
      if (t.type === 'paragraph' && onlyLinks(t as Tokens.Paragraph)) continue; // a source named on its own line
      if (t.type === 'paragraph' && onlyEmphasis(t as Tokens.Paragraph, 'em')) continue; // a caption
      sectionHasLead = true;
      const links = closing ? collectLinks([t]).map((l) => collapseWhitespace(l.text)).filter((l) => l.length >= 3) : [];
      context = addParagraph(w, raw, next, { lead, closing, asked, links });
    } else if (t.type === 'list') {
      sectionHasLead = true;
      addList(w, t as Tokens.List, context ?? heading, false, context !== undefined || lead);
      context = undefined;
    } else if (t.type === 'blockquote') {
      const inner = (t as Tokens.Blockquote).tokens.filter((q) => q.type !== 'space');
      inner.forEach((q, k) => {
        if (q.type === 'paragraph') addParagraph(w, inlineText((q as Tokens.Paragraph).tokens, spans), inner[k + 1], { lead: false, closing: false, asked: false, links: [] });
        else if (q.type === 'list') addList(w, q as Tokens.List, undefined, false);
      });
    } else if (t.type === 'table') {
      addTable(w, t as Tokens.Table, context ?? heading);
      context = undefined;
    } else if (t.type === 'code') {
      firstCode ??= t as Tokens.Code;
      context = undefined;
    }
  }
  // A note that is only code still says something: its first comment, else what the code is.
  const codeSays = !w.out.length && firstCode ? codePoint(firstCode) : '';
  if (codeSays) push(w, { text: codeSays, kind: 'code' });
  return { candidates: w.out, referenceLinks, headings };
}
