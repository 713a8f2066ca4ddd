/**
 * One running service per database. Two instances on one database would each announce every note.
 *
 * The lock is an exclusive SQLite transaction held open on a small side file (`<db>.lock`):
 * SQLite's locks are the operating system's file locks, which die with the process that holds them,
 * so a `kill -9` leaves no stale lock to clear by hand. Who holds it (pid, host, since when) is
 * written beside it in `<db>.lock.json`, read only to say so.
 *
 * A name is not the file: a hard link gives one database two names, two `.lock` files and two
 * `-wal` files, and two instances would both run and corrupt it. So the database file itself is
 * locked too, on its inode, by a lock that lives with the file (file-lock.ts), whatever `TMPDIR`
 * each instance has and whatever cleans /tmp.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hostname } from 'node:os';
import Database from 'better-sqlite3';
import { StoreError } from '../errors.js';
import { holderOf, LockHolderSchema, lockFileItself, type FileLocker, type FileLockResult, type LockHolder } from './file-lock.js';

export type { LockHolder } from './file-lock.js';

export interface InstanceLock {
  /** Resolves once both locks are let go (the one on the file itself ends with its holder process). */
  release(): Promise<void>;
}

function lockFiles(dbFile: string): { lock: string; holder: string } {
  return { lock: `${dbFile}.lock`, holder: `${dbFile}.lock.json` };
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const parsed = LockHolderSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
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

const describeHolder = (h: LockHolder | undefined) => (h ? `process ${h.pid} on ${h.host}, running since ${h.since}` : 'another process');

export interface LockOptions {
  /** Said when the database file itself cannot be locked here. */
  warn?: (message: string) => void;
  /**
   * Takes the lock on the database file itself: `lockFileItself` (a `flock` child per start) unless given. An
   * in-process test's harness gives the same rule kept in its own process (test/fakes/file-lock.ts): a child
   * forked from a test worker of hundreds of MB cost about 20 ms of CPU and 100 ms of its thread a start.
   */
  lockFile?: FileLocker | undefined;
}

/** Takes the lock or throws a `StoreError` naming the holder. `:memory:` databases need none. */
export async function acquireInstanceLock(dbFile: string, opts: LockOptions = {}): Promise<InstanceLock> {
  if (dbFile === ':memory:') return { release: () => Promise.resolve() };
  const { lock, holder } = lockFiles(dbFile);
  const abs = path.resolve(dbFile);
  mkdirSync(path.dirname(abs), { recursive: true });
  let byName: Database.Database;
  try {
    byName = holdLock(lock);
  } catch (e) {
    if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw new StoreError(dbFile, `cannot lock ${lock}: ${(e as Error).message}`);
    throw new StoreError(
      dbFile,
      `${dbFile} (state folder ${path.dirname(abs)}) is in use by ${describeHolder(readHolder(holder))}. Only one notecast may run per database (two would announce every note twice): stop the other one, or give this one its own --db.`,
    );
  }
  const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  try {
    closeSync(openSync(abs, 'a')); // a new database: its file exists from here on, so it has an inode to lock
  } catch (e) {
    release(byName);
    throw e; // as it is (EROFS, EACCES): the command line names the state file and the cause (cli/paths.ts)
  }
  let byFile: FileLockResult;
  try {
    byFile = await (opts.lockFile ?? lockFileItself)(abs);
  } catch (e) {
    release(byName);
    throw new StoreError(dbFile, `cannot lock ${abs} (the database file itself): ${(e as Error).message}`);
  }
  if (byFile.kind === 'busy') {
    release(byName);
    throw new StoreError(
      dbFile,
      `${dbFile} (state folder ${path.dirname(abs)}) is the same file as a database another notecast (${describeHolder(byFile.holder)}) is running on, under another name (a hard link, a bind mount, another path to it). Only one notecast may run per database (two would announce every note twice and corrupt it): stop the other one, or give this one a database of its own.`,
    );
  }
  if (byFile.kind === 'unavailable') opts.warn?.(`the database file itself is not locked (${byFile.why}): only ${lock} keeps a second notecast off this database, and one reaching it under another name (a hard link) would not be refused`);
  writeFileSync(holder, `${JSON.stringify(me)}\n`);
  return {
    async release() {
      if (!byName.open) return;
      // Only the holder's own record goes; a later holder may have written its own by now.
      if (readHolder(holder)?.pid === me.pid) rmSync(holder, { force: true });
      if (byFile.kind === 'held') byFile.release();
      release(byName);
    },
  };
}

/**
 * Who runs on `dbFile` now, for `status`: the holder's record when its lock is held (a read of the
 * lock file is refused while a service holds it), else the holder of the lock on the file itself
 * (one running on it under another name), else undefined. Never takes a lock itself.
 */
export function runningInstance(dbFile: string): LockHolder | undefined {
  return byNameHolder(dbFile) ?? (dbFile === ':memory:' ? undefined : holderOf(path.resolve(dbFile)));
}

function byNameHolder(dbFile: string): LockHolder | undefined {
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
