/**
 * Start-up on a blog-shaped tree (bench/blog.ts): `notecast start` over N notes, cold (empty
 * database) and warm (same database, nothing changed), timed to `ready` and to idle (every
 * background task done: the process's CPU use has stopped), with its peak resident memory and its
 * resident memory once idle. Against a bare scan (walk + read + hash) and a bare parse (read +
 * gray-matter + marked lexer) on as many worker threads as the service parses on, in the same run,
 * its CPU split as the service's is (main thread, parse threads, V8's own threads) so each part is
 * compared with its like (`cpuVsBareByThread`); and where a cold start's time goes (startup-parts.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import matter from 'gray-matter';
import { Lexer } from 'marked';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { scanNotes } from '../src/notes/scan.js';
import { parserThreads } from '../src/publish/parse-pool.js';
import { threadCpuMs } from '../src/publish/thread-cpu.js';
import type { BareParseReply } from './bare-parse-worker.js';
import { benchTmp, machine, peakRssMiB, runPhase } from './lib.js';
import { blogTree } from './blog.js';
import { BenchService, CLI } from './service.js';

/**
 * The bare parse on `threads` worker threads, chunks of 64 files handed out as threads come free (the service's
 * parse pool does the same); `threadsCpuMs`: the threads' own CPU, as each last said before it ended.
 */
async function parseOnThreads(files: string[], threads: number): Promise<{ sink: number; threadsCpuMs: number }> {
  const script = fileURLToPath(new URL('./bare-parse-worker.js', import.meta.url));
  let next = 0;
  let sink = 0;
  let threadsCpuMs = 0;
  await Promise.all(
    Array.from({ length: threads }, async () => {
      const w = new Worker(script);
      let cpuMs = 0;
      for (let from = (next += 64) - 64; from < files.length; from = (next += 64) - 64) {
        const got = await new Promise<BareParseReply>((resolve) => {
          w.once('message', resolve);
          w.postMessage(files.slice(from, from + 64));
        });
        sink += got.sink;
        cpuMs = got.cpuMs ?? cpuMs;
      }
      threadsCpuMs += cpuMs;
      await w.terminate();
    }),
  );
  return { sink, threadsCpuMs };
}

async function phase(kind: string, dir: string): Promise<void> {
  const t0 = performance.now();
  const files = await scanNotes(dir);
  let sink = 0;
  let threadsCpuMs: number | undefined;
  if (kind === 'parse-threads') ({ sink, threadsCpuMs } = await parseOnThreads(files, parserThreads()));
  else for (const f of files) {
    const text = readFileSync(f, 'utf8');
    if (kind === 'scan') sink += createHash('sha256').update(text).digest()[0]!;
    else sink += new Lexer({ gfm: true }).lex(matter(text, {}).content).length;
  }
  const ms = performance.now() - t0;
  // CPU of every thread of the process: on a machine others load, CPU time is steadier than wall time.
  const cpu = process.cpuUsage();
  const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
  // Split as the service's is (BenchService.threadsCpu): this (main) thread, the parse threads, the rest (V8's GC and compiler threads).
  const mainMs = threadCpuMs(`/proc/self/task/${process.pid}/stat`);
  const byThread = threadsCpuMs === undefined || mainMs === undefined ? undefined : { mainMs: Math.round(mainMs), threadsMs: Math.round(threadsCpuMs), otherMs: Math.round(cpuMs - mainMs - threadsCpuMs) };
  console.log(JSON.stringify({ kind, notes: files.length, ms: Math.round(ms), cpuMs, byThread, peakRssMiB: peakRssMiB(), sink }));
}

export interface StartFigures {
  readyMs: number;
  idleMs: number;
  peakRssMiB: number;
  idleRssMiB: number;
  rssLaterMiB: number;
  cpuMs: number;
  /** Where `cpuMs` went (BenchService.threadsCpu): the main thread, the threads ended by idle (a cold start's parse threads), the rest (V8's GC and compiler threads). */
  cpuByThread: { mainMs: number; endedThreadsMs: number; otherThreadsMs: number };
}

/**
 * `notecast start` on `dir` until idle; resident memory at idle and again `laterMs` on (V8's memory reducer runs some seconds into idleness).
 * `nodeArgs`: node's own options before the CLI (BENCH_NODE_ARGS).
 */
export async function startUntilIdle(dir: string, db: string, cwd: string, cli = CLI, laterMs = SETTLE_MS, nodeArgs: readonly string[] = NODE_ARGS): Promise<StartFigures> {
  const svc = new BenchService(['--notes', dir, '--db', db, '--config', path.join(cwd, 'bench.yaml')], cwd, {}, cli, nodeArgs);
  const threadsCpu = svc.threadsCpu();
  const ready = await svc.next((e) => e.event === 'ready', 1_800_000);
  const idle = await svc.idle(1_800_000);
  const cpuByThread = threadsCpu();
  const peak = svc.peakRssMiB();
  await new Promise((r) => setTimeout(r, laterMs));
  const later = svc.rssMiB();
  await svc.stop();
  return { readyMs: Math.round(ready.at - svc.startedAt), idleMs: idle.idleMs, peakRssMiB: peak, idleRssMiB: idle.rssMiB, rssLaterMiB: later, cpuMs: idle.cpuMs, cpuByThread };
}

const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 30_000);
/**
 * Node options for every start the benchmark makes (`BENCH_NODE_ARGS`, space-separated), to tell apart where a part's CPU
 * goes: `--no-concurrent-recompilation` compiles optimised code on the thread that asks for it, not on V8's own threads,
 * so `cpuByThread.otherThreadsMs` less that run's is V8's background compilation (issue 31: most of it), the rest its GC.
 */
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

/** Node's own start-up, to separate from ours. */
async function nodeStartMs(cwd: string): Promise<number> {
  const { spawnSync } = await import('node:child_process');
  const t0 = performance.now();
  spawnSync(process.execPath, ['-e', '0'], { cwd });
  return Math.round(performance.now() - t0);
}

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

/** The bare parse's CPU by thread (its phase's `byThread`): absent where a thread's CPU cannot be read (not Linux). */
const bareByThreadSchema = z.object({ mainMs: z.number(), threadsMs: z.number(), otherMs: z.number() }).optional();
export type BareCpuByThread = z.output<typeof bareByThreadSchema>;

export interface Baselines {
  scanMs: number;
  scanCpuMs: number;
  parseThreadsMs: number;
  parseThreadsCpuMs: number;
  /** `parseThreadsCpuMs` split as a cold start's `cpuByThread` is, to compare part with part. */
  parseThreadsCpuByThread: BareCpuByThread;
  parseThreadsPeakRssMiB: number;
}

/** The bare baselines of one run, each in its own process: walk + read + hash, and read + gray-matter + marked on the service's number of threads. */
export function baselines(dir: string): Baselines {
  const self = fileURLToPath(import.meta.url);
  const scan = runPhase(self, ['scan', dir]);
  const parse = runPhase(self, ['parse-threads', dir]);
  const byThread = bareByThreadSchema.safeParse(parse.byThread);
  return {
    scanMs: Number(scan.ms),
    scanCpuMs: Number(scan.cpuMs),
    parseThreadsMs: Number(parse.ms),
    parseThreadsCpuMs: Number(parse.cpuMs),
    parseThreadsCpuByThread: byThread.success ? byThread.data : undefined,
    parseThreadsPeakRssMiB: Number(parse.peakRssMiB),
  };
}

/** Each part of a cold start's CPU against the same part of the bare parse's: where the ratio comes from. */
function cpuVsBareByThread(cold: StartFigures['cpuByThread'], bare: BareCpuByThread): Record<string, number> | undefined {
  if (!bare) return undefined;
  return { main: ratio(cold.mainMs, bare.mainMs), parseThreads: ratio(cold.endedThreadsMs, bare.threadsMs), other: ratio(cold.otherThreadsMs, bare.otherMs) };
}

/**
 * `BENCH_RUNS` runs (default 1), each a baseline then the service, alternating, so a loaded
 * machine weighs on both alike. `BENCH_BEFORE_CLI=<other build>/dist/src/cli/main.js` adds that
 * build's cold and warm start to each run (before/after on the same machine, same run).
 */
export async function benchStartup(n = 35_000): Promise<Record<string, unknown>> {
  const { dir } = blogTree(n, benchTmp(`blog-${n}`));
  const work = benchTmp('startup');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeFileSync(path.join(work, 'bench.yaml'), 'log:\n  level: warn\n');
  const self = fileURLToPath(import.meta.url);
  runPhase(self, ['scan', dir]); // warms the page cache so the first measured phase is not penalised
  const oneThreadParseMs = Number(runPhase(self, ['parse', dir]).ms);
  const builds: [string, string][] = [['after', CLI], ...(process.env.BENCH_BEFORE_CLI ? [['before', process.env.BENCH_BEFORE_CLI] as [string, string]] : [])];
  const runs = [];
  for (let i = 0; i < Number(process.env.BENCH_RUNS ?? 1); i++) {
    const run: Record<string, unknown> = {};
    for (const [name, cli] of i % 2 ? [...builds].reverse() : builds) {
      const base = baselines(dir);
      const db = path.join(work, `${name}-${i}.db`);
      const cold = await startUntilIdle(dir, db, work, cli);
      const warm = await startUntilIdle(dir, db, work, cli);
      run[name] = {
        bare: base,
        cold: { ...cold, idleVsBareParseOnThreads: ratio(cold.idleMs, base.parseThreadsMs), cpuVsBareParse: ratio(cold.cpuMs, base.parseThreadsCpuMs), cpuVsBareByThread: cpuVsBareByThread(cold.cpuByThread, base.parseThreadsCpuByThread) },
        warm: { ...warm, idleVsBareScan: ratio(warm.idleMs, base.scanMs), cpuVsBareScan: ratio(warm.cpuMs, base.scanCpuMs) },
      };
    }
    runs.push(run);
  }
  return {
    bench: 'start-up until idle (issues 3, 14 and 31)',
    machine: machine(),
    loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
    notes: n,
    parseThreads: parserThreads(),
    nodeArgs: NODE_ARGS,
    oneThreadBareParseMs: oneThreadParseMs,
    runs,
    targets: 'cold idle <= 2x the bare parse on the same threads, cold peak <= 400 MiB, idle RSS <= 160 MiB at idle; warm idle <= 3x bare scan',
    coldStartParts: runPhase(path.join(path.dirname(self), 'startup-parts.js'), [dir, process.env.BENCH_PARTS_SAMPLE ?? '2000']),
    nodeProcessStartMs: await nodeStartMs(work),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2]) {
  await phase(process.argv[2], process.argv[3]!);
}
