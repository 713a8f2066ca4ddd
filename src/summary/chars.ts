/**
 * Unicode general categories of single characters, worked out once per code point and kept: the
 * summary tests every character of every candidate, and a regex run per character (or a string
 * rebuilt to count them) was its hot spot. A cache of a pure function of the Unicode tables.
 */

/** `\p{L}`, `\p{N}`, `\p{M}` and CJK scripts: one bit each. */
export const LETTER = 1;
export const NUMBER = 2;
export const MARK = 4;
/** Han, Hiragana or Katakana (`\p{Script=…}`, and the letters only they use: CJK_LETTER): written without spaces, read as character pairs. */
export const CJK = 8;
/** Not yet worked out. */
const UNKNOWN = 0xff;

/**
 * `compute` (a pure function of a code point to 0…254) kept per code point: BMP ones in a table,
 * astral ones in a map.
 */
export function cachedByCodePoint(compute: (cp: number) => number): (cp: number) => number {
  const bmp = new Uint8Array(0x10000).fill(UNKNOWN);
  const astral = new Map<number, number>();
  return (cp) => {
    if (cp < 0x10000) {
      const known = bmp[cp]!;
      if (known !== UNKNOWN) return known;
      return (bmp[cp] = compute(cp));
    }
    let value = astral.get(cp);
    if (value === undefined) astral.set(cp, (value = compute(cp)));
    return value;
  };
}

/**
 * A letter the scripts share (Script=Common) that only Han and kana use (Script_Extensions): the prolonged sound mark
 * ー (ｰ), the kana repeat marks 〱, 〆, half-width ﾞ ﾟ. ー is inside a katakana word ("ザッカーバーグ", "データ"): read
 * as a break, it cut every such word into kana standing alone ("ス" of ソース, リリース, ベース) that a Japanese note
 * said in every second sentence (issue 23, llama-4-ja).
 */
const CJK_LETTER = /[\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}]/u;

function compute(cp: number): number {
  const ch = String.fromCodePoint(cp);
  const letter = /\p{L}/u.test(ch);
  return (
    (letter ? LETTER : 0) |
    (/\p{N}/u.test(ch) ? NUMBER : 0) |
    (/\p{M}/u.test(ch) ? MARK : 0) |
    (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch) || (letter && CJK_LETTER.test(ch)) ? CJK : 0)
  );
}

/** The category bits of a code point (a lone surrogate has none, as for a regex with the `u` flag). */
export const categoryOf = cachedByCodePoint(compute);

/** Below it no character is Han, Hiragana or Katakana. */
export const FIRST_CJK = 0x2e80;

/** Whether the text holds a Han, Hiragana or Katakana character (`/[\p{Script=Han}…]/u`, by the cached categories). */
export function hasCjk(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= FIRST_CJK && categoryOf(c >= 0xd800 && c <= 0xdbff ? text.codePointAt(i)! : c) & CJK) return true;
  }
  return false;
}

/** categoryOf for an ASCII code point, without the cache's call. */
function asciiBits(c: number): number {
  const lower = c | 32;
  return lower >= 97 && lower <= 122 ? LETTER : c >= 48 && c <= 57 ? NUMBER : 0;
}

/**
 * Words of a text as `/\p{L}[\p{L}\p{M}\p{N}'’-]*\/gu` finds them once its Han, Hiragana and Katakana
 * characters are spaces, and those characters: without the regexes' copies of the text.
 */
export function wordsAndCjk(text: string): { words: number; cjk: number } {
  let words = 0;
  let cjk = 0;
  let inWord = false;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    // ASCII by code (most characters): a letter, a digit, or neither; no CJK.
    const bits = cp < 128 ? asciiBits(cp) : categoryOf(cp);
    if (bits & CJK) {
      cjk++;
      inWord = false;
    } else if (inWord) inWord = (bits & (LETTER | MARK | NUMBER)) !== 0 || cp === 0x27 || cp === 0x2019 || cp === 0x2d;
    else if (bits & LETTER) {
      words++;
      inWord = true;
    }
  }
  return { words, cjk };
}

/**
 * What a CJK character weighs against a character of a spaced script in a name, as a reader takes
 * it in. A name's limit counted in characters (48) let a Chinese "name" be a whole sentence of 40
 * characters (issue 23, F8). Han carries about twice what a kana does (a kana is a syllable:
 * "コマンドプロンプト" is one word of nine): the corpus's Chinese notes say as much as their
 * English versions in 3.6 English characters a Han character, its Japanese ones in 2.3 a character,
 * Han and kana together. The weights are lower than that, 2.5 and 1.25 (a name of 19 Han characters
 * at most, a short clause): at 3.5 and 1.75 the short steps of procedures in Japanese and Chinese
 * ("通常メッセージを入力する下部の作成ボックスをクリックします") were no longer named, and four
 * of the reader checks' items were lost with them.
 */
const HAN_WEIGHT = 2.5;
const KANA_WEIGHT = 1.25;

/** Hiragana, Katakana and their extensions, half-width Katakana: the kana of the CJK bit. */
function isKana(cp: number): boolean {
  return (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff) || (cp >= 0xff66 && cp <= 0xff9f);
}

/**
 * Length of `text` as a reader takes it in, in characters of a spaced script: `shown` (its visible
 * length, where code spans stand for their text) with each Han and kana character weighed as above.
 */
export function readingWidth(text: string, shown = text.length): number {
  let extra = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < FIRST_CJK) continue;
    const cp = c >= 0xd800 && c <= 0xdbff ? text.codePointAt(i)! : c;
    if (categoryOf(cp) & CJK) extra += (isKana(cp) ? KANA_WEIGHT : HAN_WEIGHT) - (cp > 0xffff ? 2 : 1);
    if (cp > 0xffff) i++;
  }
  return shown + extra;
}

/** UTF-16 units of `text` in letters (`\p{L}`): what `text.length - text.replace(/\p{L}/gu, '').length` counts. */
export function letterUnits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const lower = c | 32;
      if (lower >= 97 && lower <= 122) n++;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) {
        if (categoryOf(cp) & LETTER) n += 2;
        i++;
        continue;
      }
    }
    if (categoryOf(c) & LETTER) n++;
  }
  return n;
}

/** Whether the text holds a number character (`\p{N}`). */
export function hasNumber(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (c >= 48 && c <= 57) return true;
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (categoryOf(cp) & NUMBER) return true;
    if (cp > 0xffff) i++;
  }
  return false;
}

/** s with its first letter a capital, where a cut left it small ("Quick one: why…" → "Why…"). */
export function capitalise(s: string): string {
  return s.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/** A word of capitals, two at least, with digits maybe ("BFS", "GPU", "H2O"): an acronym, a name wherever it stands, a sentence's start too. */
export function isAcronym(word: string): boolean {
  return /^\p{Lu}\p{N}*\p{Lu}[\p{Lu}\p{N}]*$/u.test(word);
}

/**
 * A term that is a number alone ("180" of "总投资约180亿元", "12" of "12 km", "1953"): what a news note
 * reports, a measure, weighs as a name does though it is said once (salience.ts); in a CJK note it is often
 * the only term of its sentence not split into character pairs (issue 23, F14: the cost was dropped).
 * Not the digits of a code or a name ("m1", "1s", "v2"), which stay details.
 */
export function isFigure(term: string): boolean {
  return /^\d[\d.,]*$/.test(term);
}

/** A word with a unit past ASCII. */
export const NOT_ASCII = 0;
/** An ASCII word with no capital: `toLowerCase` returns it as it is. */
export const LOWER_ASCII = 1;
/** An ASCII word with a capital. */
const UPPER_ASCII = 2;

/**
 * Which of the three a word of `plain` is, by code unit: most words are ASCII in lower case, and
 * a call of toLowerCase and a scan for scripts per word was a notable share of the terms' time (issue 23).
 */
export function asciiCase(plain: string, start: number, stop: number): number {
  let upper = false;
  for (let i = start; i < stop; i++) {
    const c = plain.charCodeAt(i);
    if (c >= 0x80) return NOT_ASCII;
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper ? UPPER_ASCII : LOWER_ASCII;
}
