/**
 * Replies owed by updates that were carried out (tester 30-1 F2). In webhook mode an update is answered 200 on arrival
 * (webhook.ts), in polling mode confirmed by the next getUpdates, and Telegram never sends it again, so a /subscribe
 * whose confirmation got no answer (`sendMessage` refused, or unanswered past `delivery.callTimeoutMs`) left a
 * subscription made and no word in the chat. The reply is kept with its update instead (kept-updates.ts), exactly as it
 * was to be sent, and a replay (owed-sender.ts, once Telegram answers again or at a start) sends that reply alone:
 * the command is never run again (a second `/subscribe` would answer "already subscribed", a `/note` button pressed
 * again could show another note), and a reply Telegram confirmed is never sent again.
 *
 * A reply whose call left and got no answer may be in the chat all the same (a send can time out and be delivered:
 * python-telegram-bot/python-telegram-bot#1045), and the Bot API has no idempotency key to recognise it sent again
 * (tdlib/telegram-bot-api#126) nor a way for a bot to read the chat. Whether it is sent again depends on the reader:
 * - a command's reply is (`repeatable`): it is the only sign the command was heard and what it did, and the copy is
 *   the same text, fixed when the command ran, so a reader who got both reads one statement twice and is told nothing
 *   different. The log says so (`mayShowTwice`).
 * - a `/note` button's note is not: a second copy of a whole note is clutter, and the button stays under the answer to
 *   be pressed again, which costs one tap and changes nothing.
 * A reply whose connection was refused never left, so it is owed either way and shows once.
  */
import type { Api } from 'grammy';
import { GrammyError, HttpError } from 'grammy';
import { z } from 'zod';
import { answerMayChange } from './errors.js';

/** A reply as `sendMessage` takes it (core.telegram.org/bots/api#sendmessage); only the fields our replies use (render.ts). */
export const owedReplySchema = z.object({
  chat: z.number().int(),
  text: z.string().min(1),
  parse_mode: z.enum(['HTML', 'MarkdownV2', 'Markdown']).optional(),
  link_preview_options: z
    .object({ is_disabled: z.boolean().optional(), url: z.string().optional(), prefer_small_media: z.boolean().optional(), prefer_large_media: z.boolean().optional(), show_above_text: z.boolean().optional() })
    .optional(),
  reply_markup: z.object({ inline_keyboard: z.array(z.array(z.object({ text: z.string(), callback_data: z.string() }))) }).optional(),
  message_thread_id: z.number().int().optional(),
  /** A channel's direct-messages topic the command came from (as ctx.reply passes it). */
  direct_messages_topic_id: z.number().int().optional(),
  /** A try left and got no answer: it may be in the chat already (said in the log when it is sent again). */
  mayShowTwice: z.boolean(),
  /** Sent again even when it may be in the chat already (a command's reply; see above). */
  repeatable: z.boolean(),
});
export type OwedReply = z.infer<typeof owedReplySchema>;

/** The sendMessage fields of a reply, without who it goes to. */
export type ReplyFields = Omit<OwedReply, 'chat' | 'text' | 'mayShowTwice' | 'repeatable'>;

/** Connection errors where nothing was sent (Node's `code`s on node-fetch's FetchError, which grammY's HttpError carries). */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
const errorCode = z.object({ code: z.string() });

/** Whether a call that failed with no answer may have reached Telegram (anything but a connection never made). */
function mayHaveArrived(e: HttpError): boolean {
  const code = errorCode.safeParse(e.error);
  return !(code.success && NOT_SENT_CODES.has(code.data.code));
}

/**
 * Sends `reply`. `'sent'` once Telegram confirmed it. When Telegram did not answer (grammY's HttpError: refused,
 * dropped or our timeout): the reply still owed, or `'unconfirmed'` for one that may be in the chat and is not
 * `repeatable` (not sent again). An error answer that may change (errors.ts `answerMayChange`: it was not sent): still owed. Any other error
 * answer (a chat that is gone, the bot kicked) is thrown.
 */
export async function sendReply(api: Api, reply: OwedReply): Promise<'sent' | 'unconfirmed' | { owed: OwedReply }> {
  const { chat, text, mayShowTwice, repeatable, ...fields } = reply;
  try {
    await api.sendMessage(chat, text, fields);
    return 'sent';
  } catch (e) {
    if (e instanceof GrammyError && answerMayChange(e.error_code)) return { owed: reply };
    if (!(e instanceof HttpError)) throw e;
    const mayBeThere = mayShowTwice || mayHaveArrived(e);
    return mayBeThere && !repeatable ? 'unconfirmed' : { owed: { ...reply, mayShowTwice: mayBeThere } };
  }
}
