/**
 * The lookup index's rows, keyed by the notes table's rowid and written in the transaction that
 * writes the note: `note_titles` (title, tags, grams) and `note_words` (every word of the note).
 * Contentless (`content=''`): the words are indexed, not stored twice. They arrive already split
 * by their language (search/text.ts), so unicode61 only has to split on the spaces between them.
 */
import type { Statement } from './db.js';
import type { SearchText } from './types.js';

type Prepare = (sql: string) => Statement;

/** bm25 column weights of `note_titles`, in its column order: title, tags, grams. */
export const TITLE_WEIGHTS = [2, 1, 2] as const;

export function writeSearchText(sql: Prepare, rowid: number | bigint, hash: string, text: SearchText): void {
  dropRows(sql, rowid);
  sql('INSERT INTO note_titles(rowid, title, tags, grams) VALUES (?, ?, ?, ?)').run(rowid, text.title, text.tags, text.grams);
  sql('INSERT INTO note_words(rowid, words) VALUES (?, ?)').run(rowid, text.words);
  sql('UPDATE notes SET indexed_hash = ? WHERE rowid = ?').run(hash, rowid);
}

export function dropSearchText(sql: Prepare, rowid: number | bigint): void {
  dropRows(sql, rowid);
  sql('UPDATE notes SET indexed_hash = NULL WHERE rowid = ?').run(rowid);
}

function dropRows(sql: Prepare, rowid: number | bigint): void {
  sql('DELETE FROM note_titles WHERE rowid = ?').run(rowid);
  sql('DELETE FROM note_words WHERE rowid = ?').run(rowid);
}
