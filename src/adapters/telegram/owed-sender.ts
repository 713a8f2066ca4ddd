/**
 * Sends the replies kept as owed (owed-replies.ts) once Telegram answers again, in both modes: in webhook mode the
 * webhook server takes them up with its other kept updates (webhook.ts `handleKept`); in polling mode, where an update
 * is confirmed by the next getUpdates and Telegram never sends it again either, `replay` does (each at a time).
 */
import { type Api, GrammyError } from 'grammy';
import { errorText } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { KeptUpdates } from './kept-updates.js';
import { sendReply, type OwedReply } from './owed-replies.js';
import type { Handled } from './webhook.js';

export interface OwedSender {
  /**
   * An owed reply, alone. One Telegram refuses (an error answer: the chat gone, the bot kicked) is dropped, said; one
   * still unanswered, or dropped by a stop while it waited for its chat's send slot, stays owed.
   */
  send: (reply: OwedReply) => Promise<Handled>;
  /** Sends every owed reply kept, not one already being sent; each is then dropped, or kept as it now stands. */
  replay: () => Promise<void>;
}

/** `asReply` runs a call as a command's reply (the stop signal into the pacer). */
export function owedSender(api: Api, kept: KeptUpdates, log: Logger, asReply: <T>(call: () => Promise<T>) => Promise<T>): OwedSender {
  const sending = new Set<number>();
  const send = async (reply: OwedReply): Promise<Handled> => {
    if (reply.mayShowTwice) log.info({ chat: reply.chat }, 'sending a reply again that Telegram did not confirm: it may show twice');
    try {
      const r = await asReply(() => sendReply(api, reply));
      if (r === 'unconfirmed') log.warn({ chat: reply.chat }, 'an owed reply got no answer again and may be in the chat; not sent again');
      return r === 'sent' || r === 'unconfirmed' ? undefined : r;
    } catch (e) {
      if (!(e instanceof GrammyError)) return { owed: reply };
      log.warn({ chat: reply.chat, err: errorText(e) }, 'an owed reply was refused by Telegram; dropped');
      return undefined;
    }
  };
  const replay = async (): Promise<void> => {
    for (const { update, owed } of kept.list()) {
      const id = update.update_id;
      if (!owed || sending.has(id)) continue;
      sending.add(id);
      try {
        const r = await send(owed);
        if (r === undefined) kept.drop(id);
        else if (r !== 'unanswered') kept.keep(update, r.owed);
      } finally {
        sending.delete(id);
      }
    }
  };
  return { send, replay };
}
