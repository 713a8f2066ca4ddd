/**
 * The property runs' sandboxes in memory (memory-folder.ts): on tmpfs where /dev/shm is writable, and a folder a killed
 * test process left there is removed by the next, while one of a process still running stays.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, rmSync, statfsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InProcessService } from './inproc.js';
import { removeLeftFolders } from './memory-folder.js';

/** statfs(2)'s f_type of tmpfs (linux/magic.h TMPFS_MAGIC). */
const TMPFS_MAGIC = 0x01021994;

const shmWritable = (() => {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return process.env.NOTECAST_TEST_ON_DISK !== '1';
  } catch {
    return false;
  }
})();

describe.runIf(shmWritable)('sandboxes in memory', () => {
  it('an inMemory sandbox is on tmpfs; a folder left by a process that ended is removed, one of a running process stays', () => {
    // A process that has ended: its pid is free (a reused pid would only keep its folder, never remove a live one's).
    const ended = spawnSync('sh', ['-c', 'echo $$'], { encoding: 'utf8' }).stdout.trim();
    const left = path.join('/dev/shm', `notecast-tests-${ended}-left`);
    const live = path.join('/dev/shm', `notecast-tests-${process.ppid}-live`); // vitest's main process, running
    mkdirSync(left, { recursive: true });
    mkdirSync(live, { recursive: true });
    try {
      const svc = InProcessService.sandbox({ routes: [{ platform: 'console', chat: 'all' }] }, {}, { inMemory: true });
      expect(statfsSync(svc.notes).type).toBe(TMPFS_MAGIC);
      expect(path.dirname(path.dirname(svc.notes))).toMatch(new RegExp(`^/dev/shm/notecast-tests-${process.pid}-`));
      removeLeftFolders();
      expect(existsSync(left)).toBe(false);
      expect(existsSync(live)).toBe(true);
      expect(existsSync(svc.notes)).toBe(true);
    } finally {
      rmSync(live, { recursive: true, force: true });
      rmSync(left, { recursive: true, force: true });
    }
  });
});
