/**
 * Issue 23's question before a speed change to summaries: how much of `buildSummary` the candidate
 * count explains. For every note of a tree (parsed once beforehand), the CPU time of the walk that
 * collects candidates (candidates.ts) and of the whole summary, in interleaved rounds, and the
 * candidates the walk gave; then the least-squares line `µs = fixed + perCandidate × candidates` over
 * the notes, so a design that prunes candidates can be weighed before it is written:
 *
 *   node dist/bench/summary-phases.js /tmp/notecast-bench/blog-2000   (ROUNDS, default 4)
 *
 * Prints µs a note (medians of the rounds) for the walk and for the whole, candidates a note, the
 * line's two terms, and the share of the whole a note's candidates account for; then the same line over
 * the notes' body length, and the share of the time notes past 5,000 characters take.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseNoteText, type ReadOptions } from '../src/notes/read.js';
import { readJekyllConfig } from '../src/notes/url.js';
import { DEFAULT_FILE_LANGS } from '../src/notes/lang.js';
import { buildSummary, DEFAULT_SUMMARY_OPTIONS } from '../src/summary/build.js';
import { collectCandidates } from '../src/summary/candidates.js';
import { SpanTable } from '../src/summary/inline.js';
import { CORPUS_NOTES, listMarkdown, REPO_ROOT } from './lib.js';

/** CPU µs (user + system) that `run` takes. */
function cpu(run: () => unknown): number {
  const t0 = process.cpuUsage();
  run();
  const used = process.cpuUsage(t0);
  return used.user + used.system;
}

const median = (a: readonly number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!;

/** Least squares of y on x: y ≈ a + b·x. */
function fitLine(xs: readonly number[], ys: readonly number[]): { a: number; b: number } {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  const b = sxx > 0 ? sxy / sxx : 0;
  return { a: my - b * mx, b };
}

async function main(dir: string, rounds: number): Promise<void> {
  const site = readJekyllConfig(path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'site', 'jekyll-ai-blog', '_config.yml'));
  const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site };
  const parsed = listMarkdown(dir).map((rel) => parseNoteText(rel, readFileSync(path.join(dir, rel), 'utf8'), opts));
  const walk = (p: (typeof parsed)[number]) => collectCandidates(p.tokens, p.note.locale, new SpanTable(), DEFAULT_SUMMARY_OPTIONS.maxPointChars);
  const counts = parsed.map((p) => walk(p).candidates.length); // also the warm-up of the walk
  for (const p of parsed) buildSummary(p.note, p.tokens); // and of the rest
  const walkRuns: number[][] = parsed.map(() => []);
  const wholeRuns: number[][] = parsed.map(() => []);
  for (let r = 0; r < rounds; r++) {
    parsed.forEach((p, i) => {
      walkRuns[i]!.push(cpu(() => walk(p)));
      wholeRuns[i]!.push(cpu(() => buildSummary(p.note, p.tokens)));
    });
  }
  const walkUs = walkRuns.map(median);
  const wholeUs = wholeRuns.map(median);
  const mean = (a: readonly number[]) => a.reduce((s, x) => s + x, 0) / a.length;
  const { a, b } = fitLine(counts, wholeUs);
  const whole = mean(wholeUs);
  console.log(`${parsed.length} notes, ${mean(counts).toFixed(1)} candidates a note (median ${median(counts)}, most ${Math.max(...counts)})`);
  console.log(`buildSummary ${whole.toFixed(0)} µs CPU a note, of which the walk collecting candidates ${mean(walkUs).toFixed(0)} µs`);
  console.log(`line over the notes: ${a.toFixed(0)} µs a note + ${b.toFixed(1)} µs a candidate; candidates account for ${((100 * b * mean(counts)) / whole).toFixed(0)} % of the whole`);
  lengthLine(parsed.map((p) => p.note.body.length), wholeUs);
}

/** Notes past this many characters of body are "long" (the real blog has many). */
const LONG_BODY = 5000;

/**
 * The work that grows with a note's length: the line `µs = fixed + perThousand × body characters / 1000`
 * over the notes, and the long notes' share of the whole time, so a change that caps work on long notes
 * (or one that cuts the fixed cost of every note) can be weighed.
 */
function lengthLine(chars: readonly number[], wholeUs: readonly number[]): void {
  const { a, b } = fitLine(chars, wholeUs);
  const total = wholeUs.reduce((s, x) => s + x, 0);
  const long = chars.flatMap((c, i) => (c > LONG_BODY ? [wholeUs[i]!] : []));
  const longUs = long.reduce((s, x) => s + x, 0);
  console.log(`line over body length: ${a.toFixed(0)} µs a note + ${(b * 1000).toFixed(0)} µs a 1,000 characters of body`);
  console.log(`notes over ${LONG_BODY} characters: ${long.length} of ${chars.length}, ${((100 * longUs) / total).toFixed(0)} % of the time`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main(process.argv[2] ?? CORPUS_NOTES, Number(process.env.ROUNDS ?? 4));
}
