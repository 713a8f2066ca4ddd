/**
 * The in-process services' lock on the database file itself (test/fakes/file-lock.ts) keeps the rule the real one
 * (store/file-lock.ts, a `flock` child) keeps, checked side by side on the same steps: a second lock on the file is
 * refused whatever name reaches it (a hard link), also within one process (flock(2): each open(2) is its own), and
 * taken once the first is let go. Where they differ, an in-process service would pass a test the real one fails.
 */
import { closeSync, linkSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFileItself, type FileLocker, type FileLockResult } from '../../src/store/file-lock.js';
import { InProcessFileLocks } from '../fakes/file-lock.js';
import { tempFolder } from '../helpers/temp-folder.js';

/** The kinds each step met: lock the file, lock it again through a hard link, release the first, lock through the link. */
async function steps(lock: FileLocker): Promise<string[]> {
  const dir = tempFolder('notecast-flock-');
  const file = path.join(dir, 'n.db');
  closeSync(openSync(file, 'a'));
  mkdirSync(path.join(dir, 'elsewhere'));
  const link = path.join(dir, 'elsewhere', 'same.db');
  linkSync(file, link);
  const release = (r: FileLockResult) => r.kind === 'held' && r.release();
  const first = await lock(file);
  const second = await lock(link);
  const kinds = [first.kind, second.kind];
  release(first);
  const third = await lock(link);
  kinds.push(third.kind);
  release(third);
  release(second);
  return kinds;
}

describe('the lock on the database file itself, in process', () => {
  it('refuses a second lock through another name until the first is let go, as the flock child does', { timeout: 30_000 }, async () => {
    const real = await steps(lockFileItself);
    expect(real).toEqual(['held', 'busy', 'held']);
    expect(await steps(new InProcessFileLocks().lock)).toEqual(real);
  });

  it('a busy lock names this process as its holder', async () => {
    const locks = new InProcessFileLocks();
    const dir = tempFolder('notecast-flock-');
    const file = path.join(dir, 'n.db');
    closeSync(openSync(file, 'a'));
    expect((await locks.lock(file)).kind).toBe('held');
    expect(await locks.lock(file)).toMatchObject({ kind: 'busy', holder: { pid: process.pid } });
  });
});
