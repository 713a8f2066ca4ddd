/** What `notecast status` and /healthz show: counts by state, paused chats, recent failures. */
import type { Prepare } from './db.js';
import { TELEGRAM_NAME_KEY } from './chat-names.js';
import type { OutboxRecord } from './records.js';
import { withLeftMessageAdvice } from './left-message-advice.js';
import type { Target } from './types.js';

export interface StatusCounts {
  notes: Record<string, number>;
  /** Translation families with a published member: what chats are announced, one message each. */
  families: number;
  subscriptions: number;
  outbox: Record<string, number>;
  /** `name`: the `@username` a config route names the chat by (store/chat-names.ts), shown beside its id. */
  paused: { target: Target; reason: string; pausedAt: number; name?: string }[];
  failures: { id: number; noteId: string | null; target: Target; kind: string; error: string | null; attempts: number }[];
}

/**
 * The paused chats alone, oldest pause first: what a start settles (publish/chat-wants.ts). Not through
 * `readStatus`, whose note and family counts read every note's record (CPU a call: 80-123 ms at 35,000 notes,
 * 266-302 ms at 100,000; a start asked it twice). A chat waiting for the bot (store/paused-chats.ts) is not among them.
 */
export function pausedTargets(sql: Prepare): StatusCounts['paused'] {
  const named = `(SELECT substr(n.key, ${TELEGRAM_NAME_KEY.length + 1}) FROM meta n WHERE p.platform = 'telegram' AND n.key LIKE '${TELEGRAM_NAME_KEY}%' AND n.value = p.chat LIMIT 1) AS name`;
  return (sql(`SELECT p.*, ${named} FROM paused_targets p WHERE NOT EXISTS (SELECT 1 FROM paused_marks m WHERE m.platform = p.platform AND m.chat = p.chat AND m.thread = p.thread AND m.waits_for_bot = 1) ORDER BY paused_at`).all() as { platform: string; chat: string; thread: string; reason: string; paused_at: number; name: string | null }[]).map((r) => ({
    target: { platform: r.platform as Target['platform'], chat: r.chat, thread: r.thread },
    reason: r.reason,
    pausedAt: r.paused_at,
    ...(r.name !== null ? { name: r.name } : {}),
  }));
}

/** Deliveries by status alone: what `sync --once` reports at its end (cli/sync.ts), not the note counts beside them. */
export function outboxCounts(sql: Prepare): StatusCounts['outbox'] {
  return Object.fromEntries((sql('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status').all() as { status: string; n: number }[]).map((r) => [r.status, r.n]));
}

export function readStatus(sql: Prepare): StatusCounts {
  const notes = Object.fromEntries((sql('SELECT state, COUNT(*) AS n FROM notes GROUP BY state').all() as { state: string; n: number }[]).map((r) => [r.state, r.n]));
  const outbox = outboxCounts(sql);
  const subscriptions = (sql('SELECT COUNT(*) AS n FROM subscriptions').get() as { n: number }).n;
  const families = (sql("SELECT COUNT(DISTINCT json_extract(info, '$.translationKey')) AS n FROM notes WHERE state = 'published'").get() as { n: number }).n;
  const paused = pausedTargets(sql);
  const failures = (sql("SELECT * FROM outbox WHERE status = 'failed' ORDER BY id DESC LIMIT 50").all() as OutboxRecord[]).map((r) => ({
    id: r.id,
    noteId: r.note_id,
    target: { platform: r.platform as Target['platform'], chat: r.chat, thread: r.thread },
    kind: r.kind,
    error: r.kind === 'delete' && r.last_error !== null ? withLeftMessageAdvice(sql, r.last_error) : r.last_error,
    attempts: r.attempts,
  }));
  return { notes, families, subscriptions, outbox, paused, failures };
}
