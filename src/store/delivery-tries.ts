/**
 * A delivery's last failed try whose failure said nothing of the chat (a 5xx, no answer: publish/outages.ts judges
 * whose it is): when that try went out, and how many failures in a row were judged neither the post's nor the
 * platform's. Kept with the outbox so a run that ends before the judgement (`sync --once --timeout`, a restart) leaves
 * it to the next: short runs reach what one long run would (an attempt spent, `delivery.maxAttempts` ending it).
 * Taken at each try: a try that is not such a failure (sent, refused, paused) leaves nothing behind.
 */
import type { Prepare } from './db.js';

export interface LastTry {
  /** When the try went out. */
  at: number;
  /** Its failures in a row judged neither the post's nor the platform's, this one included. */
  unjudged: number;
}

/** The delivery's last failed try, forgotten here: the try going out now replaces it. */
export function takeLastTry(sql: Prepare, delivery: number): LastTry | undefined {
  const r = sql('SELECT tried_at, unjudged FROM delivery_tries WHERE delivery = ?').get(delivery) as { tried_at: number; unjudged: number } | undefined;
  if (!r) return undefined;
  sql('DELETE FROM delivery_tries WHERE delivery = ?').run(delivery);
  return { at: r.tried_at, unjudged: r.unjudged };
}

/** Keeps a try that failed so; call it inside the transaction that records its outcome. */
export function keepLastTry(sql: Prepare, delivery: number, last: LastTry): void {
  sql(
    `INSERT INTO delivery_tries(delivery, tried_at, unjudged) VALUES (?, ?, ?)
     ON CONFLICT(delivery) DO UPDATE SET tried_at = excluded.tried_at, unjudged = excluded.unjudged`,
  ).run(delivery, last.at, last.unjudged);
}

/** Tries of deliveries no longer open (called off while they waited): nothing will take them. */
export function dropClosedTries(sql: Prepare): number {
  return sql("DELETE FROM delivery_tries WHERE delivery NOT IN (SELECT id FROM outbox WHERE status IN ('pending', 'sending'))").run().changes;
}
