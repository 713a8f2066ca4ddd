/**
 * Webhook updates whose handling met Telegram not answering (tester 29-1 F6, tester 30-1 F2). In webhook mode the
 * update is answered 200 on arrival (webhook.ts), so Telegram never sends it again: a /subscribe whose getChatMember
 * found Telegram unreachable was lost, with no reply ever; in polling mode the next getUpdates confirms it just the
 * same (tester 32-1 F5). It is kept in the store instead, in either mode, in one of two states (taken up again as
 * kept-retry.ts says):
 * - not carried out (Telegram did not answer before the command's effect, or answered 5xx, 429, 401): handled again
 *   whole, where the stale-command rule (`telegram.staleCommandMinutes`) answers one that waited too long;
 * - carried out, its reply owed (owed-replies.ts): the reply alone is sent then, exactly as it was to be, never the
 *   command run again, and never once Telegram has confirmed it.
 * One being handled when the process is killed is still lost, as the README's "answered at most once" says.
 */
import type { Update } from '@grammyjs/types';
import { z } from 'zod';
import { errorText } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { AdapterState } from '../../publish/port.js';
import { owedReplySchema, type OwedReply } from './owed-replies.js';

/** Key of the kept updates in the store's meta table. */
const KEPT_UPDATES_KEY = 'telegram.webhook.kept';
/** Updates kept at most (as many as the webhook holds in hand); beyond it the oldest goes, said in the log. */
const MAX_KEPT = 100;

/** The one field every update has (core.telegram.org/bots/api#update), read from a webhook's body and a kept update; the rest is grammY's to read. */
export const updateSchema = z.looseObject({ update_id: z.number().int().nonnegative() });
/** How the service received updates: the mode an update was kept in is said when it is handled (tester F3). */
export type ReceivingMode = 'polling' | 'webhook';
/** A kept update, with the reply it owes when it was carried out, and the mode it was kept in (unknown in an entry written before it was kept). */
export interface KeptUpdate {
  update: Update;
  owed?: OwedReply | undefined;
  mode?: ReceivingMode | undefined;
}
/** An entry as written now, or a bare update as written before replies were kept (not carried out). */
const entrySchema = z.object({ update: updateSchema, owed: owedReplySchema.optional(), mode: z.enum(['polling', 'webhook']).optional() });
const keptSchema = z.array(z.union([entrySchema, updateSchema]));

/** One read entry; the schema checks update_id only, the rest of an update being grammY's to read (as a webhook's body is). */
function toKept(k: z.infer<typeof entrySchema> | z.infer<typeof updateSchema>): KeptUpdate {
  const entry = entrySchema.safeParse(k);
  return entry.success ? { update: entry.data.update as unknown as Update, owed: entry.data.owed, mode: entry.data.mode } : { update: k as unknown as Update };
}

export class KeptUpdates {
  private kept: KeptUpdate[];

  /** `onKeep`: told each time an update is kept (kept-retry.ts sets its timer); `mode`: this run's, written with each update kept. */
  constructor(
    private readonly state: Pick<AdapterState, 'getMeta' | 'setMeta'>,
    private readonly log: Logger,
    private readonly onKeep: () => void = () => undefined,
    private readonly mode?: ReceivingMode,
  ) {
    this.kept = this.read();
  }

  /** The updates waiting for Telegram, oldest first. */
  list(): readonly KeptUpdate[] {
    return this.kept;
  }

  has(updateId: number): boolean {
    return this.kept.some((k) => k.update.update_id === updateId);
  }

  /** The kept entry for `updateId` as it stands now (undefined once dropped). */
  get(updateId: number): KeptUpdate | undefined {
    return this.kept.find((k) => k.update.update_id === updateId);
  }

  /** Keeps `update`, with the reply it owes if it was carried out (replacing what was kept for it). */
  keep(update: Update, owed?: OwedReply): void {
    const others = this.kept.filter((k) => k.update.update_id !== update.update_id);
    const all = [...others, { update, ...(owed ? { owed } : {}), ...(this.mode ? { mode: this.mode } : {}) }];
    const dropped = all.splice(0, Math.max(0, all.length - MAX_KEPT));
    if (dropped.length) this.log.warn({ dropped: dropped.map((k) => k.update.update_id) }, `more than ${MAX_KEPT} telegram updates wait for Telegram to answer; the oldest are dropped`);
    this.write(all);
    this.onKeep();
  }

  drop(updateId: number): void {
    if (this.has(updateId)) this.write(this.kept.filter((k) => k.update.update_id !== updateId));
  }

  private read(): KeptUpdate[] {
    const raw = this.state.getMeta(KEPT_UPDATES_KEY);
    if (!raw) return [];
    try {
      const parsed = keptSchema.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data.map((k) => toKept(k));
    } catch {
      // not JSON: said below
    }
    this.log.error({ key: KEPT_UPDATES_KEY }, 'the kept telegram updates could not be read; they are not handled again');
    return [];
  }

  private write(kept: KeptUpdate[]): void {
    this.kept = kept;
    try {
      this.state.setMeta(KEPT_UPDATES_KEY, JSON.stringify(kept));
    } catch (e) {
      // The store is busy or full: kept in memory for this run (handled again once Telegram answers), not across a restart.
      this.log.error({ err: errorText(e) }, 'could not record the telegram updates waiting for Telegram; kept until a stop');
    }
  }
}
