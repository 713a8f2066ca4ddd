/**
 * A delivery's last failed try whose failure said nothing of the chat (a 5xx, no answer: publish/outages.ts judges
 * whose it is): when that try went out, and how many failures in a row were judged neither the post's nor the
 * platform's. Kept with the outbox so a run that ends before the judgement (`sync --once --timeout`, a restart, a kill
 * during the call) leaves it to the next: short runs reach what one long run would (an attempt spent,
 * `delivery.maxAttempts` ending it). Read at each try and replaced or dropped only with the try's outcome, in its
 * transaction: a run that ends during the call leaves it as it was. A delivery that closes (sent, failed, called off)
 * drops it in the same statement (the store's trigger, db.ts), whichever path closes it.
 */
import type { Prepare } from './db.js';

export interface LastTry {
  /** When the try went out. */
  at: number;
  /** Its failures in a row judged neither the post's nor the platform's, this one included. */
  unjudged: number;
}

/** The delivery's last failed try, left in place until the outcome of the try going out now replaces or drops it. */
export function lastTry(sql: Prepare, delivery: number): LastTry | undefined {
  const r = sql('SELECT tried_at, unjudged FROM delivery_tries WHERE delivery = ?').get(delivery) as { tried_at: number; unjudged: number } | undefined;
  return r && { at: r.tried_at, unjudged: r.unjudged };
}

/** Keeps a try that failed so; call it inside the transaction that records its outcome. */
export function keepLastTry(sql: Prepare, delivery: number, last: LastTry): void {
  sql(
    `INSERT INTO delivery_tries(delivery, tried_at, unjudged) VALUES (?, ?, ?)
     ON CONFLICT(delivery) DO UPDATE SET tried_at = excluded.tried_at, unjudged = excluded.unjudged`,
  ).run(delivery, last.at, last.unjudged);
}

/** A try whose outcome leaves the delivery waiting and was no such failure (rate limited, paused, moved): nothing is kept of it. */
export function forgetLastTry(sql: Prepare, delivery: number): void {
  sql('DELETE FROM delivery_tries WHERE delivery = ?').run(delivery);
}
