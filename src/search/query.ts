/**
 * A typed query as FTS5 expressions. Words are matched as prefixes (the last may be half typed).
 * A run of Chinese or Japanese is matched in titles against their character runs (`grams`), so a
 * prefix typed across or inside words is found, and against the words the segmenter finds in it;
 * in the every-word index, against its character pairs. Every token is quoted: no query text is
 * FTS5 syntax.
 */
import { GRAM_CHARS, isSpacelessScript, normalizeTerm, pairTokens, tokenize, WORD } from './text.js';

export interface QueryPiece {
  /** A word, or a whole run of a spaceless script (normalised). */
  text: string;
  spaceless: boolean;
  /** The run's words as the segmenter splits them (spaceless runs only). */
  words: string[];
  /** The run as the every-word index holds it: character pairs (spaceless runs only, see pairTokens). */
  pairs: string[];
}

export function queryPieces(query: string, locale: string): QueryPiece[] {
  const pieces: QueryPiece[] = [];
  for (const run of normalizeTerm(query).match(WORD) ?? []) {
    if (isSpacelessScript(run)) pieces.push({ text: run, spaceless: true, words: tokenize(run, locale), pairs: pairTokens(run) });
    else for (const w of tokenize(run, locale)) pieces.push({ text: w, spaceless: false, words: [w], pairs: [w] });
  }
  // A lone letter just typed after other words narrows nothing yet but costs a scan of every
  // word starting with it; it is left out until a second letter comes (not so for CJK characters).
  const last = pieces[pieces.length - 1];
  if (pieces.length > 1 && last && !last.spaceless && last.text.length === 1) pieces.pop();
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
  const forms = `(${[quote(p.text), `${quote(p.text)}*`, ...alternatives.map(quote)].join(' OR ')})`;
  return scope === 'titles' ? `{title tags} : ${forms}` : forms;
}

/** Every piece required (`AND`) or any (`OR`). `alternatives` are typo-corrected forms of a piece's word. */
export function matchExpression(pieces: QueryPiece[], scope: Scope, join: 'AND' | 'OR', alternatives?: Map<string, string[]>): string {
  return pieces.map((p) => pieceExpression(p, scope, alternatives?.get(p.text))).join(` ${join} `);
}
