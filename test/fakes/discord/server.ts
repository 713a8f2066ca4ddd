/**
 * A fake Discord (REST + gateway) on 127.0.0.1 for the real discord.js client. Honest about what
 * Discord enforces: embed limits (with the 6000 total), autocomplete choices, per-route and global
 * rate limits answered with 429 and the headers the client reads, missing and forbidden channels,
 * the 3-second interaction deadline and the 15-minute interaction token (edits of a response, follow-ups), `enforce_nonce` within its window, threads that archive (their
 * creator renaming and archiving them), permissions per operation and per channel (overwrites,
 * permissions.ts; `app_permissions` on interactions), embeds dropped without Embed Links, who a
 * message pings (mentions.ts), forums that require tags, crossposts and their hourly limit, webhooks
 * in threads and forums, shards (4011 for a session holding too many guilds), ids that say when they were made
 * (snowflakes), links stored canonical (opt-in: `canonicalUrls`) and gateway connections held in their handshake
 * (held-handshakes.ts).
 * Sources are cited beside each behaviour: `docs:` paths are files of discord/discord-api-docs
 * (developers/…), fetched at c98d64b.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  ChannelFlags,
  ChannelType,
  MessageFlags,
  MessageType,
  type APIChannel,
  type APIOverwrite,
  type APIMessage,
  type RESTPatchAPIChannelJSONBody,
  type RESTPatchAPIChannelMessageJSONBody,
  type RESTPatchAPIWebhookWithTokenMessageJSONBody,
  type RESTPostAPIChannelMessageJSONBody,
  type RESTPostAPIGuildForumThreadsJSONBody,
  type RESTPostAPIWebhookWithTokenJSONBody,
} from 'discord-api-types/v10';
import { formErrorBody, validateChoices, validateMessage, type EmbedLike } from './limits.js';
import { until } from '../../helpers/until.js';
import { pingsOf, type Pings } from './mentions.js';
import { HeldHandshakes } from './held-handshakes.js';
import { ALL_FAKE_PERMISSIONS, bitsOf, computeOverwrites, type FakePermission } from './permissions.js';

export interface FakeChannel {
  id: string;
  type: number; // 0 text, 5 announcement, 11 public thread, 15 forum
  guild_id: string;
  name: string;
  parent_id?: string;
  access: 'ok' | 'forbidden' | 'noperms' | 'missing';
  /**
   * Message creations here are answered so while every other call shows the channel: a send's answer that disagrees
   * with Get Channel (GET /channels/{channel.id}, "Get a channel by ID. Returns a channel object", discord-api-docs
   * resources/Channel.md), as Telegram's "chat not found" for a live chat does (tdlib/telegram-bot-api#159); no Discord
   * report of it is known: it lets a test check what is asked before a channel is forgotten.
   */
  refusePosts?: { status: number; code: number; message: string };
  /** Channel flags; 1 << 4 is REQUIRE_TAG on forums (docs: resources/channel.mdx, Channel Flags). */
  flags?: number;
  /** A forum's tags (docs: resources/channel.mdx, Forum Tag Object). */
  available_tags?: { id: string; name: string; moderated: boolean; emoji_id: null; emoji_name: null }[];
  /** Threads: tags applied at creation, archive state and when it last saw activity. */
  applied_tags?: string[];
  archived?: boolean;
  locked?: boolean;
  /** When a thread was created: its `thread_metadata.create_timestamp` (docs: resources/channel.mdx, Thread Metadata Object). */
  createdAt?: number;
  lastActivity?: number;
  /** Who created a thread: its creator may rename and (un)archive it without Manage Threads (docs: topics/threads.mdx, Editing & Deleting Threads). */
  owner_id?: string;
  /** Per-channel overwrites (docs: resources/channel.mdx, Overwrite Object); a thread uses its parent's. */
  permission_overwrites?: APIOverwrite[];
}

export type { FakePermission } from './permissions.js';

export interface FakeMessage {
  id: string;
  channel_id: string;
  content?: string;
  embeds: EmbedLike[];
  nonce?: string;
  allowed_mentions?: unknown;
  edits: number;
  deleted: boolean;
  via: 'bot' | 'webhook' | 'interaction';
  username?: string;
  avatar_url?: string;
  at: number;
  /** MessageFlags.Crossposted once published to followers (docs: resources/message.mdx, Message Flags). */
  crossposted?: boolean;
  /** Pinned in its channel (docs: resources/message.mdx, Pin Message; the message object's `pinned`). */
  pinned?: boolean;
  /** Who it notified (see mentions.ts); edits do not notify again. */
  pings: Pings;
  /** Message flags set when it was sent (SUPPRESS_NOTIFICATIONS: 1 << 12). */
  flags: number;
}

/**
 * The flags a new message may carry: "only SUPPRESS_EMBEDS, SUPPRESS_NOTIFICATIONS, IS_VOICE_MESSAGE,
 * and IS_COMPONENTS_V2 can be set" (docs: resources/message.mdx, Create Message; Execute Webhook the same).
 */
const SETTABLE_FLAGS = MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications | MessageFlags.IsVoiceMessage | MessageFlags.IsComponentsV2;

export interface InteractionResponse {
  type: number;
  data?: Record<string, unknown>;
  at: number;
}

/** What the user is shown: the first response (`type`, `at`), and for a deferred one (type 5) the original response as edited. */
export interface InteractionAnswer extends InteractionResponse {
  /** When the answer was shown: `at`, or when the deferred response was edited. */
  shownAt: number;
}

/** An interaction a test sends: a slash command (2) or an autocomplete (4). */
export interface InteractionInput {
  type: 2 | 4;
  guild: string;
  channel: string;
  userId?: string;
  permissions?: bigint;
  locale?: string;
  name: string;
  options?: Record<string, unknown>[];
}

interface PendingInteraction {
  at: number;
  resolve: (r: InteractionResponse) => void;
  responded: boolean;
  /** A deferred response's flags (ephemeral is fixed by the deferral) and who waits for its edit. */
  deferred?: { flags: unknown; edited: (data: Record<string, unknown>) => void };
}

/** A link as the WHATWG URL parser writes it: non-ASCII path percent-encoded, an internationalised host in punycode. */
const canonicalUrl = (u: string) => (URL.canParse(u) ? new URL(u).href : u);
/** Markdown links' targets in a text (`[label](target)`), canonical. */
const canonicalTargets = (text: string) => text.replace(/\]\((https?:\/\/[^\s)]+)\)/g, (_, u: string) => `](${canonicalUrl(u)})`);

/** An embed with its link and the links in its text canonical (see `canonicalUrls`). */
function canonicalLinks(e: EmbedLike): EmbedLike {
  return {
    ...e,
    ...(e.url === undefined ? {} : { url: canonicalUrl(e.url) }),
    ...(e.description === undefined ? {} : { description: canonicalTargets(e.description) }),
    ...(e.fields === undefined ? {} : { fields: e.fields.map((f) => ({ ...f, value: canonicalTargets(f.value) })) }),
  };
}

class Failure extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body.message));
  }
}

/** "Milliseconds since Discord Epoch, the first second of 2015 or 1420070400000" (docs: reference.mdx, Snowflakes). */
const DISCORD_EPOCH_MS = 1_420_070_400_000n;
let snowflake = 0n;
/**
 * An id as Discord makes one: the time it was made, `(ms - epoch) << 22`, then an increment (docs: reference.mdx,
 * Snowflake ID Format Structure), so a message's id says when it was made; never less than the last one.
 */
export const nextId = (): string => {
  const now = (BigInt(Date.now()) - DISCORD_EPOCH_MS) << 22n;
  snowflake = snowflake >= now ? snowflake + 1n : now;
  return String(snowflake);
};

export class FakeDiscord {
  readonly appId = '1100000000000000001';
  readonly botUser = { id: '1100000000000000002', username: 'notecast', discriminator: '0', bot: true, global_name: 'notecast', avatar: null };
  readonly guilds = new Map<string, { id: string; name: string }>();
  readonly channels = new Map<string, FakeChannel>();
  readonly messages: FakeMessage[] = [];
  readonly requests: { method: string; path: string; status: number; at: number }[] = [];
  readonly commands = new Map<string, unknown[]>(); // 'global' or guild id
  commandPuts = 0;
  tooManyRequests = 0;
  /** The next N message creations fail with 429 (a storm), besides the real limits. */
  forced429 = 0;
  /** The next N message creations fail with this 5xx status. */
  failNext = { count: 0, status: 502 };
  /**
   * While non-zero, every REST call answers this 5xx status ("502 BAD GATEWAY: There was not a gateway available to process
   * your request", docs: topics/opcodes-and-status-codes.mdx, HTTP Response Codes): GET /gateway/bot, which the service
   * asks while its deliveries wait, included. The gateway socket is left alone.
   */
  failEveryCall = 0;
  /**
   * The next N interaction callbacks are refused with this 5xx status and not taken: the interaction stays unanswered
   * ("502 BAD GATEWAY: There was not a gateway available to process your request. Wait a bit and retry.", docs:
   * topics/opcodes-and-status-codes.mdx, HTTP Response Codes); a later callback within the 3 s is taken.
   */
  failCallbacks = { count: 0, status: 502 };
  /**
   * The next N edits of an interaction's original response (PATCH /webhooks/{application.id}/{token}/messages/@original)
   * are answered with this 5xx status and not applied (the same 502 as above); a later edit within the token's 15 minutes is.
   */
  failResponseEdits = { count: 0, status: 502 };
  /** Every message creation fails with this 5xx status until then (a burst bounded in time, as real ones are). */
  failUntil = { at: 0, status: 502 };
  /** Every rate-limited call gets a 429 until then (a storm bounded in time). */
  tooManyUntil = 0;
  /**
   * Crossposts: about 10 a channel an hour ("Discord enforces a limit of 10 publishes … per hour",
   * github.com/discordjs/discord.js/issues/4956), answered with a 429 whose `retry_after` runs to
   * the window's end (trust the body's `retry_after`: github.com/discord-net/Discord.Net/pull/2100).
   */
  crosspostLimit = { perChannel: 10, windowMs: 3_600_000 };
  private readonly crossposts = new Map<string, number[]>();
  /** Limits: per channel per route, and global per second. */
  limits = { perChannel: 5, perChannelWindowMs: 5000, globalPerSecond: 50 };
  identifies = 0;
  /** Thread renames (Modify Channel with a `name`). */
  renames = 0;
  resumes = 0;
  /** While true, message creations are held unanswered (a platform that times out). */
  hang = false;
  /**
   * While set, the REST requests it matches (any route) are held unanswered: a Discord that accepts
   * connections and never answers, start-up calls included (issue 25, item 8: grammY's 500 s default
   * left Telegram silent for 8 minutes; discord.js's REST client has its own 15 s default).
   */
  hangWhere: ((method: string, path: string) => boolean) | undefined;
  /** Held requests the client gave up on and closed itself (an aborted call). */
  abandoned = 0;
  /**
   * The next `count` requests `where` matches are carried out (the message is posted) and the
   * connection is then dropped without an answer; `late`: answered only after `ms`, past the bot's
   * own timeout. What a client sees when a request reached Discord and its answer did not: Create
   * Message's `nonce` with `enforce_nonce` is there for that (docs: resources/message.mdx, Create
   * Message, "If another message was created by the same author with the same nonce, that message
   * will be returned"); forum posts and webhooks take no nonce.
   */
  dropAnswers: { count: number; where: (method: string, path: string) => boolean; late?: number | 'held'; refusals?: true } = { count: 0, where: () => false };
  /** Answers `late: 'held'` keeps back until `answerLate()`: an answer on its way while the service decides more (tester 32-1 F2, F3). */
  private readonly lateAnswers: (() => void)[] = [];
  /** Requests carried out whose answer `late: 'held'` keeps back now. */
  get answersHeld(): number {
    return this.lateAnswers.length;
  }
  /** Sends the answers kept back (`late: 'held'`) to clients still waiting for them. */
  answerLate(): void {
    for (const go of this.lateAnswers.splice(0)) go();
  }

  /**
   * With `dropAnswers.refusals` and `late: 'held'`, a request refused (an error answer: a delete Discord will not carry
   * out) is held back as an answer is, and counts: a refusal on its way while the service decides more (issue 25).
   * True when the client gave up meanwhile.
   */
  private async refusalHeld(method: string, path: string, req: IncomingMessage): Promise<boolean> {
    const d = this.dropAnswers;
    if (!d.refusals || d.late !== 'held' || d.count <= 0 || !d.where(method, path)) return false;
    d.count--;
    await new Promise<void>((r) => this.lateAnswers.push(r));
    return req.socket.destroyed;
  }
  private readonly hung: IncomingMessage[] = [];
  /** Requests held unanswered now (see `hang`, `hangWhere`). */
  get held(): number {
    return this.hung.length;
  }
  /**
   * Threads archive after this long without activity (docs: topics/threads.mdx, "Threads
   * automatically archive after a period of inactivity"); real periods are hours, tests shorten it.
   */
  archiveAfterMs = Number.POSITIVE_INFINITY;
  /**
   * `enforce_nonce` checks uniqueness "in the past few minutes" only (docs: resources/message.mdx,
   * Create Message); after this window a resend with the same nonce is a new message.
   */
  nonceWindowMs = 5 * 60_000;
  /**
   * While true, a message's links (an embed's link, and the targets of markdown links in its text) are stored, and
   * answered, as the WHATWG URL parser writes them (non-ASCII paths percent-encoded, hosts in punycode): Discord
   * canonicalises the links it shows so ("This is called URL Canonicalization", discord/discord-api-docs#6239, a
   * Discord engineer); whether a Create Message answer carries them so is not documented, so a test asks for it.
   */
  canonicalUrls = false;
  /** The bot's guild-level permissions (its role's); tests take some away, or deny them per channel with overwrites. */
  readonly permissions = new Set<FakePermission>(ALL_FAKE_PERMISSIONS);
  /** The bot's own role in every guild, which channel overwrites may name. */
  readonly botRoleId = '1100000000000000003';

  /** Stops holding; requests still held are dropped unprocessed. */
  release(): void {
    this.hang = false;
    this.hangWhere = undefined;
    for (const req of this.hung.splice(0)) req.socket.destroy();
  }
  /** While down, every connection is cut at once, REST and gateway alike, as in an outage. */
  private isDown = false;
  /** Gateway connections held in their opening handshake, reset when the test says (held-handshakes.ts). */
  readonly handshakes = new HeldHandshakes();
  readonly webhooks = new Map<string, { token: string; channelId: string }>();

  private server?: Server;
  private wss?: WebSocketServer;
  /** One gateway session per shard: its socket, sequence and what a RESUME replays. */
  private readonly shards = new Map<number, { ws: WebSocket; seq: number; sessionId: string; replay: { s: number; payload: string }[] }>();
  private readonly sessionBase = randomUUID();
  /**
   * "Each shard can only support a maximum of 2500 guilds" (docs: events/gateway.mdx, Sharding);
   * tests lower it rather than add thousands of guilds.
   */
  guildsPerShard = 2500;
  /** `session_start_limit.max_concurrency`: shards that may identify at once (docs: events/gateway.mdx, Session Start Limit Object). */
  maxConcurrency = 1;
  /** Identifies refused with 4011 Sharding required. */
  shardingRequired = 0;
  private readonly buckets = new Map<string, number[]>();
  private readonly globalTimes: number[] = [];
  private readonly pending = new Map<string, PendingInteraction>();
  /**
   * How far the clock interactions are judged by (the 3 s first response, the 15-minute token) runs ahead of the real
   * one: a test moves it on to expire a token without waiting for it.
   */
  interactionClockAheadMs = 0;
  /** Every first response taken (a callback accepted), in order: which interaction, its type, when. */
  readonly firstResponses: { interaction: string; type: number; at: number }[] = [];

  constructor(private bot: string) {}

  /** The bot's token: what REST's `Authorization: Bot …` and the gateway's identify must carry. */
  get token(): string {
    return this.bot;
  }

  /**
   * The token reset in the Developer Portal: the old one is refused from now on, each REST call answered 401
   * Unauthorized (docs: topics/opcodes-and-status-codes.mdx, HTTP 401 "The Authorization header was missing or
   * invalid") and an identify closed with 4004 Authentication failed (the gateway close codes there); `next` is the new
   * one. Sessions already identified are not closed here: what this fakes is the refusal a send meets.
   */
  revokeToken(next: string): void {
    this.bot = next;
  }

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }
  get api(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }
  get down(): boolean {
    return this.isDown;
  }
  set down(v: boolean) {
    this.isDown = v;
    if (v) {
      for (const sh of this.shards.values()) sh.ws.terminate();
      this.server?.closeAllConnections();
    }
  }
  /** Every shard that identified is connected (at least one). */
  get connected(): boolean {
    return this.shards.size > 0 && [...this.shards.values()].every((sh) => sh.ws.readyState === 1);
  }
  /** The shard count Get Gateway Bot recommends: enough for `guildsPerShard` each (docs: events/gateway.mdx, Get Gateway Bot). */
  get recommendedShards(): number {
    return Math.max(1, Math.ceil(this.guilds.size / this.guildsPerShard));
  }
  /** Shards connected now, by id. */
  get connectedShards(): number[] {
    return [...this.shards.entries()].filter(([, sh]) => sh.ws.readyState === 1).map(([id]) => id).sort();
  }
  /** `shard_id = (guild_id >> 22) % num_shards` (docs: events/gateway.mdx, Sharding). */
  shardOf(guildId: string, count = Math.max(1, this.shards.size)): number {
    return Number((BigInt(guildId) >> 22n) % BigInt(count));
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, sock, head) => {
      if (this.isDown || !req.url?.startsWith('/gateway')) return sock.destroy();
      if (this.handshakes.holding) return this.handshakes.hold(req.socket);
      this.wss!.handleUpgrade(req, sock, head, (ws) => this.onSocket(ws, req.headers.host));
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return this;
  }

  async stop(): Promise<void> {
    this.handshakes.reset(); // an upgraded connection would keep the server from closing
    for (const sh of this.shards.values()) sh.ws.terminate();
    this.wss?.close();
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }

  /** Guilds the bot was removed from (kicked), until `addBotToGuild`. */
  readonly removedFrom = new Set<string>();

  /**
   * The bot kicked from a guild: GUILD_DELETE without `unavailable` ("If the unavailable field is not set, the user was
   * removed from the guild", docs: events/gateway-events.mdx, Guild Delete; seen so when kicking a bot:
   * discordjs/discord-api-types#862), no GUILD_CREATE for it at an identify, and every call on its channels answered
   * 403 50001 Missing Access (without access to a guild, channel endpoints "promote missing access over missing
   * permission": discord/discord-api-docs#2709).
   */
  removeBotFromGuild(guild: string): void {
    this.removedFrom.add(guild);
    this.dispatch('GUILD_DELETE', { id: guild }, this.shardOf(guild));
  }

  /** The bot invited back: GUILD_CREATE, sent "when the current user joins a new Guild" (docs: events/gateway-events.mdx, Guild Create). */
  addBotToGuild(guild: string): void {
    this.removedFrom.delete(guild);
    this.dispatch('GUILD_CREATE', this.guildCreate(guild), this.shardOf(guild));
  }

  /** A guild; `id` picks its snowflake, and so its shard (see shardOf). */
  addGuild(name = 'Notes Guild', id = nextId()): string {
    this.guilds.set(id, { id, name });
    return id;
  }

  addChannel(guild: string, type = 0, name = 'notes', access: FakeChannel['access'] = 'ok'): FakeChannel {
    const ch: FakeChannel = { id: nextId(), type, guild_id: guild, name, access };
    this.channels.set(ch.id, ch);
    return ch;
  }

  addWebhook(channelId: string): { id: string; token: string; url: string } {
    const id = nextId();
    const token = `whtoken-${id}-abcdefghijklmnop`;
    this.webhooks.set(id, { token, channelId });
    return { id, token, url: `${this.api}/webhooks/${id}/${token}` };
  }

  messagesIn(channelId: string): FakeMessage[] {
    return this.messages.filter((m) => m.channel_id === channelId && !m.deleted);
  }

  /**
   * Moves when a message was made by `byMs` (earlier when negative): its time and the id that says it (reference.mdx,
   * Snowflakes; the low 22 bits kept, so it stays unique). A test places a first send long before its resend, or after
   * it, without waiting; the message must be one the bot has not learned the id of (its answer lost).
   */
  moveMadeAt(m: FakeMessage, byMs: number): void {
    m.at += byMs;
    m.id = String(((BigInt(m.at) - DISCORD_EPOCH_MS) << 22n) | (BigInt(m.id) & 0x3f_ffffn));
  }

  waitFor(pred: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
    return until(pred, timeoutMs, `${what} (fake discord)`);
  }

  /** Resolves once a bot is connected to the gateway and has identified: what a command or a post can reach. */
  identified(timeoutMs = 15_000): Promise<void> {
    return this.waitFor(() => this.connected && this.identifies > 0, timeoutMs, 'gateway identify');
  }

  // ── gateway ── Hello (op 10), Identify (op 2) → READY, Resume (op 6) → replay + RESUMED, Invalid
  // Session (op 9), close 4004 on a bad token (docs: events/gateway.mdx, Connecting, Identifying, Resuming;
  // topics/opcodes-and-status-codes.mdx, Gateway Close Event Codes).
  private send(ws: WebSocket, payload: unknown) {
    ws.send(JSON.stringify(payload));
  }

  /** Sends an event on one shard's session (kept for a RESUME while it is away). */
  dispatch(t: string, d: unknown, shard = 0): void {
    const sh = this.shards.get(shard);
    if (!sh) return;
    const s = ++sh.seq;
    const payload = JSON.stringify({ op: 0, t, s, d });
    sh.replay.push({ s, payload });
    if (sh.replay.length > 1000) sh.replay.shift();
    if (sh.ws.readyState === 1) sh.ws.send(payload);
  }

  /** Drops every shard's connection with a resumable close code; the client should RESUME. */
  disconnect(code = 4000): void {
    for (const sh of this.shards.values()) sh.ws.close(code, 'fake disconnect');
  }

  private guildCreate(id: string) {
    const g = this.guilds.get(id)!;
    // Threads are not guild channels: GUILD_CREATE lists them apart (docs: events/gateway-events.mdx, Guild Create).
    const channels = [...this.channels.values()].filter((c) => c.guild_id === id && c.access !== 'missing' && c.type !== ChannelType.PublicThread).map((c) => ({ ...this.apiChannel(c), position: 0, permission_overwrites: c.permission_overwrites ?? [] }));
    // The bot's own member and role come with the guild, so a client can compute its permissions (docs: events/gateway-events.mdx, Guild Create).
    const base = String(bitsOf(this.permissions));
    const me = { user: this.botUser, roles: [this.botRoleId], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 };
    return {
      id, name: g.name, icon: null, owner_id: '1', afk_timeout: 300, verification_level: 0, default_message_notifications: 0, explicit_content_filter: 0,
      roles: [
        { id, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
        { id: this.botRoleId, name: 'notecast', permissions: base, position: 1, color: 0, hoist: false, managed: true, mentionable: false, flags: 0 },
      ],
      emojis: [], stickers: [], features: [], mfa_level: 0, system_channel_flags: 0, premium_tier: 0, preferred_locale: 'en-US', nsfw_level: 0,
      unavailable: false, member_count: 2, large: false, joined_at: new Date().toISOString(), members: [me], channels, threads: [], presences: [], voice_states: [], stage_instances: [], guild_scheduled_events: [],
    };
  }

  /**
   * The address each gateway connection was made to (its upgrade's Host). GET /gateway/bot and READY's
   * `resume_gateway_url` name the address the caller used, so a service that reaches this fake through a relay
   * (kill-cut.ts CutLink) opens its gateway through it too and a kill cuts it, as the kernel closes a killed process's
   * sockets. Named by this server's own port, the gateway bypassed the relay: a killed in-process service's socket
   * stayed open, and `stop()` waited for it for ever (the platform + crash model's seed 1300 never exited).
   */
  private readonly hostOf = new WeakMap<WebSocket, string>();

  private onSocket(ws: WebSocket, host: string | undefined) {
    this.hostOf.set(ws, host ?? `127.0.0.1:${this.port}`);
    this.send(ws, { op: 10, d: { heartbeat_interval: 41250 } });
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> };
      if (msg.op === 1) this.send(ws, { op: 11 });
      else if (msg.op === 2) this.identify(ws, msg.d);
      else if (msg.op === 6) {
        const id = [...this.shards.entries()].find(([, sh]) => sh.sessionId === msg.d.session_id)?.[0];
        if (msg.d.token !== this.token || id === undefined) return this.send(ws, { op: 9, d: false });
        const sh = this.shards.get(id)!;
        sh.ws = ws;
        this.resumes++;
        for (const r of sh.replay) if (r.s > Number(msg.d.seq)) ws.send(r.payload);
        this.dispatch('RESUMED', {}, id);
      }
    });
  }

  /**
   * Identify: `shard: [shard_id, num_shards]` (default [0, 1]). A session that would hold more
   * guilds than a shard may is closed with 4011 Sharding required (docs: topics/opcodes-and-status-codes.mdx,
   * Gateway Close Event Codes); a shard gets READY and a GUILD_CREATE for its own guilds only.
   */
  private identify(ws: WebSocket, d: Record<string, unknown>): void {
    if (d.token !== this.token) return ws.close(4004, 'Authentication failed.');
    const [id, count] = (Array.isArray(d.shard) ? d.shard : [0, 1]) as [number, number];
    const mine = [...this.guilds.keys()].filter((g) => this.shardOf(g, count) === id && !this.removedFrom.has(g));
    if (count * this.guildsPerShard < this.guilds.size || mine.length > this.guildsPerShard) {
      this.shardingRequired++;
      return ws.close(4011, 'Sharding required.');
    }
    this.identifies++;
    const sessionId = `${this.sessionBase}-${id}`;
    this.shards.set(id, { ws, seq: 0, sessionId, replay: [] });
    const ready = { v: 10, user: this.botUser, guilds: mine.map((g) => ({ id: g, unavailable: true })), session_id: sessionId, resume_gateway_url: `ws://${this.hostOf.get(ws) ?? `127.0.0.1:${this.port}`}/gateway`, shard: [id, count], application: { id: this.appId, flags: 0 } };
    this.dispatch('READY', ready, id);
    // Without a GUILD_CREATE per guild, discord.js waits 15 s before it is ready.
    for (const g of mine) this.dispatch('GUILD_CREATE', this.guildCreate(g), id);
  }

  /** Sends an interaction and resolves with the bot's callback. */
  interact(i: InteractionInput): Promise<InteractionResponse> {
    return this.sendInteraction(i).first;
  }

  private sendInteraction(i: InteractionInput): { id: string; first: Promise<InteractionResponse> } {
    const id = nextId();
    const token = `itoken-${id}`;
    const ch = this.channels.get(i.channel)!;
    const user = { id: i.userId ?? '42', username: 'someone', discriminator: '0', global_name: 'Someone', avatar: null };
    const d = {
      id, application_id: this.appId, type: i.type, token, version: 1, locale: i.locale ?? 'en-US', guild_locale: 'en-US', guild_id: i.guild, channel_id: i.channel,
      channel: { id: ch.id, type: ch.type, guild_id: i.guild, name: ch.name, ...(ch.parent_id ? { parent_id: ch.parent_id } : {}) },
      member: { user, roles: [], permissions: String(i.permissions ?? 0n), joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
      // "Bitwise set of permissions the app has in the source location of the interaction" (docs: interactions/receiving-and-responding.mdx).
      app_permissions: String(this.botPermissionsIn(ch)), entitlements: [], authorizing_integration_owners: { 0: i.guild }, context: 0,
      data: { id: nextId(), name: i.name, type: 1, guild_id: i.guild, options: i.options ?? [] },
    };
    const first = new Promise<InteractionResponse>((resolve) => {
      this.pending.set(id, { at: Date.now(), resolve, responded: false });
      this.dispatch('INTERACTION_CREATE', d, this.shardOf(i.guild));
    });
    return { id, first };
  }

  /**
   * Sends an interaction and resolves with what the user is shown: the response, or a deferred response
   * (type 5, "ACK an interaction and edit a response later, the user sees a loading state":
   * interactions/receiving-and-responding.mdx) once the bot edits its original response.
   */
  async interactAnswer(i: InteractionInput): Promise<InteractionAnswer> {
    const { id, first } = this.sendInteraction(i);
    const edited = new Promise<Record<string, unknown>>((resolve) => {
      const p = this.pending.get(id)!;
      p.deferred = { flags: undefined, edited: resolve };
    });
    const ack = await first;
    if (ack.type !== 5) return { ...ack, shownAt: ack.at };
    const data = await edited;
    return { type: ack.type, at: ack.at, data: { ...data, flags: this.pending.get(id)!.deferred!.flags }, shownAt: Date.now() };
  }

  // ── REST ──
  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.isDown) return void req.socket.destroy();
    const held = this.hangWhere?.(req.method ?? 'GET', new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/api\/v10/, ''));
    if (held || (this.hang && req.method === 'POST' && /\/channels\/\d+\/messages$/.test(req.url ?? ''))) {
      this.hung.push(req);
      req.socket.once('close', () => {
        if (this.hung.includes(req)) this.abandoned++;
      });
      return;
    }
    let body = '';
    for await (const c of req) body += c;
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname.replace(/^\/api\/v10/, '');
    const method = req.method ?? 'GET';
    const record = { method, path, status: 200, at: Date.now() };
    this.requests.push(record);
    const reply = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      // A 204 carries no JSON content type (discord.js would try to parse it).
      if (status === 204) res.writeHead(204, headers).end();
      else res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(json));
    };
    try {
      const isInteraction = path.startsWith('/interactions/') || path.startsWith('/webhooks/');
      if (!isInteraction && req.headers.authorization !== `Bot ${this.token}`) throw new Failure(401, { code: 0, message: '401: Unauthorized' });
      const json = body ? (JSON.parse(body) as Record<string, unknown>) : {};
      const out = await this.route(method, path, json, url.searchParams, req.headers.host);
      if (this.dropAnswers.count > 0 && this.dropAnswers.where(method, path)) {
        this.dropAnswers.count--;
        if (this.dropAnswers.late === undefined) return void req.socket.destroy();
        const late = this.dropAnswers.late;
        await new Promise<void>((r) => (late === 'held' ? this.lateAnswers.push(r) : setTimeout(r, late)));
        if (req.socket.destroyed) return; // the client gave up before the answer
      }
      reply(out.status, out.body, out.headers);
    } catch (e) {
      if (!(e instanceof Failure)) {
        reply(500, { code: 0, message: String(e) });
        return;
      }
      if (await this.refusalHeld(method, path, req)) return;
      if (e.status === 429) this.tooManyRequests++;
      reply(e.status, e.body, e.headers);
    }
  }

  /** 10003 Unknown Channel, 50001 Missing Access, 50013 Missing Permissions (docs: topics/opcodes-and-status-codes.mdx, JSON Error Codes). */
  private channel(id: string): FakeChannel {
    const ch = this.channels.get(id);
    if (!ch || ch.access === 'missing') throw new Failure(404, { code: 10003, message: 'Unknown Channel' });
    if (ch.access === 'forbidden' || this.removedFrom.has(ch.guild_id)) throw new Failure(403, { code: 50001, message: 'Missing Access' });
    if (ch.access === 'noperms') throw new Failure(403, { code: 50013, message: 'Missing Permissions' });
    return ch;
  }

  /**
   * Per-channel bucket and global limit; 429 with `retry_after`, `Retry-After`, `X-RateLimit-*` and
   * `X-RateLimit-Scope` as Discord sends them (docs: topics/rate-limits.mdx, Header Format, Exceeding A Rate Limit).
   */
  private rateLimit(bucket: string): Record<string, string> {
    const now = Date.now();
    while (this.globalTimes.length && this.globalTimes[0]! <= now - 1000) this.globalTimes.shift();
    if (this.globalTimes.length >= this.limits.globalPerSecond) {
      const after = (this.globalTimes[0]! + 1000 - now) / 1000;
      throw new Failure(429, { message: 'You are being rate limited.', retry_after: after, global: true }, { 'retry-after': String(Math.ceil(after)), 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' });
    }
    const times = (this.buckets.get(bucket) ?? []).filter((t) => t > now - this.limits.perChannelWindowMs);
    const headers = (remaining: number, resetAfter: number) => ({
      'x-ratelimit-limit': String(this.limits.perChannel),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': String((now + resetAfter * 1000) / 1000),
      'x-ratelimit-reset-after': resetAfter.toFixed(3),
      'x-ratelimit-bucket': `fake-${bucket.split(':')[0]}`,
    });
    if (this.forced429 > 0 || now < this.tooManyUntil || times.length >= this.limits.perChannel) {
      if (this.forced429 > 0) this.forced429--;
      const after = times.length >= this.limits.perChannel ? (times[0]! + this.limits.perChannelWindowMs - now) / 1000 : 1;
      throw new Failure(429, { message: 'You are being rate limited.', retry_after: after, global: false }, { ...headers(0, after), 'retry-after': String(Math.ceil(after)), 'x-ratelimit-scope': 'user' });
    }
    times.push(now);
    this.buckets.set(bucket, times);
    this.globalTimes.push(now);
    const resetAfter = (times[0]! + this.limits.perChannelWindowMs - now) / 1000;
    return headers(this.limits.perChannel - times.length, resetAfter);
  }

  private createMessage(channelId: string, json: Record<string, unknown>, via: FakeMessage['via']): FakeMessage {
    const errors = validateMessage(json as { content?: string; embeds?: EmbedLike[] });
    const flags = json.flags === undefined ? 0 : Number(json.flags);
    if (!Number.isInteger(flags) || (flags & ~SETTABLE_FLAGS) !== 0) errors.push({ path: 'flags', code: 'MESSAGE_FLAGS_INVALID', message: 'Invalid message flags' });
    if (errors.length) throw new Failure(400, formErrorBody(errors));
    const embeds = ((json.embeds as EmbedLike[] | undefined) ?? []).map((e) => (this.canonicalUrls ? canonicalLinks(e) : e));
    const text = json.content as string | undefined;
    const content = this.canonicalUrls && text !== undefined ? canonicalTargets(text) : text;
    const m: FakeMessage = { flags, id: nextId(), channel_id: channelId, content, embeds, nonce: json.nonce as string | undefined, allowed_mentions: json.allowed_mentions, edits: 0, deleted: false, via, at: Date.now(), pings: pingsOf(json.content as string | undefined, json.allowed_mentions as Parameters<typeof pingsOf>[1], via) };
    this.messages.push(m);
    return m;
  }

  private apiMessage(m: FakeMessage): APIMessage {
    return {
      id: m.id, channel_id: m.channel_id, type: MessageType.Default, content: m.content ?? '', embeds: m.embeds, author: this.botUser, timestamp: new Date(m.at).toISOString(), edited_timestamp: null,
      tts: false, mention_everyone: m.pings.everyone, mentions: [], mention_roles: m.pings.roles, attachments: [], pinned: m.pinned === true, components: [], ...(m.crossposted || m.flags ? { flags: m.flags | (m.crossposted ? MessageFlags.Crossposted : 0) } : {}), ...(m.nonce ? { nonce: m.nonce } : {}),
    };
  }

  /** An edit keeps what it does not name; the result must still be a valid message (50035 otherwise). */
  private editMessage(msg: FakeMessage, body: RESTPatchAPIChannelMessageJSONBody): void {
    const embeds = (body.embeds as EmbedLike[] | undefined) ?? msg.embeds;
    const content = body.content === undefined ? msg.content : (body.content ?? undefined);
    const errors = validateMessage({ content, embeds });
    if (errors.length) throw new Failure(400, formErrorBody(errors));
    msg.embeds = embeds;
    msg.content = content;
    msg.edits++;
  }

  private apiChannel(ch: FakeChannel): APIChannel {
    const base = { id: ch.id, type: ch.type, guild_id: ch.guild_id, name: ch.name, flags: ch.flags ?? 0, ...(ch.parent_id ? { parent_id: ch.parent_id } : {}) };
    if (ch.type === ChannelType.GuildForum || ch.type === ChannelType.GuildMedia) return { ...base, available_tags: ch.available_tags ?? [] } as unknown as APIChannel;
    if (ch.type === ChannelType.PublicThread) {
      return { ...base, applied_tags: ch.applied_tags ?? [], thread_metadata: { archived: !!ch.archived, locked: !!ch.locked, auto_archive_duration: 1440, archive_timestamp: new Date(ch.lastActivity ?? Date.now()).toISOString(), ...(ch.createdAt ? { create_timestamp: new Date(ch.createdAt).toISOString() } : {}) }, ...(ch.owner_id ? { owner_id: ch.owner_id } : {}) } as unknown as APIChannel;
    }
    return base as unknown as APIChannel;
  }

  /** Every Pin and Unpin Message call that succeeded, in order. */
  readonly pinCalls: { method: 'PUT' | 'DELETE'; channel: string; message: string }[] = [];

  /**
   * Pin Message (PUT) and Unpin Message (DELETE) on /channels/{id}/messages/pins/{message.id}:
   * "Requires the PIN_MESSAGES permission", 204 on success (docs: resources/message.mdx, Pin Message,
   * Unpin Message); since February 23, 2026 MANAGE_MESSAGES alone no longer grants it (docs:
   * change-log.mdx, "Permission Changes Going into Effect February 2026"). At most 250 pins a
   * channel: 30003 (docs: topics/opcodes-and-status-codes.mdx).
   */
  private pinRoute(method: 'PUT' | 'DELETE', channelId: string, messageId: string): { status: number } {
    const ch = this.channel(channelId);
    const msg = this.messages.find((x) => x.channel_id === ch.id && x.id === messageId && !x.deleted);
    if (!msg) throw new Failure(404, { code: 10008, message: 'Unknown Message' });
    this.need('PinMessages', ch);
    if (method === 'PUT' && !msg.pinned && this.messages.filter((x) => x.channel_id === ch.id && x.pinned && !x.deleted).length >= 250) {
      throw new Failure(400, { code: 30003, message: 'Maximum number of pins reached (250)' });
    }
    msg.pinned = method === 'PUT';
    this.pinCalls.push({ method, channel: ch.id, message: msg.id });
    return { status: 204 };
  }

  /** The bot's permissions in a channel: the guild base with the channel's (a thread: its parent's) overwrites. */
  botPermissionsIn(ch: FakeChannel): bigint {
    const holder = ch.type === ChannelType.PublicThread && ch.parent_id ? (this.channels.get(ch.parent_id) ?? ch) : ch;
    return computeOverwrites(bitsOf(this.permissions), { guildId: ch.guild_id, userId: this.botUser.id, roles: [this.botRoleId] }, holder.permission_overwrites ?? []);
  }

  /**
   * 50001 Missing Access without View Channel, else 50013 unless the bot holds `perm` in `ch`
   * (docs: topics/permissions.mdx; codes: topics/opcodes-and-status-codes.mdx).
   */
  private need(perm: FakePermission, ch: FakeChannel): void {
    const held = this.botPermissionsIn(ch);
    if (!(held & bitsOf(['ViewChannel']))) throw new Failure(403, { code: 50001, message: 'Missing Access' });
    if (!(held & bitsOf([perm]))) throw new Failure(403, { code: 50013, message: 'Missing Permissions' });
  }

  private holds(perm: FakePermission, ch: FakeChannel): boolean {
    return (this.botPermissionsIn(ch) & bitsOf([perm])) !== 0n;
  }

  /**
   * Modify Channel on a thread (docs: resources/channel.mdx, Modify Channel, JSON Params (Thread);
   * topics/threads.mdx). Its creator may change `name` and `archived` without Manage Threads
   * ("requires MANAGE_THREADS or that the current user is the thread creator"); anyone else may
   * unarchive an unlocked thread with Send Messages; a locked one needs Manage Threads. Changing
   * anything but `archived` "requires the thread to have archived set to false or be set to false
   * in the request" (50083 otherwise).
   */
  private patchThread(ch: FakeChannel, body: RESTPatchAPIChannelJSONBody): { status: number; body: unknown } {
    this.threadState(ch);
    const creator = ch.owner_id === this.botUser.id;
    if (ch.locked && !(body.archived === true && creator)) this.need('ManageThreads', ch);
    else if (creator) this.need('ViewChannel', ch);
    else if (body.archived === false && body.name === undefined) this.need('SendMessages', ch);
    else this.need('ManageThreads', ch);
    if (body.name !== undefined) {
      if (ch.archived && body.archived !== false) throw new Failure(400, { code: 50083, message: 'Thread is archived' });
      if (!body.name || [...body.name].length > 100) throw new Failure(400, formErrorBody([{ path: 'name', code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' }]));
      ch.name = body.name;
      this.renames++;
    }
    if (body.archived !== undefined && body.archived !== null) ch.archived = body.archived;
    if (body.archived === false) ch.lastActivity = Date.now(); // unarchiving counts as activity (docs: topics/threads.mdx)
    return { status: 200, body: this.apiChannel(ch) };
  }

  /**
   * Without Embed Links a bot's embeds are dropped: a message that would be left empty is refused
   * with 50013 Missing Permissions on create (github.com/discord/discord-api-docs/issues/2601), and
   * an edit is stripped of them, "empty" (50006) when nothing else is left (issues/5648, #2601).
   */
  private refuseEmbedsWithoutPermission(ch: FakeChannel, json: Record<string, unknown>): void {
    const embeds = json.embeds as unknown[] | undefined;
    if (!embeds?.length || this.holds('EmbedLinks', ch)) return;
    if (!json.content) throw new Failure(403, { code: 50013, message: 'Missing Permissions' });
    json.embeds = [];
  }

  private stripEmbedsWithoutPermission(ch: FakeChannel, json: Record<string, unknown>): Record<string, unknown> {
    const embeds = json.embeds as unknown[] | undefined;
    if (!embeds?.length || this.holds('EmbedLinks', ch)) return json;
    const content = json.content as string | undefined;
    if (!content) throw new Failure(400, { code: 50006, message: 'Cannot send an empty message' });
    return { ...json, embeds: [] };
  }

  /** A thread archives once idle for `archiveAfterMs`; activity (a message, an unarchive) restarts the clock. */
  private threadState(ch: FakeChannel): FakeChannel {
    if (ch.type === ChannelType.PublicThread && !ch.archived && Date.now() - (ch.lastActivity ?? 0) >= this.archiveAfterMs) ch.archived = true;
    return ch;
  }

  /** Editing in an archived thread: 50083 (docs: topics/threads.mdx, "Users cannot edit messages … in archived threads"). */
  private refuseIfArchived(channelId: string): void {
    const ch = this.channels.get(channelId);
    if (ch && this.threadState(ch).archived) throw new Failure(400, { code: 50083, message: 'Thread is archived' });
  }

  /**
   * Sending into an archived thread unarchives it, unless a moderator locked it (docs: topics/threads.mdx:
   * "Sending a message will automatically unarchive the thread, unless the thread has been locked").
   */
  private sendInto(ch: FakeChannel): void {
    if (ch.type !== ChannelType.PublicThread) return;
    this.threadState(ch);
    if (ch.archived && ch.locked) throw new Failure(403, { code: 160005, message: 'Thread is locked' });
    ch.archived = false;
    ch.lastActivity = Date.now();
  }

  /** Archives a thread at once, as the auto-archive timer would. */
  archive(threadId: string, locked = false): void {
    const ch = this.channels.get(threadId)!;
    ch.archived = true;
    ch.locked = locked;
  }

  /** Forum posts (threads) under a forum, oldest first. */
  postsIn(forumId: string): FakeChannel[] {
    return [...this.channels.values()].filter((c) => c.parent_id === forumId && c.access !== 'missing');
  }

  /** A forum post: a thread whose starter message shares its id (docs: resources/channel.mdx, Start Thread in Forum or Media Channel). */
  private createForumPost(forum: FakeChannel, name: string, message: Record<string, unknown>, appliedTags: unknown, via: FakeMessage['via'], webhookId?: string): { thread: FakeChannel; msg: FakeMessage } {
    if (!name || [...name].length > 100) throw new Failure(400, formErrorBody([{ path: 'name', code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' }]));
    const tags = Array.isArray(appliedTags) ? appliedTags.map(String) : [];
    // REQUIRE_TAG (1 << 4): "requires that a tag from available_tags be specified" (docs: topics/threads.mdx); 40067 otherwise.
    if ((forum.flags ?? 0) & ChannelFlags.RequireTag && tags.length === 0) throw new Failure(400, { code: 40067, message: 'A tag is required to create a forum post in this channel' });
    const known = new Set((forum.available_tags ?? []).map((t) => t.id));
    if (tags.length > 5 || tags.some((t) => !known.has(t))) throw new Failure(400, formErrorBody([{ path: 'applied_tags', code: 'BASE_TYPE_CHOICES', message: 'Value must be one of the forum’s tags (at most 5).' }]));
    const thread = this.addChannel(forum.guild_id, ChannelType.PublicThread, name);
    thread.parent_id = forum.id;
    thread.applied_tags = tags;
    thread.lastActivity = thread.createdAt = Date.now();
    thread.owner_id = via === 'bot' ? this.botUser.id : (webhookId ?? '0'); // a webhook's post is owned by the webhook
    const msg = this.createMessage(thread.id, message, via);
    msg.id = thread.id; // a forum post's starter message shares the thread's id
    return { thread, msg };
  }

  private async route(method: string, path: string, json: Record<string, unknown>, query: URLSearchParams, host = `127.0.0.1:${this.port}`): Promise<{ status: number; body?: unknown; headers?: Record<string, string> }> {
    let m: RegExpExecArray | null;
    if (this.failEveryCall) throw new Failure(this.failEveryCall, { code: 0, message: `${this.failEveryCall}: Bad Gateway` });
    if (method === 'GET' && path === '/gateway/bot') {
      return { status: 200, body: { url: `ws://${host}/gateway`, shards: this.recommendedShards, session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: this.maxConcurrency } } };
    }
    if (method === 'GET' && path === '/applications/@me') return { status: 200, body: { id: this.appId, name: 'notecast', flags: 0 } };
    if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path)) && method === 'PUT') {
      const cmds = json as unknown as { name: string; description: string; options?: unknown[] }[];
      for (const c of cmds) {
        if (!/^[-_\p{Ll}\p{N}]{1,32}$/u.test(c.name) || !c.description || c.description.length > 100 || (c.options?.length ?? 0) > 25) throw new Failure(400, formErrorBody([{ path: 'name', code: 'APPLICATION_COMMAND_INVALID', message: 'Invalid command' }]));
      }
      this.commandPuts++;
      const stored = cmds.map((c) => ({ ...c, id: nextId(), application_id: this.appId, version: nextId() }));
      this.commands.set(m[2] ?? 'global', stored);
      return { status: 200, body: stored };
    }
    if ((m = /^\/guilds\/(\d+)\/threads\/active$/.exec(path)) && method === 'GET') {
      // List Active Guild Threads: "all active threads in the guild that current user can access" (docs: resources/guild.mdx).
      const active = [...this.channels.values()].filter((c) => c.guild_id === m![1] && c.type === ChannelType.PublicThread && c.access === 'ok' && !this.threadState(c).archived);
      return { status: 200, body: { threads: active.map((c) => this.apiChannel(c)), members: [] } };
    }
    if ((m = /^\/channels\/(\d+)$/.exec(path))) {
      const ch = this.channel(m[1]!);
      if (method === 'GET') return { status: 200, body: this.apiChannel(this.threadState(ch)) };
      if (method === 'PATCH' && ch.type === ChannelType.PublicThread) return this.patchThread(ch, json as RESTPatchAPIChannelJSONBody);
      if (method === 'DELETE') {
        // "Requires the MANAGE_CHANNELS permission for the guild, or MANAGE_THREADS if the channel is a thread" (docs: resources/channel.mdx, Delete/Close Channel).
        if (ch.type === ChannelType.PublicThread) this.need('ManageThreads', ch);
        ch.access = 'missing';
        return { status: 200, body: this.apiChannel(ch) };
      }
    }
    if ((m = /^\/channels\/(\d+)\/threads$/.exec(path)) && method === 'POST') {
      const forum = this.channel(m[1]!);
      if (forum.type !== ChannelType.GuildForum && forum.type !== ChannelType.GuildMedia) throw new Failure(400, { code: 50024, message: 'Cannot execute action on this channel type' });
      // "creating a thread in a thread-only channel only requires the SEND_MESSAGES permission" (docs: topics/threads.mdx).
      this.need('SendMessages', forum);
      this.refuseEmbedsWithoutPermission(forum, (json.message ?? {}) as Record<string, unknown>);
      const body = json as unknown as RESTPostAPIGuildForumThreadsJSONBody;
      const headers = this.rateLimit(`threads:${forum.id}`);
      // Start Thread in Forum takes no nonce (docs: resources/channel.mdx): a resend is a second post.
      const { thread, msg } = this.createForumPost(forum, String(body.name ?? ''), (body.message ?? {}) as Record<string, unknown>, body.applied_tags, 'bot');
      return { status: 201, body: { ...this.apiChannel(thread), message: this.apiMessage(msg) }, headers };
    }
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === 'GET') {
      // Get Channel Messages: newest to oldest, at most `limit` (1-100, 50 by default), `after` an id (docs: resources/message.mdx).
      const ch = this.channel(m[1]!);
      this.need('ViewChannel', ch);
      // "If the current user is missing the READ_MESSAGE_HISTORY permission in the channel, then no
      // messages will be returned" (docs: resources/message.mdx, Get Channel Messages).
      if (!this.holds('ReadMessageHistory', ch)) return { status: 200, body: [] };
      const after = query.get('after');
      const limit = Math.min(100, Math.max(1, Number(query.get('limit') ?? 50)));
      const newer = this.messagesIn(ch.id).filter((x) => after === null || BigInt(x.id) > BigInt(after));
      // With `after`, the oldest `limit` messages after it; without, the newest.
      const page = after === null ? newer.slice(-limit) : newer.slice(0, limit);
      return { status: 200, body: page.reverse().map((x) => this.apiMessage(x)) };
    }
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === 'POST') {
      if (this.failNext.count > 0 || Date.now() < this.failUntil.at) {
        const status = this.failNext.count > 0 ? this.failNext.status : this.failUntil.status;
        if (this.failNext.count > 0) this.failNext.count--;
        throw new Failure(status, { code: 0, message: `${status}: Bad Gateway` });
      }
      const ch = this.channel(m[1]!);
      if (ch.refusePosts) throw new Failure(ch.refusePosts.status, { code: ch.refusePosts.code, message: ch.refusePosts.message });
      this.need(ch.type === ChannelType.PublicThread ? 'SendMessagesInThreads' : 'SendMessages', ch);
      this.refuseEmbedsWithoutPermission(ch, json);
      const body = json as RESTPostAPIChannelMessageJSONBody;
      const headers = this.rateLimit(`messages:${ch.id}`);
      if (body.enforce_nonce && body.nonce !== undefined) {
        const dup = this.messages.find((x) => x.channel_id === ch.id && x.nonce === String(body.nonce) && Date.now() - x.at < this.nonceWindowMs);
        if (dup) return { status: 200, body: this.apiMessage(dup), headers };
      }
      this.sendInto(ch);
      return { status: 200, body: this.apiMessage(this.createMessage(ch.id, json, 'bot')), headers };
    }
    if ((m = /^\/channels\/(\d+)\/messages\/pins\/(\d+)$/.exec(path)) && (method === 'PUT' || method === 'DELETE')) return this.pinRoute(method, m[1]!, m[2]!);
    if ((m = /^\/channels\/(\d+)\/messages\/(\d+)\/crosspost$/.exec(path)) && method === 'POST') {
      // "Crosspost a message in an Announcement Channel … requires SEND_MESSAGES if the current user
      // sent the message, or additionally MANAGE_MESSAGES for all other messages" (docs: resources/message.mdx).
      const ch = this.channel(m[1]!);
      if (ch.type !== ChannelType.GuildAnnouncement) throw new Failure(400, { code: 50024, message: 'Cannot execute action on this channel type' });
      const msg = this.messages.find((x) => x.channel_id === ch.id && x.id === m![2] && !x.deleted);
      if (!msg) throw new Failure(404, { code: 10008, message: 'Unknown Message' });
      this.need('SendMessages', ch);
      if (msg.via !== 'bot') this.need('ManageMessages', ch);
      if (msg.crossposted) throw new Failure(400, { code: 40033, message: 'This message has already been crossposted.' });
      const now = Date.now();
      const times = (this.crossposts.get(ch.id) ?? []).filter((t) => t > now - this.crosspostLimit.windowMs);
      if (times.length >= this.crosspostLimit.perChannel) {
        const after = (times[0]! + this.crosspostLimit.windowMs - now) / 1000;
        throw new Failure(429, { message: 'You are being rate limited.', retry_after: after, global: false }, { 'retry-after': String(Math.ceil(after)), 'x-ratelimit-limit': String(this.crosspostLimit.perChannel), 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': after.toFixed(3), 'x-ratelimit-reset': String((now + after * 1000) / 1000), 'x-ratelimit-bucket': 'fake-crosspost', 'x-ratelimit-scope': 'shared' });
      }
      this.crossposts.set(ch.id, [...times, now]);
      msg.crossposted = true;
      return { status: 200, body: this.apiMessage(msg) };
    }
    if ((m = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path))) {
      const ch = this.channel(m[1]!);
      const msg = this.messages.find((x) => x.channel_id === ch.id && x.id === m![2] && !x.deleted);
      if (!msg) throw new Failure(404, { code: 10008, message: 'Unknown Message' });
      const headers = this.rateLimit(`edit:${ch.id}`);
      if (method === 'PATCH') {
        this.refuseIfArchived(ch.id);
        this.editMessage(msg, this.stripEmbedsWithoutPermission(ch, json) as RESTPatchAPIChannelMessageJSONBody);
        return { status: 200, body: this.apiMessage(msg), headers };
      }
      if (method === 'DELETE') {
        // Others' messages need Manage Messages (docs: resources/message.mdx, Delete Message); deleting is allowed in archived threads (docs: topics/threads.mdx).
        if (msg.via !== 'bot') this.need('ManageMessages', ch);
        msg.deleted = true;
        return { status: 204, headers };
      }
    }
    if ((m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path)) && method === 'POST') {
      const p = this.pending.get(m[1]!);
      // "you must send an initial response within 3 seconds" (docs: interactions/receiving-and-responding.mdx); 10062 after.
      if (!p || this.interactionNow() - p.at > 3000) throw new Failure(404, { code: 10062, message: 'Unknown interaction' });
      if (this.failCallbacks.count > 0 && this.failCallbacks.count--) throw new Failure(this.failCallbacks.status, { code: 0, message: `${this.failCallbacks.status}: Bad Gateway` });
      // One first response per interaction: a callback after it (a try again whose first was taken, its answer lost) is
      // refused with 40060 "Interaction has already been acknowledged" (docs: topics/opcodes-and-status-codes.mdx, JSON Error Codes).
      if (p.responded) throw new Failure(400, { code: 40060, message: 'Interaction has already been acknowledged.' });
      const data = json.data as Record<string, unknown> | undefined;
      if (json.type === 8) {
        const errors = validateChoices(data?.choices as { name: string; value: string }[]);
        if (errors.length) throw new Failure(400, formErrorBody(errors));
      } else if (json.type === 4 && data) {
        const errors = validateMessage(data as { content?: string; embeds?: EmbedLike[] });
        if (errors.length) throw new Failure(400, formErrorBody(errors));
      }
      p.responded = true;
      this.firstResponses.push({ interaction: m[1]!, type: Number(json.type), at: Date.now() });
      if (json.type === 5 && p.deferred) p.deferred.flags = data?.flags;
      p.resolve({ type: Number(json.type), data, at: Date.now() });
      return query.get('with_response') === 'true' ? { status: 200, body: { interaction: { id: m[1], type: 2 } } } : { status: 204 };
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(%40original|@original|\d+))?$/.exec(path))) {
      const [, id, token, mid] = m;
      if (id === this.appId) {
        const answered = this.interactionWebhook(method, token!, mid, json);
        if (answered) return answered;
      }
      const hook = this.webhooks.get(id!);
      if (!hook) throw new Failure(404, { code: 10015, message: 'Unknown Webhook' });
      if (hook.token !== token) throw new Failure(401, { code: 50027, message: 'Invalid Webhook Token' });
      const ch = this.channel(hook.channelId);
      // `thread_id` names a thread inside the webhook's channel (docs: resources/webhook.mdx, Execute/Edit/Delete Webhook Message).
      const threadId = query.get('thread_id');
      const thread = threadId ? this.channels.get(threadId) : undefined;
      if (threadId && (!thread || thread.parent_id !== ch.id || thread.access === 'missing')) throw new Failure(404, { code: 10003, message: 'Unknown Channel' });
      if (method === 'POST' && !mid) {
        const body = json as RESTPostAPIWebhookWithTokenJSONBody;
        // Webhook names may not contain "clyde" or "discord" (docs: resources/webhook.mdx, Create Webhook).
        if (body.username && /clyde|discord/i.test(body.username)) throw new Failure(400, formErrorBody([{ path: 'username', code: 'USERNAME_INVALID_CONTAINS', message: 'Username cannot contain "discord"' }]));
        const headers = this.rateLimit(`webhook:${id}`);
        let msg: FakeMessage;
        if (ch.type === ChannelType.GuildForum || ch.type === ChannelType.GuildMedia) {
          // "If the webhook channel is a forum or media channel, you must provide either thread_id … or thread_name" (docs: resources/webhook.mdx); 220001 otherwise.
          if (thread) {
            this.sendInto(thread); // "The thread will automatically be unarchived."
            msg = this.createMessage(thread.id, json, 'webhook');
          } else if (body.thread_name) msg = this.createForumPost(ch, body.thread_name, json, body.applied_tags, 'webhook', id).msg;
          else throw new Failure(400, { code: 220001, message: 'Webhooks posted to forum channels must have a thread_name or thread_id' });
        } else {
          if (thread) this.sendInto(thread);
          msg = this.createMessage(thread?.id ?? ch.id, json, 'webhook');
        }
        if (body.username) msg.username = String(body.username);
        if (body.avatar_url) msg.avatar_url = String(body.avatar_url);
        return query.get('wait') === 'true' ? { status: 200, body: this.apiMessage(msg), headers } : { status: 204, headers };
      }
      // Without thread_id, only messages in the webhook's own channel are found: 10008 for one in a thread.
      const where = thread?.id ?? ch.id;
      const msg = this.messages.find((x) => x.channel_id === where && x.id === mid && x.via === 'webhook' && !x.deleted);
      if (!msg) throw new Failure(404, { code: 10008, message: 'Unknown Message' });
      if (method === 'PATCH') {
        this.refuseIfArchived(where);
        this.editMessage(msg, json as RESTPatchAPIWebhookWithTokenMessageJSONBody);
        return { status: 200, body: this.apiMessage(msg) };
      }
      if (method === 'DELETE') {
        msg.deleted = true;
        return { status: 204 };
      }
    }
    throw new Failure(404, { code: 0, message: `404: Not Found (${method} ${path})` });
  }

  private interactionNow(): number {
    return Date.now() + this.interactionClockAheadMs;
  }

  /**
   * Interaction follow-ups and the original response, reached with the interaction's token ("Interactions--both
   * receiving and responding--are webhooks under the hood", docs: interactions/receiving-and-responding.mdx).
   */
  private interactionWebhook(method: string, token: string, mid: string | undefined, json: Record<string, unknown>): { status: number; body: unknown } | undefined {
    const p = this.pending.get(token.replace(/^itoken-/, ''));
    const age = p ? this.interactionNow() - p.at : Infinity;
    // "Interaction tokens are valid for 15 minutes", and "If the 3 second deadline is exceeded, the token will be
    // invalidated" (docs: interactions/receiving-and-responding.mdx): Discord answers 401 50027 Invalid Webhook Token
    // then (discord/discord-api-docs#6851, "After the 15 mins window, any API request made to it returns 401").
    if (!p || age > 15 * 60_000 || (!p.responded && age > 3000)) throw new Failure(401, { code: 50027, message: 'Invalid Webhook Token' });
    // Before the initial response there is no original response to edit nor follow-up to send: 10015 Unknown Webhook
    // (discordjs/discord.js#10587, which now refuses it in the client before asking).
    if (!p.responded) throw new Failure(404, { code: 10015, message: 'Unknown Webhook' });
    if ((method === 'POST' && !mid) || (method === 'PATCH' && mid)) {
      // "Functions the same as Edit Webhook Message" / "Execute Webhook": a message's limits hold (docs: same file).
      const errors = validateMessage(json as { content?: string; embeds?: EmbedLike[] });
      if (errors.length) throw new Failure(400, formErrorBody(errors));
    }
    if (method === 'POST' && !mid) return { status: 200, body: { id: nextId(), ...json } };
    if (method === 'PATCH' && mid) {
      if (this.failResponseEdits.count > 0 && this.failResponseEdits.count--) throw new Failure(this.failResponseEdits.status, { code: 0, message: `${this.failResponseEdits.status}: Bad Gateway` });
      // The original response as edited; its ephemeral state stays the deferral's ("an existing message's ephemeral
      // state cannot be changed", docs: same file, Create Followup Message): interactAnswer reports the deferral's flags.
      if (mid !== String(Number(mid))) p.deferred?.edited(json);
      return { status: 200, body: { id: nextId(), ...json } };
    }
    return undefined;
  }
}
