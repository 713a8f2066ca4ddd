/** Finds the note files under a root: Markdown only, no dot files, editor temp files or build output. */
import { lstatSync, readdirSync, realpathSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { isNoteFile } from './read.js';

const IGNORED_DIRS = new Set(['node_modules', '_site', '.git', '.jekyll-cache', '.sass-cache', 'vendor']);

/** Dot files, editor backups and swap files, vim's `4913` probe. Shared with the watcher. */
export function isIgnoredName(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.endsWith('~') ||
    /\.(swp|swx|swo|tmp|bak|part|crdownload)$/i.test(name) ||
    name === '4913' ||
    name.startsWith('#') ||
    IGNORED_DIRS.has(name)
  );
}

export function isWatchedNotePath(rel: string): boolean {
  const parts = rel.split(/[\\/]/);
  return isNoteFile(rel) && !parts.some(isIgnoredName);
}

/**
 * All note files under `root`, sorted. Symlinks are followed only when they stay inside `root`.
 * Synchronous on purpose: a walk is thousands of tiny readdir calls, and thread-pool round trips
 * made it 20x slower (3.1 s against 0.15 s over 35,000 notes here).
 */
export async function scanNotes(root: string): Promise<string[]> {
  return scanNotesSync(root);
}

export function scanNotesSync(root: string): string[] {
  const realRoot = realpathSync.native(root);
  const out: string[] = [];
  const seenDirs = new Set<string>([realRoot]);
  const walk = (dir: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (isIgnoredName(e.name)) continue;
      const p = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync.native(p);
        } catch {
          continue;
        }
        if (target !== realRoot && !target.startsWith(realRoot + path.sep)) continue;
        const st = lstatSync(target, { throwIfNoEntry: false });
        isDir = !!st?.isDirectory();
        isFile = !!st?.isFile();
        if (isDir && seenDirs.has(target)) continue; // a link loop
        if (isDir) seenDirs.add(target);
      }
      if (isDir) walk(p);
      else if (isFile && isNoteFile(e.name)) out.push(p);
    }
  };
  walk(root);
  return out.sort();
}
