/**
 * Copies kept back (issue 25: the copy chain with pauses, and the tester's findings on the first try).
 *
 * `cp p3.md p4.md; cp p2.md p3.md; rm p2.md`, each its own batch past the removal window, shifts a
 * series by one. Taken as it came, p4 was announced as a new note (Part Two posted twice), p3's
 * message edited to Part One and p2's kept (Part One shown twice). When p4 appears nothing says p3
 * will move on, so p4 cannot be decided then: it waits, with no time limit, for its original.
 *
 * The rule. A file new to the store (or never announced, or whose messages `onDelete: delete` took down)
 * whose exact content an announced, published note of the same language has, while that note's file
 * still holds it and every chat that would get the new file already shows that note, is a copy kept
 * back: nothing new would reach any chat. It is recorded (`info.copyOf`, not announced), logged
 * ("copy kept back") and listed by `status`. A copy
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
 * Three shapes decided later (issue 25, stop 41's open cases), each by what the chats show, once:
 * - A copy over an announced note whose content no other file holds (`cp b.md a.md`): a's note is gone
 *   and a.md is a copy of b, exactly as `rm a.md` and then `cp b.md a.md` a window apart: a's removal
 *   follows `onDelete` (keep: its message stays showing a, its record set aside as replaced-deleted.ts
 *   does; delete: the message goes and the copy takes the record over), and a.md is kept back. Taken
 *   as an edit of a, a's message was edited to b's text: b shown twice and a's message replaced, which
 *   no reader of either chat would call "each note once". It waits the removal window as a rewrite
 *   does (held-rewrites.ts): a's content turning up at another path meanwhile (`mv a.md c.md; cp b.md
 *   a.md`, a.md reported first) is a's move, and a.md is then a new file, a copy (`replaceCopiedOver`).
 * - A copy of a note whose change is not in its record yet (edited in the same chunk, or a rewrite held
 *   in the removal window): that note shows the new content once decided, so the copy is its copy
 *   (`contentsDecided` gives `keepBackCopy` the chunk's and the held files' contents). Before, the copy
 *   was posted and the original's message then edited to the same text.
 * - Two or more new files with one content in one chunk (neither announced before): the first by path
 *   is announced, the others kept back as its copies. A copy kept back is defined against an announced
 *   note, but how the watcher cuts a burst must not change what the chats show: `cp a.md b.md` a batch
 *   after a.md keeps b.md back, so both seen together (a start's scan after a stop, one burst) does too.
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
import { bareHashOf, noteIdOf, readNoteTextSync, toRelPath } from '../notes/read.js';
import { noteInfo } from '../notes/info.js';
import type { Note } from '../notes/read.js';
import { dropKeptCopy, isKeptCopy, keptCopies, notesWithContent } from '../store/kept-copies.js';
import { keptDeletedNotes } from '../store/move-sources.js';
import type { KnownNote, Store } from '../store/store.js';
import { bareHash, targetKey, type NoteInfo, type NoteRow } from '../store/types.js';
import type { Batch } from '../watch/batch.js';
import type { ChangedFile } from './batch-read.js';
import type { Decision } from './decide.js';
import type { ParseResult } from './parse-pool.js';
import type { PendingRemovals } from './removals.js';
import { applyRenames } from './rename-apply.js';
import { routeTargets } from './route.js';
import { movedOverFrom } from './moved-over.js';
import { familyPostId, familyTargets, liveMembers, type MemberRow } from './family.js';
import { NOTE_MESSAGES } from './family-copies.js';
import { sentMemberIn } from './family-follow.js';

export interface CopyDeps {
  store: Store;
  root: string;
  config: Config;
  platforms: ReadonlySet<string>;
  log: Logger;
  read: { maxBytes: number };
  onRemoved?: ((id: string) => void) | undefined;
}

/** The content of a note file now as copies compare it (its digest without controls), or undefined if it is gone or cannot be read. */
function hashOnDisk(deps: CopyDeps, rel: string): string | undefined {
  try {
    const { text, hash } = readNoteTextSync(deps.root, path.join(deps.root, rel), rel, deps.read.maxBytes);
    return bareHashOf(text).bareHash ?? hash;
  } catch {
    return undefined;
  }
}

/** A note of the chunk being decided, or a held rewrite (held-rewrites.ts): the content its file holds now, which its record may not say yet. */
interface FileNow {
  id: string;
  file: string;
  /** Its content as copies compare it: the digest without its controls (`bareHash`). */
  hash: string;
  /** Its info as the file holds it (a chunk's note), or as its record has it (a held rewrite, not parsed again). */
  info: () => NoteInfo;
  /** A rewrite held in an earlier batch: `hash` is what it was held with, its file read again when it matters. */
  held?: true;
}

/** What `keepBackCopy` knows beyond the store: the chunk's notes by id and by content, and the held rewrites. */
export interface CopyContext {
  byId: ReadonlyMap<string, FileNow>;
  byHash: ReadonlyMap<string, readonly FileNow[]>;
  /** The removals waiting: a note copied over whose original's file is gone and waits to be removed is that note moved (`mv b.md a.md`). */
  pending?: PendingRemovals | undefined;
}

/**
 * The content each note of a chunk is given by it, by note id, and the files held in the removal window
 * (`held`, relative paths) with their content now. Until the chunk is committed, a note renamed in it has its
 * new id but its old path's record: the path it left and the content it had there. Issue 25, split bursts
 * meeting copies kept back: `mv ja/intro.md setup-ja.md` and a new ja/intro.md alike to it, ja/intro.md handed
 * over a batch first (recent-edits.ts), left its record holding the new ja/intro.md's content; the next batch
 * moved the note to setup-ja.md and read the new ja/intro.md as a copy of that stale record, kept back: never
 * announced. The move is a move; a copy is kept back only where no move explains the file. A note edited in
 * this chunk, or held, shows its new content once decided: a copy of that content is a copy too.
 */
export function contentsDecided(deps: CopyDeps, parsed: readonly ParseResult[], held: readonly { rel: string; hash: string }[] = [], pending?: PendingRemovals): CopyContext {
  const byId = new Map<string, FileNow>();
  for (const { rel, hash } of held) {
    const row = deps.store.getNote(noteIdOf(rel));
    if (row) byId.set(row.id, { id: row.id, file: rel, hash, info: () => row.info, held: true });
  }
  for (const r of parsed) {
    if (r.ok) byId.set(r.note.id, { id: r.note.id, file: r.note.file, hash: r.note.bareHash ?? r.note.hash, info: () => noteInfo(r.note) });
    else shownDespiteError(deps, r.rel, byId);
  }
  const byHash = new Map<string, FileNow[]>();
  for (const f of byId.values()) byHash.set(f.hash, [...(byHash.get(f.hash) ?? []), f]);
  return { byId, byHash, pending };
}

/**
 * A note of the chunk whose file cannot be read now (bad front matter, past its parse budget) keeps its last good
 * state (Publisher.recordError): its messages show its record's content still, and a file holding exactly that is
 * its copy (issue 25, tester 18: b.md past its budget in a swap; a.md, holding b's content, taken as an edit of a
 * showed b twice).
 */
function shownDespiteError(deps: CopyDeps, rel: string, byId: Map<string, FileNow>): void {
  const row = deps.store.getNote(noteIdOf(rel));
  if (row?.file === rel && row.state === 'published' && messagesUp(deps, row) && !byId.has(row.id)) byId.set(row.id, { id: row.id, file: rel, hash: bareHash(row), info: () => row.info });
}

/** Whether a record's messages are up (announced, and not deleted or drafted with `onDelete: delete`, which took them down). */
function messagesUp(deps: CopyDeps, row: NoteRow | undefined): boolean {
  return !!row?.announced && !row.info.copyOf && (row.state === 'published' || deps.config.publish.onDelete === 'keep');
}

/**
 * The note already showing, to every chat that wants `row`, exactly `row`'s content, if any: an announced note
 * whose file holds that content (its record saying so, or this chunk or a held rewrite giving it), or, of new
 * files with one content in one chunk, the first by path (issue 25: two identical notes in one batch). The
 * outcome does not hang on how the watcher cut a burst: `cp a.md b.md` seen live a batch after a.md, or both
 * seen by one start's scan, keeps b.md back alike. `anyChats`: an announced note with that content, whatever chats
 * `row` would go to (copiedOver: whether a note was overwritten; goneToo: or whose file is gone, its removal pending or
 * its event not come yet, as late-removals.ts reads a new file).
 */
function originalOf(deps: CopyDeps, row: Pick<NoteRow, 'id' | 'file' | 'hash' | 'info'>, ctx: CopyContext, { goneToo = false, anyChats = false } = {}): { id: string; file: string } | undefined {
  const { store, config, platforms } = deps;
  // The chats are read only once a note with this content is found: most new notes have none (one indexed query).
  let subs: ReturnType<Store['subscriptions']> | undefined;
  const covers = (original: MemberRow, announced: boolean) => {
    if (anyChats) return true;
    const shown = chatsShowing(deps, original, announced, (subs ??= store.subscriptions()));
    return routeTargets(row.info, config.routes, subs, platforms).every((t) => shown.has(targetKey(t)));
  };
  const content = bareHash(row);
  for (const o of notesWithContent(store.sql, content, row.info.lang, row.id)) {
    const original = store.getNote(o.id);
    const now = ctx.byId.get(o.id)?.hash ?? (original?.error ? bareHash(original) : hashOnDisk(deps, o.file)); // a broken edit keeps its last good state (shownDespiteError)
    // The original moved on already (its change is being decided), unless `goneToo` and its file is gone: its removal
    // pending, or not reported yet (`mv a/setup.md b/setup.md` seen as b/setup.md a batch before a/setup.md's removal).
    if (!original || (now !== content && !(goneToo && now === undefined && (ctx.pending?.has(o.file) || !existsSync(path.join(deps.root, o.file)))))) continue;
    if (covers(original, true)) return o;
  }
  for (const f of ctx.byHash.get(content) ?? []) {
    if (f.id === row.id || f.info().lang !== row.info.lang || (f.held && hashOnDisk(deps, f.file) !== content)) continue;
    const announced = messagesUp(deps, store.getNote(f.id));
    const shown = announced || f.file < row.file; // an announced note edited to it, or the first new file by path
    if (shown && covers({ id: f.id, info: f.info() }, announced)) return { id: f.id, file: f.file };
  }
  return undefined;
}

/**
 * The chats (target keys) shown `original` once the batch is committed: what a chat is shown, not where the original is
 * routed (issue 25, e25b's open case: `setup-ja.md`, then `setup.md`, copied to `intro.md`; chat `all`, of no language,
 * is shown the family by the ja member it was sent first, so nothing there shows setup.md's text, and intro.md kept back
 * was shown nowhere there). Grouped, the member each chat of the family is given (family.ts familyTargets: a chat keeps
 * the original it was sent; the chat's language, the filter's); `separate`, the chats whose own message of it shows it,
 * or, for a note not announced yet (the first by path of new files with one content), the chats it goes to.
 */
function chatsShowing(deps: CopyDeps, original: MemberRow, announced: boolean, subs: ReturnType<Store['subscriptions']>): Set<string> {
  const { store, config, platforms } = deps;
  if (original.info.controls?.announce === false) return new Set();
  if (config.publish.translations.mode === 'group') {
    const key = original.info.translationKey;
    const members: MemberRow[] = [...liveMembers(store.familyNotes(key)).filter((m) => m.id !== original.id), original];
    const shown = familyTargets(members, config.routes, subs, platforms, sentMemberIn(store, familyPostId(key)));
    return new Set(shown.filter((ft) => ft.member.id === original.id).map((ft) => targetKey(ft.target)));
  }
  const routed = routeTargets(original.info, config.routes, subs, platforms);
  return new Set((announced ? routed.filter((t) => NOTE_MESSAGES.shownIn(store, original.id, t) === original.id) : routed).map(targetKey));
}

/**
 * A note about to be announced for the first time whose content is already shown by another note to every chat
 * that wants it: recorded as its copy, kept back. `ctx` (`contentsDecided`): the content the chunk gives its
 * notes, and the held rewrites': an original among them has that content once decided, whatever its record says now.
 */
export function keepBackCopy(deps: CopyDeps, d: Decision, prev: NoteRow | undefined, ctx: CopyContext): Decision {
  if (d.action.type !== 'announce' || messagesUp(deps, prev)) return d;
  const o = originalOf(deps, d.row, ctx);
  if (!o) return d;
  deps.log.info({ file: d.row.file, copyOf: o.file }, `copy kept back: ${d.row.file} has exactly the content of ${o.file}, which its chats show already; announced once its text differs, or it takes ${o.file}'s messages if that one changes or goes`);
  const row = { ...d.row, announced: false, revision: prev?.revision ?? 0, info: { ...d.row.info, copyOf: o.id } };
  return { row, action: { type: 'none', why: `a copy of ${o.file}, kept back` } };
}

/**
 * Whether an announced note's file now holds exactly another note's content, shown already (issue 25:
 * `cp b.md a.md`): a's note is gone, as by `rm a.md`, and a.md is a copy of b. Held like a rewrite
 * (held-rewrites.ts: a's old content may turn up at another path, a move), then `replaceCopiedOver`.
 */
function copiedOver(deps: CopyDeps, ctx: CopyContext, r: ParseResult | undefined, prev: NoteRow): boolean {
  return overwrittenBy(deps, ctx, r, prev) === 'copy';
}

/**
 * Whether another note overwrote an announced note's file, so that it waits the removal window (held-rewrites.ts):
 * a copy (`copiedOver`), or a note moved over it and edited (moved-over.ts). Released, a copy's path is read as new
 * (`replaceCopiedOver`); a moved note's is found a rename there (rename-match.ts: the path's note, set aside, is removed).
 */
export function overwrittenByAnother(deps: CopyDeps, ctx: CopyContext, r: ParseResult | undefined, prev: NoteRow): boolean {
  const by = overwrittenBy(deps, ctx, r, prev);
  if (by === 'moved') deps.log.info({ file: prev.file, title: prev.info.title }, `${prev.file} holds another note moved over it and edited: it waits the removal window, its note to be taken as removed (publish.onDelete) if that note's old file stays gone`);
  return by !== undefined;
}

function overwrittenBy(deps: CopyDeps, ctx: CopyContext, r: ParseResult | undefined, prev: NoteRow): 'copy' | 'moved' | undefined {
  if (!r?.ok) return undefined;
  const note = r.note;
  if (!prev.announced || prev.state !== 'published' || prev.info.copyOf || bareHash(prev) === (note.bareHash ?? note.hash)) return undefined; // the same text (controls alone changed): an edit
  if ((ctx.byHash.get(bareHash(prev)) ?? []).some((f) => f.id !== prev.id)) return undefined; // its content is at another path of the chunk: a move, rename-chain.ts
  if (isCopyOver(deps, ctx, note)) return 'copy';
  return movedOverFrom(deps, ctx.pending, r, prev) === undefined ? undefined : 'moved';
}

/** Whether the note now at `prev`'s path is exactly the content of another announced note (see `copiedOver`). */
function isCopyOver(deps: CopyDeps, ctx: CopyContext, note: Note): boolean {
  // A removed note's exact content now here (a rotation saved a file at a time, past the window): with `keep`, that
  // note moved here, brought back (late-removals.ts); with `delete`, its messages are gone and it comes back as a
  // new note, announced again (issue 25, tester 18: b's message was edited into it). Either way this note is
  // overwritten, as in one save, not edited into another.
  // Compared without controls (notes/bare-text.ts), as the copy rules below: a rotation's save that also writes controls is the same text.
  if (keptDeletedNotes(deps.store.sql, note.bareHash ?? note.hash).size > 0) return true;
  // Whatever chats the file would go to: with chats routed by path (`rust/**`), `mv python/setup.md rust/setup.md`
  // over an announced rust/setup was read as rust's edit, its messages showing python's text (issue 25, tester 19 F1).
  // Where the file is announced is the copy's or the move's to decide once read as new (keepBackCopy, rename-match.ts).
  return originalOf(deps, { id: note.id, file: note.file, hash: note.hash, info: noteInfo(note) }, ctx, { goneToo: true, anyChats: true }) !== undefined;
}

/**
 * At the removal window's end (a held batch), before its renames are looked for, each note copied over: its
 * removal decided as `rm` would (`remove`: onDelete), its deleted record set aside (rename-apply.ts: with
 * `keep` its messages stay showing it, as replaced-deleted.ts does), and its path read as a file new to the
 * store: the original's note moved there if its file is gone (`mv b.md a.md`), else a copy kept back.
 */
export function replaceCopiedOver(deps: CopyDeps, changed: readonly ChangedFile[], parsed: readonly ParseResult[], ctx: CopyContext, remove: (rel: string) => void): void {
  changed.forEach((c, i) => {
    const r = parsed[i], prev = c.known && r?.ok ? deps.store.getNote(r.note.id) : undefined;
    if (!prev || prev.file !== c.rel || !copiedOver(deps, ctx, r, prev)) return;
    deps.log.info({ file: c.rel, title: prev.info.title }, `${c.rel} now holds exactly another note's content: its note is taken as removed (publish.onDelete) and the file as that note's copy or move`);
    remove(c.rel);
    applyRenames(deps.store, [], [prev.id]);
    c.known = false;
  });
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
