/** Finds the note files under a root: Markdown only, no dot files, editor temp files or build output. */
import { lstat, readdir, realpath } from 'node:fs/promises';
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

/** All note files under `root`, sorted. Symlinks are followed only when they stay inside `root`. */
export async function scanNotes(root: string): Promise<string[]> {
  const realRoot = await realpath(root);
  const out: string[] = [];
  const seenDirs = new Set<string>();
  async function walk(dir: string): Promise<void> {
    const real = await realpath(dir).catch(() => undefined);
    if (!real || seenDirs.has(real)) return;
    seenDirs.add(real);
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (isIgnoredName(e.name)) continue;
      const p = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        const target = await realpath(p).catch(() => undefined);
        if (!target || (target !== realRoot && !target.startsWith(realRoot + path.sep))) continue;
        const st = await lstat(target).catch(() => undefined);
        isDir = !!st?.isDirectory();
        isFile = !!st?.isFile();
      }
      if (isDir) await walk(p);
      else if (isFile && isNoteFile(e.name)) out.push(p);
    }
  }
  await walk(root);
  return out.sort();
}
