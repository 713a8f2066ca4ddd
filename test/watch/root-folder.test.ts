/**
 * Issue 25 (CI on e21709a): whatever happens to the notes root, within any time, the watcher ends up watching what is
 * at the configured path, and a note saved afterwards comes in a batch. Before, a root moved away and back within the
 * watcher's one-second look kept a dead native watch (@parcel/watcher drops the root's watch at its IN_MOVE_SELF, and
 * the folder was the same inode), and in poll mode a pass that found the root gone forgot its whole tree. At the
 * watcher's level (watchNotes, in process, the real @parcel/watcher and the real poller); each case saves a note once
 * the operations are over, then another once that one came: the second can come only through a live watch (the first
 * could come with a rescan). The cases run at once (`describe.concurrent`): each waits mostly on that one-second look,
 * on a folder and a watcher of its own, both ended by `holds` itself.
 */
import { chmodSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Batch } from '../../src/watch/batch.js';
import type { WatchMode } from '../../src/watch/mode.js';
import { rootChange, rootStampNow } from '../../src/watch/root-folder.js';
import { watchNotes } from '../../src/watch/watcher.js';
import { until } from '../helpers/until.js';
import { warnLines } from '../helpers/warn-lines.js';
import { tempFolder } from '../helpers/temp-folder.js';


/** What can happen to the root; `gapMs` between its halves (0: at once, within the watcher's look and the poller's pass). */
type RootOp = { kind: 'awayAndBack' | 'removedAndRecreated' | 'replaced' | 'targetAwayAndBack' | 'linkSwappedAndBack' | 'linkSwapped' | 'chmod'; gapMs: number };

const sleep = (ms: number) => (ms ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

/** A site folder with the notes root in it: `notes` itself, or a symlink `notes -> rel1` (`linked`). */
function site(linked: boolean) {
  const dir = tempFolder('notecast-root-');
  const root = path.join(dir, 'notes');
  const target = linked ? path.join(dir, 'rel1') : root;
  mkdirSync(path.join(target, 'sub'), { recursive: true });
  writeFileSync(path.join(target, 'a.md'), '# A\n');
  writeFileSync(path.join(target, 'sub', 'b.md'), '# B\n');
  if (linked) symlinkSync('rel1', root);
  return { dir, root };
}

let spare = 0;
async function apply(op: RootOp, dir: string, root: string): Promise<void> {
  const away = path.join(dir, `away-${++spare}`);
  const other = path.join(dir, `other-${spare}`);
  const swapLink = (to: string) => {
    symlinkSync(to, `${root}.tmp`);
    renameSync(`${root}.tmp`, root); // ln -sfn, mv -T: one rename
  };
  switch (op.kind) {
    case 'awayAndBack':
    case 'targetAwayAndBack': {
      const real = op.kind === 'awayAndBack' ? root : path.join(dir, 'rel1');
      renameSync(real, away);
      await sleep(op.gapMs);
      renameSync(away, real);
      return;
    }
    case 'removedAndRecreated':
      rmSync(root, { recursive: true, force: true });
      await sleep(op.gapMs);
      mkdirSync(path.join(root, 'sub'), { recursive: true });
      return;
    case 'replaced':
      mkdirSync(path.join(other, 'sub'), { recursive: true });
      writeFileSync(path.join(other, 'sub', 'c.md'), '# C\n');
      renameSync(root, away);
      await sleep(op.gapMs);
      renameSync(other, root);
      return;
    case 'linkSwappedAndBack':
    case 'linkSwapped':
      mkdirSync(path.join(other, 'sub'), { recursive: true });
      swapLink(path.basename(other));
      if (op.kind === 'linkSwapped') return;
      await sleep(op.gapMs);
      swapLink('rel1');
      return;
    case 'chmod':
      chmodSync(root, 0o700);
      await sleep(op.gapMs);
      chmodSync(root, 0o755);
  }
}

const linkedOps = new Set<RootOp['kind']>(['targetAwayAndBack', 'linkSwappedAndBack', 'linkSwapped']);

/** Runs the operations on a watched root, then saves a note into each of its folders, one after the other, each to come in a batch. */
async function holds(mode: WatchMode, ops: RootOp[]): Promise<string[]> {
  const { dir, root } = site(ops.some((o) => linkedOps.has(o.kind)));
  const batches: Batch[] = [];
  const { log, warns } = warnLines();
  const watcher = watchNotes({ root, mode, pollIntervalMs: 100, quietMs: 50, maxHoldMs: 2000, onBatch: (b) => batches.push(b), log });
  try {
    await watcher.ready;
    for (const op of ops) await apply(op, dir, root);
    let n = 0;
    for (const folder of [root, root, path.join(root, 'sub')]) {
      const marker = path.join(folder, `marker-${++n}.md`);
      mkdirSync(folder, { recursive: true });
      writeFileSync(marker, `# Marker ${n}\n`);
      const seen = () => batches.some((b) => b.changed.includes(marker));
      await until(seen, 6000, `${path.relative(root, marker)} in a batch (${mode}: ${JSON.stringify(ops)})`, () => warns.join('\n'));
    }
    await until(() => watcher.alive(), 3000, `the watcher alive again (${mode}: ${JSON.stringify(ops)})`); // its look each second, once the root is back
    return warns;
  } finally {
    // Its own watcher and folder, ended here (not by a hook of the file): the tests run at once.
    await watcher.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.concurrent.each(['native', 'poll'] as const)('the notes root, whatever happens to it (%s)', (mode) => {
  it.each([0, 300])('moved away and back (%i ms away): a note saved after is seen, and the ended watch is said', async (gapMs) => {
    const warns = await holds(mode, [{ kind: 'awayAndBack', gapMs }]);
    // A dead subscription is never silent: native says so at once; the poller only if a pass fell while it was away.
    if (mode === 'native') expect(warns).toContain("the notes folder's watch ended (the folder was moved or removed); watching it again once a folder is there");
  });

  it.each([0, 300])('removed and made again (%i ms gone)', async (gapMs) => {
    await holds(mode, [{ kind: 'removedAndRecreated', gapMs }]);
  });

  it('replaced by another folder at once', async () => {
    await holds(mode, [{ kind: 'replaced', gapMs: 0 }]);
  });

  it("a symlinked root: the folder it leads to moved away and back at once; the link swapped and back; swapped for good", async () => {
    await holds(mode, [{ kind: 'targetAwayAndBack', gapMs: 0 }]);
    await holds(mode, [{ kind: 'linkSwappedAndBack', gapMs: 0 }]);
    await holds(mode, [{ kind: 'linkSwapped', gapMs: 0 }]);
  });
});

describe.concurrent('the native watch of a root moved away, then a folder of it removed', () => {
  // ROOT_SEED=7 ROOT_RUNS=15, shrunk: @parcel/watcher's unsubscribe of the old watch failed (the kernel had dropped the
  // removed `sub`'s watch), and its cached tree of the path, emptied when the root moved, was taken by every later
  // subscription of the path: nothing watched at all (sources.ts staleTrees).
  it('moved away and back, chmod, removed and made again', async () => {
    await holds('native', [
      { kind: 'awayAndBack', gapMs: 20 },
      { kind: 'chmod', gapMs: 150 },
      { kind: 'removedAndRecreated', gapMs: 0 },
    ]);
  });
  it('moved away and back twice 300 ms apart, each time then removed and made again', async () => {
    await holds('native', [
      { kind: 'awayAndBack', gapMs: 300 },
      { kind: 'removedAndRecreated', gapMs: 0 },
      { kind: 'awayAndBack', gapMs: 300 },
      { kind: 'removedAndRecreated', gapMs: 0 },
    ]);
  });
});

describe.concurrent('sequences of operations on the root, with short and zero gaps (generated)', () => {
  // A root that is a folder, or a symlink to one (moved itself, the folder it leads to moved, swapped): never mixed, a link is
  // never renamed over a folder.
  const opsOf = (kinds: RootOp['kind'][]) =>
    fc.array(fc.record({ kind: fc.constantFrom(...kinds), gapMs: fc.constantFrom(0, 0, 20, 150) }), { minLength: 1, maxLength: 3 });
  const sequences = fc.oneof(opsOf(['awayAndBack', 'removedAndRecreated', 'replaced', 'chmod']), opsOf(['awayAndBack', 'chmod', 'targetAwayAndBack', 'linkSwappedAndBack', 'linkSwapped']));
  it.each(['native', 'poll'] as const)('%s: the watcher ends up watching what is at the path', { timeout: 120_000 }, async (mode) => {
    await fc.assert(
      fc.asyncProperty(sequences, async (ops) => {
        await holds(mode, ops);
      }),
      { numRuns: Number(process.env.ROOT_RUNS ?? 6), seed: Number(process.env.ROOT_SEED ?? 25), endOnFailure: true },
    );
  });
});

describe('what became of the root folder (root-folder.ts)', () => {
  it('moved away and back keeps inode and mtime and moves ctime: renamed; recreated: replaced; a note added: same', async () => {
    const { dir, root } = site(false);
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const before = rootStampNow(root);
    await sleep(20); // past the kernel's coarse clock (a jiffy), so a ctime it sets differs
    renameSync(root, path.join(dir, 'x'));
    expect(rootChange(before, rootStampNow(root))).toBe('gone');
    renameSync(path.join(dir, 'x'), root);
    const back = rootStampNow(root);
    expect(rootChange(before, back)).toBe('renamed');
    writeFileSync(path.join(root, 'new.md'), '# New\n');
    expect(rootChange(back, rootStampNow(root))).toBe('same');
    await sleep(20);
    rmSync(root, { recursive: true });
    mkdirSync(root); // ext4 may give it the same inode number: its birth time differs
    expect(rootChange(back, rootStampNow(root))).toBe('replaced');
  });
});
