/** Runs the built `notecast` binary as a user would. */
import { spawn, spawnSync } from 'node:child_process';
import { runPreview, type PreviewOptions } from '../../src/cli/preview.js';
import { runStatus } from '../../src/cli/status.js';
import { CLI, REPO_ROOT } from './corpus.js';

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
 * printing into the result. For tests that read what preview says of notes (families, keys); the
 * command's own tests (test/cli/) run the process.
 */
export async function previewOf(paths: string[], opts: PreviewOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runPreview(paths, opts, { out: (l) => (stdout += `${l}\n`), err: (l) => (stderr += `${l}\n`) });
  return { code, stdout, stderr };
}
