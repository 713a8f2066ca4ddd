/**
 * Deliveries parked: waiting for the operator, not for time (README, "A route to a platform without its token"). Two
 * things park a platform's deliveries, and both are recorded once, here: a platform the service was started without
 * (the deliverer marks each delivery it meets with `notEnabledError`), and a platform whose bot token was refused
 * while running (401: revoked or replaced; tester 27-1 F1), which the platform's connection state records as
 * `refused` (publish/connections.ts, kept in the meta table as `platform.<name>`, where a restart's connection
 * overwrites it). `status` and /healthz both count with `parkedDeliveries`.
 */
import { z } from 'zod';
import type { Store } from './store.js';

/** Platforms that have a token and a connection state (publish/connections.ts). */
const CONNECTED_PLATFORMS = ['discord', 'telegram'] as const;

/** The `last_error` the deliverer gives a delivery of a platform the service was started without. */
export function notEnabledError(platform: string): string {
  return `platform ${platform} is not enabled`;
}

const connectionRecord = z.object({ state: z.string() }).passthrough();

/** The platforms whose token was refused, by the connection state kept for them (a start's connection overwrites it). */
function tokenRefusedPlatforms(store: Pick<Store, 'getMeta'>): string[] {
  return CONNECTED_PLATFORMS.filter((p) => {
    const raw = store.getMeta(`platform.${p}`);
    if (!raw) return false;
    try {
      return connectionRecord.safeParse(JSON.parse(raw)).data?.state === 'refused';
    } catch {
      return false; // an older record: not refused
    }
  });
}

/**
 * A start without a platform's token: a refusal a run before recorded is no longer why its deliveries wait (the
 * deliverer parks them as not enabled now), so its connection state says `stopped` instead.
 */
export function forgetRefusalsOf(store: Pick<Store, 'getMeta' | 'setMeta'>, running: ReadonlySet<string>, now = Date.now()): void {
  for (const p of tokenRefusedPlatforms(store)) if (!running.has(p)) store.setMeta(`platform.${p}`, JSON.stringify({ state: 'stopped', since: now }));
}

/**
 * Per platform, its pending deliveries when they are parked: every one of a platform whose token was refused, and
 * every one of a platform a delivery found not enabled (those behind a chat's first never met it themselves).
 */
export function parkedDeliveries(store: Pick<Store, 'getMeta' | 'sql'>): Record<string, number> {
  const [before, after] = notEnabledError('\n').split('\n'); // the deliverer's words around the platform's name
  const rows = store
    // `status IN ('pending', 'sending')` lets SQLite read the open deliveries' index (outbox_open), not the whole outbox: /healthz asks often.
    .sql(`SELECT platform, COUNT(*) AS n FROM outbox WHERE status IN ('pending', 'sending') AND status = 'pending'
            AND (platform IN (SELECT value FROM json_each(?))
              OR platform IN (SELECT platform FROM outbox WHERE status IN ('pending', 'sending') AND status = 'pending' AND last_error = ? || platform || ?))
          GROUP BY platform ORDER BY platform`)
    .all(JSON.stringify(tokenRefusedPlatforms(store)), before, after) as { platform: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.platform, r.n]));
}
