/** Opens the SQLite state file (WAL) and brings its schema up to date. */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { OutdatedStoreError, StoreError } from '../errors.js';
import { OLDER_MESSAGES_TABLE } from './older-messages.js';
import { HELD_COLUMNS } from './held-unanswered.js';
import { withoutColumnsThere } from './add-columns.js';

export type Db = Database.Database;
export type Statement = Database.Statement;
/** A prepared statement by its SQL, prepared once (Store.sql). */
export type Prepare = (sql: string) => Statement;

/** Each entry upgrades the schema by one version; never edit a shipped entry, append a new one. */
const MIGRATIONS: string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  -- One row per note ever seen. state: published | draft | scheduled | deleted | error.
  CREATE TABLE notes (
    id TEXT PRIMARY KEY,
    file TEXT NOT NULL,
    hash TEXT NOT NULL,
    summary_hash TEXT,
    state TEXT NOT NULL,
    due_at INTEGER,
    revision INTEGER NOT NULL DEFAULT 0,
    announced INTEGER NOT NULL DEFAULT 0,
    info TEXT NOT NULL DEFAULT '{}',
    summary TEXT,
    error TEXT,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX notes_due ON notes(due_at) WHERE due_at IS NOT NULL;

  -- Chats that subscribed from inside the chat. filter is the JSON of a Filter.
  CREATE TABLE subscriptions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    platform TEXT NOT NULL,
    chat TEXT NOT NULL,
    thread TEXT NOT NULL DEFAULT '',
    filter TEXT NOT NULL DEFAULT '{}',
    created_by TEXT,
    created_at INTEGER NOT NULL,
    UNIQUE (platform, chat, thread, filter)
  );

  -- Targets that failed permanently (no access, chat gone) and are paused until resumed.
  CREATE TABLE paused_targets (
    platform TEXT NOT NULL,
    chat TEXT NOT NULL,
    thread TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL,
    paused_at INTEGER NOT NULL,
    PRIMARY KEY (platform, chat, thread)
  );

  -- Every delivery, committed before anything is sent. status: pending | sending | done | failed | skipped.
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    note_id TEXT,
    revision INTEGER NOT NULL DEFAULT 0,
    platform TEXT NOT NULL,
    chat TEXT NOT NULL,
    thread TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    message_id TEXT,
    nonce TEXT NOT NULL,
    last_error TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX outbox_open ON outbox(platform, chat, thread, id) WHERE status IN ('pending', 'sending');
  CREATE INDEX outbox_note ON outbox(note_id, platform, chat, thread);

  -- Where each note's announcement lives in each chat, for edits and deletes.
  CREATE TABLE posts (
    note_id TEXT NOT NULL,
    platform TEXT NOT NULL,
    chat TEXT NOT NULL,
    thread TEXT NOT NULL DEFAULT '',
    message_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    via_digest INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (note_id, platform, chat, thread)
  );
  `,
  // Translation families: members are found by their key; a subscription keeps the chat's language.
  `
  CREATE INDEX notes_family ON notes(json_extract(info, '$.translationKey'));
  ALTER TABLE subscriptions ADD COLUMN locale TEXT;
  `,
  // The lookup index lives here, beside the notes it describes (see store/fts.ts). A database from an
  // earlier release has no rows in it yet: its notes are indexed once, in the background (search/backfill.ts).
  `
  -- Titles, tags and the title's CJK runs (grams): what autocomplete asks at every keystroke.
  -- Typed prefixes of one to three characters have their own index, not merged from every word they start.
  CREATE VIRTUAL TABLE note_titles USING fts5(
    title, tags, grams,
    content = '', contentless_delete = 1, prefix = '1 2 3',
    tokenize = 'unicode61 remove_diacritics 2'
  );
  -- Every word of the note (title, tags and prose), asked when titles find nothing or for a
  -- submitted lookup. No prefix indexes (a third of the size); positions kept, which bm25 needs
  -- to rank (with detail = none every match scores 0).
  CREATE VIRTUAL TABLE note_words USING fts5(
    words,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
  );
  CREATE VIRTUAL TABLE note_title_terms USING fts5vocab(note_titles, 'col');
  -- The content hash the note's index row was made from; NULL: not indexed yet.
  ALTER TABLE notes ADD COLUMN indexed_hash TEXT;
  CREATE INDEX notes_file ON notes(file);
  -- The file's "mtimeMs:size:recordedAtMs" when its content was last read (see publisher.ts, readChanged).
  ALTER TABLE notes ADD COLUMN seen TEXT;
  CREATE INDEX notes_published_date ON notes(json_extract(info, '$.date')) WHERE state = 'published';
  `,
  `
  -- publish.waitUntilLive: pages asked before their note's first post. A first post whose page is
  -- 'waiting' or 'held' leaves its chat's queue (see live-pages.ts) so it holds no other note.
  CREATE TABLE live_pages (
    url TEXT PRIMARY KEY,
    state TEXT NOT NULL,          -- waiting | live | posted-anyway | held
    first_at INTEGER NOT NULL,
    next_check_at INTEGER,
    checks INTEGER NOT NULL DEFAULT 0,
    last_result TEXT,
    updated_at INTEGER NOT NULL
  );
  `,
  // Japanese runs are now paired across the long-vowel mark ー and its kin (search/text.ts
  // CJK_COMMON_LETTERS): rows written before split データベース into pieces no query matches. The rows
  // go ('delete-all', the command for contentless tables: https://sqlite.org/fts5.html#the_delete_all_command)
  // and the background backfill (search/backfill.ts) writes every note's again.
  `
  INSERT INTO note_titles(note_titles) VALUES ('delete-all');
  INSERT INTO note_words(note_words) VALUES ('delete-all');
  UPDATE notes SET indexed_hash = NULL WHERE indexed_hash IS NOT NULL;
  `,
  // A file new to the store may be the other half of a move whose removal is not reported yet
  // (publish/late-removals.ts): its content digest finds the note it was, without reading them all.
  `
  CREATE INDEX IF NOT EXISTS notes_hash ON notes(hash);
  `,
  // The family messages that show a note (payload.member): found whatever family they are under
  // now, a note renamed while \`translations: separate\` having left its family's (issue 25, finding 4).
  // Partial: only rows with a member; \`member = ?\` implies it (https://sqlite.org/partialindex.html, 3.0).
  `
  CREATE INDEX IF NOT EXISTS outbox_member ON outbox(json_extract(payload, '$.member')) WHERE json_extract(payload, '$.member') IS NOT NULL;
  `,
  // Copies kept back (store/kept-copies.ts) are looked for at every batch: among the few published
  // notes never announced, not through every note (40 ms a batch at 35,000 notes without it).
  `
  CREATE INDEX IF NOT EXISTS notes_unannounced ON notes(file) WHERE announced = 0 AND state = 'published';
  `,
  // A file new to the store, moved and edited at once, may be a known note whose removal is not
  // reported yet: found by its title or URL (publish/late-removals.ts), not by reading every note.
  `
  CREATE INDEX IF NOT EXISTS notes_title ON notes(json_extract(info, '$.title'));
  CREATE INDEX IF NOT EXISTS notes_url ON notes(json_extract(info, '$.url'));
  `,
  // A translation added under a post's new date finds the family its re-dated members kept
  // (publish/family-redate.ts) by the key they write. Partial: only notes held under another key.
  `
  CREATE INDEX IF NOT EXISTS notes_key_written ON notes(json_extract(info, '$.keyAsWritten')) WHERE json_extract(info, '$.keyAsWritten') IS NOT NULL;
  `,
  // A kept deleted note is found by its text without controls (store/move-sources.ts keptDeletedNotes): the notes that
  // write controls by this digest, the others by \`hash\` (notes_hash). Partial: only notes writing controls.
  `
  CREATE INDEX IF NOT EXISTS notes_bare_hash ON notes(json_extract(info, '$.bareHash')) WHERE json_extract(info, '$.bareHash') IS NOT NULL;
  `,
  // Beside a paused chat's row: a chat nothing names any more keeps the edits and deletes of the messages it shows, waiting
  // for the platform to say the bot is back there (\`waits_for_bot\`: not shown as paused); \`bot_back_at\`: when it last said
  // so since the refusal (store/paused-chats.ts, publish/chat-wants.ts). A table of its own: migrations run again are harmless.
  `
  CREATE TABLE IF NOT EXISTS paused_marks (
    platform TEXT NOT NULL,
    chat TEXT NOT NULL,
    thread TEXT NOT NULL DEFAULT '',
    waits_for_bot INTEGER NOT NULL DEFAULT 0,
    bot_back_at INTEGER,
    PRIMARY KEY (platform, chat, thread)
  );
  `,
  // A delivery's last failed try while it is not yet known whose the failure is (publish/outages.ts): when it went out, how
  // many failures in a row were judged neither the post's nor the platform's. Kept here, not in memory, so short runs (\`sync --once --timeout\`) go on from where the last left off (store/delivery-tries.ts); a table of its own, as above.
  `
  CREATE TABLE IF NOT EXISTS delivery_tries (
    delivery INTEGER PRIMARY KEY,
    tried_at INTEGER NOT NULL,
    unjudged INTEGER NOT NULL DEFAULT 0
  );
  `,
  // The posts whose send may have reached the chat (an answer lost, or a stop caught them mid-send): a post called off
  // after that may show there, and its nonce goes with the note's next post to that chat (store/maybe-sent.ts).
  `
  CREATE TABLE IF NOT EXISTS maybe_sent (delivery INTEGER PRIMARY KEY);
  `,
  // A delivery's kept try goes where the delivery closes (sent, failed, called off, skipped: whichever path closes it), in
  // the same statement's transaction: nothing will take it (store/delivery-tries.ts). Tries already left behind go now.
  `
  CREATE TRIGGER IF NOT EXISTS delivery_tries_closed AFTER UPDATE OF status ON outbox
  WHEN NEW.status NOT IN ('pending', 'sending')
  BEGIN DELETE FROM delivery_tries WHERE delivery = NEW.id; END;
  CREATE TRIGGER IF NOT EXISTS delivery_tries_dropped AFTER DELETE ON outbox
  BEGIN DELETE FROM delivery_tries WHERE delivery = OLD.id; END;
  DELETE FROM delivery_tries WHERE delivery NOT IN (SELECT id FROM outbox WHERE status IN ('pending', 'sending'));
  `,
  // When a post's latest send that may have reached the chat went out: a delete that looks for that send's message after
  // the post was called off (\`onDelete: delete\`) asks Discord by its nonce only within the nonce's window (store/maybe-sent.ts).
  `
  CREATE TABLE IF NOT EXISTS maybe_sent_at (delivery INTEGER PRIMARY KEY, sent_at INTEGER NOT NULL);
  `,
  // The looks for a called-off post's message (publish/called-off-find.ts), by that post, with the first look's time: a
  // look owns the post's nonce (never handed on to the note's next post), and its retry is judged from that time.
  `
  CREATE TABLE IF NOT EXISTS called_off_looks (delivery INTEGER PRIMARY KEY, looked_at INTEGER NOT NULL);
  `,
  // The deletes that have left at least once, answered or not (store/under-way.ts): a try whose attempt is given back (an
  // answer lost, a rate limit) may still have deleted the message. Kept by trigger on every path that sends it.
  `
  CREATE TABLE IF NOT EXISTS deletes_left (delivery INTEGER PRIMARY KEY);
  CREATE TRIGGER IF NOT EXISTS deletes_left_sent AFTER UPDATE OF status ON outbox WHEN NEW.status = 'sending' AND NEW.kind = 'delete'
  BEGIN INSERT OR IGNORE INTO deletes_left(delivery) VALUES (NEW.id); END;
  CREATE TRIGGER IF NOT EXISTS deletes_left_dropped AFTER DELETE ON outbox BEGIN DELETE FROM deletes_left WHERE delivery = OLD.id; END;
  `,
  OLDER_MESSAGES_TABLE, // a reposted note's older messages (store/older-messages.ts)
  HELD_COLUMNS, // whether a post is held after unanswered sends, and how many went unanswered (store/held-unanswered.ts)
];

/** How many schema versions this release knows; tests build databases of earlier releases from the first ones. */
export const SCHEMA_VERSIONS = MIGRATIONS.length;

/** The migrations up to `version`, to build a database as an earlier release left it (tests). */
export function migrationsUpTo(version: number): readonly string[] {
  return MIGRATIONS.slice(0, version);
}

export interface OpenDbOptions {
  /** How long a statement waits for a database another process holds locked. */
  busyTimeoutMs?: number;
  /** Run `PRAGMA quick_check` (start and status do; it reads every page once). */
  check?: boolean;
  /**
   * For the service, which writes: the database is opened with a short wait and a write lock taken
   * and given back at once; when another process holds it, `onLocked` is told and the open waits
   * up to `lockedWaitMs` before giving up with a `StoreError`. Never a silent hang.
   */
  onLocked?: (waitMs: number) => void;
  lockedWaitMs?: number;
  /** For readers (`status`): opened read-only, never migrated nor switched to WAL, so nothing is ever written (a read-only mount works too). */
  readOnly?: boolean;
}

const FIRST_LOOK_MS = 1000;

/** Opens and checks the database; every failure is a one-line `StoreError` naming the file and what to do. */
export function openDb(file: string, opts: OpenDbOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const busyTimeoutMs = opts.busyTimeoutMs ?? 5000;
  const firstWait = opts.onLocked ? Math.min(FIRST_LOOK_MS, busyTimeoutMs) : busyTimeoutMs;
  try {
    return openWaiting(file, opts, firstWait, busyTimeoutMs);
  } catch (e) {
    if (!opts.onLocked || (e as { code?: string }).code !== 'SQLITE_BUSY') throw storeError(file, e, firstWait);
    const wait = opts.lockedWaitMs ?? 30_000;
    opts.onLocked(wait);
    try {
      return openWaiting(file, opts, wait, busyTimeoutMs);
    } catch (e2) {
      throw storeError(file, e2, firstWait + wait);
    }
  }
}

/** Opens with `openWaitMs` for the locks the opening takes, then `busyTimeoutMs` for everything after. */
function openWaiting(file: string, opts: OpenDbOptions, openWaitMs: number, busyTimeoutMs: number): Db {
  let db: Db | undefined;
  try {
    db = opts.readOnly ? openReadOnly(file, openWaitMs) : new Database(file, { timeout: openWaitMs });
    configure(db, opts, file);
    if (opts.onLocked) db.exec('BEGIN IMMEDIATE; ROLLBACK'); // can we write? (waits like any write would)
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    return db;
  } catch (e) {
    db?.close();
    throw e;
  }
}

/**
 * A read-only connection. A WAL database whose folder holds no -wal and -shm and cannot be written
 * (a read-only mount of a cleanly stopped state) cannot be opened so: SQLite needs to make the
 * -shm (https://sqlite.org/wal.html#readonly: only if "the -shm and -wal files already exists or
 * those files can be created or the database is immutable"), and this build takes no `immutable`
 * URI (better-sqlite3: SQLITE_USE_URI=0). Without a -wal the file alone is the whole database, so
 * a copy of it in memory is read, marked as a rollback-journal file (header bytes 18-19 set to 1:
 * https://sqlite.org/fileformat2.html#file_format_version_numbers), since a memory database takes no WAL.
 */
function openReadOnly(file: string, timeout: number): Db {
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout });
    db.pragma('user_version'); // SQLite opens the file at the first read: the -shm is wanted here
    return db;
  } catch (e) {
    db?.close();
    if ((e as { code?: string }).code !== 'SQLITE_CANTOPEN' || !existsSync(file) || existsSync(`${file}-wal`)) throw e;
    const image = readFileSync(file);
    if (image.length >= 100) image[18] = image[19] = 1;
    return new Database(image, { readonly: true });
  }
}

function storeError(file: string, e: unknown, waitedMs: number): StoreError {
  if (e instanceof StoreError) return e;
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return corrupted(file, (e as Error).message);
  if (code === 'SQLITE_BUSY') return new StoreError(file, `${file} stayed locked by another process for ${Math.round(waitedMs / 1000)} s; is something else using it (a sqlite3 shell, a backup)? Stop it, then start again.`);
  return new StoreError(file, `cannot open ${file}: ${(e as Error).message}`);
}

/** The database is locked, full, read-only or failing: worth trying again later, not the data's fault. */
export function isStoreUnavailable(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|PROTOCOL|NOMEM)/.test(code);
}

/**
 * The corruption `PRAGMA quick_check` finds in `file`, or undefined: asked before another refusal,
 * since garbage written over the file also changes it after a clean stop, and a corrupt file needs
 * a backup, not `--after-restore`.
 */
export function corruptionOf(file: string): StoreError | undefined {
  let db: Db | undefined;
  try {
    db = new Database(file, { fileMustExist: true, timeout: FIRST_LOOK_MS });
    return quickCheck(db, file);
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' ? corrupted(file, (e as Error).message) : undefined;
  } finally {
    db?.close();
  }
}

/** What `PRAGMA quick_check` finds wrong in an open database, as the error naming `file`, or undefined. */
function quickCheck(db: Db, file: string): StoreError | undefined {
  const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).filter((r) => r !== 'ok');
  return problems.length ? corrupted(file, problems.slice(0, 2).join('; ')) : undefined;
}

function corrupted(file: string, detail: string): StoreError {
  return new StoreError(
    file,
    `${file} is corrupted (${detail.split('\n')[0]}). Restore it from a backup (the .db, -wal and -shm files together), or move the three files away and start again: the notes already there are then recorded without being announced again (leave --announce-existing off).`,
  );
}

function configure(db: Db, opts: OpenDbOptions, file: string): void {
  if (opts.check) {
    const problem = quickCheck(db, file);
    if (problem) throw problem;
  }
  if (opts.readOnly) {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < MIGRATIONS.length) throw new OutdatedStoreError(file, version, MIGRATIONS.length);
    return;
  }
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode survives process crashes (kill -9); only an OS crash can lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // 4 MB of page cache instead of better-sqlite3's 16 (SQLITE_DEFAULT_CACHE_SIZE=-16000 in its
  // deps/defines.gypi; https://sqlite.org/pragma.html#pragma_cache_size): pages the cache drops
  // are read again from the system's file cache. A cold start of 10,000 notes went idle at 142 MiB
  // instead of 153, in the same time and CPU (issue 31).
  db.pragma('cache_size = -4000');
  migrate(db);
}

/**
 * Every pending migration in one transaction: a fresh database is written in one commit, not one
 * a version each rewriting the schema pages (its log 36 frames instead of 55; a fresh open 8.2 → 6.5 ms
 * of CPU), and an upgrade stopped half way (a crash, a full disk) leaves the release's database as it was.
 */
function migrate(db: Db): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version >= MIGRATIONS.length) return;
  db.transaction(() => {
    for (let v = version; v < MIGRATIONS.length; v++) db.exec(withoutColumnsThere(db, MIGRATIONS[v]!));
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  })();
}
