/**
 * Issue 25 (fx27n; the model's e26m case, test/reliability/model.test.ts): a folder in the notes root that has a native
 * subscription of its own (it arrived with folders inside: watcher.ts watchNested), moved away and back before its
 * removal settled, with a folder made inside it meanwhile. @parcel/watcher dropped that subscription's own watch at the
 * folder's IN_MOVE_SELF and never watches what is made under it again; the root's subscription watches the folder coming
 * back but not the folders inside it (parcel-bundler/watcher#97). An edit in place of a note in the new folder then
 * raised no event (a new note moves its folder's mtime, and the look-over finds it; an edit in place does not).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, it } from 'vitest';
import type { Batch } from '../../src/watch/batch.js';
import type { WatchMode } from '../../src/watch/mode.js';
import { watchNotes } from '../../src/watch/watcher.js';
import { until } from '../helpers/until.js';
import { warnLines } from '../helpers/warn-lines.js';
import { tempFolder } from '../helpers/temp-folder.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The notes root, and beside it `incoming/` (ja/setup.md, b/c/x.md) to move in once the watcher runs. */
function site() {
  const dir = tempFolder('notecast-made-away-');
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const root = path.join(dir, 'notes');
  mkdirSync(root);
  writeFileSync(path.join(root, 'top.md'), '# Top\n');
  mkdirSync(path.join(dir, 'incoming', 'ja'), { recursive: true });
  mkdirSync(path.join(dir, 'incoming', 'b', 'c'), { recursive: true });
  writeFileSync(path.join(dir, 'incoming', 'ja', 'setup.md'), '# Setup\n');
  writeFileSync(path.join(dir, 'incoming', 'b', 'c', 'x.md'), '# X\n');
  return { dir, root };
}

// Where the folders are made while away, relative to the folder moved: beside its folders, inside one, and deeper.
const depths = [['en'], ['d', 'e'], ['b', 'new'], ['b', 'c', 'n1', 'n2']].map((made) => ({ made, where: made.join('/') }));

describe.each(['native', 'poll'] as const)('a folder made inside a folder moved away and back (%s)', (mode: WatchMode) => {
  it.each(depths)('a note moved into $where, made while away, then edited in place: the edit is reported', async ({ made }) => {
    const { dir, root } = site();
    const batches: Batch[] = [];
    const { log, warns } = warnLines();
    const watcher = watchNotes({ root, mode, pollIntervalMs: 100, quietMs: 50, maxHoldMs: 2000, onBatch: (b) => batches.push(b), log });
    cleanups.push(() => watcher.close());
    await watcher.ready;
    const posts = path.join(root, '_posts');
    renameSync(path.join(dir, 'incoming'), posts); // arrives with folders inside: a subscription of its own (native)
    const inBatch = (p: string, from = 0) => batches.slice(from).some((b) => b.changed.includes(p));
    await until(() => inBatch(path.join(posts, 'ja', 'setup.md')), 6000, '_posts/ in a batch', () => warns.join('\n'));
    await new Promise((r) => setTimeout(r, 300)); // its own subscription set up (the look-over's first look too)
    const away = path.join(dir, 'away');
    renameSync(posts, away); // and back at once: its removal never settles
    mkdirSync(path.join(away, ...made), { recursive: true });
    renameSync(path.join(away, 'ja', 'setup.md'), path.join(away, ...made, 'setup.md'));
    renameSync(away, posts);
    const moved = path.join(posts, ...made, 'setup.md');
    await until(() => inBatch(moved), 6000, 'the moved note in a batch', () => warns.join('\n'));
    await new Promise((r) => setTimeout(r, 300)); // whatever watches the folder again is set up
    const before = batches.length;
    writeFileSync(moved, '# Setup, edited\n'); // in place: its folder's mtime stays
    await until(() => inBatch(moved, before), 6000, `the edit of _posts/${made.join('/')}/setup.md in a batch (${mode})`, () => warns.join('\n'));
  });
});
