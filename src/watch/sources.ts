/**
 * The watcher's two event sources over one folder: native events (@parcel/watcher) and chokidar
 * polling. Each reports the paths that changed, and errors (events may then have been lost).
 */
import type { Stats } from 'node:fs';
import path from 'node:path';
import { subscribe } from '@parcel/watcher';
import { watch as chokidarWatch } from 'chokidar';
import { isNoteFile } from '../notes/read.js';

/** A running watch of one folder, whichever source it comes from. */
export interface Unsubscribable {
  unsubscribe(): Promise<void>;
}

export interface SourceEvents {
  /** A path under the folder changed (created, written, removed, renamed). */
  onPath: (absPath: string) => void;
  /** The source failed; its events may have been lost. `null` once it works again (native only). */
  onError: (err: unknown | null) => void;
  /** Paths never reported (ignored names: .git, node_modules…). */
  ignored: (absPath: string) => boolean;
}

export function nativeSource(dir: string, ev: SourceEvents): Promise<Unsubscribable> {
  return subscribe(
    dir,
    (err, events) => {
      ev.onError(err ?? null);
      if (err) return;
      for (const e of events) ev.onPath(e.path);
    },
    { ignore: ['**/node_modules', '**/_site', '**/.git'] },
  );
}

/** chokidar polling every file (and folder); only notes and folders are looked at, never binaries. */
export async function pollSource(dir: string, intervalMs: number, ev: SourceEvents): Promise<Unsubscribable> {
  const w = chokidarWatch(dir, {
    usePolling: true,
    interval: intervalMs,
    binaryInterval: intervalMs,
    ignoreInitial: true,
    followSymlinks: false,
    ignored: (p: string, st?: Stats) => ev.ignored(p) || (!!st?.isFile() && !isNoteFile(p)),
  });
  w.on('all', (_event: string, p: string) => ev.onPath(path.resolve(dir, p)));
  w.on('error', (err: unknown) => ev.onError(err));
  await new Promise<void>((resolve) => w.once('ready', () => resolve()));
  // Each polled path's first stat (its baseline) is taken asynchronously after 'ready'; a change in
  // that moment would be the baseline, never an event. Ready is said a moment later, so the start-up
  // catch-up scan, which runs after it, covers that moment.
  await new Promise((r) => setTimeout(r, Math.min(intervalMs, 500)));
  return { unsubscribe: () => w.close() };
}
