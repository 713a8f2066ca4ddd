/**
 * What one CLI call costs on the bundled notes (issue 24: the suite starts the CLI hundreds of times,
 * and a user pays the same on every call): CPU (every thread of the process, its parse thread
 * included) and wall time of `check`, `preview`, `status`, `sync --once` and `start` to `ready` then
 * SIGTERM to exit. `BENCH_BEFORE_CLI=<other build>/dist/src/cli/main.js` measures that build in the
 * same run, the two alternated command by command; `BENCH_RUNS` runs each (default 5), medians kept.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchTmp, machine, percentile, REPO_ROOT } from './lib.js';
import { CLI } from './service.js';

/** Loaded with `--import` in the measured process: writes its own CPU use (all threads: getrusage RUSAGE_SELF) on exit. */
const CPU_REPORTER = `data:text/javascript,${encodeURIComponent("import { writeFileSync } from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); writeFileSync(process.env.BENCH_CPU_FILE, String((u.user + u.system) / 1000)); });")}`;

const COMMANDS: Record<string, string[]> = {
  check: ['check'],
  preview: ['preview'],
  status: ['status'],
  'sync --once': ['sync', '--once'],
  'start→ready→stop': ['start', '--json'],
};

interface Sample {
  wallMs: number;
  cpuMs: number;
}

/** One call in `dir`; `start` is stopped by SIGTERM once it says `ready`. */
function runOnce(cli: string, args: string[], dir: string): Promise<Sample> {
  const cpuFile = path.join(dir, 'cpu.txt');
  rmSync(cpuFile, { force: true });
  const t0 = performance.now();
  const child = spawn(process.execPath, [`--import=${CPU_REPORTER}`, cli, ...args], { cwd: dir, env: { ...process.env, BENCH_CPU_FILE: cpuFile }, stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  let stopping = false;
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    out += c;
    // Once: a second SIGTERM while stopping is a user's "stop now" (start.ts).
    if (args[0] === 'start' && !stopping && out.includes('"event":"ready"')) stopping = child.kill('SIGTERM');
  });
  return new Promise((resolve, reject) =>
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited ${code}`));
      resolve({ wallMs: performance.now() - t0, cpuMs: Number(readFileSync(cpuFile, 'utf8')) });
    }),
  );
}

const median = (xs: number[]) => Math.round(percentile([...xs].sort((a, b) => a - b), 50));

export async function benchCli(runs = 5): Promise<Record<string, unknown>> {
  const dir = benchTmp('cli');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'config'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'notes'), path.join(dir, 'notes'), { recursive: true });
  writeFileSync(path.join(dir, 'config', 'notecast.yaml'), 'notes:\n  dir: ../notes\nstore:\n  path: ../data/notecast.db\n');
  const builds: [string, string][] = [['after', CLI], ...(process.env.BENCH_BEFORE_CLI ? [['before', process.env.BENCH_BEFORE_CLI] as [string, string]] : [])];
  await runOnce(CLI, ['sync', '--once'], dir); // the database exists: every later call finds the same state
  const loadBefore = os.loadavg();
  const figures: Record<string, Record<string, { cpuMs: number; wallMs: number }>> = {};
  for (const [command, args] of Object.entries(COMMANDS)) {
    const samples = new Map<string, Sample[]>(builds.map(([name]) => [name, []]));
    for (let i = 0; i < runs; i++) {
      for (const [name, cli] of i % 2 ? [...builds].reverse() : builds) samples.get(name)!.push(await runOnce(cli, args, dir));
    }
    figures[command] = Object.fromEntries([...samples].map(([name, s]) => [name, { cpuMs: median(s.map((x) => x.cpuMs)), wallMs: median(s.map((x) => x.wallMs)) }]));
  }
  rmSync(dir, { recursive: true, force: true });
  return { bench: 'cli', machine: machine(), notes: 'bundled (notes/)', runs, loadAverage: { before: loadBefore.map((l) => l.toFixed(2)), after: os.loadavg().map((l) => l.toFixed(2)) }, medians: figures };
}
