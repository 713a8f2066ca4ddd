/**
 * The model-based test's harness, `InProcessService`: the whole service in this process (startApp
 * with the console adapter printing JSON lines), on a temporary folder: no child process, so a
 * model-based test can run hundreds of steps in seconds. `settle(paths)` waits until the watcher has
 * handed every given path over in a batch and the service then said `idle` (everything handled,
 * every delivery out): never a fixed sleep. `InProcessCli`, `notecast start --json` without the
 * process, is in inproc-cli.ts (re-exported here, where the route tests import it from).
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startApp, type AppOptions, type RunningApp } from '../../src/app.js';
import { findCommand, runCommand, type CommandDeps, type CommandInput } from '../../src/commands/index.js';
import { configSchema, type Config } from '../../src/config/schema.js';
import { parseEnv } from '../../src/config/env.js';
import { createLogger, silentLogger, type Logger } from '../../src/log.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import type { Batch } from '../../src/watch/batch.js';
import { createConsoleAdapter } from '../../src/adapters/console/console.js';
import type { ChatAdapter } from '../../src/publish/port.js';
import { ProgressWait } from './progress-wait.js';
import { workerParseThreads } from './parse-threads.js';
import { workerFileLocks } from '../fakes/file-lock.js';
import { seedEmptyStore } from './empty-store.js';
import { memoryFolder } from './memory-folder.js';
import { tempFolder } from './temp-folder.js';
import { closedAsKilled } from './kill-cut.js';

export { InProcessCli, type ServiceWindows } from './inproc-cli.js';
export { fileParseThreads, workerParseThreads } from './parse-threads.js';

/**
 * The console platform failing, for outages in this process: while `down`, every send is refused
 * as a 5xx would be (the console adapter counts every error as transient); while `hangMs` is set,
 * every send waits that long first (past `delivery.callTimeoutMs`, it is aborted and retried).
 * `hits` counts the sends that met a failure.
 */
export interface PlatformFaults {
  down: boolean;
  hangMs: number;
  /** While true, every send is held in flight (neither answered nor failed) until it turns false, then goes through. */
  held: boolean;
  /**
   * While true, every send is carried out at once (the chat shows it) and its answer held until it turns false: a kill
   * meanwhile leaves a message the killed service never learned of (README, "Exactly once": a crash after the platform
   * accepted a post and before its record is written).
   */
  answerHeld: boolean;
  hits: number;
  /**
   * Added to a post's delivery id, which the console's message id is made of: a restored older
   * state numbers its deliveries again from the backup's, and a real chat never hands out a
   * message id twice (the model's restore step sets it past every id used).
   */
  idOffset: number;
}

/** The console adapter behind `faults` (PlatformFaults); the service is told `console.enabled: false` so it is the only one. */
function consoleBehind(faults: PlatformFaults, write: (line: string, deliveryId: number) => void): ChatAdapter {
  // One printer per send, so each line carries the outbox row it came from (ConsoleEvent.deliveryId).
  const inner = (ctx: { deliveryId: number }) => createConsoleAdapter({ json: true, write: (line) => write(line, ctx.deliveryId) });
  const gate = async (signal: AbortSignal | undefined): Promise<void> => {
    if (faults.down) {
      faults.hits++;
      throw new Error('503 Service Unavailable');
    }
    if (faults.held) {
      faults.hits++;
      while (faults.held) await new Promise((resolve) => setTimeout(resolve, 10));
      return;
    }
    if (!faults.hangMs) return;
    faults.hits++;
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(resolve, faults.hangMs);
      signal?.addEventListener('abort', () => (clearTimeout(t), reject(new Error('aborted'))), { once: true });
    });
  };
  const answered = async <T>(result: T): Promise<T> => {
    if (!faults.answerHeld) return result;
    faults.hits++;
    while (faults.answerHeld) await new Promise((resolve) => setTimeout(resolve, 10));
    return result;
  };
  return {
    ...inner({ deliveryId: 0 }),
    post: async (target, message, ctx) => (await gate(ctx.signal), answered(await inner(ctx).post(target, message, { ...ctx, deliveryId: ctx.deliveryId + faults.idOffset }))),
    edit: async (target, id, message, ctx) => (await gate(ctx.signal), inner(ctx).edit(target, id, message, ctx)),
    delete: async (target, id, ctx) => (await gate(ctx.signal), inner(ctx).delete(target, id, ctx)),
  };
}

/** One line the console adapter printed (see README, `start --json` events). */
export interface ConsoleEvent {
  event: 'post' | 'edit' | 'delete' | 'digest';
  target: string;
  noteId: string | null;
  family?: string;
  revision: number;
  messageId: string;
  text: string;
  /** The outbox row (delivery) this was sent for: set by the harness's platform (`withFaults`), not printed by the service. */
  deliveryId?: number;
}

/**
 * A batch the service applied (`InProcessService.batchLog`), and the last delivery id the outbox had
 * handed out once it was (undefined before the app was up): a delivery with an id up to it and past
 * the batch before's was queued by this batch.
 */
export interface AppliedBatch {
  outboxSeq: number | undefined;
  /**
   * Its paths (resolved), when it began to be decided and when the watcher reported it (unknown for a start's), and when it
   * was applied: the model tells a split burst's halves that met outside the removal window by `reportedAt`, as the service does.
   */
  paths?: ReadonlySet<string>;
  startedAt?: number | undefined;
  reportedAt?: number | undefined;
  appliedAt?: number;
}

/** A message as a chat would show it, rebuilt from the console events. */
export interface ChatMessage {
  messageId: string;
  /** The family (`family:<key>`) or note the message stands for. */
  family: string | null;
  /** The note whose text it shows. */
  noteId: string | null;
  text: string;
  live: boolean;
  /** Posted as a digest (README, Bursts: one message listing several notes, a line each). */
  digest?: boolean;
}

/**
 * Set-aside bounds (AppOptions.asideBounds), a quarter of parse-aside.ts's own (1 s of the thread's CPU, 3 s by the
 * clock, which parse-aside.test.ts's first case and the other slow-note files run), for slow-note-aside.test.ts: its
 * four slow notes spin a thread each until the service stops, and the notes saved with them went free only after the
 * bound (three announced 7.6 s -> 1.9 s after the move, load ~14). Not for the files whose rule counts set-asides or
 * threads started: at load 30-47 a normal note past 750 ms on a starved thread was set aside too (slow-note-later-saves
 * started 6 threads, not 3; slow-note-scan and slow-note-unchanged logged a second set-aside), so they keep the default.
 */
export const SHORT_ASIDE_BOUNDS = { cpuMs: 250, wallMs: 750 } as const;

export class InProcessService {
  app: RunningApp | undefined;
  readonly events: ConsoleEvent[] = [];
  /** Problems seen in the event stream itself (an edit of a message never posted). */
  readonly anomalies: string[] = [];
  readonly chats = new Map<string, Map<string, ChatMessage>>();
  private idles = 0;
  /**
   * Whether the service said idle since the last batch it applied. An idle counted from before a step's change may be
   * the previous step's, said after a late batch of its burst (the model's MODEL_SEED=3131): taken for the step's, the
   * step was checked before its own batch was decided (a rewrite held the removal window).
   */
  private idleAfterBatch = false;
  /** Kills so far (`kill`), and posts sent again after one that showed the message already there (same id, as Discord's nonce returns it). */
  kills = 0;
  resends = 0;
  /** Which app's output counts: one dropped by `kill` says nothing more, as a killed process. */
  private generation = 0;
  private seenPaths = new Set<string>();
  /** Paths the watcher never reported, each handled by a reconcile pass instead (`batched`, when `reconcileMissed`). */
  readonly watcherMisses: string[] = [];
  /** A path the watcher never reports is handed to the reconcile pass (the model test: its subject is what chats show, not the watcher). */
  reconcileMissed = false;
  /** Paths the watcher reported this step, and when: a batch that never came is told from a file never seen. */
  private reported = new Map<string, number>();
  private readonly signals = new ProgressWait();
  /** Every batch the service applied, in order (`batchApplied`): which batch of a step queued a delivery. */
  readonly batchLog: AppliedBatch[] = [];

  constructor(
    readonly notes: string,
    readonly db: string,
    readonly config: Config,
    private readonly log: Logger = silentLogger(),
    /** Platform adapters (against the fakes), their tokens, a clock the test moves, parse threads (default: the worker's, workerParseThreads), and native events held back (test/fakes/late-native.ts). */
    private readonly extra: Partial<Pick<AppOptions, 'platformAdapters' | 'now' | 'parseThreads' | 'fileLock' | 'asideBounds' | 'nativeSubscribe'>> & { env?: Record<string, string> } = {},
  ) {}

  /**
   * `warnings`: the log's warnings and errors are kept in `warnings` (a wait on a line the service logs), the rest dropped.
   * `emptyStore`: its database is there already, empty, as its first start would make it (empty-store.ts: a property's
   * runs, each a new service, do not each wait for a new database's migrations to reach the disk).
   * `inMemory`: the sandbox on tmpfs (memory-folder.ts: a property's runs do not each wait on the disk for every commit).
   */
  static sandbox(config: unknown, extra: InProcessService['extra'] = {}, { warnings = false, emptyStore = false, inMemory = false } = {}): InProcessService {
    const dir = tempFolder('notecast-inproc-', inMemory ? { parent: memoryFolder() } : {});
    const notes = path.join(dir, 'notes');
    mkdirSync(notes);
    if (emptyStore) seedEmptyStore(path.join(dir, 'state', 'notecast.db'));
    let svc: InProcessService | undefined;
    // MODEL_DEBUG: the whole log at debug level kept in `debugLog` (what the service decided, printed with a failing
    // step); `warnings` still takes only warnings and errors (pino's levels 40 and up).
    const debug = Boolean(process.env.MODEL_DEBUG);
    const sink = new Writable({
      write: (chunk: Buffer | string, _enc, done) => {
        const line = chunk.toString();
        if (svc && debug) svc.debugLog.push(line);
        if (svc && warnings && (!debug || /"level":(4|5|6)\d/.test(line))) svc.bump(() => (svc!.warnings += line));
        done();
      },
    });
    const log = warnings || debug ? createLogger({ level: debug ? 'debug' : 'warn', secrets: [], destination: sink }) : silentLogger();
    svc = new InProcessService(notes, path.join(dir, 'state', 'notecast.db'), configSchema.parse(config), log, extra);
    return svc;
  }

  /** The warnings and errors logged so far, when the sandbox was made with `warnings` (JSON lines). */
  warnings = '';

  /** Every line the service logged, at debug level, when MODEL_DEBUG is set (JSON lines): read with a failing step. */
  readonly debugLog: string[] = [];

  /** Set by `withFaults`: the console platform can then fail and recover (PlatformFaults). */
  faults: PlatformFaults | undefined;

  /** What the running app's chat commands are run with (the platform's PlatformDeps), with `withFaults`. */
  private commandDeps: CommandDeps | undefined;

  /**
   * Runs chat command `name` in console chat `chat` as its admin would, through the app's own command deps (what
   * /subscribe and /unsubscribe change in the outbox included, as a platform adapter runs them): the reply's text.
   */
  async command(chat: string, name: string, options: CommandInput['options'] = {}): Promise<string> {
    const cmd = findCommand(name);
    if (!cmd || !this.commandDeps || !this.app) throw new Error(`no command ${name}, or no app started withFaults to run it`);
    const reply = await runCommand(cmd, { target: { platform: 'console', chat, thread: '' }, userId: 'admin', options, isAdmin: () => Promise.resolve(true) }, this.commandDeps);
    return reply.type === 'text' ? reply.text : reply.type;
  }

  /** From the next start on, the console platform fails as `faults` says (switched by the test as it goes). */
  withFaults(): PlatformFaults {
    this.faults = { down: false, hangMs: 0, held: false, answerHeld: false, hits: 0, idOffset: 0 };
    return this.faults;
  }

  /**
   * `options`: start flags as the CLI passes them (`afterRestore`, `moved`). `idle: false`: returns
   * once the start-up scan is recorded and delivering began, without waiting for idle (the platform
   * may still be down: the model's "platform back after the start" step).
   */
  async start(options: Pick<AppOptions, 'afterRestore' | 'moved'> = {}, { idle = true } = {}): Promise<void> {
    const before = this.idles;
    const gen = ++this.generation;
    const mine = (fn: () => void) => {
      if (gen === this.generation) fn();
    };
    const faults = this.faults;
    const write = (line: string, deliveryId: number) => mine(() => this.onLine(line, deliveryId));
    this.app = await startApp({
      ...options,
      platformAdapters: faults ? [(deps) => ((this.commandDeps = deps.commandDeps), consoleBehind(faults, write))] : this.extra.platformAdapters,
      config: faults ? { ...this.config, console: { ...this.config.console, enabled: false } } : this.config,
      env: parseEnv(this.extra.env ?? {}),
      now: this.extra.now,
      parseThreads: this.extra.parseThreads ?? workerParseThreads(),
      fileLock: this.extra.fileLock ?? workerFileLocks().lock, // the real flock child where a process must meet the lock (lock.test.ts)
      asideBounds: this.extra.asideBounds,
      nativeSubscribe: this.extra.nativeSubscribe,
      read: { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {} } },
      notesDir: this.notes,
      dbPath: this.db,
      log: this.log,
      out: (line) => mine(() => this.onLine(line)),
      json: true,
      onIdle: () => mine(() => this.bump(() => ((this.idleAfterBatch = true), this.idles++))),
      onBatch: (b, startedAt, reportedAt) => mine(() => this.bump(() => this.batchApplied(b, startedAt, reportedAt))),
      onWatchEvent: (p) => mine(() => this.bump(() => this.reported.set(path.resolve(p), Date.now()))),
    });
    if (idle) await this.waitFor(() => this.idles > before, 20_000, 'idle after start');
  }

  async stop(): Promise<void> {
    const app = this.app;
    this.app = undefined;
    await app?.stop();
  }

  /** Stops, and removes the sandbox's folder (notes and state): a run in memory (`inMemory`) that nothing reads again. */
  async discard(): Promise<void> {
    await this.stop();
    rmSync(path.dirname(this.notes), { recursive: true, force: true });
  }

  /**
   * Drops the app as a kill -9 would (RunningApp.abandon), the database file left as the OS leaves it (kill-cut.ts: its
   * `-wal` not checkpointed): `start` then starts a new one on the same database, which recovers the WAL.
   */
  async kill(): Promise<void> {
    const app = this.app;
    this.app = undefined;
    this.generation++;
    this.kills++;
    if (await closedAsKilled(this.db, () => app?.abandon())) this.walsLeft++;
  }

  /** Kills that left a `-wal` for the next start to recover (what a kill -9 leaves whenever commits followed the last checkpoint). */
  walsLeft = 0;

  /** Waits until every path was in a batch the service applied, then for its idle signal. */
  async settle(paths: readonly string[], timeoutMs = 20_000): Promise<void> {
    const misses = this.watcherMisses.length;
    await this.batched(paths, timeoutMs);
    const at = this.idles;
    if (this.watcherMisses.length > misses) this.app?.noticeIdle(); // the reconcile's idle may have come before `at`
    await this.waitFor(() => this.idles > at, timeoutMs, 'idle', () => `freeze: every path was batched, no idle since (${this.openDeliveries()} deliveries open)`);
    this.beginStep();
  }

  /**
   * Waits until every path (relative to the notes folder) was in a batch the service applied. With
   * `reconcileMissed`, a path the watcher never reported while the service went quiet
   * (@parcel/watcher once dropped a rename's old path in CI, cause unknown) is what the service's
   * periodic reconcile pass is for: it is run at once, counted in `watcherMisses`, and the path
   * counts as handled once it is applied.
   */
  async batched(paths: readonly string[], timeoutMs = 20_000): Promise<void> {
    const wanted = paths.map((p) => path.resolve(this.notes, p));
    const under = (seen: Iterable<string>, p: string) => [...seen].some((s) => p === s || p.startsWith(s + path.sep));
    const missing = () => wanted.filter((p) => !under(this.seenPaths, p));
    const never = () => missing().filter((p) => !under(this.reported.keys(), p));
    const rel = (ps: string[]) => ps.map((p) => path.relative(this.notes, p)).join(', ');
    const why = () => {
      if (never().length) return `watcher: it never reported ${rel(never())}`;
      const since = (p: string) => Date.now() - Math.max(...[...this.reported].filter(([s]) => p === s || p.startsWith(s + path.sep)).map(([, t]) => t));
      return `freeze: the watcher reported ${missing().map((p) => `${path.relative(this.notes, p)} ${since(p)} ms ago`).join(', ')}, and no batch with it came`;
    };
    const all = () => missing().length === 0;
    try {
      await this.waitFor(all, timeoutMs, `batches with ${paths.join(', ')}`, why);
    } catch (e) {
      const unseen = never();
      if (!this.reconcileMissed || !this.app || unseen.length === 0 || unseen.length < missing().length) throw e; // a freeze, or no service
      this.watcherMisses.push(rel(unseen));
      this.idleAfterBatch = false; // the reconcile pass stands for the batch that never came
      await this.app.reconcile(`test: the watcher never reported ${rel(unseen)}`);
      for (const p of unseen) this.seenPaths.add(p);
      this.app?.noticeIdle(); // its idle may have come before it returned
    }
  }

  /** Waits until the watcher reported every path (relative to the notes folder), whether or not a batch has it yet. */
  async watcherReported(paths: readonly string[], timeoutMs = 20_000): Promise<void> {
    const wanted = paths.map((p) => path.resolve(this.notes, p));
    await this.waitFor(() => wanted.every((p) => this.reported.has(p)), timeoutMs, `the watcher reporting ${paths.join(', ')}`);
  }

  /** Whether the watcher reported, this step, `folder` (relative to the notes folder; '' for the notes folder itself) or a path under it. */
  reportedUnder(folder: string): boolean {
    const dir = path.resolve(this.notes, folder);
    return [...this.reported.keys()].some((p) => p === dir || p.startsWith(dir + path.sep));
  }

  /** Deliveries waiting to go out or being sent (0 once stopped). */
  openDeliveries(): number {
    const row = this.app?.store.db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status IN ('pending', 'sending')").get() as { n: number } | undefined;
    return row?.n ?? 0;
  }

  /** Idle signals so far: taken before a change whose handling queues nothing, whose idle may come with its batch. */
  get idleCount(): number {
    return this.idles;
  }

  /** Whether the service said idle after the last batch it applied: everything handed over so far is handled (`idleAfterBatch`). */
  get idleSinceLastBatch(): boolean {
    return this.idleAfterBatch;
  }

  /** Waits for the service's next idle signal. */
  async nextIdle(timeoutMs = 20_000): Promise<void> {
    const at = this.idles;
    await this.waitFor(() => this.idles > at, timeoutMs, 'idle');
  }

  /** Every event of one kind sent to a chat (`console:<chat>`). */
  sent(chat: string, kind?: ConsoleEvent['event']): ConsoleEvent[] {
    return this.events.filter((e) => e.target === `console:${chat}` && (!kind || e.event === kind));
  }

  /** Forgets the paths seen so far (before a step's file changes). */
  beginStep(): void {
    this.seenPaths = new Set();
    this.reported = new Map();
  }

  live(chat: string): ChatMessage[] {
    return [...(this.chats.get(`console:${chat}`)?.values() ?? [])].filter((m) => m.live);
  }

  private bump(fn: () => void): void {
    fn();
    this.signals.activity();
  }

  /** Called once the service applied `b` (its onBatch; split-model.ts's handOver, which hands batches over itself). */
  batchApplied(b: Batch, startedAt?: number, reportedAt?: number): void {
    this.idleAfterBatch = false;
    const paths = new Set([...b.changed, ...b.removed].map((p) => path.resolve(p)));
    for (const p of paths) this.seenPaths.add(p);
    this.batchLog.push({ outboxSeq: this.outboxSeq(), paths, startedAt, reportedAt, appliedAt: Date.now() });
  }

  /**
   * The last delivery id the outbox handed out, undefined with no app. The outbox's id is AUTOINCREMENT, whose
   * sqlite_sequence row never goes back and whose ids are never reused (https://www.sqlite.org/autoinc.html).
   */
  outboxSeq(): number | undefined {
    const row = this.app?.store.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").get() as { seq: number } | undefined;
    return this.app ? (row?.seq ?? 0) : undefined;
  }

  private onLine(line: string, deliveryId?: number): void {
    const e = JSON.parse(line) as ConsoleEvent;
    if (deliveryId !== undefined) e.deliveryId = deliveryId;
    this.events.push(e);
    let chat = this.chats.get(e.target);
    if (!chat) this.chats.set(e.target, (chat = new Map()));
    const m = chat.get(e.messageId);
    if ((e.event === 'post' || e.event === 'digest') && m?.live && this.kills > 0 && m.text === e.text) {
      // A post caught by a kill before its record, sent again: the console's message id comes from
      // the delivery, so the chat shows the same message (Discord's nonce does this within minutes).
      this.resends++;
    } else if (e.event === 'post' || e.event === 'digest') {
      if (m) this.anomalies.push(`message ${e.messageId} posted twice in ${e.target}`);
      chat.set(e.messageId, { messageId: e.messageId, family: e.family ?? e.noteId, noteId: e.noteId, text: e.text, live: true, ...(e.event === 'digest' ? { digest: true } : {}) });
    } else if (!m?.live) {
      this.anomalies.push(`${e.event} of message ${e.messageId} in ${e.target}, which is ${m ? 'deleted' : 'not posted'}`);
    } else if (e.event === 'edit') {
      m.family = e.family ?? e.noteId; // a message follows its note to another family (a rename)
      m.noteId = e.noteId;
      m.text = e.text;
    } else {
      m.live = false;
    }
    this.signals.activity();
  }

  /** Waits until `pred` holds; gives up once the service gave no signal for `stallMs` (ProgressWait), saying what `why` tells. */
  waitFor(pred: () => boolean, stallMs: number, what: string, why?: () => string): Promise<void> {
    return this.signals.until(pred, stallMs, what, why);
  }
}
