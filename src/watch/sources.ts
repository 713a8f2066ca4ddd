/**
 * The watcher's two event sources over one folder: native events (@parcel/watcher) and polling
 * by folder (poller.ts). Each reports the paths that changed, and errors (events may then have been lost).
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { subscribe as parcelSubscribe } from '@parcel/watcher';
import { folderPollSource } from './poller.js';
import type { SourceEvents, Unsubscribable } from './source-events.js';

export type { SourceEvents, Unsubscribable } from './source-events.js';

/** @parcel/watcher's `subscribe`, or a stand-in for it (a test's source that loses events as 2.6.0 can). */
export type NativeSubscribe = typeof parcelSubscribe;

/** The native subscribes and unsubscribes of this process, one at a time (see nativeSource): the last one asked. */
let nativeCalls: Promise<unknown> = Promise.resolve();

/** Runs `call` once every native subscribe or unsubscribe asked before it has ended. */
function afterEarlierCalls<T>(call: () => Promise<T>): Promise<T> {
  const run = nativeCalls.then(call, call);
  nativeCalls = run.catch(() => undefined);
  return run;
}

/**
 * A running watch of one folder, whichever source it comes from.
 *
 * Native subscribes and unsubscribes go one at a time in the process. @parcel/watcher 2.6.0 shares one
 * inotify backend (its thread and descriptor) among a process's subscriptions: a subscribe takes the
 * shared backend when it is asked (binding.cc, SubscribeRunner) and adds its watches later, on a worker
 * thread; the last subscription's unsubscribe, ending meanwhile, drops that backend from the shared map
 * (src/Backend.cc, Backend::unref), which is then destroyed with the subscribe's request, its inotify
 * descriptor closed: the new subscription resolves, and reports nothing, ever (measured: 15 of 20 such
 * subscribes deaf; a folder re-watched while its nested folders' watches end, as rewatchRoot does, or a
 * service started in a process while another stops, as the in-process tests do).
 */
export function nativeSource(dir: string, ev: SourceEvents, subscribe: NativeSubscribe = parcelSubscribe): Promise<Unsubscribable> {
  return afterEarlierCalls(() => subscribeNative(dir, ev, subscribe)).then((s) => ({ unsubscribe: () => afterEarlierCalls(() => s.unsubscribe()) }));
}

/**
 * Paths @parcel/watcher keeps a stale tree of for the rest of the process. It caches each subscribed folder's tree
 * by its path (src/DirTree.cc, getCached), and a new subscription of the path takes the cached one, complete, without
 * reading the folder. After the root went from under a watch (its IN_MOVE_SELF drops the root's subscription and
 * empties the tree: InotifyBackend.cc) and a folder under it was then removed (the kernel drops that watch, which
 * @parcel/watcher does not notice), the watch's unsubscribe fails ("Unable to remove watcher: Invalid argument":
 * inotify_rm_watch of the dropped watch), the watches after it stay registered, and they hold the emptied tree: every
 * later subscription of that path watched nothing at all (issue 25: moved away and back, then removed and made again).
 */
const staleTrees = new Set<string>();

/** Links to the root of the file system (Linux's /proc): a path through it leads to the same folder under another name. */
const PROC_ROOT = '/proc/self/root';

/** The path to subscribe `real` by: itself, or once its tree is stale, the same folder by another name (never cached). */
function pathToWatch(real: string): string {
  if (!existsSync(PROC_ROOT)) return real; // no other name for it here: the subscription may watch nothing (not Linux: no inotify)
  let p = real;
  while (staleTrees.has(p)) p = PROC_ROOT + p;
  return p;
}

/**
 * The folder is watched at its real path, its events reported under the name it was given. @parcel/watcher adds
 * each inotify watch with IN_DONT_FOLLOW | IN_ONLYDIR (src/linux/InotifyBackend.cc), so a notes folder that is
 * itself a symlink (`notes -> site/_posts`) fails with ENOTDIR (issue 25, tester 23-1 F2); resolved as the watch
 * is set up, so a release symlink swapped since (`current -> releases/2`) is followed when the watcher watches
 * the folder again (watcher.ts checkRoot).
 */
function subscribeNative(dir: string, ev: SourceEvents, subscribe: NativeSubscribe): Promise<Unsubscribable> {
  let real = dir;
  try {
    real = realpathSync.native(dir);
  } catch {
    // gone or unreadable: the subscribe itself fails and says why, as before
  }
  const watched = pathToWatch(real);
  const asGiven = (p: string) => (p === watched ? dir : p.startsWith(watched + path.sep) ? dir + p.slice(watched.length) : p);
  const subscribed = subscribe(
    watched,
    (err, events) => {
      ev.onError(err ?? null);
      if (err) return;
      for (const e of events) {
        ev.onPath(asGiven(e.path), undefined, e.type === 'delete');
        // The root's own IN_MOVE_SELF or IN_DELETE_SELF: @parcel/watcher has dropped the root's watch with it
        // (src/linux/InotifyBackend.cc, handleSubscription), and reports no entry of the folder again, wherever it is.
        if (e.type === 'delete' && e.path === watched) ev.onRootLost?.();
      }
    },
    // inotify by name (README: native is inotify): left to choose, @parcel/watcher runs `sh -c "watchman …"`
    // at each subscribe to look for Watchman first, and would use it where one is installed. Where
    // inotify does not exist (macOS, Windows), it takes that platform's own, as by default.
    { ignore: ['**/node_modules', '**/_site', '**/.git'], backend: 'inotify' },
  );
  const failedUnsubscribe = (e: unknown): never => {
    staleTrees.add(watched); // see staleTrees
    throw e;
  };
  return subscribed.then((s) => ({ unsubscribe: () => s.unsubscribe().catch(failedUnsubscribe) }));
}

/** Polling by folder, every `intervalMs`, each note stat'ed within `sweepPasses` passes (poller.ts); only notes and folders are looked at, never binaries. */
export function pollSource(dir: string, poll: { intervalMs: number; sweepPasses?: number | undefined }, ev: SourceEvents): Promise<Unsubscribable> {
  return folderPollSource(dir, poll.intervalMs, ev, poll.sweepPasses === undefined ? undefined : { passes: poll.sweepPasses });
}
