/**
 * A backup copied OVER the database (`cp backup/* data/`, `cp -a`, `rsync --inplace`,
 * `cat backup > notecast.db`) keeps the file's inode and birth time, so identity.ts takes it for the
 * file notecast ran on. What it cannot keep is the file's ctime: the kernel sets it to the current
 * time whenever the file's content or metadata change, and no call lets a user set it (stat(2),
 * inode(7): "st_ctime ... changed by writing or by setting inode information"; utimensat(2) sets only
 * atime and mtime, and itself moves ctime). So at a clean stop, after the database is closed (its
 * last checkpoint written, nothing more to write), notecast records the file's ctime, size and inode
 * in `<db>.stopped`; a start that finds the record and a file changed since refuses, as for a copy.
 *
 * A record of its own, not in the mark: a start deletes it before it writes anything (so a crash
 * leaves none, and the check is skipped after a crash), hence a backup taken while notecast ran
 * has none, and copying such a backup over the folder never removes the record that catches it.
 * A backup taken while stopped brings an older record, which the copied file's new ctime fails too.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { StoreError } from '../errors.js';

const CleanStop = z.object({ ino: z.string(), birthNs: z.string(), ctimeNs: z.string(), size: z.string() });
type CleanStop = z.infer<typeof CleanStop>;

function cleanStopFile(dbFile: string): string {
  return `${dbFile}.stopped`;
}

function fileNow(dbFile: string): CleanStop | undefined {
  try {
    const st = statSync(dbFile, { bigint: true });
    return { ino: String(st.ino), birthNs: String(st.birthtimeNs), ctimeNs: String(st.ctimeNs), size: String(st.size) };
  } catch {
    return undefined; // no database (yet): nothing to compare
  }
}

const ADVICE =
  'If you restored a backup, start once with --after-restore; if this is the newest state and only its file was touched on purpose (chmod, chown, touch, a hard link made), start once with --moved. See "After a crash, a lost -wal, a restored backup" in docs/operations.md.';

const when = (ns: string) => new Date(Number(BigInt(ns) / 1_000_000n)).toISOString();
const describe = (s: CleanStop) => `changed ${when(s.ctimeNs)}, ${s.size} bytes`;

/**
 * Why a start must not run on `dbFile` because something wrote it (or its metadata) after
 * notecast's last clean stop, or undefined: no record (a new database, or the last stop a crash),
 * or another file (identity.ts says so, with its own line).
 */
export function changedSinceCleanStopProblem(dbFile: string): string | undefined {
  if (dbFile === ':memory:') return undefined;
  let text: string;
  try {
    text = readFileSync(cleanStopFile(dbFile), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoreError(dbFile, `cannot read ${cleanStopFile(dbFile)}: ${(e as Error).message}`);
  }
  const now = fileNow(dbFile);
  if (!now) return undefined;
  let then: CleanStop;
  try {
    then = CleanStop.parse(JSON.parse(text));
  } catch {
    return `${cleanStopFile(dbFile)} is not a record notecast wrote, so whether ${dbFile} was written while notecast was stopped cannot be told. ${ADVICE}`;
  }
  if (then.ino !== now.ino || then.birthNs !== now.birthNs) return undefined; // another file (an inode number given again): identity.ts
  if (then.ctimeNs === now.ctimeNs && then.size === now.size) return undefined;
  return (
    `${dbFile} was written after notecast's last clean stop (it was ${describe(then)}; it is ${describe(now)}): a backup copied over it, most likely. ` +
    `A backup does not know what was announced after it was taken and would announce all of it again, so notecast does not start. ${ADVICE}`
  );
}

/**
 * When notecast last stopped cleanly on `dbFile`, if the file is still exactly as that stop left
 * it (the same file, its ctime and size unchanged): then nothing, not a backup copied over it nor a
 * folder put in its place, has touched it since, so it is not a restored backup. Undefined when
 * that cannot be said (no record: a crash, a new database, or a record not notecast's).
 */
export function untouchedSinceCleanStop(dbFile: string): string | undefined {
  if (dbFile === ':memory:') return undefined;
  let then: CleanStop;
  try {
    then = CleanStop.parse(JSON.parse(readFileSync(cleanStopFile(dbFile), 'utf8')));
  } catch {
    return undefined;
  }
  const now = fileNow(dbFile);
  const same = now && then.ino === now.ino && then.birthNs === now.birthNs && then.ctimeNs === now.ctimeNs && then.size === now.size;
  return same ? when(then.ctimeNs) : undefined;
}

/** At start, before anything writes the database: a crash from here on leaves no record. */
export function forgetCleanStop(dbFile: string): void {
  if (dbFile === ':memory:') return;
  const file = cleanStopFile(dbFile);
  try {
    statSync(file);
  } catch {
    return;
  }
  try {
    rmSync(file, { force: true });
    syncDir(path.dirname(path.resolve(file))); // the removal reaches the disk before the database's writes
  } catch (e) {
    throw new StoreError(dbFile, `cannot remove ${file} (the record of the last clean stop), so a crash from here on could not be told from one: ${(e as Error).message}`);
  }
}

/** At a clean stop, after the database is closed: its file as it is now. */
export function recordCleanStop(dbFile: string): void {
  if (dbFile === ':memory:') return;
  const now = fileNow(dbFile);
  if (!now) return;
  const file = cleanStopFile(dbFile);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(now)}\n`);
  renameSync(`${file}.tmp`, file);
}

function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
