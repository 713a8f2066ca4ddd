/**
 * The notes of many translation families in one query: deciding a chunk of a batch asked the store
 * for each note's family (`Store.familyNotes`), one query and every member's record parsed again per
 * note, a tenth of a cold start's main thread (issue 31). Read-only.
 */
import type { Prepare } from './db.js';
import { toNote, type NoteRecord } from './records.js';
import type { NoteRow } from './types.js';

/** Each of `keys` with its notes, any state, in the order `Store.familyNotes` gives them (by id); a key with none has an empty list. */
export function familiesOf(sql: Prepare, keys: Iterable<string>): Map<string, NoteRow[]> {
  const out = new Map<string, NoteRow[]>();
  for (const key of keys) out.set(key, []);
  if (!out.size) return out;
  // json_each hands the keys over as one parameter; the lookup still goes through the notes_family
  // index. No ORDER BY: its temporary b-tree left the process 8-13 MiB larger at idle after a
  // cold start of 10,000 notes (two runs each, load 11-15); each family is sorted here instead.
  const rows = sql("SELECT * FROM notes WHERE json_extract(info, '$.translationKey') IN (SELECT value FROM json_each(?))").all(JSON.stringify([...out.keys()])) as NoteRecord[];
  for (const r of rows) {
    const note = toNote(r);
    out.get(note.info.translationKey)?.push(note);
  }
  for (const members of out.values()) if (members.length > 1) members.sort(bySqliteId);
  return out;
}

/** SQLite's order of the `id` column (BINARY: its UTF-8 bytes), which UTF-16 order differs from past U+FFFF. */
function bySqliteId(a: NoteRow, b: NoteRow): number {
  return Buffer.compare(Buffer.from(a.id, 'utf8'), Buffer.from(b.id, 'utf8'));
}

/**
 * The family keys of the notes that write `written` as their key and are held under another (publish/family-redate.ts:
 * re-dated, they kept their family; or a second note of a language, on its own), by id. Any state: a removed note
 * announced before still holds its place. By the partial index notes_key_written.
 */
export function familiesHolding(sql: Prepare, written: string): string[] {
  const rows = sql("SELECT json_extract(info, '$.translationKey') AS key FROM notes WHERE json_extract(info, '$.keyAsWritten') = ? ORDER BY id").all(written) as { key: string }[];
  return rows.map((r) => r.key);
}

/**
 * Whether a note other than `exceptId` holds a place in the family `key` (publish/family-key.ts holdsSlot: live, or
 * announced before), by the notes_family index: one row at most, no record parsed. A key announced on its own must be
 * one no family holds (family-key.ts ownFamilyKey), asked only of a second note of a language.
 */
export function familyHeld(sql: Prepare, key: string, exceptId: string): boolean {
  return !!sql("SELECT 1 FROM notes WHERE json_extract(info, '$.translationKey') = ? AND id <> ? AND (announced = 1 OR state NOT IN ('deleted', 'error', 'draft')) LIMIT 1").get(key, exceptId);
}

/** Whether the store has no note record at all (a first start's batch then decides families from its own records: publish/family-reads.ts). */
export function noNotes(sql: Prepare): boolean {
  return !sql('SELECT 1 FROM notes LIMIT 1').get();
}
