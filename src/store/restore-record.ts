/**
 * A start `--after-restore` writes "restore in progress" into the database before anything else
 * and clears it only once its first full scan is recorded. Interrupted in between (kill -9,
 * SIGTERM, SIGINT), it has already written the file's identity and mark anew, so a plain start
 * would pass every check and announce what the backup does not know; finding the record, it
 * carries on as `--after-restore` instead (state.ts), and says so.
 */
import type { Store } from './store.js';

const RESTORE_IN_PROGRESS = 'restore.inProgress';

/** Written in the same transaction as the posts a restore sets aside, so both or neither stand. */
export function recordRestoreStarted(store: Store, now = new Date()): void {
  store.setMeta(RESTORE_IN_PROGRESS, now.toISOString());
}

/** When the unfinished `--after-restore` start began, if one never recorded its first scan. */
export function restoreInProgress(store: Store): string | undefined {
  return store.getMeta(RESTORE_IN_PROGRESS);
}

/** The first full scan after the restore is recorded: later starts are plain ones again. */
export function recordRestoreScanned(store: Store): void {
  store.db.prepare('DELETE FROM meta WHERE key = ?').run(RESTORE_IN_PROGRESS);
}
