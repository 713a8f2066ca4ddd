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
