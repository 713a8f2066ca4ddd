/**
 * Discord on discord.js: the outbox's post/edit/delete through the REST client (whose queue keeps
 * per-route rate limits), and slash commands with autocomplete through the gateway (Guilds intent only).
 */
import { Client, DiscordAPIError, DiscordjsError, DiscordjsErrorCodes, Events, GatewayIntentBits, MessageFlags, PermissionFlagsBits, REST, Routes, Status, type Interaction } from 'discord.js';
import type { Config } from '../../config/schema.js';
import { COMMAND_FAILED_TEXT, findCommand, runCommand, type CommandDeps, type CommandReply } from '../../commands/index.js';
import { SLOW_DOWN_TEXT } from '../../commands/limit.js';
import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import { PlatformAuthError } from '../../errors.js';
import type { Logger } from '../../log.js';
import { readerLocale } from '../../notes/lang.js';
import { renderDiscordEmbed } from '../../render/discord.js';
import { defuseMentions, discordLinkTarget, escapeDiscordMarkdown } from '../../render/escape.js';
import type { Target } from '../../store/types.js';
import type { AdapterState } from '../../publish/port.js';
import { truncate } from '../../util/text.js';
import { noteKey } from '../../commands/note-key.js';
import { OfferedNotes, suggestNotes } from '../../commands/lookup.js';
import type { ChatAdapter } from '../../publish/port.js';
import { createDiscordDelivery, type DiscordRouteOptions, type DiscordWebhookRoute } from './deliver.js';

export type { DiscordRouteOptions, DiscordWebhookRoute } from './deliver.js';
import { commandsHash, discordCommandPayloads } from './commands.js';
import { classifyDiscordError } from './errors.js';

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
}

/**
 * Autocomplete answers: at most 25 choices, names and string values 1–100 characters
 * (interactions/receiving-and-responding.mdx, Autocomplete; application-commands.mdx, choice structure).
 */
export function autocompleteChoices(results: readonly { id: string; title: string }[], remember: (key: string, id: string) => void): APIApplicationCommandOptionChoice<string>[] {
  return results.slice(0, 25).map((r) => ({ name: truncate(r.title, 100) || r.id.slice(0, 100), value: choiceValue(r.id, remember) }));
}

/** A note id as a choice value (at most 100 characters): the id itself, or a short key remembered for it. */
function choiceValue(id: string, remember: (key: string, id: string) => void): string {
  if (id.length <= 97) return `id:${id}`;
  const k = noteKey(id);
  remember(k, id);
  return `k:${k}`;
}

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
  const offered = new OfferedNotes(); // short keys of long note ids in autocomplete choices
  const delivery = createDiscordDelivery({
    rest,
    webhooks: o.webhooks,
    routes: o.routes,
    log,
    // The gateway keeps channels (forum tags included) current; REST is asked only for what it lacks.
    cachedChannel: (id) => {
      const ch = client.channels.cache.get(id);
      if (!ch) return undefined;
      const tags = 'availableTags' in ch ? ch.availableTags.map((t) => ({ id: t.id, name: t.name })) : [];
      return { type: ch.type, flags: ch.flags?.bitfield ?? 0, availableTags: tags };
    },
  });


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
        const suggestions = suggestNotes(o.deps, offered, String(i.options.getFocused()), readerLocale(i.locale), 25);
        await i.respond(autocompleteChoices(suggestions, (_k, id) => offered.remember(id)));
        log.debug({ command: i.commandName, ms: Math.round(performance.now() - started) }, 'autocomplete answered');
        return;
      }
      if (!i.isChatInputCommand()) return;
      const cmd = findCommand(i.commandName);
      if (!cmd) return;
      const options: Record<string, string | number | undefined> = {};
      for (const opt of i.options.data) options[opt.name] = typeof opt.value === 'boolean' ? String(opt.value) : opt.value;
      if (typeof options.query === 'string' && options.query.startsWith('k:')) {
        const id = offered.resolve(options.query.slice(2));
        options.query = id ? `id:${id}` : '';
      }
      const target: Target = { platform: 'discord', chat: i.channelId, thread: '' };
      const reply = await runCommand(
        cmd,
        {
          target,
          userId: i.user.id,
          locale: readerLocale(i.locale),
          chatLocale: readerLocale(i.guildLocale ?? undefined),
          options,
          // Checked again here: the default permission is only a default that server admins can change.
          isAdmin: async () => i.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false,
        },
        o.deps,
      );
      await i.reply(renderReply(reply, cmd.definition.lookup ? o.config.ephemeralLookups : reply.type === 'text' && !cmd.definition.adminOnly));
      log.debug({ command: i.commandName, channel: i.channelId, ms: Math.round(performance.now() - started) }, 'command answered');
    } catch (e) {
      // The adapter's one error handler: details to the log, a friendly word to the user.
      log.error({ command: 'commandName' in i ? i.commandName : undefined, channel: i.channelId, err: e instanceof Error ? e.message : String(e) }, 'discord interaction failed');
      if (i.isRepliable() && !i.replied && !i.deferred) {
        await i.reply({ content: COMMAND_FAILED_TEXT, flags: MessageFlags.Ephemeral }).catch(() => undefined);
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
    post: (target, message, ctx) => delivery.post(target, message, ctx),
    edit: (target, messageId, message, ctx) => delivery.edit(target, messageId, message, ctx),
    delete: (target, messageId, ctx) => delivery.delete(target, messageId, ctx),
    classify: classifyDiscordError,
    // The client stays 'ready' through a reconnect; the shards say whether the gateway is up now.
    healthy: () => client.isReady() && client.ws.shards.every((shard) => shard.status === Status.Ready),
    async start() {
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
      if (o.config.registerCommands) {
        // Announcements do not depend on it: a failure is logged and tried again at the next start.
        try {
          const r = await registerDiscordCommands(client.rest, o.state, { applicationId: o.config.applicationId ?? client.application?.id, guild: o.config.commandGuild });
          log.info(r, r.changed ? 'discord commands registered' : 'discord commands unchanged');
        } catch (e) {
          log.error({ err: e instanceof Error ? e.message : String(e) }, 'could not register the discord commands');
        }
      }
    },
    async stop() {
      await client.destroy();
    },
  };
}
