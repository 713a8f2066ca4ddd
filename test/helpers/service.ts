/** Runs `notecast start --json` as a real process on a temporary folder and reads its JSON lines. */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { parseDocument } from 'yaml';
import { expect } from 'vitest';
import { cliIn, runCliAsync, spawnCli } from './cli.js';
import { memoryFolder } from './memory-folder.js';
import { tempFolder } from './temp-folder.js';

export interface Sandbox {
  dir: string;
  notes: string;
  db: string;
  config: string;
}

/**
 * Adds `section.key: value` unless the config sets that key: after the `section:` line when there is
 * one (lines before it keep their numbers), else as a new section at the end.
 */
function withDefault(config: string, section: string, key: string, value: string): string {
  const doc = parseDocument(config);
  if (doc.errors.length || doc.hasIn([section, key])) return config;
  const setting = `  ${key}: ${value}`;
  const lines = config.split('\n');
  const at = lines.findIndex((l) => new RegExp(`^${section}:\\s*$`).test(l));
  if (at >= 0) {
    lines.splice(at + 1, 0, setting);
    return lines.join('\n');
  }
  if (new RegExp(`^${section}:`, 'm').test(config)) return config; // a flow-style map: left as written
  return `${config}${config.endsWith('\n') || !config ? '' : '\n'}${section}:\n${setting}\n`;
}

/**
 * Test defaults, unless the test's config says otherwise: new family announcements go out without
 * the grace period (a test of something else must not wait for translations that never come), and
 * the watcher uses native events whatever file system the machine's temporary folder is on (`auto`
 * would poll on an overlay /tmp). Tests of those features set them.
 */
export function withTestDefaults(config: string): string {
  return withDefault(withDefault(config, 'publish', 'translations', '{ mode: group, graceMs: 0 }'), 'watch', 'mode', 'native');
}

/**
 * A temporary folder with notes, state and the config given, with the test defaults above. `inMemory`: on tmpfs
 * (memory-folder.ts), for a property's runs, each of which removes its folder when it ends. Removed when the test
 * file ends (temp-folder.ts) if not before.
 */
export function sandbox(config: string, { inMemory = false } = {}): Sandbox {
  const dir = tempFolder('notecast-svc-', inMemory ? { parent: memoryFolder() } : {});
  const notes = path.join(dir, 'notes');
  mkdirSync(notes);
  const cfg = path.join(dir, 'notecast.yaml');
  writeFileSync(cfg, withTestDefaults(config));
  return { dir, notes, db: path.join(dir, 'state', 'notecast.db'), config: cfg };
}

export interface ServiceEvent {
  event: string;
  target?: string;
  noteId?: string | null;
  family?: string | null;
  revision?: number;
  messageId?: string;
  text?: string;
  notes?: number;
}

/** Services started and not yet exited (a process, or one in this process), so a test that fails before its stop leaves none behind. */
const alive = new Set<ServiceEvents>();

/** For `afterEach`: kills every service still running (a process by SIGKILL, one in this process by its stop). */
export async function killLeftoverServices(): Promise<void> {
  for (const s of [...alive]) await s.abandon();
}

/** Kills the services still running that talk to the platform at `api` (a fake's), before that fake stops: tests run at once each stop their own. */
export async function killServicesUsing(api: string): Promise<void> {
  for (const s of [...alive]) if (s.apis.includes(api)) await s.abandon();
}

/**
 * What a test reads of a running service: the JSON lines of `start --json` (`ready`, each delivery,
 * `idle`) and its log on stderr. `Service` (a real process) and `InProcessCli` (test/helpers/inproc-cli.ts,
 * the same wiring in the test's own process) both fill it, so a test reads either the same way.
 */
export abstract class ServiceEvents {
  readonly events: ServiceEvent[] = [];
  stderr = '';
  /** The platform APIs its config names (`discord.api`, `telegram.apiRoot`), where known: see `killServicesUsing`. */
  apis: string[] = [];
  abstract readonly exited: Promise<number | null>;
  private waiters: (() => void)[] = [];

  /** Stops it at once however it is (a test failed part-way). */
  abstract abandon(): Promise<void>;
  /** Stops it as SIGTERM would; resolves with the exit code `notecast start` returns. */
  abstract stop(): Promise<number | null>;

  protected track(exited: Promise<number | null>): void {
    alive.add(this);
    void exited.then(() => alive.delete(this));
  }

  protected push(e: ServiceEvent): void {
    this.events.push(e);
    this.wake();
  }

  protected wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Waits until `pred` holds over the events seen so far. */
  async waitFor(pred: (events: ServiceEvent[]) => boolean, timeoutMs = 15_000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pred(this.events)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; events: ${JSON.stringify(this.events.map((e) => [e.event, e.noteId, e.target]))}\nstderr tail: ${this.stderr.slice(-2000)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 100));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /**
   * A ceiling, not a pace: a start of the built CLI took over 20 s to `ready` at load 26 on 2 cores (issue 24: crash's
   * first start, no event yet), where it takes about 2 s on a quiet machine.
   */
  ready(): Promise<void> {
    return this.waitFor((e) => e.some((x) => x.event === 'ready'), 60_000, 'ready');
  }

  /**
   * Waits until the service's last event is `idle` (everything so far handled and out; in process, one
   * said after this call), and returns
   * where the next event will go: pass it to `idle` to wait for everything an action causes.
   */
  async settled(timeoutMs = 15_000): Promise<number> {
    await this.waitFor((e) => e[e.length - 1]?.event === 'idle', timeoutMs, 'idle');
    // In process, an idle said after this call: the last one may be from before what the test last waited for on a fake.
    const asked = this.events.length;
    if (this.askIdle()) await this.waitFor((e) => e.length > asked && e[e.length - 1]?.event === 'idle', timeoutMs, 'idle (asked for)');
    return this.events.length;
  }

  /** Position of the first event matching `pred` (for `idle`), or throws. */
  indexOf(pred: (e: ServiceEvent) => boolean): number {
    const i = this.events.findIndex(pred);
    if (i < 0) throw new Error('no such event');
    return i;
  }

  /**
   * Waits for the service's own `idle` event after position `from` (see `settled`), then, where the
   * service can be asked (in process: `askIdle`), for one said after this call: an idle that came
   * between `from` and the last thing the test waited for (a fake's request, a batch) is not taken
   * for the last. Then every change it has seen is handled and every delivery it caused is out. The
   * check that nothing else happened waits for this signal, never for a fixed time.
   */
  async idle(from: number, timeoutMs = 15_000): Promise<void> {
    await this.waitFor((e) => e.some((x, i) => i >= from && x.event === 'idle'), timeoutMs, `idle after event ${from}`);
    const asked = this.events.length;
    if (!this.askIdle()) return;
    await this.waitFor((e) => e.some((x, i) => i >= asked && x.event === 'idle'), timeoutMs, `idle after event ${asked} (asked for)`);
  }

  /** Asks the service to say `idle` again if it is (false: it cannot be asked, as a process). */
  protected askIdle(): boolean {
    return false;
  }

  deliveries(kind?: string): ServiceEvent[] {
    return this.events.filter((e) => e.event !== 'ready' && e.event !== 'idle' && (!kind || e.event === kind));
  }
}

/** The platform APIs a config file names (`discord.api`, `telegram.apiRoot`): the fakes' addresses. */
function platformApisIn(configFile: string): string[] {
  const doc = parseDocument(readFileSync(configFile, 'utf8'));
  return [doc.getIn(['discord', 'api']), doc.getIn(['telegram', 'apiRoot'])].filter((v): v is string => typeof v === 'string');
}

/** Starts of the built CLI in this worker so far: names each one's kept log. */
let startsKept = 0;

/**
 * With `NOTECAST_TEST_LOGS=<folder>`, each process's stdout (its JSON events) and stderr (its log, debug level) are also
 * appended to `<folder>/<worker pid>-<n>.stdout|.stderr` as they come: what a process did before a kill -9 or a
 * timeout outlives the test (the error's tail is its last 2,000 characters).
 */
function keepLogs(proc: ChildProcessWithoutNullStreams | ReturnType<typeof spawnCli>): void {
  const folder = process.env.NOTECAST_TEST_LOGS;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  const base = path.join(folder, `${process.pid}-${String(++startsKept).padStart(3, '0')}`);
  proc.stdout!.on('data', (c: string) => appendFileSync(`${base}.stdout`, `${Date.now()} ${c}`));
  proc.stderr!.on('data', (c: string) => appendFileSync(`${base}.stderr`, c));
}

/** `notecast start --json` as a real process: for what only a process shows (kill -9, signals, exit codes). */
export class Service extends ServiceEvents {
  readonly exited: Promise<number | null>;
  private buf = '';

  constructor(readonly proc: ChildProcessWithoutNullStreams | ReturnType<typeof spawnCli>) {
    super();
    proc.stdout!.setEncoding('utf8');
    proc.stdout!.on('data', (chunk: string) => {
      this.buf += chunk;
      let nl: number;
      while ((nl = this.buf.indexOf('\n')) >= 0) {
        const line = this.buf.slice(0, nl);
        this.buf = this.buf.slice(nl + 1);
        if (line.trim()) this.events.push(JSON.parse(line) as ServiceEvent);
      }
      this.wake();
    });
    proc.stderr!.setEncoding('utf8');
    proc.stderr!.on('data', (c: string) => (this.stderr += c));
    keepLogs(proc);
    // 'close', not 'exit': at 'exit' the child's stdout may still hold lines not yet read (Node's child_process
    // docs), so a kill -9's last events (posts it printed and committed) would be missed by the test.
    this.exited = new Promise((resolve) => proc.on('close', (code) => resolve(code)));
    this.track(this.exited);
  }

  static start(sb: Sandbox, extra: string[] = [], env: NodeJS.ProcessEnv = {}): Service {
    const svc = new Service(spawnCli(['start', '--json', '--config', sb.config, '--notes', sb.notes, '--db', sb.db, ...extra], { cwd: sb.dir, env: { NOTECAST_LOG_LEVEL: 'debug', ...env } }));
    // So that a fake's end (killServicesUsing) kills a process a failed test left talking to it, as it does one in this process.
    svc.apis = platformApisIn(sb.config);
    return svc;
  }

  async abandon(): Promise<void> {
    this.proc.kill('SIGKILL');
    await this.exited;
  }

  async stop(): Promise<number | null> {
    this.proc.kill('SIGTERM');
    return this.exited;
  }

  kill9(): Promise<number | null> {
    this.proc.kill('SIGKILL');
    return this.exited;
  }
}

/** The state folder under the sandbox (`state/notecast.db`) and one console route: the tests that copy, restore or kill a state. */
export const STATE_CONFIG = 'watch:\n  quietMs: 100\n  reconcileMinutes: 0\nstore:\n  path: state/notecast.db\nroutes:\n  - platform: console\n    chat: all\n';

/**
 * `notecast start` on `db` (the sandbox's by default): saves `names` one at a time, each waited for
 * until posted, then stops it (exit 0) or kills it (`kill9`); what it posted, and its log. A process,
 * unless `start` gives another way to start it (`InProcessCli.start`: this module cannot import it),
 * which a run ending in a kill -9 does not take.
 */
export async function runSaving(
  sb: Sandbox,
  names: string[] = [],
  o: { db?: string; flags?: string[]; end?: 'stop' | 'kill9'; start?: (sb: Sandbox, flags: string[]) => ServiceEvents } = {},
): Promise<{ posted: string[]; stderr: string }> {
  const at = { ...sb, db: o.db ?? sb.db };
  const inProcess = o.end === 'kill9' ? undefined : o.start;
  const svc = inProcess ? inProcess(at, o.flags ?? []) : Service.start(at, o.flags);
  await svc.ready();
  let from = await svc.settled();
  for (const n of names) {
    writeFileSync(path.join(sb.notes, `${n}.md`), note(n, `About ${n}.`));
    await svc.waitFor((e) => e.some((x) => x.event === 'post' && x.noteId === n), 15_000, `the post of ${n}`);
    await svc.idle(from);
    from = svc.events.length;
  }
  if (svc instanceof Service && o.end === 'kill9') await svc.kill9();
  else expect(await svc.stop()).toBe(0);
  return { posted: svc.deliveries('post').map((e) => e.noteId!), stderr: svc.stderr };
}

/**
 * A start on `db` that must be refused: exit code 1 and nothing posted; returns what it said. Run
 * through the CLI's program in this process (its log captured), or with `process` as the built CLI.
 */
export async function refusedStart(sb: Sandbox, db = sb.db, o: { process?: boolean } = {}): Promise<string> {
  const args = ['start', '--json', '--config', sb.config, '--notes', sb.notes, '--db', db];
  const r = o.process ? await runCliAsync(args, { cwd: sb.dir }) : await cliIn(args, { cwd: sb.dir });
  expect(r.stdout).not.toContain('"event":"post"');
  expect(r.code).toBe(1);
  return r.stderr;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function note(title: string, body: string, extra = ''): string {
  return `---\ntitle: ${JSON.stringify(title)}\n${extra}---\n\n${body}\n`;
}
