/**
 * Telegram on grammY: the outbox's post/edit/delete through `bot.api`, and the commands,
 * inline mode and buttons through `bot`. Every Bot API call passes the pacer first.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer, type Server } from 'node:http';
import { run, sequentialize, type RunnerHandle } from '@grammyjs/runner';
import { Bot, GrammyError, HttpError, webhookCallback, type Context } from 'grammy';
import type { Config } from '../../config/schema.js';
import { COMMANDS, findCommand, runCommand, type CommandDeps } from '../../commands/index.js';
import { PlatformAuthError } from '../../errors.js';
import type { Logger } from '../../log.js';
import { readerLocale } from '../../notes/lang.js';
import { renderTelegramDigest } from '../../render/digest.js';
import { renderTelegramMessage } from '../../render/telegram.js';
import type { Store } from '../../store/store.js';
import type { Target } from '../../store/types.js';
import type { ChatAdapter, OutgoingMessage } from '../../publish/port.js';
import { classifyTelegramError, isNotModified } from './errors.js';
import { Pacer } from './pacer.js';
import { noteKey } from '../../commands/note-key.js';
import { inlineArticle, parseTelegramArgs, renderTelegramReply, telegramCommandLists } from './render.js';

/** Telegram's GroupAnonymousBot: messages from anonymous group admins come from it. */
const ANONYMOUS_ADMIN_ID = 1087968824;
const PACED = new Set(['sendMessage', 'editMessageText', 'deleteMessage', 'sendPhoto']);
/** Updates waiting in one chat beyond which its commands are dropped (a flood in one group). */
const MAX_WAITING_PER_CHAT = 6;
/** Updates handled at once across all chats. */
const MAX_UPDATES_AT_ONCE = 100;

export interface TelegramAdapterOptions {
  token: string;
  config: Config['telegram'];
  webhookSecret?: string | undefined;
  store: Store;
  deps: CommandDeps;
  log: Logger;
}

/** grammY types its signal with the abort-controller shim; Node's own AbortSignal is what it gets at run time. */
type GrammySignal = Parameters<Bot['api']['deleteMessage']>[2];
const grammySignal = (s: AbortSignal | undefined) => s as GrammySignal;

function chatId(chat: string): number | string {
  return /^-?\d+$/.test(chat) ? Number(chat) : chat;
}

function payloadOf(m: OutgoingMessage) {
  return m.type === 'summary' ? renderTelegramMessage(m.summary, m.alsoIn) : renderTelegramDigest(m.items);
}

function targetOf(ctx: Context): Target | undefined {
  if (!ctx.chat) return undefined;
  const msg = ctx.msg;
  const thread = msg && 'is_topic_message' in msg && msg.is_topic_message && msg.message_thread_id ? String(msg.message_thread_id) : '';
  return { platform: 'telegram', chat: String(ctx.chat.id), thread };
}

export interface TelegramAdapter extends ChatAdapter {
  bot: Bot;
}

export function createTelegramAdapter(o: TelegramAdapterOptions): TelegramAdapter {
  const bot = new Bot(o.token, { client: { apiRoot: o.config.apiRoot } });
  const pacer = new Pacer(o.config.rate);
  const log = o.log.child({ platform: 'telegram' });
  // Whether the last call reached Telegram at all (any answer counts, errors included); for /healthz.
  let reachable = true;
  // Aborted at stop: replies still waiting for their chat's send slot are dropped, not waited for.
  let replies = new AbortController();
  // Calls made while handling an update are replies; they carry the stop signal into the pacer.
  const replyScope = new AsyncLocalStorage<AbortSignal>();
  // Retries are the outbox's alone; this only spaces calls out.
  bot.api.config.use(async (prev, method, payload, signal) => {
    const chat = (payload as { chat_id?: unknown }).chat_id;
    if (PACED.has(method) && chat !== undefined) await pacer.acquire(String(chat), replyScope.getStore());
    try {
      const answer = await prev(method, payload, signal);
      reachable = true;
      return answer;
    } catch (e) {
      if (e instanceof HttpError && !signal?.aborted) reachable = false;
      throw e;
    }
  });

  const keys = new Map<string, string>(); // noteKey → note id, for buttons and inline results
  const remember = (id: string) => {
    const k = noteKey(id);
    keys.delete(k);
    keys.set(k, id);
    if (keys.size > 5000) keys.delete(keys.keys().next().value!);
    return k;
  };

  const isAdmin = async (ctx: Context): Promise<boolean> => {
    const chat = ctx.chat;
    if (!chat) return false;
    if (chat.type === 'private' || chat.type === 'channel') return true; // only admins post in channels
    if (ctx.from?.id === ANONYMOUS_ADMIN_ID || ctx.msg?.sender_chat?.id === chat.id) return true;
    if (!ctx.from) return false;
    const member = await ctx.api.getChatMember(chat.id, ctx.from.id);
    return member.status === 'creator' || member.status === 'administrator';
  };

  // Updates of different chats are handled at once, those of one chat in order (grammY runner's
  // sequentialize), so one busy group never holds up another chat. A chat may have only a few
  // updates waiting: beyond that, commands there are dropped rather than answered minutes late.
  const waiting = new Map<string, number>();
  bot.use(async (ctx, next) => {
    const chat = ctx.chat ? String(ctx.chat.id) : undefined;
    // Only commands and button presses may be dropped; a service message (a group becoming a
    // supergroup) always goes through.
    const droppable = !!ctx.callbackQuery || !!ctx.msg?.text?.startsWith('/');
    if (chat === undefined || !droppable) return replyScope.run(replies.signal, next);
    const n = waiting.get(chat) ?? 0;
    if (n >= MAX_WAITING_PER_CHAT) {
      log.debug({ chat, update: ctx.update.update_id }, 'update dropped: too many waiting in this chat');
      return;
    }
    waiting.set(chat, n + 1);
    try {
      await replyScope.run(replies.signal, next);
    } finally {
      const left = (waiting.get(chat) ?? 1) - 1;
      if (left > 0) waiting.set(chat, left);
      else waiting.delete(chat);
    }
  });
  bot.use(sequentialize((ctx: Context) => (ctx.chat ? String(ctx.chat.id) : undefined)));

  for (const cmd of [...COMMANDS.map((c) => c.definition.name), 'start']) {
    bot.command(cmd, async (ctx) => {
      const target = targetOf(ctx)!;
      const command = findCommand(cmd === 'start' ? 'help' : cmd)!;
      const started = performance.now();
      const reply = await runCommand(
        command,
        { target, userId: String(ctx.from?.id ?? ctx.chat.id), locale: readerLocale(ctx.from?.language_code), chatLocale: readerLocale(ctx.from?.language_code), options: parseTelegramArgs(command.definition.name, ctx.match), isAdmin: () => isAdmin(ctx) },
        o.deps,
      );
      if (reply.type === 'silent') return;
      if (reply.type === 'note') for (const r of reply.more) remember(r.id);
      const rendered = renderTelegramReply(reply);
      await ctx.reply(rendered.text, { ...rendered, ...(target.thread ? { message_thread_id: Number(target.thread) } : {}) });
      log.debug({ command: cmd, chat: target.chat, ms: Math.round(performance.now() - started) }, 'command answered');
    });
  }

  bot.on('callback_query:data', async (ctx) => {
    const m = /^n:(.+)$/.exec(ctx.callbackQuery.data);
    const id = m ? keys.get(m[1]!) : undefined;
    const row = id ? o.store.getNote(id) : undefined;
    if (!row?.summary) {
      await ctx.answerCallbackQuery({ text: 'That result has expired; search again with /note.' });
      return;
    }
    await ctx.answerCallbackQuery();
    const msg = renderTelegramMessage(row.summary);
    await ctx.reply(msg.text, { parse_mode: 'HTML', link_preview_options: msg.link_preview_options });
  });

  bot.on('inline_query', async (ctx) => {
    const q = ctx.inlineQuery.query.trim();
    const results = q ? o.deps.search.search(q, { lang: readerLocale(ctx.from.language_code), limit: 10 }) : o.deps.search.latest(10, undefined);
    const articles = results.flatMap((r) => {
      const row = o.store.getNote(r.id);
      return row?.summary ? [inlineArticle(remember(r.id), r, row.summary)] : [];
    });
    // Results depend on the asker's language: cached for this user only (core.telegram.org/bots/api#answerinlinequery, is_personal).
    await ctx.answerInlineQuery(articles, { cache_time: 30, is_personal: true });
  });

  // A group upgraded to a supergroup: its subscriptions, queue and posts move with it.
  bot.on('message:migrate_to_chat_id', (ctx) => {
    o.store.moveChat('telegram', String(ctx.chat.id), String(ctx.msg.migrate_to_chat_id));
    log.info({ from: ctx.chat.id, to: ctx.msg.migrate_to_chat_id }, 'group became a supergroup; subscriptions moved');
  });

  // The adapter's one error handler: log with context, and a friendly word in the chat.
  bot.catch(async (err) => {
    const ctx = err.ctx;
    if (replies.signal.aborted) return; // stopping: the reply was dropped on purpose
    log.error({ update: ctx.update.update_id, chat: ctx.chat?.id, err: err.error instanceof Error ? err.error.message : String(err.error) }, 'telegram update failed');
    if (ctx.chat && ctx.msg?.text?.startsWith('/')) await ctx.reply('Sorry, something went wrong. Please try again in a moment.').catch(() => undefined);
  });

  let server: Server | undefined;
  let runner: RunnerHandle | undefined;
  const threadOpt = (t: Target) => (t.thread ? { message_thread_id: Number(t.thread) } : {});

  return {
    platform: 'telegram',
    bot,
    async post(target, message, ctx) {
      const p = payloadOf(message);
      const sent = await bot.api.sendMessage(chatId(target.chat), p.text, { parse_mode: p.parse_mode, link_preview_options: p.link_preview_options, ...threadOpt(target) }, grammySignal(ctx.signal));
      return { messageId: String(sent.message_id) };
    },
    async edit(target, messageId, message, ctx) {
      const p = payloadOf(message);
      try {
        await bot.api.editMessageText(chatId(target.chat), Number(messageId), p.text, { parse_mode: p.parse_mode, link_preview_options: p.link_preview_options }, grammySignal(ctx.signal));
      } catch (e) {
        if (!isNotModified(e)) throw e; // the same text again is already done
      }
    },
    async delete(target, messageId, ctx) {
      await bot.api.deleteMessage(chatId(target.chat), Number(messageId), grammySignal(ctx.signal));
    },
    classify: classifyTelegramError,
    healthy: () => reachable && (o.config.mode === 'webhook' ? !!server?.listening : !!runner?.isRunning()),
    async start() {
      // Not bot.init(): it retries getMe forever while Telegram is unreachable, holding start-up
      // (grammY's withRetries). One call here; the caller retries with backoff and logs each try.
      if (!bot.isInited()) {
        try {
          bot.botInfo = await bot.api.getMe();
        } catch (e) {
          if (e instanceof GrammyError && e.error_code === 401) throw new PlatformAuthError('telegram', 'telegram refused the bot token (401 Unauthorized): check TELEGRAM_BOT_TOKEN');
          throw e;
        }
      }
      if (o.config.registerCommands) {
        try {
          for (const list of telegramCommandLists()) await bot.api.setMyCommands(list.commands, list.language_code ? { language_code: list.language_code } : {});
        } catch (e) {
          if (e instanceof HttpError) throw e; // unreachable after all: the whole start is tried again
          log.error({ err: e instanceof Error ? e.message : String(e) }, 'could not register the telegram commands');
        }
      }
      const allowed_updates = ['message', 'channel_post', 'inline_query', 'callback_query'] as const;
      if (o.config.mode === 'webhook') {
        if (!o.config.webhook.url || !o.webhookSecret) throw new Error('telegram webhook mode needs telegram.webhook.url and TELEGRAM_WEBHOOK_SECRET');
        const handle = webhookCallback(bot, 'http', { secretToken: o.webhookSecret });
        const path = o.config.webhook.path;
        server = createServer((req, res) => {
          if (req.method === 'POST' && req.url === path) return void handle(req, res);
          res.statusCode = 404;
          res.end();
        });
        await new Promise<void>((r) => server!.listen(o.config.webhook.port, r));
        await bot.api.setWebhook(o.config.webhook.url + o.config.webhook.path, { secret_token: o.webhookSecret, allowed_updates: [...allowed_updates] });
      } else {
        // Long polling only works with no webhook set (core.telegram.org/bots/api#getupdates).
        await bot.api.deleteWebhook();
        runner = run(bot, { runner: { fetch: { allowed_updates: [...allowed_updates] }, silent: true }, sink: { concurrency: MAX_UPDATES_AT_ONCE } });
        void runner.task()?.catch((e: unknown) => log.error({ err: String(e) }, 'telegram polling stopped'));
        log.info({ bot: bot.botInfo.username }, 'telegram polling started');
      }
      log.info({ bot: bot.botInfo.username, mode: o.config.mode }, 'telegram connected');
    },
    async stop() {
      replies.abort();
      if (server) await new Promise((r) => server!.close(r));
      if (runner?.isRunning()) await runner.stop();
      runner = undefined;
      replies = new AbortController(); // a later start answers again
    },
  };
}
