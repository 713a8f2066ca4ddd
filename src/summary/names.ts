/**
 * Which words of a note are names of things ("Scout", "Behemoth", "SQLite"), raised above common
 * words when points are weighed (salience.ts weighTerms). Pure.
 */

/**
 * Languages that write every noun with a capital (German, Luxembourgish): there a capital inside a
 * sentence says a noun, not a name ("Realität", "Verzögerungen" beside "Scout").
 */
export const NOUNS_CAPITALISED = /^(?:de|lb|gsw)(?:$|-)/i;

/** A run of letters and digits: a word as COINED reads one. */
const LETTERS_DIGITS = /[\p{L}\p{N}]+/gu;
/** A capital after a small letter ("SQLite", "DuckDB") or two capitals ("CSV", "JSON"): a name even where every noun is capitalised. */
const CAPITAL_INSIDE = /\p{Ll}\p{Lu}|\p{Lu}{2}/u;

/**
 * The words with a capital inside them, lower-cased: what `/[\p{L}\p{N}]*(?:\p{Ll}\p{Lu}|\p{Lu}{2})[\p{L}\p{N}]*\/gu`
 * matches (a match is always a whole run of letters and digits: the run holding the pair, from its
 * start, which is tried first, to its end). That regex retried its leading `*` from every letter of
 * a word without such a pair, quadratic in the word's length: German's long nouns made it 40 % of
 * a German note's summary (issue 23).
 */
export function coinedNames(texts: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(LETTERS_DIGITS)) if (CAPITAL_INSIDE.test(m[0])) out.add(m[0].toLowerCase());
  return out;
}
