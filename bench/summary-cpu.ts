/**
 * Issue 23's speed figure: `buildSummary`'s CPU time a note, for several builds in one process, in
 * interleaved rounds (each round runs every build, in alternating order), so load and parallelism are
 * the same for all. Notes are read and parsed once per build beforehand: only the summary is timed.
 *
 *   node dist/bench/summary-cpu.js /tmp/notecast-bench/blog-2000 /tmp/filing /work/main
 *
 * (each root a checkout with `dist/` built; ROUNDS, default 6). Prints, per build, the median and
 * each round's µs a note, and each build's median against the first build's; the same for the whole
 * of what `npm run bench -- summary` times a note (parse, summarise, render; the file read aside).
 *
 * Each build runs in a process of its own, one round at a time, the builds' order alternating round
 * by round: builds loaded into one process are not timed alike (the first loaded runs fastest: two
 * copies of one build, loaded second and third, measured 0.75x of each other, median of 4 rounds;
 * issue 23). ONE_PROCESS=1 interleaves them in this process, as before.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS_NOTES, listMarkdown, REPO_ROOT } from './lib.js';

type Parsed = { note: unknown; tokens: unknown };
interface Build {
  root: string;
  parsed: Parsed[];
  summarise: (p: Parsed) => unknown;
  /** What `npm run bench -- summary` times a note, its file read aside: parse, summarise, render. */
  pipeline: (rel: string, text: string) => unknown;
  runs: number[];
  pipelineRuns: number[];
}

async function load(root: string, texts: Array<[string, string]>): Promise<Build> {
  const dist = path.join(root, 'dist', 'src');
  const read = (await import(path.join(dist, 'notes', 'read.js'))) as { parseNoteText: (rel: string, text: string, opts: unknown) => Parsed };
  const { buildSummary } = (await import(path.join(dist, 'summary', 'build.js'))) as { buildSummary: (note: unknown, tokens: unknown) => unknown };
  const { readJekyllConfig } = (await import(path.join(dist, 'notes', 'url.js'))) as { readJekyllConfig: (file: string) => unknown };
  const { DEFAULT_FILE_LANGS } = (await import(path.join(dist, 'notes', 'lang.js'))) as { DEFAULT_FILE_LANGS: readonly string[] };
  const { renderAll } = (await import(path.join(dist, 'render', 'index.js'))) as { renderAll: (s: unknown) => unknown };
  const site = readJekyllConfig(path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'site', 'jekyll-ai-blog', '_config.yml'));
  const opts = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site };
  const summarise = (p: Parsed) => buildSummary(p.note, p.tokens);
  const pipeline = (rel: string, text: string) => renderAll(summarise(read.parseNoteText(rel, text, opts)));
  return { root, parsed: texts.map(([rel, text]) => read.parseNoteText(rel, text, opts)), summarise, pipeline, runs: [], pipelineRuns: [] };
}

const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!;

async function main(dir: string, roots: string[], rounds: number): Promise<void> {
  const texts = listMarkdown(dir).map((rel): [string, string] => [rel, readFileSync(path.join(dir, rel), 'utf8')]);
  const builds: Build[] = [];
  for (const root of roots) builds.push(await load(path.resolve(root), texts));
  for (const b of builds) for (const p of b.parsed) b.summarise(p); // warm-up: JIT and ICU data
  for (let r = 0; r < rounds; r++) {
    for (const b of r % 2 ? [...builds].reverse() : builds) {
      const t0 = process.cpuUsage();
      for (const p of b.parsed) b.summarise(p);
      const used = process.cpuUsage(t0);
      b.runs.push((used.user + used.system) / b.parsed.length);
      const t1 = process.cpuUsage();
      for (const [rel, text] of texts) b.pipeline(rel, text);
      const piped = process.cpuUsage(t1);
      b.pipelineRuns.push((piped.user + piped.system) / texts.length);
    }
  }
  if (process.env.AS_JSON === '1') return console.log(JSON.stringify(builds.map(({ root, runs, pipelineRuns }) => ({ root, runs, pipelineRuns }))));
  report(builds);
}

type Timed = Pick<Build, 'root' | 'runs' | 'pipelineRuns'>;

/** Each build alone in a child process of this script, a round each time, the order alternating. */
function separately(dir: string, roots: string[], rounds: number): void {
  const builds: Timed[] = roots.map((root) => ({ root: path.resolve(root), runs: [], pipelineRuns: [] }));
  for (let r = 0; r < rounds; r++) {
    for (const b of r % 2 ? [...builds].reverse() : builds) {
      const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), dir, b.root], { env: { ...process.env, ROUNDS: '1', AS_JSON: '1' }, encoding: 'utf8' });
      const [timed] = JSON.parse(out.trim().split('\n').pop()!) as Timed[];
      b.runs.push(...timed!.runs);
      b.pipelineRuns.push(...timed!.pipelineRuns);
    }
  }
  report(builds);
}

function report(builds: Timed[]): void {
  const first = median(builds[0]!.runs);
  const firstPipeline = median(builds[0]!.pipelineRuns);
  const listed = (a: number[]) => a.map((x) => x.toFixed(0)).join(' ');
  for (const b of builds) {
    const m = median(b.runs);
    const p = median(b.pipelineRuns);
    console.log(`${b.root}: buildSummary ${m.toFixed(0)} µs CPU a note (rounds ${listed(b.runs)}), ${(first / m).toFixed(2)}× the speed of the first build;`);
    console.log(`  parse + summary + render ${p.toFixed(0)} µs (rounds ${listed(b.pipelineRuns)}), ${(firstPipeline / p).toFixed(2)}×`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir = CORPUS_NOTES, ...roots] = process.argv.slice(2);
  const rounds = Number(process.env.ROUNDS ?? 6);
  if (roots.length > 1 && process.env.ONE_PROCESS !== '1') separately(dir, roots, rounds);
  else await main(dir, roots.length ? roots : [REPO_ROOT], rounds);
}
