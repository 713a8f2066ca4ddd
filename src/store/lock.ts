/**
 * One running service per database. Two instances on one database would each announce every note.
 *
 * The lock is an exclusive SQLite transaction held open on a small side file (`<db>.lock`):
 * SQLite's locks are the operating system's file locks, which die with the process that holds them,
 * so a `kill -9` leaves no stale lock to clear by hand. Who holds it (pid, host, since when) is
 * written beside it in `<db>.lock.json`, read only to say so.
 *
 * A name is not the file: a hard link (or a bind mount) gives one database two names, two `.lock`
 * files and two `-wal` files, and two instances would both run and corrupt it. So the database file
 * itself is locked too, by what identifies it (device and inode), in a folder every name of it on
 * this machine shares: `<tmpdir>/notecast-locks-<uid>/<dev>-<ino>.lock` (per user: another user's
 * folder there is not ours to write in).
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hostname, tmpdir } from 'node:os';
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

function lockFiles(dbFile: string): { lock: string; holder: string } {
  return { lock: `${dbFile}.lock`, holder: `${dbFile}.lock.json` };
}

function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

/** Where the lock on the database file itself lives (see the file's comment). */
function fileLockFor(dbFile: string, lockDir = path.join(tmpdir(), `notecast-locks-${process.getuid?.() ?? 0}`)): string {
  const abs = path.resolve(dbFile);
  closeSync(openSync(abs, 'a')); // a new database: its file exists from here on, so it has an inode to lock
  const st = statSync(abs);
  return path.join(lockDir, `${st.dev}-${st.ino}.lock`);
}

/** An exclusive SQLite transaction held open on `file`: the OS lock dies with the process. Throws SQLITE_BUSY when held. */
function holdLock(file: string): Database.Database {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('journal_mode = MEMORY'); // the lock file is never written: no journal beside it
    db.exec('BEGIN EXCLUSIVE');
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function release(db: Database.Database): void {
  if (!db.open) return;
  db.exec('ROLLBACK');
  db.close();
}

/** Takes the lock or throws a `StoreError` naming the holder. `:memory:` databases need none. */
export function acquireInstanceLock(dbFile: string, opts: { lockDir?: string } = {}): InstanceLock {
  if (dbFile === ':memory:') return { release: () => undefined };
  const { lock, holder } = lockFiles(dbFile);
  mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true });
  const whoHolds = (file: string) => {
    const h = readHolder(file);
    return h ? `process ${h.pid} on ${h.host}, running since ${h.since}` : 'another process';
  };
  const inUse = () => {
    const who = whoHolds(holder);
    return new StoreError(dbFile, `${dbFile} is in use by ${who}. Only one notecast may run per database (two would announce every note twice): stop the other one, or give this one its own --db.`);
  };
  let byName: Database.Database;
  try {
    byName = holdLock(lock);
  } catch (e) {
    if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw new StoreError(dbFile, `cannot lock ${lock}: ${(e as Error).message}`);
    throw inUse();
  }
  let byFile: Database.Database;
  const fileLock = fileLockFor(dbFile, opts.lockDir);
  try {
    byFile = holdLock(fileLock);
  } catch (e) {
    release(byName);
    if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw new StoreError(dbFile, `cannot lock ${fileLock} (the lock on the database file itself): ${(e as Error).message}`);
    throw new StoreError(
      dbFile,
      `${dbFile} is the same file as a database another notecast (${whoHolds(`${fileLock}.json`)}) is running on, under another name (a hard link, a bind mount, another path to it). Only one notecast may run per database (two would announce every note twice and corrupt it): stop the other one, or give this one a database of its own.`,
    );
  }
  const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  writeFileSync(holder, `${JSON.stringify(me)}\n`);
  writeFileSync(`${fileLock}.json`, `${JSON.stringify(me)}\n`); // for a refusal through another name
  return {
    release() {
      if (!byName.open) return;
      // Only the holder's own record goes; a later holder may have written its own by now.
      if (readHolder(holder)?.pid === me.pid) rmSync(holder, { force: true });
      if (readHolder(`${fileLock}.json`)?.pid === me.pid) rmSync(`${fileLock}.json`, { force: true });
      release(byFile);
      release(byName);
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
