/**
 * The service's state on disk, opened and let go as one: the database, its lock, its mark, its
 * file's identity and the journal of unrecorded posts (app.ts opens it first and closes it last).
 */
import { errorText, StoreError } from '../errors.js';
import type { Logger } from '../log.js';
import { changedSinceCleanStopProblem, forgetCleanStop, recordCleanStop, untouchedSinceCleanStop } from './clean-stop.js';
import { checkFileIdentity, copiedDatabaseProblem, identityAt, recordFileIdentity, sameFile, type FileIdentity } from './identity.js';
import { corruptionOf } from './db.js';
import { acquireStateLocks } from './database-id-lock.js';
import type { FileLocker } from './file-lock.js';
import { checkMark, markWriter } from './mark.js';
import { SentJournal, sentJournalFile } from './sent-journal.js';
import { recordRestoreStarted, restoreInProgress, SET_ASIDE_AT_RESTORE } from './restore-record.js';
import { Store } from './store.js';
import { sayHeldSetAside } from './uncertain-sends.js';

export interface StateFlags {
  /** `--after-restore`: the database is a restored backup (AppOptions.afterRestore). */
  afterRestore: boolean;
  /** `--moved`: the database is the newest state, moved or copied on purpose (AppOptions.moved). */
  moved: boolean;
  /**
   * The state is no longer this instance's alone: its database file deleted, moved or replaced
   * under it (a second notecast would start on a new one there), or its lock taken by another
   * process. Called once, after an error line; the caller stops.
   */
  onLost?: ((why: string) => void) | undefined;
  /** Takes the lock on the database file itself (LockOptions.lockFile): flock(1) unless given. */
  lockFile?: FileLocker | undefined;
}

export interface OpenState {
  store: Store;
  /** `--after-restore` given, or an earlier such start interrupted before its first scan was recorded (restore-record.ts). */
  afterRestore: boolean;
  sent: SentJournal | undefined;
  markNow(): void;
  /** Resolves once the instance lock is let go too (store/lock.ts). */
  close(): Promise<void>;
  abandon(): void;
}

/**
 * The state, opened in order: the one-instance lock, the database (checked, migrated), its file
 * checked to be the one it recorded (a copy is a restored backup or moved state: refused unless the
 * operator said which, see identity.ts), its mark checked (a database that forgot its newest commits
 * would announce them again: refused) and then written after each commit that moves it (see
 * mark.ts). `close` checkpoints and lets go.
 */
export async function openState(dbPath: string, log: Logger, flags: StateFlags): Promise<OpenState> {
  const owned = ownership(dbPath, log, flags.onLost);
  const lock = await acquireStateLocks(dbPath, (message) => log.warn({ db: dbPath }, message), flags.lockFile);
  let store: Store;
  let stoppedCleanly: string | undefined;
  try {
    // Before anything opens the database: was it written since the last clean stop (clean-stop.ts)?
    if (!flags.afterRestore && !flags.moved) {
      const written = changedSinceCleanStopProblem(dbPath);
      if (written) throw corruptionOf(dbPath) ?? new StoreError(dbPath, written);
    }
    stoppedCleanly = flags.afterRestore ? untouchedSinceCleanStop(dbPath) : undefined;
    forgetCleanStop(dbPath);
    store = new Store(dbPath, {
      check: true,
      onLocked: (waitMs) => log.warn({ db: dbPath, waitMs }, `the database is locked by another process; waiting up to ${Math.round(waitMs / 1000)} s for it`),
    });
  } catch (e) {
    await lock.release();
    throw e;
  }
  let mark: ReturnType<typeof markWriter>, afterRestore: boolean;
  try {
    await lock.afterOpen(store); // before anything is written: a copy beside its running original is refused
    afterRestore = checkOrRestore(dbPath, store, log, flags, stoppedCleanly);
    recordFileIdentity(dbPath, store);
    mark = markWriter(dbPath, store);
  } catch (e) {
    store.close();
    if (e instanceof NotRestoredError) recordCleanStop(dbPath); // refused, untouched: the next start still checks the file
    await lock.release();
    throw e;
  }
  const sent = openSentJournal(dbPath, log);
  const stillOurs = owned.from(fileAt(dbPath));
  const markNow = () => {
    try {
      if (store.db.open && stillOurs()) mark.write();
    } catch (e) {
      log.warn({ err: errorText(e) }, 'could not write the database mark');
    }
  };
  const marking = setInterval(markNow, 1000);
  marking.unref();
  let closed = false;
  return {
    store,
    afterRestore,
    sent,
    markNow,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(marking);
      const ours = stillOurs();
      try {
        if (store.db.open && ours) mark.write();
      } catch {
        // the mark stays a little behind, which only makes its check weaker
      }
      if (store.db.open) store.checkpoint();
      store.close();
      try {
        if (ours) recordCleanStop(dbPath); // the file as this stop leaves it, for the next start to compare
      } catch (e) {
        log.warn({ err: errorText(e) }, 'could not record the clean stop; the next start cannot tell whether the database was written while stopped');
      }
      sent?.close();
      await lock.release();
    },
    abandon() {
      if (closed) return;
      closed = true;
      clearInterval(marking);
      sent?.close();
      store.close();
      void lock.release(); // a kill: nothing waits
    },
  };
}

/**
 * The file and its mark checked, or a restore started (`--after-restore`) or carried on (an
 * earlier such start never recorded its first scan: restore-record.ts). True when the start-up
 * scan is to record new notes without announcing them.
 */
function checkOrRestore(dbPath: string, store: Store, log: Logger, flags: StateFlags, stoppedCleanly: string | undefined): boolean {
  if (flags.afterRestore) {
    if (stoppedCleanly) refuseUnrestored(dbPath, store, stoppedCleanly);
    forgetOpenPostsAfterRestore(store, log);
    return true;
  }
  const since = restoreInProgress(store);
  if (since !== undefined) {
    // That start wrote the identity and mark anew: the checks would pass, and the scan announce what the backup missed.
    log.warn({ since }, 'a start --after-restore was interrupted before its first scan was recorded; this start carries on as --after-restore (notes new to the backup are recorded without being announced)');
    return true;
  }
  if (flags.moved) acceptMoved(dbPath, store, log);
  else checkFileIdentity(dbPath, store);
  checkMark(dbPath, store);
  return false;
}

/** `--after-restore` refused: the database is the very file a clean stop left, untouched since, so no restore happened. */
class NotRestoredError extends StoreError {}

/**
 * `--after-restore` on a database no restore touched would record every note new since the last
 * stop as announced, never announcing it (issue 25, tester). A backup copied over the file, or a
 * folder put in its place, changes what the clean stop recorded (clean-stop.ts), so a file still
 * as that stop left it, whose mark agrees, was not restored: refused, saying so. A mark that does
 * not agree (a lost -wal, a mark damaged) still takes the flag, as its own refusal advises.
 */
function refuseUnrestored(dbPath: string, store: Store, stoppedAt: string): void {
  if (copiedDatabaseProblem(dbPath, store)) return;
  try {
    checkMark(dbPath, store);
  } catch (e) {
    if (e instanceof StoreError) return;
    throw e;
  }
  throw new NotRestoredError(
    dbPath,
    `--after-restore, but ${dbPath} was not restored: it is the file notecast stopped cleanly on (${stoppedAt}), untouched since, and its mark agrees. --after-restore would record every note saved since as announced without announcing it, so notecast does not start. Start without --after-restore. (After a crash, or a backup copied over the files, the flag is taken: see "After a crash, a lost -wal, a restored backup" in docs/operations.md.)`,
  );
}

/** `--moved`: the file is not the one the database recorded, and the operator says it is the newest state. */
function acceptMoved(dbPath: string, store: Store, log: Logger): void {
  const copy = copiedDatabaseProblem(dbPath, store) !== undefined;
  log.warn({ db: dbPath, copy }, copy ? 'started --moved: this database file is new to it (moved or copied), and is taken as the newest state' : 'started --moved: the database is the file it recorded; nothing to accept');
}

/**
 * Whether the state is still this instance's alone: its lock not taken by another (`lose`, from
 * lock.ts), and its path still reaching the database file it opened (`from(opened)` gives the
 * check, run with each mark: once a second). Deleted, moved away or replaced under it, a second
 * notecast would start on a new database there while this one runs (issue 25, tester), and the
 * mark and clean-stop record this one writes there would be another database's: once lost, said
 * in an error line, `onLost` called (the service stops) and nothing more written at the path.
 */
function ownership(dbPath: string, log: Logger, onLost: StateFlags['onLost']) {
  let lost: string | undefined;
  const lose = (why: string) => {
    if (lost) return;
    lost = why;
    log.error({ db: dbPath }, `the state is no longer this notecast's alone: ${why}; stopping, so that no two post the same notes`);
    onLost?.(why);
  };
  const from = (opened: FileIdentity | undefined) => (): boolean => {
    if (lost) return false;
    const now = fileAt(dbPath);
    // The identity check of a start (identity.ts): an inode alone is reused at once when a copy replaces a deleted file.
    if (opened && !(now && sameFile(opened, now))) lose(`${dbPath} was ${now ? 'replaced by another file' : 'deleted or moved away (its folder with it?)'} while this notecast ran on it`);
    return !lost;
  };
  return { lose, from };
}

/** The file at `dbPath` now (undefined: nothing there; `:memory:` has none). */
function fileAt(dbPath: string): FileIdentity | undefined {
  return dbPath === ':memory:' ? undefined : identityAt(dbPath);
}

/** The journal of posts the database could not record (store/sent-journal.ts); none when it cannot be made (said). */
function openSentJournal(dbPath: string, log: Logger): SentJournal | undefined {
  if (dbPath === ':memory:') return undefined;
  try {
    return SentJournal.open(dbPath);
  } catch (e) {
    log.warn({ file: sentJournalFile(dbPath), err: e instanceof Error ? e.message : String(e) }, 'cannot make the journal of unrecorded posts; a post the database then fails to record would be sent again after a restart');
    return undefined;
  }
}

/**
 * Posts a restored backup still had queued were, most likely, sent by the instance that ran on
 * after the backup was taken; sending them again would post them twice (Discord's nonce only
 * recognises a resend within minutes, Telegram has nothing). They are set aside, said in the log.
 */
function forgetOpenPostsAfterRestore(store: Store, log: Logger): void {
  const skipped = store.transaction(() => {
    recordRestoreStarted(store); // before anything else this start writes: cleared once its first scan is recorded
    const aside = store.upkeep.skipOpenPosts(SET_ASIDE_AT_RESTORE);
    sayHeldSetAside(store, SET_ASIDE_AT_RESTORE);
    return aside;
  });
  log.warn({ skipped }, `started --after-restore: the mark is not checked; ${skipped} post(s) the backup still had queued are set aside, and notes new to the backup are recorded without being announced`);
}

/**
 * What a start would refuse on this database, as the start says it, for `status` and `check`: its
 * file written since the last clean stop (clean-stop.ts), a copy (identity.ts), else fewer records than its mark (mark.ts); undefined when it would start.
 */
export function startRefusal(dbPath: string, store: Store): string | undefined {
  const written = changedSinceCleanStopProblem(dbPath);
  if (written) return corruptionOf(dbPath)?.message ?? written;
  const copy = copiedDatabaseProblem(dbPath, store);
  if (copy) return copy;
  try {
    checkMark(dbPath, store);
    return undefined;
  } catch (e) {
    if (e instanceof StoreError) return e.message;
    throw e;
  }
}
