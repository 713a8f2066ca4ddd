/**
 * The watcher's two event sources over one folder: native events (@parcel/watcher) and polling
 * by folder (poller.ts). Each reports the paths that changed, and errors (events may then have been lost).
 */
import { subscribe as parcelSubscribe } from '@parcel/watcher';
import { folderPollSource } from './poller.js';
import type { SourceEvents, Unsubscribable } from './source-events.js';

export type { SourceEvents, Unsubscribable } from './source-events.js';

/** @parcel/watcher's `subscribe`, or a stand-in for it (a test's source that loses events as 2.6.0 can). */
export type NativeSubscribe = typeof parcelSubscribe;

/** A running watch of one folder, whichever source it comes from. */
export function nativeSource(dir: string, ev: SourceEvents, subscribe: NativeSubscribe = parcelSubscribe): Promise<Unsubscribable> {
  return subscribe(
    dir,
    (err, events) => {
      ev.onError(err ?? null);
      if (err) return;
      for (const e of events) ev.onPath(e.path, undefined, e.type === 'delete');
    },
    // inotify by name (README: native is inotify): left to choose, @parcel/watcher runs `sh -c "watchman …"`
    // at each subscribe to look for Watchman first, and would use it where one is installed. Where
    // inotify does not exist (macOS, Windows), it takes that platform's own, as by default.
    { ignore: ['**/node_modules', '**/_site', '**/.git'], backend: 'inotify' },
  );
}

/** Polling by folder, every `intervalMs` (poller.ts); only notes and folders are looked at, never binaries. */
export function pollSource(dir: string, intervalMs: number, ev: SourceEvents): Promise<Unsubscribable> {
  return folderPollSource(dir, intervalMs, ev);
}
