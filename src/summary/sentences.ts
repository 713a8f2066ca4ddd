/**
 * Sentences of a paragraph. Intl.Segmenter (ICU) breaks after every `.`, `!`, `?`, `。`, `।` that
 * is followed by a space or ends a clause; it knows no abbreviations (V8 takes no `ss=standard`
 * locale key) and ignores brackets. Its pieces are joined again where the break is wrong:
 * after an abbreviation or an initial ("Dr.", "e.g.", "Fig.", "J."), after an identifier ending in
 * `!` or `?` followed by a lower-case word (`println!`), inside an open bracket
 * (`（例：…。…）`, `(…।…)`), and inside a quotation that closes later (« … ? … », „… . …“).
 */
import { segmenter } from '../util/text.js';
import { FIRST as PLACEHOLDER_FIRST, LAST as PLACEHOLDER_LAST } from './inline.js';
import { sentencePieces } from './sentence-breaks.js';
import { categoryOf, LETTER } from './chars.js';
import { QUOTE_CLOSES, SINGLE_QUOTES } from './quote-marks.js';

/** Abbreviations that end in a dot but not a sentence, in the corpus's Latin-script languages. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st mt vs etc e.g i.e cf approx fig figs sec secs eq eqs ch no nos vol vols p pp al ed eds ' +
    'inc ltd co corp dept est min max misc ref refs resp viz ca apr aug dec feb jan jul jun mar nov oct sep sept ' +
    'z.b bzw usw u.a d.h s nr vgl ggf evtl inkl bspw sog ' + // de
    'p.ej ej sra srta pág núm aprox ud uds ' + // es
    'm mme mlle p.ex env chap ' + // fr
    'u.s u.k a.m p.m'
  ).split(' '),
);

const OPEN = '([{（［｛「『【〔《〈';
const CLOSE = ')]}）］｝」』】〕》〉';
/** Each bracket's character code and its step of depth: +1 opens, -1 closes (a lookup, not a scan of OPEN and CLOSE per character of CJK text). */
const BRACKET_STEP = new Map<number, number>([...[...OPEN].map((c): [number, number] => [c.charCodeAt(0), 1]), ...[...CLOSE].map((c): [number, number] => [c.charCodeAt(0), -1])]);

const ANY_BRACKET = /[([{（［｛「『【〔《〈)\]}）］｝」』】〕》〉]/;

function bracketDepth(s: string, depth: number): number {
  if (!ANY_BRACKET.test(s)) return depth;
  let d = depth;
  for (let i = 0; i < s.length; i++) {
    // Every bracket is one UTF-16 unit: ( ) [ ] { } in ASCII, the rest from U+3008 on.
    const c = s.charCodeAt(i);
    if (c < 0x28 || (c > 0x29 && c < 0x5b) || (c > 0x5d && c < 0x7b) || (c > 0x7d && c < 0x3008)) continue;
    const step = BRACKET_STEP.get(c);
    if (step === 1) d++;
    else if (step === -1 && d > 0) d--;
  }
  return d;
}

/**
 * Abbreviations that are never a sentence's last word: the sentence always goes on. Those that
 * can end one ("no.", "m." for metres, "p.") are in ABBREVIATIONS only, joined before lower case or a digit.
 */
const ALWAYS_FOLLOWED = new Set('mr mrs ms dr prof st mt vs e.g i.e cf fig figs sec secs eq eqs vol vols pp z.b d.h vgl bspw p.ej p.ex mme mlle sra srta'.split(' '));

/**
 * Whether the dot ending `prev` belongs to an abbreviation or an initial, not the sentence.
 * "etc." and the like can end a sentence: they join only when the next piece starts in lower case.
 */
function abbreviationGoesOn(prev: string, next: string): boolean {
  const last = wordBeforeDot(prev);
  if (last === undefined) return false;
  const word = last.toLowerCase();
  if (ALWAYS_FOLLOWED.has(word)) return true;
  // A single capital after a name is an initial ("John F. Kennedy"); after "of" it ends a sentence ("of A. And").
  if (/^\p{Lu}$/u.test(last)) return /(?:^|\s)\p{Lu}[\p{L}.]*\s+\p{Lu}\.$/u.test(prev);
  const lowerNext = /^[\p{Ll}\p{N}(]/u.test(next);
  return lowerNext && (ABBREVIATIONS.has(word) || /^(\p{L}\.)+\p{L}$/u.test(word));
}

/** What may stand before the word wordBeforeDot finds: a space, an opening bracket or quote. */
const BEFORE_WORD = /[\s(（"'“‘]/u;

/**
 * The word before the dot that ends `text`, as `/(?:^|[\s(（"'“‘])([\p{L}][\p{L}.]*)\.$/u` captures it,
 * read back from the end: the regex tried every position of a sentence-long text at each break.
 * Only the whole run of letters and dots before the dot can match (a later start would follow a
 * letter or a dot, which the regex does not allow before its word).
 */
export function wordBeforeDot(text: string): string | undefined {
  const end = text.length - 1;
  if (end < 1 || text.charCodeAt(end) !== 46) return undefined;
  let start = end;
  let startsWithLetter = false;
  while (start > 0) {
    let k = start - 1;
    let cp = text.charCodeAt(k);
    if (cp >= 0xdc00 && cp <= 0xdfff && k > 0) {
      const high = text.charCodeAt(k - 1);
      if (high >= 0xd800 && high <= 0xdbff) cp = text.codePointAt(--k)!;
    }
    if (cp === 46) startsWithLetter = false;
    else if (categoryOf(cp) & LETTER) startsWithLetter = true;
    else break;
    start = k;
  }
  if (!startsWithLetter || start === end) return undefined;
  return start === 0 || BEFORE_WORD.test(text[start - 1]!) ? text.slice(start, end) : undefined;
}

/** Longest sentence built by joining pieces; past it a piece's wrong break is kept. */
const MAX_JOINED = 600;

/** What can end a sentence for ICU (UAX #29's STerm and ATerm) or a paragraph (its separators). */
const MAY_END = /[\p{Sentence_Terminal}\u2024\uFE52\uFF0E\n\r\u0085\u2028\u2029]/u;

/** Each BMP unit's answer to MAY_END as met so far: 0 not asked yet, 1 no, 2 yes (a cache of a pure function). */
const MAY_END_UNIT = new Uint8Array(0x10000);

/**
 * Whether MAY_END matches `text` before its last unit (`MAY_END.test(text.slice(0, -1))`), by code unit: a
 * Unicode regex over a copy of each paragraph was a notable share of splitting it (issue 23). In ASCII only
 * `!`, `.`, `?` and the two line breaks can; a pair of surrogates is asked of the regex (a cut pair, as the
 * slice leaves one at the end, is a lone unit, which ends nothing).
 */
export function mayEndBeforeLast(text: string): boolean {
  const end = text.length - 1;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c === 33 || c === 46 || c === 63 || c === 10 || c === 13) return true;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        if (MAY_END.test(text.slice(i, i + 2))) return true;
        i++;
        continue;
      }
    }
    let known = MAY_END_UNIT[c]!;
    if (known === 0) MAY_END_UNIT[c] = known = MAY_END.test(String.fromCharCode(c)) ? 2 : 1;
    if (known === 2) return true;
  }
  return false;
}

/** A text's sentences as split last, up to `limit`: `out` holds them all when shorter than it. */
interface Split {
  text: string;
  locale: string;
  limit: number;
  out: readonly string[];
}

/**
 * The last few splits: one text is split again within a note (a dialogue's turn read for whether it asks and
 * whether it answers, dialogue.ts; a list item read for its lead's name and then as a point, lists.ts), and the
 * segmenting was a sixth of a long dialogue's summary (issue 23). A small ring, as sentence-facts.ts keeps.
 */
const RECENT_SPLITS = 4;
const recentSplits: Split[] = [];
let nextSplit = 0;

/**
 * The sentences of `text`, at most `limit` of them. A split with a limit is the first sentences of the split
 * without one: splitUpTo pushes a sentence once the piece after it does not join it, with a limit or without,
 * and returns once it has `limit`. So one split serves any smaller limit, and any limit at all when it gave
 * fewer sentences than its own.
 */
export function splitSentences(text: string, locale: string, limit = Infinity): string[] {
  if (limit < 1) return splitUpTo(text, locale, limit); // no caller asks for none: what splitUpTo gives then (one sentence past its fast path) is not kept
  for (const split of recentSplits) {
    if (split.text === text && split.locale === locale && (split.limit >= limit || split.out.length < split.limit)) return split.out.slice(0, limit);
  }
  const out = splitUpTo(text, locale, limit);
  recentSplits[nextSplit] = { text, locale, limit, out: out.slice() };
  nextSplit = (nextSplit + 1) % RECENT_SPLITS;
  return out;
}

function splitUpTo(text: string, locale: string, limit: number): string[] {
  // Nothing that can end a sentence before the last character: one sentence, no segmenter needed
  // (most list items and short paragraphs; the segmenter was a twentieth of a note's summary).
  const trimmed = text.trim();
  if (!mayEndBeforeLast(trimmed)) return trimmed && limit > 0 ? [trimmed] : [];
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  let quotes: string[] = [];
  let offset = 0;
  // ICU's pieces, cut here without it when every character's class is known (sentence-breaks.ts).
  for (const piece of atSpacedCloser(atSpanStarts(sentencePieces(text) ?? icuPieces(text, locale)))) {
    offset += piece.length;
    if (!piece.trim()) {
      cur += piece;
      continue;
    }
    if (cur && cur.length < MAX_JOINED && (shouldJoin(cur, piece, depth) || quoteGoesOn(quotes, text, offset - piece.length))) {
      cur += piece;
      depth = bracketDepth(piece, depth);
      quotes = openQuotes(piece, quotes);
      continue;
    }
    if (cur.trim()) {
      out.push(cur.trim());
      if (out.length >= limit) return out;
    }
    cur = piece;
    depth = bracketDepth(piece, 0);
    quotes = openQuotes(piece, []);
  }
  if (cur.trim() && out.length < limit) out.push(cur.trim());
  return out;
}

/**
 * What closes each quotation mark that opens one, in the nine languages' styles (en “…” and "…",
 * de „…“, fr «…»). Single quotes are left out: `'` and `’` are apostrophes far more often.
 * CJK corner brackets and 《》 are brackets, counted by bracketDepth.
 */
const QUOTE_CLOSERS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(QUOTE_CLOSES).filter(([open]) => !SINGLE_QUOTES.has(open)));

/** The closers of the quotations still open after `piece`, innermost last, given those open before it. */
function openQuotes(piece: string, before: readonly string[]): string[] {
  if (!/[«»“”„"]/u.test(piece)) return before as string[];
  const stack = [...before];
  for (const ch of piece) {
    // A closer of the innermost quotation first: in German „…“ closes with what opens in English.
    if (stack.length && stack[stack.length - 1]!.includes(ch)) stack.pop();
    else if (ch in QUOTE_CLOSERS) stack.push(QUOTE_CLOSERS[ch]!);
  }
  return stack;
}

/**
 * Whether a break falls inside a quotation that closes later in the text: the quoted sentences
 * are one statement with the words that introduce them ("Kant schreibt: „… . … .“"), and a point
 * cut between them would leave the quote open or lose who said it (issue 23). A quote mark that
 * never closes (an inch mark, a typo) joins nothing.
 */
function quoteGoesOn(quotes: readonly string[], text: string, from: number): boolean {
  if (!quotes.length) return false;
  const closers = quotes[quotes.length - 1]!;
  for (let i = from; i < text.length; i++) if (closers.includes(text[i]!)) return true;
  return false;
}

/**
 * A full stop, then a space, then a placeholder (a code span, a link): where a sentence opens with
 * code ("… differently. `cmp` performs …"). UAX #29 reads the placeholder as neither letter nor
 * capital and looks past it to the lower-case word after it (SB8), so it joins the two sentences.
 */
const STOP_BEFORE_SPAN = /[.!?。！？]\s+(?=[\uE000-\uF8FF])/gu;

/** Pieces cut once more where a sentence opens with a span; the abbreviation test still joins "e.g. `x`". */
function* atSpanStarts(pieces: Iterable<string>): Generator<string> {
  for (const piece of pieces) {
    if (!hasPlaceholder(piece)) {
      yield piece;
      continue;
    }
    let from = 0;
    for (const m of piece.matchAll(STOP_BEFORE_SPAN)) {
      const end = m.index + m[0].length;
      yield piece.slice(from, end);
      from = end;
    }
    yield piece.slice(from);
  }
}

/** Whether a piece holds a placeholder: a test by code unit, as most pieces hold none. */
function hasPlaceholder(piece: string): boolean {
  for (let i = 0; i < piece.length; i++) {
    const c = piece.charCodeAt(i);
    if (c >= PLACEHOLDER_FIRST && c <= PLACEHOLDER_LAST) return true;
  }
  return false;
}

/** A closing quote mark set off by a space, then more text: French « … non. » Le … */
const SPACED_CLOSER = /^(\s*[»”"]+\s+)(?=\S)/u;

/**
 * Pieces cut once more after a closing quote mark that opens them: after a space UAX #29 reads
 * « … non. » as a break before the », so the » would start the next sentence.
 */
function* atSpacedCloser(pieces: Iterable<string>): Generator<string> {
  for (const piece of pieces) {
    const m = SPACED_CLOSER.exec(piece);
    if (!m) yield piece;
    else {
      yield m[1]!;
      yield piece.slice(m[1]!.length);
    }
  }
}

function* icuPieces(text: string, locale: string): Generator<string> {
  for (const seg of segmenter(locale, 'sentence').segment(text)) yield seg.segment;
}

/**
 * A terminator, then closing quotation marks, at a piece's end: the quoted words ended there, and
 * the sentence only if nothing of it follows (「もう帰ります。」と言って…, “Why?” she asked).
 */
const QUOTE_ENDS = /[.!?。！？…]\s?[」』”"»]+$/u;
/** What opens a new quotation or bracket: after a closed quote, the next quoted line (「はい。」「いいえ。」). */
const OPENS = /^[([{（［｛「『【〔《〈“"«]/u;

/** Whether the sentence goes on after a quotation that ends in a terminator: straight on (CJK, no space) or in lower case. */
function goesOnAfterQuote(prev: string, next: string): boolean {
  if (!QUOTE_ENDS.test(prev.trimEnd()) || OPENS.test(next.trimStart())) return false;
  return prev === prev.trimEnd() ? !/^\s/u.test(next) : /^\s*\p{Ll}/u.test(next);
}

function shouldJoin(prev: string, next: string, depth: number): boolean {
  if (depth > 0 || goesOnAfterQuote(prev, next)) return true;
  // A break with no space after it is inside a word: a URL's query (`/a?x=1`), `e.g.x`, `v1.2`.
  const end = prev.charCodeAt(prev.length - 1);
  const start = next.charCodeAt(0);
  if ((end === 63 || end === 33 || end === 46) && start >= 0x21 && start <= 0x7e) return true; // /[?!.]$/ and /^[\x21-\x7e]/
  const p = prev.trimEnd();
  const n = next.trimStart();
  if (p.endsWith('.') && abbreviationGoesOn(p, n)) return true;
  // `println!` / `empty?` in prose: a macro or method name, when the sentence goes on in lower case.
  const last = p.slice(p.lastIndexOf(' ') + 1); // text here has its white space folded to single spaces
  return /^[a-z_][\w:]*[!?]$/.test(last) && /^[\p{Ll}(]/u.test(n);
}

/**
 * A text's first sentence with as many of those after it as `fits` takes, and how many that is: a
 * long list item's lead and what it goes on to say (issue 23: a later sentence alone, "Schedule the
 * reboot…", stood for an item whose lead, "Update the packages every week.", was lost). CJK
 * sentences join without a space, as they are written.
 */
export function leadingSentences(sentences: readonly string[], fits: (text: string) => boolean): { text: string | undefined; count: number } {
  let text = sentences[0];
  let count = text === undefined ? 0 : 1;
  for (; count < sentences.length; count++) {
    const longer = `${text}${/[。！？]$/u.test(text!) ? '' : ' '}${sentences[count]}`;
    if (!fits(longer)) break;
    text = longer;
  }
  return { text, count };
}
