/**
 * One watcher, alone in its process (so its memory is its own): `node watch-phase.js <native|poll> <dir> <intervalMs>`.
 * Prints {readyMs, rssMiB, cpuPerIntervalMs, cpuPercentOfCore, saveToBatchP50Ms, saveToBatchMaxMs}, and in poll
 * mode the same-run floor of a pass (bareStatPassCpuMs: a bare lstat of every note) with the ratio to it. The saves
 * alternate edits in place (appends), which leave their folder's mtime alone (poll mode: seen within the sweep's
 * passes), and new notes, which move it (seen at the next pass): each kind's latency is printed apart. Idle CPU is
 * taken over `BENCH_POLL_SWEEP` intervals (10, poll mode's default sweep). `loopDelayMaxMs`: the longest the event loop
 * was held during the saves (perf_hooks monitorEventLoopDelay, 5 ms resolution): native mode's look-over of a
 * 16,000-note folder held it in one piece before it was sliced.
 */
import { appendFileSync, lstatSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { silentLogger } from '../src/log.js';
import { watchNotes } from '../src/watch/watcher.js';
import { percentile } from './lib.js';

const [mode, dir, interval] = process.argv.slice(2) as ['native' | 'poll', string, string];
const intervalMs = Number(interval);
let onBatch: ((files: string[]) => void) | undefined;
const t0 = performance.now();
const watcher = watchNotes({
  root: dir,
  mode,
  pollIntervalMs: intervalMs,
  quietMs: 0,
  maxHoldMs: 0,
  onBatch: (b) => onBatch?.(b.changed),
  log: silentLogger(),
});
await watcher.ready;
const readyMs = performance.now() - t0;
global.gc?.();
const rssMiB = process.memoryUsage().rss / 2 ** 20;

// CPU while idle, over a whole sweep of poll intervals (native: the same wall time).
const INTERVALS = Number(process.env.BENCH_POLL_SWEEP ?? 10);
const cpu0 = process.cpuUsage();
await new Promise((r) => setTimeout(r, INTERVALS * intervalMs));
const cpu = process.cpuUsage(cpu0);
const cpuPerIntervalMs = (cpu.user + cpu.system) / 1000 / INTERVALS;

/**
 * The same-run floor of a poll pass: a bare lstat of every note (their paths listed beforehand, so
 * only the stats count), the least that sees an edit in place within one interval; the poller's
 * CPU per interval over it is what its folder checks and comparisons add.
 */
function notePaths(d: string): string[] {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() && !e.name.startsWith('.') ? notePaths(path.join(d, e.name)) : e.name.endsWith('.md') ? [path.join(d, e.name)] : []));
}
const paths = mode === 'poll' ? notePaths(dir) : [];
const bare0 = process.cpuUsage();
for (let i = 0; i < INTERVALS; i++) for (const p of paths) lstatSync(p, { throwIfNoEntry: false });
const bare = process.cpuUsage(bare0);
const bareStatPassCpuMs = (bare.user + bare.system) / 1000 / INTERVALS;

/** Folders holding notes, anywhere in the tree. */
function noteFolders(d: string): string[] {
  const entries = readdirSync(d, { withFileTypes: true });
  const here = entries.some((e) => e.isFile() && e.name.endsWith('.md')) ? [d] : [];
  return [...here, ...entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).flatMap((e) => noteFolders(path.join(d, e.name)))];
}

// Save → batch, for notes spread over the tree: an edit in place, then a new note.
const folders = noteFolders(dir);
const lat: number[] = [];
const editLat: number[] = [];
const newLat: number[] = [];
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
for (let i = 0; i < 10; i++) {
  const folder = folders[(i * 7) % folders.length]!;
  const isNew = i % 2 === 1;
  const file = isNew ? path.join(folder, `bench-new-${i}-en.md`) : path.join(folder, readdirSync(folder).find((f) => f.endsWith('.md'))!);
  const seen = new Promise<number>((resolve) => {
    onBatch = (files) => {
      if (files.includes(file)) resolve(performance.now());
    };
  });
  const at = performance.now();
  if (isNew) writeFileSync(file, `---\ntitle: New ${i}\n---\nNew note ${i}.\n`);
  else appendFileSync(file, `\n<!-- save ${i} -->\n`);
  lat.push((await seen) - at);
  (isNew ? newLat : editLat).push(lat[lat.length - 1]!);
  if (isNew) rmSync(file);
}
loopDelay.disable();
await watcher.close();
lat.sort((a, b) => a - b);
const r = (n: number) => Math.round(n * 10) / 10;
console.log(JSON.stringify({ mode, readyMs: r(readyMs), rssMiB: r(rssMiB), cpuPerIntervalMs: r(cpuPerIntervalMs), cpuPercentOfCore: r((cpuPerIntervalMs / intervalMs) * 100), ...(mode === 'poll' ? { bareStatPassCpuMs: r(bareStatPassCpuMs), bareStatUserSysMs: `${r(bare.user / 1000 / INTERVALS)} + ${r(bare.system / 1000 / INTERVALS)}`, pollVsBareStat: r(cpuPerIntervalMs / bareStatPassCpuMs) } : {}), saveToBatchP50Ms: r(percentile(lat, 50)), saveToBatchMaxMs: r(lat[lat.length - 1]!), editInPlaceToBatchMaxMs: r(Math.max(...editLat)), newNoteToBatchMaxMs: r(Math.max(...newLat)), loopDelayMaxMs: r(loopDelay.max / 1e6) }));
process.exit(0);
