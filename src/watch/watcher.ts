/**
 * Watches the notes root with @parcel/watcher and hands over batches of settled changes.
 * (chokidar 5 took 7.3 s to get ready over 35,000 notes here, holding an inotify watch per file;
 * @parcel/watcher took 0.5 s with one per folder: see the closing note of the watch issue.) Each file
 * must be quiet for `quietMs` before its change counts, so an editor's several writes, an atomic
 * save-by-rename or a `git pull` are one change. A batch is released once no other file is still
 * settling, so a burst of files arrives together (and can become a digest) while a lone save
 * goes out at once.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { subscribe, type AsyncSubscription } from '@parcel/watcher';
import type { Logger } from '../log.js';
import { isNoteFile } from '../notes/read.js';
import { isIgnoredName, scanNotesSync } from '../notes/scan.js';
import type { Batch } from '../publish/publisher.js';

export interface WatcherOptions {
  root: string;
  quietMs: number;
  /** Longest a burst is held open while files keep settling. */
  maxHoldMs: number;
  onBatch: (batch: Batch) => void;
  log: Logger;
}

export interface NotesWatcher {
  ready: Promise<void>;
  close(): Promise<void>;
  /** Files still inside their quiet period. */
  settling(): number;
  /** Subscribed and without an unrecovered error. */
  alive(): boolean;
}

export function watchNotes(opts: WatcherOptions): NotesWatcher {
  const root = path.resolve(opts.root);
  const timers = new Map<string, NodeJS.Timeout>();
  const due = new Set<string>();
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
    for (const file of due.keys()) {
      // The disk has the final word: an atomic save ends with the file present, whatever came before.
      const st = statSync(file, { throwIfNoEntry: false });
      if (!st) batch.removed.push(file);
      else if (st.isDirectory()) batch.changed.push(...scanNotesSync(file)); // a folder moved or copied in
      else if (isNoteFile(file)) batch.changed.push(file);
    }
    due.clear();
    if (batch.changed.length || batch.removed.length) opts.onBatch(batch);
  };

  const scheduleFlush = () => {
    if (flushScheduled) return;
    flushScheduled = true;
    setImmediate(flush);
  };

  const touch = (file: string) => {
    // Folders count too: a removed or moved-in folder arrives as one path.
    if (ignored(file)) return;
    const old = timers.get(file);
    if (old) clearTimeout(old);
    timers.set(
      file,
      setTimeout(() => {
        timers.delete(file);
        due.add(file);
        holdSince ??= Date.now();
        scheduleFlush();
      }, opts.quietMs),
    );
  };

  let subscription: AsyncSubscription | undefined;
  let closed = false;
  let failed = false;
  const ready = subscribe(
    root,
    (err, events) => {
      if (err) {
        failed = true;
        opts.log.error({ err: String(err) }, 'watcher error');
        return;
      }
      failed = false;
      for (const e of events) touch(e.path);
    },
    { ignore: ['**/node_modules', '**/_site', '**/.git'] },
  ).then(async (s) => {
    subscription = s;
    if (closed) await s.unsubscribe();
  });

  // A burst held open this long is released even if files are still settling.
  const holdTimer = setInterval(() => {
    if (holdSince !== undefined && Date.now() - holdSince >= opts.maxHoldMs) scheduleFlush();
  }, Math.max(50, Math.min(1000, opts.maxHoldMs / 4)));
  holdTimer.unref();

  return {
    ready,
    settling: () => timers.size,
    alive: () => !!subscription && !closed && !failed,
    async close() {
      closed = true;
      clearInterval(holdTimer);
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      await ready.catch(() => undefined);
      await subscription?.unsubscribe();
    },
  };
}
