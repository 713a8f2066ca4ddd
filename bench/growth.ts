/**
 * Growth past the blog (issue 31): at each size (`BENCH_GROWTH_SIZES`, default 5000,35000,100000)
 * a blog-shaped tree (bench/blog.ts), then, in this order so a loaded machine weighs on all alike:
 * the bare baselines (walk + read + hash; read + gray-matter + marked on the service's threads),
 * a cold start to idle (resident memory at that moment and at the peak), `BENCH_SAVES` saves and
 * their save → post latency beyond the quiet period, a warm start to idle, and lookups in the
 * database the cold start wrote. Per-note costs are each size's time over its notes, and 100k's
 * (the largest) against 35k's. Trees are written under `BENCH_GROWTH_DIR` (default the temp
 * folder) and deleted afterwards unless `BENCH_KEEP_TREES=1`: 100,000 notes take about 800 MB.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { tokenize } from '../src/search/text.js';
import { NoteSearch } from '../src/search/index.js';
import { Store } from '../src/store/store.js';
import type { NoteInfo } from '../src/store/types.js';
import { blogTree } from './blog.js';
import { benchTmp, machine, percentile } from './lib.js';
import { BenchService } from './service.js';
import { baselines, startUntilIdle } from './startup.js';

const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;
const QUIET_MS = 250;
/** The machine's 1-minute load average: the machine is shared, so each size's row says what it ran beside. */
const loadAverage = () => r1(os.loadavg()[0]!);

/**
 * Saves in a folder of their own, alternately a new note and an edit of it; ms from the write to its post or edit, less the quiet
 * period. The edit keeps the title and the body and adds a sentence, as a writer's edit does: a note rewritten wholesale (a new
 * title and body) is held a removal window on purpose, in case it is half of a move (held-rewrites.ts), which is not the pipeline's cost.
 */
export function saveText(i: number, what: string): string {
  const n = Math.floor(i / 2);
  return `---\ntitle: ${what} save ${n}\n---\n\nSave number ${n} has its own sentence.\n${i % 2 === 1 ? '\nAn edit adds this sentence to it.\n' : ''}`;
}

async function saveLatencies(svc: BenchService, root: string, saves: number): Promise<number[]> {
  const saveDir = path.join(root, 'growth-saves');
  mkdirSync(saveDir, { recursive: true });
  const beyond: number[] = [];
  for (let i = 0; i < saves; i++) {
    const id = `save-${Math.floor(i / 2)}-en`;
    const kind = i % 2 === 0 ? 'post' : 'edit';
    writeFileSync(path.join(saveDir, `${id}.md`), saveText(i, 'Growth'));
    const wrote = performance.now();
    const ev = await svc.next((e) => e.event === kind && e.noteId === `growth-saves/${id}` && (kind === 'post' || Number(e.revision) >= 2), 60_000);
    beyond.push(ev.at - wrote - QUIET_MS);
    svc.events.length = 0;
  }
  return beyond.sort((a, b) => a - b);
}

/** This process's CPU time in ms (user + system, every thread: the lookups run alone here). */
function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

/** A fixed piece of work of about a lookup's median (hashing 1 MiB), as the same-run baseline of the lookups' tail. */
const FIXED_WORK = Buffer.alloc(1024 * 1024, 7);
function fixedWork(): number {
  return createHash('sha256').update(FIXED_WORK).digest()[0]!;
}

export interface LookupFigures {
  /** Wall ms of each lookup, sorted. */
  wall: number[];
  /** CPU ms of each lookup, sorted: what the lookup itself costs, whatever the machine's load. */
  cpu: number[];
  /** Wall ms of the fixed work run after each lookup, sorted: how the machine's load stretches the same work. */
  fixedWall: number[];
}

/**
 * 1,000 lookups typed as a user types them (a title's first word and part of its second) from
 * titles spread over the database, each followed by the fixed work: on a shared 2-core machine a
 * lookup's wall-time tail is mostly the time others hold the cores, which the fixed work's tail
 * shows in the same run, while CPU time shows what the lookup itself costs (issue 31).
 */
export function lookupTimes(db: string): LookupFigures {
  const raw = new Database(db, { readonly: true });
  const infos = (raw.prepare("SELECT info FROM notes WHERE state = 'published'").all() as { info: string }[]).map((r) => JSON.parse(r.info) as NoteInfo);
  raw.close();
  // The queries are made first and the notes' facts let go: 100,000 of them held in this heap would
  // make every collection during the lookups longer, a cost of the bench, not of the service.
  const queries: { q: string; lang: string }[] = [];
  for (let i = 0; i < 1000 && infos.length; i++) {
    const info = infos[(i * 7919) % infos.length]!;
    const words = tokenize(info.title, info.locale);
    const q = words.length > 1 ? `${words[0]} ${words[1]!.slice(0, Math.max(1, Math.ceil(words[1]!.length / 2)))}` : (words[0] ?? info.title).slice(0, 4);
    queries.push({ q, lang: info.lang });
  }
  infos.length = 0;
  const store = new Store(db);
  const index = new NoteSearch(store);
  const out: LookupFigures = { wall: [], cpu: [], fixedWall: [] };
  for (const { q, lang } of queries) {
    const c = cpuMs();
    const t = performance.now();
    index.search(q, { lang, limit: 25 });
    out.wall.push(performance.now() - t);
    out.cpu.push(cpuMs() - c);
    const f = performance.now();
    fixedWork();
    out.fixedWall.push(performance.now() - f);
  }
  store.close();
  for (const xs of [out.wall, out.cpu, out.fixedWall]) xs.sort((a, b) => a - b);
  return out;
}

async function atSize(n: number, saves: number): Promise<Record<string, number | string>> {
  const treeDir = path.join(process.env.BENCH_GROWTH_DIR ?? benchTmp('growth'), `blog-${n}`);
  const t0 = performance.now();
  const { dir } = blogTree(n, treeDir);
  const writeTreeS = r1((performance.now() - t0) / 1000);
  const work = benchTmp(`growth-work-${n}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // The translations' grace period is a deliberate wait like the quiet period: 0 here, as in bench/latency.ts.
  writeFileSync(path.join(work, 'bench.yaml'), `watch:\n  quietMs: ${QUIET_MS}\npublish:\n  translations: { mode: group, graceMs: 0 }\nlog:\n  level: warn\n`);
  const db = path.join(work, 'state.db');
  try {
    const loadBefore = loadAverage();
    const base = baselines(dir);
    // Cold start, then the saves on the same process once it is idle.
    const svc = new BenchService(['--notes', dir, '--db', db, '--config', path.join(work, 'bench.yaml')], work);
    await svc.next((e) => e.event === 'ready', 3_600_000);
    const coldIdle = await svc.idle(3_600_000);
    const coldPeak = svc.peakRssMiB();
    let latencies: number[];
    try {
      latencies = await saveLatencies(svc, dir, saves);
    } finally {
      await svc.stop();
      rmSync(path.join(dir, 'growth-saves'), { recursive: true, force: true });
    }
    const warm = await startUntilIdle(dir, db, work, undefined, 0);
    const lookups = lookupTimes(db);
    return {
      notes: n,
      loadAverage1mBeforeAfter: [loadBefore, loadAverage()].join(' → '),
      writeTreeS,
      bareScanMs: base.scanMs,
      bareParseOnThreadsMs: base.parseThreadsMs,
      coldIdleMs: coldIdle.idleMs,
      coldVsBareParse: r2(coldIdle.idleMs / base.parseThreadsMs),
      coldUsPerNote: Math.round((coldIdle.idleMs / n) * 1000),
      coldCpuMs: coldIdle.cpuMs,
      coldCpuVsBareParse: r2(coldIdle.cpuMs / base.parseThreadsCpuMs),
      coldCpuUsPerNote: Math.round((coldIdle.cpuMs / n) * 1000),
      coldPeakRssMiB: coldPeak,
      // The bare parse's process (read + gray-matter + marked on the same threads, everything dropped as it goes) at its peak: what parsing alone holds.
      bareParsePeakRssMiB: base.parseThreadsPeakRssMiB,
      coldPeakVsBareParse: r2(coldPeak / base.parseThreadsPeakRssMiB),
      idleRssMiB: coldIdle.rssMiB,
      idleRssVsBareParsePeak: r2(coldIdle.rssMiB / base.parseThreadsPeakRssMiB),
      warmIdleMs: warm.idleMs,
      warmVsBareScan: r2(warm.idleMs / base.scanMs),
      warmUsPerNote: Math.round((warm.idleMs / n) * 1000),
      warmCpuUsPerNote: Math.round((warm.cpuMs / n) * 1000),
      warmIdleRssMiB: warm.idleRssMiB,
      saveToPostP95Ms: r1(percentile(latencies, 95)),
      lookupP50Ms: r2(percentile(lookups.wall, 50)),
      lookupP99Ms: r2(percentile(lookups.wall, 99)),
      lookupCpuP50Ms: r2(percentile(lookups.cpu, 50)),
      lookupCpuP99Ms: r2(percentile(lookups.cpu, 99)),
      // The same-run baseline: fixed work of about a lookup's median, run after each lookup.
      fixedWorkP50Ms: r2(percentile(lookups.fixedWall, 50)),
      fixedWorkP99Ms: r2(percentile(lookups.fixedWall, 99)),
    };
  } finally {
    if (process.env.BENCH_KEEP_TREES !== '1') rmSync(treeDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

export async function benchGrowth(sizes: number[], saves = 40): Promise<Record<string, unknown>> {
  const rows = [];
  for (const n of sizes) {
    rows.push(await atSize(n, saves));
    // Each row as it is done: a run of tens of minutes cut short still leaves the sizes it finished.
    console.error(JSON.stringify({ growthRow: rows[rows.length - 1] }));
  }
  const largest = rows[rows.length - 1]!;
  // 35k's row, or the one before the largest: never the largest against itself.
  const ref = rows.find((row) => row.notes === 35_000 && row !== largest) ?? rows[rows.length - 2] ?? largest;
  const per = (k: string) => r2(Number(largest[k]) / Number(ref[k]));
  return {
    bench: 'growth: 5k, 35k and 100k notes (issue 31)',
    machine: machine(),
    loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
    saves,
    rows,
    [`perNoteCost${largest.notes}vs${ref.notes}`]: { cold: per('coldUsPerNote'), coldCpu: per('coldCpuUsPerNote'), warm: per('warmUsPerNote'), warmCpu: per('warmCpuUsPerNote') },
    // Not per note: what a user waits for, which should not grow with the tree at all.
    [`latency${largest.notes}vs${ref.notes}`]: { saveToPostP95: per('saveToPostP95Ms'), lookupP99: per('lookupP99Ms'), lookupCpuP99: per('lookupCpuP99Ms') },
    targets: 'per-note costs at 100k <= 1.2x those at 35k; at 100k idle RSS <= 200 MiB and lookup p99 <= 10 ms',
  };
}
