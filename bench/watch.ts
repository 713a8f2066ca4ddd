/**
 * Issues 15 and 31's figures on a tree shaped like the blog (bench/blog.ts): each watcher mode alone in its process (ready
 * time, resident memory, CPU per poll interval, save → batch), and a reconcile pass over an
 * unchanged tree as a ratio of a bare walk + read + hash of the same files.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configSchema } from '../src/config/schema.js';
import { silentLogger } from '../src/log.js';
import { DEFAULT_FILE_LANGS } from '../src/notes/lang.js';
import { contentHash } from '../src/notes/read.js';
import { scanNotesSync } from '../src/notes/scan.js';
import { Publisher } from '../src/publish/publisher.js';
import { Store } from '../src/store/store.js';
import { benchTmp, machine, runPhase } from './lib.js';
import { blogTree } from './blog.js';
import { benchWorkspace } from './service.js';
import { DEFAULT_SUMMARY_OPTIONS } from '../src/summary/build.js';

export async function benchWatch(notes = 35_000, intervalMs = 3000): Promise<Record<string, unknown>> {
  const { dir } = blogTree(notes, benchTmp(`blog-${notes}`));
  const phase = path.join(path.dirname(new URL(import.meta.url).pathname), 'watch-phase.js');
  const native = runPhase(phase, ['native', dir, String(intervalMs)]);
  const poll = runPhase(phase, ['poll', dir, String(intervalMs)]);
  // Another build's poller under the same harness, in the same run: BENCH_BEFORE_WATCH_PHASE=<its dist>/bench/watch-phase.js.
  const before = process.env.BENCH_BEFORE_WATCH_PHASE ? runPhase(process.env.BENCH_BEFORE_WATCH_PHASE, ['poll', dir, String(intervalMs)]) : undefined;

  if (process.env.BENCH_WATCH_RECONCILE === '0') return { bench: 'Watching (issues 15 and 31)', machine: machine(), loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10), notes, pollIntervalMs: intervalMs, native, poll, pollRssRatioToNative: Math.round(((poll.rssMiB as number) / (native.rssMiB as number)) * 100) / 100, ...(before ? { pollBefore: before, pollBeforeRssRatioToNative: Math.round(((before.rssMiB as number) / (native.rssMiB as number)) * 100) / 100 } : {}) };
  // Reconcile: a store that has every note, then a pass over the unchanged tree.
  const ws = benchWorkspace('watch-reconcile', '');
  const store = new Store(ws.db);
  const config = configSchema.parse({ publish: { translations: 'separate' } });
  const publisher = new Publisher({
    root: dir, store, config, platforms: new Set(), log: silentLogger(), onEnqueued: () => undefined,
    read: { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: config.site },
    summary: DEFAULT_SUMMARY_OPTIONS,
  });
  const files = scanNotesSync(dir);
  await publisher.processBatch({ changed: files, removed: [] }, { firstRun: true });
  const runs = (fn: () => unknown, n = 3) => {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      fn();
      times.push(performance.now() - t);
    }
    return Math.min(...times);
  };
  const bareMs = runs(() => {
    for (const f of scanNotesSync(dir)) contentHash(readFileSync(f, 'utf8'));
  });
  const reconcileTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await publisher.processBatch({ changed: scanNotesSync(dir), removed: [] });
    reconcileTimes.push(performance.now() - t);
  }
  store.close();
  const reconcileMs = Math.min(...reconcileTimes);
  return {
    bench: 'Watching (issue 15)',
    machine: machine(),
    notes: files.length,
    pollIntervalMs: intervalMs,
    native,
    poll,
    pollRssRatioToNative: Math.round(((poll.rssMiB as number) / (native.rssMiB as number)) * 100) / 100,
    ...(before ? { pollBefore: before, pollBeforeRssRatioToNative: Math.round(((before.rssMiB as number) / (native.rssMiB as number)) * 100) / 100 } : {}),
    loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
    target: 'poll: idle <= 2 % of a core, RSS <= 1.3x native, an edit in place seen within one interval',
    reconcile: { ms: Math.round(reconcileMs), bareWalkReadHashMs: Math.round(bareMs), ratio: Math.round((reconcileMs / bareMs) * 100) / 100 },
  };
}
