/**
 * Poll mode's event source (issue 31): one timer for the whole tree instead of chokidar's
 * `fs.watchFile` per file (367 MiB and 11.6 % of a core on 35,000 notes).
 *
 * Each pass looks at every folder's own stat first: a folder whose mtime (or inode) moved has
 * gained, lost or renamed an entry (POSIX rename(): "shall mark for update the st_ctime and
 * st_mtime fields of the parent directory of each file"; Linux inode(7): "the mtime timestamp of a
 * directory is changed by the creation or deletion of files in that directory"), and only that
 * folder is listed again, its notes stat'ed and compared with the listing kept: a note added,
 * removed or renamed, or saved by rename (a new inode under the old name), is seen within one
 * interval. Writing into an existing file (VS Code, Obsidian, `echo >>`: open, truncate or append,
 * write) changes that file's mtime but leaves its folder's alone, on ext4, xfs, btrfs, tmpfs, NFS,
 * SMB/CIFS, 9p and FUSE alike (checked on ext4 here: append and truncate left the folder's mtime
 * as it was; create, rename and unlink moved it). Only a stat of the note sees such an edit, and a
 * stat of every note each pass was the whole cost of polling (about 5 µs a note here: 6 % of a
 * core at 3 s over 35,000 notes). So a sweep spreads those stats: each pass stats the notes of one
 * slot of `SweepOptions.passes` (at least `atLeast` notes a pass, so a small tree is still stat'ed
 * whole each pass), and an edit in place is seen within `passes` intervals. Stats are taken in
 * slices, yielding between them, so a pass never holds the event loop long.
 */
import { lstatSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { isNoteFile } from '../notes/read.js';
import { entriesMoved, folderState, forgetTree, readFolder, STATS_PER_SLICE, subfolderChanges, yieldToLoop, type FolderState } from './folder-tree.js';
import { changeTime } from './quiet.js';
import type { SourceEvents, Unsubscribable } from './source-events.js';

interface Folder extends FolderState {
  /** Note files by name, with their full path and stat as last seen (compared as numbers: a pass allocates nothing per note but its stat). */
  files: Map<string, Stamp>;
}

interface Stamp {
  path: string;
  mtimeMs: number;
  size: number;
  ino: number;
  /** The sweep's turn for this note: stat'ed at the passes whose turn is `slot` modulo the sweep's spread. */
  slot: number;
  /** When the look that took this stat began: a change whose mtime is later is dated by it (quiet.ts changeTime). */
  lookedAt: number;
}

const stampOf = (p: string, st: Stats, slot: number, lookedAt: number): Stamp => ({ path: p, mtimeMs: st.mtimeMs, size: st.size, ino: st.ino, slot, lookedAt });
const sameStamp = (a: Stamp | undefined, b: Stamp): boolean => !!a && a.mtimeMs === b.mtimeMs && a.size === b.size && a.ino === b.ino;

function errno(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

/** What the poller has done so far: what an idle pass costs is the point of polling by folder. */
export interface PollCounts {
  passes: number;
  /** Folders read with readdir (the baseline's included). */
  listings: number;
  /** stat calls, of folders and notes. */
  stats: number;
}

/**
 * How the notes of folders whose entries did not move are stat'ed: spread over `passes` passes, so an
 * edit in place is seen within `passes` intervals, yet never fewer than `atLeast` a pass (up to
 * `atLeast` notes, every note every pass). 10 and 2,000: at 35,000 notes 3,500 stats a pass (about
 * 18 ms here, 0.6 % of a core at 3 s) and an edit in place within 30 s; at 100,000, 10,000 a pass.
 */
export interface SweepOptions {
  passes: number;
  atLeast: number;
}

const DEFAULT_SWEEP: SweepOptions = { passes: 10, atLeast: 2000 };

/** Over how many passes a tree of `notes` notes is swept: one when a pass's floor covers it, at most `passes`. */
function sweepSpread(notes: number, sweep: SweepOptions): number {
  return Math.max(1, Math.min(sweep.passes, Math.ceil(notes / Math.max(1, sweep.atLeast))));
}

export interface FolderPoll extends Unsubscribable {
  counts(): PollCounts;
}

class FolderPoller implements FolderPoll {
  private readonly folders = new Map<string, Folder>();
  private readonly tally: PollCounts = { passes: 0, listings: 0, stats: 0 };
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private erred = false;
  /** The root was not there as a folder at the last pass (rootThere). */
  private away = false;
  /** When the last look at the whole tree (a pass, or the baseline) began: a change it did not see came after. */
  private lookedFrom = 0;
  /** When the pass under way (or the baseline) began: the notes it stats are looked at from then (Stamp.lookedAt). */
  private passFrom = 0;
  /** The next note's sweep slot: notes are numbered as found, so each slot holds an even share. */
  private nextSlot = 0;
  /** This pass's sweep: notes whose slot is `turn` modulo `spread` are stat'ed (sweepSpread). */
  private sweep = { spread: 1, turn: 0, count: 0 };

  constructor(
    private readonly root: string,
    private readonly intervalMs: number,
    private readonly ev: SourceEvents,
    private readonly sweepOptions: SweepOptions,
  ) {}

  /** The baseline: every folder listed, every note stat'ed, nothing reported. */
  start(): void {
    this.lookedFrom = this.passFrom = Date.now();
    this.track(this.root, false);
    this.schedule(Date.now());
  }

  counts(): PollCounts {
    return { ...this.tally };
  }

  unsubscribe(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    return Promise.resolve();
  }

  private schedule(passStartedAt: number): void {
    if (this.closed) return;
    this.timer = setTimeout(() => void this.pass(), Math.max(0, passStartedAt + this.intervalMs - Date.now()));
  }

  /** Lists `dir` and its subfolders into the kept state; with `report`, every note found is a change. */
  private track(dir: string, report: boolean): void {
    const folder = this.list(dir);
    if (!folder) return;
    this.folders.set(dir, folder);
    if (report) for (const name of folder.files.keys()) this.ev.onPath(path.join(dir, name));
    for (const d of folder.dirs) this.track(path.join(dir, d), report);
  }

  private list(dir: string): Folder | undefined {
    const files = new Map<string, Stamp>();
    const dirs = new Set<string>();
    let st;
    try {
      st = readFolder(dir, this.tally, (e) => {
        const p = path.join(dir, e.name);
        if (this.ev.ignored(p)) return;
        if (e.isDirectory()) dirs.add(e.name);
        else if (isNoteFile(e.name)) {
          const fst = this.statFile(p);
          if (fst) files.set(e.name, stampOf(p, fst, this.nextSlot++, this.passFrom));
        }
      });
    } catch (e) {
      this.fail(dir, e);
    }
    return st ? { ...folderState(st, Date.now(), dirs), files } : undefined;
  }

  private statFile(p: string): Stats | undefined {
    this.tally.stats++;
    try {
      return lstatSync(p, { throwIfNoEntry: false });
    } catch {
      return undefined; // unreadable now: the settle step reads the disk and decides
    }
  }

  private fail(dir: string, e: unknown): void {
    if (errno(e) === 'ENOENT' || errno(e) === 'ENOTDIR') return; // gone: its parent's listing reports it
    this.erred = true;
    this.ev.onError(new Error(`polling ${dir}: ${e instanceof Error ? e.message : String(e)}`));
  }

  /** One look at the whole tree: changed folders listed again, the sweep's share of the other notes stat'ed. */
  private async pass(): Promise<void> {
    const startedAt = Date.now();
    const erredBefore = this.erred;
    this.erred = false;
    this.passFrom = startedAt;
    this.nextSweep();
    let sinceYield = 0;
    for (const dir of [...this.folders.keys()]) {
      if (this.closed) return;
      const kept = this.folders.get(dir);
      if (!kept) continue; // dropped with a removed parent during this pass
      sinceYield += this.checkFolder(dir, kept);
      if (this.away) break; // the root (the first folder kept) is not there: its tree is kept as it was (rootThere)
      if (sinceYield >= STATS_PER_SLICE) {
        sinceYield = 0;
        await yieldToLoop();
      }
    }
    if (erredBefore && !this.erred) this.ev.onError(null);
    this.tally.passes++;
    this.lookedFrom = startedAt;
    this.ev.onPassEnded?.(startedAt);
    this.schedule(startedAt);
  }

  /** Compares one folder with what was kept; returns how many stats it took. */
  private checkFolder(dir: string, kept: Folder): number {
    let st: Stats | undefined;
    this.tally.stats++;
    try {
      st = statSync(dir, { throwIfNoEntry: false });
    } catch (e) {
      this.fail(dir, e);
    }
    if (dir === this.root) this.rootThere(st?.isDirectory() === true);
    if (!st?.isDirectory()) {
      if (dir === this.root) return 1;
      this.drop(dir);
      this.ev.onPath(dir); // the folder went (or became a file): the settle step finds out which
      return 1;
    }
    if (entriesMoved(kept, st)) return this.relist(dir, kept);
    let stats = 1;
    const { spread, turn } = this.sweep;
    for (const [name, stamp] of kept.files) {
      if (stamp.slot % spread !== turn) continue; // another pass's share: its folder's listing has not moved
      const fst = this.statFile(stamp.path);
      stats++;
      if (fst && fst.mtimeMs === stamp.mtimeMs && fst.size === stamp.size && fst.ino === stamp.ino) {
        stamp.lookedAt = this.passFrom;
        continue;
      }
      if (!fst) {
        kept.files.delete(name);
        this.ev.onPath(stamp.path, undefined, true);
        continue;
      }
      kept.files.set(name, stampOf(stamp.path, fst, stamp.slot, this.passFrom));
      this.ev.onPath(stamp.path, changeTime(fst.mtimeMs, stamp.lookedAt, Date.now()));
    }
    return stats;
  }

  /**
   * This pass's share of the sweep. The spread follows the tree's size as it was at the pass before; for a
   * steady spread, `spread` passes in a row take every slot once, so an edit in place is seen within them.
   */
  private nextSweep(): void {
    let notes = 0;
    for (const f of this.folders.values()) notes += f.files.size;
    const spread = sweepSpread(notes, this.sweepOptions);
    const count = this.sweep.count + 1;
    this.sweep = { spread, turn: count % spread, count };
  }

  /**
   * Whether the root is there as a folder. While it is not, each pass stops at it and keeps its tree as it was: walked
   * on, every folder under it would be found gone and forgotten, and a root moved away and back between two passes
   * (same inode and mtime: not listed again) would keep no folder under it, its notes never looked at again (issue 25).
   * Its going is said once a time (the watcher watches the path anew once a folder is there: watcher.ts).
   */
  private rootThere(there: boolean): void {
    if (!there && !this.away) this.ev.onRootLost?.();
    this.away = !there;
  }

  /** A folder whose entries changed: the new listing against the kept one. */
  private relist(dir: string, kept: Folder): number {
    const fresh = this.list(dir);
    if (!fresh) return 1;
    this.folders.set(dir, fresh);
    // An entry added, removed or renamed set the folder's mtime as it did (a note moved in keeps its old mtime; one removed has none).
    // A change is dated by an mtime the poll can vouch for (quiet.ts): one after the note's, else the folder's, last look.
    const changedAt = (mtimeMs: number, lookedAt = this.lookedFrom) => changeTime(Math.max(mtimeMs, fresh.mtimeMs), lookedAt, Date.now());
    for (const [name, stamp] of fresh.files) if (!sameStamp(kept.files.get(name), stamp)) this.ev.onPath(stamp.path, changedAt(stamp.mtimeMs, kept.files.get(name)?.lookedAt));
    for (const [name, stamp] of kept.files) if (!fresh.files.has(name)) this.ev.onPath(stamp.path, changedAt(0), true);
    subfolderChanges(dir, kept.dirs, fresh.dirs, this.folders, (p) => this.ev.onPath(p, changedAt(0)), (d) => this.track(d, false));
    return fresh.files.size + 1;
  }

  /** Stops following a folder and everything under it. */
  private drop(dir: string): void {
    forgetTree(this.folders, dir);
  }
}

/** Polls `dir` every `intervalMs`, by folder, sweeping notes as `sweep` says (see the file's comment). Ready once the baseline is taken. */
export function folderPollSource(dir: string, intervalMs: number, ev: SourceEvents, sweep: Partial<SweepOptions> = {}): Promise<FolderPoll> {
  const poller = new FolderPoller(path.resolve(dir), intervalMs, ev, { ...DEFAULT_SWEEP, ...sweep });
  poller.start();
  return Promise.resolve(poller);
}
