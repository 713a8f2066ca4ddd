/**
 * Discord on discord.js: the outbox's post/edit/delete through the REST client (whose queue keeps
 * per-route rate limits), and slash commands with autocomplete through the gateway (Guilds intent only).
 */
import { ChannelType, Client, Events, GatewayIntentBits, MessageFlags, PermissionFlagsBits, REST, Routes, Status, type Interaction } from 'discord.js';
import type { APIChannel, APIMessage } from 'discord.js';
import type { Config } from '../../config/schema.js';
import { findCommand, runCommand, type CommandDeps, type CommandReply } from '../../commands/index.js';
import { SLOW_DOWN_TEXT } from '../../commands/limit.js';
import type { Logger } from '../../log.js';
import { renderDiscordDigest } from '../../render/digest.js';
import { renderDiscordEmbed, renderDiscordMessage } from '../../render/discord.js';
import { defuseMentions, discordLinkTarget, escapeDiscordMarkdown } from '../../render/escape.js';
import type { Store } from '../../store/store.js';
import type { Target } from '../../store/types.js';
import { truncate } from '../../util/text.js';
import { noteKey } from '../../commands/note-key.js';
import type { ChatAdapter, OutgoingMessage, SendContext } from '../types.js';
import { commandsHash, discordCommandPayloads } from './commands.js';
import { classifyDiscordError } from './errors.js';

/** A channel whose announcements go through a webhook, with its own name and avatar. */
export interface DiscordWebhookRoute {
  id: string;
  token: string;
  username?: string | undefined;
  avatarUrl?: string | undefined;
}

export interface DiscordAdapterOptions {
  token: string;
  config: Config['discord'];
  /** Channel id → webhook, for routes that ask for webhook delivery. */
  webhooks?: ReadonlyMap<string, DiscordWebhookRoute>;
  store: Store;
  deps: CommandDeps;
  log: Logger;
}

/** Discord locales → note languages as our notes write them. */
export function langOfLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  if (locale === 'zh-TW') return 'hant';
  return locale.split('-')[0];
}

const FORUM_TYPES = new Set<number>([ChannelType.GuildForum, ChannelType.GuildMedia]);
const THREAD_PREFIX = 'thread:';

function payloadOf(m: OutgoingMessage) {
  return m.type === 'summary' ? renderDiscordMessage(m.summary) : renderDiscordDigest(m.items);
}

function titleOf(m: OutgoingMessage): string {
  return truncate(m.type === 'summary' ? m.summary.title : `${m.items.length} new notes`, 100);
}

/** Registers the commands (globally or in one guild) only when they differ from what was last registered. */
export async function registerDiscordCommands(rest: REST, store: Store, opts: { applicationId?: string | undefined; guild?: string | undefined; force?: boolean }): Promise<{ changed: boolean; scope: string }> {
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

export function createDiscordRest(token: string, api: string): REST {
  // Short rate limits are waited out by the REST queue; long ones and every failure go back to
  // the outbox, the one place that retries deliveries (retries: 0).
  return new REST({ api, retries: 0, rejectOnRateLimit: (d) => d.retryAfter > 10_000 }).setToken(token);
}

export interface DiscordAdapter extends ChatAdapter {
  client: Client;
}

export function createDiscordAdapter(o: DiscordAdapterOptions): DiscordAdapter {
  const log = o.log.child({ platform: 'discord' });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: o.config.api, retries: 0, rejectOnRateLimit: (d) => d.retryAfter > 10_000, globalRequestsPerSecond: o.config.globalRequestsPerSecond },
    allowedMentions: { parse: [] },
  });
  const rest = client.rest;
  const keys = new Map<string, string>();

  const channelType = async (id: string, signal?: AbortSignal): Promise<number> => {
    const cached = client.channels.cache.get(id);
    if (cached) return cached.type;
    return ((await rest.get(Routes.channel(id), { signal })) as APIChannel).type;
  };

  const choiceValue = (id: string): string => {
    if (id.length <= 97) return `id:${id}`;
    const k = noteKey(id);
    keys.set(k, id);
    return `k:${k}`;
  };

  const renderReply = (reply: CommandReply, ephemeral: boolean) => {
    const flags = ephemeral ? (MessageFlags.Ephemeral as const) : undefined;
    switch (reply.type) {
      case 'silent':
        return { content: escapeDiscordMarkdown(SLOW_DOWN_TEXT), allowedMentions: { parse: [] }, flags: MessageFlags.Ephemeral as const };
      case 'text':
        return { content: escapeDiscordMarkdown(reply.text).slice(0, 2000), allowedMentions: { parse: [] }, flags };
      case 'note':
        return { embeds: [renderDiscordEmbed(reply.summary)], allowedMentions: { parse: [] }, flags };
      case 'list': {
        const lines = reply.items.map((r, i) => `${i + 1}. ${r.url ? `[${escapeDiscordMarkdown(r.title)}](${discordLinkTarget(r.url)})` : escapeDiscordMarkdown(r.title)}`);
        return { embeds: [{ title: defuseMentions(reply.heading), description: lines.join('\n').slice(0, 4096), color: 0x5865f2 }], allowedMentions: { parse: [] }, flags };
      }
    }
  };

  const onInteraction = async (i: Interaction) => {
    const started = performance.now();
    try {
      if (i.isAutocomplete()) {
        const focused = String(i.options.getFocused()).slice(0, 100);
        const lang = langOfLocale(i.locale);
        const results = focused.trim() ? o.deps.search.search(focused, { lang, limit: 25 }) : o.deps.search.latest(25);
        await i.respond(results.slice(0, 25).map((r) => ({ name: truncate(r.title, 100) || r.id.slice(0, 100), value: choiceValue(r.id) })));
        log.debug({ command: i.commandName, ms: Math.round(performance.now() - started) }, 'autocomplete answered');
        return;
      }
      if (!i.isChatInputCommand()) return;
      const cmd = findCommand(i.commandName);
      if (!cmd) return;
      const options: Record<string, string | number | undefined> = {};
      for (const opt of i.options.data) options[opt.name] = typeof opt.value === 'boolean' ? String(opt.value) : opt.value;
      if (typeof options.query === 'string' && options.query.startsWith('k:')) {
        const id = keys.get(options.query.slice(2));
        options.query = id ? `id:${id}` : '';
      }
      const target: Target = { platform: 'discord', chat: i.channelId, thread: '' };
      const reply = await runCommand(
        cmd,
        {
          target,
          userId: i.user.id,
          locale: langOfLocale(i.locale),
          options,
          // Checked again here: the default permission is only a default that server admins can change.
          isAdmin: async () => i.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false,
        },
        o.deps,
      );
      const lookup = cmd.definition.name === 'note' || cmd.definition.name === 'latest' || cmd.definition.name === 'help';
      await i.reply(renderReply(reply, lookup ? o.config.ephemeralLookups : reply.type === 'text' && !cmd.definition.adminOnly));
      log.debug({ command: i.commandName, channel: i.channelId, ms: Math.round(performance.now() - started) }, 'command answered');
    } catch (e) {
      // The adapter's one error handler: details to the log, a friendly word to the user.
      log.error({ command: 'commandName' in i ? i.commandName : undefined, channel: i.channelId, err: e instanceof Error ? e.message : String(e) }, 'discord interaction failed');
      if (i.isRepliable() && !i.replied && !i.deferred) {
        await i.reply({ content: 'Sorry, something went wrong. Please try again in a moment.', flags: MessageFlags.Ephemeral }).catch(() => undefined);
      }
    }
  };
  client.on(Events.InteractionCreate, (i) => void onInteraction(i));
  client.on(Events.ShardResume, () => log.info('discord gateway resumed'));
  client.on(Events.ShardDisconnect, (_e, shard) => log.warn({ shard }, 'discord gateway disconnected'));
  client.on(Events.Error, (e) => log.error({ err: e.message }, 'discord client error'));

  return {
    platform: 'discord',
    client,
    async post(target, message, ctx: SendContext) {
      const p = payloadOf(message);
      const hook = o.webhooks?.get(target.chat);
      if (hook) {
        const body = { ...p, ...(hook.username ? { username: hook.username } : {}), ...(hook.avatarUrl ? { avatar_url: hook.avatarUrl } : {}) };
        const query = new URLSearchParams({ wait: 'true', ...(target.thread ? { thread_id: target.thread } : {}) });
        const msg = (await rest.post(Routes.webhook(hook.id, hook.token), { body, query, auth: false, signal: ctx.signal })) as APIMessage;
        return { messageId: msg.id };
      }
      const channel = target.thread || target.chat;
      if (FORUM_TYPES.has(await channelType(channel, ctx.signal))) {
        // A forum takes a post (a thread) per note, titled with the note's title.
        const thread = (await rest.post(Routes.threads(channel), { body: { name: titleOf(message), message: p }, signal: ctx.signal })) as APIChannel;
        return { messageId: `${THREAD_PREFIX}${thread.id}` };
      }
      // The nonce makes a resend after a crash a no-op: Discord returns the first message instead.
      const msg = (await rest.post(Routes.channelMessages(channel), { body: { ...p, nonce: ctx.nonce.slice(0, 25), enforce_nonce: true }, signal: ctx.signal })) as APIMessage;
      return { messageId: msg.id };
    },
    async edit(target, messageId, message, ctx) {
      const p = payloadOf(message);
      const hook = o.webhooks?.get(target.chat);
      const signal = ctx.signal;
      if (hook) {
        await rest.patch(Routes.webhookMessage(hook.id, hook.token, messageId), { body: p, auth: false, signal });
        return;
      }
      if (messageId.startsWith(THREAD_PREFIX)) {
        const id = messageId.slice(THREAD_PREFIX.length);
        await rest.patch(Routes.channelMessage(id, id), { body: p, signal });
      } else {
        await rest.patch(Routes.channelMessage(target.thread || target.chat, messageId), { body: p, signal });
      }
    },
    async delete(target, messageId, ctx) {
      const hook = o.webhooks?.get(target.chat);
      const signal = ctx.signal;
      if (hook) await rest.delete(Routes.webhookMessage(hook.id, hook.token, messageId), { auth: false, signal });
      else if (messageId.startsWith(THREAD_PREFIX)) await rest.delete(Routes.channel(messageId.slice(THREAD_PREFIX.length)), { signal });
      else await rest.delete(Routes.channelMessage(target.thread || target.chat, messageId), { signal });
    },
    classify: classifyDiscordError,
    // The client stays 'ready' through a reconnect; the shards say whether the gateway is up now.
    healthy: () => client.isReady() && client.ws.shards.every((shard) => shard.status === Status.Ready),
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(o.token);
      await ready;
      log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord connected');
      if (o.config.registerCommands) {
        const r = await registerDiscordCommands(client.rest, o.store, { applicationId: o.config.applicationId ?? client.application?.id, guild: o.config.commandGuild });
        log.info(r, r.changed ? 'discord commands registered' : 'discord commands unchanged');
      }
    },
    async stop() {
      await client.destroy();
    },
  };
}
