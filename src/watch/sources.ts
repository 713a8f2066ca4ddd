/**
 * The watcher's two event sources over one folder: native events (@parcel/watcher) and polling
 * by folder (poller.ts). Each reports the paths that changed, and errors (events may then have been lost).
 */
import { subscribe } from '@parcel/watcher';
import { folderPollSource } from './poller.js';

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

/** Polling by folder, every `intervalMs` (poller.ts); only notes and folders are looked at, never binaries. */
export function pollSource(dir: string, intervalMs: number, ev: SourceEvents): Promise<Unsubscribable> {
  return folderPollSource(dir, intervalMs, ev);
}
