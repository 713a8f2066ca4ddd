/**
 * Native mode's subscriptions of folders that arrived with folders inside (watcher.ts watchNested: @parcel/watcher
 * watches a new folder but not the folders inside it, parcel-bundler/watcher#97), by folder.
 *
 * A watched folder that arrives again (moved away and back before its removal settled, or replaced by another folder
 * of its name) is watched anew, once the old subscriptions at and under it have ended (issue 25, fx27n): at the
 * folder's IN_MOVE_SELF @parcel/watcher drops the subscription's own watch (src/linux/InotifyBackend.cc,
 * handleSubscription) and never watches what is made in it again, so a folder made in it while it was away (at any
 * depth: the root's subscription watches the returning folder, not the folders inside it) raised no event, and an edit
 * in place there was never reported. Ending first, so the new subscription does not take the old one's tree.
 */
import path from 'node:path';
import type { Unsubscribable } from './source-events.js';

type Watch = Promise<Unsubscribable | undefined>;

export class NestedWatches {
  private readonly watches = new Map<string, Watch>();

  get size(): number {
    return this.watches.size;
  }

  /** Watches `folder` (anew if it was: see the file's comment); `subscribe` resolves to undefined when it could not (the folder gone again, typically). */
  watch(folder: string, subscribe: () => Watch): void {
    const ended = this.watches.has(folder) ? this.unwatch([folder]) : undefined;
    this.watches.set(folder, ended ? ended.then(subscribe) : subscribe());
  }

  /** Ends the subscriptions of these folders and of every folder under them; resolves once all have ended. */
  unwatch(gone: Iterable<string>): Promise<void> {
    const ending: Promise<unknown>[] = [];
    for (const dir of gone) {
      for (const [folder, sub] of this.watches) {
        if (folder !== dir && !folder.startsWith(dir + path.sep)) continue;
        this.watches.delete(folder);
        ending.push(sub.then((s) => s?.unsubscribe()).catch(() => undefined));
      }
    }
    return Promise.all(ending).then(() => undefined);
  }

  /** Ends every subscription (the watcher closing). */
  async close(): Promise<void> {
    const subs = await Promise.all([...this.watches.values()]);
    this.watches.clear();
    await Promise.all(subs.map((s) => s?.unsubscribe()));
  }
}
