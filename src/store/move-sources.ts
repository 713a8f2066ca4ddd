/**
 * Known notes a file new to the store may have been moved from (publish/late-removals.ts): not
 * deleted, and sharing its content digest or its translation key as written (a second note of one
 * language in a family keeps `key#file`). Both by index, so a save's batch costs the same whatever
 * the number of notes.
 */
import type { Prepare } from './db.js';
import { toKnown, type KnownNote, type KnownRecord } from './records.js';
import type { NoteInfo } from './types.js';

export function notesSharing(sql: Prepare, hash: string, key: string): Map<string, KnownNote> {
  const rows = sql(
    `SELECT id, file, hash, state, error IS NOT NULL AS has_error, seen FROM notes
      WHERE state != 'deleted' AND (hash = ? OR json_extract(info, '$.translationKey') = ?
        OR json_extract(info, '$.translationKey') BETWEEN ? AND ?)`,
  ).all(hash, key, `${key}#`, `${key}#\u{10FFFF}`) as KnownRecord[];
  return new Map(rows.map((r) => [r.file, toKnown(r)]));
}

/**
 * Deleted notes whose messages were kept (`onDelete: keep`, announced) with exactly this content: a
 * file new to the store with it is that note brought back under another name (issue 25, finding 5).
 */
export function keptDeletedNotes(sql: Prepare, hash: string): Map<string, KnownNote> {
  const rows = sql(
    `SELECT id, file, hash, state, error IS NOT NULL AS has_error, seen FROM notes
      WHERE hash = ? AND state = 'deleted' AND announced = 1`,
  ).all(hash) as KnownRecord[];
  return new Map(rows.map((r) => [r.file, toKnown(r)]));
}

/** A known note found by what readers know it by, with its record's info (its body's sketch decides: publish/rename-match.ts). */
export interface NoteKnownAs {
  file: string;
  known: KnownNote;
  info: NoteInfo;
}

/**
 * Known, not deleted notes with this title or this URL: a file new to the store, edited while it
 * moved, shares neither content nor key with the note it was, but the rename evidence pairs them by
 * these (publish/late-removals.ts `movedAwayAlike`). By index (notes_title, notes_url).
 */
export function notesKnownAs(sql: Prepare, title: string, url: string | undefined): NoteKnownAs[] {
  const rows = sql(
    `SELECT id, file, hash, state, error IS NOT NULL AS has_error, seen, info FROM notes
      WHERE state != 'deleted' AND (json_extract(info, '$.title') = ? OR json_extract(info, '$.url') = ?)`,
  ).all(title, url ?? null) as (KnownRecord & { info: string })[];
  return rows.map((r) => ({ file: r.file, known: toKnown(r), info: JSON.parse(r.info) as NoteInfo }));
}
