/**
 * Watches the notes root and hands over batches of settled changes. Two event sources, one settle
 * path after them: `native` is @parcel/watcher (inotify: one watch per folder, ready in 0.55 s at
 * 60 MiB over the blog's 35,000 notes in 22 folders, where chokidar's native mode held 35,022
 * watches at 210–285 MiB); `poll` looks at the tree on a timer, by folder (poller.ts), for mounts whose remote
 * changes raise no inotify event (see mode.ts). Each file must be quiet for `quietMs` before its change counts, so an editor's several writes, an atomic
 * save-by-rename or a `git pull` are one change. A batch is released once no other file is still
 * settling, so a burst of files arrives together (and can become a digest) while a lone save
 * goes out at once. What "quiet" means in each mode: quiet.ts.
 *
 * @parcel/watcher on Linux watches a new folder but not the folders inside it when they appear
 * together (`mkdir -p`, `cp -r`, `git checkout`: parcel-bundler/watcher#97), so later saves in them would go unseen.
 * A folder arriving with subfolders gets a subscription of its own, and is looked through once more for notes written before its watches existed.
 *
 * @parcel/watcher 2.6.0 also loses events for good (issue 25; parcel-bundler/watcher#183): the
 * kernel delivers them and its inotify thread reads them (strace: one read of a.md's create, then
 * one of the rest of the burst), yet only the burst's first path reaches the callback. Most likely
 * cause (src/Watcher.cc, Watcher::triggerCallbacks): the debounce thread hands the first event of
 * a burst over at once (nothing for 500 ms, src/Debounce.cc) and takes the events with
 * `mEvents.getEvents()` then `mEvents.clear()`, two separate locks of the EventList, while the
 * inotify thread adds events to it (src/linux/InotifyBackend.cc) under neither lock: what it adds
 * between the two is cleared unsent. Why CI saw it mostly in a process's second subscription is not
 * known. So native mode does not trust every event to come: it keeps each folder's listing, taken
 * as it subscribes, and when paths settle it looks the tree over (lookover.ts): what changed and
 * is not settling already is treated as reported, so the burst comes whole. One look at every
 * folder's own stat follows the subscription (notes added or removed while the watches were set
 * up; the service's start-up catch-up pass compares every note). The README gives the cost.
 */
import path from 'node:path';
import type { Logger } from '../log.js';
import { isIgnoredName, scanNotesSync } from '../notes/scan.js';
import type { Batch } from './batch.js';
import type { WatchMode } from './mode.js';
import { changedSince, FolderLookover } from './lookover.js';
import { rootChange, rootStampNow, type RootStamp } from './root-folder.js';
import { classifySettled } from './settled-paths.js';
import { PolledQuiet, TimedQuiet, type QuietPeriods } from './quiet.js';
import { nativeSource, pollSource, type NativeSubscribe, type Unsubscribable } from './sources.js';
import { removalReportedAt, type PathReport } from './removal-report.js';
import { WatchRetry } from './watch-retry.js';
import { NestedWatches } from './nested-watches.js';

export interface WatcherOptions {
  root: string;
  /** Event source: native events (default) or polling every `pollIntervalMs`. */
  mode?: WatchMode;
  pollIntervalMs?: number;
  /** Poll mode: every note is stat'ed at least once in this many passes (poller.ts SweepOptions). */
  pollSweepPasses?: number;
  /** Native mode's subscribe (default: @parcel/watcher's); a test passes one that loses events. */
  nativeSubscribe?: NativeSubscribe;
  /** Events may have been lost (a watcher error, an inotify queue overflow): a reconcile is due. */
  onEventsLost?: (why: string) => void;
  quietMs: number;
  /** Longest a burst is held open while files keep settling. */
  maxHoldMs: number;
  onBatch: (batch: Batch) => void;
  /** Called when a flush leaves no file settling (whether or not it made a batch). */
  onQuiet?: () => void;
  /** Each path an event source reported, as it comes (before its quiet period): an in-process test tells a file never seen from a batch that never came. */
  onPath?: (path: string) => void;
  log: Logger;
}

export interface NotesWatcher {
  ready: Promise<void>;
  close(): Promise<void>;
  /** Files still inside their quiet period. */
  settling(): number;
  /** Whether a path that may have changed at or before `time` is still settling or waiting for its batch (a burst's removal not handed over yet). */
  reportedBy(time: number): boolean;
  /**
   * Every change made before this time has been reported: in poll mode, when the last finished pass began; native events
   * come late or not at all (lookover.ts), so there, when the last look-over began (every note added or removed before it).
   */
  seenThrough(): number;
  /** Native mode: looks the tree over now (what it finds counts from the look before), resolved once done; undefined in poll mode, whose passes look on their timer. */
  lookNow(): Promise<void> | undefined;
  /** Subscribed and without an unrecovered error. */
  alive(): boolean;
  /** The folder at the root's path is watched, and what was in it when it was (again) has been handed over. */
  rootRead(): boolean;
}

export function watchNotes(opts: WatcherOptions): NotesWatcher {
  return new Watcher(opts);
}

class Watcher implements NotesWatcher {
  readonly ready: Promise<void>;
  private readonly root: string;
  private readonly polling: boolean;
  /** The paths inside their quiet period. */
  private readonly quiet: QuietPeriods;
  /** Paths whose quiet period is over, for the next flush. */
  private readonly due = new Set<string>();
  /**
   * When each settling or due path was last reported, and the earliest it can have changed: then for native events; in poll mode,
   * when the last pass before the one that found it began (a removal is seen up to an interval late: issue 25, F2); whether it said gone.
   */
  private readonly reportedAt = new Map<string, PathReport>();
  /** Poll mode: when the last finished pass (at first, the baseline) began: every change before it has been reported. */
  private passStartedAt = Date.now();
  private holdSince: number | undefined;
  private flushScheduled = false;
  private subscription: Unsubscribable | undefined;
  /** Folders that arrived with folders inside, each with a subscription of its own (see the file's comment). */
  private readonly nested = new NestedWatches();
  private closed = false;
  private failed = false;
  private rootGone = false;
  /** The source said the root went from under it (moved, removed): whatever is at the path is watched anew (checkRoot). */
  private rootWatchLost = false;
  private readonly retry = new WatchRetry(); // a native watch that failed, watched anew (watch-retry.ts)
  /** Which folder the root is, as last looked at (root-folder.ts): another one, or this one renamed, is watched anew. */
  private rootStamp: RootStamp | undefined;
  /** The root being watched anew: another look that finds it lost waits for this one (rewatchRoot). */
  private rewatching: Promise<void> | undefined;
  private readonly intervals: NodeJS.Timeout[] = [];
  /** Native mode: the tree's listing, to find changes whose events were lost (see the file's comment). */
  private lookover: FolderLookover | undefined;
  /** Folders of the paths settled since the last flush: compared note by note at the flush. */
  private readonly lookDirs = new Set<string>();
  /** A look-over is under way (it yields to the loop): flushes wait for it, it flushes when it ends. */
  private looking = false;

  constructor(private readonly opts: WatcherOptions) {
    this.root = path.resolve(opts.root);
    this.polling = opts.mode === 'poll';
    this.quiet = this.polling ? new PolledQuiet(opts.quietMs, (f) => this.settled(f)) : new TimedQuiet(opts.quietMs, (f) => this.settled(f));
    const subscribed = this.watch(this.root);
    // Listed while @parcel/watcher crawls on its own thread: what changes before its watches exist
    // raises no event either way, and the service's start-up catch-up pass compares every note.
    this.lookover = this.snapshot();
    this.ready = subscribed.then(async (s) => {
      this.subscription = s;
      if (this.closed) return void (await s.unsubscribe());
      await this.lookover?.lookOver(new Set()); // entries added or removed before the watches existed raised no event
    });
    this.ready.catch(() => undefined); // awaited by the caller (FolderSync.load, which then refuses to start), maybe only after other work: never an unhandled rejection
    this.rootStamp = rootStampNow(this.root);
    this.every(1000, () => this.checkRoot());
    // A burst held open this long is released even if files are still settling.
    this.every(Math.max(50, Math.min(1000, opts.maxHoldMs / 4)), () => {
      if (this.holdSince !== undefined && Date.now() - this.holdSince >= opts.maxHoldMs) this.scheduleFlush();
    });
  }

  settling(): number {
    return this.quiet.size;
  }

  reportedBy(time: number): boolean {
    for (const t of this.reportedAt.values()) if (t.from <= time) return true;
    return false;
  }

  seenThrough(): number {
    if (!this.alive()) return Date.now();
    return this.polling ? this.passStartedAt : (this.lookover?.lookedThrough ?? Date.now());
  }

  lookNow(): Promise<void> | undefined {
    if (this.polling || this.closed || !this.lookover) return undefined;
    return this.lookover.lookOver(new Set()).catch((err: unknown) => this.opts.log.warn({ err: String(err) }, 'the look-over failed'));
  }

  alive(): boolean {
    return !!this.subscription && !this.closed && !this.failed && !this.rootGone && !this.rootWatchLost;
  }

  rootRead(): boolean {
    return !!this.subscription && !this.rootGone && !this.rootWatchLost && !this.rewatching;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.lookover?.stop();
    for (const t of this.intervals) clearInterval(t);
    this.quiet.clear();
    this.reportedAt.clear();
    await this.ready.catch(() => undefined);
    await Promise.all([this.subscription?.unsubscribe(), this.nested.close()]);
  }

  private every(ms: number, fn: () => void): void {
    this.intervals.push(setInterval(fn, ms).unref());
  }

  private readonly ignored = (p: string): boolean => {
    const rel = path.relative(this.root, p);
    if (!rel || rel.startsWith('..')) return false;
    return rel.split(path.sep).some(isIgnoredName);
  };

  /** One folder watched by the configured source. Only the root's subscription says whether the watcher is alive. */
  private watch(dir: string): Promise<Unsubscribable> {
    const onError = (err: unknown) => {
      if (err === null) {
        if (dir === this.root) this.failed = false;
        return;
      }
      if (dir === this.root || this.polling) this.failed = true;
      const retryInMs = dir === this.root && !this.polling ? this.retry.failed(Date.now()) : undefined; // the poller looks again anyway
      this.opts.log.error({ err: String(err), dir, retryInMs }, 'watcher error');
      // An overflowing inotify queue drops events: whatever they were, a reconcile finds it.
      this.opts.onEventsLost?.(String(err));
    };
    const events = {
      onPath: (p: string, changedAt?: number, gone?: boolean) => this.touch(p, changedAt, gone),
      onError,
      ignored: this.ignored,
      onPassEnded: (startedAt: number) => this.passEnded(startedAt),
      ...(dir === this.root ? { onRootLost: () => this.rootLost() } : {}), // a nested folder's going is a removal, its coming back a new watch (nested-watches.ts)
    };
    return this.polling ? pollSource(dir, { intervalMs: this.opts.pollIntervalMs ?? 3000, sweepPasses: this.opts.pollSweepPasses }, events) : nativeSource(dir, events, this.opts.nativeSubscribe);
  }

  private passEnded(startedAt: number): void {
    this.passStartedAt = Math.max(this.passStartedAt, startedAt);
    this.quiet.passEnded(startedAt);
  }

  /** Native mode: the tree as it is now, before it is watched (the poller follows the tree itself). */
  private snapshot(): FolderLookover | undefined {
    if (this.polling) return undefined;
    return new FolderLookover(this.root, {
      onPath: (p) => this.foundByLooking(p),
      onError: (err) => this.opts.log.warn({ err: String(err) }, 'a folder could not be looked over'),
      ignored: this.ignored,
    });
  }

  /** A change a look-over found: unless its event came (it is settling or settled), it counts as reported now. */
  private foundByLooking(file: string): void {
    if (this.closed || this.quiet.has(file) || this.due.has(file)) return;
    this.opts.log.debug({ file }, 'a change with no event, found by looking its folder over');
    this.touch(file, undefined, false, this.lookover?.lookedThrough); // it may have changed any time since the look before
  }

  /** A path changed: its quiet period starts (again). Folders count too: a removed or moved-in folder arrives as one path. */
  private touch(file: string, changedAt?: number, gone = false, lookedFrom?: number): void {
    if (this.ignored(file)) return;
    this.opts.onPath?.(file);
    const now = Date.now();
    this.reportedAt.set(file, { at: now, from: this.polling ? this.passStartedAt : (lookedFrom ?? now), gone });
    this.quiet.start(file, changedAt ?? now);
  }

  /** A path's quiet period is over: it waits for the flush. */
  private settled(file: string): void {
    this.due.add(file);
    if (this.lookover) this.lookDirs.add(path.dirname(file));
    this.holdSince ??= Date.now();
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  /** Hands the settled paths over as one batch, unless more of the burst is still settling (up to `maxHoldMs`). */
  private flush(): void {
    this.flushScheduled = false;
    if (!this.due.size || this.looking) return;
    if (this.lookover && this.lookDirs.size) {
      // What else changed while these settled: found paths start settling, so the burst waits for them.
      // The look yields to the loop as it goes; the flush comes again once it is over.
      const dirs = new Set(this.lookDirs);
      this.lookDirs.clear();
      this.looking = true;
      void this.lookover
        .lookOver(dirs)
        .catch((err: unknown) => this.opts.log.warn({ err: String(err) }, 'the look-over failed'))
        .finally(() => {
          this.looking = false;
          if (!this.closed) this.scheduleFlush();
        });
      return;
    }
    const held = this.holdSince !== undefined && Date.now() - this.holdSince < this.opts.maxHoldMs;
    if (this.quiet.size > 0 && held) return; // more of the burst is settling; it flushes when they land
    this.holdSince = undefined;
    const scannedAt = Date.now();
    const { changed, removed, nestedFolders } = classifySettled(this.due, this.root, this.opts.log);
    let removedAt: number | undefined;
    for (const file of this.due) {
      const at = removalReportedAt(this.reportedAt.get(file), scannedAt);
      if (removed.has(file) && at !== undefined) removedAt = Math.max(removedAt ?? at, at);
      if (!this.quiet.has(file)) this.reportedAt.delete(file);
    }
    this.due.clear();
    if (nestedFolders.length && !this.polling) this.watchNested(nestedFolders, scannedAt); // polling walks new folders itself
    if (removed.size && this.nested.size) void this.nested.unwatch(removed);
    if (changed.size || removed.size) this.opts.onBatch({ changed: [...changed], removed: [...removed], ...(removedAt === undefined ? {} : { removedAt }) });
    if (this.quiet.size === 0) this.opts.onQuiet?.();
  }

  /**
   * Folders that arrived with folders inside get a subscription of their own, which walks them
   * (a second subscription of the root would share the first one's watches and add none). Their
   * events come twice where both watch; the quiet period makes that one change.
   */
  private watchNested(folders: string[], scannedAt: number): void {
    for (const folder of folders) {
      if (this.closed) return;
      this.nested.watch(folder, () =>
        this.watch(folder).then(
          (s) => {
            // Notes written in there before its watches existed (close() ends the subscription). Only
            // those written since the batch that brought the folder read it: the rest were in that batch
            // (a renamed folder's notes keep their ctime), and are not reported twice.
            if (this.closed) return s;
            try {
              for (const f of scanNotesSync(folder)) if (changedSince(f, scannedAt)) this.touch(f);
            } catch {
              // gone again already: its removal arrives as an event of its own
            }
            this.opts.log.debug({ folder }, 'watching a new nested folder');
            return s;
          },
          (e: unknown) => {
            // Typically the folder went again before it could be watched.
            this.opts.log.warn({ err: String(e), folder }, 'watcher could not watch a new folder');
            return undefined;
          },
        ),
      );
    }
  }

  /**
   * The root itself can go (`rm -rf notes && mkdir notes`, a re-clone, a volume unmounted and mounted
   * again, `mv notes x && mv x notes`) or lead to another folder (a release symlink swapped: `current ->
   * releases/2`): its watches die with it or stay on the old folder. It is looked at every second, and at
   * once when the source says the root went from under it (rootLost); while gone the watcher reports
   * unhealthy, and once back, replaced or renamed away and back (root-folder.ts), or its watch lost, it is
   * watched anew and scanned, with the notes that did not come back passed as removals (held above the
   * threshold), whatever time all this took.
   */
  private checkRoot(): void {
    if (this.closed) return;
    const now = rootStampNow(this.root);
    const change = rootChange(this.rootStamp, now);
    if (change === 'gone') {
      if (!this.rootGone) this.opts.log.error({ root: this.root }, 'the notes folder is gone; waiting for it to come back');
      this.rootGone = true;
      return;
    }
    this.rootStamp = now;
    const why = this.rootGone ? 'back' : this.rootWatchLost ? 'its watch ended' : change !== 'same' ? change : this.failed && this.retry.take(Date.now()) ? 'its watch failed' : undefined;
    if (!why) return;
    this.rootGone = false;
    this.opts.log.warn({ root: this.root, why }, 'the notes folder is back (or was replaced); watching it again');
    this.rewatchRoot();
  }

  /** The source lost the root (native: @parcel/watcher reports nothing of it again; poll: it went): said, then looked at now. */
  private rootLost(): void {
    if (this.closed) return;
    if (!this.rootWatchLost) this.opts.log.error({ root: this.root }, "the notes folder's watch ended (the folder was moved or removed); watching it again once a folder is there");
    this.rootWatchLost = true;
    setImmediate(() => this.checkRoot());
  }

  /** Watches the root anew; asked while that is under way, it looks again once it is over (the newer subscription may be the lost one). */
  private rewatchRoot(): void {
    if (this.rewatching) {
      this.rootWatchLost = true;
      return;
    }
    this.rootWatchLost = false;
    this.rewatching = this.watchRootAnew().finally(() => {
      this.rewatching = undefined;
      if (this.rootWatchLost) this.checkRoot();
    });
  }

  private async watchRootAnew(): Promise<void> {
    const old = this.subscription;
    this.subscription = undefined;
    void this.nested.unwatch([this.root]); // folders watched inside the old root are gone with it
    // Failing, it leaves @parcel/watcher's listing of the path stale: the folder is then watched by another name (sources.ts).
    await old?.unsubscribe().catch((e: unknown) => this.opts.log.warn({ root: this.root, err: String(e) }, 'the old watch of the notes folder did not end cleanly'));
    this.lookover?.stop(); // a look under way is of the old root
    this.lookover = this.snapshot(); // the new root's tree (the batch below reports all of it)
    try {
      const s = await this.watch(this.root);
      if (this.closed) return void (await s.unsubscribe());
      this.subscription = s;
      this.failed = false;
      this.opts.onBatch({ changed: scanNotesSync(this.root), removed: [this.root] });
    } catch (e) {
      this.failed = true;
      this.opts.log.error({ root: this.root, err: String(e), retryInMs: this.retry.failed(Date.now()) }, 'could not watch the notes folder again');
    }
  }
}
