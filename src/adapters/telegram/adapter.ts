/**
 * Telegram on grammY: the outbox's post/edit/delete through `bot.api`, and the commands,
 * inline mode and buttons through `bot`. Every Bot API call passes the rules in calls.ts first
 * (the pacer, our timeout).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { Bot, BotError, GrammyError, HttpError } from 'grammy';
import type { Config } from '../../config/schema.js';
import type { CommandDeps } from '../../commands/index.js';
import { errorText, PlatformAuthError } from '../../errors.js';
import type { Logger } from '../../log.js';
import { renderTelegramDigest } from '../../render/digest.js';
import { Templates } from '../../render/templates/compile.js';
import { telegramPayloadFor, type RouteTemplates } from '../../render/templates/payloads.js';
import type { Target } from '../../store/types.js';
import type { AdapterState } from '../../publish/port.js';
import type { ChatAdapter, LateAnswer, OutgoingMessage, SendContext } from '../../publish/port.js';
import { classifyTelegramError, isNotModified } from './errors.js';
import { Pacer } from './pacer.js';
import { telegramCommandLists } from './render.js';
import { installCallRules, LONG_POLL_SECONDS, reachability } from './calls.js';
import { handleTelegramUpdates, type TelegramUpdateDeps } from './updates.js';
import { TelegramWebhookServer, type Handled } from './webhook.js';
import { KeptPolling } from './polling.js';
import { listeners } from '../../util/listeners.js';
import { WEBHOOK_STATE_KEY, WebhookWatch } from './webhook-watch.js';
import { KeptUpdates } from './kept-updates.js';
import type { OwedReply } from './owed-replies.js';
import { owedSender, type KeptUnowed, type OwedSender } from './owed-sender.js';
import { KeptRetry } from './kept-retry.js';
import { isChatSentTo, lateWindowMs, LateRequests, type LateBindings, type LateMessage } from './late-answers.js';
import type { Update } from '@grammyjs/types';

/** Updates handled at once across all chats. */
const MAX_UPDATES_AT_ONCE = 100;

export interface TelegramAdapterOptions {
  token: string;
  config: Config['telegram'];
  webhookSecret?: string | undefined;
  /** The adapter's own state in the store (see AdapterState). */
  state: AdapterState;
  deps: CommandDeps;
  log: Logger;
  /** Every Bot API call not answered within this long is aborted (`delivery.callTimeoutMs`); long polls get their own wait on top. */
  callTimeoutMs?: number;
  /** The deliveries' backoff (`delivery.baseDelayMs`, `delivery.maxDelayMs`): kept updates are tried again on it (kept-retry.ts); 1 s to 15 min without. */
  retryDelays?: { baseDelayMs: number; maxDelayMs: number } | undefined;
  /** The config's message templates (each chat's route's, else the global ones); the defaults without. */
  templates?: Templates | undefined;
  /**
   * The window of a group's 20 messages (`telegram.rate.perGroupPerMinute`): Telegram's minute
   * (TELEGRAM_GROUP_WINDOW_MS) unless given; `notecast start` never gives it. A test of the pacing's
   * order and counts, not of the minute's length, shortens it (and its fake Telegram's).
   */
  groupWindowMs?: number | undefined;
  /**
   * How often the webhook is read back (`telegram.webhook.checkSeconds`, whole seconds) unless given; `notecast start`
   * never gives it. A test of the checks' order and back-off, not of a second's length, shortens it.
   */
  webhookCheckMs?: number | undefined;
}

/** grammY types its signal with the abort-controller shim; Node's own AbortSignal is what it gets at run time. */
type GrammySignal = Parameters<Bot['api']['deleteMessage']>[2];
const grammySignal = (s: AbortSignal | undefined) => s as GrammySignal;

const threadOpt = (t: Target) => (t.thread ? { message_thread_id: Number(t.thread) } : {});

function chatId(chat: string): number | string {
  return /^-?\d+$/.test(chat) ? Number(chat) : chat;
}

/** A note's message through its chat's templates (render/templates/payloads.ts); a digest as it is. */
function payloadOf(m: OutgoingMessage, templates: RouteTemplates) {
  return m.type === 'summary' ? telegramPayloadFor(m, templates) : renderTelegramDigest(m.items);
}

export interface TelegramAdapter extends ChatAdapter {
  bot: Bot;
}

/**
 * Who the bot is, and its command lists. Not bot.init(): it retries getMe forever while Telegram is
 * unreachable, holding start-up (grammY's withRetries). One call here; the caller retries with
 * backoff and logs each try.
 */
async function initBot(bot: Bot, o: TelegramAdapterOptions, log: Logger): Promise<void> {
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
      log.error({ err: errorText(e) }, 'could not register the telegram commands');
    }
  }
}

/** getMe (core.telegram.org/bots/api#getme): about no chat, changes nothing; any answer but a 5xx, a refusal included, is one. */
async function askTelegram(bot: Bot, signal: AbortSignal): Promise<void> {
  try {
    await bot.api.getMe(grammySignal(signal));
  } catch (e) {
    if (!(e instanceof GrammyError && e.error_code < 500)) throw e;
  }
}

/**
 * Whether a chat a send found gone is gone (ChatAdapter.confirmGone). Only "chat not found" is asked again, with getChat
 * (core.telegram.org/bots/api#getchat: changes nothing), since it has been answered for live chats
 * (tdlib/telegram-bot-api#159); a deactivated group or user, or a deleted topic, names what happened.
 */
async function telegramChatGone(bot: Bot, target: Target, reason: string, signal: AbortSignal): Promise<boolean> {
  if (!/chat not found/i.test(reason)) return true;
  try {
    await bot.api.getChat(chatId(target.chat), grammySignal(signal));
    return false;
  } catch (e) {
    if (!(e instanceof GrammyError)) throw e;
    const f = classifyTelegramError(e, 'post');
    return f.kind === 'permanent' && f.chatGone === true;
  }
}

/**
 * Telegram sends only the update types listed (core.telegram.org/bots/api#getupdates, `allowed_updates`); `my_chat_member`
 * tells of the bot added back to a chat, where what waited for it then goes (updates.ts, store/paused-chats.ts).
 */
const ALLOWED_UPDATES = ['message', 'channel_post', 'inline_query', 'callback_query', 'my_chat_member'] as const;

/**
 * Webhook mode: our server listens, Telegram is told the URL, and the webhook is watched from then on (webhook-watch.ts).
 * Updates whose handling met Telegram not answering wait in `kept`, their owed replies sent by `sendOwed`.
 */
function webhookMode(bot: Bot, o: TelegramAdapterOptions, log: Logger, kept: KeptUpdates, sendOwed: OwedSender['send']) {
  let server: TelegramWebhookServer | undefined;
  let watch: WebhookWatch | undefined;
  const unanswered = new Set<number>(); // updates whose handling met Telegram not answering (updates.ts)
  const owed = new Map<number, OwedReply>(); // updates carried out whose reply Telegram did not confirm
  // bot.handleUpdate throws a failed update's BotError; bot.catch (updates.ts) is called by the runner and
  // bot.start() only, so webhook mode calls it here, as they do (@grammyjs/runner runner.js, grammY bot.js handleUpdates).
  const handle = async (update: Update): Promise<Handled> => {
    const id = update.update_id;
    await bot.handleUpdate(update).catch((e: unknown) => (e instanceof BotError ? bot.errorHandler(e) : Promise.reject(e)));
    const reply = owed.get(id);
    owed.delete(id);
    // Carried out: only its reply is owed, whatever met no answer after (running it again would do it twice).
    if (unanswered.delete(id) && !reply) return 'unanswered';
    return reply ? { owed: reply } : undefined;
  };
  return {
    /** The server keeps what is owed once the update's handling ends (webhook.ts `settle`). */
    kept: { unanswered: (update: Update) => void unanswered.add(update.update_id), owe: (update: Update, reply: OwedReply) => void owed.set(update.update_id, reply) },
    async start(): Promise<void> {
      if (!o.config.webhook.url || !o.webhookSecret) throw new Error('telegram webhook mode needs telegram.webhook.url and TELEGRAM_WEBHOOK_SECRET');
      const { host, port, path, checkSeconds } = o.config.webhook;
      const secret_token = o.webhookSecret;
      const url = o.config.webhook.url + path;
      server = new TelegramWebhookServer({ host, port, path, secret: secret_token, log, maxInFlight: MAX_UPDATES_AT_ONCE, handle, sendOwed, kept });
      await server.listen();
      const set = () => bot.api.setWebhook(url, { secret_token, allowed_updates: [...ALLOWED_UPDATES] });
      await set();
      const taken = server;
      watch = new WebhookWatch({ url, everyMs: o.webhookCheckMs ?? checkSeconds * 1000, getInfo: () => bot.api.getWebhookInfo(), set, log, lastUpdateAt: () => taken.lastUpdateAt, onState: (s) => o.state.setMeta(WEBHOOK_STATE_KEY, JSON.stringify(s)) });
      watch.start();
    },
    async stop(): Promise<void> {
      watch?.stop();
      watch = undefined;
      await server?.close();
      server = undefined;
    },
    /** Our server listens and, as far as the last check knows, Telegram sends to it. */
    healthy: () => !!server?.listening && !!watch?.ok,
    state: () => watch?.state,
    /** Telegram reachable again: the webhook may have been taken meanwhile, so it is read back at once. */
    recheck: () => void watch?.check(),
    /** Takes the kept updates up (kept-retry.ts: a start, Telegram serving a call, the timer). */
    handleKept: () => server?.handleKept() ?? Promise.resolve(),
  };
}

/**
 * Polling mode: an update is confirmed by the next getUpdates, so one whose handling met Telegram not answering is kept
 * here at once (taken up by OwedSender.replay): carried out, its reply alone; not carried out, handled again whole.
 */
function pollingKept(kept: KeptUpdates, log: Logger): TelegramUpdateDeps['kept'] {
  return {
    unanswered: (update) => {
      kept.keep(update);
      log.warn({ update: update.update_id }, 'telegram did not answer while this update was handled; it is handled again once Telegram answers');
    },
    owe: (update, reply) => {
      kept.keep(update, reply);
      log.warn({ update: update.update_id, chat: reply.chat, mayShowTwice: reply.mayShowTwice }, 'update carried out; telegram did not confirm its reply, which is sent once Telegram answers (not the command again)');
    },
  };
}

/**
 * Polling mode: kept updates not carried out (this mode's, or a webhook-mode run's) are handled as new ones once polling
 * runs; a failure goes to bot.catch (updates.ts), as the runner's do, so one meeting Telegram not answering again is kept again.
 */
function keptUnowed(bot: Bot, polling: KeptPolling): KeptUnowed {
  const handle = async (update: Update): Promise<void> => {
    await bot.handleUpdate(update).catch((e: unknown) => (e instanceof BotError ? bot.errorHandler(e) : Promise.reject(e)));
  };
  return { ready: () => polling.running, handle };
}

/** Starts receiving updates by long polling (grammY's runner). */
async function receiveUpdates(bot: Bot, o: TelegramAdapterOptions, log: Logger): Promise<RunnerHandle> {
  // Long polling only works with no webhook set (core.telegram.org/bots/api#getupdates).
  await bot.api.deleteWebhook();
  const runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES], timeout: LONG_POLL_SECONDS }, silent: true }, sink: { concurrency: MAX_UPDATES_AT_ONCE } });
  log.info({ bot: bot.botInfo.username }, 'telegram polling started');
  return runner;
}

/** grammY's own timeout (500 s by default) only as a backstop behind ours, long polls and a send's late window included. */
function newBot(o: TelegramAdapterOptions, callTimeoutMs: number): Bot {
  const longest = Math.max(callTimeoutMs + LONG_POLL_SECONDS * 1000, lateWindowMs(callTimeoutMs));
  return new Bot(o.token, { client: { apiRoot: o.config.apiRoot, timeoutSeconds: Math.ceil(longest / 1000) + 10 } });
}

/** Sends that time out run on for a late answer (late-answers.ts), told to the outbox's listeners; `stop` closes them. */
function lateSends(log: Logger, callTimeoutMs: number) {
  const bound: LateBindings = new WeakMap();
  const requests = new LateRequests();
  const told = listeners<LateAnswer>();
  const tell = (late: Omit<LateAnswer, 'messageId'>, sentTo: string) => (answer: LateMessage) => {
    if (!isChatSentTo(sentTo, answer.chat)) {
      // Telegram's message ids are per chat: an id from another chat would name some other message here.
      log.warn({ delivery: late.deliveryId, chat: sentTo, answeredChat: answer.chat.id }, "a late answer named a message in another chat than its send's: ignored");
      return;
    }
    log.warn({ delivery: late.deliveryId, messageId: answer.messageId }, 'telegram answered a send after it timed out: the message it made is told to the outbox');
    try {
      told.tell({ ...late, messageId: answer.messageId });
    } catch (e) {
      log.error({ delivery: late.deliveryId, err: errorText(e) }, 'a late answer could not be recorded');
    }
  };
  /** A signal for the one send of `late` to `chat` (aborted with `signal`), bound to its listener in `bound`. */
  const bind = (late: Omit<LateAnswer, 'messageId'>, chat: number | string, signal: AbortSignal | undefined): AbortSignal => {
    const own = signal ? AbortSignal.any([signal]) : new AbortController().signal;
    bound.set(own, { chat: String(chat), told: tell(late, String(chat)) });
    return own;
  };
  return { rules: { bound, requests, windowMs: lateWindowMs(callTimeoutMs) }, add: told.add, bind };
}

/**
 * How updates come in (polling or the webhook) and what waits for Telegram (kept-updates.ts): taken up at a start, when
 * Telegram serves a call, and on a timer (kept-retry.ts). `asReply` runs a call as a command's reply (the stop signal).
 */
function receiving(bot: Bot, o: TelegramAdapterOptions, log: Logger, asReply: <T>(call: () => Promise<T>) => Promise<T>) {
  const kept = new KeptUpdates(o.state, log, () => retry.kept(), o.config.mode);
  const polling = new KeptPolling(() => receiveUpdates(bot, o, log), log);
  const owed = owedSender(bot.api, kept, log, asReply, o.config.mode === 'webhook' ? undefined : keptUnowed(bot, polling));
  const webhook = webhookMode(bot, o, log, kept, owed.send);
  const replay = () => (o.config.mode === 'webhook' ? webhook.handleKept() : owed.replay());
  const retry: KeptRetry = new KeptRetry({ pending: () => kept.list().length > 0, replay, delays: o.retryDelays ?? { baseDelayMs: 1000, maxDelayMs: 15 * 60_000 } });
  // Telegram reachable again after no answer at all: the webhook is read back, and what is kept taken up.
  const back = () => {
    if (o.config.mode === 'webhook') webhook.recheck();
    retry.served();
  };
  return { kept, polling, webhook, retry, back };
}

/** A delivery's post; a send that times out runs on for a late answer (late-answers.ts), told with the delivery it was. */
async function postMessage(bot: Bot, late: ReturnType<typeof lateSends>, templates: Templates, target: Target, message: OutgoingMessage, ctx: SendContext): Promise<{ messageId: string }> {
  const p = payloadOf(message, templates.forTarget(target));
  // "Sends the message silently. Users will receive a notification with no sound." (core.telegram.org/bots/api#sendmessage)
  const silent = message.type === 'summary' && message.silent ? { disable_notification: true } : {};
  const chat = chatId(target.chat);
  // The late listener goes with this call only (its own signal), so nothing else the call starts is taken for the post.
  const signal = late.bind({ deliveryId: ctx.deliveryId, revision: ctx.revision, target, message }, chat, ctx.signal);
  const sent = await bot.api.sendMessage(chat, p.text, { parse_mode: p.parse_mode, link_preview_options: p.link_preview_options, ...threadOpt(target), ...silent }, grammySignal(signal));
  return { messageId: String(sent.message_id) };
}

/** Deliveries, start and stop share the bot, the pacer and the reply signal; updates are handled in updates.ts. */
export function createTelegramAdapter(o: TelegramAdapterOptions): TelegramAdapter {
  const callTimeoutMs = o.callTimeoutMs ?? 120_000;
  const bot = newBot(o, callTimeoutMs);
  const pacer = new Pacer(o.config.rate, Date.now, o.groupWindowMs);
  const templates = o.templates ?? Templates.defaults();
  const log = o.log.child({ platform: 'telegram' });
  // Aborted at stop: replies still waiting for their chat's send slot are dropped, not waited for.
  let replies = new AbortController();
  // Calls made while handling an update are replies; they carry the stop signal into the pacer.
  const replyScope = new AsyncLocalStorage<AbortSignal>();
  const { kept, polling, webhook, retry, back } = receiving(bot, o, log, (call) => replyScope.run(replies.signal, call));
  const { reachable, reached } = reachability(back);
  const refusals = listeners<string>(); // calls answered 401, whichever (connections.ts keeps the state)
  const late = lateSends(log, callTimeoutMs);
  installCallRules(bot, { pacer, replyScope, log, callTimeoutMs, reached, refused: refusals.tell, served: () => retry.served(), late: late.rules });
  handleTelegramUpdates(bot, { deps: o.deps, state: o.state, log, replyScope, replySignal: () => replies.signal, staleAfterMs: o.config.staleCommandMinutes * 60_000, kept: o.config.mode === 'webhook' ? webhook.kept : pollingKept(kept, log) });

  return {
    platform: 'telegram',
    timesItsCalls: true, // calls.ts: after the pacer's wait, every Bot API call has callTimeoutMs
    bot,
    post: (target, message, ctx) => postMessage(bot, late, templates, target, message, ctx),
    async edit(target, messageId, message, ctx) {
      const p = payloadOf(message, templates.forTarget(target));
      try {
        await bot.api.editMessageText(chatId(target.chat), Number(messageId), p.text, { parse_mode: p.parse_mode, link_preview_options: p.link_preview_options }, grammySignal(ctx.signal));
      } catch (e) {
        if (!isNotModified(e)) throw e; // the same text again is already done
      }
    },
    async delete(target, messageId, ctx) {
      await bot.api.deleteMessage(chatId(target.chat), Number(messageId), grammySignal(ctx.signal));
    },
    /**
     * core.telegram.org/bots/api#pinchatmessage: outside private chats the bot must be an admin with
     * `can_pin_messages` (a group) or `can_edit_messages` (a channel). The post already notified (or
     * was silent on purpose), so the pin never notifies again: `disable_notification`.
     */
    async pin(target, messageId, ctx) {
      await bot.api.pinChatMessage(chatId(target.chat), Number(messageId), { disable_notification: true }, grammySignal(ctx.signal));
    },
    /** core.telegram.org/bots/api#unpinchatmessage: the same rights; `message_id` names which pin. */
    async unpin(target, messageId, ctx) {
      await bot.api.unpinChatMessage(chatId(target.chat), Number(messageId), {}, grammySignal(ctx.signal));
    },
    classify: classifyTelegramError,
    /**
     * The Bot API has no idempotency key (tdlib/telegram-bot-api#126, closed without one), and a bot cannot read a chat's
     * history to look for its post (no such method in core.telegram.org/bots/api; updates never carry the bot's own messages,
     * not even in a channel it administers: yagop/node-telegram-bot-api#1005, rubenlagus/TelegramApi#85): a post re-sent after no answer may show twice.
     */
    resendGuard: () => ({ guard: 'none', why: 'the Telegram Bot API has no idempotency key' }),
    probe: (signal) => askTelegram(bot, signal),
    confirmGone: (target, reason, signal) => telegramChatGone(bot, target, reason, signal),
    // core.telegram.org/bots/api#getchat takes `@channelusername` and answers the chat with its numeric `id`.
    chatIdOf: async (name, signal) => String((await bot.api.getChat(name, grammySignal(signal))).id),
    healthy: () => reachable() && (o.config.mode === 'webhook' ? webhook.healthy() : polling.running),
    receiving: () => webhook.state(),
    onTokenRefused: refusals.add,
    onLateAnswer: late.add,
    async start() {
      late.rules.requests.reopen();
      await initBot(bot, o, log);
      if (o.config.mode === 'webhook') await webhook.start();
      else await polling.start();
      retry.start(); // what a run before kept (killed while Telegram did not answer), taken up now
      log.info({ bot: bot.botInfo.username, mode: o.config.mode }, 'telegram connected');
    },
    async stop() {
      retry.stop();
      replies.abort();
      late.rules.requests.closeAll(); // sends still awaiting a late answer: nothing records one after the stop
      await webhook.stop();
      await polling.stop();
      replies = new AbortController(); // a later start answers again
    },
  };
}
