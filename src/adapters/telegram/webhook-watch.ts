/**
 * Webhook mode kept up. Telegram sends updates only while the bot's webhook is set to us, and anyone
 * with the token can take it away: every long-polling start deletes it (a second notecast in the
 * default polling mode, our own 409 restart), and any deleteWebhook or setWebhook elsewhere removes
 * or replaces it; telegram-bot-api also drops a webhook answered 410 for long enough
 * (WebhookActor.cpp, WEBHOOK_DROP_TIMEOUT). Nothing is sent to us to say so: updates just stop. So
 * the webhook is read back with getWebhookInfo (core.telegram.org/bots/api#getwebhookinfo: `url`,
 * empty when none is set; `pending_update_count`; `last_error_date`/`last_error_message`, the latest
 * failure to deliver to the URL) every `checkSeconds` and when Telegram is reachable again, and set
 * again when it is gone or points elsewhere, one log line each time.
 */
import { z } from 'zod';
import { errorText } from '../../errors.js';
import type { Logger } from '../../log.js';

/** Key of the webhook's state in the store, kept for `status`. */
export const WEBHOOK_STATE_KEY = 'telegram.webhook';

/** What `/healthz` and `status` show of the webhook (kept in the store as `telegram.webhook`). */
export interface WebhookState {
  /** `set`: Telegram has our URL; `gone`: none set; `elsewhere`: another URL; `unchecked`: not read yet or unreadable. */
  state: 'set' | 'gone' | 'elsewhere' | 'unchecked';
  /** Our webhook URL, and the one Telegram had when it was not ours ('' when none). */
  url: string;
  found?: string | undefined;
  /** Updates Telegram holds for the bot, not yet delivered. */
  pendingUpdates?: number | undefined;
  /** Telegram's latest error delivering to the webhook, as it said it (milliseconds since the epoch). */
  lastError?: { at: number; message: string } | undefined;
  /** When Telegram was last asked, and when the webhook was last found missing and set again. */
  checkedAt?: number | undefined;
  restoredAt?: number | undefined;
  /** Times it was found missing or replaced and set again since the start. */
  restored: number;
  /** Telegram's latest error is newer than the latest update that reached us, and updates wait: deliveries to us fail. */
  failing?: boolean | undefined;
  /**
   * Another deployment on this token keeps taking the webhook: found pointing at the same other URL again within two
   * checks of our setting it. Checks (and re-sets) back off, doubling to an hour, until a check finds it still ours.
   */
  contested?: { host: string; since: number; checkEveryMs: number } | undefined;
  /** Why the last check or re-set failed (Telegram unreachable…). */
  checkError?: string | undefined;
}

/** The fields of WebhookInfo we read (core.telegram.org/bots/api#webhookinfo). */
const webhookInfoSchema = z.looseObject({
  url: z.string(),
  pending_update_count: z.number().int().nonnegative(),
  last_error_date: z.number().int().optional(),
  last_error_message: z.string().optional(),
});

export interface WebhookWatchOptions {
  url: string;
  everyMs: number;
  getInfo: () => Promise<unknown>;
  /** Sets our webhook (setWebhook with the secret and allowed updates, as a start does). */
  set: () => Promise<unknown>;
  log: Logger;
  /** When the latest update reached us (undefined: none since the start). */
  lastUpdateAt: () => number | undefined;
  /** Told each new state (kept for `status`). */
  onState: (s: WebhookState) => void;
}

export class WebhookWatch {
  private current: WebhookState;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  private startedAt = Date.now();
  private everyMs: number;
  /** The other URL our last re-set replaced, and when: the same URL back soon after is a contest. */
  private lastTaken: { url: string; at: number } | undefined;

  constructor(private readonly o: WebhookWatchOptions) {
    this.current = { state: 'unchecked', url: o.url, restored: 0 };
    this.everyMs = o.everyMs;
  }

  get state(): WebhookState {
    return this.current;
  }

  /** Whether updates can reach us, as far as the last check knows: not when the webhook is not ours, nor while Telegram fails to deliver to it. */
  get ok(): boolean {
    return (this.current.state === 'set' || this.current.state === 'unchecked') && !this.current.failing;
  }

  /** Called once our setWebhook succeeded: checks from now on. */
  start(): void {
    this.stop();
    this.startedAt = Date.now();
    this.update({ state: 'set', checkedAt: Date.now() });
    this.checkEvery(this.o.everyMs);
  }

  private checkEvery(ms: number): void {
    clearInterval(this.timer);
    this.everyMs = ms;
    this.timer = setInterval(() => void this.check(), ms);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One check now (one at a time: a check already running is waited for). */
  check(): Promise<void> {
    this.checking ??= this.checkOnce().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async checkOnce(): Promise<void> {
    let info: z.infer<typeof webhookInfoSchema>;
    try {
      const parsed = webhookInfoSchema.safeParse(await this.o.getInfo());
      if (!parsed.success) throw new Error(`getWebhookInfo answered what is not a WebhookInfo: ${parsed.error.message}`);
      info = parsed.data;
    } catch (e) {
      return this.update({ checkError: `could not read the webhook from Telegram: ${errorText(e)}` });
    }
    const lastError = info.last_error_date && info.last_error_message ? { at: info.last_error_date * 1000, message: info.last_error_message } : undefined;
    // last_error_date is whole seconds, and Telegram keeps it after deliveries succeed again: only an error after the latest update we took counts.
    const failing = !!lastError && info.pending_update_count > 0 && lastError.at >= Math.floor((this.o.lastUpdateAt() ?? this.startedAt) / 1000) * 1000 + 1000;
    const seen = { checkedAt: Date.now(), checkError: undefined, pendingUpdates: info.pending_update_count, lastError, failing };
    if (failing && !this.current.failing && info.url === this.o.url) this.o.log.error({ pending: info.pending_update_count, lastError: lastError.message }, `telegram cannot deliver updates to the webhook: "${lastError.message}" (${info.pending_update_count} waiting)`);
    if (info.url === this.o.url) {
      if (this.current.contested) this.o.log.info({ host: this.current.contested.host }, 'telegram webhook stayed ours: checks every ' + Math.round(this.o.everyMs / 1000) + ' s again');
      if (this.everyMs !== this.o.everyMs) this.checkEvery(this.o.everyMs);
      return this.update({ ...seen, state: 'set', found: undefined, contested: undefined });
    }
    const state = info.url === '' ? 'gone' : 'elsewhere';
    this.update({ ...seen, state, found: info.url });
    if (state === 'elsewhere' && this.lastTaken?.url === info.url && Date.now() - this.lastTaken.at <= 2 * this.everyMs) this.backOff(info.url);
    await this.restore(state, info.url, info.pending_update_count);
  }

  /** The same other URL took the webhook again soon after we set ours: two deployments on one token fight; check less often. */
  private backOff(found: string): void {
    const host = hostOf(found);
    const every = Math.min(2 * this.everyMs, HOUR_MS);
    if (!this.current.contested) {
      this.o.log.error({ found, host }, `telegram webhook taken again by ${host} soon after we set it: two deployments on one bot token? (give each its own token, or stop one); checks back off, doubling to an hour`);
    }
    this.checkEvery(every);
    this.update({ contested: { host, since: this.current.contested?.since ?? Date.now(), checkEveryMs: every } });
  }

  private async restore(state: 'gone' | 'elsewhere', found: string, pending: number): Promise<void> {
    const what = state === 'gone' ? 'is gone' : `points elsewhere (${found})`;
    try {
      await this.o.set();
    } catch (e) {
      const err = errorText(e);
      this.o.log.error({ found, pending, err }, `telegram webhook ${what}: another process deleted or replaced the webhook (a bot polling with this token, a deleteWebhook or setWebhook elsewhere); setting it again failed, tried again in ${Math.round(this.everyMs / 1000)} s`);
      return this.update({ checkError: `setting the webhook again failed: ${err}` });
    }
    const contested = this.current.contested;
    if (!contested) this.o.log.warn({ found, pending }, `telegram webhook ${what}: another process deleted or replaced the webhook (a bot polling with this token, a deleteWebhook or setWebhook elsewhere); set it again`);
    this.lastTaken = state === 'elsewhere' ? { url: found, at: Date.now() } : undefined;
    // setWebhook clears Telegram's last error (tdlib/telegram-bot-api Client.cpp, finish_set_webhook): the one seen was the old webhook's.
    // While contested it stays shown `elsewhere`: the other deployment takes it back within a check.
    this.update({ state: contested ? 'elsewhere' : 'set', found: contested ? found : undefined, lastError: undefined, failing: false, restoredAt: Date.now(), restored: this.current.restored + 1 });
  }

  private update(change: Partial<WebhookState>): void {
    this.current = { ...this.current, ...change };
    try {
      this.o.onState(this.current);
    } catch {
      // the store is busy: the next check writes the state again
    }
  }
}

const HOUR_MS = 3_600_000;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** `status`'s line: `set (https://…/tg), 0 updates waiting, checked …; set again 1 time (…)`, with Telegram's delivery error. */
export function webhookText(w: WebhookState): string {
  const at = (ms: number | undefined) => (ms ? new Date(ms).toISOString() : 'never');
  const state = { set: 'set', gone: 'gone: none set', elsewhere: `points elsewhere (${w.found ?? '?'})`, unchecked: 'not checked yet' }[w.state];
  const parts = [`${state} (${w.url})${w.pendingUpdates === undefined ? '' : `, ${w.pendingUpdates} updates waiting`}, checked ${at(w.checkedAt)}`];
  if (w.restored) parts.push(`set again ${w.restored === 1 ? 'once' : `${w.restored} times`}, last at ${at(w.restoredAt)}: another process deleted or replaced it`);
  if (w.contested) parts.push(`taken again and again by ${w.contested.host} since ${at(w.contested.since)}: two deployments on one bot token? checked every ${Math.round(w.contested.checkEveryMs / 1000)} s`);
  if (w.checkError) parts.push(w.checkError);
  if (w.lastError) parts.push(`Telegram's last error delivering to it: "${w.lastError.message}" at ${at(w.lastError.at)}${w.failing ? ' (failing now: updates wait)' : ''}`);
  return parts.join('; ');
}
