/**
 * An interaction's first response (its callback: a reply, a deferral), tried again within Discord's window for it:
 * "you must send an initial response within 3 seconds of receiving the event. If the 3 second deadline is exceeded,
 * the token will be invalidated" (discord/discord-api-docs, developers/interactions/receiving-and-responding.mdx).
 *
 * The REST client does not retry it: the adapter's client has `retries: 0` (adapter.ts `queueOptions`), so the outbox
 * alone retries deliveries, and the callback shares that client; its own retry would also go at once, blind to the 3 s.
 * A 5xx ("502 GATEWAY UNAVAILABLE … Wait a bit and retry": topics/opcodes-and-status-codes.mdx) is Discord not taking
 * the callback, and a try with no answer (a dropped connection) may have been taken or not: both are tried again while
 * the window lasts. A second response is never shown: Discord refuses a callback to an interaction already answered with
 * 40060 "Interaction has already been acknowledged" (same file, JSON Error Codes), which tells that an earlier try was
 * taken after all. A try that hangs (no answer, no reset) is left after half of what remains of the window, so another
 * fits in it; the try left behind is not cancelled, and if it is answered after all, that answer counts.
 *
 * discord.js's own refusals (DiscordjsError: InteractionAlreadyReplied, InteractionNotReplied) are made before any
 * request: Discord was not asked, so trying again cannot change them.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DiscordAPIError, DiscordjsError, HTTPError } from 'discord.js';
import { errorText } from '../../errors.js';

/** Discord's window for a first response. */
export const FIRST_RESPONSE_WINDOW_MS = 3000;
/** The first wait before a try again (doubling); a try is not started past the window less this much. */
const RETRY_DELAY_MS = 100;
/** 40060 Interaction has already been acknowledged (topics/opcodes-and-status-codes.mdx). */
const ALREADY_ACKNOWLEDGED = 40060;
/** A try is left for another only if each would still have this long (a round trip on a loaded host). */
const MIN_TRY_MS = 400;

/**
 * How a first response went: `sent` (Discord took it, on try `tries`); `taken` (Discord answered 40060: an earlier try,
 * its answer a 5xx or lost, was taken; or another answered the interaction); `refused` (Discord answered each try and
 * took none: a 5xx until the window closed, or an error that will not change); `unknown` (a try got no answer and none
 * after was taken or refused with 40060: the user may have seen it); `local` (discord.js refused it before asking
 * Discord).
 */
export type FirstResponse =
  | { kind: 'sent' | 'taken'; tries: number }
  | { kind: 'refused' | 'unknown' | 'local'; tries: number; err: string };

/** A try left for another because it had no answer within its share of the window. */
class TryLeft extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms: tried again within Discord's ${FIRST_RESPONSE_WINDOW_MS / 1000} s`);
  }
}

/**
 * Sends a first response through `call`, tried again on a 5xx or no answer while `age()` (ms since Discord made the
 * interaction) leaves time in the window. Never throws.
 */
export async function sendFirstResponse(call: () => Promise<unknown>, age: () => number): Promise<FirstResponse> {
  let unanswered = false;
  let lateAnswer = false; // a try left behind was answered (taken) after all
  let answered!: () => void;
  const anyAnswered = new Promise<void>((resolve) => (answered = resolve)); // so the last try is not waited for past an earlier one's answer
  for (let tries = 1; ; tries++) {
    if (lateAnswer) return { kind: 'sent', tries: tries - 1 };
    try {
      const attempt = call();
      attempt.then(() => ((lateAnswer = true), answered()), () => undefined);
      await withinShareOfWindow(attempt, age, anyAnswered);
      return { kind: 'sent', tries };
    } catch (e) {
      if (e instanceof DiscordAPIError && e.code === ALREADY_ACKNOWLEDGED) return { kind: 'taken', tries };
      if (e instanceof DiscordjsError) return lateAnswer ? { kind: 'sent', tries: tries - 1 } : { kind: 'local', tries, err: errorText(e) };
      const serverError = e instanceof HTTPError && e.status >= 500;
      // An answer that is not a 5xx (10062 Unknown interaction once the window is gone, a 400) will not change.
      const final = e instanceof DiscordAPIError || (e instanceof HTTPError && !serverError);
      if (!serverError && !final) unanswered = true;
      const wait = RETRY_DELAY_MS * 2 ** (tries - 1);
      // A try left behind may have been answered while this one was awaited (review rv-4 R4): that answer counts.
      if (lateAnswer) return { kind: 'sent', tries };
      if (final || age() + wait >= FIRST_RESPONSE_WINDOW_MS - RETRY_DELAY_MS) return { kind: unanswered ? 'unknown' : 'refused', tries, err: errorText(e) };
      await sleep(wait);
    }
  }
}

/**
 * `attempt`, left (TryLeft) after half of what remains of the window when another try would still fit after that;
 * the last try that fits is waited for to its own end (the REST call's timeout) unless a try left behind is answered
 * first (`earlier`): then it is taken, and waiting longer would only delay the reply.
 */
async function withinShareOfWindow(attempt: Promise<unknown>, age: () => number, earlier: Promise<void>): Promise<void> {
  const share = Math.floor((FIRST_RESPONSE_WINDOW_MS - RETRY_DELAY_MS - age()) / 2);
  if (share < MIN_TRY_MS) {
    await Promise.race([attempt, earlier]);
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const left = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new TryLeft(share)), share)));
  try {
    await Promise.race([attempt, left, earlier]);
  } finally {
    clearTimeout(timer);
  }
}

/** "Interaction tokens are valid for 15 minutes" (receiving-and-responding.mdx): edits of the original response within it. */
export const INTERACTION_TOKEN_LIFE_MS = 15 * 60_000;
/** Edits tried again: first after this long, doubling, at most EDIT_RETRY_MAX_MS apart. */
const EDIT_RETRY_FIRST_MS = 500;
const EDIT_RETRY_MAX_MS = 30_000;

/**
 * How an edit of the original response went: `sent`; `refused` (Discord answered with an error that will not change: a
 * token gone, 50027); `expired` (a 5xx or no answer at every try until the token's 15 minutes ran out); `stopped` (the
 * service stopped before it went); `local` (discord.js refused it before asking Discord).
 */
export type LaterResponse = { kind: 'sent'; tries: number } | { kind: 'refused' | 'expired' | 'stopped' | 'local'; tries: number; err: string };

/**
 * Sends an edit of the original response through `call`, tried again on a 5xx or no answer while the interaction's token
 * lives (`age()`: ms since Discord made the interaction) and `stopping` is not aborted: an edit shows the same however
 * often it is made, so a try whose answer was lost is harmless to repeat. Never throws.
 */
export async function sendWithinTokenLife(call: () => Promise<unknown>, age: () => number, stopping: AbortSignal): Promise<LaterResponse> {
  for (let tries = 1; ; tries++) {
    try {
      await call();
      return { kind: 'sent', tries };
    } catch (e) {
      const err = errorText(e);
      if (e instanceof DiscordAPIError) return { kind: 'refused', tries, err };
      if (e instanceof DiscordjsError) return { kind: 'local', tries, err };
      const wait = Math.min(EDIT_RETRY_MAX_MS, EDIT_RETRY_FIRST_MS * 2 ** (tries - 1));
      if (age() + wait >= INTERACTION_TOKEN_LIFE_MS) return { kind: 'expired', tries, err };
      if (!(await sleep(wait, true, { signal: stopping }).catch(() => false))) return { kind: 'stopped', tries, err };
    }
  }
}
