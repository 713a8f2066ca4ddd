/**
 * Issue 25: a native watch error other than the root's loss (an error event of @parcel/watcher: its inotify thread's
 * read failing, ENOSPC once fs.inotify.max_user_watches is reached) was logged and reported unhealthy, and never
 * watched again: a watch that stopped stayed stopped, and only the reconcile pass (every 10 minutes) saw the notes
 * saved after it. Now the root is watched anew and read whole (a rescan) 1 s after the error, and while watching
 * fails again, 2, 4 … 60 s apart (src/watch/watch-retry.ts). The error is injected: the real @parcel/watcher behind
 * a subscribe whose callback the test hands an error, after which that subscription reports nothing (a stopped watch).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { subscribe as parcelSubscribe, type Event } from '@parcel/watcher';
import { afterEach, describe, expect, it } from 'vitest';
import type { Batch } from '../../src/watch/batch.js';
import { watchNotes } from '../../src/watch/watcher.js';
import type { NativeSubscribe } from '../../src/watch/sources.js';
import { WatchRetry } from '../../src/watch/watch-retry.js';
import { until } from '../helpers/until.js';
import { warnLines } from '../helpers/warn-lines.js';
import { tempFolder } from '../helpers/temp-folder.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** @parcel/watcher's subscribe, each subscription able to fail (`fail`): the callback gets the error, then nothing more. */
function failingSource(opts: { refuseAfterFailure?: Error } = {}) {
  const live: { fn: (err: Error | null, events: Event[]) => unknown; dead: boolean }[] = [];
  const attempts: number[] = [];
  let failedOnce = false;
  const subscribe: NativeSubscribe = async (dir, fn, o) => {
    attempts.push(Date.now());
    if (failedOnce && opts.refuseAfterFailure) throw opts.refuseAfterFailure;
    const sub = { fn, dead: false };
    live.push(sub);
    const real = await parcelSubscribe(dir, (err, events) => (sub.dead ? undefined : fn(err, events)), o);
    return { unsubscribe: () => real.unsubscribe() };
  };
  const fail = (err: Error) => {
    failedOnce = true;
    for (const sub of live.filter((s) => !s.dead)) {
      void sub.fn(err, []);
      sub.dead = true;
    }
  };
  return { subscribe, fail, attempts };
}

function tree() {
  const root = tempFolder('notecast-watch-error-');
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(path.join(root, 'sub'));
  writeFileSync(path.join(root, 'a.md'), '# A\n');
  return root;
}

describe('a native watch error', () => {
  it('is logged, the root watched anew and read again: a note saved after the error comes in a batch, and later saves too', async () => {
    const root = tree();
    const source = failingSource();
    const batches: Batch[] = [];
    const { log, warns } = warnLines();
    const watcher = watchNotes({ root, mode: 'native', nativeSubscribe: source.subscribe, quietMs: 50, maxHoldMs: 2000, onBatch: (b) => batches.push(b), log });
    cleanups.push(() => watcher.close());
    await watcher.ready;
    source.fail(new Error('Error reading from inotify: No space left on device'));
    expect(watcher.alive()).toBe(false); // /healthz says so meanwhile
    const during = path.join(root, 'sub', 'during.md');
    writeFileSync(during, '# During\n'); // the stopped watch reports nothing of it
    await until(() => batches.some((b) => b.changed.includes(during)), 8000, 'the note saved after the error, by the rescan', () => warns.join('\n'));
    await until(() => watcher.alive(), 3000, 'the watcher alive again');
    const after = path.join(root, 'sub', 'after.md');
    writeFileSync(after, '# After\n');
    await until(() => batches.some((b) => b.changed.includes(after)), 6000, 'a save through the new watch', () => warns.join('\n'));
    expect(warns).toContain('watcher error');
    expect(source.attempts).toHaveLength(2);
  });

  it('a watch that cannot be set up again (the inotify limit still reached) is tried again 1, 2, 4 s apart, each try logged', async () => {
    const root = tree();
    const enospc = Object.assign(new Error("inotify_add_watch on '/x' failed: No space left on device"), { code: 'ENOSPC' });
    const source = failingSource({ refuseAfterFailure: enospc });
    const { log, warns } = warnLines();
    const watcher = watchNotes({ root, mode: 'native', nativeSubscribe: source.subscribe, quietMs: 50, maxHoldMs: 2000, onBatch: () => undefined, log });
    cleanups.push(() => watcher.close());
    await watcher.ready;
    const failedAt = Date.now();
    source.fail(enospc);
    await until(() => source.attempts.length >= 4, 12_000, 'three tries after the error', () => warns.join('\n'));
    const tries = source.attempts.slice(1, 4);
    // Each look is once a second: a wait of w ms is taken at the first look after it.
    expect(tries[0]! - failedAt).toBeGreaterThanOrEqual(950);
    expect(tries[1]! - tries[0]!).toBeGreaterThanOrEqual(1950);
    expect(tries[2]! - tries[1]!).toBeGreaterThanOrEqual(3950);
    expect(warns.filter((w) => w === 'could not watch the notes folder again').length).toBeGreaterThanOrEqual(2);
    expect(watcher.alive()).toBe(false);
  });
});

describe('WatchRetry', () => {
  it('waits 1, 2, 4 … up to 60 s between tries, and starts again at 1 s after a quiet longer than that', () => {
    const r = new WatchRetry();
    const waits = [0, 1, 2, 3, 4, 5, 6, 7].map(() => r.failed(0));
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]);
    expect(r.take(59_999)).toBe(false);
    expect(r.take(60_000)).toBe(true);
    expect(r.take(60_001)).toBe(false); // taken: the next try waits for another failure
    expect(r.failed(200_000)).toBe(1000);
  });
});
