/**
 * Webhook updates whose handling met Telegram not answering (tester 29-1 F6). In webhook mode the update is answered
 * 200 on arrival (webhook.ts), so Telegram never sends it again: a /subscribe whose getChatMember found Telegram
 * unreachable was lost, with no reply ever. In polling mode the same outage leaves the update at Telegram until
 * getUpdates reaches it again; here it is kept in the store instead, and handled again once Telegram answers (or at
 * the next start), where the stale-command rule (`telegram.staleCommandMinutes`) answers one that waited too long.
 * Only an update whose handling met no answer is kept: one being handled when the process is killed is still lost,
 * as the README's "answered at most once" says.
 */
import type { Update } from '@grammyjs/types';
import { z } from 'zod';
import { errorText } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { AdapterState } from '../../publish/port.js';

/** Key of the kept updates in the store's meta table. */
const KEPT_UPDATES_KEY = 'telegram.webhook.kept';
/** Updates kept at most (as many as the webhook holds in hand); beyond it the oldest goes, said in the log. */
const MAX_KEPT = 100;

/** The one field every update has (core.telegram.org/bots/api#update), read from a webhook's body and a kept update; the rest is grammY's to read. */
export const updateSchema = z.looseObject({ update_id: z.number().int().nonnegative() });
const keptSchema = z.array(updateSchema);

export class KeptUpdates {
  private kept: Update[];

  constructor(
    private readonly state: Pick<AdapterState, 'getMeta' | 'setMeta'>,
    private readonly log: Logger,
  ) {
    this.kept = this.read();
  }

  /** The updates waiting to be handled again, oldest first. */
  list(): readonly Update[] {
    return this.kept;
  }

  has(updateId: number): boolean {
    return this.kept.some((u) => u.update_id === updateId);
  }

  keep(update: Update): void {
    const others = this.kept.filter((u) => u.update_id !== update.update_id);
    const all = [...others, update];
    const dropped = all.splice(0, Math.max(0, all.length - MAX_KEPT));
    if (dropped.length) this.log.warn({ dropped: dropped.map((u) => u.update_id) }, `more than ${MAX_KEPT} telegram updates wait for Telegram to answer; the oldest are dropped`);
    this.write(all);
  }

  drop(updateId: number): void {
    if (this.has(updateId)) this.write(this.kept.filter((u) => u.update_id !== updateId));
  }

  private read(): Update[] {
    const raw = this.state.getMeta(KEPT_UPDATES_KEY);
    if (!raw) return [];
    try {
      const parsed = keptSchema.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data as unknown as Update[];
    } catch {
      // not JSON: said below
    }
    this.log.error({ key: KEPT_UPDATES_KEY }, 'the kept telegram updates could not be read; they are not handled again');
    return [];
  }

  private write(updates: Update[]): void {
    this.kept = updates;
    try {
      this.state.setMeta(KEPT_UPDATES_KEY, JSON.stringify(updates));
    } catch (e) {
      // The store is busy or full: kept in memory for this run (handled again once Telegram answers), not across a restart.
      this.log.error({ err: errorText(e) }, 'could not record the telegram updates waiting for Telegram; kept until a stop');
    }
  }
}
