/**
 * Copies kept back (issue 25: the copy chain with pauses, and the tester's findings on the first try).
 *
 * `cp p3.md p4.md; cp p2.md p3.md; rm p2.md`, each its own batch past the removal window, shifts a
 * series by one. Taken as it came, p4 was announced as a new note (Part Two posted twice), p3's
 * message edited to Part One and p2's kept (Part One shown twice). When p4 appears nothing says p3
 * will move on, so p4 cannot be decided then: it waits, with no time limit, for its original.
 *
 * The rule. A file new to the store (or never announced) whose exact content an announced, published
 * note of the same language has, while that note's file still holds it and every chat that would get
 * the new file already shows that note, is a copy kept back: nothing new would reach any chat. It is
 * recorded (`info.copyOf`, not announced), logged ("copy kept back") and listed by `status`. A copy
 * into another language folder, or routed to a chat the original does not reach, is a new note as
 * before (kept back, it could hide what that chat or family should show).
 * A note the same batch moves or edits has, for this rule, the content the batch gives it, not its record's
 * (`contentsDecided`): the move is a move, and a copy is kept back only where no move explains the file.
 *
 * What is stored: only the copy's own record. Whether its claim is due is read from the records and
 * the files each time (`dueCopies`), never from memory, so the service seeing a change live, a start's
 * scan after a stop or a kill -9, and a later `sync --once` all decide alike.
 *
 * When the claim is taken: in the batch that sees its original change, however that batch comes:
 * - the original's file holds other content (an edit, `cp p2.md p3.md`): the copy is read in that batch
 *   as a file new to the store, as if it had been written in it; the one-batch rules decide
 *   (rename-chain.ts: the original's note moves to where its content is, the copy; what its old path
 *   holds now is another note, announced or itself a copy, as p3 holding Part One is of p2);
 * - the original's file is gone and its removal is about to be applied, the removal window over and
 *   no move found for it (`releaseHeld`, before `applyRemovals`): the copy is read as new then, and the
 *   pending removal with its content makes it a rename (rename-match.ts): the messages follow the copy.
 *   Not at once: a move of the original within the window is the better explanation, and taking the
 *   copy first would make that move ambiguous. Not above `watch.removalThreshold` (a branch switch).
 * One copy a note at a time; the others stay copies of whichever note holds the content then.
 *
 * When the claim is dropped: the copy's text changes (it is a note of its own: announced, once, as a
 * never-announced note is, decide.ts); the copy's file goes (its record is dropped, not kept as
 * `deleted`: nothing of it was shown, and a stale record would be read again or matched later); or
 * no announced note holds its content any more (a change missed by every path above): it is read
 * again with the next batch and announced, rather than kept back for nothing.
 *
 * The tester's scenarios: the chain above ends p3 → Part One (p2's message), p4 → Part Two (p3's),
 * nothing posted again; the original removed or edited while stopped, killed or between `sync --once`
 * runs is seen by the next start's scan (the edit: a listed file whose content changed; the removal:
 * a pending removal at the window's end) exactly as live; a deleted copy leaves no record; an identical
 * copy into another language folder is a translation, announced, never a copy.
 *
 * The cost, chosen: a copy is a move waiting to happen. A copy made as a backup, then the original
 * edited, reads as `cp` and an edit in one batch always did (rename-chain.ts): the message follows the
 * unchanged copy and the edited original is announced as a new note. A copy made to start a new note
 * is edited first in practice: then it is announced, once.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/schema.js';
import type { Logger } from '../log.js';
import { readNoteTextSync, toRelPath } from '../notes/read.js';
import { dropKeptCopy, isKeptCopy, keptCopies, notesWithContent } from '../store/kept-copies.js';
import type { KnownNote, Store } from '../store/store.js';
import { targetKey, type NoteRow } from '../store/types.js';
import type { Batch } from '../watch/batch.js';
import type { Decision } from './decide.js';
import type { ParseResult } from './parse-pool.js';
import type { PendingRemovals } from './removals.js';
import { routeTargets } from './route.js';

export interface CopyDeps {
  store: Store;
  root: string;
  config: Config;
  platforms: ReadonlySet<string>;
  log: Logger;
  read: { maxBytes: number };
  onRemoved?: ((id: string) => void) | undefined;
}

/** The content digest of a note file now, or undefined if it is gone or cannot be read. */
function hashOnDisk(deps: CopyDeps, rel: string): string | undefined {
  try {
    return readNoteTextSync(deps.root, path.join(deps.root, rel), rel, deps.read.maxBytes).hash;
  } catch {
    return undefined;
  }
}

/**
 * The content each note of a chunk is given by it, by note id (`keepBackCopy`'s `decided`). Until the chunk is
 * committed, a note renamed in it has its new id but its old path's record: the path it left and the content
 * it had there. Issue 25, split bursts meeting copies kept back: `mv ja/intro.md setup-ja.md` and a new
 * ja/intro.md alike to it, ja/intro.md handed over a batch first (recent-edits.ts), left its record holding the
 * new ja/intro.md's content; the next batch moved the note to setup-ja.md and read the new ja/intro.md as a copy
 * of that stale record, kept back: never announced. The move is a move; a copy is kept back only where no move
 * explains the file.
 */
export function contentsDecided(parsed: readonly ParseResult[]): ReadonlyMap<string, string> {
  return new Map(parsed.flatMap((r) => (r.ok ? [[r.note.id, r.note.hash] as const] : [])));
}

/**
 * A note about to be announced for the first time whose content is already shown by another note to every chat
 * that wants it: recorded as its copy, kept back. `decided`: the content the chunk gives its notes
 * (`contentsDecided`): an original among them has that content after the chunk, whatever its record says now.
 */
export function keepBackCopy(deps: CopyDeps, d: Decision, prev: NoteRow | undefined, decided: ReadonlyMap<string, string>): Decision {
  if (d.action.type !== 'announce' || prev?.announced) return d;
  const { store, config, platforms } = deps;
  // The chats are read only once a note with this content is found: most new notes have none (one indexed query).
  let subs: ReturnType<Store['subscriptions']> | undefined;
  const wanting = (info: NoteRow['info']) => new Set(routeTargets(info, config.routes, (subs ??= store.subscriptions()), platforms).map(targetKey));
  for (const o of notesWithContent(store.sql, d.row.hash, d.row.info.lang, d.row.id)) {
    const original = store.getNote(o.id);
    if (!original || (decided.get(o.id) ?? hashOnDisk(deps, o.file)) !== d.row.hash) continue; // the original moved on already: its change is being decided
    const shown = wanting(original.info);
    if (![...wanting(d.row.info)].every((t) => shown.has(t))) continue;
    deps.log.info({ file: d.row.file, copyOf: o.file }, `copy kept back: ${d.row.file} has exactly the content of ${o.file}, which its chats show already; announced once its text differs, or it takes ${o.file}'s messages if that one changes or goes`);
    const row = { ...d.row, announced: false, revision: prev?.revision ?? 0, info: { ...d.row.info, copyOf: o.id } };
    return { row, action: { type: 'none', why: `a copy of ${o.file}, kept back` } };
  }
  return d;
}

/**
 * The copies whose claim is due in this batch (see the design above), files to read as new to the
 * store: their original's file, listed in the batch, holds other content now; or (`pending`, the
 * removal window's end) their original's file is gone and waits to be removed; or no announced note
 * holds their content any more.
 */
function dueCopies(deps: CopyDeps, listed: ReadonlySet<string>, removed: ReadonlySet<string>, pending: PendingRemovals | undefined): string[] {
  const due: string[] = [];
  const taken = new Set<string>(); // one copy a note
  const windowEnds = pending !== undefined && pending.size <= deps.config.watch.removalThreshold;
  for (const c of keptCopies(deps.store.sql)) {
    if (removed.has(c.file) || !existsSync(path.join(deps.root, c.file))) continue; // going: dropped with its removal
    const originals = notesWithContent(deps.store.sql, c.hash, c.lang ?? '', c.id);
    const moved = originals.find((o) => (listed.has(o.file) && existsSync(path.join(deps.root, o.file)) && hashOnDisk(deps, o.file) !== c.hash) || (windowEnds && pending?.has(o.file) === true && !existsSync(path.join(deps.root, o.file))));
    const key = moved?.id ?? (originals.length ? undefined : `none:${c.hash}`);
    if (key === undefined || taken.has(key)) continue;
    taken.add(key);
    due.push(c.file);
  }
  return due;
}

/**
 * A batch's files, each once, with the copies whose claim is due added, and a lookup that knows
 * those copies as files new to the store (so rename detection may find their original's note moved
 * there). `pending`: given at the removal window's end (Publisher.releaseHeld).
 */
export function withDueCopies(deps: CopyDeps, batch: Batch, known: (rel: string) => KnownNote | undefined, pending?: PendingRemovals): { files: string[]; known: (rel: string) => KnownNote | undefined } {
  const files = [...new Set(batch.changed)]; // a note listed twice would be decided twice: announced twice
  const listed = new Set(files.map((abs) => toRelPath(deps.root, abs)));
  const due = dueCopies(deps, listed, new Set(batch.removed.map((abs) => toRelPath(deps.root, abs))), pending);
  for (const rel of due) if (!listed.has(rel)) files.push(path.join(deps.root, rel));
  const hidden = new Set(due);
  return { files, known: hidden.size ? (rel) => (hidden.has(rel) ? undefined : known(rel)) : known };
}

/** Of removals about to be applied, the copies kept back: their records dropped (the claim dies with the file); the rest returned. */
export function dropGoneCopies(deps: CopyDeps, rels: readonly string[], known: (rel: string) => KnownNote | undefined): string[] {
  return rels.filter((rel) => {
    const id = known(rel)?.id;
    if (id === undefined || !isKeptCopy(deps.store.sql, id)) return true;
    dropKeptCopy(deps.store.sql, id);
    deps.log.info({ file: rel }, 'copy kept back removed: its record dropped');
    deps.onRemoved?.(id);
    return false;
  });
}
