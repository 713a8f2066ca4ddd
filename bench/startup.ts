/**
 * Start-up on a blog-shaped tree (bench/blog.ts): `notecast start` over N notes, cold (empty
 * database) and warm (same database, nothing changed), timed to `ready` and to idle (every
 * background task done: the process's CPU use has stopped), with its peak resident memory and its
 * resident memory once idle. Against a bare scan (walk + read + hash) and a bare parse (read +
 * gray-matter + marked lexer), both reading synchronously as the service does, in the same run.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import matter from 'gray-matter';
import { Lexer } from 'marked';
import { scanNotes } from '../src/notes/scan.js';
import { benchTmp, machine, peakRssMiB, runPhase } from './lib.js';
import { blogTree } from './blog.js';
import { BenchService } from './service.js';

async function phase(kind: string, dir: string): Promise<void> {
  const t0 = performance.now();
  const files = await scanNotes(dir);
  let sink = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    if (kind === 'scan') sink += createHash('sha256').update(text).digest()[0]!;
    else sink += new Lexer({ gfm: true }).lex(matter(text, {}).content).length;
  }
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ kind, notes: files.length, ms: Math.round(ms), peakRssMiB: peakRssMiB(), sink }));
}

async function startUntilIdle(dir: string, db: string, cwd: string): Promise<{ readyMs: number; idleMs: number; peakRssMiB: number; idleRssMiB: number; rss30sLaterMiB: number; cpuMs: number }> {
  const svc = new BenchService(['--notes', dir, '--db', db, '--config', path.join(cwd, 'bench.yaml')], cwd);
  const ready = await svc.next((e) => e.event === 'ready', 900_000);
  const idle = await svc.idle();
  const peak = svc.peakRssMiB();
  // V8 gives memory back some seconds into idleness (its memory reducer): measured again 30 s later.
  await new Promise((r) => setTimeout(r, 30_000));
  const settled = svc.rssMiB();
  await svc.stop();
  return { readyMs: Math.round(ready.at - svc.startedAt), idleMs: idle.idleMs, peakRssMiB: peak, idleRssMiB: idle.rssMiB, rss30sLaterMiB: settled, cpuMs: idle.cpuMs };
}

/** Node's own start-up, to separate from ours. */
async function nodeStartMs(cwd: string): Promise<number> {
  const { spawnSync } = await import('node:child_process');
  const t0 = performance.now();
  spawnSync(process.execPath, ['-e', '0'], { cwd });
  return Math.round(performance.now() - t0);
}

export async function benchStartup(n = 35_000): Promise<Record<string, unknown>> {
  const { dir } = blogTree(n, benchTmp(`blog-${n}`));
  const work = benchTmp('startup');
  rmSync(work, { recursive: true, force: true });
  const { mkdirSync } = await import('node:fs');
  mkdirSync(work, { recursive: true });
  writeFileSync(path.join(work, 'bench.yaml'), 'log:\n  level: warn\n');
  const db = path.join(work, 'state.db');
  const self = fileURLToPath(import.meta.url);
  // Warm the page cache so the first measured phase is not penalised.
  runPhase(self, ['scan', dir]);
  const scan = runPhase(self, ['scan', dir]);
  const parse = runPhase(self, ['parse', dir]);
  const cold = await startUntilIdle(dir, db, work);
  const warm = await startUntilIdle(dir, db, work);
  const nodeMs = await nodeStartMs(work);
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return {
    bench: 'start-up until idle (issues 3 and 14)',
    machine: machine(),
    notes: n,
    bareScanMs: scan.ms,
    bareParseMs: parse.ms,
    cold: { ...cold, idleVsBareParse: ratio(cold.idleMs, Number(parse.ms)), target: 'idle <= 2x bare parse; peak <= 500 MiB; idle RSS <= 250 MiB' },
    warm: { ...warm, idleVsBareScan: ratio(warm.idleMs, Number(scan.ms)), target: 'idle <= 3x bare scan; idle RSS <= 250 MiB' },
    nodeProcessStartMs: nodeMs,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2]) {
  await phase(process.argv[2], process.argv[3]!);
}
