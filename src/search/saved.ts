/**
 * Saved searches (`/subscribe words:"rust async"`, a route's `filter.words`) matched against one
 * note's words as the lookup index holds them (search/text.ts `words`), with the lookup's own query
 * building (search/query.ts): every typed word must start a word of the note, a Chinese or Japanese
 * run must have all its character pairs. Queries are text: nothing typed is a pattern or FTS5 syntax.
 *
 * The cost is per note and per saved search, never per note stored: the note's words are sorted
 * once, and each search's words (compiled once and kept) are looked up in them.
 *
 * A typed word no word of the note starts may match a word of the note with a typo, as `/note`
 * tolerates them (fuzzy.ts isTypoOf: `rsut` finds "rust", `asnyc` "async"). Typos are found the
 * SymSpell way, bounded per note: every typed word of every search is kept under its forms with up
 * to its allowed edits' letters deleted; the note's words, with as many deleted, are looked up there
 * once per note, and each candidate checked with the edit distance.
 */
import { allowedEdits, isTypoOf, SWAP_ONLY_LENGTH } from './fuzzy.js';
import { firstChars, MAX_SEARCH_CHARS } from '../util/words.js';
import { queryPieces } from './query.js';

/** One required word: exactly a word of the note, or the start of one (`prefix`). */
interface Term {
  text: string;
  prefix: boolean;
}

/** A saved search's text as stored and shown: trimmed, spaces collapsed, at most 200 characters (code points). */
export function savedSearchText(query: string): string {
  return firstChars(query.trim().replace(/\s+/g, ' '), MAX_SEARCH_CHARS);
}

function compile(query: string, locale: string): Term[] {
  const terms: Term[] = [];
  for (const p of queryPieces(query, locale, false)) {
    if (!p.spaceless) terms.push({ text: p.text, prefix: !p.whole });
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

  get all(): Iterable<string> {
    return this.set;
  }

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

/** Every form of `word` with up to `n` (at most 2) letters deleted, itself included. */
function deletions(word: string, n: number): Set<string> {
  const out = new Set<string>([word]);
  if (n === 0) return out;
  for (let i = 0; i < word.length; i++) {
    const one = word.slice(0, i) + word.slice(i + 1);
    out.add(one);
    if (n > 1) for (let j = i; j < one.length; j++) out.add(one.slice(0, j) + one.slice(j + 1));
  }
  return out;
}

/** Letters deleted to find typos of a typed word: its allowed edits, one for a four-letter word (a swap). */
function typoDepth(word: string): number {
  return word.length === SWAP_ONLY_LENGTH ? 1 : allowedEdits(word.length);
}

/** Bounds what a note's words cost: typo forms are made for at most this many distinct words. */
const MAX_TYPO_WORDS = 20_000;
/** Typed words longer than this get no typo tolerance, and longer words of a note (hashes, URLs) are not looked at. */
const MAX_TYPO_LENGTH = 24;
/** Two edits are allowed from ten letters on (fuzzy.ts allowedEdits), so only words of eight or more can be two edits away. */
const TWO_EDITS_FROM = 8;

/** Words whose typo lookups are remembered: notes share most of their words, so most lookups repeat. */
const MAX_REMEMBERED_WORDS = 100_000;

/** The typed words of all saved searches, under their deletion forms, to find a note's typos of them. */
class TypoIndex {
  private readonly byForm = new Map<string, string[]>();
  private readonly known = new Set<string>();
  private deepest = 0;
  /** A note's word → the typed words it is a typo of, while the typed words stay the same. */
  private readonly remembered = new Map<string, readonly string[]>();

  add(term: Term): void {
    const depth = term.prefix && term.text.length <= MAX_TYPO_LENGTH ? typoDepth(term.text) : 0;
    if (!depth || this.known.has(term.text)) return;
    this.known.add(term.text);
    this.remembered.clear(); // a new typed word may be what a word seen before is a typo of
    this.deepest = Math.max(this.deepest, depth);
    for (const form of deletions(term.text, depth)) {
      const list = this.byForm.get(form);
      if (list) list.push(term.text);
      else this.byForm.set(form, [term.text]);
    }
  }

  get size(): number {
    return this.known.size;
  }

  /** The typed words that some word of the note is, with a typo. */
  typosIn(words: Iterable<string>): Set<string> {
    const found = new Set<string>();
    if (!this.known.size) return found;
    let n = 0;
    for (const word of words) {
      if (++n > MAX_TYPO_WORDS) break;
      if (word.length < SWAP_ONLY_LENGTH || word.length > MAX_TYPO_LENGTH + 2) continue;
      for (const typed of this.typedFor(word)) found.add(typed);
    }
    return found;
  }

  /** The typed words `word` is a typo of: looked up under its deletion forms once, then remembered. */
  private typedFor(word: string): readonly string[] {
    const known = this.remembered.get(word);
    if (known) return known;
    const out: string[] = [];
    for (const form of deletions(word, this.deepest > 1 && word.length >= TWO_EDITS_FROM ? 2 : 1)) {
      for (const typed of this.byForm.get(form) ?? []) if (!out.includes(typed) && isTypoOf(typed, word)) out.push(typed);
    }
    if (this.remembered.size >= MAX_REMEMBERED_WORDS) this.remembered.clear();
    this.remembered.set(word, out);
    return out;
  }
}

/** Matches notes against saved searches; keeps each search compiled (one per service). */
export class SavedSearches {
  /** Per locale (words are split as the note's language splits them), each search's words. */
  private readonly compiled = new Map<string, Map<string, Term[]>>();
  private typos = new TypoIndex();
  /** Each collection of searches passed in, compiled per locale (see compiledList). */
  private readonly lists = new WeakMap<object, Map<string, Array<{ query: string; terms: Term[] }>>>();

  private terms(byQuery: Map<string, Term[]>, query: string, locale: string): Term[] {
    let t = byQuery.get(query);
    if (!t) {
      if (byQuery.size > 100_000) byQuery.clear(); // searches come and go: bound what is kept
      if (this.typos.size > 200_000) this.typos = new TypoIndex();
      t = compile(query, locale);
      for (const term of t) this.typos.add(term);
      byQuery.set(query, t);
    }
    return t;
  }

  /**
   * Each search with its words, in the locale's split. Kept for as long as the caller passes the same
   * collection (the publisher reads a new one only when subscriptions change): looking 10,000 searches
   * up by their text on every note cost more than matching them.
   */
  private compiledList(queries: Iterable<string>, locale: string): ReadonlyArray<{ query: string; terms: Term[] }> {
    const byLocale = this.lists.get(queries as object) ?? new Map<string, Array<{ query: string; terms: Term[] }>>();
    this.lists.set(queries as object, byLocale);
    let list = byLocale.get(locale);
    if (!list) {
      let byQuery = this.compiled.get(locale);
      if (!byQuery) this.compiled.set(locale, (byQuery = new Map()));
      const known = byQuery;
      list = [...queries].map((query) => ({ query, terms: this.terms(known, query, locale) }));
      byLocale.set(locale, list);
    }
    return list;
  }

  /** The saved searches (as stored) that this note's words match; words are split in the note's locale. */
  match(noteWords: string, locale: string, queries: Iterable<string>): string[] {
    let words: NoteWords | undefined;
    const out: string[] = [];
    // Every search compiled first: typos are looked for once per note, with every typed word in the index.
    const list = this.compiledList(queries, locale);
    let typos: Set<string> | undefined;
    for (const { query, terms } of list) {
      if (!terms.length) continue;
      words ??= new NoteWords(noteWords);
      let all = true;
      for (const t of terms) {
        if (words.has(t)) continue;
        typos ??= this.typos.typosIn(words.all);
        if (!typos.has(t.text)) {
          all = false;
          break;
        }
      }
      if (all) out.push(query);
    }
    return out;
  }
}
