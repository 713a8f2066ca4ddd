/**
 * When a removal counts from (src/watch/removal-report.ts): the removal window (sync.ts armRemovals) counts from a
 * batch's `removedAt`. The model's flaky "finding N13" case (issue 25; 3 of 24 runs at load 25): a/setup.md's write,
 * reported by the watcher, had not settled when the next step moved it (edited) to intro.md; the flush found it gone
 * and gave the removal the write's report time, its window already over, so the removal was judged at once, before the
 * move's other events came: intro.md was posted as a new note, N1 twice. A stand-in for @parcel/watcher hands over the
 * events the test gives it, so the order is the test's, not the machine's.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Event, SubscribeCallback } from '@parcel/watcher';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import type { Batch } from '../../src/watch/batch.js';
import type { NativeSubscribe } from '../../src/watch/sources.js';
import { watchNotes } from '../../src/watch/watcher.js';
import { until } from '../helpers/until.js';
import { tempFolder } from '../helpers/temp-folder.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A watcher over a folder holding x.md, its events given by the test (`emit`); its batches in `batches`. */
async function watched(): Promise<{ file: string; batches: Batch[]; emit: (events: Event[]) => void }> {
  const root = tempFolder('notecast-removal-report-');
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  const file = path.join(root, 'x.md');
  writeFileSync(file, '# x\n');
  let callback: SubscribeCallback | undefined;
  const subscribe: NativeSubscribe = (_dir, fn) => ((callback = fn), Promise.resolve({ unsubscribe: () => Promise.resolve() }));
  const batches: Batch[] = [];
  const watcher = watchNotes({ root, mode: 'native', nativeSubscribe: subscribe, quietMs: 40, maxHoldMs: 2000, onBatch: (b) => batches.push(b), log: silentLogger() });
  cleanups.push(() => watcher.close());
  await watcher.ready;
  return { file, batches, emit: (events) => callback!(null, events) };
}

/** The clock past `t` (a millisecond at most), so what happens next is told apart from what happened at `t`. */
function pastMs(t: number): number {
  while (Date.now() <= t);
  return Date.now();
}

describe('a removal counts from when the watcher was told of it', () => {
  it('a path reported for a write and gone once its quiet period ended counts from the flush that found it gone, not from the write', async () => {
    const { file, batches, emit } = await watched();
    emit([{ path: file, type: 'update' }]);
    const writeReportedBy = Date.now();
    rmSync(file); // moved away before the write's report settled; its own event has not come
    const goneAt = pastMs(writeReportedBy);
    await until(() => batches.length > 0, 5000, 'the batch');
    expect(batches[0]!.removed).toEqual([file]);
    // Before: the write's report time, at or before writeReportedBy: the window could be over before the batch came.
    expect(batches[0]!.removedAt).toBeGreaterThanOrEqual(goneAt);
  });

  it('a path reported as deleted counts from that report (the window is not stretched by the quiet period)', async () => {
    const { file, batches, emit } = await watched();
    rmSync(file);
    const before = Date.now();
    emit([{ path: file, type: 'delete' }]);
    const reportedBy = Date.now();
    await until(() => batches.length > 0, 5000, 'the batch');
    expect(batches[0]!.removed).toEqual([file]);
    expect(batches[0]!.removedAt).toBeGreaterThanOrEqual(before);
    expect(batches[0]!.removedAt).toBeLessThanOrEqual(reportedBy);
  });
});
