/**
 * A typed query as FTS5 expressions. Words are matched as prefixes (the last may be half typed).
 * A run of Chinese or Japanese is matched in titles against their character runs (`grams`), so a
 * prefix typed across or inside words is found, and against the words the segmenter finds in it;
 * in the every-word index, against its character pairs. Every token is quoted: no query text is
 * FTS5 syntax.
 */
import { normalizeTerm, WORD } from '../util/words.js';
import { GRAM_CHARS, isSpacelessScript, pairTokens, tokenize } from './text.js';

export interface QueryPiece {
  /** A word, or a whole run of a spaceless script (normalised). */
  text: string;
  spaceless: boolean;
  /** Matches only this word, never a longer one it starts (see `isWholeWord`). */
  whole: boolean;
  /** The run's words as the segmenter splits them (spaceless runs only). */
  words: string[];
  /** The run as the every-word index holds it: character pairs (spaceless runs only, see pairTokens). */
  pairs: string[];
}

/** A typed word shorter than this matches only itself (`2` is not `2026`, `ai` not `aim`). */
const WHOLE_WORD_BELOW = 3;
/** Quotes and brackets: before or after a word, they are not part of it. */
const QUOTES = `"'“”‘’„‚«»‹›()\\[\\]{}「」『』`;
const PROSE_BEFORE = new RegExp(`[${QUOTES}]`, 'u');
/** After a word: those, separators, and sentence punctuation that ends it (`rust.`, not `node.js`). */
const PROSE_AFTER = new RegExp(`^(?:[${QUOTES},;、，；]|[.:!?…。！？：]+(?![\\p{L}\\p{N}]))`, 'u');

/**
 * Whether the typed word at `at` (of `word.length`) in `typed` is matched as a whole word: one that
 * symbols joined to it made shorter (`c++` is `c`, `C#` `c`, `.NET` `net`: a prefix `c` would match
 * every word starting with it), or one shorter than WHOLE_WORD_BELOW (except in Korean, whose short
 * stems take endings). `halfTyped`: the last word of a lookup, which may still be being typed.
 */
function isWholeWord(typed: string, at: number, word: string, halfTyped: boolean): boolean {
  const before = typed[at - 1];
  const after = typed.slice(at + word.length);
  const joinedBefore = before !== undefined && !/\s/.test(before) && !(PROSE_BEFORE.test(before) && !/[\p{L}\p{N}]/u.test(typed[at - 2] ?? ''));
  const joinedAfter = after !== '' && !/^\s/.test(after) && !PROSE_AFTER.test(after);
  if (joinedBefore || joinedAfter) return true;
  return !halfTyped && [...word].length < WHOLE_WORD_BELOW && !/\p{Script=Hangul}/u.test(word);
}

/**
 * The pieces of a typed query. `typing`: a lookup, whose last word may be half typed (it stays the
 * start of a word unless symbols shortened it); a saved search is typed in full.
 */
export function queryPieces(query: string, locale: string, typing: boolean): QueryPiece[] {
  const pieces: QueryPiece[] = [];
  const typed = normalizeTerm(query);
  const runs = [...typed.matchAll(WORD)];
  runs.forEach((m, i) => {
    const run = m[0];
    if (isSpacelessScript(run)) pieces.push({ text: run, spaceless: true, whole: false, words: tokenize(run, locale), pairs: pairTokens(run) });
    else pieces.push({ text: run, spaceless: false, whole: isWholeWord(typed, m.index, run, typing && i === runs.length - 1), words: [run], pairs: [run] });
  });
  // A lone letter just typed after other words narrows nothing yet but costs a scan of every
  // word starting with it; it is left out until a second letter comes (not so for CJK characters).
  const last = pieces[pieces.length - 1];
  if (typing && pieces.length > 1 && last && !last.spaceless && !last.whole && last.text.length === 1) pieces.pop();
  return pieces;
}

/** A string as an FTS5 string literal. */
function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** The segmenter's words of a run, all required, whole: a typed prefix is the grams' job. */
function wordsOf(p: QueryPiece): string {
  const ws = p.words.length ? p.words : [p.text];
  return `(${ws.map(quote).join(' AND ')})`;
}

/** A run's character pairs, all required; a lone character typed is a prefix of the pairs it starts. */
function pairsOf(p: QueryPiece): string {
  if (p.pairs.length === 1 && [...p.pairs[0]!].length === 1) return `${quote(p.pairs[0]!)}*`;
  return `(${p.pairs.map(quote).join(' AND ')})`;
}

/** `titles`: an expression for `note_titles` (title, tags, grams); `words`: for `note_words` (every word). */
export type Scope = 'titles' | 'words';

/**
 * One piece as an FTS5 expression. bm25 adds up every phrase that matches, so listing the exact
 * word beside its prefix ranks `graph` above `graphics` for "graph", and a title that starts with
 * the typed characters above one that has them inside.
 */
function pieceExpression(p: QueryPiece, scope: Scope, alternatives: string[] = []): string {
  if (p.spaceless) {
    if (scope === 'words') return pairsOf(p);
    const gram = quote([...p.text].slice(0, GRAM_CHARS).join(''));
    return `(grams : ^${gram}* OR grams : ${gram}* OR {title tags} : ${wordsOf(p)})`;
  }
  const forms = `(${[quote(p.text), ...(p.whole ? [] : [`${quote(p.text)}*`, ...alternatives.map(quote)])].join(' OR ')})`;
  return scope === 'titles' ? `{title tags} : ${forms}` : forms;
}

/** Every piece required (`AND`) or any (`OR`). `alternatives` are typo-corrected forms of a piece's word. */
export function matchExpression(pieces: QueryPiece[], scope: Scope, join: 'AND' | 'OR', alternatives?: Map<string, string[]>): string {
  return pieces.map((p) => pieceExpression(p, scope, alternatives?.get(p.text))).join(` ${join} `);
}
