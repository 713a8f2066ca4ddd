/**
 * A restored backup does not know what was announced after it was taken: started as it is, it
 * announces all of that again, silently. Its mark (`<db>.mark`) cannot tell, since a whole folder
 * restored brings its own mark along, and nothing written inside a database can either, since a
 * copy carries it. What a copy does not carry is the file itself: `cp`, `cp -a`, `tar`, `rsync`,
 * SQLite's `.backup`, a copy between hosts all make a new file, with a new inode and a new birth
 * time, while a restart, a hard link or a `mv` within one file system keep the file. So the database
 * records the identity of its own file (meta `file.identity`), and a start on a database whose
 * file is not the one it recorded refuses: the operator says which it is (`--after-restore`, or
 * `--moved` for the newest state moved on purpose).
 *
 * The identity is what SQLite itself knows a database file by (os_unix.c, `struct unixFileId`:
 * device and inode; the header of a database file holds nothing that a copy would not carry), plus
 * the birth time where the file system keeps one (statx `btime`: ext4, XFS, btrfs, tmpfs…), because
 * an inode number is reused at once: delete a database and copy a backup in, and on ext4 the copy
 * often gets the deleted file's number. With a birth time on both sides the device is not compared:
 * btrfs, NFS, overlay and FUSE file systems get their device number when mounted, which may differ
 * after a reboot. Without one, device and inode must both match.
 */
import { statSync, type BigIntStats } from 'node:fs';
import { StoreError } from '../errors.js';
import type { Store } from './store.js';

export interface FileIdentity {
  dev: string;
  ino: string;
  /** Birth time in nanoseconds since the epoch, or null where the file system keeps none. */
  birth: string | null;
}

const IDENTITY_KEY = 'file.identity';

function fileIdentity(file: string): FileIdentity {
  return identityOf(statSync(file, { bigint: true }));
}

/** The identity of the file at `file` now, or undefined when nothing is there. */
export function identityAt(file: string): FileIdentity | undefined {
  const st = statSync(file, { bigint: true, throwIfNoEntry: false });
  return st && identityOf(st);
}

function identityOf(st: BigIntStats): FileIdentity {
  // libuv gives 0 when statx reports no birth time (the file system keeps none).
  return { dev: String(st.dev), ino: String(st.ino), birth: st.birthtimeNs > 0n ? String(st.birthtimeNs) : null };
}

export function sameFile(recorded: FileIdentity, now: FileIdentity): boolean {
  if (recorded.ino !== now.ino) return false;
  if (recorded.birth !== null && now.birth !== null) return recorded.birth === now.birth;
  return recorded.dev === now.dev;
}

function recorded(store: Store): FileIdentity | undefined {
  const raw = store.getMeta(IDENTITY_KEY);
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as Partial<FileIdentity>;
    if (typeof v.dev === 'string' && typeof v.ino === 'string' && (typeof v.birth === 'string' || v.birth === null)) return { dev: v.dev, ino: v.ino, birth: v.birth };
  } catch {
    // said by the caller: an identity that cannot be read is no identity to trust
  }
  return undefined;
}

const describe = (id: FileIdentity) => `inode ${id.ino}${id.birth ? `, created ${new Date(Number(BigInt(id.birth) / 1_000_000n)).toISOString()}` : ` on device ${id.dev}`}`;

/**
 * Why a start must not run on `dbFile` as it is, because it is a copy of the database notecast ran
 * on (see the file's comment), or undefined. A database that recorded no identity yet (new, or
 * from a release before this check) has nothing to compare: its first start records it.
 */
export function copiedDatabaseProblem(dbFile: string, store: Store): string | undefined {
  if (dbFile === ':memory:') return undefined;
  const then = recorded(store);
  if (!then) return undefined;
  const now = fileIdentity(dbFile);
  if (sameFile(then, now)) return undefined;
  return (
    `${dbFile} is a copy, not the file notecast last ran on (that was ${describe(then)}; this is ${describe(now)}): a restored backup, or the state moved to another disk or host. ` +
    `A backup does not know what was announced after it was taken and would announce all of it again, so notecast does not start. ` +
    `If you restored a backup, start once with --after-restore; if this is the newest state, moved or copied on purpose, start once with --moved. See "After a crash, a lost -wal, a restored backup" in docs/operations.md.`
  );
}

/** Throws a `StoreError` when `dbFile` is a copy (see `copiedDatabaseProblem`). */
export function checkFileIdentity(dbFile: string, store: Store): void {
  const problem = copiedDatabaseProblem(dbFile, store);
  if (problem) throw new StoreError(dbFile, problem);
}

/** Records `dbFile`'s identity in the database: at every start, after the checks let it through. */
export function recordFileIdentity(dbFile: string, store: Store): void {
  if (dbFile === ':memory:') return;
  const now = JSON.stringify(fileIdentity(dbFile));
  if (store.getMeta(IDENTITY_KEY) !== now) store.setMeta(IDENTITY_KEY, now);
}
