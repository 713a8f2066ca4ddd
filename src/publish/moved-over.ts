/**
 * A note moved over another announced note's file and edited in one step (`mv _posts/en/x.md _posts/ja/y.md` over
 * an announced `y`, then an edit; issue 25, the model's seed 501): the path's new content is the moved note by
 * README's identity rule (what the blog knows it by, and most of its body), and not the note the path held. Read as
 * that note edited in place (its title changed, its body still alike: notes of one template), the overwritten note's
 * messages were edited to show the moved note, which its own message showed already: one note twice in a chat, and
 * a message posted for one note showing another of its language.
 *
 * The path's own note is a candidate too, and by README's rule for two candidates the one that shares more is taken:
 * the path's note shares the path (its file name) by being there, so the moved note wins only by sharing something
 * the path's note does not (its title, or its URL) and everything it does. The notes' own word comes first: the path's
 * new content keeping an identity field of the path's note (`date`, `permalink`, `slug`, key, a tag: identity.ts) is
 * that note edited; keeping none of the moved note's while writing some is not the moved note.
 *
 * Such a path is held as a copy over a note is (kept-copies.ts `copiedOver`): the overwritten note's removal and the
 * moved note's wait the removal window together; released, the overwritten note is removed (`publish.onDelete`) and
 * the path read as new to the store, where rename-match.ts pairs it with the moved note's removal: its messages follow
 * it. Pure but for reading the store and stat-ing the candidates' files.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { identityEvidence, noteIdentitySchema, writtenIdentity, type NoteIdentity } from '../notes/identity.js';
import type { Store } from '../store/store.js';
import { notesKnownAs } from '../store/move-sources.js';
import type { NoteInfo, NoteRow } from '../store/types.js';
import type { ParseResult } from './parse-pool.js';
import type { PendingRemovals } from './removals.js';
import { sameNoteBy } from './rename-match.js';

export interface MovedOverDeps {
  store: Store;
  root: string;
}

/** A record's written identity, read from the store's JSON: absent or malformed, not known. */
function identityOf(info: NoteInfo): NoteIdentity | undefined {
  const parsed = noteIdentitySchema.safeParse(info.identity);
  return parsed.success ? parsed.data : undefined;
}

/** What a record's written identity and a content's say (identity.ts); a record from before identities were kept says nothing. */
function evidence(info: NoteInfo, said: NoteIdentity | undefined): 'kept' | 'changed' | 'none' {
  const recorded = identityOf(info);
  return recorded ? identityEvidence(recorded, said) : 'none';
}

/**
 * The notes whose file is gone, that the path's new content may be moved from: the pending removals (this batch's
 * and the window's), and known notes titled or addressed as the content whose file is gone, its removal not
 * reported yet (late-removals.ts reads a new file so).
 */
function goneCandidates(deps: MovedOverDeps, pending: PendingRemovals | undefined, at: string, title: string, url: string | undefined): Map<string, string> {
  const ids = new Map<string, string>(); // file → note id
  for (const [rel, k] of pending?.entries() ?? []) if (rel !== at && k.state !== 'deleted') ids.set(rel, k.id);
  for (const [rel, k] of notesKnownAs(deps.store.sql, title, url)) {
    if (rel !== at && !ids.has(rel) && !existsSync(path.join(deps.root, rel))) ids.set(rel, k.id);
  }
  return ids;
}

/**
 * The file of the note that `r`, read at the announced note `prev`'s path, is that note moved over it (see above);
 * undefined when it is `prev` edited (or no note's). `pending`: the removals waiting.
 */
export function movedOverFrom(deps: MovedOverDeps, pending: PendingRemovals | undefined, r: ParseResult | undefined, prev: NoteRow): string | undefined {
  if (!r?.ok || prev.hash === r.note.hash) return undefined;
  const said = writtenIdentity(r.note.frontMatter);
  if (evidence(prev.info, said) === 'kept') return undefined; // the content keeps the path's note's date, permalink…
  const added = { rel: r.note.file, note: r.note, body: r.body };
  // What the content shares with the path's note beyond the path itself (its file name is the path's).
  const own = new Set((sameNoteBy({ rel: prev.file, info: prev.info }, added) ?? []).filter((kind) => kind !== 'name'));
  for (const [rel, id] of goneCandidates(deps, pending, prev.file, r.note.title, r.note.url)) {
    const row = deps.store.getNote(id);
    if (!row || row.id === prev.id || row.state === 'deleted' || row.info.copyOf) continue;
    if (evidence(row.info, said) === 'changed') continue;
    const shared = new Set(sameNoteBy({ rel, info: row.info }, added) ?? []);
    if ([...own].every((kind) => shared.has(kind)) && [...shared].some((kind) => kind !== 'name' && !own.has(kind))) return rel;
  }
  return undefined;
}
