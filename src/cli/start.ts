/** `notecast start`: the service, until SIGINT or SIGTERM. */
import { z } from 'zod';
import { readOptions, resolveSite } from '../config/load.js';
import { secretsOf } from '../config/env.js';
import { loadRuntime } from './runtime.js';
import { isCannotOpen, isStatePathError, notesFolderProblem, stateFileProblem } from './paths.js';
import { createLogger, redact, type Logger } from '../log.js';
import { createPuller, startPushHook } from '../watch/push-hook.js';
import { startApp } from '../app.js';
import type { DiscordWebhookRoute } from '../adapters/discord/adapter.js';
import type { Config } from '../config/schema.js';
import type { Templates } from '../render/templates/compile.js';
import type { Env } from '../config/env.js';
import type { Io } from './io.js';
import { ConfigError, errorText } from '../errors.js';
import { countOf } from '../util/text.js';

/**
 * The flag that confirms held removals (`start` and `sync --once`), checked before anything starts
 * (commander hands over `true` or nothing). Here, not in program.ts: `--help` and `--version` load
 * no zod (~0.13 s of CPU, issue 24).
 */
export const acceptRemovalsFlag = z.object({ acceptRemovals: z.boolean().default(false) });

/** The options `start` and `sync --once` share: where the state is and how it was restored. */
export interface StateRunOptions {
  config?: string;
  notes?: string;
  db?: string;
  announceExisting?: boolean;
  /** The database was restored from a backup (AppOptions.afterRestore). */
  afterRestore?: boolean;
  /** The database is the newest state, moved or copied on purpose (AppOptions.moved). */
  moved?: boolean;
  /** Apply the removals the guard holds now, once (AppOptions.acceptRemovals). */
  acceptRemovals?: boolean;
  json?: boolean;
}

export interface StartOptions extends StateRunOptions {
  httpPort?: string;
  httpHost?: string;
}

export async function runStart(opts: StartOptions, io: Io): Promise<number> {
  const runtime = await loadRuntime(opts.config, io);
  if (typeof runtime === 'number') return runtime;
  const { env, config, templates } = runtime;
  if (opts.announceExisting) config.publish.announceExisting = true;
  if (opts.httpPort) {
    const port = Number(opts.httpPort);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      io.err(`--http-port: expected a port number, got "${opts.httpPort}"`);
      return 2;
    }
    config.http.port = port;
  }
  if (opts.httpHost) config.http.host = opts.httpHost;
  const json = opts.json ?? config.console.json;
  const notesDir = opts.notes ?? config.notes.dir;
  const dbPath = opts.db ?? config.store.path;
  const interactive = !json && process.stderr.isTTY;
  const { log, bar, failed } = startOutput(interactive, env.NOTECAST_LOG_LEVEL ?? config.log.level, secretsOf(env), io);
  const folderProblem = notesFolderProblem(notesDir);
  if (folderProblem) return failed(folderProblem);

  const platformAdapters = await platformAdaptersOf(config, env, templates);
  if (platformAdapters instanceof Error) {
    io.err(platformAdapters.message);
    return 2;
  }
  const loss = stateLoss();
  let app: Awaited<ReturnType<typeof startApp>>;
  try {
    app = await startApp({
      platformAdapters,
      config,
      templates,
      env,
      read: readOptions(config, resolveSite(config)),
      notesDir,
      dbPath,
      log,
      out: io.out,
      json,
      afterRestore: opts.afterRestore,
      moved: opts.moved,
      acceptRemovals: opts.acceptRemovals,
      onStateLost: loss.report,
      onIdle: json ? () => io.out(JSON.stringify({ event: 'idle' })) : undefined,
      onProgress: interactive ? bar.show : progressLog(log),
    });
  } catch (e) {
    const code = failed(startFailure(e, dbPath)); // a bad token, a port in use, an unwritable database…
    return e instanceof ConfigError ? 2 : code; // what the config needs and lacks (a route's token): README's exit 2
  }
  // Listening for the stop signals before saying ready: whoever waits for `ready` may stop us at once.
  const stopped = new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info({ signal }, 'stopping');
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  bar.clear();
  if (json) io.out(JSON.stringify({ event: 'ready', notes: app.notes }));
  const ready = `notecast is ready: watching ${countOf(app.notes, 'note')} in ${notesDir}`;
  if (interactive) io.err(`${ready}. Save a note there to see its announcement; Ctrl+C stops.`);
  else log.info({ notes: app.notes, notesDir }, ready);

  const hook = await startPullHook(config, env, notesDir, log).catch((e: unknown) => e as Error);
  if (hook instanceof Error) {
    await app.stop();
    return failed(`pull.webhook: ${hook.message}`);
  }
  await Promise.race([stopped, loss.happened]);
  await hook?.stop();
  await app.stop();
  if (loss.why) log.fatal(`notecast stopped: ${loss.why}`);
  else log.info('stopped');
  return loss.why ? 1 : 0;
}

/** The state lost under the running service (its database deleted or replaced, its lock taken): it stops as on SIGTERM, and exits 1 saying why. */
function stateLoss(): { report(why: string): void; happened: Promise<void>; why: string | undefined } {
  let stop = () => {};
  const loss = {
    why: undefined as string | undefined,
    happened: new Promise<void>((resolve) => (stop = resolve)),
    report(why: string) {
      loss.why ??= why;
      stop();
    },
  };
  return loss;
}

/**
 * Where start-up speaks: the logger; on a terminal the scan's progress bar, cleared before any other
 * line would continue it; and a failed start, said once, plainly, never a token (off a terminal as a
 * JSON log line like every other line on stderr).
 */
function startOutput(interactive: boolean, level: string, secrets: string[], io: Io) {
  let barShown = false;
  const bar = {
    show(done: number, total: number) {
      barShown = true;
      process.stderr.write(`\rscanning ${progressBar(done / total)} ${done}/${total}`);
    },
    clear() {
      if (!barShown) return;
      barShown = false;
      process.stderr.write('\r\x1b[K');
    },
  };
  const log = createLogger({ level, secrets, pretty: interactive, beforeWrite: bar.clear, destination: io.log });
  const failed = (why: string): number => {
    const message = `notecast could not start: ${redact(why, secrets)}`;
    if (interactive) {
      bar.clear();
      io.err(message);
    } else log.fatal(message);
    return 1;
  };
  return { log, bar, failed };
}

/** pull.webhook: a signed push pulls the clone being watched at once (see watch/push-hook.ts). */
async function startPullHook(config: Config, env: Env, notesDir: string, log: Logger): Promise<{ stop(): Promise<void> } | undefined> {
  const hookConfig = config.pull.webhook;
  if (!hookConfig || !env.NOTECAST_PUSH_SECRET) return undefined;
  const puller = createPuller(config.pull.command, notesDir, log);
  const server = await startPushHook({ ...hookConfig, secret: env.NOTECAST_PUSH_SECRET, log, onPush: (from) => {
    log.info({ from }, 'push webhook: pulling');
    puller.request();
  } });
  log.info({ host: hookConfig.host, port: hookConfig.port, path: hookConfig.path }, 'listening for push webhooks');
  return {
    async stop() {
      await new Promise((r) => server.close(r));
      await puller.settled();
    },
  };
}

export type PlatformAdapters = NonNullable<Parameters<typeof startApp>[0]['platformAdapters']>;

/**
 * The platforms' windows that only an in-process test shortens (never `notecast start`): Telegram's
 * group minute (TelegramAdapterOptions.groupWindowMs) and the webhook's checks (TelegramAdapterOptions.webhookCheckMs).
 */
export interface PlatformWindows {
  telegramGroupWindowMs?: number | undefined;
  telegramWebhookCheckMs?: number | undefined;
}

/** The Discord and Telegram adapters whose tokens are set (each module loaded only when used). */
export async function platformAdaptersOf(config: Config, env: Env, templates?: Templates, windows: PlatformWindows = {}): Promise<PlatformAdapters | Error> {
  const platformAdapters: PlatformAdapters = [];
  if (env.DISCORD_TOKEN) {
    const token = env.DISCORD_TOKEN;
    const webhooks = discordWebhookRoutes(config, env);
    if (webhooks instanceof Error) return webhooks;
    const { createDiscordAdapter } = await import('../adapters/discord/adapter.js'); // loaded only when used
    const routes = new Map(config.routes.filter((r) => r.platform === 'discord').map((r) => [r.chat, { crosspost: r.crosspost, forumTags: r.forumTags }]));
    platformAdapters.push(({ store, log: l, commandDeps }) => createDiscordAdapter({ token, config: config.discord, webhooks, routes, state: store, deps: commandDeps, log: l, templates, callTimeoutMs: config.delivery.callTimeoutMs }));
  }
  if (env.TELEGRAM_BOT_TOKEN) {
    const token = env.TELEGRAM_BOT_TOKEN;
    const { createTelegramAdapter } = await import('../adapters/telegram/adapter.js');
    platformAdapters.push(({ store, log: l, commandDeps }) =>
      createTelegramAdapter({ token, config: config.telegram, webhookSecret: env.TELEGRAM_WEBHOOK_SECRET, callTimeoutMs: config.delivery.callTimeoutMs, retryDelays: config.delivery, state: store, deps: commandDeps, log: l, templates, groupWindowMs: windows.telegramGroupWindowMs, webhookCheckMs: windows.telegramWebhookCheckMs }),
    );
  }
  return platformAdapters;
}

/** One line for a failed start; SQLite's and the file system's own words name no path or no cause. */
export function startFailure(e: unknown, dbPath: string): string {
  if (isCannotOpen(e) || isStatePathError(e, dbPath)) return stateFileProblem(dbPath);
  return errorText(e);
}

/** Routes that deliver through a Discord webhook, with the webhook URL taken from the environment. */
function discordWebhookRoutes(config: Config, env: Env): Map<string, DiscordWebhookRoute> | Error {
  const out = new Map<string, DiscordWebhookRoute>();
  for (const r of config.routes) {
    if (!r.webhook) continue;
    const url = env.discordWebhooks[r.webhook.env];
    if (!url) return new Error(`routes: chat ${r.chat} asks for the webhook in ${r.webhook.env}, which is not set`);
    const [id, token] = url.split('/').slice(-2) as [string, string];
    out.set(r.chat, { id, token, thread: r.threadIn ? r.chat : undefined, username: r.webhook.username, avatarUrl: r.webhook.avatarUrl });
  }
  return out;
}

function progressBar(fraction: number, width = 24): string {
  const full = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${'#'.repeat(full)}${'.'.repeat(width - full)}]`;
}

/** Without a terminal (systemd, Docker), scan progress is a log line every few seconds. */
function progressLog(log: { info: (o: object, msg: string) => void }, everyMs = 5000): (done: number, total: number) => void {
  let last = Date.now();
  return (done, total) => {
    if (Date.now() - last < everyMs) return;
    last = Date.now();
    log.info({ done, total }, 'scanning the notes folder');
  };
}
