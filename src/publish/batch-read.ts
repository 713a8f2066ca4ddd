/**
 * A batch's files read and compared with what the store knows: unchanged notes are recognised by
 * their digest (or, at start-up, by their stat) and left out; the rest come back with their text.
 */
import { statSync } from 'node:fs';
import { contentHash, readNoteTextSync, toRelPath } from '../notes/read.js';
import { TOO_LONG, type ParseJob, type ParseResult } from './parse-pool.js';
import { NoteError } from '../errors.js';
import type { KnownNote, Store } from '../store/store.js';
import type { LateNotes, PreParsed } from './late-notes.js';

export interface ChangedFile {
  rel: string;
  /** Absent for a file the store has no record of: the parse thread reads it (`path`, absolute), and `settleThreadReads` fills in `hash` and `seen` from that read. */
  text?: string | undefined;
  path?: string | undefined;
  hash: string;
  /** The file's stat when this text was read (KnownNote.seen). */
  seen: string;
  /** The store has a record of it (or of the note it was renamed from, now under its id). */
  known: boolean;
}

export interface BatchOptions {
  /** The first scan of a folder the store has never seen. */
  firstRun?: boolean;
  /** The start-up scan after a restore: notes new to the database are recorded, not announced. */
  afterRestore?: boolean | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Filled with each file's modification time as read (the start-up scan's catch-up compares them). */
  mtimes?: Map<string, number> | undefined;
  /** Skip reading files whose stat is unchanged since their content was read (see readChanged). */
  trustStat?: boolean;
  /** Held rewrites being decided (held-rewrites.ts): none is held again. */
  release?: boolean;
  /** When the watcher reported the batch (sync.ts): an edit in place is remembered for the removal window from then (report-clock.ts). */
  reportedAt?: number | undefined;
  /** Given, a note still parsing after the soft bound is set aside there with what depends on it, and decided in a batch of its own once parsed (late-notes.ts). */
  late?: LateNotes | undefined;
  /** A late batch's results, taken for the files still holding the text they were parsed from. */
  preParsed?: PreParsed | undefined;
}

/**
 * The digest a note's parse error is recorded under. Past the parse budget, it is the budget's
 * too: the same content is parsed again once `notes.parseTimeoutMs` changes (raised after a
 * timeout on a busy machine), not on every run under the same budget.
 */
export function errorHashOf(message: string, hash: string, parseBudgetMs: number): string {
  return message === TOO_LONG ? tooLongHash(hash, parseBudgetMs) : hash;
}

function tooLongHash(hash: string, parseBudgetMs: number): string {
  return contentHash(`too-long:${parseBudgetMs}:${hash}`);
}

/** Whether `seen` (`mtimeMs:size:recordedAtMs`) still describes a file: same time and size, and the time at least 2 s before it was recorded. */
function sameStat(seen: string, mtimeMs: number, size: number): boolean {
  const [m, s, at] = seen.split(':').map(Number);
  return m === mtimeMs && s === size && at !== undefined && mtimeMs < at - 2000;
}

/** Where and how a batch's files are read, and where the stat of unchanged ones is recorded. */
export interface FolderReader {
  root: string;
  realRoot: string;
  maxBytes: number;
  /** notes.parseTimeoutMs: a note past it is recorded under this budget (see `errorHashOf`). */
  parseBudgetMs: number;
  markSeen: (seen: { file: string; seen: string }[]) => void;
}

/**
 * Reads a chunk's files; unchanged notes are recognised by their digest and left out. With
 * `trustStat` (the start-up scan), a file whose modification time and size are what they were
 * when its content was last read is not read at all, as git does with its index: unless that
 * time was within two seconds of the reading (a later write in the same tick of a coarse
 * clock would look the same). The reconcile pass and the watcher's batches always read.
 */
export function readChangedFiles(
  abss: string[],
  known: (rel: string) => KnownNote | undefined,
  reader: FolderReader,
  o: { mtimes?: Map<string, number> | undefined; trustStat: boolean; startedAt: number },
): { changed: ChangedFile[]; failed: { rel: string; error: unknown }[]; scanned: number } {
  const changed: ChangedFile[] = [];
  const failed: { rel: string; error: unknown }[] = [];
  const unchanged: { file: string; seen: string }[] = [];
  const realDirs = new Map<string, string>(); // each folder resolved once per chunk
  for (const abs of abss) {
    const rel = toRelPath(reader.root, abs);
    const prev = known(rel);
    // Parsed again only if deleted before, or an error is on record that this content may have fixed.
    const settled = !!prev && prev.state !== 'error' && prev.state !== 'deleted' && !prev.hasError;
    // Nothing to compare it with: read where it is parsed, so its text never passes through this thread (issue 31).
    if (!prev) {
      changed.push({ rel, path: abs, hash: '', seen: '', known: false });
      continue;
    }
    try {
      if (settled && o.trustStat && prev.seen) {
        const st = statSync(abs, { throwIfNoEntry: false });
        if (st && sameStat(prev.seen, st.mtimeMs, st.size)) {
          o.mtimes?.set(abs, st.mtimeMs);
          continue;
        }
      }
      const { text, hash, mtimeMs, size } = readNoteTextSync(reader.root, abs, rel, reader.maxBytes, reader.realRoot, realDirs);
      o.mtimes?.set(abs, mtimeMs);
      const seen = `${mtimeMs}:${size}:${o.startedAt}`;
      if (settled && prev.hash === hash) {
        if (!prev.seen || !sameStat(prev.seen, mtimeMs, size)) unchanged.push({ file: rel, seen });
        continue;
      }
      // A note never read well whose content is the one its error was recorded with: parsing it
      // again gives the same error, and a note past the parse budget would cost the budget each run.
      if (prev?.state === 'error' && (prev.hash === hash || prev.hash === tooLongHash(hash, reader.parseBudgetMs))) continue;
      changed.push({ rel, text, hash, seen, known: !!prev });
    } catch (error) {
      // Its time noted too, or the start-up scan's catch-up would read it (and report it) a second time.
      const st = statSync(abs, { throwIfNoEntry: false });
      if (st) o.mtimes?.set(abs, st.mtimeMs);
      failed.push({ rel, error });
    }
  }
  reader.markSeen(unchanged);
  return { changed, failed, scanned: abss.length };
}

/** Above this many paths a batch reads the whole note table once instead of looking files up one by one. */
const WHOLE_TABLE_AT = 2000;

/**
 * What the store knows of a file. A save's small batch asks the file index, one file at a time,
 * so its cost does not grow with the number of notes; a start-up scan reads the table once.
 */
export function knownLookup(store: Pick<Store, 'knownNote' | 'noteIndex'>, paths: number): (rel: string) => KnownNote | undefined {
  if (paths < WHOLE_TABLE_AT) {
    const cache = new Map<string, KnownNote | undefined>();
    return (rel) => {
      if (!cache.has(rel)) cache.set(rel, store.knownNote(rel));
      return cache.get(rel);
    };
  }
  const all = store.noteIndex();
  return (rel) => all.get(rel);
}

/** A changed file's parse job: its text when read here, else its path, read on the parse thread. */
export function parseJobOf(c: ChangedFile, realRoot: string, deferSummary: { now: number } | undefined): ParseJob {
  return c.text !== undefined ? { rel: c.rel, text: c.text, hash: c.hash, deferSummary } : { rel: c.rel, path: c.path!, realRoot, deferSummary };
}

/**
 * The files of a chunk read on the parse threads: each one's `hash` and `seen` are those of the
 * text that was parsed (a file written meanwhile is read again by the next batch, as its digest
 * differs); one that could not be read, or whose thread ended before it was read, is taken out
 * with its error, as `readChangedFiles` reports its own failures.
 */
export function settleThreadReads(
  changed: ChangedFile[],
  results: ParseResult[],
  o: { mtimes?: Map<string, number> | undefined; startedAt: number },
): { changed: ChangedFile[]; results: ParseResult[]; failed: { rel: string; error: unknown }[] } {
  const failed: { rel: string; error: unknown }[] = [];
  const keep = changed.map((c, i) => {
    const r = results[i]!;
    if (c.path === undefined) return true;
    if (r.read) {
      c.hash = r.read.hash;
      c.seen = `${r.read.mtimeMs}:${r.read.size}:${o.startedAt}`;
      o.mtimes?.set(c.path, r.read.mtimeMs);
      return true;
    }
    // Its time noted too, or the start-up scan's catch-up would read it (and report it) a second time.
    const st = statSync(c.path, { throwIfNoEntry: false });
    if (st) o.mtimes?.set(c.path, st.mtimeMs);
    failed.push({ rel: c.rel, error: r.ok ? new NoteError(c.rel, 'cannot read') : new NoteError(c.rel, r.error.message, r.error.line, r.error.more) });
    return false;
  });
  return { changed: changed.filter((_, i) => keep[i]), results: results.filter((_, i) => keep[i]), failed };
}
