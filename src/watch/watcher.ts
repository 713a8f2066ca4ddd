/**
 * Watches the notes root with chokidar and hands over batches of settled changes. Each file
 * must be quiet for `quietMs` before its change counts, so an editor's several writes, an atomic
 * save-by-rename or a `git pull` are one change. A batch is released once no other file is still
 * settling, so a burst of files arrives together (and can become a digest) while a lone save
 * goes out at once.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Logger } from '../log.js';
import { isNoteFile } from '../notes/read.js';
import { isIgnoredName } from '../notes/scan.js';
import type { Batch } from '../publish/publisher.js';

export interface WatcherOptions {
  root: string;
  quietMs: number;
  /** Longest a burst is held open while files keep settling. */
  maxHoldMs: number;
  onBatch: (batch: Batch) => void;
  log: Logger;
  /** Polling, for file systems without events (network mounts) and for tests that need it. */
  usePolling?: boolean;
}

export interface NotesWatcher {
  ready: Promise<void>;
  close(): Promise<void>;
  /** Files still inside their quiet period. */
  settling(): number;
}

export function watchNotes(opts: WatcherOptions): NotesWatcher {
  const root = path.resolve(opts.root);
  const timers = new Map<string, NodeJS.Timeout>();
  const lastKind = new Map<string, 'upsert' | 'remove'>();
  const due = new Map<string, 'upsert' | 'remove'>();
  let holdSince: number | undefined;
  let flushScheduled = false;

  const ignored = (p: string): boolean => {
    const rel = path.relative(root, p);
    if (!rel || rel.startsWith('..')) return false;
    return rel.split(path.sep).some(isIgnoredName);
  };

  const flush = () => {
    flushScheduled = false;
    if (!due.size) return;
    const held = holdSince !== undefined && Date.now() - holdSince < opts.maxHoldMs;
    if (timers.size > 0 && held) return; // more of the burst is settling; it flushes when they land
    holdSince = undefined;
    const batch: Batch = { changed: [], removed: [] };
    for (const [file, kind] of due) {
      // The last event decides, but the disk has the final word (an atomic save ends with the file present).
      if (kind === 'remove' && !existsSync(file)) batch.removed.push(file);
      else if (existsSync(file)) batch.changed.push(file);
    }
    due.clear();
    if (batch.changed.length || batch.removed.length) opts.onBatch(batch);
  };

  const scheduleFlush = () => {
    if (flushScheduled) return;
    flushScheduled = true;
    setImmediate(flush);
  };

  const touch = (file: string, kind: 'upsert' | 'remove') => {
    if (!isNoteFile(file)) return;
    lastKind.set(file, kind);
    const old = timers.get(file);
    if (old) clearTimeout(old);
    timers.set(
      file,
      setTimeout(() => {
        timers.delete(file);
        due.set(file, lastKind.get(file) ?? 'upsert');
        lastKind.delete(file);
        holdSince ??= Date.now();
        scheduleFlush();
      }, opts.quietMs),
    );
  };

  const watcher: FSWatcher = watch(root, {
    ignored,
    ignoreInitial: true,
    followSymlinks: false,
    persistent: true,
    usePolling: opts.usePolling ?? false,
    interval: 100,
  });
  watcher.on('add', (p) => touch(p, 'upsert'));
  watcher.on('change', (p) => touch(p, 'upsert'));
  watcher.on('unlink', (p) => touch(p, 'remove'));
  watcher.on('error', (e) => opts.log.error({ err: String(e) }, 'watcher error'));

  // A burst held open this long is released even if files are still settling.
  const holdTimer = setInterval(() => {
    if (holdSince !== undefined && Date.now() - holdSince >= opts.maxHoldMs) scheduleFlush();
  }, Math.max(50, Math.min(1000, opts.maxHoldMs / 4)));
  holdTimer.unref();

  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    settling: () => timers.size,
    async close() {
      clearInterval(holdTimer);
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      await watcher.close();
    },
  };
}
