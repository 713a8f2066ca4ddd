/**
 * Issue 25, the once-seen lost create (discord-history-lookup (5), CI): a subscription that resolves and reports
 * nothing, ever. @parcel/watcher 2.6.0 shares one inotify backend among a process's subscriptions; a subscribe asked
 * while the last other subscription's unsubscribe is under way can land on the backend that unsubscribe drops, and
 * die with it (sources.ts). Native subscribes and unsubscribes now go one at a time in the process.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AsyncSubscription } from '@parcel/watcher';
import { describe, expect, it } from 'vitest';
import { nativeSource, type NativeSubscribe, type SourceEvents } from '../../src/watch/sources.js';
import { tempFolder } from '../helpers/temp-folder.js';

const quiet: SourceEvents = { onPath: () => {}, onError: () => {}, ignored: () => false };

/** The next turn of the event loop: whatever a call started synchronously or in microtasks has happened by then. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('native subscribes and unsubscribes', () => {
  it('a subscribe waits for an unsubscribe under way, whatever folders they are of', async () => {
    const calls: string[] = [];
    let endUnsubscribe: () => void = () => {};
    const held = new Promise<void>((resolve) => (endUnsubscribe = resolve));
    const subscribe = (async (dir: string): Promise<AsyncSubscription> => {
      calls.push(`subscribe ${path.basename(dir)}`);
      return {
        unsubscribe: async () => {
          calls.push(`unsubscribe ${path.basename(dir)}`);
          await held;
          calls.push(`unsubscribed ${path.basename(dir)}`);
        },
      };
    }) as NativeSubscribe;
    const a = await nativeSource('/notes/a', quiet, subscribe);
    const leaving = a.unsubscribe();
    const b = nativeSource('/notes/b', quiet, subscribe);
    await nextTurn();
    endUnsubscribe(); // the unsubscribe ends only now: a subscribe asked before this must not have begun
    await Promise.all([leaving, b]);
    expect(calls).toEqual(['subscribe a', 'unsubscribe a', 'unsubscribed a', 'subscribe b']);
  });

  it("a folder subscribed while the process's last other subscription ends still reports its saves (the real watcher)", { timeout: 60_000 }, async () => {
    // Before, 15 of 20 such subscribes in a process with no other subscription reported nothing.
    for (let round = 0; round < 5; round++) {
      const [a, b] = [tempFolder('notecast-sub-a-'), tempFolder('notecast-sub-b-')];
      const first = await nativeSource(a, quiet);
      let saw: () => void = () => {};
      const seen = new Promise<void>((resolve) => (saw = resolve));
      const leaving = first.unsubscribe();
      const second = await nativeSource(b, { ...quiet, onPath: (p) => p.endsWith('w2.md') && saw() });
      await leaving;
      writeFileSync(path.join(b, 'w2.md'), 'week two\n');
      let timer: NodeJS.Timeout | undefined;
      const never = new Promise<'never'>((resolve) => (timer = setTimeout(() => resolve('never'), 10_000)));
      const outcome = await Promise.race([seen.then(() => 'seen' as const), never]);
      clearTimeout(timer);
      await second.unsubscribe();
      expect(outcome, `round ${round}`).toBe('seen');
    }
  });
});
