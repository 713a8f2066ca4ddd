/**
 * Native mode's look-over (issue 25): what it reports after changes whose events were lost, what
 * an idle look costs, and that a note is not reported again once looked at.
 */
import { appendFileSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STATS_PER_SLICE } from '../../src/watch/folder-tree.js';
import { FolderLookover } from '../../src/watch/lookover.js';
import { tempFolder } from '../helpers/temp-folder.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function tree(): { root: string; f0: string; f1: string } {
  const root = tempFolder('notecast-look-');
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  const hourAgo = new Date(Date.now() - 3_600_000);
  const [f0, f1] = ['f0', 'f1'].map((f) => path.join(root, f)) as [string, string];
  for (const dir of [f0, f1]) {
    mkdirSync(dir);
    for (let n = 0; n < 5; n++) writeFileSync(path.join(dir, `n${n}.md`), `note ${n}`);
    writeFileSync(path.join(dir, 'picture.png'), 'not a note');
    utimesSync(dir, hourAgo, hourAgo); // not racy: listed again only when an entry comes or goes
  }
  utimesSync(root, hourAgo, hourAgo);
  return { root, f0, f1 };
}

function look(root: string): { lookover: FolderLookover; seen: string[] } {
  const seen: string[] = [];
  const lookover = new FolderLookover(root, {
    onPath: (p) => seen.push(path.relative(root, p)),
    ignored: () => false,
    onError: (e) => {
      throw e;
    },
  });
  return { lookover, seen };
}

describe('FolderLookover', () => {
  it('an idle look stats each folder and lists none again; an edit in place is found in a folder looked at note by note, once', async () => {
    const { root, f0, f1 } = tree();
    const { lookover, seen } = look(root);
    await lookover.lookOver(new Set([root, f0, f1])); // the first look may report notes written just before the listing
    seen.length = 0;
    const before = lookover.counts();
    await lookover.lookOver(new Set());
    expect(lookover.counts().stats - before.stats).toBe(3);
    expect(lookover.counts().listings - before.listings).toBe(0);
    appendFileSync(path.join(f0, 'n1.md'), '\nedited in place\n');
    await lookover.lookOver(new Set([f1])); // its folder's own stat did not move: not found here
    expect(seen).toEqual([]);
    await lookover.lookOver(new Set([f0]));
    expect(seen).toEqual(['f0/n1.md']);
    await lookover.lookOver(new Set([root, f0, f1]));
    expect(seen).toEqual(['f0/n1.md']); // not again
  });

  it('notes added, removed or renamed and folders that came or went are found by their folder\'s stat alone', async () => {
    const { root, f0, f1 } = tree();
    const { lookover, seen } = look(root);
    await lookover.lookOver(new Set([root, f0, f1])); // the first look may report notes written just before the listing
    seen.length = 0;
    writeFileSync(path.join(f0, 'new.md'), 'new');
    rmSync(path.join(f1, 'n0.md'));
    mkdirSync(path.join(root, 'f2', 'deep'), { recursive: true });
    rmSync(f1, { recursive: true }); // after the removal above: the folder goes as one path
    await lookover.lookOver(new Set());
    expect(seen.sort()).toEqual(['f0/new.md', 'f1', 'f2']);
    writeFileSync(path.join(root, 'f2', 'deep', 'later.md'), 'later'); // the new folders are followed
    await lookover.lookOver(new Set());
    expect(seen).toContain('f2/deep/later.md');
  });

  it('a look at a folder of more notes than a slice (listed again, then note by note) yields to the loop as it goes, and finds the same', async () => {
    const root = tempFolder('notecast-look-');
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const big = path.join(root, 'big');
    mkdirSync(big);
    const NOTES = 2 * STATS_PER_SLICE + 500;
    for (let n = 0; n < NOTES; n++) writeFileSync(path.join(big, `n${n}.md`), `note ${n}`);
    const { lookover, seen } = look(root);
    await lookover.lookOver(new Set([big])); // the first look may report notes written just before the listing
    seen.length = 0;
    const edited = [0, STATS_PER_SLICE + 7, NOTES - 1].map((n) => `big/n${n}.md`);
    for (const e of edited) appendFileSync(path.join(root, e), '\nedited in place\n');
    writeFileSync(path.join(big, 'new.md'), 'new'); // the folder's own stat moves: listed again, in slices too
    rmSync(path.join(big, 'n5.md'));
    // Turns of the event loop while the look runs: none when it holds the loop from start to end.
    let turns = 0;
    let looking = true;
    const turn = () => {
      if (!looking) return;
      turns++;
      setImmediate(turn);
    };
    setImmediate(turn);
    await lookover.lookOver(new Set([big]));
    looking = false;
    expect(turns).toBeGreaterThanOrEqual(2);
    expect(seen.sort()).toEqual([...edited, 'big/new.md', 'big/n5.md'].sort());
  });
});
