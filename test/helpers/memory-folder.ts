/**
 * A folder in memory (tmpfs, /dev/shm) for this test process's sandboxes that make a new service for each of many runs
 * (the model's sequences, the split and digest properties: `InProcessService.sandbox(…, { inMemory: true })`). On the
 * disk (ext4) each of their commits waited on it: the mark replaced by a rename (ext4 writes the renamed file's data
 * first, `auto_da_alloc`, ext4(5)), the checkpoint and the database id synced at each start and stop: 2.7 ms a rename
 * there against 0.1 ms on tmpfs, about a quarter of `model.test.ts`'s main thread. What they test is the same on any
 * file system (flock, renames, inodes are tmpfs's too); none is about what reaches the disk, which only a power cut
 * (not a kill -9: the page cache stays) could tell. The files stay in memory until the process exits, and a folder
 * left by a process that no longer runs (killed) is removed by the next one. `NOTECAST_TEST_ON_DISK=1`, or no
 * writable /dev/shm: the OS temporary folder, as before.
 */
import { accessSync, constants, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SHM = '/dev/shm';
const PREFIX = 'notecast-tests-';

let folder: string | undefined;

/** Whether process `pid` still runs (kill(2) with signal 0 checks without sending one). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function memoryAvailable(): boolean {
  if (process.env.NOTECAST_TEST_ON_DISK === '1') return false;
  try {
    accessSync(SHM, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Removes the folders of test processes that no longer run (killed before their exit handler). */
export function removeLeftFolders(): void {
  for (const name of readdirSync(SHM)) {
    const pid = Number(name.startsWith(PREFIX) ? name.slice(PREFIX.length).split('-')[0] : NaN);
    if (Number.isInteger(pid) && pid !== process.pid && !running(pid)) rmSync(path.join(SHM, name), { recursive: true, force: true });
  }
}

/** This process's folder for sandboxes in memory (made on first use), else the OS temporary folder. */
export function memoryFolder(): string {
  if (folder) return folder;
  if (!memoryAvailable()) return (folder = tmpdir());
  removeLeftFolders();
  const made = mkdtempSync(path.join(SHM, `${PREFIX}${process.pid}-`));
  process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  return (folder = made);
}
