/**
 * Known notes a file new to the store may have been moved from (publish/late-removals.ts): not
 * deleted, and sharing its content digest or its translation key as written (a second note of one
 * language in a family keeps `key#file`). Both by index, so a save's batch costs the same whatever
 * the number of notes.
 */
import { z } from 'zod';
import type { Prepare } from './db.js';
import { DATE_PREFIX } from '../notes/url.js';
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
 * `bare`: the digest of its text without controls (notes/bare-text.ts, as copies are compared: controls never change
 * what a message shows), matched with each note's own (its `bareHash`, else `hash`); both by index (notes_bare_hash, notes_hash).
 */
export function keptDeletedNotes(sql: Prepare, bare: string): Map<string, KnownNote> {
  const rows = sql(
    `SELECT id, file, hash, state, error IS NOT NULL AS has_error, seen FROM notes
      WHERE state = 'deleted' AND announced = 1 AND ((hash = ? AND json_extract(info, '$.bareHash') IS NULL) OR json_extract(info, '$.bareHash') = ?)`,
  ).all(bare, bare) as KnownRecord[];
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

/**
 * Known, not deleted notes whose file is `rel` behind another date prefix in the same folder
 * (`_posts/2025-11-07-x.md` for `_posts/2025-11-08-x.md`): a re-dated post keeps its name without
 * the date (publish/rename-match.ts), which its key and its title may not say. By the notes_file
 * index: the range of the folder's files that start with a digit, then matched by GLOB.
 */
export function notesRedated(sql: Prepare, rel: string): Map<string, KnownNote> {
  const slash = rel.lastIndexOf('/') + 1;
  const dir = rel.slice(0, slash), undated = rel.slice(slash).replace(DATE_PREFIX, '');
  if (undated === rel.slice(slash)) return new Map();
  const literal = (s: string) => s.replace(/[*?[]/g, '[$&]'); // GLOB's special characters, each matched as itself
  const rows = sql(
    `SELECT id, file, hash, state, error IS NOT NULL AS has_error, seen FROM notes
      WHERE state != 'deleted' AND file >= ? AND file < ? AND file GLOB ?`,
  ).all(`${dir}0`, `${dir}:`, `${literal(dir)}[0-9]*-${literal(undated)}`) as KnownRecord[];
  const sameName = (file: string) => file !== rel && !file.slice(slash).includes('/') && file.slice(slash).replace(DATE_PREFIX, '') === undated;
  return new Map(rows.filter((r) => sameName(r.file)).map((r) => [r.file, toKnown(r)]));
}

/** What a note is recognised by when a new file may be it moved (publish/rename-match.ts): its identities and its body's sketch. */
export type MoveEvidence = Pick<NoteInfo, 'title' | 'url' | 'translationKey' | 'keyAsWritten' | 'body' | 'copyOf'>;

const evidenceRow = z.tuple([z.string(), z.string().nullable(), z.string(), z.string().nullable(), z.object({ n: z.number(), mins: z.string() }).nullable(), z.string().nullable()]);

/**
 * A note's move evidence and whether it was announced, without the rest of its record (its summary is not read):
 * asked for each announced note a new file shares a name, title or URL with, which for a generic title is many.
 * Undefined for no such note, or a record whose info is not of that shape.
 */
export function moveEvidence(sql: Prepare, id: string): { announced: boolean; info: MoveEvidence } | undefined {
  const r = sql(`SELECT announced, json_extract(info, '$.title', '$.url', '$.translationKey', '$.keyAsWritten', '$.body', '$.copyOf') AS evidence FROM notes WHERE id = ?`).get(id) as { announced: number; evidence: string } | undefined;
  const parsed = r ? evidenceRow.safeParse(JSON.parse(r.evidence)) : undefined;
  if (!r || !parsed?.success) return undefined;
  const [title, url, translationKey, keyAsWritten, body, copyOf] = parsed.data;
  return { announced: r.announced === 1, info: { title, url: url ?? undefined, translationKey, keyAsWritten: keyAsWritten ?? undefined, body: body ?? undefined, copyOf: copyOf ?? undefined } };
}

/** A note's content as copies compare it: the digest of its text without controls (its `bareHash`, else `hash`). */
export function bareContentOf(sql: Prepare, id: string): string | undefined {
  const r = sql("SELECT coalesce(json_extract(info, '$.bareHash'), hash) AS bare FROM notes WHERE id = ?").get(id) as { bare: string } | undefined;
  return r?.bare;
}
