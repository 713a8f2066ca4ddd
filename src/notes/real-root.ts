/**
 * The notes folder's real path, as it is now. A note is read only inside the folder `notes.dir` leads to
 * (read.ts), and that folder can change under a running service: `notes.dir: current/notes` with
 * `current -> releases/1` swapped for `releases/2` by a deploy (Capistrano, a `ln -sfn` and `mv -T`). Resolved
 * once at start, every note of the new release resolved outside it and was refused until a restart (issue 25,
 * tester 23-1 F1); so it is looked up again for each batch (one realpath(3), not one per note).
 */
import { realpathSync, statSync, type Stats } from 'node:fs';

/** Where `root` leads now; `known` while it cannot be resolved (the folder is gone: its removals wait for it, sync.ts). */
export function realRootNow(root: string, known: string): string {
  try {
    return realpathSync.native(root);
  } catch {
    return known;
  }
}

/** The folder at `root` (followed through symlinks), or undefined when no folder is there. */
export function folderAt(root: string): Stats | undefined {
  try {
    const st = statSync(root, { throwIfNoEntry: false });
    return st?.isDirectory() ? st : undefined;
  } catch {
    return undefined; // ENOTDIR, ELOOP, EACCES on the way: not there as a folder
  }
}

/** Whether the notes folder is there, as a folder (followed through symlinks). */
export function notesFolderPresent(root: string): boolean {
  return folderAt(root) !== undefined;
}
