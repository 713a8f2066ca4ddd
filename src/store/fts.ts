/**
 * The lookup index's rows: one FTS5 row per note, keyed by the notes table's rowid, written in the
 * transaction that writes the note. Contentless (`content=''`): the words are indexed, not stored
 * twice. The words arrive already split by their language (search/text.ts), so unicode61 only has
 * to split on the spaces between them.
 */
import type { Statement } from './db.js';

type Prepare = (sql: string) => Statement;
import type { SearchText } from './types.js';

/** Column weights for bm25, in the table's column order: title, tags, body, grams. */
export const FTS_WEIGHTS = [4, 2, 1, 4] as const;

export function writeSearchText(sql: Prepare, rowid: number | bigint, hash: string, text: SearchText): void {
  sql('DELETE FROM note_fts WHERE rowid = ?').run(rowid);
  sql('INSERT INTO note_fts(rowid, title, tags, body, grams) VALUES (?, ?, ?, ?, ?)').run(rowid, text.title, text.tags, text.body, text.grams);
  sql('UPDATE notes SET indexed_hash = ? WHERE rowid = ?').run(hash, rowid);
}

export function dropSearchText(sql: Prepare, rowid: number | bigint): void {
  sql('DELETE FROM note_fts WHERE rowid = ?').run(rowid);
  sql('UPDATE notes SET indexed_hash = NULL WHERE rowid = ?').run(rowid);
}
