/**
 * `publish.waitUntilLive`: the pages asked before their note's first post, kept in the database so a
 * restart resumes the wait. While a page is `waiting` (or `held` at the time limit), the first posts
 * that link to it leave their chat's queue (`HELD_FOR_PAGE`), so one unbuilt page holds no other note.
 */
import type { Prepare } from './db.js';

export type LivePageState = 'waiting' | 'live' | 'posted-anyway' | 'held';

export interface LivePage {
  url: string;
  state: LivePageState;
  firstAt: number;
  nextCheckAt: number | null;
  checks: number;
  lastResult: string | null;
}

/**
 * SQL condition on an outbox row `o`: a post whose page is still being waited for (or held). Asked of every open row at every
 * pump (due-queue.ts): each row's payload is read only while some page is waited for (an uncorrelated EXISTS, run once).
 */
export const HELD_FOR_PAGE = `(o.kind = 'post' AND EXISTS (SELECT 1 FROM live_pages lw WHERE lw.state IN ('waiting', 'held')) AND EXISTS (SELECT 1 FROM live_pages l WHERE l.url = json_extract(o.payload, '$.summary.url') AND l.state IN ('waiting', 'held')))`;

interface LivePageRecord {
  url: string;
  state: LivePageState;
  first_at: number;
  next_check_at: number | null;
  checks: number;
  last_result: string | null;
}

const toPage = (r: LivePageRecord): LivePage => ({ url: r.url, state: r.state, firstAt: r.first_at, nextCheckAt: r.next_check_at, checks: r.checks, lastResult: r.last_result });

export class LivePages {
  constructor(private readonly sql: Prepare) {}

  get(url: string): LivePage | undefined {
    const r = this.sql('SELECT * FROM live_pages WHERE url = ?').get(url) as LivePageRecord | undefined;
    return r && toPage(r);
  }

  /** Starts waiting for a page (its first request due now); a page already known is left as it is. */
  begin(url: string, now: number): void {
    this.sql("INSERT INTO live_pages(url, state, first_at, next_check_at, updated_at) VALUES (?, 'waiting', ?, ?, ?) ON CONFLICT(url) DO NOTHING").run(url, now, now, now);
  }

  /** Pages waiting whose next request is due, oldest first. */
  due(now: number, limit: number): LivePage[] {
    return (this.sql("SELECT * FROM live_pages WHERE state = 'waiting' AND next_check_at <= ? ORDER BY next_check_at LIMIT ?").all(now, limit) as LivePageRecord[]).map(toPage);
  }

  /** When the next waiting page is due to be asked. */
  nextCheckAt(): number | undefined {
    return (this.sql("SELECT MIN(next_check_at) AS t FROM live_pages WHERE state = 'waiting'").get() as { t: number | null }).t ?? undefined;
  }

  /** One request's answer: the page's new state, and when to ask next (while still waiting). */
  checked(url: string, state: LivePageState, result: string, nextCheckAt: number | null, now: number): void {
    this.sql('UPDATE live_pages SET state = ?, checks = checks + 1, last_result = ?, next_check_at = ?, updated_at = ? WHERE url = ?').run(state, result, nextCheckAt, now, url);
  }

  /** Held pages are asked again, with a new time limit (at each start of the service and each `sync --once`). */
  resumeHeld(now: number): number {
    return this.sql("UPDATE live_pages SET state = 'waiting', first_at = ?, next_check_at = ?, updated_at = ? WHERE state = 'held'").run(now, now, now).changes;
  }

  /**
   * Forgets pages no pending post links to any more (the note was renamed, so its URL changed, or
   * deleted while its page was awaited): nothing would be posted when they answer.
   */
  dropUnreferenced(): number {
    return this.sql(
      `DELETE FROM live_pages WHERE state IN ('waiting', 'held') AND NOT EXISTS
       (SELECT 1 FROM outbox o WHERE o.status = 'pending' AND o.kind = 'post' AND json_extract(o.payload, '$.summary.url') = live_pages.url)`,
    ).run().changes;
  }

  /** Pages still waiting or held, for `status` and /metrics. */
  pending(): LivePage[] {
    return (this.sql("SELECT * FROM live_pages WHERE state IN ('waiting', 'held') ORDER BY first_at").all() as LivePageRecord[]).map(toPage);
  }
}
