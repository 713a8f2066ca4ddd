/**
 * A family is decided again, whole, while no chat has seen anything of it (issue 25: a family's key depended on how the
 * files arrived). `python/setup.md` and `rust/setup-ja.md` in one batch and `rust/setup.md` in the next made the
 * translation join Python's family (the only English `setup` then), and the Rust note one of its own; in one batch, or
 * the English notes first, the translation joins the Rust note beside it. While every delivery of the families of a
 * written key is a post still waiting (the translations' grace period, a platform refusing), their notes are decided
 * with the batch's notes of that key as if all were new and read together in path order, so the families are the
 * tree's, whatever the batching. A family of which anything may have reached a chat keeps its notes (family-key.ts,
 * the invariant there). Pure, but for what the store is asked.
 */
import path from 'node:path';
import type { Store } from '../store/store.js';
import { bareHash, type NoteRow } from '../store/types.js';
import { nothingSent, unsentFamilyKeys } from '../store/unsent-families.js';
import { FAMILY_PREFIX } from './family.js';
import type { FamilyMember, FamilyReads } from './family-reads.js';
import { isSetAside } from './rename-apply.js';

/** A note to decide: its id, file, key as written and language (and, read in the batch, its content's digests). */
export interface WrittenNote {
  id: string;
  file: string;
  translationKey: string;
  lang: string;
  hash?: string;
  bareHash?: string | undefined;
}

export interface Unsent {
  /** The families' notes as the store has them, the notes decided again left out (they are decided with the batch). */
  reads: FamilyReads;
  /** The notes decided again: the family each was given is not kept. */
  fresh: ReadonlySet<string>;
  /** Those of them the batch did not read, with their records, in path order. */
  stored: (WrittenNote & { row: NoteRow })[];
}

const writtenKey = (m: FamilyMember): string => m.info.keyAsWritten ?? m.info.translationKey;
const holdsPlace = (m: FamilyMember): boolean => m.announced || (m.state !== 'deleted' && m.state !== 'error' && m.state !== 'draft');

/**
 * The notes of the written keys of `chunk` whose families nothing was sent of (unsent-families.ts), each family taken
 * only when every note holding a place in it is a published one of that written key, not a held copy nor set aside,
 * and none of the chunk's notes is a copy of one of them (kept-copies.ts holds it as the copy of the one there first).
 */
export function unsentFamilies(store: Store, reads: FamilyReads, chunk: readonly WrittenNote[], firstStart = false): Unsent {
  const inChunk = new Set(chunk.map((n) => n.id)), fresh = new Set<string>(), stored: Unsent['stored'] = [];
  const contents = new Set(chunk.flatMap((n) => (n.hash === undefined ? [] : [n.bareHash ?? n.hash])));
  const folders = foldersByKey(chunk);
  for (const [written, inFolders] of folders) {
    const keys = firstStart ? firstStartFamilies(store, reads, written, inFolders) : unsentFamilyKeys(store.sql, FAMILY_PREFIX, written);
    for (const key of keys) {
      const members = store.familyNotes(key).filter(holdsPlace);
      const free = (m: NoteRow) => m.state === 'published' && !isSetAside(m.id) && m.info.copyOf === undefined && (inChunk.has(m.id) || (writtenKey(m) === written && !contents.has(bareHash(m))));
      if (!members.every(free)) continue;
      for (const m of members) {
        fresh.add(m.id);
        if (!inChunk.has(m.id)) stored.push({ id: m.id, file: m.file, translationKey: writtenKey(m), lang: m.info.lang, row: m });
      }
    }
  }
  stored.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { reads: fresh.size ? without(reads, fresh) : reads, fresh, stored };
}

/**
 * A first start's families of `written` (its records, read as the scan goes: family-reads.ts BatchRecords) that hold a
 * note in the folder of one of the chunk's notes of that key, nothing of them sent: a translation read in an earlier
 * chunk joined the family there was then, not the one of the note beside it read now (review rv32-a R1, the 500-file
 * chunk's boundary between them). The scan goes in path order, so only a note's own folder can be decided otherwise;
 * families elsewhere (a key every folder writes, `index`) are left as they are, and in memory but for nothingSent.
 * `folders`: those of the chunk's notes of that key (foldersByKey).
 */
function firstStartFamilies(store: Store, reads: FamilyReads, written: string, folders: ReadonlySet<string>): string[] {
  const near = (key: string) => reads.members(key).some((m) => folders.has(path.posix.dirname(m.id)));
  return [...new Set([written, ...reads.holding(written)])].filter((key) => near(key) && nothingSent(store.sql, `${FAMILY_PREFIX}${key}`));
}

/**
 * Each written key of `chunk` (in the order first met) with the folders of its notes there: one pass over the chunk.
 * Gathered per key instead, every key re-read the whole chunk, ~5 % of a cold start's main thread (issue 31).
 */
function foldersByKey(chunk: readonly WrittenNote[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const n of chunk) {
    const folders = out.get(n.translationKey);
    if (folders) folders.add(path.posix.dirname(n.id));
    else out.set(n.translationKey, new Set([path.posix.dirname(n.id)]));
  }
  return out;
}

/** `reads` with the notes of `out` left out of every family. */
function without(reads: FamilyReads, out: ReadonlySet<string>): FamilyReads {
  const keep = (ms: readonly FamilyMember[]) => ms.filter((m) => !out.has(m.id));
  return {
    families: (keys) => new Map([...reads.families(keys)].map(([k, ms]) => [k, keep(ms)])),
    members: (key) => keep(reads.members(key)),
    holding: (written) => [...new Set(reads.holding(written))].filter((k) => keep(reads.members(k)).some((m) => m.info.keyAsWritten === written)),
    held: (key, exceptId) => keep(reads.members(key)).some((m) => m.id !== exceptId && holdsPlace(m)),
    note: (id) => reads.note(id),
  };
}

/**
 * The order to decide a chunk's notes (`order`, indices of `files`) and `stored` in: each stored one before the first
 * of the chunk's whose path sorts after it (decideOrder sorts them by path, renamed notes first).
 */
export function inPathOrder<S extends { file: string }>(order: readonly number[], files: readonly { rel: string }[], stored: readonly S[]): (number | S)[] {
  if (!stored.length) return [...order];
  const out: (number | S)[] = [];
  let next = 0;
  for (const i of order) {
    for (; next < stored.length && stored[next]!.file < files[i]!.rel; next++) out.push(stored[next]!);
    out.push(i);
  }
  return [...out, ...stored.slice(next)];
}

/** The notes of `sequence` (inPathOrder's) in that order, read (`parsed`, those that could be) or stored: a family started for a note is named after the next of its folder to join it (family-folder.ts ownFamilyNamesake). */
export function writtenInOrder(sequence: readonly (number | WrittenNote)[], parsed: readonly ({ ok: true; note: WrittenNote } | { ok: false })[]): WrittenNote[] {
  return sequence.flatMap((i) => {
    if (typeof i !== 'number') return [i];
    const r = parsed[i]!;
    return r.ok ? [r.note] : [];
  });
}

/** A stored note decided again (`decide`: family-key.ts assignFamilyKey, fresh): its record under the new family, or none where that is the one it had. */
export function revisedRecord(s: { row: NoteRow; translationKey: string }, decide: (row: NoteRow) => NoteRow): { row: NoteRow; action: { type: 'none'; why: string }; prev: NoteRow }[] {
  const info = { ...s.row.info, translationKey: s.translationKey };
  delete info.keyAsWritten;
  const row = decide({ ...s.row, info });
  if (row.info.translationKey === s.row.info.translationKey) return [];
  return [{ row, action: { type: 'none', why: 'its family decided again with notes of its key read later, before anything of it was sent' }, prev: s.row }];
}
