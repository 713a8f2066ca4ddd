/**
 * A start `--after-restore` writes "restore in progress" into the database before anything else
 * and clears it only once its first full scan is recorded. Interrupted in between (kill -9,
 * SIGTERM, SIGINT), it has already written the file's identity and mark anew, so a plain start
 * would pass every check and announce what the backup does not know; finding the record, it
 * carries on as `--after-restore` instead (state.ts), and says so.
 */
import type { Store } from './store.js';
import type { SummaryPayload, Target } from './types.js';

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

/** Why a start `--after-restore` set a queued post aside (outbox `last_error`), and how `status` finds those posts. */
export const SET_ASIDE_AT_RESTORE = 'set aside at a start --after-restore: probably sent after the backup was taken';

/**
 * Why a start `--after-restore` recorded a family's post in a chat that never went out from this database (outbox
 * `last_error`): a member new to the backup brought the family there, and the instance that ran on after the backup
 * most likely posted it, by a message this database does not know (publish/family-outbox.ts recordShownAtRestore).
 */
export const SHOWN_AT_RESTORE = 'recorded as shown at a start --after-restore: probably posted after the backup was taken, its message unknown';

/** Records a post as shown with no known message (a skipped outbox row saying why), inside the batch's transaction. */
export function recordShownUnknown(store: Store, d: { noteId: string; revision: number; target: Target; payload: SummaryPayload }): void {
  store.markDone(store.enqueue({ ...d, kind: 'post' }), null, 'skipped', SHOWN_AT_RESTORE);
}

export interface PostSetAside {
  delivery: number;
  /** The note's id (a family's: the member its post shows), file and title (null for a digest, or a note no longer recorded). */
  note: string | null;
  file: string | null;
  title: string | null;
  target: Target;
  at: number;
}

/** For `status`: the posts a start `--after-restore` set aside, newest first (at most `limit`), each with its note and chat. */
export function postsSetAside(store: Store, limit = 50): PostSetAside[] {
  const rows = store
    // A family's post (note_id `family:<key>`) names the member it shows; its title is the one the post shows.
    .sql(`SELECT o.id, COALESCE(json_extract(o.payload, '$.member'), o.note_id) AS note_id, n.file,
            COALESCE(json_extract(o.payload, '$.summary.title'), json_extract(n.info, '$.title')) AS title, o.platform, o.chat, o.thread, o.updated_at
          FROM outbox o LEFT JOIN notes n ON n.id = COALESCE(json_extract(o.payload, '$.member'), o.note_id)
          WHERE o.status = 'skipped' AND o.last_error = ? ORDER BY o.id DESC LIMIT ?`)
    .all(SET_ASIDE_AT_RESTORE, limit) as { id: number; note_id: string | null; file: string | null; title: unknown; platform: Target['platform']; chat: string; thread: string; updated_at: number }[];
  return rows.map((r) => ({
    delivery: r.id,
    note: r.note_id,
    file: r.file,
    title: typeof r.title === 'string' ? r.title : null,
    target: { platform: r.platform, chat: r.chat, thread: r.thread },
    at: r.updated_at,
  }));
}
