/**
 * Discord on discord.js: the outbox's post/edit/delete through the REST client (whose queue keeps
 * per-route rate limits), and slash commands with autocomplete through the gateway (Guilds intent only).
 */
import { Client, DiscordAPIError, DiscordjsError, DiscordjsErrorCodes, Events, GatewayIntentBits, RateLimitError, REST, RESTEvents, Routes, Status, type RESTOptions } from 'discord.js';
import type { Config } from '../../config/schema.js';
import { errorText, PlatformAuthError } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { AdapterState } from '../../publish/port.js';
import type { Target } from '../../store/types.js';
import type { CommandDeps } from '../../commands/index.js';
import { OfferedNotes } from '../../commands/lookup.js';
import { answerInteraction } from './interactions.js';
import type { ChatAdapter } from '../../publish/port.js';
import type { Templates } from '../../render/templates/compile.js';
import { createDiscordDelivery, type DiscordRouteOptions, type DiscordWebhookRoute } from './deliver.js';

export type { DiscordRouteOptions, DiscordWebhookRoute } from './deliver.js';
import { commandsHash, discordCommandPayloads } from './commands.js';
import { classifyDiscordError } from './errors.js';
import { boundedRestOptions } from './calls.js';
import { missingForPosting } from './permissions.js';
import { ShardsKeepingErrorListeners } from './gateway-shards.js';
import { listeners, type Listeners } from '../../util/listeners.js';

export interface DiscordAdapterOptions {
  token: string;
  config: Config['discord'];
  /** Channel id → webhook, for routes that ask for webhook delivery. */
  webhooks?: ReadonlyMap<string, DiscordWebhookRoute>;
  /** Channel id → what its config route asks for (crosspost, forum tags). */
  routes?: ReadonlyMap<string, DiscordRouteOptions>;
  /** The adapter's own state in the store (see AdapterState). */
  state: AdapterState;
  deps: CommandDeps;
  log: Logger;
  /** The config's message templates (each chat's route's, else the global ones); the defaults without. */
  templates?: Templates | undefined;
  /** Our own limit on every REST call (`delivery.callTimeoutMs`; see calls.ts). */
  callTimeoutMs: number;
}

export { autocompleteChoices } from './interactions.js';

/** Registers the commands (globally or in one guild) only when they differ from what was last registered. */
export async function registerDiscordCommands(rest: REST, store: Pick<AdapterState, 'getMeta' | 'setMeta'>, opts: { applicationId?: string | undefined; guild?: string | undefined; force?: boolean }): Promise<{ changed: boolean; scope: string }> {
  const appId = opts.applicationId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const payloads = discordCommandPayloads();
  const hash = commandsHash(payloads);
  const scope = opts.guild ? `guild:${opts.guild}` : 'global';
  const key = `discord.commands.${appId}.${scope}`;
  if (!opts.force && store.getMeta(key) === hash) return { changed: false, scope };
  await rest.put(opts.guild ? Routes.applicationGuildCommands(appId, opts.guild) : Routes.applicationCommands(appId), { body: payloads });
  store.setMeta(key, hash);
  return { changed: true, scope };
}

/**
 * Short rate limits (up to `rateLimitWaitMaxMs`, config `discord.rateLimitWaitMaxMs`) are waited out
 * by the REST queue; long ones and every failure go back to the outbox, the one place that retries
 * deliveries (retries: 0).
 */
function queueOptions(api: string, rateLimitWaitMaxMs: number): Pick<RESTOptions, 'api' | 'retries' | 'rejectOnRateLimit'> {
  return { api, retries: 0, rejectOnRateLimit: (d) => d.retryAfter > rateLimitWaitMaxMs };
}

/** Start-up's gateway lookup (discord-api-docs, topics/gateway.mdx, Get Gateway Bot): about no channel, changes nothing; any answer but a 5xx, a refusal included, is one. */
async function askDiscord(rest: REST, signal: AbortSignal): Promise<void> {
  try {
    await rest.get(Routes.gatewayBot(), { signal });
  } catch (e) {
    if (!(e instanceof DiscordAPIError && e.status < 500) && !(e instanceof RateLimitError)) throw e;
  }
}

/**
 * Whether a channel a send found gone (10003 Unknown Channel, 10004 Unknown Guild) is gone (ChatAdapter.confirmGone):
 * Get Channel (GET /channels/{channel.id}, docs: resources/channel.mdx, "Get a channel by ID"; reads, changes nothing)
 * must answer so too; a channel it returns is kept.
 */
async function discordChannelGone(rest: REST, target: Target, signal: AbortSignal): Promise<boolean> {
  try {
    await rest.get(Routes.channel(target.thread || target.chat), { signal });
    return false;
  } catch (e) {
    if (!(e instanceof DiscordAPIError)) throw e;
    const f = classifyDiscordError(e, 'post');
    return f.kind === 'permanent' && f.chatGone === true;
  }
}

/** With `bound`, every call has our own time limit, each call given up told to `said` (calls.ts). */
export function createDiscordRest(token: string, api: string, rateLimitWaitMaxMs: number, bound?: { callTimeoutMs: number; said: (line: string) => void }): REST {
  return new REST({ ...queueOptions(api, rateLimitWaitMaxMs), ...(bound ? boundedRestOptions(bound.callTimeoutMs, bound.said) : {}) }).setToken(token);
}

/**
 * A call made with the bot token answered 401, or the gateway closed with 4004 Authentication failed (discord-api-docs,
 * topics/opcodes-and-status-codes.mdx): the token is refused, whichever call met it (connections.ts keeps the state).
 * Interaction callbacks and webhook posts carry no bot token (`auth: false`), so their 401 is not the bot's.
 */
export function tokenRefusals(client: Client, log: Logger): Listeners<string> {
  const refusals = listeners<string>();
  client.rest.on(RESTEvents.Response, (request, response) => {
    if (response.status === 401 && request.data.auth !== false) refusals.tell(`discord ${request.method} ${request.route}: 401 Unauthorized`);
  });
  client.on(Events.ShardDisconnect, (e, shard) => {
    log.warn({ shard, code: e.code }, 'discord gateway disconnected');
    if (e.code === 4004) refusals.tell('discord gateway: 4004 Authentication failed');
  });
  return refusals;
}

/**
 * The bot's permissions in a channel, overwrites applied, from the guild the gateway keeps current; undefined when the
 * gateway shows no such channel (the bot is not in its guild: removed, GUILD_DELETE).
 */
function missingPermissionsIn(client: Client): (id: string) => string[] | undefined {
  return (id) => {
    const ch = client.channels.cache.get(id);
    const perms = ch && client.user && 'permissionsFor' in ch ? ch.permissionsFor(client.user) : null;
    return ch && perms ? missingForPosting(perms, ch.type) : undefined;
  };
}

/**
 * The bot joined a guild (GUILD_CREATE "when the current user joins a new Guild", docs: events/gateway-events.mdx), or a
 * channel's or role's permissions changed: chats waiting for the bot that it can reach now get what waited (letBackIn).
 */
const BOT_REACH_EVENTS = [Events.GuildCreate, Events.ChannelUpdate, Events.GuildRoleUpdate] as const;

/**
 * Paused chats (store/paused-chats.ts) that the gateway shows the bot can post in again: in the guild, every permission
 * a post needs held. What waited for the bot there goes (a refusal after all lets it wait again: no timer); a paused
 * chat still named remembers it, so a later /unsubscribe lets its edits go at once, as Telegram's my_chat_member does.
 */
function letBackIn(state: AdapterState, missingPermissions: (id: string) => readonly string[] | undefined, log: Logger): void {
  for (const chat of new Set(state.pausedChats.pausedIn('discord').map((t) => t.chat))) {
    if (missingPermissions(chat)?.length !== 0) continue;
    const woken = state.pausedChats.botBack('discord', chat);
    if (woken.length) log.info({ channel: chat }, 'the bot is back in a channel: the changes to its messages that waited for it go now');
  }
}

export interface DiscordAdapter extends ChatAdapter {
  client: Client;
}

/** The discord.js client: the Guilds intent only, every REST call bounded (calls.ts), no mention pinging anyone. */
function discordClient(o: DiscordAdapterOptions, log: Logger): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    // discord.js 14 connects one shard unless told otherwise (ClientOptions `shardCount` = 1), and Discord closes a session holding more than
    // 2,500 guilds with 4011 Sharding required (events/gateway.mdx, Sharding). 'auto' takes the count Get Gateway Bot recommends (`shards`).
    shards: 'auto',
    rest: { ...queueOptions(o.config.api, o.config.rateLimitWaitMaxMs), globalRequestsPerSecond: o.config.globalRequestsPerSecond, ...boundedRestOptions(o.callTimeoutMs, (line, fields) => log.warn(fields, line)) },
    allowedMentions: { parse: [] },
    // A connection a shard lets go of while it is still being made must not end the process when it fails (gateway-shards.ts).
    ws: { buildStrategy: (manager) => new ShardsKeepingErrorListeners(manager, log) },
  });
}

export function createDiscordAdapter(o: DiscordAdapterOptions): DiscordAdapter {
  const log = o.log.child({ platform: 'discord' });
  const client = discordClient(o, log);
  const missingPermissions = missingPermissionsIn(client);
  const offered = new OfferedNotes(); // short keys of long note ids in autocomplete choices
  const delivery = createDiscordDelivery({
    rest: client.rest,
    templates: o.templates,
    webhooks: o.webhooks,
    routes: o.routes,
    log,
    botUserId: () => client.user?.id,
    // The gateway keeps channels (forum tags included) current; REST is asked only for what it lacks.
    cachedChannel: (id) => {
      const ch = client.channels.cache.get(id);
      if (!ch) return undefined;
      const tags = 'availableTags' in ch ? ch.availableTags.map((t) => ({ id: t.id, name: t.name })) : [];
      return { type: ch.type, flags: ch.flags?.bitfield ?? 0, availableTags: tags, name: 'name' in ch ? (ch.name ?? undefined) : undefined, guildId: 'guildId' in ch ? ch.guildId : undefined };
    },
    missingPermissions,
  });
  const wakeReachable = () => letBackIn(o.state, missingPermissions, log);
  for (const e of BOT_REACH_EVENTS) client.on(e, wakeReachable);
  // Deferred answers still tried again are given up at a stop; a start after a stop (connections.ts tears a failed
  // connect down, then starts again) makes a new one, or every later deferred answer would be given up at its first 5xx.
  let stopping = new AbortController();
  client.on(Events.InteractionCreate, (i) => void answerInteraction(i, { deps: o.deps, ephemeralLookups: o.config.ephemeralLookups, offered, log, stopping: stopping.signal }));
  client.on(Events.ShardResume, () => log.info('discord gateway resumed'));
  client.on(Events.Error, (e) => log.error({ err: e.message }, 'discord client error'));

  return {
    platform: 'discord',
    timesItsCalls: true, // calls.ts: each request the REST queue sends (after its rate-limit waits) has callTimeoutMs
    client,
    post: (target, message, ctx) => delivery.post(target, message, ctx),
    edit: (target, messageId, message, ctx) => delivery.edit(target, messageId, message, ctx),
    delete: (target, messageId, ctx) => delivery.delete(target, messageId, ctx),
    crosspost: (target, messageId, ctx) => delivery.crosspost(target, messageId, ctx),
    pin: (target, messageId, ctx) => delivery.pin(target, messageId, ctx),
    unpin: (target, messageId, ctx) => delivery.unpin(target, messageId, ctx),
    classify: classifyDiscordError,
    resendGuard: (target) => delivery.resendGuard(target),
    findLostSend: (target, sent, ctx) => delivery.findLostSend(target, sent, ctx),
    probe: (signal) => askDiscord(client.rest, signal),
    confirmGone: (target, _reason, signal) => discordChannelGone(client.rest, target, signal),
    healthy: () => client.isReady() && client.ws.shards.every((shard) => shard.status === Status.Ready), // 'ready' lasts through a reconnect: the shards say
    onTokenRefused: tokenRefusals(client, log).add,
    async start() {
      if (stopping.signal.aborted) stopping = new AbortController();
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      try {
        await client.login(o.token);
      } catch (e) {
        // discord.js turns the gateway lookup's 401 into TokenInvalid (WebSocketManager.connect).
        if ((e instanceof DiscordjsError && e.code === DiscordjsErrorCodes.TokenInvalid) || (e instanceof DiscordAPIError && e.status === 401)) {
          throw new PlatformAuthError('discord', 'discord refused the bot token (401 Unauthorized): check DISCORD_TOKEN');
        }
        throw e;
      }
      await ready;
      log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord connected');
      wakeReachable(); // let back in while the service was stopped: READY's guilds say so
      if (o.config.registerCommands) {
        // Announcements do not depend on it: a failure is logged and tried again at the next start.
        try {
          const r = await registerDiscordCommands(client.rest, o.state, { applicationId: o.config.applicationId ?? client.application?.id, guild: o.config.commandGuild });
          log.info(r, r.changed ? 'discord commands registered' : 'discord commands unchanged');
        } catch (e) {
          log.error({ err: errorText(e) }, 'could not register the discord commands');
        }
      }
    },
    async stop() {
      stopping.abort();
      await client.destroy();
    },
  };
}
