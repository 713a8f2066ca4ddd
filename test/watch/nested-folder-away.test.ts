/**
 * Issue 25 (the last session's open item: "a nested folder moved away and back keeps its old subscription", the same
 * class as the root's, root-folder.test.ts): a folder inside the notes root moved away and back
 * (`mv notes/a /tmp/x && … && mv /tmp/x notes/a`), a folder renamed inside it and folders made in it while away, and a
 * folder renamed inside the root. @parcel/watcher drops a moved folder from its subscriptions by its path at the
 * IN_MOVED_FROM (src/linux/InotifyBackend.cc, handleSubscription), but not the kernel's watches of the folders inside
 * it, which keep their old paths: a save in `a/c` also comes as `a/b/…`. At the watcher's level that is a removal of a
 * path that is not there (the disk has the final word: settled-paths.ts), and the save itself comes under its own
 * path (the returning folder's subscription, watcher.ts watchNested, and the look-over). These cases passed on main
 * df756d7 as they pass now, native and poll, whether or not the folder had a subscription of its own: kept as the
 * check that every save after the return comes once, under its own path, and nothing there is said removed.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it, type TestContext } from 'vitest';
import type { Batch } from '../../src/watch/batch.js';
import type { WatchMode } from '../../src/watch/mode.js';
import { watchNotes } from '../../src/watch/watcher.js';
import { until } from '../helpers/until.js';
import { warnLines } from '../helpers/warn-lines.js';
import { tempFolder } from '../helpers/temp-folder.js';

const sleep = (ms: number) => (ms ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

/** What a test leaves to undo (its watcher, then its folder), undone when that test finishes: the tests run at once. */
function cleanupsOf(t: TestContext): (() => Promise<void> | void)[] {
  const cleanups: (() => Promise<void> | void)[] = [];
  t.onTestFinished(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  return cleanups;
}

function site(cleanups: (() => Promise<void> | void)[]) {
  const dir = tempFolder('notecast-nested-away-');
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const root = path.join(dir, 'notes');
  mkdirSync(path.join(root, 'a', 'b', 'deep'), { recursive: true });
  writeFileSync(path.join(root, 'top.md'), '# Top\n');
  writeFileSync(path.join(root, 'a', 'y.md'), '# Y\n');
  writeFileSync(path.join(root, 'a', 'b', 'x.md'), '# X\n');
  writeFileSync(path.join(root, 'a', 'b', 'deep', 'w.md'), '# W\n');
  return { dir, root };
}

/**
 * What the batches said wrongly: a change of a note that is not there (an old name: before, the saves in `a/c` came as
 * `a/b/…`), a removal of a path that is there. Not a path changed twice: one save can come in two batches when its
 * create and its write are delivered apart (CI at load: `z/marker-40.md`), and the service reads the content then and
 * skips the second (its content digest is unchanged).
 */
function misreported(root: string, batches: readonly Batch[]): string[] {
  const changed = batches.flatMap((b) => b.changed);
  return [
    ...changed.filter((p) => !existsSync(p)).map((p) => `changed, not there: ${path.relative(root, p)}`),
    ...batches.flatMap((b) => b.removed).filter((p) => existsSync(p)).map((p) => `removed, there: ${path.relative(root, p)}`),
  ];
}

/** Saves a note into each folder (relative to the root), one after the other, each to come in a batch. */
async function savesCome(root: string, folders: readonly string[], batches: readonly Batch[], warns: readonly string[], what: string): Promise<void> {
  for (const folder of folders) {
    const marker = path.join(root, folder, `marker-${++markers}.md`);
    writeFileSync(marker, `# Marker ${markers}\n`);
    await until(() => batches.some((b) => b.changed.includes(marker)), 6000, `${path.relative(root, marker)} in a batch (${what})`, () => warns.join('\n'));
  }
}
let markers = 0;

const cases = [0, 300, 1200].flatMap((gapMs) => [false, true].map((arrived) => ({ gapMs, arrived })));

// The cases run at once (each on its own folder and watcher): they mostly wait, on the folder's time away and the watcher's
// quiet periods (0.6 s of CPU in 25-27 s of wall, one after the other).
describe.concurrent.each(['native', 'poll'] as const)('a nested folder moved away and back (%s)', (mode: WatchMode) => {
  // `arrived`: the folder came into the root after the watcher started, with folders inside (native: a subscription of its own).
  it.for(cases)('renamed inside and given a new folder while away ($gapMs ms away, arrived: $arrived): saves after are seen once, by their paths', async ({ gapMs, arrived }, t) => {
    const cleanups = cleanupsOf(t);
    const { dir, root } = site(cleanups);
    const batches: Batch[] = [];
    const { log, warns } = warnLines();
    if (arrived) renameSync(path.join(root, 'a'), path.join(dir, 'incoming'));
    const watcher = watchNotes({ root, mode, pollIntervalMs: 100, quietMs: 50, maxHoldMs: 2000, onBatch: (b) => batches.push(b), log });
    cleanups.push(() => watcher.close());
    await watcher.ready;
    if (arrived) {
      renameSync(path.join(dir, 'incoming'), path.join(root, 'a'));
      await until(() => batches.some((b) => b.changed.includes(path.join(root, 'a', 'b', 'x.md'))), 6000, 'the folder in a batch', () => warns.join('\n'));
      await savesCome(root, ['a/b/deep'], batches, warns, 'the arrived folder watched');
    }
    const away = path.join(dir, 'away');
    renameSync(path.join(root, 'a'), away);
    await sleep(gapMs);
    renameSync(path.join(away, 'b'), path.join(away, 'c')); // a rename inside it while away
    mkdirSync(path.join(away, 'd', 'e'), { recursive: true }); // folders made inside it while away
    writeFileSync(path.join(away, 'd', 'z.md'), '# Z\n');
    await sleep(gapMs);
    renameSync(away, path.join(root, 'a'));
    await until(() => batches.some((b) => b.changed.includes(path.join(root, 'a', 'c', 'x.md'))), 6000, 'the folder back, its notes in a batch', () => warns.join('\n'));
    const before = batches.length;
    await savesCome(root, ['a', 'a/c', 'a/c/deep', 'a/d', 'a/d/e', '.'], batches, warns, `${mode}, ${gapMs} ms, arrived: ${arrived}`);
    t.expect(misreported(root, batches.slice(before))).toEqual([]);
  });

  it('renamed inside the root (notes/a to notes/z): saves in its folders come under the new name only', async (t) => {
    const cleanups = cleanupsOf(t);
    const { root } = site(cleanups);
    const batches: Batch[] = [];
    const { log, warns } = warnLines();
    const watcher = watchNotes({ root, mode, pollIntervalMs: 100, quietMs: 50, maxHoldMs: 2000, onBatch: (b) => batches.push(b), log });
    cleanups.push(() => watcher.close());
    await watcher.ready;
    renameSync(path.join(root, 'a'), path.join(root, 'z'));
    await until(() => batches.some((b) => b.changed.includes(path.join(root, 'z', 'b', 'x.md'))), 6000, 'the renamed folder in a batch', () => warns.join('\n'));
    const before = batches.length;
    await savesCome(root, ['z', 'z/b', 'z/b/deep'], batches, warns, mode);
    t.expect(misreported(root, batches.slice(before))).toEqual([]);
  });
});
