/**
 * The subscriptions table. Every new note is routed against all subscriptions, so the list is
 * kept in memory and read again only when it changed: with 10,000 saved searches, reading and
 * parsing every row on each save cost more than matching the note against them (issue 29's bench).
 */
import type { Filter } from '../config/schema.js';
import type { Prepare } from './db.js';
import type { Subscription, Target } from './types.js';

interface SubscriptionRecord { id: number; platform: string; chat: string; thread: string; filter: string; created_by: string | null; locale: string | null }

export class SubscriptionRows {
  private cached: { version: string; all: readonly Subscription[] } | undefined;
  /** Chats moved (a Telegram group upgraded): the rows change without a new id or count. */
  private moves = 0;

  constructor(private readonly sql: Prepare) {}

  /** Changes whenever a subscription is added, removed or moved (ids only grow), so readers can keep what they read. */
  version(): string {
    const r = this.sql('SELECT coalesce(max(id), 0) AS top, count(*) AS n FROM subscriptions').get() as { top: number; n: number };
    return `${r.top}:${r.n}:${this.moves}`;
  }

  moved(): void {
    this.moves++;
  }

  /** Adds a subscription, or finds the same one (target and filter) already there. */
  add(target: Target, filter: Filter, createdBy?: string, locale?: string): { created: boolean; id: number } {
    const f = JSON.stringify(filter);
    const r = this
      .sql('INSERT INTO subscriptions(platform, chat, thread, filter, created_by, created_at, locale) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(target.platform, target.chat, target.thread, f, createdBy ?? null, Date.now(), locale ?? null);
    if (r.changes) return { created: true, id: Number(r.lastInsertRowid) };
    const existing = this.sql('SELECT id FROM subscriptions WHERE platform = ? AND chat = ? AND thread = ? AND filter = ?').get(target.platform, target.chat, target.thread, f) as { id: number };
    return { created: false, id: existing.id };
  }

  /** Removes one subscription (by id) or all of a target's; returns how many went. */
  remove(target: Target, id?: number): number {
    if (id !== undefined) return this.sql('DELETE FROM subscriptions WHERE platform = ? AND chat = ? AND thread = ? AND id = ?').run(target.platform, target.chat, target.thread, id).changes;
    return this.sql('DELETE FROM subscriptions WHERE platform = ? AND chat = ? AND thread = ?').run(target.platform, target.chat, target.thread).changes;
  }

  /** The distinct saved searches (filter `words`) of every subscription, without reading the rest. */
  savedSearches(): string[] {
    const rows = this.sql("SELECT DISTINCT json_extract(filter, '$.words') AS w FROM subscriptions WHERE json_extract(filter, '$.words') IS NOT NULL").all() as { w: string }[];
    return rows.map((r) => r.w);
  }

  /** A target's subscriptions, or every one (the same list as long as none changed: not to be modified). */
  list(target?: Target): readonly Subscription[] {
    if (target) return this.read(this.sql('SELECT * FROM subscriptions WHERE platform = ? AND chat = ? AND thread = ? ORDER BY id').all(target.platform, target.chat, target.thread));
    const version = this.version();
    if (this.cached?.version !== version) this.cached = { version, all: this.read(this.sql('SELECT * FROM subscriptions ORDER BY id').all()) };
    return this.cached.all;
  }

  private read(rows: unknown[]): Subscription[] {
    return (rows as SubscriptionRecord[]).map((r) => ({
      id: r.id,
      target: { platform: r.platform as Target['platform'], chat: r.chat, thread: r.thread },
      filter: JSON.parse(r.filter) as Filter,
      createdBy: r.created_by ?? undefined,
      locale: r.locale ?? undefined,
    }));
  }
}
