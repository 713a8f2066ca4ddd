/**
 * A fake Telegram Bot API server on 127.0.0.1 for the real grammY client. It keeps chats and
 * messages, long-polls `getUpdates` with offsets, and is honest about Telegram's limits: HTML that
 * does not parse, texts over 4096 characters, sends over the rate limits (429 + retry_after),
 * blocked, missing and migrated chats, and the error texts Telegram answers when the bot may not
 * write. Sources: core.telegram.org/bots/api (sections named beside each behaviour), the Bots FAQ
 * on limits, and the issue threads cited in src/adapters/telegram/errors.ts for error texts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseTelegramHtml, telegramLength } from './html.js';
import { FakeWebhookSender } from './webhook.js';
import { until } from '../../helpers/until.js';

export type ChatType = 'private' | 'group' | 'supergroup' | 'channel';
export type MemberStatus = 'creator' | 'administrator' | 'member' | 'left' | 'kicked';

export interface FakeChat {
  id: number;
  type: ChatType;
  title?: string;
  /**
   * A channel's or public supergroup's username (without `@`): every method takes `@username` in place of the numeric
   * `chat_id` ("Unique identifier for the target chat or username of the target channel (in the format @channelusername)",
   * core.telegram.org/bots/api#sendmessage), matched without regard to case as Telegram's usernames are
   * (core.telegram.org/api/username); getChat answers it with the chat's numeric `id` and its `username` (ChatFullInfo).
   */
  username?: string;
  members: Map<number, MemberStatus>;
  topics: Set<number>;
  /**
   * blocked: a private chat that blocked the bot; kicked: a group that removed it; missing: deleted;
   * migratedTo: a group upgraded to a supergroup, where every call is answered 400 with ResponseParameters
   * `migrate_to_chat_id` (core.telegram.org/bots/api#responseparameters). Its messages stay its own: a
   * message id is "unique inside this chat" (core.telegram.org/bots/api#message), so the supergroup
   * numbers its messages afresh (newMessageId) and has none of the group's.
   */
  state: 'ok' | 'blocked' | 'kicked' | 'missing' | { migratedTo: number };
  /**
   * An error Telegram answers for a method in this chat, as it was seen to (texts and sources in
   * src/adapters/telegram/errors.ts): a channel where the bot lost "Post Messages", a closed topic…
   */
  refuse?: Partial<Record<'sendMessage' | 'editMessageText' | 'deleteMessage', { code: number; description: string }>>;
  /**
   * The next `count` sends, edits and deletes in this chat alone are answered 500 while every other chat's go through:
   * the Bot API server's own 500 ("Internal Server Error: restart", eternnoir/pyTelegramBotAPI#406), met by one chat.
   */
  failNext?: { count: number };
  /**
   * The bot's own admin rights here (a channel: `can_post_messages`; pinning: `can_pin_messages` in a
   * group, `can_edit_messages` in a channel); absent means it has them.
   */
  botRights?: { canPostMessages?: boolean; canPinMessages?: boolean; canEditMessages?: boolean };
}

/** FakeTelegram.dropAnswers: calls carried out whose answer is dropped or comes late. */
export interface DropAnswers {
  count: number;
  methods: readonly string[];
  late?: number | 'held';
  refusals?: true;
  then?: DropAnswers;
}

export interface FakeMessage {
  chatId: number;
  messageId: number;
  threadId?: number;
  text: string;
  html: string;
  replyMarkup?: unknown;
  editedTimes: number;
  deleted: boolean;
  /** When it was sent (unix seconds); tests move it back to age a message. */
  date: number;
  /** Sent with `disable_notification`: "users will receive a notification with no sound" (core.telegram.org/bots/api#sendmessage). */
  silent: boolean;
  /** Pinned in its chat (core.telegram.org/bots/api#pinchatmessage); `pinSilently`: pinned with `disable_notification`. */
  pinned?: boolean;
  pinSilently?: boolean;
}

export interface CallRecord {
  method: string;
  payload: Record<string, unknown>;
  at: number;
  status: number;
}

/**
 * A chat as an update names it (a message's, channel post's or my_chat_member's `chat`): its `username` is there for a
 * channel or supergroup that has one ("Username, for private chats, supergroups and channels if available",
 * core.telegram.org/bots/api#chat, as python-telegram-bot's telegram.Chat and the Haskell telegram-bot-api `Chat` quote
 * it), so an update names such a chat both ways (issue 25, tester 35 F1: the fake left it out).
 */
function updateChat(chat: FakeChat): Record<string, unknown> {
  if (chat.type === 'private') return { id: chat.id, type: chat.type, first_name: 'U' };
  return { id: chat.id, type: chat.type, title: chat.title, ...(chat.username !== undefined && chat.type !== 'group' ? { username: chat.username } : {}) };
}

export const BOT = { id: 7000001, is_bot: true, first_name: 'Notecast', username: 'notecast_test_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: true };

class ApiFailure extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(description);
  }
}

export interface FakeTelegramOptions {
  token: string;
  /**
   * Telegram's limits; tests may tighten them. `groupWindowMs`: the window of a group's
   * `perGroupPerMinute`, Telegram's minute unless a test shortens it (with the service's own).
   */
  limits?: { globalPerSecond: number; perChatMs: number; perGroupPerMinute: number; groupWindowMs?: number };
}

export class FakeTelegram {
  readonly chats = new Map<number, FakeChat>();
  readonly messages: FakeMessage[] = [];
  readonly calls: CallRecord[] = [];
  readonly commands = new Map<string, { command: string; description: string }[]>();
  readonly inlineAnswers: { inline_query_id: string; results: Record<string, unknown>[]; cache_time?: number; is_personal?: boolean }[] = [];
  readonly callbackAnswers: Record<string, unknown>[] = [];
  tooManyRequests = 0;
  /** Make the next N rate-limited calls fail with 429 regardless (a storm). */
  forced429 = 0;
  /**
   * Make the next N sends, edits and deletes fail with this 5xx status (a burst of server errors): Telegram's front end
   * answers "502 Bad Gateway" for a while when its servers are in trouble (eternnoir/pyTelegramBotAPI#1780,
   * python-telegram-bot/python-telegram-bot#40), and the call did nothing.
   */
  failNext = { count: 0, status: 502 };
  /**
   * While non-zero, every call but getUpdates answers this 5xx status: the front end itself in trouble (the sources
   * above), so getMe, which the service asks while its deliveries wait, fails too. getUpdates is spared so the long poll,
   * with its own retries in grammY, stays out of what a test of deliveries looks at.
   */
  failEveryCall = 0;
  /**
   * The next `count` calls naming one of `chats` (sendMessage, editMessageText, deleteMessage, and getChat when `getChat`)
   * answer 400 "Bad Request: chat not found", whichever chat each names, then every chat answers again: a self-hosted Bot
   * API server that lost its chat database answers that for every chat at once until it is restored
   * (tdlib/telegram-bot-api#219); with `getChat` false, getChat shows the chat meanwhile, as Telegram has for live chats
   * whose sends it answered "chat not found" (tdlib/telegram-bot-api#159). getMe and getUpdates name no chat and answer.
   */
  lostChats = { chats: new Set<number>(), count: 0, getChat: true };
  /**
   * The next N calls of sendMessage, editMessageText and deleteMessage have their connection dropped before the fake
   * reads them (nothing done, as `down` does to every call); `dropped` counts the connections dropped so (by `down` too).
   */
  dropNext = 0;
  dropped = 0;
  /** Calls carried out whose client had closed the connection before the answer was written (it gave up: its timeout). */
  readonly unheard: CallRecord[] = [];
  /** Calls read and not yet carried out or refused (long polls aside): a test waits for none before it reads what a killed client's calls did. */
  carryingOut = 0;
  /** getUpdates calls still to be answered 409 (`conflict`). */
  conflictNext = 0;

  /**
   * Another poller of the same bot (a second instance, a leaked token) takes the next `count` polls' place: each is
   * answered 409 "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
   * (eternnoir/pyTelegramBotAPI#543, pengrad/java-telegram-bot-api#261), the one waiting now at once ("terminated").
   */
  conflict(count: number): void {
    this.conflictNext = count;
    for (const w of this.waiters.splice(0)) w();
  }
  /** While down, every call's connection is dropped without an answer, open long polls too (an outage). */
  private isDown = false;
  get down(): boolean {
    return this.isDown;
  }
  set down(v: boolean) {
    this.isDown = v;
    if (v) this.server?.closeAllConnections();
  }
  /** While true, sends are held unanswered (a platform that times out); `release()` drops them unprocessed. */
  hang = false;
  /** While true, every call (getMe, setMyCommands… included) is accepted and never answered; `release()` ends it. */
  hangEverything = false;
  /** Calls of these methods are held unanswered (as `hang` holds sends); `release()` ends it. */
  readonly hangMethods = new Set<string>();
  private readonly hung: IncomingMessage[] = [];
  /** Calls held unanswered now (see `hang`, `hangMethods`). */
  get held(): number {
    return this.hung.length;
  }
  /** Held sends the client gave up on and closed itself (an aborted call). */
  abandoned = 0;
  /**
   * The next `count` calls of `methods` are carried out (a send: the message is in the chat) and the
   * connection is then dropped without an answer; `late`: answered only after that many ms, past
   * the bot's own timeout. A send can time out and be delivered all the same
   * (python-telegram-bot/python-telegram-bot#1045), and the Bot API has nothing to recognise it
   * sent again (tdlib/telegram-bot-api#126). `then`: what follows once `count` is spent, taken at once by the fake
   * (a test setting it after seeing the first would race the service's next call).
   */
  dropAnswers: DropAnswers = { count: 0, methods: [] };
  /** Answers `late: 'held'` keeps back until `answerLate()`: an answer on its way while the service decides more (tester 32-1 F2, F3). */
  private readonly lateAnswers: (() => void)[] = [];
  /** Calls carried out whose answer `late: 'held'` keeps back now. */
  get answersHeld(): number {
    return this.lateAnswers.length;
  }
  /** Calls whose answer `late: 'held'` kept back and whose connection the client closed meanwhile (it gave up the request). */
  heldClosed = 0;
  /** Sends the answers kept back (`late: 'held'`) to clients still waiting for them. */
  answerLate(): void {
    for (const go of this.lateAnswers.splice(0)) go();
  }

  /**
   * With `dropAnswers.refusals` and `late: 'held'`, a call refused (an error answer: a delete Telegram will not carry
   * out) is held back as an answer is, and counts: a refusal on its way while the service decides more (issue 25).
   * True when the client gave up meanwhile.
   */
  private async refusalHeld(method: string, req: IncomingMessage): Promise<boolean> {
    const d = this.dropAnswers;
    if (!d.refusals || d.late !== 'held' || d.count <= 0 || !d.methods.includes(method)) return false;
    d.count--;
    await new Promise<void>((r) => this.lateAnswers.push(r));
    return req.socket.destroyed;
  }

  release(): void {
    this.hang = false;
    this.hangEverything = false;
    this.hangMethods.clear();
    for (const req of this.hung.splice(0)) req.socket.destroy();
  }
  /** Set by setWebhook: updates are then posted to the bot instead of waiting for getUpdates. */
  readonly webhook = new FakeWebhookSender((left) => this.updates.unshift(...left));
  private readonly updates: Record<string, unknown>[] = [];
  private nextUpdateId = 1;
  private nextMessageId = new Map<number, number>();
  private waiters: (() => void)[] = [];
  private readonly sendTimes: number[] = [];
  private readonly chatLast = new Map<number, number>();
  private readonly groupTimes = new Map<number, number[]>();
  private server?: Server;
  private readonly limits: NonNullable<FakeTelegramOptions['limits']>;

  /** Its own copy of the options: `revokeToken` changes the token of this fake only, never the caller's object (shared by a file's fakes). */
  readonly opts: FakeTelegramOptions;

  constructor(opts: FakeTelegramOptions) {
    this.opts = { ...opts };
    this.limits = opts.limits ?? { globalPerSecond: 30, perChatMs: 1000, perGroupPerMinute: 20 };
  }

  /**
   * BotFather's /revoke: the old token is refused from now on, every method answered 401
   * Unauthorized (TelegramBotAPI/errors json/unauthorized.json); `next` is the bot's new token.
   */
  revokeToken(next: string): void {
    this.opts.token = next;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return this;
  }

  /**
   * Stops listening (`true`) or listens again on the same port (`false`): while closed, every call is
   * refused at connect (ECONNREFUSED: the request was never sent), a host whose server is down.
   */
  async refuseConnections(refuse: boolean): Promise<void> {
    const port = (this.server!.address() as AddressInfo | null)?.port ?? this.refusedPort;
    if (refuse) {
      this.refusedPort = port;
      this.server!.closeAllConnections();
      await new Promise((r) => this.server!.close(r));
    } else {
      await new Promise<void>((r) => this.server!.listen(port, '127.0.0.1', r));
    }
  }
  private refusedPort = 0;

  async stop(): Promise<void> {
    this.webhook.stop();
    for (const w of this.waiters.splice(0)) w();
    this.server?.closeAllConnections();
    this.answerLate(); // to no one: their connections are closed
    if (this.server?.listening) await new Promise((r) => this.server?.close(r));
  }

  addChat(id: number, type: ChatType, members: Record<number, MemberStatus> = {}, title = `chat ${id}`): FakeChat {
    const chat: FakeChat = { id, type, title, members: new Map(Object.entries(members).map(([k, v]) => [Number(k), v])), topics: new Set(), state: 'ok' };
    this.chats.set(id, chat);
    return chat;
  }

  /**
   * `setWebhook`, also as another deployment of the bot calls it: updates that waited for getUpdates go to the
   * webhook, and a long poll waiting now is answered at once with 409 "Conflict: terminated by setWebhook request"
   * (tdlib/telegram-bot-api Client.cpp, `abort_long_poll(true)`), not when its timeout runs out.
   */
  setWebhook(target: { url: string; secret: string | undefined }): void {
    this.webhook.set(target);
    for (const u of this.updates.splice(0)) this.webhook.post(u);
    for (const w of this.waiters.splice(0)) w();
  }

  /**
   * The group `from` upgraded to the supergroup `to` (core.telegram.org/api/channel, "Migration"; messages.migrateChat):
   * the supergroup has the group's members and none of its messages, and every call naming the group is answered 400
   * with `migrate_to_chat_id` (see `state`; the new id in the 400's parameters: atipugin/telegram-bot-ruby#40).
   */
  migrate(from: number, to: number): FakeChat {
    const group = this.chats.get(from)!;
    const supergroup = this.addChat(to, 'supergroup', Object.fromEntries(group.members), group.title);
    group.state = { migratedTo: to };
    return supergroup;
  }

  /**
   * The service messages of `from`'s upgrade, sent to the bot as updates (every bot gets service messages): in the
   * group, Message.migrate_to_chat_id ("The group has been migrated to a supergroup with the specified identifier"), in
   * the supergroup Message.migrate_from_chat_id (core.telegram.org/bots/api#message). `by`: the member who upgraded it.
   */
  tellMigration(from: number, by: number): void {
    const group = this.chats.get(from)!;
    if (typeof group.state !== 'object') throw new Error(`chat ${from} was not upgraded`);
    const supergroup = this.chats.get(group.state.migratedTo)!;
    const service = (chat: FakeChat, extra: Record<string, unknown>) => ({
      message: { message_id: this.newMessageId(chat.id), date: Math.floor(Date.now() / 1000), chat: updateChat(chat), from: { id: by, is_bot: false, first_name: `user${by}` }, ...extra },
    });
    this.push(service(group, { migrate_to_chat_id: supergroup.id }));
    this.push(service(supergroup, { migrate_from_chat_id: from }));
  }

  /**
   * The bot removed from a group (`kicked`) or added back (`member`) by `by`: every call there is refused while it is out
   * (see `state`), and the bot gets `my_chat_member`, "the bot's chat member status was updated in a chat" (a
   * ChatMemberUpdated: core.telegram.org/bots/api#update, #chatmemberupdated, #chatmember), if it asked for that type.
   */
  setBotMembership(chatId: number, status: 'kicked' | 'member', by: number): number | undefined {
    const chat = this.chats.get(chatId)!;
    const was = chat.state === 'kicked' ? 'kicked' : 'member';
    chat.state = status === 'kicked' ? 'kicked' : 'ok';
    const member = (s: string) => ({ status: s, user: BOT, ...(s === 'kicked' ? { until_date: 0 } : {}) });
    return this.push({
      my_chat_member: { chat: updateChat(chat), from: { id: by, is_bot: false, first_name: `user${by}` }, date: Math.floor(Date.now() / 1000), old_chat_member: member(was), new_chat_member: member(status) },
    });
  }

  /**
   * The update types the bot asked for (getUpdates' or setWebhook's `allowed_updates`; "if not specified, the previous
   * setting will be used"; empty: every type but chat_member, message_reaction and message_reaction_count, the default:
   * core.telegram.org/bots/api#getupdates). An update of another type is never delivered.
   */
  private allowedUpdates: Set<string> | undefined;
  private noteAllowedUpdates(p: Record<string, unknown>): void {
    if (!Array.isArray(p.allowed_updates)) return;
    this.allowedUpdates = p.allowed_updates.length ? new Set(p.allowed_updates.map(String)) : undefined;
  }
  private wanted(update: Record<string, unknown>): boolean {
    const type = Object.keys(update)[0] ?? '';
    return this.allowedUpdates ? this.allowedUpdates.has(type) : !['chat_member', 'message_reaction', 'message_reaction_count'].includes(type);
  }

  /** Queues an update and wakes a waiting getUpdates; undefined for a type the bot did not ask for (dropped). */
  push(update: Record<string, unknown>): number | undefined {
    if (!this.wanted(update)) return undefined;
    const update_id = this.nextUpdateId++;
    if (this.webhook.active) {
      this.webhook.post({ update_id, ...update });
      return update_id;
    }
    this.updates.push({ update_id, ...update });
    for (const w of this.waiters.splice(0)) w();
    return update_id;
  }

  command(chatId: number, fromId: number, text: string, extra: Record<string, unknown> = {}): number | undefined {
    const chat = this.chats.get(chatId)!;
    const cmdLen = text.split(/\s/)[0]!.length;
    const message = {
      message_id: this.newMessageId(chatId),
      date: Math.floor(Date.now() / 1000),
      chat: updateChat(chat),
      from: { id: fromId, is_bot: false, first_name: `user${fromId}`, language_code: 'en' },
      text,
      entities: [{ type: 'bot_command', offset: 0, length: cmdLen }],
      ...extra,
    };
    return this.push(chat.type === 'channel' ? { channel_post: message } : { message });
  }

  sentTo(chatId: number): FakeMessage[] {
    return this.messages.filter((m) => m.chatId === chatId && !m.deleted);
  }

  waitFor(pred: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
    return until(pred, timeoutMs, `${what} (fake telegram)`);
  }

  private newMessageId(chatId: number): number {
    const n = (this.nextMessageId.get(chatId) ?? 0) + 1;
    this.nextMessageId.set(chatId, n);
    return n;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const called = /\/([A-Za-z]+)$/.exec(req.url?.split('?')[0] ?? '')?.[1] ?? '';
    if (this.isDown || (this.dropNext > 0 && ['sendMessage', 'editMessageText', 'deleteMessage'].includes(called))) {
      if (!this.isDown) this.dropNext--;
      this.dropped++;
      req.socket.destroy();
      return;
    }
    if (this.hangEverything || (this.hang && called === 'sendMessage') || this.hangMethods.has(called)) {
      this.hung.push(req);
      req.socket.once('close', () => {
        if (this.hung.includes(req)) this.abandoned++;
      });
      return;
    }
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url?.split('?')[0] ?? '');
    let body = '';
    for await (const chunk of req) body += chunk;
    const send = (status: number, json: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    if (!m) return send(404, { ok: false, error_code: 404, description: 'Not Found' });
    if (m[1] !== this.opts.token) return send(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = m[2]!;
    let payload: Record<string, unknown> = {};
    try {
      payload = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    } catch {
      return send(400, { ok: false, error_code: 400, description: 'Bad Request: invalid JSON' });
    }
    const call: CallRecord = { method, payload, at: Date.now(), status: 200 };
    this.calls.push(call);
    const counted = method !== 'getUpdates';
    if (counted) this.carryingOut++;
    try {
      let result: unknown;
      try {
        result = await this.dispatch(method, payload);
      } finally {
        if (counted) this.carryingOut--;
      }
      if (this.dropAnswers.count > 0 && this.dropAnswers.methods.includes(method)) {
        const d = this.dropAnswers;
        d.count--;
        if (d.count === 0 && d.then) this.dropAnswers = d.then;
        if (d.late === undefined) return void req.socket.destroy();
        const late = d.late;
        let held = late === 'held';
        if (held) req.socket.once('close', () => void (held && this.heldClosed++));
        await new Promise<void>((r) => (late === 'held' ? this.lateAnswers.push(r) : setTimeout(r, late)));
        held = false;
        if (req.socket.destroyed) return; // the bot gave up before the answer
      }
      if (req.socket.destroyed) this.unheard.push(call);
      send(200, { ok: true, result });
    } catch (e) {
      if (!(e instanceof ApiFailure)) throw e;
      if (await this.refusalHeld(method, req)) return;
      call.status = e.code;
      if (e.code === 429) this.tooManyRequests++;
      send(e.code, { ok: false, error_code: e.code, description: e.description, ...(e.parameters ? { parameters: e.parameters } : {}) });
    }
  }

  /** Texts as in TelegramBotAPI/errors (json/…) ; `migrate_to_chat_id` per core.telegram.org/bots/api#responseparameters. */
  private chatFor(payload: Record<string, unknown>): FakeChat {
    const chat = this.chatNamed(payload.chat_id);
    if (!chat || chat.state === 'missing') throw new ApiFailure(400, 'Bad Request: chat not found');
    if (chat.state === 'blocked') throw new ApiFailure(403, 'Forbidden: bot was blocked by the user');
    if (chat.state === 'kicked') throw new ApiFailure(403, 'Forbidden: bot was kicked from the group chat');
    if (typeof chat.state === 'object') throw new ApiFailure(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: chat.state.migratedTo });
    return chat;
  }

  /**
   * The chat a `chat_id` names: a numeric id, or `@username` of a channel or supergroup (FakeChat.username; the server
   * looks a name up as a public chat: tdlib/telegram-bot-api Client.cpp, `searchPublicChat` for a chat_id beginning with
   * `@`). An unknown name is "chat not found", as an unknown id is.
   */
  private chatNamed(chatId: unknown): FakeChat | undefined {
    if (typeof chatId === 'string' && chatId.startsWith('@')) {
      const name = chatId.slice(1).toLowerCase();
      return [...this.chats.values()].find((c) => c.username?.toLowerCase() === name && (c.type === 'channel' || c.type === 'supergroup'));
    }
    return this.chats.get(Number(chatId));
  }

  /**
   * Sliding windows of Telegram's limits: about 30 messages a second overall, one a second per chat,
   * 20 a minute per group (core.telegram.org/bots/faq, "My bot is hitting limits"); a call over them
   * gets 429 with `parameters.retry_after` in whole seconds (core.telegram.org/bots/api#responseparameters).
   */
  private rateLimit(chat: FakeChat): void {
    const now = Date.now();
    const retry = (ms: number) => new ApiFailure(429, `Too Many Requests: retry after ${Math.max(1, Math.ceil(ms / 1000))}`, { retry_after: Math.max(1, Math.ceil(ms / 1000)) });
    if (this.forced429 > 0) {
      this.forced429--;
      throw retry(1000);
    }
    while (this.sendTimes.length && this.sendTimes[0]! <= now - 1000) this.sendTimes.shift();
    if (this.sendTimes.length >= this.limits.globalPerSecond) throw retry(this.sendTimes[0]! + 1000 - now);
    const last = this.chatLast.get(chat.id);
    // A little tolerance for timer jitter: Telegram's per-chat limit is "about one a second".
    if (last !== undefined && now - last < this.limits.perChatMs - 50) throw retry(last + this.limits.perChatMs - now);
    if (chat.id < 0) {
      const windowMs = this.limits.groupWindowMs ?? 60_000;
      const times = (this.groupTimes.get(chat.id) ?? []).filter((t) => t > now - windowMs);
      if (times.length >= this.limits.perGroupPerMinute) throw retry(times[0]! + windowMs - now);
      times.push(now);
      this.groupTimes.set(chat.id, times);
    }
    this.sendTimes.push(now);
    this.chatLast.set(chat.id, now);
  }

  private text(payload: Record<string, unknown>): { text: string; html: string } {
    const raw = String(payload.text ?? payload.message_text ?? '');
    if (!raw.trim()) throw new ApiFailure(400, 'Bad Request: message text is empty');
    let visible = raw;
    if (payload.parse_mode === 'HTML') {
      const parsed = parseTelegramHtml(raw);
      if (!parsed.ok) throw new ApiFailure(400, `Bad Request: ${parsed.error.replace(/^Can't/, "can't")}`);
      visible = parsed.text;
    } else if (payload.parse_mode !== undefined) throw new ApiFailure(400, 'Bad Request: unsupported parse_mode in this fake');
    // "1-4096 characters after entities parsing" (core.telegram.org/bots/api#sendmessage), counted as tdlib
    // counts them: `utf8_length`, code points (td/telegram/MessageContent.cpp, "Message is too long").
    if (telegramLength(visible) > 4096) throw new ApiFailure(400, 'Bad Request: message is too long');
    return { text: visible, html: raw };
  }

  /**
   * core.telegram.org/bots/api#deletemessage: "A message can only be deleted if it was sent less than
   * 48 hours ago"; "Bots granted can_post_messages permissions can delete outgoing messages in
   * channels". tdlib (td/telegram/MessagesManager.cpp) answers differently by chat: in supergroups
   * and channels `can_delete_channel_message` ("bots can't delete messages older than 2 days", and a
   * channel post needs can_post_messages) gives "Message can't be deleted"; in private chats and
   * basic groups `can_revoke_message` (2 * 86400 s for bots) gives "Message can't be deleted for
   * everyone". telegram-bot-api (Client.cpp) lower-cases the first letter after "Bad Request: ".
   * The fake's messages are all the bot's own, so those are the rules that apply.
   */
  private checkDeletable(chat: FakeChat, msg: FakeMessage): void {
    const tooOld = Date.now() / 1000 - msg.date >= 2 * 86400;
    const channelLike = chat.type === 'supergroup' || chat.type === 'channel';
    if (channelLike && (tooOld || (chat.type === 'channel' && chat.botRights?.canPostMessages === false))) throw new ApiFailure(400, "Bad Request: message can't be deleted");
    if (!channelLike && tooOld) throw new ApiFailure(400, "Bad Request: message can't be deleted for everyone");
  }

  /**
   * core.telegram.org/bots/api#pinchatmessage, #unpinchatmessage: "If the chat is not a private
   * chat, the bot must be an administrator in the chat for this to work and must have the
   * 'can_pin_messages' administrator right in a supergroup or 'can_edit_messages' administrator
   * right in a channel"; without it Telegram answers "Bad Request: not enough rights to manage
   * pinned messages in the chat" (teloxide/teloxide-core#82). A message that is not there is
   * "message to pin not found" / "message to unpin not found" (tdlib/telegram-bot-api Client.cpp,
   * check_message). Pinning a pinned message, or unpinning one that is not, returns True.
   */
  private pin(method: 'pinChatMessage' | 'unpinChatMessage', p: Record<string, unknown>): true {
    const chat = this.chatFor(p);
    const rights = chat.botRights ?? {};
    const may = chat.type === 'private' || (chat.type === 'channel' ? rights.canEditMessages !== false : rights.canPinMessages !== false);
    if (!may) throw new ApiFailure(400, 'Bad Request: not enough rights to manage pinned messages in the chat');
    const msg = this.messages.find((x) => x.chatId === chat.id && x.messageId === Number(p.message_id) && !x.deleted);
    if (!msg) throw new ApiFailure(400, `Bad Request: message to ${method === 'pinChatMessage' ? 'pin' : 'unpin'} not found`);
    if (p.disable_notification !== undefined && typeof p.disable_notification !== 'boolean') throw new ApiFailure(400, 'Bad Request: invalid disable_notification');
    msg.pinned = method === 'pinChatMessage';
    if (msg.pinned) msg.pinSilently = p.disable_notification === true;
    return true;
  }

  private async dispatch(method: string, p: Record<string, unknown>): Promise<unknown> {
    if (this.failEveryCall && method !== 'getUpdates') throw new ApiFailure(this.failEveryCall, this.failEveryCall === 502 ? 'Bad Gateway' : 'Internal Server Error');
    if (this.lostChats.count > 0 && this.lostChats.chats.has(this.chatNamed(p.chat_id)?.id ?? Number(p.chat_id)) && (method === 'getChat' ? this.lostChats.getChat : ['sendMessage', 'editMessageText', 'deleteMessage'].includes(method))) {
      this.lostChats.count--;
      throw new ApiFailure(400, 'Bad Request: chat not found');
    }
    if (method === 'sendMessage' || method === 'editMessageText' || method === 'deleteMessage') {
      const refusal = this.chatNamed(p.chat_id)?.refuse?.[method];
      if (refusal) throw new ApiFailure(refusal.code, refusal.description);
      const own = this.chatNamed(p.chat_id)?.failNext;
      if (own && own.count > 0) {
        own.count--;
        throw new ApiFailure(500, 'Internal Server Error: restart');
      }
      if (this.failNext.count > 0) {
        this.failNext.count--;
        throw new ApiFailure(this.failNext.status, this.failNext.status === 502 ? 'Bad Gateway' : 'Internal Server Error');
      }
    }
    switch (method) {
      case 'getMe':
        return BOT;
      case 'getChat': {
        // core.telegram.org/bots/api#getchat: "up-to-date information about the chat", a ChatFullInfo; changes nothing.
        // A chat the bot cannot reach is answered as a send to it is (chatFor). A chat's `refuse` (sends only) leaves it alone.
        const chat = this.chatFor(p);
        return { id: chat.id, type: chat.type, ...(chat.title !== undefined ? { title: chat.title } : {}), ...(chat.username !== undefined ? { username: chat.username } : {}), accent_color_id: 0, max_reaction_count: 11 };
      }
      case 'deleteWebhook':
        this.webhook.set(undefined);
        return true;
      case 'setWebhook': {
        // This fake stands for a local-mode server, which also takes http:// URLs (tdlib/telegram-bot-api#91);
        // the official one answers this for anything but HTTPS (tdlib/telegram-bot-api#665).
        if (!/^https?:\/\//.test(String(p.url ?? ''))) throw new ApiFailure(400, 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook');
        this.noteAllowedUpdates(p);
        this.setWebhook({ url: String(p.url), secret: p.secret_token === undefined ? undefined : String(p.secret_token) });
        return true;
      }
      case 'getWebhookInfo': {
        // core.telegram.org/bots/api#getwebhookinfo; the fields as tdlib/telegram-bot-api Client.cpp (JsonWebhookInfo) writes them:
        // url '' when none is set; the last error only once there was one, and kept after later deliveries succeed.
        const e = this.webhook.lastError;
        const pending = this.webhook.active ? this.webhook.pending : this.updates.length;
        return { url: this.webhook.url, has_custom_certificate: false, pending_update_count: pending, ...(e ? { last_error_date: e.date, last_error_message: e.message } : {}) };
      }
      case 'getUpdates':
        // tdlib/telegram-bot-api Client.cpp: getUpdates is refused while a webhook is set.
        if (this.webhook.active) throw new ApiFailure(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        this.noteAllowedUpdates(p);
        return this.getUpdates(p);
      case 'sendMessage': {
        const chat = this.chatFor(p);
        const thread = p.message_thread_id === undefined ? undefined : Number(p.message_thread_id);
        if (thread !== undefined && !chat.topics.has(thread)) throw new ApiFailure(400, 'Bad Request: message thread not found');
        // disable_notification is an optional Boolean (core.telegram.org/bots/api#sendmessage).
        if (p.disable_notification !== undefined && typeof p.disable_notification !== 'boolean') throw new ApiFailure(400, 'Bad Request: invalid disable_notification');
        const { text, html } = this.text(p);
        this.rateLimit(chat);
        const msg: FakeMessage = { chatId: chat.id, messageId: this.newMessageId(chat.id), threadId: thread, text, html, replyMarkup: p.reply_markup, editedTimes: 0, deleted: false, date: Math.floor(Date.now() / 1000), silent: p.disable_notification === true };
        this.messages.push(msg);
        return { message_id: msg.messageId, date: Math.floor(Date.now() / 1000), chat: { id: chat.id, type: chat.type }, text, ...(thread ? { message_thread_id: thread } : {}) };
      }
      case 'editMessageText': {
        const chat = this.chatFor(p);
        const msg = this.messages.find((x) => x.chatId === chat.id && x.messageId === Number(p.message_id) && !x.deleted);
        // tdlib/telegram-bot-api Client.cpp: editMessageText checks the message as "message to edit", failing "<that> not found".
        if (!msg) throw new ApiFailure(400, 'Bad Request: message to edit not found');
        const { text, html } = this.text(p);
        // tdlib/telegram-bot-api Client.cpp: the server's MESSAGE_NOT_MODIFIED is said as this text (an edit of an existing message to what it shows).
        if (html === msg.html && JSON.stringify(p.reply_markup) === JSON.stringify(msg.replyMarkup)) {
          throw new ApiFailure(400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
        }
        this.rateLimit(chat);
        Object.assign(msg, { text, html, replyMarkup: p.reply_markup, editedTimes: msg.editedTimes + 1 });
        return { message_id: msg.messageId, date: Math.floor(Date.now() / 1000), chat: { id: chat.id, type: chat.type }, text };
      }
      case 'deleteMessage': {
        const chat = this.chatFor(p);
        const msg = this.messages.find((x) => x.chatId === chat.id && x.messageId === Number(p.message_id) && !x.deleted);
        if (!msg) throw new ApiFailure(400, 'Bad Request: message to delete not found');
        this.checkDeletable(chat, msg);
        msg.deleted = true;
        return true;
      }
      case 'pinChatMessage':
      case 'unpinChatMessage':
        return this.pin(method, p);
      case 'getChatMember': {
        const chat = this.chatFor(p);
        const status = chat.members.get(Number(p.user_id)) ?? 'left';
        return { status, user: { id: Number(p.user_id), is_bot: false, first_name: 'U' } };
      }
      case 'setMyCommands': {
        const cmds = p.commands as { command: string; description: string }[];
        if (!Array.isArray(cmds) || cmds.length > 100) throw new ApiFailure(400, 'Bad Request: commands must be a list of at most 100');
        for (const c of cmds) {
          if (!/^[a-z0-9_]{1,32}$/.test(c.command)) throw new ApiFailure(400, 'Bad Request: BOT_COMMAND_INVALID');
          if (!c.description || c.description.length > 256) throw new ApiFailure(400, 'Bad Request: command description must be 1-256 characters');
        }
        this.commands.set(String(p.language_code ?? ''), cmds);
        return true;
      }
      case 'answerInlineQuery': {
        const results = p.results as Record<string, unknown>[];
        if (results.length > 50) throw new ApiFailure(400, 'Bad Request: RESULTS_TOO_MUCH');
        const ids = new Set<string>();
        for (const r of results) {
          const id = String(r.id);
          if (!id || Buffer.byteLength(id) > 64 || ids.has(id)) throw new ApiFailure(400, 'Bad Request: RESULT_ID_INVALID');
          ids.add(id);
          this.text((r.input_message_content ?? {}) as Record<string, unknown>);
        }
        this.inlineAnswers.push({ inline_query_id: String(p.inline_query_id), results, ...(p.cache_time !== undefined ? { cache_time: Number(p.cache_time) } : {}), ...(p.is_personal !== undefined ? { is_personal: Boolean(p.is_personal) } : {}) });
        return true;
      }
      case 'answerCallbackQuery':
        // A query is answered once: answering it again (or too late) is refused with this text
        // (go-telegram-bot-api/telegram-bot-api#579; "answers an already answered/expired query", chelaxian/tg-ytdlp-bot#470).
        if (this.callbackAnswers.some((a) => a.callback_query_id === p.callback_query_id)) {
          throw new ApiFailure(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
        }
        this.callbackAnswers.push(p);
        return true;
      default:
        throw new ApiFailure(404, 'Not Found: method not found');
    }
  }

  private async getUpdates(p: Record<string, unknown>): Promise<unknown[]> {
    const terminated = () => {
      if (this.conflictNext <= 0) return;
      this.conflictNext--;
      throw new ApiFailure(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running');
    };
    terminated();
    const offset = Number(p.offset ?? 0);
    // Confirming an offset forgets everything before it (core.telegram.org/bots/api#getupdates, `offset`).
    while (this.updates.length && Number(this.updates[0]!.update_id) < offset) this.updates.shift();
    const limit = Math.min(100, Number(p.limit ?? 100));
    if (!this.updates.length) {
      const timeout = Math.min(50, Number(p.timeout ?? 0)) * 1000;
      if (timeout > 0) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, timeout);
          this.waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
        if (this.webhook.active) throw new ApiFailure(409, 'Conflict: terminated by setWebhook request');
      }
    }
    terminated();
    return this.updates.slice(0, limit);
  }
}
