/**
 * Messages that may still be in a chat after their note went (issue 25, tester F1): a send whose answer never came (or a
 * stop caught in flight) may have made a message no record knows. With `onDelete: delete` the note's delete removes the
 * message it knows; the other one can be found only where the platform allows it (publish/called-off-find.ts: Discord's
 * nonce, a forum's active threads). Telegram cannot (no idempotency key, no way to read a chat's messages, a message
 * deleted only by its id: core.telegram.org/bots/api#deletemessage), and a Discord look may give up. Each such message
 * is kept here for `status`, so the operator can look in the chat and delete it by hand. The latest fifty, and a count.
 * The looks themselves (queued deletes that first learn the message) show from the outbox while they wait or once failed.
 */
import { z } from 'zod';
import type { Statement } from './db.js';
import type { Target } from './types.js';

const META_KEY = 'deliveries.leftInChats';

/** The store's meta, as a structure (store.ts, or a move in a transaction: chat-names.ts): no import of the store itself. */
interface Meta {
  getMeta(key: string): string | undefined;
  setMeta(key: string, value: string): void;
}
const KEPT = 50;

const leftSchema = z.object({
  /** The post whose send may have made the message. */
  delivery: z.number(),
  note: z.string().nullable(),
  target: z.string(),
  /** When that send went out (ms), if known. */
  sentAt: z.number().nullable(),
  /** When it became known the message, if there, stays. */
  at: z.number(),
  why: z.string(),
});
const recordSchema = z.object({ total: z.number().int().min(0), recent: z.array(leftSchema) });

export type LeftInChat = z.infer<typeof leftSchema>;
export type LeftInChats = z.infer<typeof recordSchema>;

export function readLeftInChats(store: Pick<Meta, 'getMeta'>): LeftInChats {
  const raw = store.getMeta(META_KEY);
  if (!raw) return { total: 0, recent: [] };
  try {
    return recordSchema.parse(JSON.parse(raw));
  } catch {
    return { total: 0, recent: [] }; // a record we cannot read: counting starts again
  }
}

/** Keeps one message that may stay in its chat; a post kept before is kept once (its latest reason). */
export function keepLeftInChat(store: Meta, left: LeftInChat): void {
  const now = readLeftInChats(store);
  const known = now.recent.some((r) => r.delivery === left.delivery);
  const next: LeftInChats = { total: now.total + (known ? 0 : 1), recent: [left, ...now.recent.filter((r) => r.delivery !== left.delivery)].slice(0, KEPT) };
  store.setMeta(META_KEY, JSON.stringify(next));
}

/** A look for a called-off post's message (a delete with `calledOff`) that waits or that failed. */
export interface CalledOffLook {
  delivery: number;
  calledOff: number;
  note: string | null;
  target: Target;
  state: 'waiting' | 'failed';
  since: number;
  attempts: number;
  lastError: string | null;
}

/** The looks waiting (pending, or caught in flight) and failed, oldest first. */
export function calledOffLooks(store: { sql: (text: string) => Statement }): CalledOffLook[] {
  const rows = store.sql(
    `SELECT id, note_id, platform, chat, thread, status, created_at, attempts, last_error, json_extract(payload, '$.calledOff') AS called_off
     FROM outbox WHERE kind = 'delete' AND status IN ('pending', 'sending', 'failed') AND json_extract(payload, '$.calledOff') IS NOT NULL ORDER BY id LIMIT 50`,
  ).all() as { id: number; note_id: string | null; platform: Target['platform']; chat: string; thread: string; status: string; created_at: number; attempts: number; last_error: string | null; called_off: number }[];
  return rows.map((r) => ({
    delivery: r.id,
    calledOff: r.called_off,
    note: r.note_id,
    target: { platform: r.platform, chat: r.chat, thread: r.thread },
    state: r.status === 'failed' ? 'failed' : 'waiting',
    since: r.created_at,
    attempts: r.attempts,
    lastError: r.last_error,
  }));
}
