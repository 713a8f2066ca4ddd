/**
 * Telegram updates in, replies out: commands (through src/commands), the buttons under a `/note`
 * answer, inline queries, and a group becoming a supergroup. Updates of different chats are
 * handled at once, those of one chat in order. The adapter's one error handler is here too.
 */
import type { AsyncLocalStorage } from 'node:async_hooks';
import { sequentialize } from '@grammyjs/runner';
import type { Bot, Context } from 'grammy';
import { parseTextArgs, unknownKeys } from '../../commands/args.js';
import { COMMAND_FAILED_TEXT, COMMANDS, findCommand, runCommand, type CommandDeps } from '../../commands/index.js';
import { EXPIRED_TEXT, OfferedNotes, openOffered, suggestNotesWithSummaries } from '../../commands/lookup.js';
import type { Logger } from '../../log.js';
import { readerLocale } from '../../notes/lang.js';
import type { AdapterState } from '../../publish/port.js';
import { renderTelegramMessage } from '../../render/telegram.js';
import { targetKey, type Target } from '../../store/types.js';
import { inlineArticle, renderTelegramReply } from './render.js';
import { errorText } from '../../errors.js';
import { sendReply, type OwedReply, type ReplyFields } from './owed-replies.js';
import { telegramNotAnswering } from './errors.js';
import type { Update } from '@grammyjs/types';

/** Telegram's GroupAnonymousBot: messages from anonymous group admins come from it. */
const ANONYMOUS_ADMIN_ID = 1087968824;
/** Updates waiting in one chat beyond which its commands are dropped (a flood in one group). */
const MAX_WAITING_PER_CHAT = 6;

/** What a chat is told, once, when commands sent while the service was down are not run. */
export const STALE_COMMAND_TEXT = 'Sorry, notecast was offline when this command was sent, so it was not run. Please send it again.';

export interface TelegramUpdateDeps {
  deps: CommandDeps;
  state: AdapterState;
  log: Logger;
  /** Calls made while handling an update are replies; they carry the stop signal into the pacer. */
  replyScope: AsyncLocalStorage<AbortSignal>;
  /** Aborted at stop: replies still waiting for their chat's send slot are dropped. */
  replySignal: () => AbortSignal;
  /** Commands older than this (by their message's `date`) are not run (`telegram.staleCommandMinutes`). */
  staleAfterMs: number;
  /**
   * Told of an update whose handling met Telegram not answering (errors.ts `telegramNotAnswering`: no answer, our
   * timeout, or a 5xx, 429 or 401 answer), kept and taken up again once Telegram answers (kept-updates.ts,
   * kept-retry.ts), so the chat is not told "something went wrong". `owe`: carried out, its reply not confirmed (that
   * reply alone is sent again: owed-replies.ts). `unanswered`: before it was carried out (its getChatMember, the call
   * a command needs before it takes effect), handled again whole; in both modes, as Telegram has it confirmed (answered
   * 200, or by the next poll) and never sends it again (tester 32-1 F5: a 502 dropped the command).
   */
  kept?: { unanswered: (update: Update) => void; owe: (update: Update, reply: OwedReply) => void } | undefined;
}

function targetOf(ctx: Context): Target | undefined {
  if (!ctx.chat) return undefined;
  const msg = ctx.msg;
  const thread = msg && 'is_topic_message' in msg && msg.is_topic_message && msg.message_thread_id ? String(msg.message_thread_id) : '';
  return { platform: 'telegram', chat: String(ctx.chat.id), thread };
}

/**
 * Sends a reply to what `ctx` carried out, in its chat (its forum topic too, as ctx.reply does); never throws: what
 * was done is not undone by its reply failing, so the chat is not told "something went wrong" about it. One Telegram
 * did not answer is owed in webhook mode, sent once Telegram answers (owed-replies.ts: `repeatable`, whether it is
 * sent again when it may be in the chat already); otherwise the log says it may be lost.
 */
async function answer(ctx: Context, u: TelegramUpdateDeps, text: string, fields: ReplyFields, what: { name: string; repeatable: boolean }): Promise<boolean> {
  const msg = ctx.msg;
  const chat = ctx.chatId;
  if (chat === undefined) return false; // a button under an inline message: no chat to answer in (ours are under messages)
  const topic = msg?.is_topic_message && msg.message_thread_id ? { message_thread_id: msg.message_thread_id } : {};
  const dmTopic = msg?.direct_messages_topic ? { direct_messages_topic_id: msg.direct_messages_topic.topic_id } : {};
  const reply: OwedReply = { chat, text, ...topic, ...dmTopic, ...fields, mayShowTwice: false, repeatable: what.repeatable };
  let err = 'no answer from telegram; it may be in the chat';
  try {
    const r = await sendReply(ctx.api, reply);
    if (r === 'sent') return true;
    if (r !== 'unconfirmed' && u.kept) {
      u.kept.owe(ctx.update, r.owed);
      return false;
    }
  } catch (e) {
    err = errorText(e);
  }
  if (!u.replySignal().aborted) u.log.warn({ command: what.name, chat: reply.chat, err }, 'command done; its reply may not have reached the chat');
  return false;
}

/** Registers every handler on `bot`. */
export function handleTelegramUpdates(bot: Bot, u: TelegramUpdateDeps): void {
  heardChatNames(bot, u);
  limitWaitingPerChat(bot, u);
  bot.use(sequentialize((ctx: Context) => (ctx.chat ? String(ctx.chat.id) : undefined)));
  skipStaleCommands(bot, u);
  const offered = new OfferedNotes(); // short keys in buttons and inline results → note ids
  handleCommands(bot, u, offered);
  handleLookups(bot, u, offered);
  // A group upgraded to a supergroup: its subscriptions, queue and posts move with it.
  bot.on('message:migrate_to_chat_id', (ctx) => {
    u.state.moveChat('telegram', String(ctx.chat.id), String(ctx.msg.migrate_to_chat_id));
    u.log.info({ from: ctx.chat.id, to: ctx.msg.migrate_to_chat_id }, 'group became a supergroup; subscriptions moved');
  });
  bot.on('my_chat_member', (ctx) => {
    const m = ctx.myChatMember.new_chat_member;
    const inChat = m.status === 'member' || m.status === 'administrator' || m.status === 'creator' || (m.status === 'restricted' && m.is_member);
    u.log.info({ chat: ctx.chat.id, status: m.status, was: ctx.myChatMember.old_chat_member.status }, "the bot's membership of a chat changed");
    if (inChat) botIsIn(u, String(ctx.chat.id), 'the bot was added to the chat again');
  });
  // The adapter's one error handler: log with context, and a friendly word in the chat.
  bot.catch(async (err) => {
    const ctx = err.ctx;
    if (u.replySignal().aborted) return; // stopping: the reply was dropped on purpose
    if (u.kept && telegramNotAnswering(err.error)) return u.kept.unanswered(ctx.update);
    u.log.error({ update: ctx.update.update_id, chat: ctx.chat?.id, err: errorText(err.error) }, 'telegram update failed');
    if (ctx.chat && ctx.msg?.text?.startsWith('/')) await ctx.reply(COMMAND_FAILED_TEXT).catch(() => undefined);
  });
}

/**
 * An update names a channel or supergroup by its id and by its `username` ("Username, for private chats, supergroups and
 * channels if available", core.telegram.org/bots/api#chat): a route written `@username` is told the id before the
 * update's command runs, so a /subscribe there is the route's own target (issue 25, tester 35 F1, F4).
 */
function heardChatNames(bot: Bot, u: TelegramUpdateDeps): void {
  bot.use((ctx, next) => {
    const chat = ctx.chat;
    if (chat && (chat.type === 'channel' || chat.type === 'supergroup') && chat.username) u.deps.chatNamed?.({ platform: 'telegram', chat: String(chat.id), thread: '' }, chat.username);
    return next();
  });
}

/**
 * Telegram says the bot is in `chat`: its `my_chat_member` update (core.telegram.org/bots/api#chatmemberupdated, "the bot's
 * chat member status was updated"; a member, an administrator, or restricted and still a member), or a command heard there
 * (a bot receives nothing from a chat it is not in). What waited for the bot there goes now (store/paused-chats.ts).
 */
function botIsIn({ state, log }: TelegramUpdateDeps, chat: string, why: string): void {
  const woken = state.pausedChats.botBack('telegram', chat);
  if (woken.length) log.info({ chat, why, targets: woken.map((t) => targetKey(t)) }, 'the bot is back in a chat: the changes to its messages that waited for it go now');
}

/** Whether whoever sent this update may change what the chat receives. */
async function isAdmin(ctx: Context): Promise<boolean> {
  const chat = ctx.chat;
  if (!chat) return false;
  if (chat.type === 'private' || chat.type === 'channel') return true; // only admins post in channels
  if (ctx.from?.id === ANONYMOUS_ADMIN_ID || ctx.msg?.sender_chat?.id === chat.id) return true;
  if (!ctx.from) return false;
  const member = await ctx.api.getChatMember(chat.id, ctx.from.id);
  return member.status === 'creator' || member.status === 'administrator';
}

/**
 * Updates of different chats are handled at once, those of one chat in order (grammY runner's
 * sequentialize), so one busy group never holds up another chat. A chat may have only a few
 * updates waiting: beyond that, commands there are dropped rather than answered minutes late.
 */
function limitWaitingPerChat(bot: Bot, { log, replyScope, replySignal }: TelegramUpdateDeps): void {
  const waiting = new Map<string, number>();
  bot.use(async (ctx, next) => {
    const chat = ctx.chat ? String(ctx.chat.id) : undefined;
    // Only commands and button presses may be dropped; a service message (a group becoming a
    // supergroup) always goes through.
    const droppable = !!ctx.callbackQuery || !!ctx.msg?.text?.startsWith('/');
    if (chat === undefined || !droppable) return replyScope.run(replySignal(), next);
    const n = waiting.get(chat) ?? 0;
    if (n >= MAX_WAITING_PER_CHAT) {
      log.debug({ chat, update: ctx.update.update_id }, 'update dropped: too many waiting in this chat');
      return;
    }
    waiting.set(chat, n + 1);
    try {
      await replyScope.run(replySignal(), next);
    } finally {
      const left = (waiting.get(chat) ?? 1) - 1;
      if (left > 0) waiting.set(chat, left);
      else waiting.delete(chat);
    }
  });
}

/**
 * A command that waited out a downtime (Telegram keeps updates for 24 hours) is not run: `/note`
 * answered an hour late, or a `/subscribe` applied long after the admin gave up on it, helps no
 * one. The chat is told once (per run of the service) that its commands were missed; the user
 * sends the command again.
 */
function skipStaleCommands(bot: Bot, u: TelegramUpdateDeps): void {
  const { log, staleAfterMs } = u;
  const told = new Set<string>();
  bot.use(async (ctx, next) => {
    const msg = ctx.msg;
    if (!ctx.chat || !msg?.text?.startsWith('/')) return next();
    const chat = String(ctx.chat.id);
    if (Date.now() - msg.date * 1000 <= staleAfterMs) {
      told.delete(chat); // caught up: a later downtime is told again
      return next();
    }
    log.info({ chat, update: ctx.update.update_id, ageMinutes: Math.round((Date.now() - msg.date * 1000) / 60_000) }, 'stale command not run: sent while the service was down');
    if (told.has(chat)) return;
    told.add(chat);
    await answer(ctx, u, STALE_COMMAND_TEXT, {}, { name: 'stale command', repeatable: true });
  });
}

/** Each command (and `/start`, which is `/help`), its text parsed by the command's own grammar. */
function handleCommands(bot: Bot, u: TelegramUpdateDeps, offered: OfferedNotes): void {
  const { deps, log } = u;
  const charged = chargedOnce();
  for (const cmd of [...COMMANDS.map((c) => c.definition.name), 'start']) {
    bot.command(cmd, async (ctx) => {
      const target = targetOf(ctx)!;
      botIsIn(u, target.chat, 'a command was heard there');
      const command = findCommand(cmd === 'start' ? 'help' : cmd)!;
      const started = performance.now();
      const reply = await runCommand(
        command,
        { target, userId: String(ctx.from?.id ?? ctx.chat.id), locale: readerLocale(ctx.from?.language_code), chatLocale: readerLocale(ctx.from?.language_code), options: parseTextArgs(command.definition, ctx.match), unknownKeys: unknownKeys(command.definition, ctx.match), isAdmin: () => isAdmin(ctx) },
        charged(ctx.update.update_id) ? deps : { ...deps, limiter: undefined },
      );
      if (reply.type === 'note') for (const r of reply.more) offered.remember(r.id);
      const { text, ...fields } = renderTelegramReply(reply);
      // Its topic, if any, is added by `answer`, from the command's own message (as target.thread is read).
      if (!(await answer(ctx, u, text, fields, { name: cmd, repeatable: true }))) return;
      log.debug({ command: cmd, chat: target.chat, ms: Math.round(performance.now() - started) }, 'command answered');
    });
  }
}

/** Update ids remembered as having taken a rate-limit token (far more than are kept: kept-updates.ts). */
const CHARGED_REMEMBERED = 1000;

/**
 * Whether a command's update is met for the first time, which alone takes one of its user's rate-limit tokens
 * (`commands.burst`): a command kept while Telegram did not answer and handled again (kept-updates.ts) is the same
 * command, and its tries must not spend the user's tokens (tester 32-1 F5's repro: "You are sending commands quickly"
 * after a few tries through a 502 outage, and the /subscribe never run).
 */
function chargedOnce(): (updateId: number) => boolean {
  const seen = new Set<number>();
  return (updateId) => {
    if (seen.has(updateId)) return false;
    seen.add(updateId);
    if (seen.size > CHARGED_REMEMBERED) seen.delete(seen.values().next().value!);
    return true;
  };
}

/** The buttons under a `/note` answer, and inline queries (`@bot words` in any chat). */
function handleLookups(bot: Bot, u: TelegramUpdateDeps, offered: OfferedNotes): void {
  const { deps } = u;
  bot.on('callback_query:data', async (ctx) => {
    const m = /^n:(.+)$/.exec(ctx.callbackQuery.data);
    // A first run's note past 16 KB waits for its summary on a parse thread (at most notes.parseTimeoutMs); the client shows
    // a progress bar until answerCallbackQuery (core.telegram.org/bots/api#callbackquery, via augustjune/canoe#192).
    const reply = await openOffered(deps, offered, m?.[1] ?? '');
    // The press is acknowledged once, best effort: one whose answer was lost may have gone, and Telegram refuses a second
    // ("query is too old … or query ID is invalid", go-telegram-bot-api/telegram-bot-api#579), so a failed acknowledgement
    // neither keeps the press to be handled again nor holds back the note, which is its answer.
    const acknowledge = (text?: string) => ctx.answerCallbackQuery(text ? { text } : undefined).catch((e: unknown) => u.log.warn({ err: errorText(e) }, 'a button press could not be acknowledged'));
    if (reply.type !== 'note') {
      await acknowledge(EXPIRED_TEXT);
      return;
    }
    await acknowledge();
    const msg = renderTelegramMessage(reply.summary);
    await answer(ctx, u, msg.text, { parse_mode: 'HTML', link_preview_options: msg.link_preview_options }, { name: 'note button', repeatable: false });
  });

  bot.on('inline_query', async (ctx) => {
    const suggestions = await suggestNotesWithSummaries(deps, offered, ctx.inlineQuery.query, readerLocale(ctx.from.language_code), 10);
    const articles = suggestions.map((s) => inlineArticle(s.key, s, s.summary));
    // Results depend on the asker's language: cached for this user only (core.telegram.org/bots/api#answerinlinequery, is_personal).
    await ctx.answerInlineQuery(articles, { cache_time: 30, is_personal: true });
  });
}
