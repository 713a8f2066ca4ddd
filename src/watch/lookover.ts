/**
 * Native mode's look-over (issue 25): @parcel/watcher 2.6.0 can lose events for good (watcher.ts
 * says how), so the watcher does not trust every event to come. It keeps each folder's names (notes
 * and subfolders) and its own mtime and inode, listed before the folder is watched, and when paths
 * settle it looks the tree over:
 *
 * - every folder by its own stat: one whose mtime or inode moved gained, lost or renamed an entry
 *   (a note written anew, removed, renamed, an editor's save by rename) and is listed again; the
 *   names that came or went are reported, and its notes are looked at one by one as below (a save
 *   by rename keeps the names: tester, `sed -i` and `git checkout` over two folders);
 * - the settled paths' folders note by note: a note whose ctime is later than that folder's last
 *   such look was written since (a write sets ctime, and so does anything that sets mtime: POSIX
 *   write(2)), whether or not its event came; such notes are reported, those whose events did come
 *   being still settling or settled already (the watcher skips them).
 *
 * A ctime rather than a kept stamp per note: nothing is stat'ed before the folder's first look (the
 * listing before subscribing reads names only), and 35,000 notes keep names, not 35,000 stamps. A
 * ctime comes from the kernel's coarse clock, up to a jiffy behind the time (kernel
 * Documentation/filesystems/multigrain-ts.rst: "updated every jiffy"), so a note changed less than
 * CTIME_SLACK_MS before a look counts as changed at the next one too unless its ctime is the one
 * seen then (`recent`; before the first look, which has none, such a note is reported once more:
 * the publisher finds its digest unchanged, or, for a note set aside while it parses, the text it is parsing: late-notes.ts `take`). An edit in place in a folder where nothing else settles, whose events were
 * all lost, is not seen here: the reconcile pass (watch.reconcileMinutes) finds it.
 */
import { lstatSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { isNoteFile } from '../notes/read.js';
import { entriesMoved, folderState, forgetTree, openFolder, readFolder, STATS_PER_SLICE, subfolderChanges, yieldToLoop, type FolderState } from './folder-tree.js';
import type { SourceEvents } from './source-events.js';

/** Longer than a jiffy at the lowest common HZ (100: 10 ms), with room for the stat's own delay. */
const CTIME_SLACK_MS = 50;

/** The note was written (or moved in by its own rename) at `since` or after, give or take the coarse clock; false once gone. */
export function changedSince(file: string, since: number): boolean {
  try {
    const ctimeMs = lstatSync(file, { throwIfNoEntry: false })?.ctimeMs;
    return ctimeMs !== undefined && ctimeMs >= since - CTIME_SLACK_MS;
  } catch {
    return true; // unreadable now: the settle step reads the disk and decides
  }
}
interface Folder extends FolderState {
  notes: Set<string>;
  /** When its notes were last looked at one by one (at first: when it was listed). */
  lookedAt: number;
  /** Notes whose ctime was within CTIME_SLACK_MS of that look, with that ctime. */
  recent: Map<string, number>;
}

/** What a look-over costs: the README's figures, and a test's check that an idle look lists nothing. */
export interface LookCounts {
  looks: number;
  listings: number;
  stats: number;
}

export class FolderLookover {
  private readonly folders = new Map<string, Folder>();
  private readonly tally: LookCounts = { looks: 0, listings: 0, stats: 0 };
  /** The look under way (looks run one at a time: a look yields between slices). */
  private running: Promise<void> = Promise.resolve();
  private statsSinceYield = 0;
  private stopped = false;
  /**
   * When the last look that went through began (at first, when the tree was listed): every folder gained or lost since
   * then what it was reported to (a folder's own stat moves with each entry added, removed or renamed), so a path a
   * later look reports changed after this (the watcher's `seenThrough`, the removal burst's clock: removal-burst.ts).
   */
  lookedThrough: number;

  /** Lists `root`'s tree now (names only), before it is watched. */
  constructor(
    private readonly root: string,
    private readonly ev: Pick<SourceEvents, 'onPath' | 'ignored'> & { onError: (err: unknown) => void },
    private readonly now: () => number = Date.now,
  ) {
    this.lookedThrough = this.now();
    this.track(root, false);
  }

  counts(): LookCounts {
    return { ...this.tally };
  }

  /**
   * Every folder by its own stat; the folders in `notesOf` note by note too (see the file's comment).
   * Sliced as the poller's pass is: it yields to the loop every STATS_PER_SLICE stats (a save in a
   * 16,000-note folder cost 84-112 ms of CPU in one piece); what it finds is the same, since each
   * folder's notes count as looked at from when its look began. Looks run one after the other.
   */
  lookOver(notesOf: ReadonlySet<string>): Promise<void> {
    const look = this.running.then(() => this.lookOnce(notesOf));
    this.running = look.catch(() => undefined);
    return look;
  }

  /** Ends a look under way at its next slice; no look runs after. */
  stop(): void {
    this.stopped = true;
  }

  private async lookOnce(notesOf: ReadonlySet<string>): Promise<void> {
    const startedAt = this.now();
    this.tally.looks++;
    for (const dir of [...this.folders.keys()]) {
      if (this.stopped) return;
      const kept = this.folders.get(dir);
      if (kept) await this.check(dir, kept, notesOf.has(dir));
    }
    if (!this.stopped) this.lookedThrough = Math.max(this.lookedThrough, startedAt);
  }

  /** Counts a stat (or an entry listed); true when a slice is over and the look should yield (an await per stat would cost more than the stat). */
  private sliceOver(): boolean {
    if (++this.statsSinceYield < STATS_PER_SLICE) return false;
    this.statsSinceYield = 0;
    return true;
  }

  private track(dir: string, report: boolean): void {
    const folder = this.list(dir);
    if (!folder) return;
    this.folders.set(dir, folder);
    if (report) for (const name of folder.notes) this.ev.onPath(path.join(dir, name));
    for (const d of folder.dirs) this.track(path.join(dir, d), report);
  }

  /** The folder's entries now, in one piece (a folder first listed, before it is watched or as it comes). */
  private list(dir: string): Folder | undefined {
    const at = this.now();
    const found = { notes: new Set<string>(), dirs: new Set<string>() };
    let st;
    try {
      st = readFolder(dir, this.tally, (e) => this.sortEntry(dir, e, found));
    } catch (e) {
      this.ev.onError(e);
    }
    return st && { ...folderState(st, at, found.dirs), ...found, lookedAt: at, recent: new Map() };
  }

  /** The folder's entries now, yielding every STATS_PER_SLICE entries; its note look (`lookedAt`, `recent`) carried over from `kept`. */
  private async relisted(dir: string, kept: Folder): Promise<Folder | undefined> {
    const at = this.now();
    const found = { notes: new Set<string>(), dirs: new Set<string>() };
    let open;
    try {
      open = openFolder(dir, this.tally);
      if (!open) return undefined;
      for (let e = open.entries.readSync(); e; e = open.entries.readSync()) {
        this.sortEntry(dir, e, found);
        if (this.sliceOver()) await yieldToLoop();
        if (this.stopped) return undefined;
      }
    } catch (e) {
      this.ev.onError(e);
      return undefined;
    } finally {
      open?.entries.closeSync();
    }
    return { ...folderState(open.st, at, found.dirs), ...found, lookedAt: kept.lookedAt, recent: kept.recent };
  }

  /** Pictures and the like are never looked at, nor ignored names. */
  private sortEntry(dir: string, e: Dirent, found: { notes: Set<string>; dirs: Set<string> }): void {
    if (!e.isDirectory() && !isNoteFile(e.name)) return;
    if (this.ev.ignored(path.join(dir, e.name))) return;
    (e.isDirectory() ? found.dirs : found.notes).add(e.name);
  }

  private async check(dir: string, kept: Folder, noteByNote: boolean): Promise<void> {
    let st: Stats | undefined;
    this.tally.stats++;
    if (this.sliceOver()) await yieldToLoop();
    if (this.stopped) return;
    try {
      st = statSync(dir, { throwIfNoEntry: false });
    } catch {
      st = undefined;
    }
    if (!st?.isDirectory()) {
      forgetTree(this.folders, dir);
      if (dir !== this.root) this.ev.onPath(dir); // the root's going is the watcher's to notice
      return;
    }
    const moved = entriesMoved(kept, st);
    const folder = moved ? await this.relist(dir, kept) : kept;
    // A save by rename (sed -i, git, many editors) moves the folder but keeps its names: its notes are looked at too
    // (those that just came were reported by the listing).
    if (folder && (noteByNote || moved)) await this.lookAtNotes(dir, folder, moved ? kept.notes : undefined);
  }

  /** A folder whose entries changed: the names that came or went are reported. */
  private async relist(dir: string, kept: Folder): Promise<Folder | undefined> {
    const fresh = await this.relisted(dir, kept);
    if (!fresh) return undefined;
    this.folders.set(dir, fresh);
    for (const name of fresh.notes) if (!kept.notes.has(name)) this.ev.onPath(path.join(dir, name));
    for (const name of kept.notes) if (!fresh.notes.has(name)) this.ev.onPath(path.join(dir, name));
    subfolderChanges(dir, kept.dirs, fresh.dirs, this.folders, (p) => this.ev.onPath(p), (d) => this.track(d, false));
    return fresh;
  }

  /** Notes written since the folder's last note-by-note look are reported. */
  private async lookAtNotes(dir: string, folder: Folder, onlyKnown?: ReadonlySet<string>): Promise<void> {
    const at = this.now();
    const since = folder.lookedAt - CTIME_SLACK_MS;
    const recent = new Map<string, number>();
    for (const name of folder.notes) {
      if (onlyKnown && !onlyKnown.has(name)) continue;
      this.tally.stats++;
      if (this.sliceOver()) {
        await yieldToLoop();
        if (this.stopped) return;
      }
      const p = path.join(dir, name);
      let ctimeMs: number | undefined;
      try {
        ctimeMs = lstatSync(p, { throwIfNoEntry: false })?.ctimeMs;
      } catch {
        ctimeMs = undefined; // unreadable now: the settle step reads the disk and decides
      }
      if (ctimeMs === undefined) continue; // gone: the folder's mtime moved, its next listing reports it
      if (ctimeMs >= since && folder.recent.get(name) !== ctimeMs) this.ev.onPath(p);
      if (ctimeMs >= at - CTIME_SLACK_MS) recent.set(name, ctimeMs);
    }
    folder.lookedAt = at;
    folder.recent = recent;
  }
}
