/** Text for the search index: a tokenizer that knows every script. The prose it indexes comes from summary/body.ts. */
import { segmenter, SPACELESS_SCRIPTS } from '../util/text.js';
import { memoisedClass, widthAt } from '../util/char-class.js';
import { normalizeTerm, WORD } from '../util/words.js';

/**
 * Letters of Japanese and Chinese text whose Unicode script is Common or Inherited (they belong to
 * several scripts): the long-vowel mark ー (U+30FC, half-width ｰ), the sound marks ゙ ゚ (U+3099,
 * U+309A, half-width ﾞ ﾟ), the kana repeat marks 〱–〵 and 〼, and 〆. Without them a run such as
 * データベース broke at each ー into pieces (デ|タベ|ス) whose pairs no typed word shares.
 */
const CJK_COMMON_LETTERS = '\\u3006\\u3031-\\u3035\\u303C\\u3099\\u309A\\u30FC\\uFF70\\uFF9E\\uFF9F';
/** Characters of scripts written without spaces (Chinese, Japanese, Thai…), as the index pairs them. */
const SPACELESS_CHARS = `${SPACELESS_SCRIPTS}${CJK_COMMON_LETTERS}`;
/** A character of a script written without spaces. */
const SPACELESS = new RegExp(`[${SPACELESS_CHARS}]`, 'u');

/**
 * Words of `text` split as its language splits them, normalised. Text in scripts written without
 * spaces (Chinese, Japanese, Thai…) goes through Intl.Segmenter's dictionaries; other text is split
 * on letters and marks, which gives the same words five times faster.
 */
export function tokenize(text: string, locale: string): string[] {
  const norm = normalizeTerm(text); // once for the whole text, not per word
  if (!SPACELESS.test(norm)) return norm.match(WORD) ?? [];
  const out: string[] = [];
  for (const s of segmenter(locale, 'word').segment(norm)) {
    if (s.isWordLike) out.push(s.segment);
  }
  return out;
}

/**
 * Whether `term` has characters of a script written without spaces: the index holds those as
 * grams and pairs (so a query must too), and typo tolerance makes no sense on their short words.
 */
export function isSpacelessScript(term: string): boolean {
  return SPACELESS.test(term);
}

/** Longest run of a title kept in `grams`: a typed prefix longer than this matches on its first characters. */
export const GRAM_CHARS = 12;

const RUN = /[\p{L}\p{N}\p{M}]+/gu;

/** The runs of letters of `text` (normalised) that contain a spaceless-script character. */
function spacelessRuns(text: string): string[] {
  return (normalizeTerm(text).match(RUN) ?? []).filter((r) => SPACELESS.test(r));
}

/**
 * A title's spaceless-script runs from each of their characters on, cut to `GRAM_CHARS`: the word
 * segmenter splits `モデルファイル名` into モデル|ファイル|名 but a user typing `モデルフ` has typed
 * no word of it, and `デルファ` starts in the middle of one. A prefix query on these finds both.
 */
function titleGrams(title: string): string[] {
  const out = new Set<string>();
  for (const run of spacelessRuns(title)) {
    const chars = [...run];
    for (let i = 0; i < chars.length; i++) {
      if (!SPACELESS.test(chars[i]!) && i > 0) continue; // a Latin word inside the run starts a gram only at the run's start
      out.add(chars.slice(i, i + GRAM_CHARS).join(''));
    }
  }
  return [...out];
}

/**
 * Words for the every-word index: as `tokenize`, except that runs of Chinese, Japanese and other
 * spaceless scripts become overlapping character pairs (向量空间 → 向量 量空 空间; one character
 * alone stays itself). A query is split the same way, so any run of two or more characters typed
 * is found without a dictionary, and without the segmenter's cost on every note's prose (it was a
 * quarter of a cold start).
 */
export function pairTokens(text: string): string[] {
  const norm = normalizeTerm(text);
  const out: string[] = [];
  // Read as text with spaces first (most notes), again as spaceless when a spaceless character shows up.
  if (eachPairToken(norm, false, out)) return out;
  out.length = 0;
  eachPairToken(norm, true, out);
  return out;
}

/**
 * `pairTokens(text).join(' ')`. Joined from an array, not concatenated as found: a string built by
 * `+=` is a chain V8 flattens when SQLite or postMessage reads it, which cost more than the join.
 */
function pairWords(text: string): string {
  return pairTokens(text).join(' ');
}

/** What a character is to the every-word index (bits): a letter, number or mark (RUN's); a letter (WORD's after an apostrophe); spaceless. */
const IN_RUN = 1;
const LETTER = 2;
const SPACELESS_BIT = 4;
const LETTER_CHAR = /^\p{L}$/u;
const RUN_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const SPACELESS_CHAR = new RegExp(`^[${SPACELESS_CHARS}]$`, 'u');
/**
 * Told once per character (util/char-class.ts): the regular expressions this replaces (RUN, WORD,
 * SPACELESS_OR_OTHER over every note's prose) were most of the lookup words' cost on a cold start.
 */
const wordClass = memoisedClass((ch) => (RUN_CHAR.test(ch) ? IN_RUN : 0) | (LETTER_CHAR.test(ch) ? LETTER : 0) | (SPACELESS_CHAR.test(ch) ? SPACELESS_BIT : 0));

/** ASCII's classes (letters, digits), looked up without a call: most of most notes. */
const ASCII_WORD_CLASS = Uint8Array.from({ length: 0x80 }, (_, u) =>
  (u >= 0x61 && u <= 0x7a) || (u >= 0x41 && u <= 0x5a) ? IN_RUN | LETTER : u >= 0x30 && u <= 0x39 ? IN_RUN : 0,
);

function classAt(norm: string, i: number): number {
  const unit = norm.charCodeAt(i);
  return unit < 0x80 ? ASCII_WORD_CLASS[unit]! : wordClass(norm, i);
}

/**
 * The words of `norm` (normalised), in order, to `out`, `spaceless` telling which reading: text
 * with no spaceless character: what `WORD` matches (`don't` one word). Otherwise each run of
 * letters, numbers and marks (what `RUN` matches, so `don't` is two words) cut where it goes into
 * or out of a spaceless script; a spaceless piece as its character pairs (one character alone
 * itself), any other piece whole. Read without `spaceless`, false as soon as a character of
 * those scripts is met (the words so far are then not the text's): one pass tells both, where a
 * regular expression's scan of the whole text went first (issue 31).
 * test/search/pair-tokens.test.ts holds it to the regular expressions it replaced.
 */
function eachPairToken(norm: string, spaceless: boolean, out: string[]): boolean {
  const n = norm.length;
  for (let i = 0; i < n; ) {
    const c = classAt(norm, i);
    if (c & SPACELESS_BIT) {
      if (!spaceless) return false;
      if (c & IN_RUN) {
        i = emitPairs(norm, i, out);
        continue;
      }
    }
    if (!(c & IN_RUN)) {
      i += widthAt(norm, i);
      continue;
    }
    const start = i;
    // The run (a spaceless text's run stops where a spaceless character starts).
    i += widthAt(norm, i);
    for (let k; i < n && (k = classAt(norm, i)) & IN_RUN; i += widthAt(norm, i)) {
      if (k & SPACELESS_BIT) {
        if (spaceless) break;
        return false;
      }
    }
    if (!spaceless) {
      i = apostrophes(norm, i);
      if (i < 0) return false;
    }
    out.push(norm.slice(start, i));
  }
  return true;
}

/** WORD's `(?:['’][\p{L}]+)*` from `i`: where the word ends (-1 at a spaceless character). */
function apostrophes(norm: string, i: number): number {
  while (i + 1 < norm.length) {
    const unit = norm.charCodeAt(i);
    if (unit !== 0x27 && unit !== 0x2019) break;
    const next = classAt(norm, i + 1);
    if (next & SPACELESS_BIT) return -1;
    if (!(next & LETTER)) break;
    i += 1 + widthAt(norm, i + 1);
    for (let k; i < norm.length && (k = classAt(norm, i)) & LETTER; i += widthAt(norm, i)) if (k & SPACELESS_BIT) return -1;
  }
  return i;
}

/** The spaceless piece from `start` (its letters, numbers and marks) as character pairs to `out`; where it ends. */
function emitPairs(norm: string, start: number, out: string[]): number {
  let prev = start;
  let i = start + widthAt(norm, start);
  let pairs = 0;
  for (; i < norm.length && (classAt(norm, i) & (IN_RUN | SPACELESS_BIT)) === (IN_RUN | SPACELESS_BIT); pairs++) {
    const end = i + widthAt(norm, i);
    out.push(norm.slice(prev, end));
    prev = i;
    i = end;
  }
  if (!pairs) out.push(norm.slice(start, i));
  return i;
}

/** A note's words for the lookup index (see `SearchText`). `body` is its prose (summary/body.ts). */
export function searchText(info: { title: string; tags: readonly string[]; locale: string }, body: string): { title: string; tags: string; grams: string; words: string } {
  return {
    title: tokenize(info.title, info.locale).join(' '),
    tags: info.tags.flatMap((t) => tokenize(t, info.locale)).join(' '),
    grams: titleGrams(info.title).join(' '),
    words: pairWords(`${info.title}\n${info.tags.join(' ')}\n${body}`),
  };
}
