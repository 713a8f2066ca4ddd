/**
 * Lists and tables as key points: each item on its own (or its label with one of its sentences),
 * and the names of its items compacted into one point under their lead-in ("Key features: A, B, C");
 * a table named by its subject column. Pure.
 */
import type { Token, Tokens } from 'marked';
import { collapseWhitespace } from '../util/text.js';
import type { SpanTable } from './inline.js';
import { hasLink, inlineText } from './plain.js';
import { labelled, ledBy, listJoiners, withName, withoutTrailingJoin } from './punctuation.js';
import { leadingSentences, splitSentences } from './sentences.js';
import { hasCjk, letterUnits } from './chars.js';
import { isExclamation, isQuestion, pointsBack, speaksAsI, wordCount } from './tone.js';
import { itemsOffered } from './long-lists.js';
import { continuingLeadIn } from './lead-in-items.js';
import { wholeRecord } from './record-point.js';
import { subjectsAreColumns, withTellingRow } from './table-subjects.js';
import { subjectColumn } from './table-subject-column.js';
import { namesWithCommands } from './step-names.js';
import { unlabelledName } from './item-lead-name.js';
import { labelledPeers } from './labelled-peers.js';
import { timedStep } from './step-duration.js';
import { withoutFinalStop } from './final-stop.js';
import { SUMS_UP } from './sums-up.js';
import { answersNamed, itemName, withoutAside } from './item-name.js';
import { type Candidate, full, isFragment, withoutMarker, isLeadIn, isProse, isTooShort, looksLikeOutput, MAX_ITEM_POINTS, MAX_ITEMS, MAX_NAME, prose, push, SENTENCES_PER_PARAGRAPH, type Walk } from './walk.js';
import { shortCodeLine } from './announced-blocks.js';

/** Text of a list item's own words up to its first block: a lead-in takes its short code line and stops there. */
function itemText(item: Tokens.ListItem, spans: SpanTable): { text: string; code?: string | undefined } {
  const parts: string[] = [];
  for (const t of item.tokens) {
    if (t.type === 'code') return { text: parts.join(' '), code: shortCodeLine(t) };
    if (t.type === 'list' || t.type === 'table' || t.type === 'html') break;
    if (t.type === 'text' || t.type === 'paragraph') parts.push(labelLineText((t as Tokens.Text).tokens ?? [t], spans));
  }
  return { text: parts.join(' ') };
}

/**
 * Inline text where a bold label stands on its own line ("**Apps**" then "Duolingo gives…" below it)
 * as a label: "Apps: Duolingo gives…". The line break between them is a space in the text, or nothing
 * between two CJK characters, so the label ran into its sentence ("Apps Duolingo…", "应用多邻国…")
 * where "**Apps**: Duolingo…" on one line reads as label and sentence (issue 23, F9).
 */
function labelLineText(inline: Token[], spans: SpanTable): string {
  const [label, next] = inline;
  const onOwnLine = label?.type === 'strong' && (next?.type === 'br' || (next?.type === 'text' && /^[ \t]*\n/.test(next.raw)));
  if (!onOwnLine) return inlineText(inline, spans);
  const rest = inlineText(inline.slice(1), spans).trim();
  const name = inlineText([label], spans).trim();
  return rest && !/[:：]$/u.test(name) ? labelled(name, rest) : `${name}${name.endsWith('：') ? '' : ' '}${rest}`.trim();
}

/**
 * A paragraph between two parts of a numbered list whose numbers run on ("88. …超定方", "程组，它…",
 * "89. …"): the rest of the item before it, cut off by a blank line. Alone it is a fragment of a
 * sentence, in any script (no capital tells it in Chinese); with its item it is the item's end.
 * Only where it carries the item's sentence on (sentenceRunsOn): "1. **Add the right indexes**"
 * with its explanation under it is a heading and its paragraph, and a remark between two steps
 * ("Great, that was the hard part!") is the writer's own.
 */
export function continuesItem(before: Token | undefined, t: Token | undefined, after: Token | undefined): t is Tokens.Paragraph {
  if (t?.type !== 'paragraph' || before?.type !== 'list' || after?.type !== 'list') return false;
  const [a, b] = [before as Tokens.List, after as Tokens.List];
  const last = a.items.at(-1);
  return a.ordered && b.ordered && typeof a.start === 'number' && b.start === a.start + a.items.length && last !== undefined && sentenceRunsOn(last.text, (t as Tokens.Paragraph).text);
}

/** An item ending on a sentence's end, a colon or a bold label is whole; a paragraph opening with a capital starts a sentence. */
const ITEM_COMPLETE = /(?:[.!?…:;。！？：；]["'”’»)）」』]*|\*\*|__)\s*$/u;
const OPENS_SENTENCE = /^[^\p{L}\p{N}]*\p{Lu}/u;

/** Whether `paragraph` finishes `item`'s sentence: the item stops mid-sentence and the paragraph starts mid-sentence (lower case, or a script without capitals). */
function sentenceRunsOn(item: string, paragraph: string): boolean {
  return !ITEM_COMPLETE.test(item.trim()) && !OPENS_SENTENCE.test(paragraph.trim());
}

/** The text of the paragraph that finishes `list`'s last item (continuesItem), if one does. */
export function continuedBy(list: Token, rest: Token | undefined, after: Token | undefined, spans: SpanTable): string | undefined {
  return continuesItem(list, rest, after) ? inlineText(rest.tokens, spans) : undefined;
}

/** An item's text and the rest of it that a blank line cut off: no space between two CJK characters. */
function joinTail(text: string, tail: string): string {
  const a = text.trimEnd();
  const b = tail.trimStart();
  return hasCjk(a.slice(-1)) && hasCjk(b.slice(0, 1)) ? a + b : `${a} ${b}`;
}

const MAX_LEAD = 120;

/**
 * `lead: a, b, c` for a list or a table column whose entries are short names. When not all fit, the
 * names without their asides ("Ice cubes (optional…)" → "Ice cubes") are used if more of them fit.
 * `more`: the list goes on past the names given (only its first items are read), so "…" ends it however many fit.
 */
export function compactNames(lead: string, names: readonly string[], max: number, width = (s: string) => s.length, locale?: string, more = false): string | undefined {
  if (names.length < 2) return undefined;
  // The lead-in says what the names are ("…, for everyone else: A, B, C"); one too long to leave
  // room for two names is a sentence of its own, and the names stand alone then.
  const { comma, colon } = listJoiners(lead, names, locale);
  const head = lead && lead.length <= MAX_LEAD ? `${lead}${colon}` : '';
  let best = fitNames(head, names, max, width, comma);
  if (best.shown < names.length) {
    const bare = names.map((n) => withoutAside(n) || n);
    const shorter = fitNames(head, bare, max, width, comma);
    if (shorter.shown > best.shown) best = shorter;
  }
  if (best.shown < 2) return undefined;
  return best.shown < names.length || more ? withName(best.out, '…', comma) : best.out;
}

function fitNames(head: string, names: readonly string[], max: number, width: (s: string) => number, comma: string): { out: string; shown: number } {
  let out = head;
  let shown = 0;
  for (const n of names) {
    const next = shown ? withName(out, n, comma) : `${out}${n}`;
    if (width(next) > max - 2) break;
    out = next;
    shown++;
  }
  return { out, shown };
}

/** Bold item labels found in two lists or more: the fields of repeated records ("**Code**: +86"). */
export function fieldLabels(blocks: readonly Token[]): Set<string> {
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

/**
 * `tail`: the rest of the list's last item, cut off from it by a blank line (candidates.ts
 * continuesItem); where both sides are CJK the two join without a space, as the word they split.
 */
export function addList(w: Walk, list: Tokens.List, lead: string | undefined, closing: boolean, first = true, tail?: string, leadIsSentence = false): void {
  if (full(w)) return; // nothing more is taken here: its items need not be read
  // A list of sources ("Course materials: [MIT OCW](…)") gives links, not points.
  if (list.items.filter((item) => hasLink(item.tokens)).length * 2 > list.items.length) return;
  const read = (item: Tokens.ListItem, i: number) => {
    const { text: ownText, code } = itemText(item, w.spans);
    const rawText = tail !== undefined && i === list.items.length - 1 ? joinTail(ownText, tail) : ownText;
    const text = withoutTrailingJoin(withoutMarker(prose(rawText, w.spans)), w.locale);
    return { item, text, code, name: text || code !== undefined ? itemName(item, text) : undefined };
  };
  const items = answersNamed(w, list.items.slice(0, MAX_ITEMS).map(read));
  // A long list offers its first items and then those naming what the rest of it comes back to (long-lists.ts).
  const later = list.items.length > MAX_ITEMS ? list.items.slice(MAX_ITEMS).map((item, k) => read(item, MAX_ITEMS + k)) : [];
  const offered = later.length ? new Set(itemsOffered([...items, ...later].map((x) => x.text), w.spans, MAX_ITEM_POINTS / 2, MAX_ITEM_POINTS, w.locale)) : undefined;
  const offers = (i: number) => (offered ? offered.has(i) : i < MAX_ITEM_POINTS);
  if (offered) for (const [i, { text }] of [...items, ...later].entries()) if (text && !offered.has(i)) w.heard.push(text);
  // Labels every item repeats ("Code:", "Structure:") are fields, not names of things; a command or identifier in code ("`/away` – …") names its item as words do.
  const bareName = ({ text, name = unlabelledName(text, w.spans, w.locale) }: (typeof items)[number]) => (name && (isProse(name) || w.spans.hasCode(name)) && !w.fieldLabels.has(name.toLowerCase()) ? (list.ordered ? timedStep(name, text) : name) : undefined);
  // Named items in one point, first (a long list must not use up the candidates before it): under their lead-in
  // or heading, or alone when there are several; not when the labels only name what the items say (labelsOnly).
  // A name opening on a pronoun ("It mainly…", "它主要…") leans on the item before it: named only when that one is.
  const ownNames = items.map(bareName), names: Array<string | undefined> = [];
  ownNames.forEach((n, i) => names.push(n !== undefined && i > 0 && names[i - 1] === undefined && pointsBack(n, w.locale) ? undefined : n));
  const namedAhead = leadIsSentence && namedBeforeStatements(lead, names, w.spans);
  const { point: compact, commandShown } = namesWithCommands(items, (item) => names[items.indexOf(item)], w.spans, (names) => ((names.length >= 3 || namedAhead || twoNamedUnderLeadIn(lead, items)) && !(labelsOnly(list, items, w.spans, w.locale) && !leadIsSentence) ? compactNames(lead ?? '', names, w.maxPointChars, (s) => w.spans.visibleLength(s), w.locale, later.length > 0 || namedAhead) : undefined));
  if (compact) push(w, { text: compact, kind: 'compact', lead: true });
  // Items that say nothing alone (formulas, figures) read under the lead-in once, not the lead-in once each.
  const fragments = compact === undefined ? fragmentsUnderLead(w, lead, items) : [];
  const together = fragments.length >= 2 ? compactNames(lead!, fragments.map(({ text }) => text), w.maxPointChars, (s) => w.spans.visibleLength(s), w.locale, fragments.length === items.length && later.length > 0) : undefined;
  if (together) push(w, { text: together, kind: 'compact', lead: first, closing });
  // Items in lower case finish their lead-in's sentence: under it, as many as fit, else the first (lead-in-items.ts).
  const goOn = compact === undefined && together === undefined && first ? continuingLeadIn(lead, items) : undefined;
  const underLead = goOn && (compactNames(lead!, goOn, w.maxPointChars, (s) => w.spans.visibleLength(s), w.locale) ?? labelled(lead!, goOn[0]!));
  const readUnderLead = underLead !== undefined && w.spans.visibleLength(underLead) <= w.maxPointChars;
  if (readUnderLead) push(w, { text: underLead, kind: 'compact', lead: true, closing });
  const record = compact ?? together ?? underLead ? undefined : wholeRecord(w, lead, items); // record-point.ts
  // A lead-in sentence no compacted point carries reads with the first item, as a reader would choose (leadInOf);
  // not one that only marks the writer's summary ("In short:"), which says nothing of its own.
  const leadIn = leadIsSentence && first && !(lead !== undefined && onlyMarksSummary(lead)) && compact === undefined && together === undefined && !readUnderLead ? lead : undefined;
  if (record !== undefined) return push(w, { text: record, kind: 'item', lead: first, closing });
  // The first item offered under the lead-in sentence (its pos): each later one says what it is an option for only beside it.
  let ledAt: number | undefined;
  const leads = first && lead !== undefined && !labelledPeers(items); // a labelled item leads no more than its peers
  items.forEach(({ item, text, code, name }, i) => {
    if (!text && code === undefined) return;
    if (together && fragments.some((f) => f.item === item)) return;
    // "It minimises the error." as an item leans on the item before it, as a sentence does.
    // An item that is only its name and an aside ("Ice cubes (optional, for iced version)") is
    // named by the compact point already; alone it would add the aside and take a point's place.
    const named = compact !== undefined && name !== undefined, bare = named ? withoutAside(text) : text;
    const onlyName = named && bare !== text && !w.spans.hasCode(text) && withoutFinalStop(bare) === withoutAside(name);
    if (offers(i) && !onlyName && !commandShown.has(i) && !readUnderLead && !(i > 0 && pointsBack(text, w.locale) && wordCount(text) <= 8)) {
      // One shape for every item (no `...leans` spread after the fields: Node 20's slow copy, issue 23).
      const leansBack = ledAt === undefined ? undefined : ('wholly' as const);
      const ledHere = addItem(w, text, code, name, { lead: leads && i === 0 ? lead : undefined, leadIn: i === 0 ? leadIn : undefined, context: lead, closing, leansBack, leansOn: ledAt });
      if (i === 0) ledAt = ledHere;
    }
    // A nested list belongs to its item, after it: "Type a command, e.g.: /available, /away, /busy".
    const nested = item.tokens.find((t): t is Tokens.List => t.type === 'list');
    if (nested) addList(w, nested, name && name.length <= 60 ? name : text.replace(/[:：]$/, '') || undefined, closing);
  });
  later.forEach(({ text, code, name }, k) => {
    if ((text || code !== undefined) && offers(MAX_ITEMS + k) && !readUnderLead && !(pointsBack(text, w.locale) && wordCount(text) <= 8)) addItem(w, text, code, name, { lead: undefined, context: lead, closing });
  });
}

/**
 * A list under its lead-in whose first items have names (two or more) and whose last ones are statements too long
 * for one ("If you prefer more control:" then "Create a file…", "Add this Liquid template:", "Make sure your
 * `_config.yml` has `url: …` so links generate correctly."): the named ones make its point, "…" for the rest, as a
 * long list's first items do; each statement is still offered alone. Before, one long last item left the list with
 * no point naming its steps, and a step announcing a block of code ("Add this Liquid template:") was lost.
 */
function namedBeforeStatements(lead: string | undefined, names: ReadonlyArray<string | undefined>, spans: SpanTable): boolean {
  const unnamed = names.indexOf(undefined);
  // Names in words, each a step's own: code spans alone ("`[`, `List<String>`") name no step.
  const worded = (n: string | undefined) => n !== undefined && isProse(n) && !spans.hasCode(n);
  return lead !== undefined && unnamed >= 2 && names.slice(0, unnamed).every(worded) && names.slice(unnamed).every((n) => n === undefined);
}

/**
 * The items a lead-in would be repeated over (addItem labels each fragment with it): the first items in
 * a row, each no prose or a fragment ("$\\frac{d}{dx} e^x = e^x$", "443"), with no code, label or field: its name is its whole text.
 */
function fragmentsUnderLead<T extends { text: string; code: string | undefined; name: string | undefined }>(w: Walk, lead: string | undefined, items: readonly T[]): T[] {
  if (lead === undefined || !isProse(lead) || lead.length > 60) return [];
  const fragment = ({ text, code, name }: T) => text !== '' && code === undefined && (name === undefined || name === withoutFinalStop(text)) && !/[:：]/u.test(text) && (!isProse(text) || isFragment(text, w.spans));
  const run = items.findIndex((x) => !fragment(x));
  return run < 0 ? [...items] : items.slice(0, run);
}

/**
 * A lead-in (or heading) over just two items that are short names, not statements ("The flag has two
 * colours:" white, red): one point as with three, not the lead-in repeated over two points.
 */
function twoNamedUnderLeadIn(lead: string | undefined, items: ReadonlyArray<{ text: string }>): boolean {
  return lead !== undefined && items.length === 2 && items.every(({ text }) => wordCount(text) <= 4 && !/[.!?。！？]$|[=<>≤≥≠]/u.test(text));
}

/** Words an item says past its label for it to hold a statement of its own ("**Grid**: each cell is a minterm"). */
const STATEMENT_WORDS = 16;

/**
 * A list whose labels only name what its items say ("**Grid Structure**: each cell is…"): every item
 * says a long sentence after its label, so the labels compacted ("Key Concepts: Grid Structure, …")
 * would win the point over what the items say (each word of a label comes back in its item).
 * Not under the writer's own lead-in sentence ("these are the four that matter most:"): that names
 * what the labels are, and the labels with it are the overview a reader wants (issue 23, F9: the
 * lead-in was lost). Not a ranking or a procedure (ordered: its entries are the point), nor commands or identifiers
 * ("`/away` – …": what a reader types is itself what the list says).
 */
function labelsOnly(list: Tokens.List, items: ReadonlyArray<{ text: string; name: string | undefined }>, spans: SpanTable, locale: string): boolean {
  if (list.ordered) return false;
  const said = items.map(({ text, name }) => (name !== undefined && !spans.hasCode(name) && text.startsWith(name) ? statementWords(text.slice(name.length).replace(/^[\s:：—–-]+/u, ''), locale) : 0));
  // Statements that long on the whole, none much shorter: one item a word or two short of the mark
  // ("**Partition tolerance**: the system continues to operate despite …", 15 words) is a statement still.
  return said.length > 0 && said.every((n) => n >= (STATEMENT_WORDS * 2) / 3) && said.reduce((a, n) => a + n, 0) >= STATEMENT_WORDS * said.length;
}

/**
 * German writes a compound as one word ("Rechenzentrum", "Zahlungsdienst"): its sentences say as much
 * as English ones in fewer, longer words (about 7 letters a word against 5). Its words are counted by
 * their letters, five to an English word, so a statement is as long in either language.
 */
function statementWords(text: string, locale: string): number {
  const words = wordCount(text);
  return /^de/i.test(locale) ? Math.max(words, letterUnits(text) / 5) : words;
}

/**
 * One list item as a point: whole when it fits, else its first sentence, or another of its sentences under its label
 * ("Brew the tea: Steep for 3-5 minutes.") or alone when it has none and stands alone, one of them at most (a group).
 * Returns the pos of its point when that point carries the lead-in sentence (leadInOf), which the later items lean on.
 */
function addItem(w: Walk, raw: string, code: string | undefined, name: string | undefined, at: { lead: string | undefined; leadIn?: string | undefined; context: string | undefined; closing: boolean; leansBack?: Candidate['leansBack']; leansOn?: number }): number | undefined {
  let text = raw;
  if (isLeadIn(text) || (code !== undefined && text && !/[.。]$/.test(text))) {
    if (code === undefined) return undefined;
    text = ledBy(text, w.spans.add({ text: code, style: 'code' }));
  }
  // Past the walk's share nothing is taken: the tests below would decide nothing (a third of the items read).
  if (full(w)) return undefined;
  if (!text || looksLikeOutput(text, w.spans) || isQuestion(text) || speaksAsI(text, w.locale)) return undefined;
  // A field of a repeated record ("Structure: 8 digits…" under "Singapore") is that record's:
  // "Singapore: 8 digits…"; with no record name to give it, it says nothing alone.
  if (name && w.fieldLabels.has(name.toLowerCase())) {
    const field = /^[^:：]{1,24}[:：]\s*(.+)$/u.exec(text);
    if (!at.context || !isProse(at.context) || at.context.length > 60 || !field) return undefined;
    text = labelled(at.context, field[1]!);
  }
  // "Code: +86" under "China" says nothing alone: "China: +86".
  if (!isProse(text) || isFragment(text, w.spans)) {
    if (at.context && isProse(at.context) && at.context.length <= 60) {
      const field = /^[^:：]{1,24}[:：]\s*(.+)$/u.exec(text);
      text = labelled(at.context, field ? field[1]! : text);
    } else if (isTooShort(text, w.spans) || (!isProse(text) && !w.spans.hasCode(text))) return undefined;
  }
  const lead = at.lead !== undefined, { leansBack, leansOn } = at, pos = w.pos;
  if (w.spans.visibleLength(text) <= w.maxPointChars) {
    const shown = leadInOf(w, at.leadIn, text);
    push(w, { text: shown, kind: 'item', lead, closing: at.closing, leansBack, leansOn });
    return shown !== text ? pos : undefined;
  }
  const group = w.nextGroup++;
  const sentences = splitSentences(text, w.locale, SENTENCES_PER_PARAGRAPH);
  const label = name && text.startsWith(name) ? name : undefined;
  const led = leadingSentences(label ? sentences.slice(0, 1) : sentences, (s) => w.spans.visibleLength(s) <= w.maxPointChars); // unlabelled, its lead goes with what follows as far as it fits
  const shown = leadInOf(w, at.leadIn, led.text ?? text);
  push(w, { text: shown, kind: 'item', lead, closing: at.closing, group, leansBack, leansOn });
  for (const sentence of sentences.slice(led.count)) {
    if (isQuestion(sentence) || speaksAsI(sentence, w.locale) || isLeadIn(sentence) || isExclamation(sentence)) continue;
    if (label) push(w, { text: labelled(label, sentence), kind: 'item', closing: at.closing, group, leansBack, leansOn });
    else if (!pointsBack(sentence, w.locale)) push(w, { text: sentence, kind: 'item', closing: at.closing, group, leansBack, leansOn });
  }
  return shown !== (led.text ?? text) ? pos : undefined;
}

/** A lead-in that is a summing-up marker and no more ("In short", "👉 總結"); "我总结了下面这些经验" says what follows. */
function onlyMarksSummary(lead: string): boolean {
  return SUMS_UP.test(lead) && wordCount(lead.replace(SUMS_UP, ' ')) < 2;
}

/**
 * The first item of a list no compacted point names, under the sentence that introduced the list
 * ("…these are the most common ones: Cache query results…"): alone, the lead-in was no point (it
 * points at what follows) and the items stood without what they are (issue 23, F9). Not an item
 * with a label of its own ("Speed: it runs…"): two colons read as neither; nor past a point's room.
 */
function leadInOf(w: Walk, leadIn: string | undefined, text: string): string {
  if (leadIn === undefined || /[:：]/u.test(text)) return text;
  const led = labelled(leadIn, text);
  return w.spans.visibleLength(led) <= w.maxPointChars ? led : text;
}

export function addTable(w: Walk, table: Tokens.Table, lead: string | undefined): void {
  if (full(w)) return;
  // Each cell's text taken once: the checks below read most cells two to four times (issue 23's speed).
  const cellTexts = new Map<Tokens.TableCell, string>();
  const cell = (c: Tokens.TableCell) => cellTexts.get(c) ?? cellTexts.set(c, prose(inlineText(c.tokens, w.spans))).get(c)!;
  const { header, values } = subjectColumn(table, cell, (v) => w.spans.hasCode(v));
  // A short lead-in or heading names the table ("Top 10 by stars"); a long one is said elsewhere.
  // A table is named by its subjects in one point, even two of them: its rows are points only in a
  // note of (almost) no prose (select.ts), so a comparison of Kafka and RabbitMQ named neither.
  // Only a comparison in words, though ("very high", "per queue"): a table of figures (a K-map, a
  // bill) is said by its rows and totals.
  // An empty corner, or one naming the rows (criteria), makes the header the subjects, with any number of rows (table-subjects.ts).
  const corner = table.header[0] ? cell(table.header[0]) : '';
  const headerNames = !corner || COMPARED_BY.test(corner);
  const compares = (headerNames || table.rows.length <= 3) && comparesInWords(table, cell);
  const byColumn = ((compares && headerNames) || subjectsAreColumns(table, cell)) && table.header.length >= 3 ? table.header.slice(1).map(cell).filter((c) => isProse(c) && c.length <= MAX_NAME) : [];
  const subjects = byColumn.length >= 2 ? byColumn : values.filter((v) => !isTotal(v)); // a row of totals is the bottom line (below), not a subject
  // Two or three rows name themselves where rows are the points (a note of a table alone): named in
  // one point only after prose, where they are not.
  const small = byColumn.length >= 2 || (compares && table.rows.length <= 3 && subjects.length >= 2 && w.out.some((c) => c.kind === 'sentence'));
  const compact = subjects.length > 3 || small ? compactNames(lead && lead.length <= 40 ? lead : byColumn.length >= 2 ? '' : header, subjects, w.maxPointChars, undefined, w.locale) : undefined;
  const told = compact !== undefined && byColumn.length >= 2 ? withTellingRow(compact, table.rows, cell, w.maxPointChars, (s) => w.spans.visibleLength(s)) : undefined, columns = table.header.map(cell);
  if (compact) push(w, told ? { text: told.text, kind: 'compact', lead: true, named: true } : { text: compact, kind: 'compact', lead: true });
  // A row of totals, wherever it is, is the table's bottom line: it sums the rows up.
  for (const row of table.rows.filter((r, i) => r !== told?.row && (i < 5 || isTotal(r[0] ? cell(r[0]) : '')))) {
    // Where the header names the subjects, each value says whose it is ("Compile speed: Rust slow · Go fast").
    const cells = row.map((c, k) => (byColumn.length >= 2 && k > 0 && cell(c) && columns[k] ? `${columns[k]} ${cell(c)}` : cell(c))).filter((c) => c);
    if (!cells.length || !cells.some((c) => isProse(c) || w.spans.hasCode(c))) continue;
    const sums = isTotal(cells[0]!) ? { lead: true, sumsUp: true } : {};
    push(w, { text: cells.length > 1 ? labelled(cells[0]!, cells.slice(1).join(' · ')) : cells[0]!, kind: 'row', ...sums });
  }
}

/** Whether most cells past the first column are words, not figures: a table that compares its subjects. */
function comparesInWords(table: Tokens.Table, cell: (c: Tokens.TableCell) => string): boolean {
  const cells = table.rows.flatMap((r) => r.slice(1).map(cell)).filter((c) => c);
  return cells.length >= 2 && cells.filter((c) => isProse(c)).length * 3 >= cells.length * 2;
}

/**
 * A corner cell saying its rows are what the subjects are compared by ("| Critère | Kafka | RabbitMQ |",
 * "| Feature | A | B |"), in the languages of the blog.
 */
const COMPARED_BY =
  /^(?:criteri(?:on|a|o|os)|features?|aspects?|attributes?|propert(?:y|ies)|dimensions?|comparison|vs\.?|critères?|caractéristiques?|propriétés?|critérios?|características?|aspectos?|kriteri(?:um|en)|merkmale?|eigenschaften?|aspekte?|vergleich|मानदंड|विशेषता|पहलू|المعيار|المعايير|الميزة|الخاصية|الجانب)$|^(?:特性|特点|特點|方面|指标|指標|对比项|對比項|维度|維度|比较项|比較項|項目|特徴|観点|比較項目)$/iu;

/** The label of a row of totals, in the languages of the corpus and a few more (German compounds too: "Gesamtzeit", "Gesamtkosten"). */
const TOTAL = /^(?:total|totals|sum|overall|grand total|gesamt\p{Ll}*|summe|insgesamt|totale|totaal|итого|всего|कुल|योग|المجموع|الإجمالي|الاجمالي)(?=$|[\s:：(（])|^(?:合计|合計|总计|總計|总共|總共|共计|共計)/iu;

export function isTotal(label: string): boolean {
  return TOTAL.test(label.trim());
}
