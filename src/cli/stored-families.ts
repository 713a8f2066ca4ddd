/**
 * The translation families a state database keeps its notes in (issue 25, review finding: a database written before the
 * folder rule, publish/family-folder.ts, keeps the families its notes were announced in, since `start` keeps a note's
 * family while its written key and language stay (family-key.ts assignFamilyKey, `kept`), while `check`, reading files
 * alone, said the rule's grouping). Moving announced notes to other families would edit and delete messages the chats
 * show: `start` keeps the grouping, and `check` with the configured database says the one `start` keeps.
 */
import { existsSync } from 'node:fs';
import { StoreError } from '../errors.js';
import { Store } from '../store/store.js';

/** A note's stored family: its key, and the key and language it was written with (the family is kept while both stay). */
export interface StoredFamily {
  key: string;
  written: string;
  lang: string;
}

/** The families of the notes holding a place in one (live, or announced before), by note id; null with no database to read. */
export function storedFamiliesIn(file: string): Map<string, StoredFamily> | null {
  if (!existsSync(file)) return null;
  let store: Store;
  try {
    store = new Store(file, { check: true, busyTimeoutMs: 2000, readOnly: true });
  } catch (e) {
    if (e instanceof StoreError) return null; // said by databaseRefusal
    throw e;
  }
  try {
    const rows = store.sql(`SELECT id, json_extract(info, '$.translationKey') AS key, coalesce(json_extract(info, '$.keyAsWritten'), json_extract(info, '$.translationKey')) AS written,
                                   json_extract(info, '$.lang') AS lang FROM notes WHERE announced = 1 OR state NOT IN ('deleted', 'error', 'draft')`).all() as { id: string; key: string | null; written: string | null; lang: string | null }[];
    return new Map(rows.flatMap((r) => (r.key === null || r.written === null || r.lang === null ? [] : [[r.id, { key: r.key, written: r.written, lang: r.lang }] as const])));
  } finally {
    store.close();
  }
}

/**
 * The family `start` keeps `note` in where the database holds another than the rule gives (`ruled`): the stored one,
 * while the note's written key and language are those it was stored with; else undefined.
 */
export function keptFamily(stored: ReadonlyMap<string, StoredFamily> | null, note: { id: string; lang: string; translationKey: string }, ruled: string): string | undefined {
  const s = stored?.get(note.id);
  return s && s.key !== ruled && s.written === note.translationKey && s.lang === note.lang ? s.key : undefined;
}

/** The families `start` keeps `notes` in, by id: each stored one whose written key and language are still the note's (keptFamily's rule, whatever the folder rule gives). */
export function keptFamilies(stored: ReadonlyMap<string, StoredFamily> | null, notes: readonly { id: string; lang: string; translationKey: string }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of notes) {
    const s = stored?.get(n.id);
    if (s && s.written === n.translationKey && s.lang === n.lang) out.set(n.id, s.key);
  }
  return out;
}
