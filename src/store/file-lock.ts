/**
 * The lock on the database file itself, whatever name reaches it (a hard link, a bind mount,
 * another path): `flock(2)` on the file, which the kernel keys on the file (its inode), not on a
 * name. The lock belongs to an open file description, is shared by every descriptor duplicated
 * from it (fork, dup) and ends "when all such file descriptors have been closed" (flock(2),
 * https://man7.org/linux/man-pages/man2/flock.2.html), so when this process dies, even by
 * `kill -9`. It lives with the file: no folder elsewhere (a `TMPDIR` of its own per service,
 * systemd `PrivateTmp=`, a /tmp cleaner) can lose it or hide it.
 *
 * Node has no `flock`, so this process opens the file and hands that descriptor to a `flock`
 * (util-linux) child as its descriptor 3 (`flock [options] number`, flock(1)): the child locks the
 * description both share and exits at once. The lock stays with this process's descriptor (opened
 * close-on-exec, so no other child inherits it) until `release` closes it or the process ends: no
 * process of its own to be killed apart from the service, none to wait for at release, and one
 * short-lived program per start (it was a `flock` child running `sh` and `cat` for the service's
 * life, which a kill could take away from under it, and which a release waited for).
 *
 * Linux keeps `flock` and `fcntl` locks apart on local file systems, so this lock never meets
 * SQLite's own (fcntl) locks on the same file: `status` and the service's own connection read and
 * write as before. On NFS and SMB a `flock` is carried out as an `fcntl` lock on the whole file
 * (flock(2), NOTES), which would lock SQLite out of its own database: there, no such lock is taken,
 * and the caller says so (SQLite itself advises against network file systems).
 *
 * Who holds it: the kernel's table of locks (`/proc/locks`) names the process that took it (here the
 * `flock` child, gone), so the holder is found as the process with a descriptor whose `fdinfo`
 * lists the lock (proc_pid_fdinfo(5), https://man7.org/linux/man-pages/man5/proc_pid_fdinfo.5.html:
 * "lock:" lines), its record read from `<the name it opened>.lock.json` (lock.ts writes it).
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, realpathSync, statfsSync, statSync, type BigIntStats } from 'node:fs';
import { hostname } from 'node:os';
import { z } from 'zod';

export const LockHolderSchema = z.object({ pid: z.number().int(), host: z.string(), since: z.string() });
export type LockHolder = z.infer<typeof LockHolderSchema>;

/** How long a start waits for the lock: a holder killed a moment ago may take that long to let go. */
const WAIT_SECONDS = 2;
/** `flock --conflict-exit-code`: the lock is held by another. */
const HELD = 75;

/** statfs(2) magic numbers of file systems where `flock` is an `fcntl` lock on the whole file. */
const NETWORK_FS = new Map<number, string>([
  [0x6969, 'NFS'],
  [0x517b, 'SMB'],
  [0xff534d42, 'CIFS'],
  [0xfe534d42, 'SMB2'],
]);

export type FileLockResult =
  /** `release` closes the descriptor holding it: the lock is gone when it returns. */
  | { kind: 'held'; release(): void }
  | { kind: 'busy'; holder: LockHolder | undefined }
  /** No lock can be taken here (no `flock` command, a network file system): `why` says so. */
  | { kind: 'unavailable'; why: string };

/** The network file system `file` lives on, or undefined. */
function networkFileSystem(file: string): string | undefined {
  try {
    return NETWORK_FS.get(statfsSync(file).type);
  } catch {
    return undefined;
  }
}

/** What takes the lock on the database file itself: `lockFileItself` (flock(1)) unless a caller gives another (LockOptions.lockFile). */
export type FileLocker = (file: string) => Promise<FileLockResult>;

/** Takes the lock on `file` (which must exist) for this process, or says who holds it. */
export function lockFileItself(file: string): Promise<FileLockResult> {
  const fs = networkFileSystem(file);
  if (fs) return Promise.resolve({ kind: 'unavailable', why: `${file} is on ${fs}, where a lock on the whole file would lock SQLite out of it` });
  const fd = openSync(file, 'r');
  const child = spawn('flock', ['--exclusive', '--wait', String(WAIT_SECONDS), '--conflict-exit-code', String(HELD), '3'], { stdio: ['ignore', 'ignore', 'pipe', fd] });
  return new Promise((resolve) => {
    let stderr = '';
    let settled = false;
    const settle = (r: FileLockResult) => {
      if (settled) return;
      settled = true;
      if (r.kind !== 'held') closeSync(fd);
      resolve(r);
    };
    child.stderr?.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', (e: NodeJS.ErrnoException) => settle({ kind: 'unavailable', why: e.code === 'ENOENT' ? 'the flock command (util-linux) is not installed' : `flock could not run: ${e.message}` }));
    child.on('close', (code, signal) => {
      if (code === 0) settle({ kind: 'held', release: () => closeSync(fd) });
      else if (code === HELD) settle({ kind: 'busy', holder: holderOf(file) });
      else settle({ kind: 'unavailable', why: `flock ended (${signal ?? `exit ${code}`}) without the lock: ${stderr.trim() || 'no reason given'}` });
    });
  });
}

/** `stat.dev` split as `/proc/locks` prints it: `MAJOR:MINOR` in hex (Linux's encoding of dev_t). */
function procDevice(dev: bigint): string {
  const major = ((dev >> 8n) & 0xfffn) | ((dev >> 32n) & ~0xfffn);
  const minor = (dev & 0xffn) | ((dev >> 12n) & ~0xffn);
  return `${major.toString(16).padStart(2, '0')}:${minor.toString(16).padStart(2, '0')}`;
}

/** Whether a lock line of /proc (e.g. "3: FLOCK  ADVISORY  WRITE 12345 08:01:1234567 0 EOF") is a `flock` write lock on `key`. */
function isFlockWriteOn(line: string, key: string): boolean {
  const f = line.trim().split(/\s+/);
  return f[1] === 'FLOCK' && f[3] === 'WRITE' && f[5] === key;
}

/** The descriptor holding the `flock` on `st`'s file, as `/proc/<pid>/fd/<fd>`, and its process. */
interface HeldBy {
  pid: number;
  at: string;
}

/** Whether `/proc/<pid>/fd/<fd>` is `st`'s file and its `fdinfo` lists `key`'s `flock`. */
function holdsLock(pid: string, fd: string, st: BigIntStats, key: string): boolean {
  const target = statSync(`/proc/${pid}/fd/${fd}`, { bigint: true, throwIfNoEntry: false });
  if (target?.ino !== st.ino || target.dev !== st.dev) return false;
  return readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8').split('\n').some((l) => l.startsWith('lock:') && isFlockWriteOn(l.slice('lock:'.length), key));
}

/** The descriptor of process `pid` holding `key`'s lock on `st`'s file, if it has one. */
function heldIn(pid: string, st: BigIntStats, key: string): HeldBy | undefined {
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return undefined; // another user's, or ended meanwhile
  }
  for (const fd of fds) {
    try {
      if (holdsLock(pid, fd, st, key)) return { pid: Number(pid), at: `/proc/${pid}/fd/${fd}` };
    } catch {
      // closed meanwhile
    }
  }
  return undefined;
}

/**
 * Where the `flock` on `file` is held: the kernel's table says whether it is (cheap, read first);
 * the descriptor holding it is then looked for in this process, in those holding SQLite's own locks
 * on the file (a running service's connection always holds one: the same table names them), and
 * only then among every process this user may look into (another user's or another container's
 * are not seen: not known). Looking into every process took ~0.5 s at load 20.
 */
function lockHeldBy(file: string): HeldBy | undefined {
  const st = statSync(file, { bigint: true });
  const key = `${procDevice(st.dev)}:${st.ino}`;
  const onFile = readFileSync('/proc/locks', 'utf8').split('\n').filter((l) => l.trim().split(/\s+/)[5] === key);
  if (!onFile.some((l) => isFlockWriteOn(l, key))) return undefined;
  const likely = [String(process.pid), ...onFile.map((l) => l.trim().split(/\s+/)[4] ?? '')];
  const rest = readdirSync('/proc').filter((d) => /^\d+$/.test(d) && !likely.includes(d));
  for (const pid of new Set([...likely, ...rest])) {
    const held = /^\d+$/.test(pid) ? heldIn(pid, st, key) : undefined;
    if (held) return held;
  }
  return undefined;
}

/** The holder's record, written beside the name it opened (lock.ts), when it is that process's. */
function recordOf(held: HeldBy): LockHolder | undefined {
  try {
    const parsed = LockHolderSchema.safeParse(JSON.parse(readFileSync(`${realpathSync(held.at)}.lock.json`, 'utf8')));
    return parsed.success && parsed.data.pid === held.pid ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Who holds the `flock` on `file`: its record, else its pid alone; undefined when not known (no /proc, not seen). */
export function holderOf(file: string): LockHolder | undefined {
  try {
    const held = lockHeldBy(file);
    return held && (recordOf(held) ?? { pid: held.pid, host: hostname(), since: 'unknown' });
  } catch {
    return undefined; // no /proc (not Linux), or the holder ended meanwhile: not known
  }
}

/**
 * The name under which the holder of the `flock` on `file` opened it (its descriptor's target in
 * /proc), when it is not `file`'s own: the same database reached through a hard link, a bind mount
 * or another path. SQLite names its write-ahead log after the path, so a reader through another
 * name sees none of the running service's log and, opening it, writes a log of its own beside that
 * name (which a later open replays over the shared file).
 */
export function holderNameOf(file: string): string | undefined {
  try {
    const held = lockHeldBy(file);
    if (!held) return undefined;
    const name = realpathSync(held.at);
    return name === realpathSync(file) ? undefined : name;
  } catch {
    return undefined; // no /proc (not Linux), another pid namespace, or the holder ended meanwhile: not known
  }
}
