/** What each path whose quiet period is over is now on disk (the watcher's flush, watcher.ts). */
import { lstatSync } from 'node:fs';
import type { Logger } from '../log.js';
import { isNoteFile } from '../notes/read.js';
import { scanNotesSync } from '../notes/scan.js';
import { hasSubfolder } from './folder-tree.js';

export interface SettledPaths {
  changed: Set<string>;
  removed: Set<string>;
  /** Folders that arrived with folders inside (native mode watches each on its own). */
  nestedFolders: string[];
}

/**
 * What each settled path is now. Sets: a new folder, the folder inside it and the note inside
 * that all arrive as events, and scanning each folder finds the same note again; it counts once.
 */
export function classifySettled(paths: Iterable<string>, root: string, log: Logger): SettledPaths {
  const changed = new Set<string>();
  const removed = new Set<string>();
  const nestedFolders: string[] = [];
  for (const file of paths) {
    // The disk has the final word: an atomic save ends with the file present, whatever came before.
    // Any error reading one path is that path's (ENOTDIR: a folder became a file; ELOOP; EACCES).
    let st;
    try {
      st = lstatSync(file, { throwIfNoEntry: false });
    } catch (e) {
      log.debug({ file, err: String(e) }, 'path cannot be read; taken as gone');
      removed.add(file);
      continue;
    }
    if (!st) removed.add(file);
    else if (st.isSymbolicLink()) {
      // Not followed, as the scan does not: a link inside the folder leads to notes already
      // watched at their real paths, and one outside is refused.
      log.info({ file }, 'symlink not followed: notes are read at their real paths');
    } else if (st.isDirectory()) {
      for (const f of scanNotesSync(file)) changed.add(f); // a folder moved or copied in
      if (file !== root && hasSubfolder(file)) nestedFolders.push(file);
    } else if (isNoteFile(file)) changed.add(file);
  }
  return { changed, removed, nestedFolders };
}
