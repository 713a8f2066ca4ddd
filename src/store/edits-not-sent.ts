/**
 * Edits that found no message to change in a chat that wants the note (issue 25, tester: "edits
 * after a set-aside post are lost without a word"; "edits after a restore go to deleted message
 * ids, status silent"). The chat's last post or edit of the note did not go out, or found its
 * message gone: a post a start `--after-restore` set aside, one the platform refused or that gave up,
 * an edit answered "message gone" (Discord 10008 Unknown Message: discord-api-docs,
 * topics/opcodes-and-status-codes.mdx; Telegram "message to edit not found", which the Bot API
 * answers for a message since deleted: TelegramBotAPI/errors#7). Such an edit
 * is not sent and not posted anew (the chat may show the note already: a set-aside post most likely
 * went out, a message deleted in the chat was deleted by someone; docs/operations.md), but never
 * without a word: it is kept as a skipped `edit` row of the outbox saying why, which `status` lists.
 */
import type { Store } from './store.js';
import type { SummaryPayload, Target } from './types.js';
import { SET_ASIDE_AT_RESTORE, SHOWN_AT_RESTORE } from './restore-record.js';
import { CHAT_MOVED_KEY } from './chat-move.js';

/** How an edit not sent begins its outbox `last_error`: what `status` lists. */
export const EDIT_NOT_SENT = 'edit not sent';

const POST_SET_ASIDE = 'its post there was set aside at a start --after-restore (most likely sent after the backup was taken)';
const RECORDED_SHOWN = 'it was recorded as shown there by a start --after-restore (most likely posted after the backup was taken), and its message is not known to this database';

/** The last post or edit of `noteId` in a chat, as recorded. */
interface LastChange {
  kind: string;
  status: string;
  last_error: string | null;
}

/**
 * Why `noteId` has no message in `target` that an edit could change, when its last post or edit
 * there did not go out or found its message gone; undefined when it never had one there (a note a
 * first run recorded, a chat that never wanted it): nothing to say then.
 */
export function noMessageBecause(store: Store, noteId: string, target: Target): string | undefined {
  const last = store
    .sql(`SELECT kind, status, last_error FROM outbox WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ? AND kind IN ('post', 'edit')
          AND status IN ('done', 'failed', 'skipped') ORDER BY id DESC LIMIT 1`)
    .get(noteId, target.platform, target.chat, target.thread) as LastChange | undefined;
  if (!last || last.status === 'done') return undefined;
  const why = last.last_error ?? 'unknown';
  if (last.status === 'failed') return `its ${last.kind} there failed (${why})`;
  if (last.kind === 'post' && why === SET_ASIDE_AT_RESTORE) return POST_SET_ASIDE;
  if (last.kind === 'post' && why === SHOWN_AT_RESTORE) return RECORDED_SHOWN;
  if (last.kind !== 'edit') return undefined; // called off on purpose (deleted, drafted, routed elsewhere before it went)
  // An earlier edit not sent says the first cause again; an edit that found the message gone says so.
  return why.startsWith(`${EDIT_NOT_SENT}: `) ? why.slice(EDIT_NOT_SENT.length + 2) : `its message there is gone (${why})`;
}

/**
 * Whether `noteId` most likely has a message in `target` that this database does not know since a restore: its post
 * there set aside, or recorded as shown, by a start `--after-restore`, and nothing sent there since. Never posted
 * there again but on `announce: again`; its changes are edits not sent.
 */
export function messageUnknownSinceRestore(store: Store, noteId: string, target: Target): boolean {
  const why = noMessageBecause(store, noteId, target);
  return why === POST_SET_ASIDE || why === RECORDED_SHOWN;
}

/** Keeps an edit not sent, with why, as a skipped outbox row (inside the batch's transaction). */
export function recordEditNotSent(store: Store, e: { noteId: string; revision: number; target: Target; payload: SummaryPayload; why: string }): void {
  const id = store.enqueue({ noteId: e.noteId, revision: e.revision, target: e.target, kind: 'edit', payload: e.payload });
  store.markDone(id, null, 'skipped', `${EDIT_NOT_SENT}: ${e.why}`);
}

export interface EditNotSentToChat {
  delivery: number;
  /** The note's id, or `family:<key>` for a family's message. */
  note: string;
  /** The file of the note the edit shows (a family's: its member's), when still recorded: what an author knows it by. */
  file?: string | undefined;
  target: Target;
  why: string;
  at: number;
}

/**
 * For `status`: per note and chat, the latest edit not sent, unless something went there since (a
 * post anew, `announce: again`), or the chat became another (a group its supergroup: chat-move.ts)
 * that has a message of the note (posted anew there); newest first, at most `limit`.
 */
export function editsNotSentToChats(store: Store, limit = 50): EditNotSentToChat[] {
  const rows = store
    .sql(`SELECT o.id, o.note_id, o.platform, o.chat, o.thread, o.last_error, o.updated_at, n.file FROM outbox o
          LEFT JOIN notes n ON n.id = COALESCE(json_extract(o.payload, '$.member'), o.note_id)
          WHERE o.status = 'skipped' AND o.kind = 'edit' AND o.last_error LIKE ? || ': %'
            AND NOT EXISTS (SELECT 1 FROM outbox l WHERE l.note_id = o.note_id AND l.platform = o.platform AND l.chat = o.chat AND l.thread = o.thread
                            AND l.id > o.id AND l.kind IN ('post', 'edit') AND l.status IN ('done', 'pending', 'sending'))
            AND NOT EXISTS (SELECT 1 FROM meta m JOIN posts p ON p.chat = m.value
                            WHERE m.key = ? || o.platform || ':' || o.chat AND p.note_id = o.note_id AND p.platform = o.platform AND p.thread = o.thread)
            AND o.id = (SELECT MAX(s.id) FROM outbox s WHERE s.note_id = o.note_id AND s.platform = o.platform AND s.chat = o.chat AND s.thread = o.thread
                            AND s.status = 'skipped' AND s.kind = 'edit' AND s.last_error LIKE ? || ': %')
          ORDER BY o.id DESC LIMIT ?`)
    .all(EDIT_NOT_SENT, CHAT_MOVED_KEY, EDIT_NOT_SENT, limit) as { id: number; note_id: string; platform: Target['platform']; chat: string; thread: string; last_error: string; updated_at: number; file: string | null }[];
  return rows.map((r) => ({
    delivery: r.id,
    note: r.note_id,
    file: r.file ?? undefined,
    target: { platform: r.platform, chat: r.chat, thread: r.thread },
    why: r.last_error.slice(EDIT_NOT_SENT.length + 2),
    at: r.updated_at,
  }));
}
