/** The folders and files a command is given, checked so that each problem is one line naming the path and the cause. */
import { closeSync, existsSync, mkdirSync, openSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { errorText } from '../errors.js';

/** `ENOENT: no such file or directory` out of Node's `ENOENT: no such file or directory, open '/x'`. */
function cause(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code && typeof err.message === 'string') return err.message.split(',')[0]!;
  return errorText(e);
}

/** Why `dir` cannot be the notes folder (missing, a file, unreadable), or undefined when it can. */
export function notesFolderProblem(dir: string): string | undefined {
  try {
    if (!statSync(dir).isDirectory()) return `notes folder ${dir}: is a file, not a folder`;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? `notes folder ${dir}: no such folder` : `notes folder ${dir}: ${cause(e)}`;
  }
  return undefined;
}

/**
 * Why the state database at `file` could not be opened, found out with the file system (SQLite
 * says only "unable to open database file"). Run after a failed start only: it may create and
 * remove a probe file where the database would be.
 */
export function stateFileProblem(file: string): string {
  const dir = path.dirname(path.resolve(file));
  let existing = dir;
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  if (!statSync(existing).isDirectory()) return `state database ${file}: ${existing} is a file, not a folder`;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    return `state database ${file}: its folder ${dir} cannot be created (${cause(e)})`;
  }
  return unwritableStateProblem(file) ?? `state database ${file}: cannot be opened (SQLite says: unable to open database file)`;
}

/** Why `start` could not write the database or its lock beside it (opened for writing, nothing written), or undefined. */
export function unwritableStateProblem(file: string): string | undefined {
  const dir = path.dirname(path.resolve(file));
  for (const f of [file, `${file}.lock`]) {
    const existed = existsSync(f);
    try {
      closeSync(openSync(f, existed ? 'r+' : 'wx'));
      if (!existed) unlinkSync(f);
    } catch (e) {
      return `state database ${file}: ${existed ? `${f} cannot be written` : `${f} cannot be created in ${dir}`} (${cause(e)})`;
    }
  }
  return undefined;
}

/** Whether a start-up error is SQLite failing to open a file (its own message names neither the file nor the cause). */
export function isCannotOpen(e: unknown): boolean {
  const text = errorText(e);
  return (e as { code?: string }).code === 'SQLITE_CANTOPEN' || /unable to open database file/.test(text);
}

/** Whether a start-up error is the file system refusing a path under the state database's folder (mkdir, open). */
export function isStatePathError(e: unknown, dbFile: string): boolean {
  const p = (e as NodeJS.ErrnoException).path;
  if (typeof p !== 'string') return false;
  const dir = path.dirname(path.resolve(dbFile));
  return dir === path.resolve(p) || dir.startsWith(path.resolve(p) + path.sep) || path.resolve(p).startsWith(dir + path.sep);
}
