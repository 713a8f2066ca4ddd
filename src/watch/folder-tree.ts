/** Folder listing shared by poll mode (poller.ts) and native mode's look-over (lookover.ts): both keep a tree of folders and compare listings. */
import { opendirSync, readdirSync, statSync, type Dir, type Dirent, type Stats } from 'node:fs';
import { isIgnoredName } from '../notes/scan.js';
import path from 'node:path';

/**
 * A folder changed this recently (by its own mtime) is listed again at the next look too: on file
 * systems with coarse timestamps (1 s on some SMB servers, 2 s on FAT, a jiffy on a local disk) an
 * entry added in the same tick as the listing leaves the mtime as it was.
 */
const RACY_MS = 2000;

/**
 * Stats a look at the tree takes before it yields to other work (the poller's pass, native mode's
 * look-over): about 10 ms of CPU on the benchmark's 2-core VM (a stat costs about 4.5 µs, poller.ts),
 * so a look at a 16,000-note folder never holds the event loop long.
 */
export const STATS_PER_SLICE = 2000;

/** Lets timers, I/O and other work run before a look goes on. */
export function yieldToLoop(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}

/** What is kept of a folder's own stat and its subfolders. */
export interface FolderState {
  mtimeMs: number;
  ino: number;
  /** Listed again at the next look (see RACY_MS). */
  racy: boolean;
  /** Subfolders by name. */
  dirs: Set<string>;
}

export function folderState(st: Stats, at: number, dirs: Set<string>): FolderState {
  return { mtimeMs: st.mtimeMs, ino: st.ino, racy: at - st.mtimeMs < RACY_MS, dirs };
}

/** The folder gained, lost or renamed an entry since it was listed (or may have: racy). */
export function entriesMoved(kept: FolderState, st: Stats): boolean {
  return kept.racy || st.mtimeMs !== kept.mtimeMs || st.ino !== kept.ino;
}

/** A folder's own stat and its entries, open (the caller closes them); undefined when it is no folder now (gone, or a file). */
export function openFolder(dir: string, tally: { stats: number; listings: number }): { st: Stats; entries: Dir } | undefined {
  tally.stats++;
  const st = statSync(dir, { throwIfNoEntry: false });
  if (!st?.isDirectory()) return undefined;
  tally.listings++;
  return { st, entries: opendirSync(dir, { bufferSize: 256 }) };
}

/**
 * A folder's own stat, its entries passed to `each` one by one; undefined when it is no folder now
 * (gone, or a file). Other errors are thrown. One by one rather than readdirSync's array: 16,000
 * entries held at once outlive a young-generation collection and grow the heap for good.
 */
export function readFolder(dir: string, tally: { stats: number; listings: number }, each: (e: Dirent) => void): Stats | undefined {
  const open = openFolder(dir, tally);
  if (!open) return undefined;
  try {
    for (let e = open.entries.readSync(); e; e = open.entries.readSync()) each(e);
  } finally {
    open.entries.closeSync();
  }
  return open.st;
}

/** Forgets `dir` and every folder under it. */
export function forgetTree(folders: Map<string, unknown>, dir: string): void {
  for (const d of [...folders.keys()]) if (d === dir || d.startsWith(dir + path.sep)) folders.delete(d);
}

/**
 * Subfolders of `dir` that went or came between two listings: one gone is forgotten (with what is
 * under it) and reported; one that came (moved or copied in) is reported, since the settle step
 * scans a folder that came as one path, and `follow`ed from now on.
 */
export function subfolderChanges(dir: string, kept: ReadonlySet<string>, fresh: ReadonlySet<string>, folders: Map<string, unknown>, onPath: (p: string) => void, follow: (p: string) => void): void {
  for (const name of kept) {
    if (fresh.has(name)) continue;
    forgetTree(folders, path.join(dir, name));
    onPath(path.join(dir, name));
  }
  for (const name of fresh) {
    if (kept.has(name)) continue;
    onPath(path.join(dir, name));
    follow(path.join(dir, name));
  }
}

/** Whether `dir` has a folder inside (not an ignored one): a folder that arrived so gets a native subscription of its own (watcher.ts). */
export function hasSubfolder(dir: string): boolean {
  try {
    return readdirSync(dir, { withFileTypes: true }).some((e) => e.isDirectory() && !isIgnoredName(e.name));
  } catch {
    return false;
  }
}
