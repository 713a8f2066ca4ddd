/**
 * Typo tolerance on titles: the words of every indexed title, kept in memory by length (a few MiB
 * for 35,000 titles), and the ones within a small edit distance of a typed word.
 */
import { isSpacelessScript } from './text.js';

/** Edits allowed for a word of `length` letters: none up to 4, one up to 9, two beyond (as MiniSearch's fuzzy 0.2, at most 2). */
export function allowedEdits(length: number): number {
  if (length <= 4) return 0;
  return Math.min(2, Math.floor(length * 0.2));
}

/** The shortest typed word given any tolerance: a four-letter word may have two neighbours swapped. */
export const SWAP_ONLY_LENGTH = 4;

/** `a` and `b` differ only by two neighbouring letters swapped (`rsut`, `rust`). */
function neighboursSwapped(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/**
 * Whether `word` is `typed` with a typo: within the allowed edits of a word that long; a
 * four-letter word only with two neighbouring letters swapped (any other edit of so short a word
 * is another word: `rust`, `bust`, `just`). The same rule for lookups and saved searches.
 */
export function isTypoOf(typed: string, word: string): boolean {
  const max = allowedEdits(typed.length);
  if (max) return word !== typed && editDistance(typed, word, max) <= max;
  return typed.length === SWAP_ONLY_LENGTH && neighboursSwapped(typed, word);
}

/**
 * Optimal-string-alignment distance (Levenshtein plus swapped neighbours, `idempotnet` →
 * `idempotent` is one edit), or `max + 1` as soon as it must exceed `max`.
 */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

export class TitleVocabulary {
  private readonly byLength = new Map<number, Set<string>>();

  constructor(terms: Iterable<string>) {
    for (const t of terms) this.add(t);
  }

  add(term: string): void {
    if (isSpacelessScript(term)) return; // no typo tolerance on CJK words (see allowedEdits)
    let set = this.byLength.get(term.length);
    if (!set) this.byLength.set(term.length, (set = new Set()));
    set.add(term);
  }

  /** Title words that are `word` with a typo (isTypoOf), nearest first, at most `limit`. */
  near(word: string, limit = 8): string[] {
    const max = allowedEdits(word.length);
    if (!max && word.length !== SWAP_ONLY_LENGTH) return [];
    const found: { term: string; d: number }[] = [];
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const term of this.byLength.get(len) ?? []) {
        if (!isTypoOf(word, term)) continue;
        found.push({ term, d: editDistance(word, term, Math.max(1, max)) });
      }
    }
    return found.sort((x, y) => x.d - y.d || x.term.localeCompare(y.term)).slice(0, limit).map((f) => f.term);
  }
}
