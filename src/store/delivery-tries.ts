/**
 * A delivery's last failed try whose failure said nothing of the chat (a 5xx, no answer: publish/outages.ts judges
 * whose it is), or said the chat is gone before that was judged the chat's alone: when that try went out, how many
 * failures in a row were judged neither the post's nor the platform's, and whether the chat was said gone. Kept with the outbox so a run that ends before the judgement (`sync --once --timeout`, a restart) leaves
 * it to the next: short runs reach what one long run would (an attempt spent, `delivery.maxAttempts` ending it).
 * Taken at each try: a try that is not such a failure (sent, refused, paused) leaves nothing behind.
 */
import type { Prepare } from './db.js';

export interface LastTry {
  /** When the try went out. */
  at: number;
  /** Its failures in a row judged neither the post's nor the platform's, this one included. */
  unjudged: number;
  /** It met "chat not found" (or Discord's Unknown Channel), confirmed, not yet judged the chat's alone. */
  chatGone: boolean;
}

/** The delivery's last failed try, forgotten here: the try going out now replaces it. */
export function takeLastTry(sql: Prepare, delivery: number): LastTry | undefined {
  const r = sql('SELECT tried_at, unjudged, chat_gone FROM delivery_tries WHERE delivery = ?').get(delivery) as { tried_at: number; unjudged: number; chat_gone: number } | undefined;
  if (!r) return undefined;
  sql('DELETE FROM delivery_tries WHERE delivery = ?').run(delivery);
  return { at: r.tried_at, unjudged: r.unjudged, chatGone: r.chat_gone === 1 };
}

/** Keeps a try that failed so; call it inside the transaction that records its outcome. */
export function keepLastTry(sql: Prepare, delivery: number, last: LastTry): void {
  sql(
    `INSERT INTO delivery_tries(delivery, tried_at, unjudged, chat_gone) VALUES (?, ?, ?, ?)
     ON CONFLICT(delivery) DO UPDATE SET tried_at = excluded.tried_at, unjudged = excluded.unjudged, chat_gone = excluded.chat_gone`,
  ).run(delivery, last.at, last.unjudged, last.chatGone ? 1 : 0);
}

/** Tries of deliveries no longer open (called off while they waited): nothing will take them. */
export function dropClosedTries(sql: Prepare): number {
  return sql("DELETE FROM delivery_tries WHERE delivery NOT IN (SELECT id FROM outbox WHERE status IN ('pending', 'sending'))").run().changes;
}
