/**
 * Temporary folders of tests, removed when their test file ends (`removeFileFolders`, run by the setup file
 * test/helpers/temp-folder-cleanup.ts after each file): the sandboxes of services, publishers and stores had been
 * left in the OS temporary folder, tens of thousands of `notecast-*` folders and GBs after a day of runs (issue 24).
 * A file with a failed test keeps its folders for debugging and says where; `NOTECAST_TEST_KEEP_FOLDERS=1` keeps all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Folders made by the file running now (files run one at a time in a worker), removed when it ends. */
const ofFile = new Set<string>();

function removeAll(dirs: Iterable<string>): string[] {
  const failed: string[] = [];
  for (const dir of dirs) {
    try {
      // A service stopped just before may still be closing a file in it (retries, as rm -rf races a writer).
      rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
    } catch {
      failed.push(dir);
    }
  }
  return failed;
}

/** A new folder `<parent>/<prefix>XXXXXX` (mkdtemp), removed when the test file ends. */
export function tempFolder(prefix: string, { parent = tmpdir() }: { parent?: string } = {}): string {
  const dir = mkdtempSync(path.join(parent, prefix));
  ofFile.add(dir);
  return dir;
}

/**
 * Removes the folders the file made, or keeps them when `keep` says why (a failed test, or the environment asks):
 * returns the line to print, if any (where they are kept, or what could not be removed).
 */
export function removeFileFolders(keep: string | undefined): string | undefined {
  const dirs = [...ofFile];
  ofFile.clear();
  if (!dirs.length) return undefined;
  if (keep) return `${keep}: kept ${dirs.length} temporary folder(s) for debugging:\n  ${dirs.join('\n  ')}`;
  const failed = removeAll(dirs);
  return failed.length ? `could not remove ${failed.length} temporary folder(s):\n  ${failed.join('\n  ')}` : undefined;
}
