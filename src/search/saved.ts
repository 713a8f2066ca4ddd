/**
 * Saved searches (`/subscribe words:"rust async"`, a route's `filter.words`) matched against one
 * note's words as the lookup index holds them (search/text.ts `words`), with the lookup's own query
 * building (search/query.ts): every typed word must start a word of the note, a Chinese or Japanese
 * run must have all its character pairs. Queries are text: nothing typed is a pattern or FTS5 syntax.
 *
 * The cost is per note and per saved search, never per note stored: the note's words are sorted
 * once, and each search's words (compiled once and kept) are looked up in them.
 */
import { queryPieces } from './query.js';

/** One required word: exactly a word of the note, or the start of one (`prefix`). */
interface Term {
  text: string;
  prefix: boolean;
}

/** A saved search's text as stored and shown: trimmed, spaces collapsed, at most 200 characters. */
export function savedSearchText(query: string): string {
  return query.trim().replace(/\s+/g, ' ').slice(0, 200);
}

function compile(query: string, locale: string): Term[] {
  const terms: Term[] = [];
  for (const p of queryPieces(query, locale)) {
    if (!p.spaceless) terms.push({ text: p.text, prefix: true });
    else if (p.pairs.length === 1 && [...p.pairs[0]!].length === 1) terms.push({ text: p.pairs[0]!, prefix: true });
    else for (const pair of p.pairs) terms.push({ text: pair, prefix: false });
  }
  return terms;
}

/** Prefixes up to this long are kept in a set; a longer typed word is looked up in the sorted words. */
const PREFIX_SET_CHARS = 16;

/** A note's words, ready to be asked whether a word (or the start of one) is among them. */
class NoteWords {
  private readonly set: Set<string>;
  private readonly prefixes = new Set<string>();
  private readonly sorted: string[];

  constructor(words: string) {
    this.set = new Set(words.split(' ').filter(Boolean));
    this.sorted = [...this.set].sort();
    for (const w of this.set) for (let n = 1; n <= Math.min(w.length, PREFIX_SET_CHARS); n++) this.prefixes.add(w.slice(0, n));
  }

  has(t: Term): boolean {
    if (this.set.has(t.text)) return true;
    if (!t.prefix) return false;
    if (t.text.length <= PREFIX_SET_CHARS) return this.prefixes.has(t.text);
    // The first word not below the prefix starts with it, if any word does.
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]! < t.text) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.sorted.length && this.sorted[lo]!.startsWith(t.text);
  }
}

/** Matches notes against saved searches; keeps each search compiled (one per service). */
export class SavedSearches {
  /** Per locale (words are split as the note's language splits them), each search's words. */
  private readonly compiled = new Map<string, Map<string, Term[]>>();

  private terms(byQuery: Map<string, Term[]>, query: string, locale: string): Term[] {
    let t = byQuery.get(query);
    if (!t) {
      if (byQuery.size > 100_000) byQuery.clear(); // searches come and go: bound what is kept
      t = compile(query, locale);
      byQuery.set(query, t);
    }
    return t;
  }

  /** The saved searches (as stored) that this note's words match; words are split in the note's locale. */
  match(noteWords: string, locale: string, queries: Iterable<string>): string[] {
    let words: NoteWords | undefined;
    const out: string[] = [];
    let byQuery = this.compiled.get(locale);
    if (!byQuery) this.compiled.set(locale, (byQuery = new Map()));
    for (const q of queries) {
      const terms = this.terms(byQuery, q, locale);
      if (!terms.length) continue;
      words ??= new NoteWords(noteWords);
      if (terms.every((t) => words!.has(t))) out.push(q);
    }
    return out;
  }
}
