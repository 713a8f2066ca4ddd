/**
 * The Telegram adapter's one error classifier: every failed Bot API call is judged here. The Bot
 * API documents error codes but not its description texts, so the texts below are those Telegram
 * was seen to send, each with where it was reported.
 */
import { GrammyError, HttpError } from 'grammy';
import type { DeliveryOperation, FailureClass } from '../../publish/port.js';
import { errorText } from '../../errors.js';
import { neverSent } from '../../util/never-sent.js';
import { TemplateRenderError } from '../../render/templates/payloads.js';

/** The message to change is gone. */
const GONE: readonly RegExp[] = [
  /message to (edit|delete) not found/i, // TelegramBotAPI/errors json/bad-request-message-to-{edit,delete}-not-found.json
  /message to (pin|unpin) not found/i, // tdlib/telegram-bot-api Client.cpp: check_message(…, "message to pin"/"message to unpin") answers "<what> not found"
  /MESSAGE_ID_INVALID/i, // tdlib/telegram-bot-api: a message id that never existed in the chat
];

/** This one change is refused; the chat still takes new posts. */
const CHANGE_REFUSED: readonly RegExp[] = [
  /message can't be (edited|deleted)/i, // TelegramBotAPI/errors json/bad-request-message-cant-be-{edited,deleted}: too old, or not the bot's to delete
];

/**
 * The bot cannot post in this chat (or topic) at all: every later announcement would fail the same
 * way, so the target is paused with the reason shown in `status`.
 */
const CHAT_UNUSABLE: readonly RegExp[] = [
  /chat not found/i, // TelegramBotAPI/errors json/bad-request-chat-not-found.json
  /bot was blocked by the user/i, // TelegramBotAPI/errors json/forbidden-bot-blocked-by-user.json
  /bot was kicked/i, // TelegramBotAPI/errors json/forbidden-bot-was-kicked.json
  /bot is not a member of the (channel|supergroup) chat/i, // TelegramBotAPI/errors json/forbidden-bot-not-member-{channel,supergroup}.json
  /bot can't initiate conversation with a user/i, // TelegramBotAPI/errors json/forbidden-cant-initiate-conversation.json
  /bot can't send messages to bots/i, // TelegramBotAPI/errors json/forbidden-bot-cant-send-messages-to-bots.json
  /user is deactivated/i, // TelegramBotAPI/errors json/forbidden-user-is-deactivated.json
  /group chat was deactivated/i, // TelegramBotAPI/errors json/bad-request-group-deactivated.json
  /PEER_ID_INVALID/i, // TelegramBotAPI/errors json/bad-request-peer-id-invalid.json
  /need administrator rights in the channel chat/i, // teloxide/teloxide#450: the bot lost "Post Messages" in a channel
  /have no write access to the chat/i, // tdlib/td#2301: a channel where the bot is not an admin with can_post_messages
  /not enough rights to send (text )?messages/i, // TelegramBotAPI/errors#5, alexander-akhmetov/python-telegram#421
  /CHAT_WRITE_FORBIDDEN/i, // zhukov/webogram#1518 (MTProto's name, passed through by the Bot API)
  /CHAT_RESTRICTED/i, // tdlib/telegram-bot-api#863: "Bad Request: CHAT_RESTRICTED" on sendMessage
  /CHAT_ADMIN_REQUIRED/i, // LonamiWebs/Telethon#666 (MTProto's name)
  /TOPIC_(CLOSED|DELETED)/i, // forum topics closed or deleted by an admin (MTProto names)
  /message thread not found/i, // tdlib/telegram-bot-api#472, #854: the topic is gone
];

/**
 * Among those, the chat (or topic) itself no longer exists, which no one can undo: no admin is left
 * to send /subscribe there, so its subscriptions go (publish/chat-wants.ts forgetChat). A bot kicked or
 * blocked, or missing a right, can be let back in: that chat stays paused until /subscribe.
 */
const CHAT_GONE: readonly RegExp[] = [
  /chat not found/i, // TelegramBotAPI/errors json/bad-request-chat-not-found.json: a deleted group or channel; a private chat its user deleted (python-telegram-bot#1052: back only once the user writes again)
  /group chat was deactivated/i, // TelegramBotAPI/errors json/bad-request-group-deactivated.json: the group was deleted
  /user is deactivated/i, // TelegramBotAPI/errors json/forbidden-user-is-deactivated.json: the account was deleted
  /TOPIC_DELETED/i, // the forum topic was deleted (MTProto's name); TOPIC_CLOSED can be reopened, so it only pauses
  /message thread not found/i, // tdlib/telegram-bot-api#472, #854: the topic is gone
];

/** The asker lacks a right for this change only (deleting without can_delete_messages). */
const RIGHTS_FOR_CHANGE: readonly RegExp[] = [/not enough rights/i, /need administrator rights/i, /CHAT_ADMIN_REQUIRED/i];

const matches = (list: readonly RegExp[], text: string) => list.some((re) => re.test(text));

export function isNotModified(e: unknown): boolean {
  return e instanceof GrammyError && /message is not modified/i.test(e.description);
}

export function classifyTelegramError(e: unknown, op: DeliveryOperation = 'post'): FailureClass {
  // A template that cannot render this note: this message fails, the chat goes on (render/templates/payloads.ts).
  if (e instanceof TemplateRenderError) return { kind: 'rejected', reason: e.message, by: 'template' };
  if (e instanceof GrammyError) {
    const reason = `telegram ${e.method}: ${e.error_code} ${e.description}`;
    const text = e.description;
    if (e.parameters?.migrate_to_chat_id !== undefined) return { kind: 'moved', reason, to: String(e.parameters.migrate_to_chat_id) };
    if (e.error_code === 429) return { kind: 'rate-limited', reason, retryAfterMs: (e.parameters?.retry_after ?? 1) * 1000 };
    if (e.error_code >= 500) return { kind: 'transient', reason };
    if (op !== 'post' && matches(GONE, text)) return { kind: 'gone', reason };
    if (op !== 'post' && (matches(CHANGE_REFUSED, text) || matches(RIGHTS_FOR_CHANGE, text))) return { kind: 'rejected', reason };
    // 401 is the bot's token, not the chat (core.telegram.org/bots/api: "Authorizing your bot"; TelegramBotAPI/errors json/unauthorized.json).
    if (e.error_code === 401) return { kind: 'unauthorized', reason };
    if (matches(CHAT_UNUSABLE, text) || e.error_code === 403) return { kind: 'permanent', reason, ...(matches(CHAT_GONE, text) ? { chatGone: true } : {}) };
    return { kind: 'rejected', reason };
  }
  // No answer came (our timeout, a dropped connection): Telegram may have acted on the call. A
  // connection refused or a name not found sent nothing.
  if (e instanceof HttpError) return { kind: 'transient', reason: `telegram network error: ${errorText(e.error)}`, ...(neverSent(e) ? {} : { uncertain: true }) };
  return { kind: 'transient', reason: errorText(e) };
}

/**
 * Whether Telegram's error answer may change on a later try: 5xx (its server: "502 Bad Gateway" while its front end is
 * in trouble, eternnoir/pyTelegramBotAPI#1780), 429 (still too many after the reply's retry; core.telegram.org/bots/api#responseparameters
 * `retry_after`) or 401 (the bot's token, fixed by the operator). A call answered so did nothing. Other 4xx (400 the chat
 * not found, 403 the bot kicked) answer the call itself, and will not change.
 */
export function answerMayChange(errorCode: number): boolean {
  return errorCode === 429 || errorCode === 401 || errorCode >= 500;
}

/**
 * A failed call that is Telegram not answering it yet: no answer at all (grammY's HttpError: refused, dropped, our
 * timeout), or an error answer that may change (above). What needed the call is kept and tried again (kept-updates.ts).
 */
export function telegramNotAnswering(e: unknown): boolean {
  return e instanceof HttpError || (e instanceof GrammyError && answerMayChange(e.error_code));
}
