/**
 * The running service: store, adapters, publisher, deliverer, watcher and scheduler, wired
 * together with their dependencies passed in. `notecast start` is a thin shell around this.
 */
import path from 'node:path';
import type { ChatAdapter } from './publish/port.js';
import { createConsoleAdapter } from './adapters/console/console.js';
import type { Config, Route } from './config/schema.js';
import { ConfigError } from './errors.js';
import { targetKey, type Target } from './store/types.js';
import { TOKEN_VARIABLE, type Env } from './config/env.js';
import type { Logger } from './log.js';
import type { ReadOptions } from './notes/read.js';
import { Deliverer, type DeliveryEvent } from './publish/deliverer.js';
import { PlatformConnections, type ConnectionsOptions } from './publish/connections.js';
import type { OutageHooks } from './publish/outages.js';
import { LiveChecker } from './publish/live.js';
import { Publisher } from './publish/publisher.js';
import { FolderSync, type FolderSyncDeps } from './publish/sync.js';
import { Store } from './store/store.js';
import { startBackfill } from './search/backfill.js';
import { NoteSearch } from './search/index.js';
import type { Metrics } from './health/metrics.js';
import type { HealthDeps } from './health/server.js';
import type { Templates } from './render/templates/compile.js';
import { openState } from './store/state.js';
import { CommandRateLimiter } from './commands/limit.js';
import type { CommandDeps } from './commands/types.js';
import { settleChatsAtStart, settleRefusedChat, settleUnsubscribedChat } from './publish/chat-wants.js';
import { forgetGoneChat } from './publish/chat-gone.js';
import { serviceRoutes, type RouteNamesLater } from './publish/chat-names-later.js';
import { forgetRefusalsOf } from './store/parked.js';
import { followDigestSchedules } from './publish/scheduled-digest.js';
import { chooseWatchMode } from './watch/mode.js';
import type { Batch } from './watch/batch.js';
import { summaryOptionsOf } from './summary/shape.js';
import { systemClock, type Clock } from './util/clock.js';
import type { AsideBounds, ParseThreads } from './publish/parse-pool.js';
import type { FileLocker } from './store/file-lock.js';

export interface AppOptions {
  config: Config;
  /** The config's message templates, for the preview page (the adapters are given theirs); the defaults without. */
  templates?: Templates | undefined;
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
  /** A watcher batch was applied (or recorded as failed): in-process tests know their saves were seen; `startedAt`: when it began to be decided, `reportedAt`: when the watcher reported it (FolderSync's onBatch). */
  onBatch?: (batch: Batch, startedAt: number, reportedAt: number) => void;
  /** Each path the watcher reported, as it comes: in-process tests tell a file the watcher missed from a batch that never came. */
  onWatchEvent?: (path: string) => void;
  /**
   * The database was restored from a backup (`--after-restore`): it does not know what was
   * announced after the backup was taken, so this start announces nothing it finds new (see
   * docs/operations.md, "After restoring a backup"), and its mark is not held against it.
   */
  afterRestore?: boolean;
  /**
   * The database is the newest state, moved or copied to another file on purpose (`--moved`: a new
   * disk or host, a CI cache): its file is not the one it recorded (store/identity.ts), and that is
   * accepted once; its mark is still checked.
   */
  moved?: boolean;
  /** `--accept-removals`: the removals the guard holds (publish/held-removals.ts) are applied once, as publish.onDelete says. */
  acceptRemovals?: boolean | undefined;
  /** The state is no longer this instance's alone (store/state.ts StateFlags.onLost): the caller stops the service. */
  onStateLost?: (why: string) => void;
  /** The clock of the publisher and the outbox (tests move it, to a digest's time say); Date.now by default. */
  now?: () => number;
  /**
   * The scheduled-note timer's clock, and the publisher's and the outbox's unless `now` is given (a
   * test moves it past a note's date); the system's by default, read through `now` when that is given.
   */
  clock?: Clock;
  /**
   * Parse threads shared by the starts of an in-process test (its harness owns and closes them): a
   * start then loads no parse thread's modules again. Without, the service's parser owns its threads.
   */
  parseThreads?: ParseThreads;
  /**
   * Takes the lock on the database file itself (store/lock.ts LockOptions.lockFile): a `flock` child unless given,
   * and `notecast start` never gives it. An in-process test's harness gives its process's own (test/fakes/file-lock.ts).
   */
  fileLock?: FileLocker | undefined;
  /**
   * The platforms' reconnect backoff (PlatformConnections): 1 s doubling to 60 s unless given (never by `notecast start`).
   * A test of an outage that is not about the backoff's length shortens it, so a platform back up is tried again at once.
   */
  reconnect?: Pick<ConnectionsOptions, 'baseDelayMs' | 'maxDelayMs'> | undefined;
  asideBounds?: Partial<AsideBounds> | undefined; // when a note still parsing is set aside (parse-aside.ts's bounds unless given; `notecast start` never gives it)
  nativeSubscribe?: FolderSyncDeps['nativeSubscribe']; // native mode's event source (@parcel/watcher's unless given; a test's holds some events back, as it can be late)
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
  /** Lookup for chat commands, answered from the database's index. */
  search: NoteSearch;
  /** Resolves (with the number of published notes indexed) once notes recorded before the index existed are indexed: at once, but after an upgrade. */
  indexed: Promise<number>;
  notes: number;
  publisher: Publisher;
  deliverer: Deliverer;
  stop(): Promise<void>;
  /**
   * What a kill -9 leaves, for in-process tests of crashes: nothing in progress is waited for, no
   * mark or checkpoint is written, the database and the lock are let go (as the OS would). Work
   * still in progress fails against the closed database, as it would have died. Resolves once the
   * folder's watches are gone (the OS drops a killed process's at once; in one process they are
   * shared by path, so a new app's would otherwise be torn down with them).
   */
  abandon(): Promise<void>;
  /** Looks again whether everything is handled, and says so (`onIdle`) if it is: a fresh signal for an in-process caller that saw an older one. */
  noticeIdle(): void;
  /** Runs the reconcile pass now (what `watch.reconcileMinutes` runs on a timer): resolves once it is applied. */
  reconcile(why: string): Promise<void>;
}

/** How long start-up waits for each platform's first connection attempt before going on without it. */
const FIRST_CONNECT_WAIT_MS = 10_000;

/** The publisher's and the outbox's clock: `now`, else the clock's (AppOptions.clock). */
function nowOf(o: AppOptions): (() => number) | undefined {
  const clock = o.clock;
  return o.now ?? (clock && (() => clock.now()));
}

/** The scheduled-note timer's clock: `clock`, else the system's read through `now`, so the timer and the publisher agree on the time. */
function clockOf(o: AppOptions): Clock {
  const now = o.now;
  return o.clock ?? (now ? { now, after: (ms, fn) => systemClock.after(ms, fn) } : systemClock);
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

/** Wiring in start-up order, each step one call (its length is the number of parts, a reason). */
async function startAppParts(o: AppOptions, undo: (() => unknown)[]): Promise<RunningApp> {
  const { log } = o;
  let healthDeps: HealthDeps | undefined;
  // The port first: in use, it is a one-line error before any state is opened or written.
  const { health, preview } = await startHttp(o, () => healthDeps, undo);
  const state = await openState(o.dbPath, log, { afterRestore: o.afterRestore === true, moved: o.moved === true, onLost: o.onStateLost, lockFile: o.fileLock });
  undo.push(() => state.close());
  const { store } = state;
  const root = path.resolve(o.notesDir);
  const search = new NoteSearch(store);
  // Read only through /metrics: without the HTTP endpoint, prom-client is never loaded.
  const metrics = health ? new (await import('./health/metrics.js')).Metrics(store) : undefined;
  const adapters = buildAdapters(o, store, search, metrics, { unsubscribed: (target) => settleUnsubscribed(store, config.routes, log, target, (nowOf(o) ?? Date.now)()), subscribed: (target) => followDigestSchedules(store, config.routes, log, (nowOf(o) ?? Date.now)(), target), chatNamed: (chat, username) => names.heard(chat, username) });
  const { config, names } = await serviceRoutes(o.config, { store, adapters, log, callTimeoutMs: o.config.delivery.callTimeoutMs, renamed: (from, to) => o.templates?.nameAlso(from, to) });
  const byPlatform = new Map(adapters.map((a) => [a.platform, a]));

  const waitUntilLive = config.publish.waitUntilLive;
  const live = waitUntilLive.enabled ? new LiveChecker(store.livePages, waitUntilLive, log, () => deliverer.wake()) : undefined;
  const deliverer = new Deliverer(
    store,
    byPlatform,
    { ...config.delivery, isUp: (platform) => connections.isUp(platform), tokens: { reasonFor: (p) => connections.reasonFor(p), refuse: (p, why) => connections.refuse(p, why) }, outage: outageHooksOf(() => connections), removalPending: (id) => publisher.removalPending(id), live, sent: state.sent, unpinPrevious: unpinPreviousIn(config.routes), chatGone: (row, why) => forgetGoneChat({ store, routes: config.routes, log }, row.target, why), chatRefused: (row) => settleRefusedChat({ store, routes: config.routes, log }, row.target) },
    log,
    (e) => {
      state.markNow(); // the delivery's record is committed: the mark follows at once (see store/mark.ts)
      metrics?.onDelivery(e);
      o.onDelivery?.(e);
    },
    nowOf(o),
  );
  if (metrics) metrics.bookkeepingFailing = () => deliverer.bookkeeping.failing;
  const publisher = new Publisher({
    root,
    store,
    config,
    read: o.read, // without the folder's realpath: a summary or lookup made later resolves it then (notes/real-root.ts)
    summary: summaryOptionsOf(config),
    platforms: new Set(byPlatform.keys()),
    log,
    onEnqueued: () => {
      state.markNow();
      deliverer.wake();
    },
    onNote: (row) => search.titleChanged(row.info),
    now: nowOf(o),
    parseThreads: o.parseThreads, acceptRemovals: o.acceptRemovals, aside: o.asideBounds,
  });

  const connections = platformConnections(o, adapters, store, deliverer);
  undo.push(() => connections.stop());
  await connections.start(FIRST_CONNECT_WAIT_MS); // a refused token is the first thing to say
  undo.push(names.start());
  checkPlatformsConfigured(config, store, byPlatform, log);

  const watchMode = chooseWatchMode(root, config.watch.mode);
  log.info({ mode: watchMode.mode, reason: watchMode.reason, ...(watchMode.mode === 'poll' ? { intervalMs: config.watch.pollIntervalMs, sweepPasses: config.watch.pollSweepPasses } : {}) }, `watching the notes folder: ${watchMode.mode}`);
  store.setMeta('watch.mode', JSON.stringify(watchMode));
  store.setMeta('notes.dir', root); // for `status`: the folder this database follows
  // The route from a saved file to the outbox: publish/sync.ts (load, then follow the watcher).
  const sync = new FolderSync({ root, store, publisher, config, watchMode, log, deliveriesIdle: () => deliverer.idle, onProgress: o.onProgress, onIdle: o.onIdle, onBatch: o.onBatch, onWatchEvent: o.onWatchEvent, afterRestore: state.afterRestore, clock: clockOf(o), nativeSubscribe: o.nativeSubscribe });
  undo.push(() => sync.stop());
  deliverer.onQuiet(() => sync.noticeIdle());
  const notes = await sync.load();
  beforeSending(store, config.routes, live, log, (nowOf(o) ?? Date.now)());
  deliverer.start();
  undo.push(() => deliverer.stop());
  await sync.follow();

  if (metrics) healthDeps = { store, adapters: () => adapters, connection: (p) => connections.state(p), watcherAlive: () => sync.watcher.alive(), watchMode, metrics };

  // Only a database from before the lookup index has notes to index here (once).
  const backfill = startBackfill(store, root, o.read, log);
  undo.push(() => backfill.stop());
  const indexed = backfill.done.then((n) => {
    if (n) log.info({ notes: search.size, indexed: n }, 'search index ready: notes recorded before it were indexed');
    return search.size;
  });

  return runningApp({ store, search, indexed, notes, publisher, deliverer, backfill, preview, health, sync, connections, state, names });
}

interface AppParts extends Pick<RunningApp, 'store' | 'search' | 'indexed' | 'notes' | 'publisher' | 'deliverer'> {
  backfill: { stop(): void };
  preview: { close(): Promise<void> } | undefined;
  health: Awaited<ReturnType<typeof import('./health/server.js').startHealthServer>> | undefined;
  sync: FolderSync;
  connections: PlatformConnections;
  state: Awaited<ReturnType<typeof openState>>;
  names: RouteNamesLater;
}

/** The running service: its parts, stopped in order, or abandoned at once (a kill, in tests). */
function runningApp(p: AppParts): RunningApp {
  const { store, search, indexed, notes, publisher, deliverer, backfill, preview, health, sync, connections, state, names } = p;
  return {
    store,
    search,
    indexed,
    notes,
    publisher,
    deliverer,
    async stop() {
      names.stop();
      backfill.stop();
      await indexed;
      await preview?.close(); // its event streams end first: the server's close waits for open connections
      if (health) await new Promise((r) => health.close(r));
      await sync.stop(); // a batch in progress finishes its transaction before the store closes
      await deliverer.stop();
      await connections.stop();
      await state.close();
    },
    noticeIdle: () => sync.noticeIdle(),
    reconcile: (why) => sync.requestReconcile(why),
    async abandon() {
      names.stop();
      backfill.stop();
      indexed.catch(() => undefined); // it may end on the closed database: nobody waits for it any more
      health?.close();
      state.abandon();
      publisher.parser.abandon(); // after the store: what its threads were parsing is never recorded
      const stopped = sync.stop().catch(() => undefined);
      void deliverer.stop();
      void connections.stop();
      await sync.watcher.close().catch(() => undefined);
      void stopped;
    },
  };
}

/**
 * The HTTP endpoint (health, metrics and, when enabled, the preview page), when a port is set. Its
 * modules load only then: most runs (`sync --once`, a service without a port) never serve it.
 */
async function startHttp(o: AppOptions, deps: () => HealthDeps | undefined, undo: (() => unknown)[]) {
  if (!o.config.http.port) return { health: undefined, preview: undefined };
  const preview = o.config.http.preview ? await servicePreview(o) : undefined;
  const health = await (await import('./health/server.js')).startHealthServer(deps, o.config.http.port, o.config.http.host, preview?.handler);
  if (health) undo.push(() => new Promise((r) => health.close(r)));
  if (preview) undo.push(() => preview.close());
  return { health, preview };
}

/** The preview page on the service's HTTP endpoint: it reads the folder on its first request. */
async function servicePreview(o: AppOptions) {
  const root = path.resolve(o.notesDir);
  const [{ previewNotesFor }, { previewHandler }] = await Promise.all([import('./health/preview/notes.js'), import('./health/preview/server.js')]);
  const notes = previewNotesFor(o.config, root, o.read, o.log, o.templates);
  const handler = previewHandler(notes);
  let closed: Promise<void> | undefined;
  return {
    handler,
    close: () => (closed ??= (handler.close(), notes.close())),
  };
}

/**
 * A route to a platform that is not configured would be dropped without a word, and its notes never
 * reach the platform once it is (they are announced by then): start refuses, naming the variable.
 * Chats that subscribed on a platform now without its token are told in the log: they get nothing
 * until it is set again.
 */
function checkPlatformsConfigured(config: Config, store: Store, running: ReadonlyMap<string, ChatAdapter>, log: Logger): void {
  const issues = config.routes.flatMap((r, i) =>
    running.has(r.platform) ? [] : [{ path: `routes.${i}`, message: r.platform === 'console' ? 'the console adapter is turned off (console.enabled: false)' : `${r.platform} is not configured: set ${TOKEN_VARIABLE[r.platform] ?? 'its token'} in the environment, or remove this route` }],
  );
  if (issues.length) throw new ConfigError('config', issues);
  forgetRefusalsOf(store, new Set(running.keys()));
  const orphaned = new Map<string, number>();
  for (const s of store.subscriptions()) if (!running.has(s.target.platform)) orphaned.set(s.target.platform, (orphaned.get(s.target.platform) ?? 0) + 1);
  for (const [platform, chats] of orphaned) {
    log.warn({ platform, subscriptions: chats }, `${chats} subscription(s) on ${platform}, which is not configured (${TOKEN_VARIABLE[platform] ?? 'no token'}): their announcements wait (status: pending) and go out once it is`);
  }
}

/** The connections as the deliverer tells them of an outage (publish/outages.ts); made before them, so asked late. */
function outageHooksOf(of: () => PlatformConnections): OutageHooks {
  return { watches: (p) => of().watches(p), lost: (p, why) => of().lost(p, why), answered: (p) => of().answered(p) };
}

/** Each platform connects on its own; one that is down never holds the others or the watcher. */
function platformConnections(o: AppOptions, adapters: ChatAdapter[], store: Store, deliverer: Deliverer): PlatformConnections {
  const now = nowOf(o) ?? Date.now; // the outbox's clock: its waits are times on it (a wait set from another clock is off by their difference)
  return new PlatformConnections(adapters, {
    ...o.reconnect,
    probeTimeoutMs: o.config.delivery.callTimeoutMs,
    log: o.log,
    onState: (platform, s) => store.setMeta(`platform.${platform}`, JSON.stringify(s)),
    onUp: (platform) => {
      store.wakePlatform(platform, now());
      deliverer.platformUp(platform);
    },
  });
}

/** After /unsubscribe: what the chat no longer wants is called off, and posts held for a digest it no longer asks for go (or wait for the time it asks now). */
function settleUnsubscribed(store: Store, routes: readonly Route[], log: Logger, target: Target, now: number): void {
  settleUnsubscribedChat({ store, routes, log }, target);
  followDigestSchedules(store, routes, log, now, target);
}

/** Start-up's look at what waits, before anything is sent: chats' wishes (publish/chat-wants.ts), posts held for their page. */
function beforeSending(store: Store, routes: readonly Route[], live: LiveChecker | undefined, log: Logger, now: number): void {
  settleChatsAtStart({ store, routes, log });
  followDigestSchedules(store, routes, log, now);
  if (live && store.livePages.resumeHeld(Date.now())) log.info('posts held for their page: asking the pages again');
}

/** The platform adapters asked for, and the console one when nothing else is there or a route names it; `chats`: what /subscribe and /unsubscribe change in the outbox. */
function buildAdapters(o: AppOptions, store: Store, search: NoteSearch, metrics: Metrics | undefined, chats: Pick<CommandDeps, 'unsubscribed' | 'subscribed' | 'chatNamed'>): ChatAdapter[] {
  const commandDeps: CommandDeps = { store, search, limiter: new CommandRateLimiter(o.config.commands), observe: metrics?.onCommand, ...chats };
  const adapters: ChatAdapter[] = (o.platformAdapters ?? []).map((make) => make({ store, search, log: o.log, commandDeps }));
  if (o.config.console.enabled && (adapters.length === 0 || o.config.routes.some((r) => r.platform === 'console'))) {
    adapters.push(createConsoleAdapter({ json: o.json, write: o.out, delayMs: o.config.console.delayMs }));
  }
  return adapters;
}

/** A config route's `unpinPrevious`, by the chat (and thread) it names. */
function unpinPreviousIn(routes: Config['routes']): (target: Target) => boolean {
  // Read at each call: a route's @username may be learned while the service runs (chat-names-later.ts).
  return (target) => routes.some((r) => r.unpinPrevious && targetKey({ platform: r.platform, chat: r.chat, thread: r.thread ?? '' }) === targetKey(target));
}
