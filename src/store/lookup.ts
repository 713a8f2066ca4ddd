/**
 * The queries behind lookups: matches in the FTS5 index (store/fts.ts) joined to published notes,
 * translation families and the newest notes, each answered from an index, never a table scan.
 */
import type { Prepare } from './db.js';
import { TITLE_WEIGHTS } from './fts.js';
import type { NoteInfo } from './types.js';

export interface LookupMatch {
  id: string;
  translationKey: string;
  /** The note's language tag (`locale` of its facts). */
  locale: string;
  /** bm25, higher is better. */
  score: number;
}

export interface NoteFacts {
  id: string;
  info: NoteInfo;
}

export class LookupRows {
  constructor(private readonly sql: Prepare) {}

  /**
   * Published notes matching an FTS5 query on titles (`note_titles`) or on every word
   * (`note_words`), best first. The best `limit` index rows are chosen first and only they are
   * joined to their notes (joining every match first costs twice as much for a short prefix that
   * matches thousands); the rare unpublished ones among them are dropped.
   */
  match(table: 'titles' | 'words', expression: string, limit: number): LookupMatch[] {
    const ranked =
      table === 'titles'
        ? `SELECT rowid, bm25(note_titles, ${TITLE_WEIGHTS.join(', ')}) AS s FROM note_titles WHERE note_titles MATCH ? ORDER BY s LIMIT ?`
        : 'SELECT rowid, bm25(note_words) AS s FROM note_words WHERE note_words MATCH ? ORDER BY s LIMIT ?';
    const rows = this.sql(
      `SELECT n.id AS id, json_extract(n.info, '$.translationKey') AS k, json_extract(n.info, '$.locale') AS l, m.s AS s
       FROM (${ranked}) m JOIN notes n ON n.rowid = m.rowid WHERE n.state = 'published' ORDER BY m.s, n.rowid DESC`,
    ).all(expression, limit) as { id: string; k: string; l: string; s: number }[];
    return rows.map((r) => ({ id: r.id, translationKey: r.k, locale: r.l, score: -r.s }));
  }

  /** The published notes of a translation family. */
  family(translationKey: string): NoteFacts[] {
    const rows = this.sql("SELECT id, info FROM notes WHERE json_extract(info, '$.translationKey') = ? AND state = 'published' ORDER BY id").all(translationKey) as { id: string; info: string }[];
    return rows.map((r) => ({ id: r.id, info: JSON.parse(r.info) as NoteInfo }));
  }

  /** One published note's facts. */
  facts(id: string): NoteFacts | undefined {
    const r = this.sql("SELECT id, info FROM notes WHERE id = ? AND state = 'published'").get(id) as { id: string; info: string } | undefined;
    return r ? { id: r.id, info: JSON.parse(r.info) as NoteInfo } : undefined;
  }

  /** Translation keys of published notes, newest first, a page at a time (`offset` rows in). */
  newestKeys(offset: number, limit: number): string[] {
    const rows = this.sql(
      `SELECT json_extract(info, '$.translationKey') AS k FROM notes WHERE state = 'published'
       ORDER BY json_extract(info, '$.date') DESC LIMIT ? OFFSET ?`,
    ).all(limit, offset) as { k: string }[];
    return rows.map((r) => r.k);
  }

  /** Published notes in the lookup index. */
  count(): number {
    return (this.sql("SELECT count(*) AS n FROM notes WHERE state = 'published' AND indexed_hash IS NOT NULL").get() as { n: number }).n;
  }

  /** The words of every indexed title, for typo tolerance (see search/fuzzy.ts). */
  titleTerms(): string[] {
    return (this.sql("SELECT term FROM note_title_terms WHERE col = 'title'").all() as { term: string }[]).map((r) => r.term);
  }
}
