/**
 * Sends the replies kept as owed (owed-replies.ts) once Telegram answers again, in both modes: in webhook mode the
 * webhook server takes them up with its other kept updates (webhook.ts `handleKept`); in polling mode, where an update
 * is confirmed by the next getUpdates and Telegram never sends it again either, `replay` does (one replay at a time).
 */
import type { Update } from '@grammyjs/types';
import { type Api, GrammyError } from 'grammy';
import { errorText } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { KeptUpdate, KeptUpdates } from './kept-updates.js';
import { sendReply, type OwedReply } from './owed-replies.js';
import type { Handled } from './webhook.js';

export interface OwedSender {
  /**
   * An owed reply, alone. One Telegram refuses for good (an error answer that will not change: the chat gone, the bot
   * kicked) is dropped, said; one still unanswered, answered 5xx/429, or dropped by a stop while it waited for its
   * chat's send slot, stays owed.
   */
  send: (reply: OwedReply) => Promise<Handled>;
  /**
   * Sends every owed reply kept; each is then dropped, or kept as it now stands. One replay at a time: one asked for
   * while another runs runs once after it (what the running one already took is re-read, so none goes twice).
   * Updates kept without a reply (a webhook-mode run's, not carried out) go to `unowed` when given, once it is ready.
   */
  replay: () => Promise<void>;
}

/** Where updates kept without a reply go, in polling mode: handled as new ones once `ready` (the bot started). */
export interface KeptUnowed {
  ready: () => boolean;
  handle: (update: Update) => Promise<void>;
}

/** `asReply` runs a call as a command's reply (the stop signal into the pacer). */
export function owedSender(
  api: Api,
  kept: KeptUpdates,
  log: Logger,
  asReply: <T>(call: () => Promise<T>) => Promise<T>,
  unowed?: KeptUnowed,
): OwedSender {
  const send = async (reply: OwedReply): Promise<Handled> => {
    if (reply.mayShowTwice) log.info({ chat: reply.chat }, 'sending a reply again that Telegram did not confirm: it may show twice');
    try {
      const r = await asReply(() => sendReply(api, reply));
      if (r === 'unconfirmed') log.warn({ chat: reply.chat }, 'an owed reply got no answer again and may be in the chat; not sent again');
      else if (r !== 'sent') log.info({ chat: reply.chat }, 'an owed reply is still owed: Telegram did not take it yet');
      return r === 'sent' || r === 'unconfirmed' ? undefined : r;
    } catch (e) {
      if (!(e instanceof GrammyError)) return { owed: reply };
      log.warn({ chat: reply.chat, err: errorText(e) }, 'an owed reply was refused by Telegram for good; dropped');
      return undefined;
    }
  };
  const replayOnce = async (): Promise<void> => {
    for (const id of kept.list().map((k) => k.update.update_id)) {
      const entry = kept.get(id); // as it stands now: sent and dropped, or kept again, since the list was read
      if (!entry) continue;
      if (!entry.owed) {
        if (unowed?.ready()) await handleKeptUnowed(kept, log, entry, unowed.handle);
        continue;
      }
      const r = await send(entry.owed);
      if (r === undefined) kept.drop(id);
      else if (r !== 'unanswered') kept.keep(entry.update, r.owed);
    }
  };
  return { send, replay: oneAtATime(replayOnce) };
}

/**
 * A kept update not carried out, met in polling mode (where nothing else takes kept updates up): kept by this mode (its
 * handling met Telegram not answering), or by a webhook-mode run. Dropped first, so it is handled at most once even when
 * killed meanwhile (README: "answered at most once"), then handled as a new update is (the stale-command rule included).
 */
async function handleKeptUnowed(kept: KeptUpdates, log: Logger, { update, mode }: KeptUpdate, handle: (update: Update) => Promise<void>): Promise<void> {
  kept.drop(update.update_id);
  log.info({ update: update.update_id, keptIn: mode ?? 'unknown' }, keptUnowedLine(mode));
  try {
    await handle(update);
  } catch (e) {
    log.error({ update: update.update_id, err: errorText(e) }, 'a kept telegram update failed; dropped');
  }
}

/** The log line of a kept update handled in polling mode: the mode it was kept in, as its entry says. */
function keptUnowedLine(mode: KeptUpdate['mode']): string {
  if (mode === 'polling') return 'a telegram update kept in polling mode (telegram did not answer while it was handled) is handled again now';
  if (mode === 'webhook') return 'a telegram update kept in webhook mode is handled now, in polling mode';
  return 'a telegram update kept by an earlier run (its mode not recorded) is handled now, in polling mode';
}

/** Runs `task` one at a time: a call while it runs gets one more run after it (however many calls came meanwhile). */
function oneAtATime(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const start = (): Promise<void> => {
    running = task().finally(() => {
      running = undefined;
    });
    return running;
  };
  return () => {
    if (!running) return start();
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        return start();
      });
    return next;
  };
}
