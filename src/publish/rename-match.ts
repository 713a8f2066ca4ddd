/**
 * Which removed note a new note is, when a rename came with an edit (its content digest, which
 * removals.ts matches first, changed too). On a Jekyll blog a note keeps what readers know it by
 * across a rename: moved between folders (`_notes/en/` → `_posts/en/`) or re-dated
 * (`2025-11-07-x-en.md` → `2025-11-08-x-en.md`) it keeps its name without the date prefix (or the
 * `translationKey`/`ref` it writes); retitled, it keeps its file name; renamed, its title; with a
 * `permalink`, its URL. So a removed note and a new note of the same language are one note when
 * they share any of these, and each has no other candidate: two candidates are a delete and a new
 * note, never a guess.
 */
import type { Note } from '../notes/read.js';
import type { KnownNote } from '../store/store.js';
import type { NoteInfo, NoteRow } from '../store/types.js';
import type { ChangedFile } from './batch-read.js';
import type { ParseResult } from './parse-pool.js';
import type { PendingRemovals } from './removals.js';

/** A removal waiting to be acted on, with the store's record of its note. */
export interface RemovedNote {
  rel: string;
  id: string;
  info: NoteInfo;
}

/** A note new to the store in this batch, parsed. */
export interface AddedNote {
  rel: string;
  note: Note;
}

export interface RenameMatch<A extends AddedNote = AddedNote> {
  from: RemovedNote;
  to: A;
  /** The identities they share (`url`, `name`, `title`). */
  by: string[];
}

export interface RenameMatches<A extends AddedNote = AddedNote> {
  matches: RenameMatch<A>[];
  /** Notes that share an identity with more than one candidate: left a delete and a new note. */
  ambiguous: { file: string; candidates: string[] }[];
}

/** A Jekyll post's date prefix (`2025-11-08-`), which a re-dated post changes. */
const DATE_PREFIX = /^\d{4}-\d{1,2}-\d{1,2}-/;

interface Identity {
  lang: string;
  url?: string | undefined;
  /** The family key as written: `translationKey`/`ref`, or the file name without language suffix. */
  key: string;
  title: string;
}

function identities(n: Identity): Map<string, string> {
  const ids = new Map<string, string>();
  if (n.url) ids.set(`url\0${n.url}`, 'url');
  const name = n.key.replace(DATE_PREFIX, '');
  if (name) ids.set(`name\0${n.lang}\0${name}`, 'name');
  const title = n.title.trim().replace(/\s+/g, ' ');
  if (title) ids.set(`title\0${n.lang}\0${title}`, 'title');
  return ids;
}

function removedIdentity(r: RemovedNote): Identity {
  return { lang: r.info.lang, url: r.info.url, key: r.info.keyAsWritten ?? r.info.translationKey, title: r.info.title };
}

function addedIdentity(a: AddedNote): Identity {
  return { lang: a.note.lang, url: a.note.url, key: a.note.translationKey, title: a.note.title };
}

/** Pairs each removed note with the one new note it shares an identity with, when neither has another candidate. */
export function matchRenames<A extends AddedNote>(removed: readonly RemovedNote[], added: readonly A[]): RenameMatches<A> {
  const addedByIdentity = new Map<string, number[]>();
  const addedIds = added.map((a) => identities(addedIdentity(a)));
  addedIds.forEach((ids, i) => {
    for (const id of ids.keys()) addedByIdentity.set(id, [...(addedByIdentity.get(id) ?? []), i]);
  });
  // For each removal, the new notes it shares an identity with; and back.
  const forward = removed.map((r) => {
    const found = new Set<number>();
    for (const id of identities(removedIdentity(r)).keys()) for (const i of addedByIdentity.get(id) ?? []) found.add(i);
    return found;
  });
  const backward = added.map(() => new Set<number>());
  forward.forEach((found, r) => found.forEach((i) => backward[i]!.add(r)));

  const result: RenameMatches<A> = { matches: [], ambiguous: [] };
  forward.forEach((found, r) => {
    const from = removed[r]!;
    if (found.size > 1) result.ambiguous.push({ file: from.rel, candidates: [...found].map((i) => added[i]!.rel) });
    if (found.size !== 1) return;
    const i = [...found][0]!;
    if (backward[i]!.size !== 1) return;
    const fromIds = identities(removedIdentity(from));
    const by = [...addedIds[i]!].filter(([id]) => fromIds.has(id)).map(([, kind]) => kind);
    result.matches.push({ from, to: added[i]!, by });
  });
  backward.forEach((found, i) => {
    if (found.size > 1) result.ambiguous.push({ file: added[i]!.rel, candidates: [...found].map((r) => removed[r]!.rel) });
  });
  return result;
}

/** A removed note found again under a new name. */
export interface Rename {
  from: string;
  fromId: string;
  to: ChangedFile;
  by: string[];
}

/**
 * The renames among a chunk's changed files: a file new to the store whose content a pending
 * removal had, or, renamed and edited, whose identity one pending removal alone shares.
 */
export function findRenames(
  changed: readonly ChangedFile[],
  results: readonly ParseResult[],
  known: (rel: string) => KnownNote | undefined,
  pending: PendingRemovals,
  storedNote: (id: string) => NoteRow | undefined,
): { renames: Rename[]; ambiguous: RenameMatches['ambiguous'] } {
  const renames: Rename[] = [];
  const taken = new Set<string>();
  const added: (AddedNote & { change: ChangedFile })[] = [];
  changed.forEach((c, i) => {
    if (known(c.rel)) return;
    const byContent = pending.byHash(c.hash, taken);
    const r = results[i];
    if (byContent) {
      taken.add(byContent.rel);
      renames.push({ from: byContent.rel, fromId: byContent.known.id, to: c, by: ['content'] });
    } else if (r?.ok) added.push({ rel: c.rel, note: r.note, change: c });
  });
  if (!added.length) return { renames, ambiguous: [] };
  const removed: RemovedNote[] = [];
  for (const [rel, k] of pending.entries()) {
    const row = taken.has(rel) ? undefined : storedNote(k.id);
    if (row && row.state !== 'deleted') removed.push({ rel, id: k.id, info: row.info });
  }
  if (!removed.length) return { renames, ambiguous: [] };
  const { matches, ambiguous } = matchRenames(removed, added);
  for (const m of matches) renames.push({ from: m.from.rel, fromId: m.from.id, to: m.to.change, by: m.by });
  return { renames, ambiguous };
}
