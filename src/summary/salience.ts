/**
 * What a note is about, as weighted terms: words (CJK as character pairs) and code spans, weighed
 * by how many of the note's sentences use them (a subject comes back; a word in nearly every
 * sentence is grammar) and raised when the title or a heading names them. A point's worth is the
 * weight of the terms it adds to those already chosen. Pure.
 */
import { asciiCase, categoryOf, CJK, FIRST_CJK, hasCjk, hasNumber, isAcronym, isFigure, LETTER, LOWER_ASCII, MARK, NOT_ASCII, NUMBER } from './chars.js';
import { FIRST as PLACEHOLDER_FIRST, LAST as PLACEHOLDER_LAST, type SpanTable } from './inline.js';
import { allIn, ECHOED, NO_CODE, type InCode } from './code-terms.js';
import { asMarkedParts, hasScripts } from './sup-sub.js';
import { emphasisWeight } from './emphasis.js';
import { PairIds } from './pair-ids.js';
import { cjkGrammarOf, type CjkGrammar } from './cjk-grammar.js';

/** Function words of the Latin-script languages: never a subject, however rare in a short note. */
const STOP = new Set(
  (
    'the and for are but not you your with this that from have has had was were will would can could should may might must into onto over under ' +
    'than then them they their there here what when where which while who whom whose why how all any each few more most other some such only own ' +
    'same too very just also use used using one two its it’s it\'s our out off about after before again against between both down during until ' +
    'upon like well even still much many via per etc does did doing done being been get gets got make makes made way ways thing things ' +
    'der die das und oder aber nicht mit von für auf ist sind war eine einer einem einen ein den dem des sie ihr ihre wie was wenn dann auch noch ' +
    'les des une est sont pour avec dans par sur pas plus que qui quoi ces cette aux leur leurs mais ou vous nous ' +
    'los las una unos unas por para con del que sus como más pero sin sobre este esta esto son está'
  ).split(' '),
);

/** Whether a word is a function word of the Latin-script languages ("with", "using", "mit"): grammar, never a subject. */
export function isFunctionWord(word: string): boolean {
  return STOP.has(word.toLowerCase());
}

/** A word: `[\p{L}\p{N}][\p{L}\p{M}\p{N}_'’.+#/-]*[\p{L}\p{M}\p{N}+#]|[\p{L}\p{N}]`, found by `wordSpans`. */
export const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}_'’.+#/-]*[\p{L}\p{M}\p{N}+#]|[\p{L}\p{N}]/gu;

/** Character classes of WORD, one bit each: starts a word, may be inside one, may end one. */
const STARTS = 1;
const INSIDE = 2;
const ENDS = 4;
/** Not yet worked out (the table below is filled as characters are met). */
const UNKNOWN = 0xff;

/**
 * Classes of each BMP code point met so far, astral ones in a map (a regex per character was the
 * summary's hot spot, and a map lookup per character was the next one). A cache of a pure function.
 */
const bmpClass = new Uint8Array(0x10000).fill(UNKNOWN);
const astralClass = new Map<number, number>();

function classOf(cp: number): number {
  if (cp < 0x10000) {
    const known = bmpClass[cp]!;
    if (known !== UNKNOWN) return known;
    const c = computeClass(cp);
    bmpClass[cp] = c;
    return c;
  }
  let c = astralClass.get(cp);
  if (c === undefined) astralClass.set(cp, (c = computeClass(cp)));
  return c;
}

function computeClass(cp: number): number {
  if (cp < 128) {
    if ((cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122)) return STARTS | INSIDE | ENDS;
    if (cp === 43 || cp === 35) return INSIDE | ENDS; // + #
    if (cp === 95 || cp === 39 || cp === 46 || cp === 47 || cp === 45) return INSIDE; // _ ' . / -
    return 0;
  }
  const category = categoryOf(cp);
  if (category & (LETTER | NUMBER)) return STARTS | INSIDE | ENDS;
  if (category & MARK) return INSIDE | ENDS;
  return cp === 0x2019 ? INSIDE : 0;
}

/** The end of the word starting at `i` (where WORD's match from `i` ends), or -1 when none starts there. */
function wordEnd(text: string, i: number): number {
  const cp = text.codePointAt(i)!;
  if (!(classOf(cp) & STARTS)) return -1;
  // Greedy through what may be inside, then back to the last character that may end a word.
  let end = i + (cp > 0xffff ? 2 : 1);
  let k = end;
  while (k < text.length) {
    const next = text.codePointAt(k)!;
    const cls = classOf(next);
    if (!(cls & INSIDE)) break;
    k += next > 0xffff ? 2 : 1;
    if (cls & ENDS) end = k;
  }
  return end;
}

/** Where WORD matches in `text`, as [start, end) offsets, without a regex run per word. */
export function* wordSpans(text: string): Generator<[number, number]> {
  let i = 0;
  while (i < text.length) {
    const end = wordEnd(text, i);
    if (end < 0) {
      i += text.codePointAt(i)! > 0xffff ? 2 : 1;
      continue;
    }
    yield [i, end];
    i = end;
  }
}

/**
 * The terms of a text with placeholders: each code span whole, words lower-cased, CJK as pairs.
 * `locale`: whose grammar characters split CJK runs (cjk-grammar.ts).
 * `proper`, when given, collects the words written with a capital inside a sentence ("Scout", "Behemoth", "GitHub"), and acronyms anywhere ("BFS visits…"): names of things.
 */
export function termsOf(text: string, spans: SpanTable, proper?: Set<string>, locale?: string): Set<string> {
  const out = new Set<string>();
  eachTerm(text, spans, proper, { term: (t) => out.add(t), pair: (key) => out.add(pairText(key)), grammar: cjkGrammarOf(locale) });
  return out;
}

/** Where eachTerm sends what it finds: a CJK pair comes as a number (its two units packed, pairKey), so no string is built for it. */
interface TermVisitor {
  term(term: string): void;
  pair(key: number): void;
  /** The language's grammar characters, never part of a CJK term. */
  grammar: CjkGrammar;
}

/**
 * A CJK term's key: its two UTF-16 units packed in an int32, `(a << 16) | b`; a lone unit's is
 * `(0 << 16) | b` (no pair starts with U+0000). An int32 is always a small integer (Smi) for V8,
 * never boxed; the earlier keys `a * 0x10000 + b` (2^31 and past for a first unit from U+8000) and
 * `2^32 + b` (every lone unit) were heap numbers, a Map's slowest keys: CJK notes' summaries spent
 * a fifth of their time there (issue 23). Smis hold 32 bits on x64 without pointer compression, as
 * Node 20 is built (v8/v8 src/objects/smi.h; https://chromium.googlesource.com/v8/v8.git/+/main/docs/heap/pointer-compression.md).
 */
function pairKey(a: number, b: number): number {
  return (a << 16) | b;
}

/** The text of a CJK term from its key: one or two UTF-16 units. */
function pairText(key: number): string {
  const a = key >>> 16;
  return a ? String.fromCharCode(a, key & 0xffff) : String.fromCharCode(key & 0xffff);
}

function isHiraganaUnit(c: number): boolean {
  return (c >= 0x3041 && c <= 0x3096) || (c >= 0x309d && c <= 0x309f);
}

/**
 * Sends each run of CJK characters as overlapping pairs of UTF-16 units (a run of one unit as
 * itself), and returns the text with each run replaced by a space, for the word pass.
 */
function cjkPairs(plain: string, visit: TermVisitor): string {
  let rest = '';
  let last = 0;
  let i = 0;
  while (i < plain.length) {
    const cp = plain.codePointAt(i)!;
    if (!(categoryOf(cp) & CJK)) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    let end = i + (cp > 0xffff ? 2 : 1);
    for (let next = plain.codePointAt(end); next !== undefined && categoryOf(next) & CJK; next = plain.codePointAt(end)) end += next > 0xffff ? 2 : 1;
    // A run is split at the language's grammar characters (cjk-grammar.ts): no term spans a particle.
    for (let from = i; from < end; ) {
      let to = from;
      while (to < end && !visit.grammar(plain, to, i)) to++;
      if (to > from) visitRun(plain, from, to, visit);
      from = to + 1;
    }
    rest += `${plain.slice(last, i)} `;
    last = i = end;
  }
  return rest + plain.slice(last);
}

/** Sends one run of CJK units with no grammar character as overlapping pairs (a run of one unit as itself). */
function visitRun(plain: string, i: number, end: number, visit: TermVisitor): void {
  // Kana alone are endings and particles ("ます", "です", "して"): Japanese grammar, not a subject.
  if (end - i === 1) {
    if (!isHiraganaUnit(plain.charCodeAt(i))) visit.pair(pairKey(0, plain.charCodeAt(i)));
    return;
  }
  for (let k = i; k + 1 < end; k++) {
    const a = plain.charCodeAt(k);
    const b = plain.charCodeAt(k + 1);
    if (!(isHiraganaUnit(a) && isHiraganaUnit(b))) visit.pair(pairKey(a, b));
  }
}

/** Sends each term of `text` in reading order (a term may come more than once). */
function eachTerm(text: string, spans: SpanTable, proper: Set<string> | undefined, visit: TermVisitor): void {
  // Placeholders found by code point compare, the text between them taken in slices: a string
  // grown a character at a time (and a regex over it) was this function's cost.
  // The same pass notes whether a character could be CJK at all (most texts have none).
  let plain = '';
  let last = 0;
  let maybeCjk = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < FIRST_CJK) continue;
    if (c < PLACEHOLDER_FIRST || c > PLACEHOLDER_LAST) {
      maybeCjk = true;
      continue;
    }
    plain += text.slice(last, i);
    last = i + 1;
    const run = spans.get(text[i]!);
    if (run?.style === 'code') visit.term(`\u0000${run.text.trim().toLowerCase()}`);
    else if (run) {
      plain += ` ${run.text} `;
      maybeCjk = true;
    }
  }
  plain = last === 0 ? text : plain + text.slice(last);
  if (maybeCjk && hasCjk(plain)) plain = cjkPairs(plain, visit);
  let start = 0;
  while (start < plain.length) {
    const end = wordEnd(plain, start);
    if (end < 0) {
      start += plain.codePointAt(start)! > 0xffff ? 2 : 1;
      continue;
    }
    wordTerm(plain, start, end, proper, visit.term);
    start = end;
  }
}

/** Whether a word of one or two units is a term: `/\p{N}|^\p{Lu}{2}$|#/u`, by code for ASCII (most such words). */
function shortTermAt(plain: string, start: number, stop: number): boolean {
  const a = plain.charCodeAt(start);
  const b = stop - start > 1 ? plain.charCodeAt(start + 1) : 0;
  if (a >= 128 || b >= 128) return /\p{N}|^\p{Lu}{2}$|#/u.test(plain.slice(start, stop));
  const digitOrHash = (c: number) => (c >= 48 && c <= 57) || c === 35;
  const upper = (c: number) => c >= 65 && c <= 90;
  return digitOrHash(a) || digitOrHash(b) || (upper(a) && upper(b));
}

/** The term of one word of `plain` (none for a function word or a short one), and whether it is a name. */
function wordTerm(plain: string, start: number, end: number, proper: Set<string> | undefined, visit: (term: string) => void): void {
  // "'s" and trailing dots go by character code, so the word is sliced once.
  let stop = end;
  const c = plain.charCodeAt(stop - 1);
  if (c === 115 /* s */ && stop - start >= 2) {
    const q = plain.charCodeAt(stop - 2);
    if (q === 39 /* ' */ || q === 0x2019) stop -= 2;
  }
  while (stop > start && plain.charCodeAt(stop - 1) === 46 /* . */) stop--;
  // Short words are grammar, unless a number or an acronym ("AI", "C#", "3D").
  if (stop - start < 3 && !shortTermAt(plain, start, stop)) return;
  const w = plain.slice(start, stop);
  const ascii = asciiCase(plain, start, stop), lower = ascii === LOWER_ASCII ? w : w.toLowerCase(); // no ASCII word has scripts (all from U+00B2)
  if (ascii === NOT_ASCII && hasScripts(lower)) return scriptedTerms(lower, visit);
  if (STOP.has(lower)) return;
  visit(lower);
  if (proper && lower !== w && ((start > 0 && INSIDE_SENTENCE.test(plain.slice(Math.max(0, start - 4), start))) || isAcronym(w))) proper.add(lower);
}

/** A word with scripts read as TeX's marks give it ("Vₘₐₓ²" as "V_max^2": V_max and 2), so the terms do not hang on how a formula is shown. */
function scriptedTerms(word: string, visit: (term: string) => void): void {
  for (const part of asMarkedParts(word)) {
    for (const [from, to] of wordSpans(part)) wordTerm(part, from, to, undefined, visit);
  }
}

/**
 * The terms of a note's units of text (its candidate points) as small ints, and in how many units
 * each is: the greedy choice tests coverage in an array, and each term is weighed once.
 */
export class TermIndex {
  /** The note's language's grammar characters, never part of a CJK term (cjk-grammar.ts). */
  private readonly grammar: CjkGrammar;
  private readonly idOf = new Map<string, number>();
  private readonly codeIdOf = new Map<string, number>(); // code spans' ids by their text without the code mark
  /** CJK pairs by their key (no other term is made of CJK units alone, so the two maps never share a term). */
  private readonly pairIdOf = new PairIds();
  readonly terms: string[] = [];
  /** Units using each term. */
  readonly df: number[] = [];
  /** The last unit that used each term: a unit counts a term once. */
  private readonly lastUnit: number[] = [];
  units = 0;

  constructor(locale?: string) {
    this.grammar = cjkGrammarOf(locale);
  }

  /** The distinct terms of one unit, in reading order, as ids; `proper` as for termsOf; `into`: a unit counted already that the text is part of. */
  add(text: string, spans: SpanTable, proper: Set<string>, into?: number): number[] {
    const unit = into ?? ++this.units;
    const ids: number[] = [];
    const count = (id: number) => {
      if (this.lastUnit[id] === unit) return;
      this.lastUnit[id] = unit;
      this.df[id]!++;
      ids.push(id);
    };
    eachTerm(text, spans, proper, {
      term: (term) => {
        let id = this.idOf.get(term);
        if (id === undefined) this.idOf.set(term, (id = this.newTerm(term)));
        count(id);
      },
      pair: (key) => {
        let id = this.pairIdOf.get(key);
        if (id < 0) this.pairIdOf.set(key, (id = this.newTerm(pairText(key))));
        count(id);
      },
      grammar: this.grammar,
    });
    return ids;
  }

  /**
   * A unit counted whole, and the terms of `shown`, the cut of it a point shows: what a sentence's lost end
   * names the note still names (counted from the cut, a name said twice looked said once).
   */
  addCut(whole: string, shown: string, spans: SpanTable, proper: Set<string>, into?: number): number[] {
    const counted = this.add(whole, spans, proper, into);
    return shown === whole ? counted : this.known(shown, spans);
  }

  /**
   * The ids of the terms of `text` that the index holds, not counted as a unit: what a point cut
   * shorter than it was indexed still says.
   */
  known(text: string, spans: SpanTable): number[] {
    const ids = new Set<number>();
    const found = (id: number | undefined) => id !== undefined && id >= 0 && ids.add(id);
    eachTerm(text, spans, undefined, { term: (term) => found(this.idOf.get(term)), pair: (key) => found(this.pairIdOf.get(key)), grammar: this.grammar });
    return [...ids];
  }

  /**
   * Units that use a term in its other form, a word as a code span (`javac`) or a code span as a
   * word (javac): the same name, counted with the term's own units.
   */
  unitsAsCode(term: string): number {
    // A word's code form looked up by the word: no string built per term weighed (most notes have few code spans).
    const other = term.startsWith('\u0000') ? this.idOf.get(term.slice(1)) : this.codeIdOf.get(term);
    return other === undefined ? 0 : this.df[other]!;
  }

  private newTerm(term: string): number {
    if (term.startsWith('\u0000')) this.codeIdOf.set(term.slice(1), this.terms.length);
    this.terms.push(term);
    this.df.push(0);
    this.lastUnit.push(0);
    return this.terms.length - 1;
  }
}

/**
 * What precedes a word inside a sentence: a letter, digit, comma or bracket, then a space; or an
 * opening bracket, where an aside names things ("(Scout and Maverick)", "(Scout et Maverick)").
 */
const INSIDE_SENTENCE = /[\p{L}\p{N},;)]\s+$|[\p{L}\p{N}]\s*[(（]$/u;

const NO_TERMS: ReadonlySet<string> = new Set();

/**
 * Weights from the note's own units of text (sentences, items, headings), one per term of the
 * index: rare-in-the-note terms weigh most (an in-note inverse document frequency), terms used more
 * than once a little more than those used once, terms of the title or a heading double; `emphasised`: terms the writer set
 * in bold inside a statement.
 */
export function weighTerms(index: TermIndex, named: Set<string>, headed: Set<string>, proper: Set<string>, inCode: InCode = NO_CODE, emphasised: ReadonlySet<string> = NO_TERMS): Float64Array {
  const n = Math.max(index.units, 2);
  const out = new Float64Array(index.terms.length);
  index.terms.forEach((term, id) => {
    const own = index.df[id]!;
    if (own > 0.6 * n && n >= 5) return; // in most sentences: the note's grammar, not a subject
    const f = own + index.unitsAsCode(term);
    let w = f >= 2 ? 1 + Math.log(f) : 0.25; // a subject comes back; a word used once is a detail
    if (named.has(term)) w = Math.max(w, 0.5) * 2; // a title word is a subject however often it comes back
    else if (headed.has(term)) w *= 1.3;
    if (proper.has(term)) w = Math.max(w, 0.6) * 2;
    if (emphasised.has(term)) w = emphasisWeight(w);
    if (term.startsWith('\u0000')) {
      w = Math.max(w, 1) * 1.5; // a command or identifier, however often
      if (allIn(term.slice(1), inCode.blocks)) w *= ECHOED; // and the note's code uses it too: `javac` beside `javac Hello.java`
    } else if (f > own) w = Math.max(w, 1) * ECHOED; // a word the writer also marks as code ("javac" beside `javac`)
    else if (hasNumber(term)) w = (isFigure(term) ? Math.max(w, 0.6) : w) * 1.3; // a figure: "3-5 minutes", "0.707", "+86"; a number alone as a name
    out[id] = w;
  });
  return out;
}
