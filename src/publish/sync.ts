/**
 * The notes folder kept in step with the store, in the shape of Astro's content-layer glob loader:
 * `load()` scans the folder, skips unchanged notes by digest and applies the rest; `follow()` then
 * applies the watcher's batches one at a time, in order, with the scheduled-note timer and the
 * periodic reconcile pass. Reading this file top to bottom is the route from a saved file to the
 * outbox; the deliverer (deliverer.ts) takes it from there.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/schema.js';
import type { Logger } from '../log.js';
import { OUTSIDE_LINK, scanNotesSync } from '../notes/scan.js';
import { isStoreUnavailable, type Store } from '../store/store.js';
import { recordRestoreScanned } from '../store/restore-record.js';
import type { Batch } from '../watch/batch.js';
import type { ModeChoice } from '../watch/mode.js';
import { watchNotes, type NotesWatcher } from '../watch/watcher.js';
import type { NativeSubscribe } from '../watch/sources.js';
import { backoffMs, NO_JITTER } from './backoff.js';
import type { Publisher } from './publisher.js';
import { errorText } from '../errors.js';
import { compactHeap } from '../util/heap.js';
import { systemClock, type Clock } from '../util/clock.js';
import { POOL_THRESHOLD } from './parse-pool.js';
import { removalWindowMs } from './recent-edits.js';
import { LateNotes, type LateBatch, type PreParsed } from './late-notes.js';
import { FolderAway } from './folder-away.js';
import { RemovalBurst } from './removal-burst.js';
import { writeSlowNotes, type SlowNote } from './slow-notes.js';

export interface FolderSyncDeps {
  root: string;
  store: Store;
  publisher: Publisher;
  config: Config;
  watchMode: ModeChoice;
  log: Logger;
  /** Whether the deliverer has nothing in flight or waiting (for `onIdle`). */
  deliveriesIdle: () => boolean;
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Everything seen so far is handled: nothing settling, queued, retrying or being delivered. */
  onIdle?: (() => void) | undefined;
  /**
   * A watcher batch was applied, or recorded as failed (in-process tests wait for their saves with it);
   * `startedAt`: when it began to be decided; `reportedAt`: when the watcher reported it, which an edit in place is
   * remembered from (report-clock.ts; the model tells a split burst's halves that met outside the removal window by it).
   */
  onBatch?: ((batch: Batch, startedAt: number, reportedAt: number) => void) | undefined;
  /** Each path the watcher reported, before its quiet period (AppOptions.onWatchEvent). */
  onWatchEvent?: ((path: string) => void) | undefined;
  /** The database was restored from a backup: the start-up scan announces nothing new (AppOptions.afterRestore). */
  afterRestore?: boolean | undefined;
  /** The scheduled-note timer's clock (AppOptions.clock); the system's by default. */
  clock?: Clock | undefined;
  /** Native mode's subscribe (AppOptions.nativeSubscribe): @parcel/watcher's unless given. */
  nativeSubscribe?: NativeSubscribe | undefined;
}

const MAX_TIMER_MS = 2 ** 31 - 1;
const HOUR_MS = 3_600_000;

/** Two halves of a batch, changes and removals each split. */
function splitBatch(b: Batch): Batch[] {
  const items = [...b.changed.map((f) => ({ f, removed: false })), ...b.removed.map((f) => ({ f, removed: true }))];
  const mid = Math.ceil(items.length / 2);
  return [items.slice(0, mid), items.slice(mid)].map((part) => ({ changed: part.filter((i) => !i.removed).map((i) => i.f), removed: part.filter((i) => i.removed).map((i) => i.f), ...(b.removedAt === undefined ? {} : { removedAt: b.removedAt }) }));
}

export class FolderSync {
  readonly watcher: NotesWatcher;
  /** Batches run one at a time, in order; a failing one never stops the ones after it. */
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;
  /** Batches waiting to be run again (the store was unavailable). */
  private retrying = 0;
  private loading = true;
  /** The start-up scan of a big folder read the whole note table and every file's stat (a warm start parses nothing, yet leaves as much garbage): memory is given back at the first idle. */
  private startScanned = false;
  private stopping = false;
  /** Batches the watcher delivered while `load()` was scanning: run by `follow()`. */
  private readonly early: Batch[] = [];
  /** Notes the start-up scan set aside whose results came before `follow()`: decided by it, after `early` (never beside the scan's batch). */
  private readonly earlyLate: LateBatch[] = [];
  /** The reconcile pass queued and not begun: a second request joins it. */
  private reconcileQueued: Promise<void> | undefined;
  private idleLook: NodeJS.Immediate | undefined;
  private cancelSchedule: (() => void) | undefined;
  /** When the removals waiting are judged (removal-burst.ts). */
  private readonly burst: RemovalBurst;
  private readonly folder: FolderAway;
  private readonly timers: NodeJS.Timeout[] = [];
  /** Notes of the watcher's batches set aside while they parse, each decided in a batch of its own once parsed (late-notes.ts). */
  private readonly late: LateNotes;

  constructor(private readonly deps: FolderSyncDeps) {
    const { config } = deps;
    this.late = new LateNotes(
      deps.root,
      (b) => (this.loading ? this.earlyLate.push(b) : this.runLate(b)),
      (now, added) => this.noteSlowNotes(now, added),
    );
    this.folder = new FolderAway(deps.root, deps.log, () => this.watcher.rootRead(), () => this.serial(() => this.judgeRemovals()));
    this.noteSlowNotes([], []); // a record an earlier run left is void: its notes are read again by this start's scan
    // The watcher crawls the folder on its own thread while `load()` scans; anything that changes
    // before it covers a file is caught by the catch-up pass at the end of `load()`.
    this.watcher = watchNotes({
      root: deps.root,
      mode: deps.watchMode.mode,
      pollIntervalMs: config.watch.pollIntervalMs,
      pollSweepPasses: config.watch.pollSweepPasses,
      quietMs: config.watch.quietMs,
      maxHoldMs: removalWindowMs(config),
      onBatch: (b) => (this.loading ? this.early.push(b) : this.runBatch(b)),
      onQuiet: () => this.noticeIdle(),
      onPath: deps.onWatchEvent,
      onEventsLost: (why) => void this.requestReconcile(`events may have been lost: ${why}`),
      log: deps.log,
      nativeSubscribe: deps.nativeSubscribe,
    });
    const judge = () => this.serial(() => this.judgeRemovals()); // through the batch queue: a batch queued before it joins the burst first
    this.burst = new RemovalBurst({ windowMs: removalWindowMs(config), recheckMs: Math.min(config.watch.quietMs, 250), watcher: this.watcher, waiting: () => deps.publisher.pendingRemovals, judge });
  }

  /** A batch of notes set aside (late-notes.ts), their results in. */
  private runLate(b: LateBatch): void {
    if (!this.stopping) this.runBatch({ changed: b.files, removed: [] }, 1, b.reportedAt, b.preParsed);
  }

  /** Notes set aside while they parse: logged as they are, and recorded for `status` (slow-notes.ts). */
  private noteSlowNotes(now: SlowNote[], added: string[]): void {
    for (const file of added) this.deps.log.info({ file }, 'note still parsing: set aside, the notes saved with it go on; it is announced once parsed, or recorded as its error past notes.parseTimeoutMs');
    try {
      writeSlowNotes(this.deps.store, now);
    } catch (err) {
      this.deps.log.debug({ err: errorText(err) }, 'notes set aside not recorded (the store is unavailable): status says them at the next change');
    }
  }

  /**
   * The start-up scan: every note file read and compared by digest with the store, changes and
   * removals applied as one batch, then a catch-up batch for what changed while it ran. Returns
   * the number of note files found.
   */
  async load(): Promise<number> {
    const { root, store, publisher, log } = this.deps;
    const outsideLinks: string[] = [];
    const files = scanNotesSync(root, (link) => outsideLinks.push(link));
    for (const link of outsideLinks) publisher.recordSkipped(link, OUTSIDE_LINK); // logged there, once
    const firstRun = store.getMeta('initialized') === undefined;
    const mtimes = new Map<string, number>();
    // A slow note is set aside as in a save (issue 25, tester 20 F3: notes written while the service was down waited for its
    // whole budget, and `ready` with them), but not by a scan that announces nothing new (a first run, after a restore):
    // its late batch would be a plain one, and announce what that scan records silently.
    const late = firstRun || this.deps.afterRestore ? undefined : this.late;
    const result = await publisher.processBatch({ changed: files, removed: this.notesGone(files) }, { firstRun, afterRestore: this.deps.afterRestore, onProgress: this.deps.onProgress, mtimes, trustStat: true, late });
    store.setMeta('initialized', new Date().toISOString());
    if (this.deps.afterRestore) recordRestoreScanned(store); // the restore is done: the next start is a plain one
    // A compacting collection costs tens of ms of CPU (~100 ms measured on a loaded 2-core machine),
    // worth it for a big folder's garbage, not for a few notes' (every `sync --once` and test start).
    this.startScanned = files.length >= POOL_THRESHOLD;
    log.info({ ...result, firstRun, afterRestore: this.deps.afterRestore === true, removalsWaiting: publisher.pendingRemovals }, 'start-up scan reconciled');
    await this.watcher.ready;
    const again = scanNotesSync(root);
    const againSet = new Set(again);
    // A note whose late batch is in (`earlyLate`) is left out: that batch reads it again (late-notes.ts), where the catch-up
    // parsed it a second time. One still parsing is not: the batch leaves it to its parse while its file holds the text
    // being parsed (late-notes.ts `take`), and takes it if it was edited meanwhile, not held back by the parse of what it was.
    const aside = new Set(this.earlyLate.flatMap((b) => b.files).map((f) => path.resolve(f)));
    const catchUp: Batch = {
      changed: again.filter((f) => !aside.has(path.resolve(f)) && mtimes.get(f) !== statSync(f, { throwIfNoEntry: false })?.mtimeMs),
      removed: files.filter((f) => !againSet.has(f)),
    };
    if (catchUp.changed.length || catchUp.removed.length) this.early.unshift(catchUp);
    await publisher.releaseDue();
    return files.length;
  }

  /** From here on, the watcher's batches are applied as they come; resolves once those that came during `load()` are. */
  async follow(): Promise<void> {
    const { config } = this.deps;
    this.loading = false;
    for (const b of this.early.splice(0)) this.runBatch(b);
    for (const b of this.earlyLate.splice(0)) this.runLate(b);
    this.burst.found(); // the start-up scan's
    if (!this.deps.publisher.pendingRemovals) this.deps.publisher.endAccepting(); // nothing held is gone any more: --accept-removals has nothing to apply
    this.armSchedule();
    this.every(60_000, () => this.armSchedule());
    if (config.watch.reconcileMinutes > 0) this.every(config.watch.reconcileMinutes * 60_000, () => void this.requestReconcile(`every ${config.watch.reconcileMinutes} min`));
    await this.queue;
    this.noticeIdle(); // start-up done: says so once the deliveries it queued are out
  }

  /** Stops following; a batch in progress finishes its transaction first. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const t of this.timers) clearInterval(t);
    this.cancelSchedule?.();
    this.burst.stop(); // waiting removals are found again by the next start's scan
    this.folder.stop();
    await this.watcher.close();
    await this.queue;
    await this.deps.publisher.close();
  }

  /**
   * Tells `onIdle` once the service has nothing left to do: no file settling, no batch queued or
   * waiting for a retry, no delivery in flight or waiting to be sent. Looked at after each batch,
   * delivery and settled watcher flush (a turn later, once the deliverer has taken what it was
   * woken for), so a test or an operator can know a change was fully handled without a fixed wait.
   */
  noticeIdle(): void {
    if (this.idleLook || this.stopping) return;
    this.idleLook = setImmediate(() => {
      this.idleLook = undefined;
      try {
        if (this.loading || this.queued || this.retrying || this.late.size || this.watcher.settling() || (this.deps.publisher.pendingRemovals && !this.folder.waitsForFolder()) || !this.deps.deliveriesIdle()) return;
        // Looked at with or without `onIdle` (start without --json): a cold start's memory is given back either way.
        if (this.deps.publisher.parser.bigBatchEnded() || this.startScanned) this.releaseMemory();
        this.startScanned = false;
        this.deps.onIdle?.();
      } catch {
        // the store is busy: a later batch or delivery looks again
      }
    });
  }

  /**
   * After a big batch (a cold start, a reconcile that found much), before saying `idle`: SQLite's
   * page cache is emptied (up to 16 MB a connection: SQLITE_DEFAULT_CACHE_SIZE=-16000 in
   * better-sqlite3's deps/defines.gypi; https://sqlite.org/pragma.html#pragma_shrink_memory), and the heap compacted
   * (the batch's garbage and what was made since, in one collection). Else the
   * process says `idle` at its largest, and gives the memory back only 30–60 s later when V8's
   * memory reducer runs.
   */
  private releaseMemory(): void {
    this.deps.store.db.pragma('shrink_memory');
    compactHeap();
  }

  private every(ms: number, fn: () => void): void {
    const t = setInterval(fn, ms);
    t.unref();
    this.timers.push(t);
  }

  private serial(task: () => unknown): void {
    this.queued++;
    this.queue = this.queue
      .then(async () => {
        await task();
      })
      .catch((e: unknown) => this.deps.log.error({ err: errorText(e) }, 'background task failed'))
      .finally(() => {
        this.queued--;
        this.noticeIdle();
      });
  }

  /**
   * A batch that fails because the store is locked, full or failing is run again whole (nothing of
   * it was committed) until the store answers. Any other failure is split in halves until the note
   * at fault is found and recorded as that note's error: a batch never retries forever.
   */
  private runBatch(b: Batch, attempt = 1, reportedAt = Date.now(), preParsed?: PreParsed): void {
    const { publisher, log } = this.deps;
    this.serial(async () => {
      const startedAt = Date.now();
      try {
        const r = await publisher.processBatch(b, { reportedAt, late: this.late, preParsed });
        log.debug({ ...r }, 'batch processed');
      } catch (e) {
        this.batchFailed(b, e, attempt, reportedAt);
      }
      this.deps.onBatch?.(b, startedAt, reportedAt);
      this.folder.batchRan();
      this.burst.found(b.removedAt);
      this.armSchedule(); // the batch may have scheduled a note sooner than the timer
    });
  }

  private batchFailed(b: Batch, e: unknown, attempt: number, reportedAt: number): void {
    const { log } = this.deps;
    const err = errorText(e);
    if (isStoreUnavailable(e)) {
      const wait = backoffMs(attempt, { baseDelayMs: 1000, maxDelayMs: 60_000 }, NO_JITTER);
      log.error({ err, retryInMs: wait }, 'batch failed; will retry (the store is unavailable)');
      if (this.stopping) return;
      this.retrying++;
      setTimeout(() => {
        this.retrying--;
        this.runBatch(b, attempt + 1, reportedAt);
      }, wait).unref();
    } else if (b.changed.length + b.removed.length > 1) {
      log.error({ err, notes: b.changed.length + b.removed.length }, 'batch failed; splitting it to find the note at fault');
      for (const half of splitBatch(b)) this.runBatch(half, 1, reportedAt);
    } else {
      log.error({ err, file: b.changed[0] ?? b.removed[0] }, 'note failed; recorded as its error');
      if (b.changed[0]) this.deps.publisher.recordFailure(b.changed[0], e);
    }
  }

  /** Notes the store has as live whose files are not among `scanned`: removals for the batch. */
  private notesGone(scanned: readonly string[]): string[] {
    const { root, store } = this.deps;
    const present = new Set(scanned.map((f) => path.relative(root, f).split(path.sep).join('/')));
    return store.liveFiles().filter((rel) => !present.has(rel)).map((rel) => path.join(root, rel));
  }

  /**
   * A digest scan of the whole folder, as at a warm start: unchanged notes are skipped by digest,
   * and whatever events missed (a remote change on a mount, an overflowed queue) is applied once.
   */
  requestReconcile(why: string): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return (this.reconcileQueued ??= new Promise<void>((resolve) => {
      this.serial(async () => {
        this.reconcileQueued = undefined;
        try {
          await this.reconcile(why);
        } finally {
          resolve();
        }
      });
    }));
  }

  private async reconcile(why: string): Promise<void> {
    const started = Date.now();
    const scanned = scanNotesSync(this.deps.root);
    const gone = this.notesGone(scanned);
    const r = await this.deps.publisher.processBatch({ changed: scanned, removed: gone });
    const missed = r.parsed + gone.length; // notes whose content changed, and notes gone
    this.deps.log[missed ? 'warn' : 'info']({ why, ...r, removed: gone.length, ms: Date.now() - started }, missed ? 'reconcile found changes that events missed' : 'reconcile: nothing missed');
    this.burst.found();
    this.armSchedule();
  }

  /**
   * Removals gather (publish/removals.ts) while their burst goes on, and are judged together once it has ended
   * (removal-burst.ts): none joined them (nor a rewrite held with them) for a removal window, timed from when the
   * watcher was told of the latest (`removedAt`; now for a scan's), and the watcher has looked through the window's end.
   * A burst so counts whole however long it lasts, as long as its removals come closer than the window (issue 25, f1).
   */
  private async judgeRemovals(): Promise<void> {
    // A note set aside while it parses may be a removal's new name: judged once it is decided (its batch arms this again).
    if (this.stopping || !this.burst.open || this.late.size || !this.folder.present(this.deps.publisher.pendingRemovals)) return; // the notes folder gone: they wait for it (folder-away.ts)
    if (!this.burst.ended()) return;
    await this.deps.publisher.releaseHeld(); // first: a held file whose note moved meanwhile is a new note, else an edit
    const r = this.deps.publisher.applyRemovals();
    if (r.announced || r.heldRemovals) this.deps.log.debug({ ...r }, 'removals applied');
    this.armSchedule();
  }

  /** Scheduled notes: a timer for the next due date, re-armed after every batch and each minute. */
  private armSchedule(): void {
    this.cancelSchedule?.();
    this.cancelSchedule = undefined;
    if (this.stopping) return;
    const clock = this.deps.clock ?? systemClock;
    let next: number | undefined;
    try {
      next = this.deps.store.nextDue();
    } catch {
      next = clock.now() + 5000; // the store is busy: look again soon
    }
    const delay = next === undefined ? HOUR_MS : Math.min(MAX_TIMER_MS, HOUR_MS, Math.max(0, next - clock.now()));
    this.cancelSchedule = clock.after(delay, () => {
      // Through the batch queue, so a release never interleaves with a batch deciding the same note.
      this.serial(() => this.deps.publisher.releaseDue());
      this.serial(() => this.armSchedule());
    });
  }
}
