/**
 * What walking a note's blocks shares: the candidate a piece of text becomes, the walk's state, and
 * the tests every kind of block applies to its text (prose or not, a lead-in, a fragment, output).
 */
import { collapseWhitespace } from '../util/text.js';
import type { SpanTable } from './inline.js';
import { cleanText } from './plain.js';
import { hasCjk, letterUnits } from './chars.js';
import { dropsSubject } from './dropped-subject.js';
import { namesWhatItPointsAt, pointsBack, pointsBackWithin, ruleFor, type Rules } from './tone.js';
import { seriesOfNextParagraph } from './counted-series.js';

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
  /** The candidate it leans on, by its `pos`, when not the one right before it (a list's later option leans on its lead-in's point). */
  leansOn?: number | undefined;
  /** Exclaims: the tone of chat. */
  chatty?: boolean;
  /** Talks to the reader ("You've got three good paths…"): fine when it says something, a little less worth. */
  toReader?: boolean;
  /** Said in a turn of a dialogue: what was asked or answered there, the dialogue's substance. */
  turn?: boolean;
  /** A glossary entry's definition, opening with its term (glossary.ts): the note's own vocabulary, though each term comes once. */
  defines?: boolean;
  /** Shows the display formula its words announce: a result of the note, as a figure is, though its symbols come once. */
  formula?: boolean;
  /** In a section that sums the note up: the writer's own summary. */
  sumsUp?: boolean;
  /** Carries its section's name before what it says ("Yanaka: An old shopping street…"), or a table's header names its subjects (table-subjects.ts): names a part of the note. */
  named?: boolean;
  /**
   * The part's name a later sentence of its section carries ("Netlify: The free plan includes 100 GB…"): shown
   * only when no point of its section comes before it, which named the part already (select.ts withoutNameSaid).
   */
  partName?: string | undefined;
  /** The first statement of the note's conclusion (sections.ts conclusionHeading): its judgement, kept beside the first sentence. */
  concludes?: boolean;
  /** Alternatives of one piece of text (one list item's sentences under its label): one at most is shown. */
  group?: number;
}

/** Longest item or cell name that a compacted list or table shows. */
export const MAX_NAME = 48;

/** Per section, enough candidates to choose from; past it a long section is not segmented. */
export const PER_SECTION = 24;
/** Per section of a note of many, at least this many: the first sections must not take them all. */
const PER_SECTION_MIN = 3;

export const MAX_CANDIDATES = 40;

/** Items of one list read for its names, and offered as points of their own. */
export const MAX_ITEMS = 16;

export const MAX_ITEM_POINTS = 8;

/** Sentences of one paragraph considered; a note of one long paragraph still offers several. */
export const SENTENCES_PER_PARAGRAPH = 6;

/** Enough letters to be prose, not a stray symbol, number or emoji. */
export function isProse(s: string): boolean {
  return /\p{L}[^]*?\p{L}/u.test(s);
}

/**
 * A symbol the writer put before an item or a paragraph, as a bullet or a box to tick ("☐ Explain…",
 * "✅ Summary for your question:"): not its words.
 */
export function withoutMarker(text: string): string {
  return text.replace(/^[\p{So}\uFE0F\u200D]+\s+(?=\S)/u, '');
}

/** A sentence that introduces what follows ("Run:", "Bring it back:"): alone it points at nothing. */
export function isLeadIn(s: string): boolean {
  return /[:：]$/.test(s);
}

/** A short item with no sentence of its own ("+86", "Code: +86"), which reads as a fragment alone. */
export function isFragment(text: string, spans: SpanTable): boolean {
  const n = spans.visibleLength(text);
  if (hasCjk(text)) return n < 4; // scripts whose words are one or two characters, where length says little
  return n < 20 && !/[.!?।。]$/u.test(text);
}

/** Too short to say anything: "or", "Note". CJK words are short, so only single characters count there. */
export function isTooShort(text: string, spans: SpanTable): boolean {
  const n = spans.visibleLength(text);
  if (hasCjk(text)) return n < 2;
  return n < 4 || (!/\s/.test(text.trim()) && !spans.hasCode(text) && n < 12);
}


/** A formula's symbol after the word: one Latin or Greek letter ("η", "x_i"; not "npm"), or math read into a placeholder. */
const SYMBOL = String.raw`[\s、,，]*(?:[A-Za-z\p{Script=Greek}](?![A-Za-z\p{Script=Greek}])|[\uE000-\uF8FF])`;

/**
 * A paragraph after display math or a code block that opens with "where" and names the symbols
 * ("where η is the learning rate…"): it goes on from the formula and is a fragment alone. Languages
 * with letter case show it by opening in lower case (candidates.ts); scripts without case open with
 * their own word for "where", as mathematical writing in each does (zh/hant 其中, 式中; ja ここで,
 * ただし; ar حيث; hi जहाँ; ko 여기서), before the symbol named.
 */
const OPENS_WITH_WHERE: Rules = [
  // "其中" and "ここで" also open other sentences ("其中最重要的是…", "ここで、npm を実行すると…"): only before a symbol they name.
  [/^(zh|hant|yue)/, new RegExp(`^(?:其中|式中)${SYMBOL}`, 'u')],
  [/^ja/, new RegExp(`^(?:ここで|ただし|但し)${SYMBOL}`, 'u')],
  [/^ar/, /^(?:حيث)(?=[\s،,])/u],
  [/^hi/, /^(?:जहाँ|जहां)(?=[\s,])/u],
  [/^ko/, new RegExp(`^여기서${SYMBOL}`, 'u')],
];

/** Whether a paragraph after a block opens with its language's "where" (a language with case: never here). */
export function opensWithWhere(s: string, locale: string): boolean {
  return ruleFor(OPENS_WITH_WHERE, locale)?.test(s.trimStart()) ?? false;
}

/** Mostly figures and symbols, as a program's output is ("DFS: 2 0 1 3", "[1]+ Suspended"). */
export function looksLikeOutput(text: string, spans: SpanTable, minLength = 8): boolean {
  if (spans.hasCode(text)) return false;
  let spaces = 0;
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) spaces++;
  const visible = text.length - spaces;
  const letters = letterUnits(text);
  return visible >= minLength && letters / visible < 0.45;
}

export interface Walk {
  locale: string;
  spans: SpanTable;
  maxPointChars: number;
  out: Candidate[];
  pos: number;
  block: number;
  section: number;
  perSection: number;
  /** Candidates one section may take: the walk's share out over the note's sections. */
  sectionShare: number;
  nextGroup: number;
  /** Inside a section that sums the note up ("Summary", "In short", "まとめ"). */
  inSummary: boolean;
  /** The note's last paragraph, its close: a paragraph's share of its own (`closeTaken`), not what its section left (inClose). */
  closeAt?: number;
  closeTaken?: number;
  /** Item names used in more than one list of the note. */
  fieldLabels: Set<string>;
  /** Each record's key by the index of its list ("+86" under "China"; '' where the heading alone names it): record-point.ts recordKeys. */
  recordKeys?: ReadonlyMap<number, string>;
  /**
   * What the note says that no candidate does (a long list's items not offered, long-lists.ts): the
   * note comes back to its terms, so they weigh in when points are chosen.
   */
  heard: string[];
  /** The note's text, lower-cased: read once, when a sentence first asks whether it names the note's subject (topic-fact.ts ownsNoteSubject). */
  noteText: () => string;
  /** The first speaker of a dialogue asks; what they say is kept though it is a question or "I". */
  asker?: string | undefined;
  /** Where a dialogue's substance begins: the labelled turns before it are small talk (dialogue.ts substanceStart). */
  substanceFrom?: { block: number; turn: number } | undefined;
  /** Where a dialogue's closing small talk begins: the asker's thanks and what follows it are no points (dialogue.ts closingStart). */
  closingFrom?: { block: number; turn: number } | undefined;
  /** Dash-marked turns read so far: they alternate, the first one asking (dialogue.ts). */
  dashTurns?: number | undefined;
  /** The parity of the asker's dash-marked turns: the first turn past the opening's small talk asks (dialogue.ts). */
  dashAsker?: number | undefined;
  /**
   * A lead-in just before a code block ("The error you're seeing:"), and the candidate it made with
   * the block's line, if any: a paragraph after the block that opens in lower case ("is caused by …")
   * finishes its sentence.
   */
  beforeBlock?: { said: string; made?: Candidate | undefined } | undefined;
  /** The name of the counted part ("Option A: Rent a VPS") whose section has given no point yet: its first point says it. */
  partName?: string | undefined;
  /** In the note's conclusion, before its first statement (Candidate.concludes). */
  concluding?: boolean | undefined;
  /** That name for the whole section's prose, its later sentences too (Candidate.partName); not under a list or table, which the heading names. */
  sectionName?: string | undefined;
  /** The last paragraph's lead-in announced output ("You should see:"): the paragraph after it is that output. */
  announcedOutput?: boolean | undefined;
  /** Candidates the whole walk may take, when not MAX_CANDIDATES (a long dialogue: see dialogueWalk; a long story: story-walk.ts). */
  maxCandidates?: number | undefined;
  /** Each block has its share of the candidates (sectionShare), not the section: a long story is read to its end (story-walk.ts). */
  paragraphShare?: boolean | undefined;
  /** The candidate a paragraph's last sentence made, as written: a bare series in the next paragraph may finish it (counted-series.ts). */
  paragraphEnd?: { block: number; made: Candidate } | undefined;
  /** paragraphEnd as the paragraph being read found it: its first sentence may lean on it (leaned-on.ts leansAcrossBreak). */
  paragraphBefore?: { block: number; made: Candidate } | undefined;
  /** A question the writer asked, that the next statement answers (answers.ts). */
  question?: Asked | undefined;
}

/**
 * A question asked, with a brief reply to it if any ("Do I need to? No."), and its block. An asker's
 * turn in a dialogue asks with no text held: its question is a point of its own (answers.ts).
 */
export interface Asked {
  text: string;
  block: number;
  /** A question not shown (it points back, asks the reader): an answer that needs it is no point either. */
  unshown?: boolean;
  /** The question put to the reader, in its own words: shown only with a cause answering it at once (answers.ts). */
  toReader?: string | undefined;
  /** It points back ("Why do they…?"): shown with its answer, the pair leaning on the sentence before (answers.ts shownAnswer). */
  leans?: boolean | undefined;
  /** Asked by a heading: an answer naming what it asks of reads without it (answers.ts). */
  heading?: boolean;
  /** Asked in a dialogue's turn: its questions, points of their own until an answer that needs them is shown after them (answers.ts). */
  inTurn?: Candidate[];
}

/** A turn of a long dialogue offers its first two sentences of substance, so the walk reaches its end. */
const PER_TURN = 2;
/** Turns of a dialogue read at most. */
const MAX_TURNS = 160;

/**
 * A dialogue's share per turn and its cap: a long chat (sixty exchanges, each with a sentence of
 * small talk) names its subjects all the way through, and read as one section it would give only
 * its first exchanges.
 */
export function dialogueWalk(turns: number): { sectionShare: number; maxCandidates: number } {
  return { sectionShare: PER_TURN, maxCandidates: Math.max(MAX_CANDIDATES, Math.min(turns, MAX_TURNS) * PER_TURN) };
}

/** A section's share of the candidates, for a note of `sections` sections (headings). */
export function sectionShare(sections: number): number {
  return Math.max(PER_SECTION_MIN, Math.min(PER_SECTION, Math.floor(MAX_CANDIDATES / Math.max(1, sections))));
}

/**
 * Whether the walk has all the candidates it may take here: the rest of the section is not read.
 * The writer's own summary is read however many candidates the note gave before it: a long guide
 * ends with the checklist that names its parts.
 */
export function full(w: Walk): boolean {
  if (w.inSummary) return w.perSection >= Math.max(w.sectionShare, SUMMARY_SHARE);
  if (inClose(w)) return (w.closeTaken ?? 0) >= SENTENCES_PER_PARAGRAPH;
  return w.perSection >= sectionLimit(w) || w.out.length >= (w.maxCandidates ?? MAX_CANDIDATES);
}

/**
 * Whether the walk reads the note's close, where a writer concludes: a section's share counted from its start had cut a
 * long last section's close after its first sentences, or left it unread (issue 23). A dialogue's turns keep their shares.
 */
function inClose(w: Walk): boolean {
  return w.block === w.closeAt && w.maxCandidates === undefined;
}

/**
 * What the current section may give. The opening, before any heading, offers a paragraph's worth of
 * sentences whatever the number of sections: a guide of many sections states its subject there, and
 * a section's share (three in a long guide) cut its opening paragraph after three sentences. A
 * dialogue's turns (maxCandidates set) keep their own share.
 */
function sectionLimit(w: Walk): number {
  return w.section === 0 && w.maxCandidates === undefined ? Math.max(w.sectionShare, SENTENCES_PER_PARAGRAPH) : w.sectionShare;
}

/** Candidates the writer's own summary may give, however many sections share the rest: all of it is wanted. */
const SUMMARY_SHARE = 10;

/**
 * Whether a paragraph is only the series the last sentence of the paragraph before counted ("There are
 * three main cloud platforms." then "AWS, Azure and Google Cloud"): that sentence's candidate then says
 * both, as within a paragraph (counted-series.ts). What the paragraph before made is read once.
 */
export function finishesCount(w: Walk, text: string): boolean {
  const counting = w.paragraphEnd;
  w.paragraphBefore = counting;
  w.paragraphEnd = undefined;
  const counted = counting && text && counting.block === w.block - 1 ? seriesOfNextParagraph(counting.made.text, text, w.locale) : undefined;
  if (counting && counted !== undefined) counting.made.text = counted;
  return counted !== undefined;
}

/**
 * What a sentence's candidate, if it made one, means for the walk: the section's part name is said
 * (by its first point), and the paragraph's last sentence is what a code block's lead-in or a counted
 * series after it may finish (`said`: the sentence as written, before a part name or question joined it).
 */
export function madeFrom(w: Walk, made: Candidate | undefined, last: boolean, said: string): void {
  if (made) w.partName = undefined;
  if (last && w.beforeBlock && made) w.beforeBlock.made = made;
  if (last && made?.text === said) w.paragraphEnd = { block: w.block, made };
}

export function push(w: Walk, c: Omit<Candidate, 'pos' | 'block' | 'section'>): void {
  if (full(w)) return;
  if (inClose(w)) w.closeTaken = (w.closeTaken ?? 0) + 1;
  else w.perSection++;
  w.out.push(candidateOf(c, w.pos++, w.block, w.section, w.inSummary || c.sumsUp));
}

/**
 * A candidate with every field present, in one order: all candidates share one hidden class, so
 * the choice's loops over them stay monomorphic (candidates made from object literals of a dozen
 * shapes deoptimised optionsOf again and again). Every key of Candidate must be listed here: the
 * type says so.
 */
export function candidateOf(c: Omit<Candidate, 'pos' | 'block' | 'section'>, pos: number, block: number, section: number, sumsUp: boolean | undefined): Candidate {
  const made: { [K in keyof Required<Candidate>]: Candidate[K] } = {
    text: c.text,
    pos,
    block,
    section,
    kind: c.kind,
    opening: c.opening,
    lead: c.lead,
    closing: c.closing,
    leansBack: c.leansBack,
    leansOn: c.leansOn,
    chatty: c.chatty,
    toReader: c.toReader,
    turn: c.turn,
    defines: c.defines,
    formula: c.formula,
    sumsUp: sumsUp || undefined,
    named: c.named,
    partName: c.partName,
    concludes: c.concludes,
    group: c.group,
  };
  return made;
}

/** A kramdown definition ("Term\n: what it is") reads "Term: what it is". */
export const prose = (raw: string, spans?: SpanTable) => collapseWhitespace(cleanText(raw.replace(/\n:[ \t]+/g, ': '), spans));

/**
 * How a sentence after the first of its paragraph leans on the one before: wholly when it opens with
 * a bare pronoun ("They follow from it.", "Sie bleiben im Ordner…"), however long: its subject is named
 * only before it, so it is no point alone (issue 23, F12); partly when a pronoun inside it is what it
 * speaks of ("Zuckerberg celebrated this in a video"); not when its demonstrative comes with its noun
 * ("This pivot aligned with…") or its "it" holds a later subject's place (placeholder-subject.ts).
 * A Spanish sentence opening on its verb ("Permite…", "Sirve para…") has left its subject out: wholly (dropped-subject.ts).
 */
export function leansOn(s: string, locale: string): Candidate['leansBack'] {
  if ((pointsBack(s, locale) && !namesWhatItPointsAt(s, locale)) || dropsSubject(s, locale)) return 'wholly';
  return pointsBackWithin(s, locale) ? 'partly' : undefined;
}

/**
 * Whether a candidate is the writer's summing-up, wanted though its words come once: what it says
 * is what the note comes to ("Consistency beats speed…"), so no other part need repeat its words.
 * A word to the reader there is a sign-off, not a conclusion.
 */
export function sumsNoteUp(c: Candidate): boolean {
  return c.sumsUp === true && !c.chatty && !c.toReader && (c.kind === 'sentence' || c.kind === 'item');
}
