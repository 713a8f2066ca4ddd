/**
 * What a message shows, as far as an edit is concerned: two payloads a chat would see alike, and an edit whose turn
 * came when its message shows its content already. README: no chat gets an edit that leaves its text as it is.
 */
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import type { OutboxRow, SummaryPayload } from '../store/types.js';
import type { Summary } from '../summary/build.js';
import type { DeliveryEvent, LogContext } from './outcomes.js';

/**
 * Whether a chat would see the same message (which note's record it came from aside: a rename
 * changes only that; nor do a post's `silent` and `pin`, which an edit does not carry, nor an edit's `insteadOfPost`). Nor do the
 * controls the summary's `page` (front matter for templates) holds: controls never edit a message for
 * a change of them alone (README; issue 25, tester 22 F3: each `routes`/`silent` save sent an edit of
 * identical text to every chat the family was in).
 */
export function sameContent(a: SummaryPayload | undefined, b: SummaryPayload): boolean {
  const shown = (p: SummaryPayload) => JSON.stringify({ ...p, summary: withoutControls(p.summary), member: undefined, silent: undefined, pin: undefined, digestAt: undefined, insteadOfPost: undefined });
  return !!a && shown(a) === shown(b);
}

/** A summary with its front matter's controls (`notecast:`, the older top-level `announce:`) left out. */
function withoutControls(summary: Summary): Summary {
  if (!summary.page) return summary;
  const { notecast: _controls, announce: _announce, ...page } = summary.page;
  return { ...summary, page };
}

/**
 * Whether an edit, its turn come (every earlier delivery of its chat settled), would show what its message shows
 * already: its content is that of the newest post or edit of the message sent before it. An edit waiting (an outage, a
 * retry's backoff) is given the note's newest content by each batch (family-outbox.ts, note-outbox.ts); a later
 * change that undid the first (a translation added, then removed before the edit went out: issue 25, the model's seed
 * 311 class, which failed in CI under load) leaves it with the content the message shows. Asked only here, when it
 * goes: what a batch sees of it then may still change (a send of the chat in flight, a retry). A digest's line (a
 * `digest` payload) is not judged here, nor an edit `insteadOfPost` (store/under-way.ts): it must ask the platform.
 */
export function editChangesNothing(store: Pick<Store, 'postOf' | 'upkeep'>, row: OutboxRow): row is Extract<OutboxRow, { kind: 'edit' }> {
  if (row.kind !== 'edit' || row.payload.type !== 'summary') return false;
  // Made of a post in a delete's shadow: only the platform knows whether the message is there (not: "not modified").
  if (row.payload.insteadOfPost) return false;
  const post = store.postOf(row.noteId, row.target);
  if (!post || post.viaDigest) return false;
  return sameContent(store.upkeep.lastSentPayload(row.noteId, row.target, row.id), row.payload);
}

/** What recording a shown edit needs of the deliverer: its store, log, events and outcome writer (retried while the store fails). */
export interface ShownDeps {
  store: Pick<Store, 'postOf' | 'transaction' | 'markDone' | 'putPost'>;
  log: Logger;
  onEvent: (e: DeliveryEvent) => void;
  record: (logCtx: LogContext, write: () => void) => Promise<void>;
}

/** An edit whose message shows its content already (`editChangesNothing`): recorded as what the message shows (done, as a sent edit is), never sent. */
export async function recordShown(deps: ShownDeps, row: Extract<OutboxRow, { kind: 'edit' }>, logCtx: LogContext): Promise<void> {
  const { store } = deps;
  const messageId = store.postOf(row.noteId, row.target)?.messageId ?? null;
  await deps.record(logCtx, () => store.transaction(() => {
    store.markDone(row.id, messageId);
    if (messageId !== null) store.putPost(row.noteId, row.target, messageId, row.revision);
  }));
  deps.log.info({ ...logCtx, messageId }, 'edit not sent: its message shows this already');
  deps.onEvent({ row, outcome: 'skipped' });
}
