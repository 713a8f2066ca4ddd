/**
 * `InProcessCli`: `notecast start --json` without the process. The sandbox's config file, the
 * environment given and the start flags are wired into `startApp` as `runStart` does, with the
 * Discord and Telegram adapters it builds talking to the fakes; its JSON lines and log fill the same
 * `ServiceEvents` a `Service` process does, so a route test reads either the same way. (The model
 * test's lighter harness, `InProcessService`, is in inproc.ts.)
 */
import path from 'node:path';
import { Writable } from 'node:stream';
import { startApp, type AppOptions, type RunningApp } from '../../src/app.js';
import { parseEnv, secretsOf } from '../../src/config/env.js';
import { createLogger } from '../../src/log.js';
import { loadConfig, readOptions, resolveSite } from '../../src/config/load.js';
import { platformAdaptersOf, startFailure, type PlatformWindows } from '../../src/cli/start.js';
import { ServiceEvents, type Sandbox, type ServiceEvent } from './service.js';
import type { Clock } from '../../src/util/clock.js';
import type { ParseThreads } from '../../src/publish/parse-pool.js';
import { workerParseThreads } from './parse-threads.js';
import { workerFileLocks } from '../fakes/file-lock.js';
import { closedAsKilled } from './kill-cut.js';

/**
 * `notecast start --json --config <sb.config> --notes <sb.notes> --db <sb.db> [flags]` with `env` as
 * its environment, run in this process: the same wiring as `runStart` (src/cli/start.ts) minus
 * the signals and the pull webhook, which stay with the process tests. `ready`, each delivery and
 * `idle` arrive as the JSON lines the process prints; the debug log is kept in `stderr`.
 */
export class InProcessCli extends ServiceEvents {
  readonly exited: Promise<number | null>;
  private app: RunningApp | undefined;
  private readonly starting: Promise<void>;
  private exit!: (code: number) => void;
  private readonly batchedPaths = new Set<string>();
  private readonly notesDir: string;
  private readonly dbPath: string;

  private constructor(
    sb: Sandbox,
    extra: string[],
    env: NodeJS.ProcessEnv,
    private readonly clock?: Clock,
    private readonly parseThreads?: ParseThreads,
    private readonly windows: ServiceWindows = {},
  ) {
    super();
    const flags = startFlags(extra);
    this.notesDir = flags.notes ?? sb.notes;
    this.dbPath = sb.db;
    this.exited = new Promise((resolve) => (this.exit = resolve));
    this.track(this.exited);
    this.starting = this.run(sb, flags, env).catch((e: unknown) => {
      this.stderr += `notecast could not start: ${startFailure(e, sb.db)}\n`;
      this.exit(1);
    });
  }

  /**
   * Starts it; like `Service.start`, returns at once: `ready()` waits for its `ready` line. `clock`:
   * the service's (AppOptions.clock), for a test that moves it; `parseThreads`: the file's
   * (fileParseThreads); `windows`: platform waits shortened, for a test not about their length.
   */
  static start(sb: Sandbox, extra: string[] = [], env: NodeJS.ProcessEnv = {}, clock?: Clock, parseThreads?: ParseThreads, windows?: ServiceWindows): InProcessCli {
    return new InProcessCli(sb, extra, env, clock, parseThreads, windows);
  }

  private async run(sb: Sandbox, flags: StartFlags, envVars: NodeJS.ProcessEnv): Promise<void> {
    const env = parseEnv({ NOTECAST_LOG_LEVEL: 'debug', ...envVars });
    const { config } = loadConfig({ flag: sb.config });
    this.apis = [config.discord.api, config.telegram.apiRoot];
    if (flags.announceExisting) config.publish.announceExisting = true;
    if (flags.httpPort) config.http.port = flags.httpPort;
    const log = createLogger({ level: env.NOTECAST_LOG_LEVEL ?? config.log.level, secrets: secretsOf(env), destination: this.logSink() });
    const platformAdapters = await platformAdaptersOf(config, env, undefined, this.windows);
    if (platformAdapters instanceof Error) throw platformAdapters;
    this.app = await startApp({
      platformAdapters,
      config,
      env,
      read: readOptions(config, resolveSite(config)),
      notesDir: this.notesDir,
      dbPath: sb.db,
      log,
      out: (line) => this.push(JSON.parse(line) as ServiceEvent),
      json: true,
      onIdle: () => this.push({ event: 'idle' }),
      onBatch: (b) => {
        for (const p of [...b.changed, ...b.removed]) this.batchedPaths.add(path.resolve(p));
        this.wake();
      },
      afterRestore: flags.afterRestore,
      moved: flags.moved,
      clock: this.clock,
      parseThreads: this.parseThreads ?? workerParseThreads(),
      fileLock: workerFileLocks().lock,
      reconnect: this.windows.reconnect,
    });
    this.push({ event: 'ready', notes: this.app.notes });
  }

  /**
   * Forgets that these paths were batched, so the next `batched` waits for a batch holding them
   * again: call it before changing a file the service has already seen.
   */
  forgetBatched(paths: readonly string[]): void {
    for (const p of paths) this.batchedPaths.delete(path.resolve(this.notesDir, p));
  }

  /** Waits until the watcher has handed every path (relative to the notes folder; or a folder holding it) over in a batch the service applied. */
  async batched(paths: readonly string[], timeoutMs = 15_000): Promise<void> {
    const wanted = paths.map((p) => path.resolve(this.notesDir, p));
    await this.waitFor(() => wanted.every((p) => this.batchedPaths.has(p) || [...this.batchedPaths].some((s) => p.startsWith(s + path.sep))), timeoutMs, `batches with ${paths.join(', ')}`);
  }

  /**
   * After the test moved the service's clock: the deliverer looks for what came due, as its timer would have at that
   * time on a clock that ran there (its waits are the system's timers, set from the clock's time when it last looked).
   */
  clockMoved(): void {
    this.app?.deliverer.wake();
  }

  /** The app looks again and says `idle` if everything is handled (RunningApp.noticeIdle). */
  protected override askIdle(): boolean {
    this.app?.noticeIdle();
    return this.app !== undefined;
  }

  /** Resolves once the lookup index holds every note (`RunningApp.indexed`): what a command answers from. */
  async indexed(): Promise<number> {
    await this.ready();
    return this.app!.indexed;
  }

  /** Where the log goes: `stderr`, as the process's would. */
  private logSink(): Writable {
    return new Writable({
      write: (chunk: Buffer | string, _enc, done) => {
        this.stderr += chunk.toString();
        done();
      },
    });
  }

  async stop(): Promise<number | null> {
    await this.starting;
    const app = this.app;
    this.app = undefined;
    if (app) {
      await app.stop();
      this.exit(0);
    }
    return this.exited;
  }

  async abandon(): Promise<void> {
    await this.stop();
  }

  /**
   * A kill -9 (RunningApp.abandon): no stop path, nothing more recorded, the database file as the OS leaves it
   * (kill-cut.ts closedAsKilled; the caller cuts its connections first: CutLink). Exit code 137, as SIGKILL's.
   * Returns the `-wal`'s size left (0: none).
   */
  async kill(): Promise<number> {
    await this.starting;
    const app = this.app;
    this.app = undefined;
    const wal = await closedAsKilled(this.dbPath, () => app?.abandon());
    this.exit(137);
    return wal;
  }
}

/**
 * Waits of the platforms that `notecast start` keeps at their real length and an in-process test may
 * shorten: Telegram's group minute (PlatformWindows) and the reconnect backoff (AppOptions.reconnect).
 */
export interface ServiceWindows extends PlatformWindows {
  reconnect?: AppOptions['reconnect'];
}

interface StartFlags {
  announceExisting?: boolean;
  httpPort?: number;
  notes?: string;
  afterRestore?: boolean;
  moved?: boolean;
}

/** The `start` flags the route tests pass; any other is a mistake in the test. */
function startFlags(args: string[]): StartFlags {
  const flags: StartFlags = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--announce-existing') flags.announceExisting = true;
    else if (a === '--http-port') flags.httpPort = Number(args[++i]);
    else if (a === '--notes') flags.notes = args[++i]!;
    else if (a === '--after-restore') flags.afterRestore = true;
    else if (a === '--moved') flags.moved = true;
    else throw new Error(`InProcessCli: unsupported start flag ${a}`);
  }
  return flags;
}
