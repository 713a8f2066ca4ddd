/** Text for the search index: a tokenizer that knows every script. The prose it indexes comes from summary/body.ts. */
import { segmenter, SPACELESS_SCRIPTS } from '../util/text.js';
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
  if (!SPACELESS.test(norm)) return norm.match(WORD) ?? [];
  const out: string[] = [];
  for (const run of norm.match(RUN) ?? []) {
    if (!SPACELESS.test(run)) {
      out.push(...(run.match(WORD) ?? []));
      continue;
    }
    // Spaceless characters in pairs; letters of other scripts inside the run stay whole words.
    for (const part of run.match(SPACELESS_OR_OTHER) ?? []) {
      if (!SPACELESS.test(part)) out.push(part);
      else pairsOf([...part], out);
    }
  }
  return out;
}

function pairsOf(chars: string[], out: string[]): void {
  if (chars.length === 1) out.push(chars[0]!);
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
}

const SPACELESS_OR_OTHER = new RegExp(`[${SPACELESS_CHARS}]+|[^${SPACELESS_CHARS}]+`, 'gu');

/** A note's words for the lookup index (see `SearchText`). `body` is its prose (summary/body.ts). */
export function searchText(info: { title: string; tags: readonly string[]; locale: string }, body: string): { title: string; tags: string; grams: string; words: string } {
  return {
    title: tokenize(info.title, info.locale).join(' '),
    tags: info.tags.flatMap((t) => tokenize(t, info.locale)).join(' '),
    grams: titleGrams(info.title).join(' '),
    words: pairTokens(`${info.title}\n${info.tags.join(' ')}\n${body}`).join(' '),
  };
}
