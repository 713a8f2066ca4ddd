/**
 * Lookup over every published note, answered by the database's FTS5 index (store/fts.ts), with
 * translations grouped into one result shown in the asker's language. Nothing is built at start:
 * the index is written with the notes, and only the title words for typo tolerance are read, the
 * first time a query needs them.
 */
import { sameLanguage, toLocaleTag } from '../notes/lang.js';
import { originalAmong } from '../notes/original.js';
import type { LookupMatch, NoteFacts } from '../store/lookup.js';
import type { Store } from '../store/store.js';
import type { NoteInfo } from '../store/types.js';
import { SWAP_ONLY_LENGTH, TitleVocabulary } from './fuzzy.js';
import { matchExpression, queryPieces, type QueryPiece } from './query.js';
import { tokenize } from './text.js';

export interface SearchResult {
  id: string;
  title: string;
  lang: string;
  url?: string | undefined;
  score: number;
  /** Notes of the translation family (at most the first 100). */
  members: string[];
}

/** Family members listed in a result; a real family has a handful (one per language). */
const MAX_MEMBERS = 100;
/** Matching notes read per query: enough to fill `limit` families when each has a dozen translations. */
const ROWS_PER_RESULT = 20;
/** How much more a match in the asker's language weighs than one in another. */
const SAME_LANGUAGE_BOOST = 2;

export interface SearchOptions {
  lang?: string | undefined;
  limit?: number;
  /** Also search the notes' text when titles match (a submitted lookup, not autocomplete). */
  deep?: boolean;
}

export class NoteSearch {
  private vocabulary: TitleVocabulary | undefined;

  constructor(private readonly store: Store) {}

  /** Published notes in the index. */
  get size(): number {
    return this.store.lookup.count();
  }

  has(id: string): boolean {
    return !!this.store.lookup.facts(id);
  }

  /** The member of `id`'s translation family to show someone who reads `lang` (see `pickMember`); `id` itself when nothing fits better. */
  memberFor(id: string, lang?: string): NoteFacts | undefined {
    const facts = this.store.lookup.facts(id);
    if (!facts) return undefined;
    return pickMember([facts, ...this.store.lookup.family(facts.info.translationKey).filter((m) => m.id !== id)], lang, id);
  }

  /** A note's title changed: its words join the typo-tolerance vocabulary (when it was read already). */
  titleChanged(info: Pick<NoteInfo, 'title' | 'locale'>): void {
    if (!this.vocabulary) return;
    for (const w of tokenize(info.title, info.locale)) this.vocabulary.add(w);
  }

  /** The family member to show someone who reads `lang`: theirs, else the original, else English, else any. */
  pick(members: Iterable<string>, lang?: string): NoteFacts | undefined {
    const facts: NoteFacts[] = [];
    for (const id of members) {
      const f = this.store.lookup.facts(id);
      if (f) facts.push(f);
    }
    return pickMember(facts, lang);
  }

  /**
   * Ranked results, one per translation family. Titles and tags answer first; the full text is
   * asked when no title matches, or always with `deep`. A query that finds nothing is asked
   * again with the title words near its longer words (typos), then with any word matching.
   */
  search(query: string, opts: SearchOptions = {}): SearchResult[] {
    const limit = opts.limit ?? 10;
    const lang = opts.lang ?? guessLanguage(query);
    const pieces = queryPieces(query, lang ? toLocaleTag(lang) : 'und', true);
    if (!pieces.length) return [];
    const rows = limit * ROWS_PER_RESULT;
    const lookup = this.store.lookup;
    let hits = lookup.match('titles', matchExpression(pieces, 'titles', 'AND'), rows);
    // Title matches first, then the text's: scores of the two tables are not on one scale.
    const titleHits = hits.length;
    if (!hits.length || opts.deep) hits = [...hits, ...lookup.match('words', matchExpression(pieces, 'words', 'AND'), rows)];
    if (!hits.length) {
      const typos = this.alternatives(pieces);
      if (typos.size) hits = lookup.match('titles', matchExpression(pieces, 'titles', 'AND', typos), rows);
      if (!hits.length) hits = lookup.match('words', matchExpression(pieces, 'words', 'OR', typos), rows);
    }
    // The asker's language first: a note in it counts double. Then a family's score is its best
    // member's, and the first `limit` families are final.
    if (lang) {
      const want = toLocaleTag(lang);
      const mine = (h: LookupMatch) => (sameLanguage(h.locale, want) ? 1 : 0);
      const boosted = (h: LookupMatch) => (mine(h) ? { ...h, score: h.score * SAME_LANGUAGE_BOOST } : h);
      // Equal scores: the asker's language first.
      const byScore = (a: LookupMatch, b: LookupMatch) => b.score - a.score || mine(b) - mine(a);
      hits = [...hits.slice(0, titleHits).map(boosted).sort(byScore), ...hits.slice(titleHits).map(boosted).sort(byScore)];
    }
    const families: { key: string; score: number }[] = [];
    const seen = new Set<string>();
    for (const h of hits) {
      if (seen.has(h.translationKey)) continue;
      seen.add(h.translationKey);
      families.push({ key: h.translationKey, score: h.score });
      if (families.length >= limit) break;
    }
    return families.flatMap(({ key, score }) => {
      const r = this.result(key, score, lang);
      if (!r) return [];
      const { locale: _locale, ...shown } = r;
      return [shown];
    });
  }

  /** Newest notes first, one per translation family; with `lang`, only families that have that language. */
  latest(n: number, lang?: string): SearchResult[] {
    const out: (SearchResult & { locale: string })[] = [];
    const seen = new Set<string>();
    const page = Math.max(50, n * 10);
    for (let offset = 0; out.length < n; offset += page) {
      const keys = this.store.lookup.newestKeys(offset, page);
      for (const key of keys) {
        if (seen.has(key)) continue;
        seen.add(key);
        const r = this.result(key, 0, lang);
        if (!r || (lang && r.lang.toLowerCase() !== lang.toLowerCase() && !sameLanguage(r.locale, lang))) continue;
        out.push(r);
        if (out.length >= n) break;
      }
      if (keys.length < page) break;
    }
    return out.map(({ locale: _locale, ...r }) => r);
  }

  private result(key: string, score: number, lang: string | undefined): (SearchResult & { locale: string }) | undefined {
    const members = this.store.lookup.family(key);
    const shown = pickMember(members, lang);
    if (!shown) return undefined;
    const i = shown.info;
    return { id: shown.id, title: i.title, lang: i.lang, locale: i.locale, url: i.url, score: Math.round(score * 1000) / 1000, members: members.slice(0, MAX_MEMBERS).map((m) => m.id) };
  }

  /** Title words a few edits from each longer word of the query. */
  private alternatives(pieces: QueryPiece[]): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const p of pieces) {
      if (p.spaceless || p.whole || p.text.length < SWAP_ONLY_LENGTH) continue;
      this.vocabulary ??= new TitleVocabulary(this.store.lookup.titleTerms());
      const near = this.vocabulary.near(p.text);
      if (near.length) out.set(p.text, near);
    }
    return out;
  }
}

/**
 * Theirs (`lang`), else another region of it, else the original (notes/original.ts: never by path
 * order, which showed `ja/posts/x` for `posts/x`); `keep` (memberFor's note) wins while it is one.
 */
function pickMember(members: readonly NoteFacts[], lang?: string, keep?: string): NoteFacts | undefined {
  const want = lang ? toLocaleTag(lang).toLowerCase() : undefined;
  const wantLang = lang?.toLowerCase();
  let base: NoteFacts | undefined;
  for (const m of members) {
    const locale = m.info.locale.toLowerCase();
    if (want && (locale === want || m.info.lang.toLowerCase() === wantLang)) return m;
    // Another region of the same language and script (`pt-BR` for `pt`, `zh-Hans` for `zh`), never the other script.
    if (want && !base && sameLanguage(locale, want)) base = m;
  }
  return base ?? originalAmong(members, keep);
}

/** The language a query's script implies, when the asker did not say (Kana → ja, Han → zh…). */
export function guessLanguage(query: string): string | undefined {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(query)) return 'ja';
  if (/\p{Script=Hangul}/u.test(query)) return 'ko';
  if (/\p{Script=Han}/u.test(query)) return 'zh';
  if (/\p{Script=Devanagari}/u.test(query)) return 'hi';
  if (/\p{Script=Arabic}/u.test(query)) return 'ar';
  if (/\p{Script=Cyrillic}/u.test(query)) return 'ru';
  return undefined;
}
