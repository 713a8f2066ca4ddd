/**
 * One running service per database, whatever file it is in: a copy of the live database (SQLite's
 * `.backup`, `cp`, a restored backup) started with `--moved` or `--after-restore` beside the
 * original on the same notes would announce every new note twice. The locks of lock.ts are on the
 * file, and a copy is another file, so the database carries an id of its own (meta `database.id`,
 * random, written once; a copy carries it, while two databases made separately differ), and a
 * running service holds a lock named by it.
 *
 * The lock is a listening Unix socket in Linux's abstract namespace (`\0notecast-<id>`): no file in
 * the state or notes folder, a second bind of the name fails with EADDRINUSE, and the name "is
 * automatically removed when all open references to the socket are closed" (unix(7),
 * https://man7.org/linux/man-pages/man7/unix.7.html; Node: `\0` prefix, doc/api/net.md "IPC
 * support"), so it dies with the process, kill -9 included. Node opens it close-on-exec: no child
 * keeps it. A connection to it is answered with the holder's record, for the refusal to name it.
 * The abstract namespace belongs to a network namespace: instances in containers with network
 * namespaces of their own do not see each other's (the lock on the file still covers one file).
 */
import { createConnection, createServer, type Server } from 'node:net';
import { hostname } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { StoreError } from '../errors.js';
import { acquireInstanceLock } from './lock.js';
import type { FileLocker } from './file-lock.js';
import type { Store } from './store.js';

const DATABASE_ID_KEY = 'database.id';
const ID_PATTERN = /^[0-9a-f]{32}$/;

const RunningRecord = z.object({ pid: z.number().int(), host: z.string(), since: z.string(), db: z.string() });
type RunningRecord = z.infer<typeof RunningRecord>;

/** How long a refused start waits for the holder to say who it is. */
const ASK_MS = 1000;

/** The database's id, written now if it has none (a new database, or one from before ids). */
function ensureDatabaseId(store: Store): string {
  const id = store.getMeta(DATABASE_ID_KEY);
  if (id && ID_PATTERN.test(id)) return id;
  const made = randomBytes(16).toString('hex');
  store.setMeta(DATABASE_ID_KEY, made);
  store.checkpoint(); // into the file itself: a plain `cp` of the live file (no -wal) carries it too
  return made;
}

/**
 * The id in `dbFile` as it is, read without writing it (before a start's first write), or
 * undefined: none yet, no database, or not readable so (the start opens it and says why).
 */
function peekDatabaseId(dbFile: string): string | undefined {
  let db: Database.Database | undefined;
  try {
    db = new Database(dbFile, { readonly: true, fileMustExist: true, timeout: 1000 });
    const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(DATABASE_ID_KEY) as { value: unknown } | undefined;
    return typeof row?.value === 'string' && ID_PATTERN.test(row.value) ? row.value : undefined;
  } catch {
    return undefined;
  } finally {
    db?.close();
  }
}

const socketName = (id: string) => `\0notecast-${id}`;

/** What the running holder says about itself, or undefined when it says nothing in time. */
function askHolder(id: string): Promise<RunningRecord | undefined> {
  return new Promise((resolve) => {
    let text = '';
    const socket = createConnection(socketName(id));
    const done = (r: RunningRecord | undefined) => {
      socket.destroy();
      resolve(r);
    };
    socket.setTimeout(ASK_MS, () => done(undefined));
    socket.setEncoding('utf8').on('data', (c: string) => (text += c.slice(0, 4096)));
    socket.on('error', () => done(undefined));
    socket.on('end', () => {
      try {
        const parsed = RunningRecord.safeParse(JSON.parse(text));
        done(parsed.success ? parsed.data : undefined);
      } catch {
        done(undefined);
      }
    });
  });
}

function listen(server: Server, name: string): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((resolve) => {
    server.once('error', resolve);
    server.listen(name, () => {
      server.off('error', resolve);
      resolve(undefined);
    });
  });
}

interface DatabaseIdLock {
  /** Resolves once the name is let go. */
  release(): Promise<void>;
}

const describe = (r: RunningRecord | undefined) => (r ? `process ${r.pid} on ${r.host}, running since ${r.since} on ${r.db}` : 'another process on this host');

/**
 * Holds the lock named by `id` for this process, or throws a `StoreError` naming the notecast
 * running on a copy of `dbFile` (or on `dbFile` itself) and what to do. `warn` is told when no such
 * lock can be taken here (not Linux).
 */
async function lockDatabaseId(dbFile: string, id: string, warn: (message: string) => void): Promise<DatabaseIdLock> {
  if (process.platform !== 'linux') {
    warn('a copy of this database started elsewhere is not refused here: the lock on its id needs Linux (an abstract Unix socket)');
    return { release: () => Promise.resolve() };
  }
  const me: RunningRecord = { pid: process.pid, host: hostname(), since: new Date().toISOString(), db: path.resolve(dbFile) };
  const server = createServer((socket) => {
    socket.on('error', () => undefined); // a caller gone mid-answer is no error of the service's
    socket.end(`${JSON.stringify(me)}\n`);
  });
  const failed = await listen(server, socketName(id));
  if (failed?.code === 'EADDRINUSE') {
    throw new StoreError(
      dbFile,
      `${dbFile} is a copy of the database another notecast is running on (${describe(await askHolder(id))}): a backup, or the state copied, carries its id. ` +
        `Only one notecast may run per database (two would announce every note twice), copies included, --moved and --after-restore included: stop the other one first. ` +
        `To announce to other chats beside it, give this one a database of its own (a new --db, not a copy: notes already there are recorded without being announced).`,
    );
  }
  if (failed) throw new StoreError(dbFile, `cannot lock the database's id (${id}): ${failed.message}`);
  server.unref(); // the service's own work keeps the process alive, never this lock
  return {
    release: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface StateLocks {
  /** With the database open: its id written if it had none, and locked if it was not yet. */
  afterOpen(store: Store): Promise<void>;
  /** Resolves once every lock is let go. */
  release(): Promise<void>;
}

/**
 * The locks a service holds on its state: the database's file (lock.ts) and, when the database
 * already has an id, that id, both before anything is written (a refused start writes nothing);
 * a database with no id yet gets one, and its lock, once open (`afterOpen`).
 */
export async function acquireStateLocks(dbFile: string, warn: (message: string) => void, lockFile?: FileLocker): Promise<StateLocks> {
  const byFile = await acquireInstanceLock(dbFile, { warn, lockFile });
  if (dbFile === ':memory:') return { afterOpen: () => Promise.resolve(), release: () => byFile.release() };
  let byId: DatabaseIdLock | undefined;
  const peeked = peekDatabaseId(dbFile);
  try {
    if (peeked) byId = await lockDatabaseId(dbFile, peeked, warn);
  } catch (e) {
    await byFile.release();
    throw e;
  }
  return {
    async afterOpen(store) {
      byId ??= await lockDatabaseId(dbFile, ensureDatabaseId(store), warn);
    },
    async release() {
      await byId?.release();
      await byFile.release();
    },
  };
}
