/**
 * The running service: store, adapters, publisher, deliverer, watcher and scheduler, wired
 * together with their dependencies passed in. `notecast start` is a thin shell around this.
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ChatAdapter } from './publish/port.js';
import { createConsoleAdapter } from './adapters/console/console.js';
import type { Config, Route } from './config/schema.js';
import type { Env } from './config/env.js';
import type { Logger } from './log.js';
import type { ReadOptions } from './notes/read.js';
import { OUTSIDE_LINK, scanNotesSync } from './notes/scan.js';
import { Deliverer, type DeliveryEvent } from './publish/deliverer.js';
import { PlatformConnections } from './publish/connections.js';
import { Publisher } from './publish/publisher.js';
import type { Batch } from './watch/batch.js';
import { isStoreUnavailable, Store } from './store/store.js';
import { createLiveIndex } from './search/live.js';
import { Metrics } from './health/metrics.js';
import { startHealthServer, type HealthDeps } from './health/server.js';
import { acquireInstanceLock } from './store/lock.js';
import { checkMark, markWriter } from './store/mark.js';
import { CommandRateLimiter } from './commands/limit.js';
import type { CommandDeps } from './commands/types.js';
import type { NoteSearch } from './search/index.js';
import { watchNotes, type NotesWatcher } from './watch/watcher.js';
import { chooseWatchMode } from './watch/mode.js';

export interface AppOptions {
  config: Config;
  env: Env;
  read: ReadOptions;
  notesDir: string;
  dbPath: string;
  log: Logger;
  /** Where the console adapter prints. */
  out: (line: string) => void;
  json: boolean;
  /** Adapters besides the console one (Discord, Telegram), built once the store and index exist. */
  platformAdapters?: ((deps: PlatformDeps) => ChatAdapter)[];
  onProgress?: (done: number, total: number) => void;
  onDelivery?: (e: DeliveryEvent) => void;
  /** Everything seen so far is handled (see `noticeIdle`); `start --json` prints `{"event":"idle"}`. */
  onIdle?: () => void;
}

export interface PlatformDeps {
  store: Store;
  search: NoteSearch;
  log: Logger;
  /** What chat commands need: store, index, flood limiter and latency metrics. */
  commandDeps: CommandDeps;
}

export interface RunningApp {
  store: Store;
  /** Lookup for chat commands; filled in the background after start-up. */
  search: NoteSearch;
  /** Resolves when every published note is in the search index. */
  indexed: Promise<number>;
  notes: number;
  publisher: Publisher;
  deliverer: Deliverer;
  stop(): Promise<void>;
}

const MAX_TIMER_MS = 2 ** 31 - 1;
/** How long start-up waits for each platform's first connection attempt before going on without it. */
const FIRST_CONNECT_WAIT_MS = 10_000;

/** Two halves of a batch, changes and removals each split. */
function splitBatch(b: Batch): Batch[] {
  const items = [...b.changed.map((f) => ({ f, removed: false })), ...b.removed.map((f) => ({ f, removed: true }))];
  const mid = Math.ceil(items.length / 2);
  return [items.slice(0, mid), items.slice(mid)].map((part) => ({ changed: part.filter((i) => !i.removed).map((i) => i.f), removed: part.filter((i) => i.removed).map((i) => i.f) }));
}

/** With no platform configured, everything goes to the console so a new user sees output at once. */
function effectiveRoutes(config: Config, adapters: ChatAdapter[]): Route[] {
  const hasPlatform = adapters.some((a) => a.platform !== 'console');
  const consoleRoutes = config.routes.filter((r) => r.platform === 'console');
  if (!hasPlatform && config.console.enabled && consoleRoutes.length === 0) {
    return [...config.routes, { platform: 'console', chat: 'stdout' }];
  }
  return config.routes;
}

/**
 * Starts the service. A failure part-way stops whatever had started (health endpoint, lock,
 * store, adapters, watcher) before it is thrown, so a failed start never stays alive doing nothing.
 */
export async function startApp(o: AppOptions): Promise<RunningApp> {
  const undo: (() => unknown)[] = [];
  try {
    return await startAppParts(o, undo);
  } catch (e) {
    for (const step of undo.reverse()) {
      try {
        await step();
      } catch {
        // already failing: the first error is the one to report
      }
    }
    throw e;
  }
}

async function startAppParts(o: AppOptions, undo: (() => unknown)[]): Promise<RunningApp> {
  const { log } = o;
  let healthDeps: HealthDeps | undefined;
  // The port first: in use, it is a one-line error before any state is opened or written.
  const health = o.config.http.port ? await startHealthServer(() => healthDeps, o.config.http.port, o.config.http.host) : undefined;
  if (health) undo.push(() => new Promise((r) => health.close(r)));
  const lock = acquireInstanceLock(o.dbPath);
  undo.push(() => lock.release());
  const store = new Store(o.dbPath, {
    check: true,
    onLocked: (waitMs) => log.warn({ db: o.dbPath, waitMs }, `the database is locked by another process; waiting up to ${Math.round(waitMs / 1000)} s for it`),
  });
  undo.push(() => store.close());
  // A database that forgot its newest commits would announce them again: refuse, and say why.
  checkMark(o.dbPath, store);
  const mark = markWriter(o.dbPath, store);
  const root = path.resolve(o.notesDir);
  const live = createLiveIndex(root, o.read, log);
  undo.push(() => live.stop());
  const metrics = new Metrics(store);
  const commandDeps: CommandDeps = { store, search: live.search, limiter: new CommandRateLimiter(o.config.commands), observe: metrics.onCommand };
  const adapters: ChatAdapter[] = (o.platformAdapters ?? []).map((make) => make({ store, search: live.search, log, commandDeps }));
  if (o.config.console.enabled && (adapters.length === 0 || o.config.routes.some((r) => r.platform === 'console'))) {
    adapters.push(createConsoleAdapter({ json: o.json, write: o.out, delayMs: o.config.console.delayMs }));
  }
  const config: Config = { ...o.config, routes: effectiveRoutes(o.config, adapters) };
  const byPlatform = new Map(adapters.map((a) => [a.platform, a]));

  const deliverer = new Deliverer(
    store,
    byPlatform,
    { ...config.delivery, isUp: (platform) => connections.isUp(platform) },
    log,
    (e) => {
      metrics.onDelivery(e);
      o.onDelivery?.(e);
    },
  );
  deliverer.onQuiet(() => noticeIdle());
  // Scheduled notes: a timer for the next due date, re-armed after every batch and each minute.
  let scheduleTimer: NodeJS.Timeout | undefined;
  const publisher = new Publisher({
    root,
    store,
    config,
    read: { ...o.read, realRoot: realpathSync.native(root) },
    summary: { maxChars: config.summary.maxChars, maxPoints: config.summary.maxPoints, maxLinks: config.summary.maxLinks, maxPointChars: 200 },
    platforms: new Set(byPlatform.keys()),
    log,
    onEnqueued: () => deliverer.wake(),
    onNote: (row, body) => live.onNote(row, body),
    onRemoved: (id) => live.onRemoved(id),
  });

  // Each platform connects on its own; one that is down never holds the others or the watcher.
  const connections = new PlatformConnections(adapters, {
    log,
    onState: (platform, s) => store.setMeta(`platform.${platform}`, JSON.stringify(s)),
    onUp: (platform) => {
      store.wakePlatform(platform, Date.now());
      deliverer.wake();
    },
  });
  undo.push(() => connections.stop());
  await connections.start(FIRST_CONNECT_WAIT_MS);

  // Batches run one at a time, in order.
  let queue: Promise<void> = Promise.resolve();
  let scanning = true;
  const early: Batch[] = [];
  let stopping = false;
  let queued = 0; // tasks in the queue
  let retrying = 0; // batches waiting to be run again
  /** Every task runs after the previous one; a failing task never stops the ones after it. */
  const serial = (task: () => unknown) => {
    queued++;
    queue = queue
      .then(async () => {
        await task();
      })
      .catch((e: unknown) => log.error({ err: e instanceof Error ? e.message : String(e) }, 'background task failed'))
      .finally(() => {
        queued--;
        noticeIdle();
      });
  };
  /**
   * Tells `onIdle` once the service has nothing left to do: no file settling, no batch queued or
   * waiting for a retry, no delivery in flight or waiting to be sent (also after a retry delay). Looked at after each batch, delivery and
   * settled watcher flush (a turn later, once the deliverer has taken what it was woken for), so a
   * test or an operator can know a change was fully handled without waiting a fixed time.
   */
  let idleLook: NodeJS.Immediate | undefined;
  function noticeIdle(): void {
    if (!o.onIdle || idleLook || stopping) return;
    idleLook = setImmediate(() => {
      idleLook = undefined;
      try {
        if (!scanning && queued === 0 && retrying === 0 && watcher.settling() === 0 && deliverer.idle) o.onIdle?.();
      } catch {
        // the store is busy: a later batch or delivery looks again
      }
    });
  }
  /**
   * A batch that fails because the store is locked, full or failing is run again whole (nothing of
   * it was committed) until the store answers. Any other failure is split in halves until the note
   * at fault is found and recorded as that note's error: a batch never retries forever.
   */
  const runBatch = (b: Batch, attempt = 1) => {
    serial(async () => {
      try {
        const r = await publisher.processBatch(b);
        log.debug({ ...r }, 'batch processed');
      } catch (e) {
        const err = e instanceof Error ? e.message : String(e);
        if (isStoreUnavailable(e)) {
          const wait = Math.min(60_000, 500 * 2 ** attempt);
          log.error({ err, retryInMs: wait }, 'batch failed; will retry (the store is unavailable)');
          if (!stopping) {
            retrying++;
            setTimeout(() => {
              retrying--;
              runBatch(b, attempt + 1);
            }, wait).unref();
          }
        } else if (b.changed.length + b.removed.length > 1) {
          log.error({ err, notes: b.changed.length + b.removed.length }, 'batch failed; splitting it to find the note at fault');
          for (const half of splitBatch(b)) runBatch(half);
        } else {
          const file = b.changed[0] ?? b.removed[0];
          log.error({ err, file }, 'note failed; recorded as its error');
          if (b.changed[0]) publisher.recordFailure(b.changed[0], e);
        }
      }
      arm(); // the batch may have scheduled a note sooner than the timer
    });
  };
  const onBatch = (b: Batch) => {
    if (scanning) early.push(b);
    else runBatch(b);
  };
  // The watcher crawls the folder on its own thread while we scan; anything that changes before it
  // covers a file is caught by the catch-up pass below.
  const watchMode = chooseWatchMode(root, config.watch.mode);
  log.info({ mode: watchMode.mode, reason: watchMode.reason, ...(watchMode.mode === 'poll' ? { intervalMs: config.watch.pollIntervalMs } : {}) }, `watching the notes folder: ${watchMode.mode}`);
  store.setMeta('watch.mode', JSON.stringify(watchMode));
  const watcher: NotesWatcher = watchNotes({
    root,
    mode: watchMode.mode,
    pollIntervalMs: config.watch.pollIntervalMs,
    quietMs: config.watch.quietMs,
    maxHoldMs: Math.max(config.publish.digest.windowMs, config.watch.quietMs * 3),
    onBatch,
    onQuiet: noticeIdle,
    onEventsLost: (why) => requestReconcile(`events may have been lost: ${why}`),
    log,
  });
  undo.push(() => watcher.close());

  /** Notes the store has as live whose files are not among `scanned`: removals for the batch. */
  function notesGone(scanned: readonly string[]): string[] {
    const present = new Set(scanned.map((f) => path.relative(root, f).split(path.sep).join('/')));
    return [...store.noteIndex()].filter(([rel, n]) => n.state !== 'deleted' && !present.has(rel)).map(([rel]) => path.join(root, rel));
  }

  /**
   * A digest scan of the whole folder, as at a warm start: unchanged notes are skipped by digest,
   * and whatever events missed (a remote change on a mount, an overflowed queue) is applied once.
   */
  let reconcileQueued = false;
  function requestReconcile(why: string): void {
    if (reconcileQueued || stopping) return;
    reconcileQueued = true;
    serial(async () => {
      reconcileQueued = false;
      const started = Date.now();
      const scanned = scanNotesSync(root);
      const gone = notesGone(scanned);
      const r = await publisher.processBatch({ changed: scanned, removed: gone });
      const missed = r.parsed + gone.length; // notes whose content changed, and notes gone
      log[missed ? 'warn' : 'info']({ why, ...r, removed: gone.length, ms: Date.now() - started }, missed ? 'reconcile found changes that events missed' : 'reconcile: nothing missed');
      arm();
    });
  }

  const outsideLinks: string[] = [];
  const files = scanNotesSync(root, (link) => outsideLinks.push(link));
  for (const link of outsideLinks) {
    log.warn({ file: path.relative(root, link) }, OUTSIDE_LINK);
    publisher.recordSkipped(link, OUTSIDE_LINK);
  }
  const firstRun = store.getMeta('initialized') === undefined;
  const removed = notesGone(files);
  const mtimes = new Map<string, number>();
  const result = await publisher.processBatch({ changed: files, removed }, firstRun, o.onProgress, mtimes);
  store.setMeta('initialized', new Date().toISOString());
  log.info({ ...result, firstRun }, 'start-up scan reconciled');
  await watcher.ready;
  const again = scanNotesSync(root);
  const againSet = new Set(again);
  const catchUp: Batch = {
    changed: again.filter((f) => mtimes.get(f) !== statSync(f, { throwIfNoEntry: false })?.mtimeMs),
    removed: files.filter((f) => !againSet.has(f)),
  };
  if (catchUp.changed.length || catchUp.removed.length) early.unshift(catchUp);
  publisher.releaseDue();
  deliverer.start();
  undo.push(() => deliverer.stop());
  scanning = false;
  for (const b of early.splice(0)) runBatch(b);
  await queue;
  noticeIdle(); // start-up done: says so once the deliveries it queued are out

  function arm(): void {
    if (scheduleTimer) clearTimeout(scheduleTimer);
    let next: number | undefined;
    try {
      next = store.nextDue();
    } catch {
      next = Date.now() + 5000; // the store is busy: look again soon
    }
    const delay = next === undefined ? 3_600_000 : Math.min(MAX_TIMER_MS, 3_600_000, Math.max(0, next - Date.now()));
    scheduleTimer = setTimeout(() => {
      // Through the batch queue, so a release never interleaves with a batch deciding the same note.
      serial(() => publisher.releaseDue());
      serial(arm);
    }, delay);
    scheduleTimer.unref();
  }
  arm();
  const rearm = setInterval(arm, 60_000);
  rearm.unref();
  const reconcileEvery = config.watch.reconcileMinutes * 60_000;
  const reconciling = reconcileEvery > 0 ? setInterval(() => requestReconcile(`every ${config.watch.reconcileMinutes} min`), reconcileEvery) : undefined;
  reconciling?.unref();
  undo.push(() => clearInterval(reconciling));
  // The mark follows the database, a second behind at most (see store/mark.ts).
  const marking = setInterval(() => {
    try {
      mark.write();
    } catch (e) {
      log.warn({ err: e instanceof Error ? e.message : String(e) }, 'could not write the database mark');
    }
  }, 1000);
  marking.unref();
  undo.push(() => clearInterval(marking));

  healthDeps = { store, adapters: () => adapters, connection: (p) => connections.state(p), watcherAlive: () => watcher.alive(), watchMode, metrics };

  const indexed = live.fill(store).then((n) => {
    log.info({ notes: live.search.size, read: n }, 'search index ready');
    return live.search.size;
  });

  return {
    store,
    search: live.search,
    indexed,
    notes: files.length,
    publisher,
    deliverer,
    async stop() {
      stopping = true;
      live.stop();
      await indexed;
      if (health) await new Promise((r) => health.close(r));
      clearInterval(rearm);
      clearInterval(reconciling);
      if (scheduleTimer) clearTimeout(scheduleTimer);
      await watcher.close();
      await queue; // a batch in progress finishes its transaction before the store closes
      await deliverer.stop();
      await connections.stop();
      clearInterval(marking);
      try {
        mark.write();
      } catch {
        // the mark stays a little behind, which only makes its check weaker
      }
      store.checkpoint();
      store.close();
      lock.release();
    },
  };
}
