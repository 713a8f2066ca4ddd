/**
 * The lookup index's rows, keyed by the notes table's rowid and written in the transaction that
 * writes the note: `note_titles` (title, tags, grams) and `note_words` (every word of the note).
 * Contentless (`content=''`): the words are indexed, not stored twice. They arrive already split
 * by their language (search/text.ts), so unicode61 only has to split on the spaces between them.
 */
import type { Prepare } from './db.js';
import type { SearchText } from './types.js';

/** bm25 column weights of `note_titles`, in its column order: title, tags, grams. */
export const TITLE_WEIGHTS = [2, 1, 2] as const;

/**
 * Writes a note's rows and marks it indexed (for the backfill, which writes words alone).
 * `indexed`: whether it has rows already. A note never indexed is not deleted first, which in a
 * contentless table would still write a tombstone for the rowid.
 */
export function writeSearchText(sql: Prepare, rowid: number | bigint, hash: string, text: SearchText, indexed = true): void {
  writeSearchRows(sql, rowid, text, indexed);
  sql('UPDATE notes SET indexed_hash = ? WHERE rowid = ?').run(hash, rowid);
}

/** The rows alone; the caller sets the note's `indexed_hash` (putNote does it in the same statement as the record). */
export function writeSearchRows(sql: Prepare, rowid: number | bigint, text: SearchText, indexed: boolean): void {
  if (indexed) dropSearchRows(sql, rowid);
  sql('INSERT INTO note_titles(rowid, title, tags, grams) VALUES (?, ?, ?, ?)').run(rowid, text.title, text.tags, text.grams);
  sql('INSERT INTO note_words(rowid, words) VALUES (?, ?)').run(rowid, text.words);
}

export function dropSearchText(sql: Prepare, rowid: number | bigint): void {
  dropSearchRows(sql, rowid);
  sql('UPDATE notes SET indexed_hash = NULL WHERE rowid = ?').run(rowid);
}

export function dropSearchRows(sql: Prepare, rowid: number | bigint): void {
  sql('DELETE FROM note_titles WHERE rowid = ?').run(rowid);
  sql('DELETE FROM note_words WHERE rowid = ?').run(rowid);
}

/**
 * FTS5 writes each commit's words as a new segment and, by default, merges segments a little at
 * every write once a level holds four ('automerge', 4: https://sqlite.org/fts5.html#the_automerge_configuration_option).
 * A batch of thousands of notes commits a chunk at a time, so those merges rewrite the same words
 * again and again as the index grows (issue 31: 10 % of a 35,000-note cold start's main thread).
 * While one runs, automatic merging is off; 'crisismerge' still merges a level that reaches 16
 * segments, so the index never grows unbounded (https://sqlite.org/fts5.html#the_crisismerge_configuration_option).
 * At its end, automerge is on again and one bounded 'merge' folds the batch's segments together,
 * a negative page count treating every segment as one level (https://sqlite.org/fts5.html#the_merge_command).
 * The setting is stored in the database: a process killed in a batch leaves it off, so an open for
 * writing turns it on again (`restore`).
 */
export class IndexMerges {
  /** Batches under way (a batch may start while another's end is awaited). */
  private open = 0;

  constructor(private readonly sql: Prepare) {}

  /** Turns automatic merging off until the returned `end` is called. */
  defer(): { end: () => void } {
    if (this.open++ === 0) this.setAutomerge(false);
    let ended = false;
    return {
      end: () => {
        if (ended) return;
        ended = true;
        if (--this.open === 0) this.mergeNow();
      },
    };
  }

  /** Automatic merging on again if a process stopped in a batch left it off. */
  restore(): void {
    const off = SEARCH_TABLES.some((t) => (this.sql(`SELECT v FROM ${t}_config WHERE k = 'automerge'`).get() as { v: unknown } | undefined)?.v === 0);
    if (off) this.setAutomerge(true);
  }

  private setAutomerge(on: boolean): void {
    // Literal values: FTS5 refuses a bound number, which better-sqlite3 passes as a REAL.
    for (const t of SEARCH_TABLES) this.sql(`INSERT INTO ${t}(${t}, rank) VALUES ('automerge', ${on ? AUTOMERGE_DEFAULT : 0})`).run();
  }

  private mergeNow(): void {
    this.setAutomerge(true);
    for (const t of SEARCH_TABLES) this.sql(`INSERT INTO ${t}(${t}, rank) VALUES ('merge', -${MERGE_PAGES})`).run();
  }
}

const SEARCH_TABLES = ['note_titles', 'note_words'] as const;
/** FTS5's own default. */
const AUTOMERGE_DEFAULT = 4;
/**
 * Pages written by the merge at a batch's end: bounded, so a batch's end never costs an 'optimize'
 * of the whole index (35,000 notes: about 160 ms; the titles end in one segment, the words in 16).
 */
const MERGE_PAGES = 2000;
