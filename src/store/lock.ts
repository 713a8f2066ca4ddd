/**
 * One running service per database. Two instances on one database would each announce every note.
 *
 * The lock is an exclusive SQLite transaction held open on a small side file (`<db>.lock`):
 * SQLite's locks are the operating system's file locks, which die with the process that holds them,
 * so a `kill -9` leaves no stale lock to clear by hand. Who holds it (pid, host, since when) is
 * written beside it in `<db>.lock.json`, read only to say so.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hostname } from 'node:os';
import Database from 'better-sqlite3';
import { StoreError } from '../errors.js';

export interface InstanceLock {
  release(): void;
}

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

export function lockFiles(dbFile: string): { lock: string; holder: string } {
  return { lock: `${dbFile}.lock`, holder: `${dbFile}.lock.json` };
}

function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

/** Takes the lock or throws a `StoreError` naming the holder. `:memory:` databases need none. */
export function acquireInstanceLock(dbFile: string): InstanceLock {
  if (dbFile === ':memory:') return { release: () => undefined };
  const { lock, holder } = lockFiles(dbFile);
  mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true });
  const db = new Database(lock, { timeout: 0 });
  try {
    db.pragma('journal_mode = MEMORY'); // the lock file is never written: no journal beside it
    db.exec('BEGIN EXCLUSIVE');
  } catch (e) {
    db.close();
    if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw new StoreError(dbFile, `cannot lock ${lock}: ${(e as Error).message}`);
    const h = readHolder(holder);
    const who = h ? `process ${h.pid} on ${h.host}, running since ${h.since}` : 'another process';
    throw new StoreError(dbFile, `${dbFile} is in use by ${who}. Only one notecast may run per database (two would announce every note twice): stop the other one, or give this one its own --db.`);
  }
  const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  writeFileSync(holder, `${JSON.stringify(me)}\n`);
  return {
    release() {
      if (!db.open) return;
      // Only the holder's own record goes; a later holder may have written its own by now.
      if (readHolder(holder)?.pid === me.pid) rmSync(holder, { force: true });
      db.exec('ROLLBACK');
      db.close();
    },
  };
}

/**
 * Who runs on `dbFile` now, for `status`: the holder's record when its lock is held (a read of the
 * lock file is refused while a service holds it), else undefined. Never takes the lock itself.
 */
export function runningInstance(dbFile: string): LockHolder | undefined {
  const { lock, holder } = lockFiles(dbFile);
  let db: Database.Database;
  try {
    db = new Database(lock, { timeout: 0, readonly: true, fileMustExist: true });
  } catch {
    return undefined; // no lock file: never started here
  }
  try {
    db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
    return undefined;
  } catch (e) {
    if ((e as { code?: string }).code !== 'SQLITE_BUSY') return undefined;
    return readHolder(holder) ?? { pid: 0, host: 'unknown', since: 'unknown' };
  } finally {
    db.close();
  }
}
