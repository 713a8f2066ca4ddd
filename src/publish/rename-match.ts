/**
 * Which removed note a new note is, when a rename came with an edit (its content digest, which
 * removals.ts matches first, changed too). On a Jekyll blog a note keeps what readers know it by
 * across a rename: moved between folders (`_notes/en/` → `_posts/en/`) or re-dated
 * (`2025-11-07-x-en.md` → `2025-11-08-x-en.md`) it keeps its name without the date prefix (or the
 * `translationKey`/`ref` it writes; an `index.md` is named by its folder, a page bundle); retitled,
 * it keeps its file name; renamed, its title; with a `permalink`, its URL, whatever its language.
 * But a generic name (`index.md`), a series' slug re-dated or a title such as "Introduction" is shared
 * by unrelated notes too (issue 25, round 4): so a shared identity counts only with the bodies
 * substantially alike (BODY_ALIKE, notes/body-sketch.ts). A removed note and a new note are one note
 * when they share one of these and neither has a better candidate: one that shares more of them
 * (all the other's and one more). Candidates that share different things (one the name, another
 * the title) are a delete and a new note, never a guess.
 */
import type { Note } from '../notes/read.js';
import type { KnownNote } from '../store/store.js';
import { bareHash, type BodySketch, type NoteInfo, type NoteRow } from '../store/types.js';
import { bodyOverlap } from '../notes/body-sketch.js';
import { DATE_PREFIX } from '../notes/url.js';
import type { ChangedFile } from './batch-read.js';
import type { ParseResult } from './parse-pool.js';
import type { PendingRemovals } from './removals.js';
import { addLateRemovals, overwritten, type LateRemovalSource } from './late-removals.js';
import { bareContentOf, moveEvidence, notesSharing, type MoveEvidence } from '../store/move-sources.js';
import { chainRenames, freedPaths } from './rename-chain.js';
import { movedOffRetitled } from './moved-off-retitled.js';
import { newToStore } from './new-to-store.js';

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
  /** Its body's sketch (the parse result's: the note's body is not sent back from the parser's thread). */
  body: BodySketch;
}

export interface RenameMatch<A extends AddedNote = AddedNote> {
  from: RemovedNote;
  to: A;
  /** The identities they share (`url`, `name`, `title`). */
  by: string[];
}

export interface RenameMatches<A extends AddedNote = AddedNote> {
  matches: RenameMatch<A>[];
  /** Notes with more than one candidate and no best one: left a delete and a new note. */
  ambiguous: { file: string; candidates: string[] }[];
}

/**
 * How much of the smaller body's three-word runs the other must have for a shared name, title or
 * URL to count: a move plus an edit keeps most of them (the model's moved-and-edited note: 1.0);
 * unrelated notes of one template share a few (0.3 in the model); in 2,346 pairs of the corpus's notes
 * only a copy reached 0.6, translations of one post (sharing their code) 0.42–0.52, the rest under 0.4.
 */
export const BODY_ALIKE = 0.6;

interface Identity {
  rel: string;
  url?: string | undefined;
  /** The family key as written: `translationKey`/`ref`, or the file name without language suffix. */
  key: string;
  title: string;
}

/**
 * A title as identity: trimmed, its runs of white space one space, in one Unicode normal form (NFC: an editor on macOS
 * may write `é` decomposed) (held-rewrites.ts compares by it too).
 */
export const titleIdentity = (title: string): string => title.normalize('NFC').trim().replace(/\s+/g, ' ');

/** What a note is known by, kind → value; the language is not part of it (a move may change it). */
function identities(n: Identity): Map<string, string> {
  const ids = new Map<string, string>();
  // Names and URLs in one normal form (NFC): a file name comes as macOS (NFD) or Linux (as typed) wrote it (issue 25, F6).
  if (n.url) ids.set('url', n.url.normalize('NFC'));
  // Jekyll names a page bundle's index.md by its folder (`posts/go-tips/index.md` is go-tips).
  const key = n.key === 'index' ? (n.rel.split('/').at(-2) ?? '') : n.key;
  const name = key.normalize('NFC').replace(DATE_PREFIX, '');
  if (name) ids.set('name', name);
  const title = titleIdentity(n.title);
  if (title) ids.set('title', title);
  return ids;
}

/** What rename evidence reads of a removed note (or one whose file is still there: besideOriginal). */
type Evidence = { rel: string; id?: string; info: MoveEvidence };

function removedIdentity(r: Evidence): Identity {
  return { rel: r.rel, url: r.info.url, key: r.info.keyAsWritten ?? r.info.translationKey, title: r.info.title };
}

function addedIdentity(a: AddedNote): Identity {
  return { rel: a.rel, url: a.note.url, key: a.note.translationKey, title: a.note.title };
}

/** The removed note's stored sketch, when its record has a well-formed one (records before it have none: no content evidence). */
function storedSketch(r: Evidence): BodySketch | undefined {
  const b = r.info.body;
  return b && Number.isInteger(b.n) && typeof b.mins === 'string' ? b : undefined;
}

/**
 * Whether a removed note's body and a new note's are alike enough for a shared identity to count
 * (BODY_ALIKE); undefined when there is no evidence: a record without a sketch, or a body of no words.
 */
function bodiesAlike(removed: Evidence, body: BodySketch): boolean | undefined {
  const stored = storedSketch(removed);
  if (!stored?.n || !body.n) return undefined;
  return bodyOverlap(stored, body) >= BODY_ALIKE;
}

/**
 * matchRenames' rule for one pair: the identities a removed note and a new note share when their
 * bodies are alike (none when not: two notes); undefined when the record gives no evidence.
 * Also tells a deleted note brought back at its path from another note written there (replaced-deleted.ts).
 */
export function sameNoteBy(removed: Evidence, added: AddedNote): string[] | undefined {
  const alike = bodiesAlike(removed, added.body);
  if (!alike) return alike === undefined ? undefined : [];
  const addedIds = identities(addedIdentity(added));
  return [...identities(removedIdentity(removed))].filter(([kind, value]) => addedIds.get(kind) === value).map(([kind]) => kind);
}

/**
 * Whether a note's record is recognisable in a file's new content: its title kept, or most of its body
 * (BODY_ALIKE), the rule held-rewrites.ts tells an edit from a rewrite by. A swap whose last note was edited
 * (rename-chain.ts) needs it: a note moved over another and a new note at its old path look the same on disk.
 */
function recognisedIn(info: NoteInfo, note: Note, body: BodySketch): boolean {
  if (titleIdentity(info.title) === titleIdentity(note.title)) return true;
  const stored = storedSketch({ rel: '', info });
  return stored !== undefined && stored.n > 0 && body.n > 0 && bodyOverlap(stored, body) >= BODY_ALIKE;
}

/** The candidate that shares everything any other shares and more (or the only one); else undefined. */
function best(candidates: ReadonlyMap<number, Set<string>>): number | undefined {
  for (const [i, kinds] of candidates) {
    const beatsAll = [...candidates].every(([j, other]) => j === i || (other.size < kinds.size && [...other].every((k) => kinds.has(k))));
    if (beatsAll) return i;
  }
  return undefined;
}

/** Pairs each removed note with the new note that is its best candidate, when it is that note's best candidate too. */
export function matchRenames<A extends AddedNote>(removed: readonly RemovedNote[], added: readonly A[]): RenameMatches<A> {
  const addedIds = added.map((a) => identities(addedIdentity(a)));
  const removedIds = removed.map((r) => identities(removedIdentity(r)));
  // Candidates each way, with what they share, through an index (a branch switch renames thousands).
  const addedBy = new Map<string, number[]>();
  addedIds.forEach((ids, i) => {
    for (const [kind, value] of ids) {
      const id = `${kind}\0${value}`;
      addedBy.set(id, addedBy.get(id) ?? []).get(id)!.push(i);
    }
  });
  const forward = removedIds.map(() => new Map<number, Set<string>>());
  const backward = addedIds.map(() => new Map<number, Set<string>>());
  removedIds.forEach((ids, r) => {
    const alike = new Map<number, boolean>();
    const isAlike = (i: number) => alike.get(i) ?? alike.set(i, bodiesAlike(removed[r]!, added[i]!.body) === true).get(i)!;
    for (const [kind, value] of ids) {
      for (const i of addedBy.get(`${kind}\0${value}`) ?? []) {
        // A path's own note is no rename's source there: held (held-rewrites.ts), its new content was judged another note's.
        if (removed[r]!.rel === added[i]!.rel || !isAlike(i)) continue;
        forward[r]!.set(i, (forward[r]!.get(i) ?? new Set()).add(kind));
        backward[i]!.set(r, forward[r]!.get(i)!);
      }
    }
  });
  const result: RenameMatches<A> = { matches: [], ambiguous: [] };
  forward.forEach((found, r) => {
    const i = best(found);
    if (i === undefined) {
      if (found.size > 1) result.ambiguous.push({ file: removed[r]!.rel, candidates: [...found.keys()].map((j) => added[j]!.rel) });
      return;
    }
    if (best(backward[i]!) !== r) return;
    result.matches.push({ from: removed[r]!, to: added[i]!, by: [...found.get(i)!] });
  });
  backward.forEach((found, i) => {
    if (found.size > 1 && best(found) === undefined) result.ambiguous.push({ file: added[i]!.rel, candidates: [...found.keys()].map((r) => removed[r]!.rel) });
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

type Found = {
  renames: Rename[];
  ambiguous: RenameMatches['ambiguous'];
  /** For a file new to the store that no rename explains: the announced note it may be moved from whose file is still there, if any (`besideOriginal`). */
  original?: (c: ChangedFile, r: ParseResult | undefined) => string | undefined;
};

/**
 * The renames among a chunk's changed files: a file new to the store whose content a pending
 * removal had, or, renamed and edited, whose identity one pending removal best shares. Removals
 * not reported yet count too (late-removals.ts); one that is no rename leaves the pending ones
 * again, to wait for its own event (and the removal guard's count) as any removal does.
 */
export function findRenames(
  changed: readonly ChangedFile[],
  results: readonly ParseResult[],
  known: (rel: string) => KnownNote | undefined,
  pending: PendingRemovals,
  source: LateRemovalSource,
  /** A retitled note whose edit in place joined the batch, read as it was before (retitled-edits.ts). */
  infoBefore?: (id: string) => NoteInfo | undefined,
): Found {
  const late = addLateRemovals(source, changed, results, known, pending);
  // A path a chain freed is read as new to the store: a removed note whose messages were kept, its exact content
  // now there, is that note brought back (a rotation saved a file at a time: rotation-slow-saves.test.ts).
  const freedRead = (c: ChangedFile, i: number) => late.added.push(...addLateRemovals(source, [c], results.slice(i, i + 1), () => undefined, pending).added);
  const storedNote = (id: string) => {
    const row = source.store.getNote(id), info = infoBefore?.(id);
    return row && info ? { ...row, info } : row;
  };
  const found = renamesAmong(changed, results, known, pending, storedNote, movedInLate(source, changed), freedRead);
  const renamed = new Set(found.renames.map((r) => r.from));
  for (const rel of late.added) if (!renamed.has(rel)) pending.delete(rel);
  const original = (c: ChangedFile, r: ParseResult | undefined) => {
    const file = besideOriginal(source, late.stillThere.get(c.rel) ?? [], c, r);
    if (file) source.log?.info({ file: c.rel, original: file }, `${c.rel} waits the removal window: it is ${file} moved and edited if ${file} is removed meanwhile (an editor that deletes the old file last), else a note of its own, announced then`);
    return file;
  };
  return { ...found, original };
}

/**
 * Issue 25, write-then-delete editors: a moved-and-edited note written at its new path while its old file is still
 * there (deleted a quiet period or more later). The new file shares what the blog knows an announced note by (its
 * name, title or URL: sameNoteBy) and most of its body, and that note's file holds other content: that note, if its
 * file goes within the removal window; else a note of its own (an edited copy kept beside its original). Returns the
 * original's file; the caller holds the new file for the window (held-rewrites.ts). An exact copy is not one of these
 * (kept-copies.ts keeps it back), one writing controls of its own included. A draft is (tester 23-1 F7's class): which note it is does not depend on whether it
 * is posted; not held, the original's removal kept its message and the draft, undrafted, was posted a second time.
 */
function besideOriginal(source: LateRemovalSource, candidates: readonly [string, KnownNote][], c: ChangedFile, r: ParseResult | undefined): string | undefined {
  if (!r?.ok) return undefined;
  const copy = r.note.bareHash ?? r.note.hash;
  for (const [file, k] of candidates) {
    // An exact copy, its controls aside (notes/bare-text.ts): kept-copies.ts's.
    if (k.hash === c.hash || k.state !== 'published' || bareContentOf(source.store.sql, k.id) === copy) continue;
    const evidence = moveEvidence(source.store.sql, k.id); // not the whole record: a generic title is shared by many
    if (!evidence?.announced || evidence.info.copyOf) continue;
    if (sameNoteBy({ rel: file, info: evidence.info }, { rel: c.rel, note: r.note, body: r.body })?.length) return file;
  }
  return undefined;
}

/**
 * Whether a changed file may be a note renamed here: a path new to the store (new-to-store.ts: a deleted
 * note's whose content is not that note's among them; the same content back is that note returning). Left out, a note moved and edited onto a deleted note's path was taken for the deleted
 * note back (the model's MODEL_SEED=311); it still is unless a removal matches it as a rename.
 * Or a path whose note was rewritten beyond recognition and waits with the removals (held-rewrites.ts):
 * a removed note moved over it (`mv setup.md a/setup.md`, the split-burst property's seed 42), the note
 * it held overwritten (rename-apply.ts sets it aside; its removal is decided as any other's).
 */
function mayBeRenamedHere(k: KnownNote | undefined, c: ChangedFile, pending: PendingRemovals): boolean {
  return newToStore(k, c) || (k !== undefined && k.hash !== c.hash && pending.has(c.rel));
}

/**
 * Whether a changed file holds exactly the content of a known note outside the chunk whose own file holds
 * other content now: that note moved here, the rest of its burst (its old path's change) not reported yet,
 * as late-removals.ts reads a new file. A rotation split over two batches (`mv a t; mv b a; mv c b; mv t c`,
 * a.md and b.md reported first: split-bursts.test.ts, the removal window over between them) leaves b.md
 * with c's content, a swap with an edit seen in part; a new note at b.md (the tester's Durian) is nobody's.
 */
function movedInLate(source: LateRemovalSource, changed: readonly ChangedFile[]): (at: ChangedFile) => boolean {
  const inChunk = new Set(changed.map((c) => c.rel));
  return (at) => [...notesSharing(source.store.sql, at.hash, '')].some(([file, k]) => k.hash === at.hash && !inChunk.has(file) && overwritten(source, file, k));
}

/**
 * A kept deleted note (`onDelete: keep`, added by late-removals.ts) whose text without controls the new file holds: that
 * note brought back (README: a file later given exactly a removed note's content is that note moved there), controls
 * written or changed on the way (notes/bare-text.ts: they never change what a message shows). By bytes, it was a new note
 * posted beside the kept message showing its text.
 */
function keptByText(pending: PendingRemovals, taken: ReadonlySet<string>, r: ParseResult | undefined, storedNote: (id: string) => NoteRow | undefined): { rel: string; known: KnownNote } | undefined {
  if (!r?.ok) return undefined;
  const text = r.note.bareHash ?? r.note.hash;
  for (const [rel, known] of pending.entries()) {
    const row = known.state === 'deleted' && !taken.has(rel) ? storedNote(known.id) : undefined;
    if (row && bareHash(row) === text) return { rel, known };
  }
  return undefined;
}

function renamesAmong(
  changed: readonly ChangedFile[],
  results: readonly ParseResult[],
  known: (rel: string) => KnownNote | undefined,
  pending: PendingRemovals,
  storedNote: (id: string) => NoteRow | undefined,
  movedIn: (at: ChangedFile) => boolean,
  freedRead: (c: ChangedFile, i: number) => void,
): Found {
  const taken = new Set<string>();
  const resultAt = new Map(changed.map((c, i) => [c.rel, results[i]]));
  // Evidence that the chain's last note is at `at`: recognisable there, or `at` holds a note moved in from outside the chunk (not a new note).
  const recognised = (id: string, at: ChangedFile) => {
    const row = storedNote(id);
    const r = resultAt.get(at.rel);
    return (row !== undefined && r?.ok === true && recognisedIn(row.info, r.note, r.body)) || movedIn(at);
  };
  // Chains first: their paths are taken, their removals explained (rename-chain.ts); then notes moved, edited, off a retitled path (moved-off-retitled.ts).
  // A rotation's note edited on its way: the changed file that is it by the identity rule (README, renames).
  const sameNoteAt = (id: string, at: ChangedFile) => {
    const row = storedNote(id);
    const r = resultAt.get(at.rel);
    return row !== undefined && r?.ok === true && (sameNoteBy({ rel: '', info: row.info }, { rel: at.rel, note: r.note, body: r.body })?.length ?? 0) > 0;
  };
  const chained = chainRenames(changed, known, pending, taken, recognised, sameNoteAt);
  const retitled = movedOffRetitled(changed, results, known, new Set(chained.flatMap((l) => [l.from, l.to.rel])), { storedNote, sameTitle: (a, b) => titleIdentity(a) === titleIdentity(b), shared: (row, at) => sameNoteBy({ rel: '', info: row.info }, { rel: at.rel, note: at.result.note, body: at.result.body }) });
  const links = [...chained, ...retitled];
  const renames: Rename[] = [...chained.map((l) => ({ ...l, by: ['content'] })), ...retitled.map((l) => ({ ...l, by: ['title'] }))];
  const inChain = new Set(renames.map((r) => r.to.rel));
  // A path a chain's first note left holds a new note: it may still be a removed note renamed there.
  const freed = freedPaths(links);
  const added: (AddedNote & { change: ChangedFile })[] = [];
  changed.forEach((c, i) => {
    if (freed.has(c.rel)) {
      c.known = false;
      freedRead(c, i);
    } else if (inChain.has(c.rel) || !mayBeRenamedHere(known(c.rel), c, pending)) return;
    const r = results[i];
    const byContent = pending.byHash(c.hash, taken) ?? keptByText(pending, taken, r, storedNote);
    if (byContent) {
      taken.add(byContent.rel);
      renames.push({ from: byContent.rel, fromId: byContent.known.id, to: c, by: ['content'] });
    } else if (r?.ok) added.push({ rel: c.rel, note: r.note, body: r.body, change: c });
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

/**
 * The order a chunk's notes are decided in: renamed notes first, in the order their renames were
 * applied (a chain's end first), then the rest by path (not as the watcher reported them: which of two
 * same-named notes holds the key's family, and so each family's key, is then one of the tree, issue 25). A renamed note's record keeps its old family
 * key until it is decided, so a note decided before it would still find it holding its old place:
 * in `mv part-2.md part-3.md; mv part-1.md part-2.md` part-2 found part-3 holding `part-2` (a
 * same-language conflict, logged), and in `mv y-ja.md z-ja.md; mv x-ja.md y-ja.md` x's translation
 * could not join y. Decided in this order, each family is what the moves made one at a time make it.
 */
export function decideOrder(changed: readonly ChangedFile[], renames: readonly Rename[]): number[] {
  const at = new Map(changed.map((c, i) => [c.rel, i]));
  const first = renames.map((r) => at.get(r.to.rel)).filter((i): i is number => i !== undefined);
  const renamed = new Set(first);
  const rest = changed.map((_, i) => i).filter((i) => !renamed.has(i));
  return [...first, ...rest.sort((a, b) => (changed[a]!.rel < changed[b]!.rel ? -1 : changed[a]!.rel > changed[b]!.rel ? 1 : a - b))];
}
