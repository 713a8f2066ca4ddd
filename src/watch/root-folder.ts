/**
 * Whether the folder at the notes root's path is still the one being watched (watcher.ts checkRoot). A watch
 * follows a folder, not its path: whatever happens to the root, within any time, the watcher must end up
 * watching what is at the configured path now (issue 25, CI on e21709a: moved away and back within a second,
 * the native watch died and the folder was never watched again).
 *
 * - gone: nothing there, or no folder (a file, a dangling symlink);
 * - replaced: another folder (device, inode or birth time differ): a release symlink swapped, a folder
 *   moved in over it, `rm -rf notes && mkdir notes` (ext4 can give the new folder the old inode number at
 *   once; its birth time, statx's btime, still differs);
 * - renamed: the same folder, whose ctime moved while its mtime did not. rename(2) sets the ctime of what
 *   it moves (ext4, tmpfs; checked here: `mv notes x && mv x notes` leaves inode and mtime, moves ctime),
 *   and anything that adds, removes or renames an entry in the folder sets its mtime too; so this is the
 *   folder moved away and back (or its mode, owner or attributes changed: watched anew, needlessly, once).
 *   @parcel/watcher stops reporting the root's own entries once it is moved (InotifyBackend.cc: the root's
 *   IN_MOVE_SELF drops its subscription) and says so only by a `delete` of the root, which its event loss
 *   (parcel-bundler/watcher#183, watcher.ts) can drop: this is the look that does not depend on that event.
 */
import { folderAt } from '../notes/real-root.js';

export interface RootStamp {
  /** Device, inode and birth time: which folder it is. */
  id: string;
  ctimeMs: number;
  mtimeMs: number;
}

export type RootChange = 'gone' | 'same' | 'replaced' | 'renamed';

/** The folder at `root` now (followed through symlinks), or undefined when no folder is there. */
export function rootStampNow(root: string): RootStamp | undefined {
  const st = folderAt(root);
  if (!st) return undefined;
  return { id: `${st.dev}:${st.ino}:${st.birthtimeMs}`, ctimeMs: st.ctimeMs, mtimeMs: st.mtimeMs };
}

/** What became of the watched folder between two looks at its path. */
export function rootChange(before: RootStamp | undefined, now: RootStamp | undefined): RootChange {
  if (!now) return 'gone';
  if (!before || before.id !== now.id) return 'replaced';
  return now.ctimeMs !== before.ctimeMs && now.mtimeMs === before.mtimeMs ? 'renamed' : 'same';
}
