/**
 * A note's record and its lookup rows, written in one statement and the caller's transaction
 * (Store.putNote): the record's upsert, the index marker with it, the search rows by rowid.
 */
import type { Prepare } from './db.js';
import { dropSearchRows, writeSearchRows } from './fts.js';
import type { NoteRow, SearchText } from './types.js';

/** Where a note's record lies: its rowid (the lookup index's key) and the content its words were indexed from. */
export interface NotePlace {
  rowid: number;
  indexedHash: string | null;
}

/** `text`: the note's words to index (else the index is left as it was); `before`: where the note's row is, if it has one. */
export function writeNoteRow(sql: Prepare, n: NoteRow, o: { text?: SearchText | undefined; seenFile?: string | undefined; before: NotePlace | undefined }): void {
  const { text, before } = o;
  const wasIndexed = before?.indexedHash != null;
  // The index's own marker goes in with the record: a second UPDATE would rewrite the whole row.
  const indexedHash = n.state === 'deleted' ? null : text ? n.hash : (before?.indexedHash ?? null);
  const seen = o.seenFile ?? null; // left as it was when not given
  // No RETURNING: a statement with one runs as a sub-transaction, at whose end FTS5 writes its
  // pending words out as a segment of their own (3x the cost of a cold start's writes).
  const written = sql(
    `INSERT INTO notes(id, file, hash, summary_hash, state, due_at, revision, announced, info, summary, error, updated_at, indexed_hash, seen)
     VALUES (@id, @file, @hash, @summary_hash, @state, @due_at, @revision, @announced, @info, @summary, @error, @now, @indexed_hash, @seen)
     ON CONFLICT(id) DO UPDATE SET file = excluded.file, hash = excluded.hash, summary_hash = excluded.summary_hash,
       state = excluded.state, due_at = excluded.due_at, revision = excluded.revision, announced = excluded.announced,
       info = excluded.info, summary = excluded.summary, error = excluded.error, updated_at = excluded.updated_at,
       indexed_hash = excluded.indexed_hash, seen = coalesce(excluded.seen, notes.seen)`,
  ).run({
    id: n.id,
    file: n.file,
    hash: n.hash,
    summary_hash: n.summaryHash,
    state: n.state,
    due_at: n.dueAt,
    revision: n.revision,
    announced: n.announced ? 1 : 0,
    info: JSON.stringify(n.info),
    summary: n.summary ? JSON.stringify(n.summary) : null,
    error: n.error,
    now: Date.now(),
    indexed_hash: indexedHash,
    seen,
  });
  const rowid = before?.rowid ?? written.lastInsertRowid;
  if (n.state === 'deleted') {
    if (wasIndexed) dropSearchRows(sql, rowid);
  } else if (text) writeSearchRows(sql, rowid, text, wasIndexed);
}

export function notePlace(sql: Prepare, id: string): NotePlace | undefined {
  const r = sql('SELECT rowid, indexed_hash FROM notes WHERE id = ?').get(id) as { rowid: number; indexed_hash: string | null } | undefined;
  return r ? { rowid: r.rowid, indexedHash: r.indexed_hash } : undefined;
}
