/**
 * The store's side of copies kept back (publish/kept-copies.ts holds the design): a copy is an
 * ordinary note record, `published`, never announced, its `info.copyOf` naming the note it copies.
 * Nothing else is stored: which note a copy copies, and whether its claim is due, are read from
 * the records and the files each time, so a restart, a kill -9 or a later `sync --once` sees the
 * same as the batch that would have seen the change live.
 */
import type { Prepare } from './db.js';
import { dropSearchRows } from './fts.js';

/** A record's content as copies compare it: its text's digest without its controls (see `bareHash` in types.ts). */
const BARE_HASH = "coalesce(json_extract(info, '$.bareHash'), hash)";

export interface KeptCopy {
  id: string;
  file: string;
  /** Its content: the digest of its text without its controls (NoteInfo.bareHash, else `hash`). */
  hash: string;
  lang: string | null;
  /** The note it was kept back for (its id when the copy was made; the note may have moved since). */
  copyOf: string;
}

/** Every copy kept back: a few rows at most (one query a batch, by the `announced = 0` rows). */
export function keptCopies(sql: Prepare): KeptCopy[] {
  return sql(
    `SELECT id, file, ${BARE_HASH} AS hash, json_extract(info, '$.lang') AS lang, json_extract(info, '$.copyOf') AS copyOf FROM notes
      WHERE announced = 0 AND state = 'published' AND json_extract(info, '$.copyOf') IS NOT NULL ORDER BY file`,
  ).all() as KeptCopy[];
}

/**
 * The announced, published notes of this language (`null`: of any language) with exactly this content (`hash`: the digest
 * without controls, `bareHash` of store/types.ts: controls never change what a message shows), other than `id`
 * and no copy themselves: the notes a copy stands for. `BARE_HASH = ?` said as its two halves, each by index
 * (notes_bare_hash, notes_hash): the one expression read every note, and a first start's families ask once a member
 * and chat (O(n²): 2 s of first-start-bulk.test.ts's 900 notes, 12 % of its main thread).
 */
export function notesWithContent(sql: Prepare, hash: string, lang: string | null, id: string): { id: string; file: string }[] {
  return sql(
    `SELECT id, file FROM notes WHERE (json_extract(info, '$.bareHash') = ? OR (hash = ? AND json_extract(info, '$.bareHash') IS NULL))
      AND id != ? AND state = 'published' AND announced = 1
      AND (? IS NULL OR coalesce(json_extract(info, '$.lang'), '') = ?) AND json_extract(info, '$.copyOf') IS NULL ORDER BY file`,
  ).all(hash, hash, id, lang, lang) as { id: string; file: string }[];
}

/** Whether this record is a copy kept back. */
export function isKeptCopy(sql: Prepare, id: string): boolean {
  return sql("SELECT 1 FROM notes WHERE id = ? AND announced = 0 AND json_extract(info, '$.copyOf') IS NOT NULL").get(id) !== undefined;
}

/** A copy's file is gone: its record goes with it (no `deleted` record: nothing of it was ever shown), with its lookup words. */
export function dropKeptCopy(sql: Prepare, id: string): void {
  const row = sql('SELECT rowid FROM notes WHERE id = ?').get(id) as { rowid: number } | undefined;
  if (!row) return;
  dropSearchRows(sql, row.rowid);
  sql('DELETE FROM notes WHERE rowid = ?').run(row.rowid);
}

/** For `status`: each copy kept back and the file of the note showing its content now (else the id it was kept back for). */
export function copiesKeptBack(sql: Prepare): { file: string; copyOf: string }[] {
  return keptCopies(sql).map((c) => ({ file: c.file, copyOf: notesWithContent(sql, c.hash, c.lang ?? '', c.id)[0]?.file ?? c.copyOf }));
}
