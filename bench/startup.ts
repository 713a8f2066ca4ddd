/**
 * Issue 3's start-up benchmark: `notecast start` over N notes until `ready`, cold (empty database)
 * and warm (nothing changed), against a bare scan (walk + read + hash) and a bare parse
 * (read + gray-matter + marked lexer) measured in the same run.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import matter from 'gray-matter';
import { Lexer } from 'marked';
import { scanNotes } from '../src/notes/scan.js';
import { benchTmp, machine, peakRssMiB, replicateCorpus, runPhase } from './lib.js';
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

async function timeToReady(dir: string, db: string, cwd: string): Promise<{ ms: number; peakRssMiB: number }> {
  const svc = new BenchService(['--notes', dir, '--db', db, '--config', path.join(cwd, 'bench.yaml')], cwd);
  const ready = await svc.next((e) => e.event === 'ready', 600_000);
  const peak = svc.peakRssMiB();
  await svc.stop();
  return { ms: Math.round(ready.at - svc.startedAt), peakRssMiB: peak };
}

/** Node's own start-up, to separate from ours. */
async function nodeStartMs(cwd: string): Promise<number> {
  const { spawnSync } = await import('node:child_process');
  const t0 = performance.now();
  spawnSync(process.execPath, ['-e', '0'], { cwd });
  return Math.round(performance.now() - t0);
}

export async function benchStartup(n = 35_000): Promise<Record<string, unknown>> {
  const dir = replicateCorpus(n, benchTmp(`corpus-${n}`));
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
  const cold = await timeToReady(dir, db, work);
  const warm = await timeToReady(dir, db, work);
  const nodeMs = await nodeStartMs(work);
  return {
    bench: 'start-up until ready (issue 3)',
    machine: machine(),
    notes: n,
    bareScanMs: scan.ms,
    bareParseMs: parse.ms,
    coldMs: cold.ms,
    coldVsBareParse: Math.round((cold.ms / Number(parse.ms)) * 100) / 100,
    coldTarget: '<= 2x bare parse',
    warmMs: warm.ms,
    warmVsBareScan: Math.round((warm.ms / Number(scan.ms)) * 100) / 100,
    warmTarget: '<= 3x bare scan',
    nodeProcessStartMs: nodeMs,
    coldPeakRssMiB: cold.peakRssMiB,
    warmPeakRssMiB: warm.peakRssMiB,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2]) {
  await phase(process.argv[2], process.argv[3]!);
}
