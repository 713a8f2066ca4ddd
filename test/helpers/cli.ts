/** Runs the built `notecast` binary as a user would. */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { buildProgram } from '../../src/cli/program.js';
import type { ParseThreads } from '../../src/publish/parse-pool.js';
import { runPreview, type PreviewOptions } from '../../src/cli/preview.js';
import { runStatus } from '../../src/cli/status.js';
import { CLI, REPO_ROOT } from './corpus.js';
import { workerParseThreads } from './parse-threads.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? REPO_ROOT, env: { ...process.env, ...opts.env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function spawnCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  return spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? REPO_ROOT, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/**
 * `runCli` without blocking this process: needed when the command talks to a fake served from this
 * same process (spawnSync would stop the fake from answering, and both would wait forever).
 */
export function runCliAsync(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CliResult> {
  const child = spawnCli(args, opts);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 20_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

/**
 * `notecast status --db <db> [--json]` run in this process: `runStatus`, which `main.ts` calls for it,
 * printing into the result instead of stdout. For tests that read what status says about a route;
 * the CLI's own tests (test/cli/) run the process.
 */
export function statusOf(db: string, opts: { json?: boolean } = {}): CliResult {
  let stdout = '';
  let stderr = '';
  const code = runStatus({ db, ...opts }, { out: (l) => (stdout += `${l}\n`), err: (l) => (stderr += `${l}\n`) });
  return { code, stdout, stderr };
}

/**
 * `notecast preview [--json] <paths>` run in this process: `runPreview`, which `main.ts` calls for it,
 * printing into the result, on a parse thread of its own: given the worker's (workerParseThreads), the corpus
 * preview of families.test.ts, beside that file's services, took over 30 s (3 runs) instead of 18-25 s (3 runs; load
 * 20-24; why is not known). For tests that read what preview says of notes (families, keys); the command's
 * own tests (test/cli/) run the process.
 */
export async function previewOf(paths: string[], opts: PreviewOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runPreview(paths, opts, { out: (l) => (stdout += `${l}\n`), err: (l) => (stderr += `${l}\n`) });
  return { code, stdout, stderr };
}

/** What `exit` of the program in this process throws: the command ended with this code. */
class CliExit extends Error {
  constructor(readonly code: number) {
    super(`notecast exited ${code}`);
  }
}

/** Sets `env`'s variables (undefined: unset) on this process; returns what puts them back. */
function withEnv(env: NodeJS.ProcessEnv): () => void {
  const before = Object.entries(env).map(([k]) => [k, process.env[k]] as const);
  const put = (k: string, v: string | undefined) => (v === undefined ? delete process.env[k] : (process.env[k] = v));
  for (const [k, v] of Object.entries(env)) put(k, v);
  return () => before.forEach(([k, v]) => put(k, v));
}

/**
 * `runCli` in this process: the same commander program `main.ts` runs (src/cli/program.ts), its
 * arguments, its commands' output and commander's own text captured, its exit code returned,
 * with `env` set and `cwd` the working directory while it runs (both put back after). For the
 * variants of a CLI behaviour; the behaviour itself keeps one test of the real process (exit codes
 * reaching the shell, signals, a crash). The log of `start` and `sync` is captured into `stderr`; the
 * commands that parse notes take idle parse threads (`opts.parseThreads`, or the worker's: workerParseThreads), loading none anew.
 * Not for a `start` that starts: it runs until this process gets SIGTERM (a refused one is fine).
 */
export async function cliIn(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; parseThreads?: ParseThreads } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  let code = 0;
  // The log of `start` and `sync` joins stderr, as the process's does.
  const log = new Writable({ write: (chunk: Buffer | string, _enc, done) => ((stderr += chunk.toString()), done()) });
  const io = { out: (l: string) => (stdout += `${l}\n`), err: (l: string) => (stderr += `${l}\n`), log };
  const end = {
    finished: (c: number) => void (code = c),
    exit: (c: number): never => {
      throw new CliExit(c);
    },
  };
  const output = { writeOut: (s: string) => (stdout += s), writeErr: (s: string) => (stderr += s) };
  const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const restoreEnv = withEnv(opts.env ?? {});
  const cwd = process.cwd();
  process.chdir(opts.cwd ?? REPO_ROOT);
  try {
    await buildProgram({ io, end, version, output, parseThreads: opts.parseThreads ?? workerParseThreads() }).parseAsync(['node', 'notecast', ...args]);
  } catch (e) {
    if (!(e instanceof CliExit)) throw e;
    code = e.code;
  } finally {
    process.chdir(cwd);
    restoreEnv();
  }
  return { code, stdout, stderr };
}
