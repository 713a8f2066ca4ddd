/**
 * Notes a start `--after-restore` recorded without announcing (decide.ts): new to the backup, they
 * were most likely announced by the instance that ran on after it was taken, so they are not posted
 * again, but their messages are unknown to this database, and an edit of one has nothing to edit.
 * Such an edit is never dropped without a word: a warn line says which note and what to do, and
 * `status` lists it (issue 25, tester: "an edit to a note posted after the backup is skipped
 * without a word"). Posting it anew instead would show the note twice where its first post is.
 * Kept in meta as `note id → file` maps; runs inside the batch's transaction.
 */
import { z } from 'zod';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import type { NoteRow } from '../store/types.js';
import { AFTER_RESTORE_WHY, type Action } from './decide.js';

/** Notes recorded by a restore whose messages are unknown: note id → file. */
const UNKNOWN_KEY = 'restore.messagesUnknown';
/** Edits of those notes not sent: note id → file and when the latest was made. */
const NOT_SENT_KEY = 'restore.editsNotSent';

const Unknown = z.record(z.string(), z.string());
const NotSent = z.record(z.string(), z.object({ file: z.string(), at: z.number() }));
export type EditNotSent = { note: string; file: string; at: number };

function read<T>(store: Store, key: string, schema: z.ZodType<T>, empty: T): T {
  const raw = store.getMeta(key);
  // No record (every start but one after a restore): asked once per note decided, so not parsed and refused by the schema each time.
  if (raw === undefined) return empty;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : empty;
  } catch {
    return empty;
  }
}

/**
 * After a note's decision is written: a restore's record remembered, an edit of such a note said
 * (log and status), a removal of one said (its messages cannot be deleted), and the memory let go
 * once the note is posted anew (`announce: again`, or announced again after a delete) or retracted.
 */
function followRestoredNote(store: Store, log: Logger, d: { row: NoteRow; action: Action }): void {
  const unknown = read(store, UNKNOWN_KEY, Unknown, {});
  if (d.action.type === 'none' && d.action.why === AFTER_RESTORE_WHY) {
    store.setMeta(UNKNOWN_KEY, JSON.stringify({ ...unknown, [d.row.id]: d.row.file }));
    return;
  }
  if (!(d.row.id in unknown)) return;
  const notSent = read(store, NOT_SENT_KEY, NotSent, {});
  if (d.action.type === 'update') {
    log.warn(
      { note: d.row.id, file: d.row.file },
      `edit not sent: ${d.row.file} was recorded by a start --after-restore (announced after the backup was taken, most likely), and its messages are not known to this database, so there is nothing to edit; give it \`notecast: {announce: again}\` to post it anew`,
    );
    store.setMeta(NOT_SENT_KEY, JSON.stringify({ ...notSent, [d.row.id]: { file: d.row.file, at: Date.now() } }));
    return;
  }
  if (d.action.type === 'retract') {
    log.warn({ note: d.row.id, file: d.row.file }, `messages not deleted: ${d.row.file} was recorded by a start --after-restore, and its messages are not known to this database; delete them in the chats by hand`);
  }
  if (d.action.type === 'repost' || d.action.type === 'announce' || d.action.type === 'retract') {
    const { [d.row.id]: _gone, ...rest } = unknown;
    const { [d.row.id]: _said, ...restNotSent } = notSent;
    store.setMeta(UNKNOWN_KEY, JSON.stringify(rest));
    store.setMeta(NOT_SENT_KEY, JSON.stringify(restNotSent));
  }
}

/**
 * `followRestoredNote` for the decisions of one commit. Where no restore left notes to follow (every database but
 * one restored with notes of unknown messages) it has nothing to do but for a note a restore records now, and
 * that is known from one read of the store, not one per note (a first start's 35,000 decisions: issue 31).
 */
export function restoredNotesFollower(store: Store, log: Logger): (d: { row: NoteRow; action: Action }) => void {
  let following = store.getMeta(UNKNOWN_KEY) !== undefined;
  return (d) => {
    if (!following && !(d.action.type === 'none' && d.action.why === AFTER_RESTORE_WHY)) return;
    followRestoredNote(store, log, d);
    following = true;
  };
}

/** Whether `noteId` is a note a start `--after-restore` recorded whose messages are still unknown (its edits are said here). */
export function messagesUnknownSinceRestore(store: Store, noteId: string): boolean {
  return noteId in read(store, UNKNOWN_KEY, Unknown, {});
}

/** For `status`: the edits not sent because their notes' messages are unknown since a restore. */
export function editsNotSent(store: Store): EditNotSent[] {
  return Object.entries(read(store, NOT_SENT_KEY, NotSent, {})).map(([note, e]) => ({ note, ...e }));
}
