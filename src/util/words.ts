/**
 * The words notes are looked up by: how text is folded and what counts as a word. One home for
 * `/note` (the FTS5 index is written and asked in these forms), saved searches (search/saved.ts)
 * and the config's check of a route's `filter.words` (config/schema.ts).
 */

/** Latin letters written with a diacritic, precomposed or followed by combining marks. */
const LATIN_MARKED = /[\u00C0-\u024F\u1E00-\u1EFF]\p{M}*|\p{Script=Latin}\p{M}+/gu;

/** LATIN_MARKED's matches in text with no combining mark: each a precomposed letter alone. */
const PRECOMPOSED_LATIN = /[\u00C0-\u024F\u1E00-\u1EFF]/g;
const COMBINING_MARK = /\p{M}/u;

/** Characters folded below: precomposed Latin letters with marks, combining marks, final sigma. */
const MAY_FOLD = /[\u00C0-\u024F\u1E00-\u1EFF\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2Fς]/;

/**
 * Folds case, width and Latin accents, so `Ｌｌａｍａ` finds `llama` and `cafe` finds `Café`: what
 * the index's tokenizer (`unicode61 remove_diacritics 2`) folds too, done before it, so a saved
 * search matches what `/note` finds. Accents of other scripts stay (й is not и), as there; the
 * Greek final sigma is a sigma, as there.
 */
export function normalizeTerm(t: string): string {
  const lower = t.normalize('NFKC').toLowerCase();
  // Most text (ASCII, Chinese…) has nothing more to fold: a plain scan says so, cheaper than the replace.
  if (!MAY_FOLD.test(lower)) return lower;
  // Without a combining mark LATIN_MARKED matches just the precomposed letters: a plain class scans those
  // for a third of the Unicode pattern's cost (issue 31; its `\p{Script=Latin}\p{M}+` was tried at each character).
  const folded = lower.replace(COMBINING_MARK.test(lower) ? LATIN_MARKED : PRECOMPOSED_LATIN, foldLatin);
  return folded.includes('ς') ? folded.replace(/ς/g, 'σ') : folded;
}

/** A Latin letter and its marks without the marks. */
function foldMarked(c: string): string {
  return c.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}

/**
 * Folded precomposed letters (é → e), each worked out once: three normalisations per accented
 * letter were most of a German or French note's lookup words (issue 31). Indexed by UTF-16 unit
 * less 0xC0 (the ranges LATIN_MARKED starts with end at U+1EFF); a letter with marks after it
 * (rare: text is NFKC here) is folded each time.
 */
let foldedLetters: (string | undefined)[] | undefined;

function foldLatin(c: string): string {
  if (c.length !== 1) return foldMarked(c);
  foldedLetters ??= new Array<string | undefined>(0x1f00 - 0xc0);
  const at = c.charCodeAt(0) - 0xc0;
  return (foldedLetters[at] ??= foldMarked(c));
}

/** A word of a script written with spaces: letters, digits and marks, with inner apostrophes. */
export const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}]+)*/gu;

/** Whether `text` has a word to look for: symbols alone (`***`, `c++` has `c`) are not searched. */
export function hasSearchableWord(text: string): boolean {
  return normalizeTerm(text).match(WORD) !== null;
}

/** The longest saved search, in characters (`/subscribe words:` and a route's `filter.words`). */
export const MAX_SEARCH_CHARS = 200;

/** Characters as a person counts them (code points), not UTF-16 units: 🎉 is one. */
export function charCount(text: string): number {
  return [...text].length;
}

/** The first `n` characters (code points) of `text`: never half of a surrogate pair. */
export function firstChars(text: string, n: number): string {
  if (text.length <= n) return text;
  return [...text].slice(0, n).join('');
}
