/**
 * The release before issue 14's lookup, kept as the search benchmark's baseline: one MiniSearch index, updated note by note, with
 * translations grouped into one result shown in the asker's language.
 */
import MiniSearch from 'minisearch';
import { baseLanguage, sameLanguage, toLocaleTag } from '../../src/notes/lang.js';
import type { NoteInfo } from '../../src/store/types.js';
import { isSpacelessScript, tokenize } from '../../src/search/text.js';
// The result shape and the script-to-language guess did not change: the release's own are used.
import { guessLanguage, type SearchResult } from '../../src/search/index.js';

export interface SearchDoc {
  id: string;
  info: NoteInfo;
  /** Plain prose of the note (see `bodyText`). */
  body: string;
}

/** Family members listed in a result; a real family has a handful (one per language). */
const MAX_MEMBERS = 100;

function firstOf<T>(items: Iterable<T>, n: number): T[] {
  const out: T[] = [];
  for (const x of items) {
    if (out.length >= n) break;
    out.push(x);
  }
  return out;
}

interface Indexed {
  id: string;
  title: string[];
  tags: string[];
  body?: string[];
}

function createIndex(fields: string[], boost: Record<string, number>): MiniSearch<Indexed> {
  return new MiniSearch<Indexed>({
    fields,
    idField: 'id',
    // Documents arrive already split by their own language, as arrays; MiniSearch joins an array
    // field with commas, which no word contains, so splitting on commas gives the words back.
    tokenize: (s) => (s ? s.split(',') : []),
    processTerm: (t) => t || null,
    searchOptions: { boost },
  });
}

/**
 * Two indexes: titles and tags, which answer almost every lookup and autocomplete quickly, and
 * the full text, asked only when no title matches or for a submitted lookup (`deep`). The titles
 * index holds each distinct (title, tags) once, so notes that share a title (copies of a note in
 * several folders) cost one entry, not one each.
 */
export class NoteSearch {
  private readonly titles = createIndex(['title', 'tags'], { title: 2, tags: 1 });
  private readonly full = createIndex(['title', 'tags', 'body'], { title: 4, tags: 2, body: 1 });
  private readonly docs = new Map<string, Omit<SearchDoc, 'body'>>();
  private readonly families = new Map<string, Set<string>>();
  /** Distinct title entry → the notes carrying it; and each note's entry. */
  private readonly titleNotes = new Map<string, Set<string>>();
  private readonly titleOf = new Map<string, string>();

  get size(): number {
    return this.docs.size;
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  /** Every indexed note of `id`'s translation family (including itself). */
  familyOf(id: string): string[] | undefined {
    const meta = this.docs.get(id);
    return meta ? [...(this.families.get(meta.info.translationKey) ?? [])] : undefined;
  }

  /** Adds or replaces a note. */
  upsert(doc: SearchDoc): void {
    if (this.docs.has(doc.id)) this.remove(doc.id);
    const loc = doc.info.locale;
    const title = tokenize(doc.info.title, loc);
    const tags = doc.info.tags.flatMap((t) => tokenize(t, loc));
    const key = `${title.join(' ')}\u0000${tags.join(' ')}`;
    let holders = this.titleNotes.get(key);
    if (!holders) {
      this.titleNotes.set(key, (holders = new Set()));
      this.titles.add({ id: key, title, tags });
    }
    holders.add(doc.id);
    this.titleOf.set(doc.id, key);
    this.full.add({ id: doc.id, title, tags, body: tokenize(doc.body, loc) });
    const { body: _body, ...meta } = doc;
    this.docs.set(doc.id, meta);
    let fam = this.families.get(doc.info.translationKey);
    if (!fam) this.families.set(doc.info.translationKey, (fam = new Set()));
    fam.add(doc.id);
  }

  remove(id: string): void {
    const meta = this.docs.get(id);
    if (!meta) return;
    const key = this.titleOf.get(id)!;
    this.titleOf.delete(id);
    const holders = this.titleNotes.get(key)!;
    holders.delete(id);
    if (!holders.size) {
      this.titleNotes.delete(key);
      this.titles.discard(key);
    }
    this.full.discard(id);
    this.docs.delete(id);
    const fam = this.families.get(meta.info.translationKey);
    fam?.delete(id);
    if (fam && fam.size === 0) this.families.delete(meta.info.translationKey);
  }

  /** The family member to show someone who reads `lang`: theirs, else the original, else English, else any. */
  pick(members: Iterable<string>, lang?: string): Omit<SearchDoc, 'body'> | undefined {
    // One pass that stops at the first exact match; the fallbacks are remembered on the way.
    const want = lang ? toLocaleTag(lang).toLowerCase() : undefined;
    const wantLang = lang?.toLowerCase();
    let base: Omit<SearchDoc, 'body'> | undefined;
    let original: Omit<SearchDoc, 'body'> | undefined;
    let english: Omit<SearchDoc, 'body'> | undefined;
    let first: Omit<SearchDoc, 'body'> | undefined;
    for (const id of members) {
      const m = this.docs.get(id);
      if (!m) continue;
      first ??= m;
      const locale = m.info.locale.toLowerCase();
      if (want && (locale === want || m.info.lang.toLowerCase() === wantLang)) return m;
      // Another region of the same language and script (`pt-BR` for `pt`, `zh-Hans` for `zh`), never the other script.
      if (want && !base && sameLanguage(locale, want)) base = m;
      if (!original && m.info.original !== false) original = m;
      if (!english && baseLanguage(locale) === 'en') english = m;
    }
    return base ?? original ?? english ?? first;
  }

  /**
   * Ranked results, one per translation family. Titles and tags answer first; the full text is
   * asked when no title matches, or always with `deep` (a submitted /note, not autocomplete,
   * where every keystroke must stay fast).
   */
  search(query: string, opts: { lang?: string | undefined; limit?: number; deep?: boolean } = {}): SearchResult[] {
    const limit = opts.limit ?? 10;
    opts = { ...opts, lang: opts.lang ?? guessLanguage(query) };
    let terms = tokenize(query, opts.lang ? toLocaleTag(opts.lang) : 'und');
    // A lone letter just typed after other words narrows nothing yet but costs a scan of every
    // word starting with it; it is left out until a second letter comes (not so for CJK characters).
    const last = terms[terms.length - 1];
    if (terms.length > 1 && last && last.length === 1 && !isSpacelessScript(last)) terms = terms.slice(0, -1);
    if (!terms.length) return [];
    const fuzzy = (term: string) => (term.length > 4 && !isSpacelessScript(term) ? 0.2 : false);
    const q = terms.join(',');
    // Every word gets prefix matching (the last may be half typed), longer ones some typo tolerance.
    const options = { prefix: true, fuzzy, maxFuzzy: 2 } as const;
    let relaxed: { id: string; score: number }[] = [];
    for (const h of this.titles.search(q, { ...options, combineWith: 'AND' })) {
      for (const id of this.titleNotes.get(h.id as string) ?? []) relaxed.push({ id, score: h.score });
      if (relaxed.length > limit * 50) break; // enough to fill `limit` families
    }
    if (!relaxed.length || opts.deep) relaxed = [...relaxed, ...this.full.search(q, { ...options, combineWith: 'AND' })];
    if (!relaxed.length) relaxed = this.full.search(q, { ...options, combineWith: 'OR' });
    // Hits come best first; a family's score is its best member's, so the first `limit` families are final.
    const families: { key: string; score: number }[] = [];
    const seen = new Set<string>();
    for (const h of relaxed) {
      const meta = this.docs.get(h.id as string);
      if (!meta || seen.has(meta.info.translationKey)) continue;
      seen.add(meta.info.translationKey);
      families.push({ key: meta.info.translationKey, score: h.score });
      if (families.length >= limit) break;
    }
    const out: SearchResult[] = [];
    for (const { key, score } of families) {
      const members = this.families.get(key)!;
      const shown = this.pick(members, opts.lang);
      if (!shown) continue;
      out.push({ id: shown.id, title: shown.info.title, lang: shown.info.lang, url: shown.info.url, score: Math.round(score * 1000) / 1000, members: firstOf(members, MAX_MEMBERS) });
    }
    return out;
  }

  /** Newest notes first, one per translation family; with `lang`, only families that have that language. */
  latest(n: number, lang?: string): SearchResult[] {
    const newest = new Map<string, number>();
    for (const m of this.docs.values()) {
      const t = m.info.date ? Date.parse(m.info.date) : 0;
      newest.set(m.info.translationKey, Math.max(newest.get(m.info.translationKey) ?? 0, t));
    }
    const out: SearchResult[] = [];
    for (const [key] of [...newest].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
      const members = this.families.get(key)!;
      const shown = this.pick(members, lang);
      if (!shown || (lang && shown.info.lang.toLowerCase() !== lang.toLowerCase() && !sameLanguage(shown.info.locale, lang))) continue;
      out.push({ id: shown.id, title: shown.info.title, lang: shown.info.lang, url: shown.info.url, score: 0, members: firstOf(members, MAX_MEMBERS) });
      if (out.length >= n) break;
    }
    return out;
  }
}
