/**
 * Issue 25 (nothing lost): @parcel/watcher 2.6.0 can hand over the first event of a burst and drop
 * the rest for good (src/watch/watcher.ts says why); in CI it struck a watcher started after another
 * in the same process. Files written at once right after such a start must each come in a batch.
 */
import { mkdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import type { Batch } from '../../src/watch/batch.js';
import type { NativeSubscribe } from '../../src/watch/sources.js';
import { watchNotes, type NotesWatcher } from '../../src/watch/watcher.js';
import { subscribe } from '@parcel/watcher';
import { until } from '../helpers/until.js';
import { tempFolder } from '../helpers/temp-folder.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function folder(): string {
  const dir = tempFolder('notecast-lost-');
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function start(root: string, batches: Batch[], nativeSubscribe?: NativeSubscribe): NotesWatcher {
  const watcher = watchNotes({ root, mode: 'native', nativeSubscribe, quietMs: 50, maxHoldMs: 2000, onBatch: (b) => batches.push(b), log: silentLogger() });
  cleanups.push(() => watcher.close());
  return watcher;
}

describe('native watching after a restart in the same process', () => {
  it('every file of a burst written right after the start comes in a batch', async () => {
    // The race is rare here: this passed on the code before in 13 of 13 runs (it lost b/c in 2 of 9
    // runs of a bare @parcel/watcher script doing the same); the source below that loses events is
    // what fails before.
    const ROUNDS = 10;
    const lost: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Each round is a restart: the watcher before it wrote its own burst and was closed.
      const root = folder();
      const batches: Batch[] = [];
      const watcher = start(root, batches);
      await watcher.ready;
      const files = ['a.md', 'b.md', 'c.md'].map((f) => path.join(root, f));
      for (const f of files) writeFileSync(f, `# ${path.basename(f)}\n`);
      const batched = () => files.filter((f) => batches.some((b) => b.changed.includes(f)));
      await until(() => batched().length === files.length, 3000, 'the three files').catch(() => undefined);
      for (const f of files) if (!batched().includes(f)) lost.push(`round ${round}: ${path.basename(f)}`);
      await watcher.close();
    }
    expect(lost).toEqual([]);
  });
});

/**
 * @parcel/watcher as 2.6.0 behaves when the race strikes: the first path of a burst is handed
 * over, every other path reported within `lossMs` of it is dropped for good, later ones pass.
 */
function losingSubscribe(lossMs: number, dropped: string[]): NativeSubscribe {
  return (dir, fn, opts) => {
    let burstAt: number | undefined;
    return subscribe(
      dir,
      (err, events) => {
        const now = Date.now();
        const kept = events.filter((e, i) => {
          if (burstAt === undefined || now - burstAt > lossMs) {
            burstAt = now;
            return i === 0 || e.path === events[0]!.path;
          }
          dropped.push(e.path);
          return false;
        });
        fn(err, kept.length || err ? kept : []);
      },
      opts,
    );
  };
}

describe('native watching with a source that loses events', () => {
  it('a burst of which only the first path was reported comes whole', async () => {
    const root = folder();
    const batches: Batch[] = [];
    const dropped: string[] = [];
    const watcher = start(root, batches, losingSubscribe(300, dropped));
    await watcher.ready;
    const files = ['a.md', 'b.md', 'c.md'].map((f) => path.join(root, f));
    for (const f of files) writeFileSync(f, `# ${path.basename(f)}\n`);
    const batched = () => files.filter((f) => batches.some((b) => b.changed.includes(f)));
    await until(() => batched().length === files.length, 3000, 'the three files', () => `batched: ${batched().join(', ')}`);
    expect(dropped.length).toBeGreaterThan(0); // the source did lose events
    expect(batches.flatMap((b) => b.changed).sort()).toEqual(files); // each once
  });

  it('a note added in another folder whose events were all lost comes too (its folder changed)', async () => {
    const root = folder();
    for (const d of ['one', 'two', 'three']) mkdirSync(path.join(root, d));
    // Folders changed a moment ago are listed again anyway (coarse timestamps): these are older, so
    // 'two' is listed again because its own mtime moved.
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const d of ['one', 'two', 'three']) utimesSync(path.join(root, d), hourAgo, hourAgo);
    const batches: Batch[] = [];
    const dropped: string[] = [];
    const watcher = start(root, batches, losingSubscribe(300, dropped));
    await watcher.ready;
    const files = [path.join(root, 'one', 'a.md'), path.join(root, 'two', 'b.md')];
    for (const f of files) writeFileSync(f, `# ${path.basename(f)}\n`);
    const batched = () => files.filter((f) => batches.some((b) => b.changed.includes(f)));
    await until(() => batched().length === files.length, 3000, 'both files', () => `batched: ${batched().join(', ')}`);
    expect(dropped.some((p) => p.startsWith(path.join(root, 'two')))).toBe(true);
    expect(batches.flatMap((b) => b.changed).sort()).toEqual(files);
  });
});

describe('native watching with a source that loses events: saves by rename', () => {
  it('an existing note saved by rename in another folder, whose events were all lost, comes too (tester: sed -i, git checkout)', async () => {
    const root = folder();
    const files = [path.join(root, 'a', 'x.md'), path.join(root, 'b', 'y.md')];
    for (const f of files) {
      mkdirSync(path.dirname(f));
      writeFileSync(f, '# before\n');
    }
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const f of files) utimesSync(path.dirname(f), hourAgo, hourAgo); // older than the coarse-timestamp window
    const batches: Batch[] = [];
    const dropped: string[] = [];
    const watcher = start(root, batches, losingSubscribe(300, dropped));
    await watcher.ready;
    // As `sed -i` and git do: a new file beside the note, renamed over it. The names stay as they were.
    for (const f of files) {
      const tmp = path.join(path.dirname(f), 'sedXYZ123');
      writeFileSync(tmp, '# after\n');
      renameSync(tmp, f);
    }
    const batched = () => files.filter((f) => batches.some((b) => b.changed.includes(f)));
    await until(() => batched().length === files.length, 3000, 'both saves', () => `batched: ${batched().join(', ')}`);
    expect(dropped.some((p) => p.startsWith(path.join(root, 'b')))).toBe(true); // b's events were the ones lost
  });
});
