/**
 * What every Bot API call goes through: the pacer, our own timeout (`delivery.callTimeoutMs`; a
 * long poll gets its wait on top), and for command replies one more try after a 429.
 */
import type { AsyncLocalStorage } from 'node:async_hooks';
import { type Bot, HttpError } from 'grammy';
import type { Logger } from '../../log.js';
import { withTimeout } from '../../util/timeout.js';
import type { Pacer } from './pacer.js';
import { answerMayChange } from './errors.js';
import type { LateBindings, LateRequests } from './late-answers.js';

/** Methods that send into a chat, spaced by the pacer. */
const PACED = new Set(['sendMessage', 'editMessageText', 'deleteMessage', 'sendPhoto']);

/** grammY types its signal with the abort-controller shim; Node's own AbortSignal is what it gets at run time. */
type GrammySignal = Parameters<Bot['api']['deleteMessage']>[2];

/** How long one getUpdates call waits for updates (core.telegram.org/bots/api#getupdates, `timeout`); the runner's default. */
export const LONG_POLL_SECONDS = 30;

/** A reply rate-limited for longer than this is not tried again (it would arrive too late to help). */
const MAX_REPLY_RETRY_AFTER_S = 60;

/** Waits `ms`; false at once if `signal` aborts first (stopping). */
function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export interface CallRules {
  pacer: Pacer;
  /** Set while an update is handled: calls made then are replies, carrying the stop signal. */
  replyScope: AsyncLocalStorage<AbortSignal>;
  log: Logger;
  callTimeoutMs: number;
  /** Told whether each call reached Telegram at all (any answer counts, errors included). */
  reached: (reachable: boolean) => void;
  /** Told each call answered 401 Unauthorized: the bot token is refused (revoked or replaced), whichever call met it. */
  refused: (reason: string) => void;
  /**
   * Told each call Telegram served: carried out, or refused with an answer that will not change (errors.ts
   * `answerMayChange`), getUpdates aside (Telegram hands out updates while its sends fail): kept-retry.ts's cue.
   */
  served: () => void;
  /**
   * A delivery's send, bound in `bound` by the signal passed with that one call (adapter.ts `post`), that times out runs on
   * for `windowMs` from when it went out, kept in `requests` (late-answers.ts); its `ok` answer then is told to its listener.
   */
  late?: { bound: LateBindings; requests: LateRequests; windowMs: number } | undefined;
}

/** A promise that rejects once `signal` aborts (our limit, or the caller), for a request that runs on past it. */
function abortedBy(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }));
}

/** The late listener bound to this very call: a `sendMessage` with a delivery's signal, to the chat it was bound for. */
function lateListenerOf(bound: LateBindings | undefined, method: string, payload: unknown, signal: AbortSignal | undefined) {
  const b = method === 'sendMessage' && signal ? bound?.get(signal) : undefined;
  return b && String((payload as { chat_id?: unknown }).chat_id) === b.chat ? b.told : undefined;
}

/** Installs the rules on `bot.api`. */
export function installCallRules(bot: Bot, o: CallRules): void {
  // Spaces sends out and bounds every call; retrying is the outbox's (and, for replies, the rule below).
  bot.api.config.use(async (prev, method, payload, signal) => {
    const chat = (payload as { chat_id?: unknown }).chat_id;
    const answered = PACED.has(method) && chat !== undefined ? await o.pacer.acquire(String(chat), o.replyScope.getStore()) : undefined;
    const longPoll = method === 'getUpdates' ? Number((payload as { timeout?: unknown }).timeout ?? 0) * 1000 : 0;
    const bounded = withTimeout(signal as AbortSignal | undefined, o.callTimeoutMs + longPoll);
    // A delivery's send may run on past our limit (late-answers.ts): its request gets a signal of its own.
    const late = lateListenerOf(o.late?.bound, method, payload, signal as AbortSignal | undefined);
    const runOn = late && o.late ? new AbortController() : undefined;
    if (runOn) (signal as AbortSignal | undefined)?.addEventListener('abort', () => runOn.abort(), { once: true });
    const request = prev(method, payload, (runOn?.signal ?? bounded.signal) as GrammySignal);
    if (runOn) request.catch(() => undefined); // settled after the caller has gone: kept below, or aborted
    try {
      const answer = runOn ? await Promise.race([request, abortedBy(bounded.signal)]) : await request;
      o.reached(true);
      // 401 is the bot's token, on any method (core.telegram.org/bots/api, "Authorizing your bot"; TelegramBotAPI/errors json/unauthorized.json).
      if (!answer.ok && answer.error_code === 401) o.refused(`telegram ${method}: 401 ${answer.description}`);
      if (method !== 'getUpdates' && (answer.ok || !answerMayChange(answer.error_code))) o.served();
      return answer;
    } catch (e) {
      if (bounded.timedOut()) {
        o.reached(false);
        let next = 'aborted';
        if (runOn && late && o.late?.requests.room()) {
          o.late.requests.keep(request, runOn, o.late.windowMs - o.callTimeoutMs, late);
          next = `its answer is awaited ${o.late.windowMs - o.callTimeoutMs} ms more (a late answer names the message made)`;
        } else runOn?.abort();
        o.log.warn({ method, timeoutMs: o.callTimeoutMs + longPoll }, `telegram ${method}: no answer within ${o.callTimeoutMs + longPoll} ms; ${next}`);
        throw new HttpError(`telegram ${method}: no answer within ${o.callTimeoutMs + longPoll} ms`, new Error(`no answer within ${o.callTimeoutMs + longPoll} ms`));
      }
      runOn?.abort(); // the caller stopped waiting
      if (e instanceof HttpError && !signal?.aborted) o.reached(false);
      throw e;
    } finally {
      bounded.done();
      answered?.();
    }
  });

  // A command reply answered 429 (Telegram counts a group's minute from arrival, we from sending: a
  // slow trip can land a reply inside it) is sent once more after its retry_after rather than
  // lost. Installed after the pacing above, so it wraps it: the second try is paced again.
  // Deliveries are left alone: the outbox waits out their 429s itself.
  bot.api.config.use(async (prev, method, payload, signal) => {
    const answer = await prev(method, payload, signal);
    const reply = o.replyScope.getStore();
    const retryAfter = !answer.ok && answer.error_code === 429 ? (answer.parameters?.retry_after ?? 1) : undefined;
    if (!reply || retryAfter === undefined || retryAfter > MAX_REPLY_RETRY_AFTER_S) return answer;
    o.log.info({ method, retryAfterS: retryAfter }, 'telegram reply rate-limited; sending it once more after retry_after');
    if (!(await sleepUnlessAborted(retryAfter * 1000, reply))) return answer;
    return prev(method, payload, signal);
  });
}

/** Whether the last call reached Telegram at all (any answer counts, errors included; for /healthz), and `back` told when one does again after none did. */
export function reachability(back: () => void): { reachable: () => boolean; reached: (r: boolean) => void } {
  let reachable = true;
  return {
    reachable: () => reachable,
    reached: (r) => {
      if (r && !reachable) back();
      reachable = r;
    },
  };
}
