/**
 * The lock on the database file itself (store/file-lock.ts) kept in this process, for in-process services: the
 * rule flock(2) keeps (https://man7.org/linux/man-pages/man2/flock.2.html), without a `flock` child forked from a
 * test worker of hundreds of MB at every start (about 20 ms of CPU and 100 ms of its thread each). flock(2): the
 * lock is the file's, whatever name reaches it (the kernel keys it on the inode), and a second open of the file
 * meets it "even if done by the same process" ("If a process uses open(2) (or similar) to obtain more than one
 * descriptor for the same file, these descriptors are treated independently by flock()"), so a second service of
 * this process on the same file is refused as another process's would be. It ends with `release` (an in-process
 * kill lets it go too, as the OS would a killed process's). The real lock, a `flock` child, is what `notecast start`
 * takes, and test/store/lock.test.ts and the process tests check it.
 */
import { hostname } from 'node:os';
import { statSync } from 'node:fs';
import type { FileLocker, FileLockResult, LockHolder } from '../../src/store/file-lock.js';

export class InProcessFileLocks {
  /** The files locked now, by device and inode: who holds each. */
  private readonly held = new Map<string, LockHolder>();

  readonly lock: FileLocker = (file: string): Promise<FileLockResult> => {
    const st = statSync(file, { bigint: true });
    const key = `${st.dev}:${st.ino}`;
    const holder = this.held.get(key);
    if (holder) return Promise.resolve({ kind: 'busy', holder });
    this.held.set(key, { pid: process.pid, host: hostname(), since: new Date().toISOString() });
    let released = false;
    return Promise.resolve({
      kind: 'held',
      release: () => {
        if (released) return;
        released = true;
        this.held.delete(key);
      },
    });
  };
}

/** This process's table of file locks: every in-process service of a test worker shares it, as the kernel's is shared. */
let workerLocks: InProcessFileLocks | undefined;
export function workerFileLocks(): InProcessFileLocks {
  return (workerLocks ??= new InProcessFileLocks());
}
