/**
 * The lock on the database file itself, whatever name reaches it (a hard link, a bind mount,
 * another path): `flock(2)` on the file, which the kernel keys on the file (its inode), not on a
 * name, and lets go when the last descriptor holding it closes, so when its process dies, even by
 * `kill -9` (flock(2), https://man7.org/linux/man-pages/man2/flock.2.html: "the lock is released
 * either by an explicit LOCK_UN operation on any of these duplicate file descriptors, or when all
 * such file descriptors have been closed"). It lives
 * with the file: no folder elsewhere (a `TMPDIR` of its own per service, systemd `PrivateTmp=`, a
 * /tmp cleaner) can lose it or hide it.
 *
 * Node has no `flock`, so a small `flock` (util-linux) child holds it: it opens the database file,
 * takes the lock, says `locked`, and waits on its stdin, a pipe from this process. Should it die
 * before this process lets go (someone killed it), the lock is taken again (lock.ts). When this
 * process ends, however it ends, the kernel closes the pipe, the child reads its end and exits,
 * and its lock goes with it. It runs in a process group of its own, so a Ctrl-C meant for the
 * service does not end it before the service has stopped.
 *
 * Linux keeps `flock` and `fcntl` locks apart on local file systems, so this lock never meets
 * SQLite's own (fcntl) locks on the same file: `status` and the service's own connection read and
 * write as before. On NFS and SMB a `flock` is carried out as an `fcntl` lock on the whole file
 * (flock(2), NOTES), which would lock SQLite out of its own database: there, no such lock is taken,
 * and the caller says so (SQLite itself advises against network file systems).
 *
 * Who holds it is read from the kernel's table of locks (`/proc/locks`: the holder's pid, the file's
 * device and inode; proc_locks(5), https://man7.org/linux/man-pages/man5/proc_locks.5.html) and the
 * holder's own command line, which carries its pid, host and start time. `flock` (util-linux):
 * https://man7.org/linux/man-pages/man1/flock.1.html (`--wait`, `--conflict-exit-code`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, realpathSync, statfsSync, statSync, type BigIntStats } from 'node:fs';
import { Socket } from 'node:net';
import { z } from 'zod';

export const LockHolderSchema = z.object({ pid: z.number().int(), host: z.string(), since: z.string() });
export type LockHolder = z.infer<typeof LockHolderSchema>;

/** The word after which the holder's record follows on the `flock` child's command line. */
const HOLDER_TAG = 'notecast-lock-holder';
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
  /** `release` resolves once the holder has ended, so the lock is gone (or after 2 s, having killed it). */
  | { kind: 'held'; release(): Promise<void> }
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

/**
 * Takes the lock on `file` (which must exist) or says who holds it. `onLost` is called if the
 * holding child ends before `release` (someone killed it): the file is then unlocked.
 */
export function lockFileItself(file: string, me: LockHolder, onLost: (why: string) => void): Promise<FileLockResult> {
  const fs = networkFileSystem(file);
  if (fs) return Promise.resolve({ kind: 'unavailable', why: `${file} is on ${fs}, where a lock on the whole file would lock SQLite out of it` });
  // --close (flock(1)): the command gets no descriptor of the lock, so the lock is `flock`'s alone and ends
  // with it (killed, its command killed); its command inheriting it would hold it on, unseen.
  const child = spawn('flock', ['--exclusive', '--close', '--wait', String(WAIT_SECONDS), '--conflict-exit-code', String(HELD), file, 'sh', '-c', 'echo locked && exec cat >/dev/null', HOLDER_TAG, JSON.stringify(me)], {
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  return new Promise((resolve) => {
    let stderr = '';
    let settled = false;
    let released = false;
    const settle = (r: FileLockResult) => {
      if (settled) return;
      settled = true;
      resolve(r);
    };
    child.stderr?.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.stdout?.setEncoding('utf8').on('data', (c: string) => {
      if (!c.includes('locked')) return;
      unrefAll(child);
      settle({
        kind: 'held',
        release() {
          released = true;
          child.stdin?.end(); // the child reads its end and exits; the kernel lets the lock go
          return ended(child);
        },
      });
    });
    child.on('error', (e: NodeJS.ErrnoException) => settle({ kind: 'unavailable', why: e.code === 'ENOENT' ? 'the flock command (util-linux) is not installed' : `flock could not run: ${e.message}` }));
    child.on('exit', (code, signal) => {
      if (!settled) {
        if (code === HELD) settle({ kind: 'busy', holder: holderOf(file) });
        else settle({ kind: 'unavailable', why: `flock ended (${signal ?? `exit ${code}`}) without the lock: ${stderr.trim() || 'no reason given'}` });
      } else if (!released) {
        child.stdin?.end(); // its command, if it outlived it, reads its end and exits
        onLost(`the process holding it (flock, pid ${child.pid}) ended (${signal ?? `exit ${code}`})`);
      }
    });
  });
}

/** Resolves once `child` has exited (flock(1) waits for its command, so every descriptor holding the lock is closed). */
function ended(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  child.ref(); // waited for now: its exit keeps this process up until then
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, WAIT_SECONDS * 1000);
    timer.unref();
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Lets this process end while the child holds the lock: neither it nor its pipes keep the event loop alive. */
function unrefAll(child: ChildProcess): void {
  child.unref();
  for (const s of [child.stdin, child.stdout, child.stderr]) if (s instanceof Socket) s.unref();
}

/** `stat.dev` split as `/proc/locks` prints it: `MAJOR:MINOR` in hex (Linux's encoding of dev_t). */
function procDevice(dev: bigint): string {
  const major = ((dev >> 8n) & 0xfffn) | ((dev >> 32n) & ~0xfffn);
  const minor = (dev & 0xffn) | ((dev >> 12n) & ~0xffn);
  return `${major.toString(16).padStart(2, '0')}:${minor.toString(16).padStart(2, '0')}`;
}

/** Who holds a `flock` write lock on `file` (its pids, from the kernel's table), and the file's own identity. */
function flockHolders(file: string): { st: BigIntStats; pids: string[] } {
  const st = statSync(file, { bigint: true });
  const key = `${procDevice(st.dev)}:${st.ino}`;
  // e.g. "3: FLOCK  ADVISORY  WRITE 12345 08:01:1234567 0 EOF"
  const rows = readFileSync('/proc/locks', 'utf8').split('\n').map((line) => line.trim().split(/\s+/));
  return { st, pids: rows.filter((f) => f[1] === 'FLOCK' && f[3] === 'WRITE' && f[5] === key).map((f) => f[4]!) };
}

/**
 * Who holds the `flock` on `file`: the kernel's table names the holding process by pid (0 or absent
 * when it is outside this pid namespace: another container), whose command line carries its record.
 */
export function holderOf(file: string): LockHolder | undefined {
  try {
    for (const pid of flockHolders(file).pids) {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const at = args.indexOf(HOLDER_TAG);
      const parsed = at < 0 ? undefined : LockHolderSchema.safeParse(JSON.parse(args[at + 1] ?? 'null'));
      if (parsed?.success) return parsed.data;
    }
  } catch {
    // no /proc (not Linux), or the holder ended meanwhile: not known
  }
  return undefined;
}

/**
 * The name under which the holder of the `flock` on `file` opened it (its open descriptor's
 * target in /proc), when it is not `file`'s own: the same database reached through a hard link, a
 * bind mount or another path. SQLite names its write-ahead log after the path, so a reader through
 * another name sees none of the running service's log and, opening it, writes a log of its own
 * beside that name (which a later open replays over the shared file).
 */
export function holderNameOf(file: string): string | undefined {
  try {
    const { st, pids } = flockHolders(file);
    const mine = realpathSync(file);
    for (const pid of pids) {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const at = `/proc/${pid}/fd/${fd}`;
        const target = statSync(at, { bigint: true, throwIfNoEntry: false });
        if (target?.ino !== st.ino || target.dev !== st.dev) continue;
        const name = realpathSync(at);
        return name === mine ? undefined : name;
      }
    }
  } catch {
    // no /proc (not Linux), another pid namespace, or the holder ended meanwhile: not known
  }
  return undefined;
}
