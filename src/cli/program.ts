/**
 * The `notecast` command line as a commander program: each command's options, and its module loaded
 * when it runs. `main.ts` runs it on the process (stdout, stderr, exit codes); a test can run the same
 * program in its own process, with its output captured and its exit code returned.
 */
import { Command, InvalidArgumentError } from 'commander';
import { isKnownLanguage } from '../notes/lang.js';
import type { Io } from './io.js';
import type { ParseThreads } from '../publish/parse-pool.js';
import type { SearchCliOptions } from './search.js';

// Each command's module is loaded when it runs: discord.js alone takes ~0.4 s to import.
const load = {
  preview: () => import('./preview.js'),
  previewServe: () => import('./preview-serve.js'),
  start: () => import('./start.js'),
  sync: () => import('./sync.js'),
  status: () => import('./status.js'),
  search: () => import('./search.js'),
  register: () => import('./register.js'),
  unsubscribe: () => import('./unsubscribe.js'),
};

/** How a command ends: the process's exit code, or a test's. */
export interface ProgramEnd {
  /** The command is done: its exit code, the process left to end by itself (its output flushed). */
  finished(code: number): void;
  /** End now, never returning: commander's own errors, and the long-running commands once stopped. */
  exit(code: number): never;
}

/** What the program runs with: where it writes, how it ends, its version; `output` only to capture commander's own text. */
export interface ProgramContext {
  io: Io;
  end: ProgramEnd;
  version: string;
  output?: { writeOut(s: string): void; writeErr(s: string): void };
  /**
   * Idle parse threads the commands that parse notes (`preview`, `check`, `search --dir`, `sync`) take
   * from and give back: a test running many commands in its process (test/helpers/cli.ts `cliIn`) then
   * loads a thread's modules once, not once a command. `main.ts` gives none: one command a process.
   */
  parseThreads?: ParseThreads;
}

type Ctx = ProgramContext;

/** Commander argument parsers: a bad value is one line naming the option and what it accepts. */
function intIn(min: number, max: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!/^\d+$/.test(v.trim()) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}.`);
    return n;
  };
}

function languageCode(v: string): string {
  if (!isKnownLanguage(v)) throw new InvalidArgumentError('expected a language code such as en, zh, hant, ja or pt-BR.');
  return v;
}

function snowflake(v: string): string {
  if (!/^\d{17,20}$/.test(v)) throw new InvalidArgumentError('expected a Discord server id (17 to 20 digits).');
  return v;
}

interface PreviewCliOptions {
  json?: boolean;
  config?: string;
  jekyllConfig?: string;
  serve?: boolean;
  port: number;
  host: string;
}

async function preview({ io, end, parseThreads }: Ctx, paths: string[], o: PreviewCliOptions): Promise<void> {
  if (!o.serve) return end.finished(await (await load.preview()).runPreview(paths, o, io, parseThreads));
  if (paths.length > 1 || o.json) {
    io.err('preview --serve: give at most one notes folder, and no --json');
    return end.finished(2);
  }
  const code = await (await load.previewServe()).runPreviewServe({ ...o, dir: paths[0] }, io);
  end.exit(code); // as `start`: nothing left running keeps a stopped server alive
}

/** `preview`: what would be posted, as text, JSON or the live page; `check`: every note and the config. */
function addPreviewAndCheck(program: Command, ctx: Ctx): void {
  program
    .command('preview')
    .description('render what would be posted for notes (files, or folders read recursively)')
    .argument('[paths...]', 'note files or notes folders (default: the configured notes folder)')
    .option('--json', 'one JSON object per note per line')
    .option('--config <file>', 'config file (default: config/notecast.yaml when present)')
    .option('--jekyll-config <file>', "form URLs from a Jekyll site's _config.yml")
    .option('--serve', 'serve the preview page (every note of one folder, live as notes are saved) until Ctrl+C')
    .option('--port <port>', 'with --serve: the port (0: any free one)', intIn(0, 65535), 4100)
    .option('--host <host>', 'with --serve: the address to listen on', '127.0.0.1')
    .action((paths: string[], o: PreviewCliOptions) => preview(ctx, paths, o));

  program
    .command('check')
    .description('validate every note and the config; print problems as file:line: message')
    .argument('[dir]', 'notes folder (default: the configured one)')
    .option('--config <file>', 'config file')
    .option('--jekyll-config <file>', "a Jekyll site's _config.yml")
    .action(async (dir: string | undefined, o: { config?: string; jekyllConfig?: string }) => ctx.end.finished(await (await load.preview()).runCheck(dir, o, ctx.io, ctx.parseThreads)));
}

/** The options `start` and `sync --once` share: where the config, notes and state are, and how to treat them. */
function addServiceOptions(command: Command): Command {
  return command
    .option('--config <file>', 'config file')
    .option('--notes <dir>', 'notes folder (overrides config)')
    .option('--db <file>', 'state database (overrides config)')
    .option('--announce-existing', 'on the first run, announce notes that already exist')
    .option('--after-restore', 'the database was restored from a backup: announce nothing it finds new this once (see docs/operations.md)')
    .option('--moved', 'the database is the newest state, moved or copied to a new disk or host on purpose: accept its new file this once')
    .option('--accept-removals', 'apply the removals held now (more than watch.removalThreshold notes gone at once; see `notecast status`), once, as publish.onDelete says');
}

type ServiceCliOptions = { config?: string; notes?: string; db?: string; announceExisting?: boolean; afterRestore?: boolean; moved?: boolean; acceptRemovals?: boolean; json?: boolean };

/** `start`, the service; `sync --once`, one pass of it. */
function addStartAndSync(program: Command, { io, end, parseThreads }: Ctx): void {
  addServiceOptions(program.command('start').description('watch the notes folder and announce every publish exactly once'))
    .option('--json', 'console adapter prints JSON lines on stdout; logs stay on stderr')
    .option('--http-port <port>', 'serve /healthz and /metrics on this port (overrides config http.port)')
    .option('--http-host <host>', 'address for /healthz and /metrics (overrides config http.host; 0.0.0.0 in a container)')
    .action(async (o: ServiceCliOptions & { httpPort?: string; httpHost?: string }) => {
      const { runStart, acceptRemovalsFlag } = await load.start();
      const code = await runStart({ ...o, ...acceptRemovalsFlag.parse(o) }, io);
      // Stopped (or failed to start) with everything it started stopped and the store closed; exiting
      // makes sure no client's pending reconnect or request keeps the process alive after that.
      end.exit(code);
    });

  addServiceOptions(
    program
      .command('sync')
      .description('one pass for cron and CI: announce what changed since the last run, wait for the deliveries, exit')
      .requiredOption('--once', 'scan, deliver, then exit (0: all delivered; 1: something failed or still waits, or a note could not be read)')
      .option('--timeout <seconds>', 'most seconds to wait for deliveries (1–86400); what is left goes out on the next run', intIn(1, 86_400), 600),
  )
    .option('--json', 'console adapter prints JSON lines on stdout, and the summary as {"event":"sync",…}')
    .action(async (o: ServiceCliOptions & { timeout: number }) => {
      const [{ runSyncOnce }, { acceptRemovalsFlag }] = await Promise.all([load.sync(), load.start()]); // sync.ts loads start.ts
      const code = await runSyncOnce({ ...o, ...acceptRemovalsFlag.parse(o) }, io, parseThreads);
      end.exit(code); // as `start`: no client's pending reconnect keeps a finished run alive
    });
}

/** `status`, `search` and `register-commands`: read the state (and Discord, for the last). */
function addStateCommands(program: Command, { io, end, parseThreads }: Ctx): void {
  program
    .command('status')
    .description('notes, subscriptions, pending and failed deliveries, and why')
    .option('--config <file>', 'config file')
    .option('--db <file>', 'state database (overrides config)')
    .option('--json', 'one JSON object')
    .action(async (o: { config?: string; db?: string; json?: boolean }) => end.finished((await load.status()).runStatus(o, io)));

  program
    .command('search')
    .description('look notes up as the chat commands do (translations grouped, in your language)')
    .argument('<query>', 'words, or the start of them')
    .option('--lang <code>', "the asker's language (en, zh, hi…)", languageCode)
    .option('--limit <n>', 'most results (1–100)', intIn(1, 100), 10)
    .option('--json', 'one JSON line: {query, results: [{id, title, lang, url, score}]}')
    .option('--dir <dir>', 'notes folder (default: the configured one)')
    .option('--db <file>', "state database whose index answers (default: the configured one, when it exists and follows that folder)")
    .option('--config <file>', 'config file')
    .option('--jekyll-config <file>', "a Jekyll site's _config.yml (reads the folder, as its URLs may differ from the database's)")
    .action(async (query: string, o: SearchCliOptions) => end.finished(await (await load.search()).runSearch(query, o, io, parseThreads)));

  program
    .command('unsubscribe')
    .description("remove a chat's subscriptions, call off what waits for it and lift its pause (a chat gone for good: no one can send /unsubscribe there); stop the service first")
    .argument('<chat>', 'the chat as `status` names it: platform:chat or platform:chat/thread')
    .option('--config <file>', 'config file')
    .option('--db <file>', 'state database (overrides config)')
    .action(async (chat: string, o: { config?: string; db?: string }) => end.finished(await (await load.unsubscribe()).runUnsubscribe(chat, o, io)));

  program
    .command('register-commands')
    .description("register or update Discord's slash commands (only when they changed)")
    .option('--guild <id>', 'register in one guild (instant) instead of globally', snowflake)
    .option('--force', 'register even if nothing changed')
    .option('--config <file>', 'config file')
    .option('--db <file>', 'state database (remembers what was registered)')
    .action(async (o: { guild?: string; force?: boolean; config?: string; db?: string }) => end.finished(await (await load.register()).runRegisterCommands(o, io)));
}

export function buildProgram(ctx: ProgramContext): Command {
  const program = new Command('notecast').description('Turns a folder of Markdown notes into chat announcements.').version(ctx.version, '-V, --version', 'print the version');
  if (ctx.output) program.configureOutput(ctx.output);
  // A bad flag, a missing argument or an unknown command is wrong before anything starts: README's
  // exit 2 (commander exits 1; --help and --version stay 0). Subcommands inherit this.
  program.exitOverride((e) => ctx.end.exit(e.exitCode === 0 ? 0 : 2));
  addPreviewAndCheck(program, ctx);
  addStartAndSync(program, ctx);
  addStateCommands(program, ctx);
  return program;
}
