/**
 * Issue 2's benchmark: notes per second through read → parse → summarise → render (all three),
 * against the bare baseline read + gray-matter + marked lexer, over a blog-shaped tree of N notes.
 * Both read the files synchronously, as the publisher does (readNoteBytesSync); the headline ratio
 * is against that baseline. An async-read baseline is reported beside it.
 */
import { readFileSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { Lexer } from 'marked';
import { decodeNoteText, parseNoteText, readNoteBytesSync, toRelPath } from '../src/notes/read.js';
import { scanNotes } from '../src/notes/scan.js';
import { readJekyllConfig } from '../src/notes/url.js';
import { DEFAULT_FILE_LANGS } from '../src/notes/lang.js';
import { buildSummary } from '../src/summary/build.js';
import { renderAll } from '../src/render/index.js';
import { benchTmp, machine, peakRssMiB, REPO_ROOT, runPhase } from './lib.js';
import { blogTree } from './blog.js';
import path from 'node:path';

async function phase(kind: string, dir: string): Promise<void> {
  const files = await scanNotes(dir);
  const site = readJekyllConfig(path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'site', 'jekyll-ai-blog', '_config.yml'));
  const opts = { maxBytes: 1024 * 1024, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site, realRoot: await realpath(dir) };
  let sink = 0;
  const realDirs = new Map<string, string>(); // as the publisher reads: each folder resolved once
  const t0 = performance.now();
  for (const f of files) {
    if (kind === 'baseline' || kind === 'baseline-sync') {
      const text = kind === 'baseline' ? await readFile(f, 'utf8') : readFileSync(f, 'utf8');
      const m = matter(text, {});
      sink += new Lexer({ gfm: true }).lex(m.content).length;
    } else {
      // As the publisher reads and parses a note (publish/publisher.ts, publish/parse-pool.ts).
      const rel = toRelPath(dir, f);
      const text = decodeNoteText(rel, readNoteBytesSync(dir, f, rel, opts.maxBytes, opts.realRoot, realDirs).buf, opts.maxBytes);
      const { note, tokens } = parseNoteText(rel, text, opts);
      const r = renderAll(buildSummary(note, tokens));
      sink += r.text.length;
    }
  }
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ kind, notes: files.length, ms: Math.round(ms), perSec: Math.round((files.length / ms) * 1000), peakRssMiB: peakRssMiB(), sink }));
}

const median = (a: readonly number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!;

/**
 * Issue 23's figure: its target is this pipeline against the build the issue was filed on, not against the bare
 * parse (issue 2's `ratio`). With `BENCH_BEFORE_SUMMARY` (a checkout of that build, `dist/` built, beside
 * `../shared` as this one is) each build's `full` phase runs `BENCH_RUNS` times (default 3), alternating, in
 * processes of their own, and the medians are compared: the load of the moment weighs on both alike.
 */
function againstBefore(self: string, dir: string): Record<string, unknown> {
  const before = process.env.BENCH_BEFORE_SUMMARY;
  if (!before) return {};
  const theirs = path.resolve(before, 'dist', 'bench', 'summary.js');
  const runs: Record<string, number[]> = { [self]: [], [theirs]: [] };
  for (let i = 0; i < Number(process.env.BENCH_RUNS ?? 3); i++) {
    for (const script of i % 2 ? [theirs, self] : [self, theirs]) runs[script]!.push(Number(runPhase(script, ['full', dir]).perSec));
  }
  return {
    beforeBuild: before,
    beforePerSecRuns: runs[theirs],
    pipelinePerSecRuns: runs[self],
    ratioVsBefore: Math.round((median(runs[self]!) / median(runs[theirs]!)) * 100) / 100,
    targetVsBefore: '>= 0.8 (issue 23)',
  };
}

export async function benchSummary(n = 20_000): Promise<Record<string, unknown>> {
  const { dir, notes } = blogTree(n, benchTmp(`blog-${n}`));
  const self = fileURLToPath(import.meta.url);
  runPhase(self, ['baseline-sync', dir]); // page cache warm for every measured phase
  const baselineSync = runPhase(self, ['baseline-sync', dir]);
  const baselineAsync = runPhase(self, ['baseline', dir]);
  const full = runPhase(self, ['full', dir]);
  return {
    bench: 'summary pipeline (issue 2)',
    machine: machine(),
    notes,
    baselinePerSec: baselineSync.perSec,
    pipelinePerSec: full.perSec,
    ratio: Math.round((Number(full.perSec) / Number(baselineSync.perSec)) * 100) / 100,
    target: '>= 0.5',
    baselineAsyncReadPerSec: baselineAsync.perSec,
    ratioVsAsyncReadBaseline: Math.round((Number(full.perSec) / Number(baselineAsync.perSec)) * 100) / 100,
    baselinePeakRssMiB: baselineSync.peakRssMiB,
    pipelinePeakRssMiB: full.peakRssMiB,
    ...againstBefore(self, dir),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2]) {
  await phase(process.argv[2], process.argv[3]!);
}
