/** Shared helpers for the benchmarks: corpus replication, phases in child processes, percentiles. */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json: these files run compiled (dist/bench) and, in the soak test, from source (bench). */
export const REPO_ROOT = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();
export const CORPUS_NOTES = path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'notes');

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} cores (${cpus[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

/** The Markdown files under `dir`, relative to it, sorted. */
export function listMarkdown(dir: string, base = dir): string[] {
  return listFiles(dir, base)
    .filter((f) => f.endsWith('.md'))
    .sort();
}

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p, base) : [path.relative(base, p)];
  });
}

/**
 * Copies the corpus into `dir` until it holds `n` notes. Copy k of a note lives in `copyK/…` and carries
 * a distinct last line, so hashes differ and nothing can be cached across copies.
 */
export function replicateCorpus(n: number, dir: string): string {
  const marker = path.join(dir, `.replicated-${n}`);
  if (existsSync(marker)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = listFiles(CORPUS_NOTES).filter((f) => f.endsWith('.md'));
  const texts = files.map((f) => readFileSync(path.join(CORPUS_NOTES, f), 'utf8'));
  for (let i = 0; i < n; i++) {
    const k = Math.floor(i / files.length);
    const j = i % files.length;
    const target = path.join(dir, `copy${k}`, files[j]!);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, `${texts[j]!}\n\n<!-- copy ${k} -->\n`);
  }
  writeFileSync(marker, '');
  return dir;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

export interface PhaseResult {
  [k: string]: number | string;
}

/** Runs `node <script> <args>` and parses the JSON line it prints last. Separate processes keep peak memory honest. */
export function runPhase(script: string, args: string[]): PhaseResult {
  const out = execFileSync(process.execPath, ['--expose-gc', script, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const last = out.trim().split('\n').pop()!;
  return JSON.parse(last) as PhaseResult;
}

export function peakRssMiB(): number {
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}

export function benchTmp(name: string): string {
  return path.join(os.tmpdir(), 'notecast-bench', name);
}

export { cpSync };
