/**
 * Sentence pieces as `Intl.Segmenter(…, { granularity: 'sentence' })` gives them, without it, for
 * text of one line whose every character's Sentence_Break class is known here: each `segment()`
 * call clones ICU's break iterator, which cost more than the rest of a paragraph's sentence work
 * (5 calls a note on the blog, ~15 µs each). Anything else (line breaks, characters of classes
 * not worked out here) returns undefined: the caller asks ICU. Pure.
 *
 * The rules are UAX #29's sentence boundaries (https://unicode.org/reports/tr29/#Sentence_Boundary_Rules),
 * as ICU writes them (unicode-org/icu icu4c/source/data/brkitr/rules/sent.txt): a break can only
 * follow a terminator (SATerm Close* Sp*), and does unless rule 6, 7, 8 or 8a keeps the text
 * together. test/summary/sentence-breaks.test.ts holds every code point classed here to ICU.
 */

import { cachedByCodePoint } from './chars.js';

const OTHER = 0;
const SP = 1;
const LOWER = 2;
const UPPER = 3;
const OLETTER = 4;
const NUMERIC = 5;
const ATERM = 6;
const STERM = 7;
const CLOSE = 8;
const SCONTINUE = 9;
/** Extend and Format: both attach to the character before them (rule 5). */
const EXTEND = 10;
/** Not worked out here (line and paragraph separators, a few characters whose class needs Line_Break): ICU decides. */
const UNKNOWN = 11;

/** Sentence_Break=SContinue (UAX #29 Table 4, Unicode 15.1). */
const SCONTINUE_CHARS = new Set([
  0x2c, 0x2d, 0x3a, 0x3b, 0x37e, 0x55d, 0x60c, 0x60d, 0x7f8, 0x1802, 0x1808, 0x2013, 0x2014, 0x3001, 0xfe10, 0xfe11, 0xfe13, 0xfe14, 0xfe31, 0xfe32,
  0xfe50, 0xfe51, 0xfe54, 0xfe55, 0xfe58, 0xfe63, 0xff0c, 0xff0d, 0xff1a, 0xff1b, 0xff64,
]);
/** Sentence_Break=ATerm. */
const ATERM_CHARS = new Set([0x2e, 0x2024, 0xfe52, 0xff0e]);
/** White space the walk's text can hold besides the plain space (Sentence_Break=Sp). */
const SPACES = new Set([0x20, 0xa0, 0x1680, 0x202f, 0x205f, 0x3000]);

/**
 * Code points ICU classes otherwise than the regex categories below tell, left to it: classes that
 * depend on Line_Break, which no JavaScript regex reads (Numeric beyond the decimal digits: Arabic
 * separators, a Tai Lue digit; fullwidth digits are not Numeric; quotation marks that are no
 * punctuation: dingbat quotes, ancient editorial marks), the prepended concatenation marks (Arabic
 * number signs), and Georgian, whose case ICU's sentence data does not follow.
 */
function classedOtherwise(cp: number): boolean {
  return (
    cp === 0x66b || cp === 0x66c || cp === 0x19da || (cp >= 0xff10 && cp <= 0xff19) || (cp >= 0x275b && cp <= 0x2760) || (cp >= 0x2e00 && cp <= 0x2e7f) || (cp >= 0x1f676 && cp <= 0x1f678) ||
    (cp >= 0x600 && cp <= 0x605) || cp === 0x6dd || cp === 0x70f || cp === 0x890 || cp === 0x891 || cp === 0x8e2 || cp === 0x110bd || cp === 0x110cd ||
    (cp >= 0x10a0 && cp <= 0x10ff) || (cp >= 0x1c90 && cp <= 0x1cbf) || (cp >= 0x2d00 && cp <= 0x2d2f)
  );
}

const IS_EXTEND = /[\p{Grapheme_Extend}\p{Mc}\u200c\u200d]/u;
const IS_FORMAT = /\p{Cf}/u;
const IS_LOWER = /\p{Lowercase}/u;
const IS_UPPER = /[\p{Uppercase}\p{Lt}]/u;
const IS_OLETTER = /[\p{Alphabetic}\u05f3]/u;
const IS_NUMERIC = /\p{Nd}/u;
const IS_STERM = /\p{Sentence_Terminal}/u;
const IS_CLOSE = /[\p{Ps}\p{Pe}\p{Pi}\p{Pf}"']/u;
/** What ICU may class otherwise than the categories above tell: separators, controls, unassigned code points. */
const IS_UNSURE = /[\p{Cc}\p{Zl}\p{Zp}\p{Cn}\p{Cs}\u200b\ufeff]/u;

function computeClass(cp: number): number {
  if (SPACES.has(cp)) return SP;
  if (classedOtherwise(cp)) return UNKNOWN;
  const ch = String.fromCodePoint(cp);
  if (IS_UNSURE.test(ch)) return UNKNOWN;
  if (ATERM_CHARS.has(cp)) return ATERM;
  if (IS_EXTEND.test(ch) || IS_FORMAT.test(ch)) return EXTEND;
  if (/\s/u.test(ch)) return UNKNOWN; // other white space: tabs, thin spaces (Sp, but the walk folds them)
  if (IS_STERM.test(ch)) return STERM;
  if (SCONTINUE_CHARS.has(cp)) return SCONTINUE;
  if (IS_LOWER.test(ch)) return LOWER;
  if (IS_UPPER.test(ch)) return UPPER;
  if (IS_OLETTER.test(ch)) return OLETTER;
  if (IS_NUMERIC.test(ch)) return NUMERIC;
  if (IS_CLOSE.test(ch)) return CLOSE;
  return OTHER;
}

/** The Sentence_Break class of a code point as this module uses it (exported for its test), worked out once. */
export const sentenceClass = cachedByCodePoint(computeClass);

export const UNKNOWN_CLASS = UNKNOWN;

/**
 * The text's sentence pieces, each with the spaces after it, as ICU cuts them; undefined when a
 * character's class is not known here.
 */
export function sentencePieces(text: string): string[] | undefined {
  // Each unit: a character with the Extend and Format characters after it (rule 5). Typed arrays of
  // the text's length, filled in place: arrays grown a push at a time were a sixth of what a summary
  // allocated (a heap profile of blog-2000's summaries, issue 23), and their garbage cost GC time.
  const starts = new Uint32Array(text.length);
  const classes = new Uint8Array(text.length);
  let units = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const cls = sentenceClass(cp);
    if (cls === UNKNOWN) return undefined;
    if (cls !== EXTEND || !units) {
      starts[units] = i;
      classes[units++] = cls === EXTEND ? OTHER : cls;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  const pieces: string[] = [];
  let from = 0;
  for (let u = 0; u < units; u++) {
    const term = classes[u]!;
    if (term !== ATERM && term !== STERM) continue;
    let k = u + 1;
    while (k < units && classes[k] === CLOSE) k++;
    while (k < units && classes[k] === SP) k++;
    if (k >= units || staysTogether(classes, units, u, k)) continue;
    pieces.push(text.slice(from, starts[k]));
    from = starts[k]!;
    u = k - 1;
  }
  if (from < text.length) pieces.push(text.slice(from));
  return pieces;
}

/** Whether rules 6, 7, 8 or 8a keep unit `k` with the terminator at `u` (Close and Sp between them); `units`: how many of `classes` are the text's. */
function staysTogether(classes: Uint8Array, units: number, u: number, k: number): boolean {
  const next = classes[k]!;
  if (next === SCONTINUE || next === ATERM || next === STERM) return true; // 8a
  if (classes[u] !== ATERM) return false;
  if (k === u + 1 && next === NUMERIC) return true; // 6
  if (k === u + 1 && next === UPPER && u > 0 && (classes[u - 1] === UPPER || classes[u - 1] === LOWER)) return true; // 7
  // 8: anything but a letter, a separator or a terminator, then a lower-case letter.
  for (let j = k; j < units; j++) {
    const c = classes[j]!;
    if (c === LOWER) return true;
    if (c === OLETTER || c === UPPER || c === ATERM || c === STERM) return false;
  }
  return false;
}
