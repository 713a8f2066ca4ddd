import type { AsyncSubscription, Event } from '@parcel/watcher';
import type { NativeSubscribe } from '../../src/watch/sources.js';

/**
 * A stand-in for @parcel/watcher's `subscribe` whose events the test hands over itself (`deliver`),
 * so a generated sequence decides which of a burst's paths come and which are lost, as 2.6.0 loses
 * them (parcel-bundler/watcher#183; src/watch/watcher.ts says how). A path goes to every subscription
 * whose folder holds it, as the library's nested subscriptions each watch their own tree. The events'
 * paths are the ones the library reports on Linux (parcel-bundler/watcher src/linux/InotifyBackend.cc,
 * handleSubscription: IN_CREATE or IN_MOVED_TO is a create of the path, IN_MODIFY an update, IN_DELETE
 * or IN_MOVED_FROM a delete): the watcher reads only the path.
 */
export class ScriptedNativeSource {
  private readonly subs = new Set<{ dir: string; fn: (err: Error | null, events: Event[]) => unknown }>();

  readonly subscribe: NativeSubscribe = (dir, fn) => {
    const sub = { dir, fn };
    this.subs.add(sub);
    const subscription: AsyncSubscription = {
      unsubscribe: () => {
        this.subs.delete(sub);
        return Promise.resolve();
      },
    };
    return Promise.resolve(subscription);
  };

  /** Hands `paths` (absolute) over, in one callback per subscription that holds any of them. */
  deliver(paths: readonly string[]): void {
    for (const sub of [...this.subs]) {
      const mine = paths.filter((p) => p.startsWith(sub.dir + '/'));
      if (mine.length) void sub.fn(null, mine.map((p): Event => ({ path: p, type: 'update' })));
    }
  }
}
