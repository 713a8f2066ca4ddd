/**
 * Known notes a file new to the store may have been moved from (publish/late-removals.ts): not
 * deleted, and sharing its content digest or its translation key as written (a second note of one
 * language in a family keeps `key#file`). Both by index, so a save's batch costs the same whatever
 * the number of notes.
 */
import type { Prepare } from './db.js';
import { toKnown, type KnownNote, type KnownRecord } from './records.js';

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

/**
 * Known, not deleted notes with this title or URL: a file new to the store, moved and edited at
 * once, shares neither content nor key with the note it was, but the rename evidence pairs them by
 * these (publish/late-removals.ts, rename-match.ts). By index (notes_title, notes_url).
 */
export function notesKnownAs(sql: Prepare, title: string, url: string | undefined): Map<string, KnownNote> {
  const rows = sql(
    `SELECT id, file, hash, state, error IS NOT NULL AS has_error, seen FROM notes
      WHERE state != 'deleted' AND (json_extract(info, '$.title') = ? OR json_extract(info, '$.url') = ?)`,
  ).all(title, url ?? null) as KnownRecord[];
  return new Map(rows.map((r) => [r.file, toKnown(r)]));
}
