/**
 * The outbox's post, edit and delete on Discord's REST API, for the three places a note can go: a
 * channel (or thread), a forum (a post per note) and a channel webhook. Every body is typed with
 * discord-api-types, the platform's own types. Links to the documentation are beside each rule.
 */
import { ChannelFlags, ChannelType, DiscordAPIError, Routes, type REST } from 'discord.js';
import type {
  APIChannel,
  APIMessage,
  APIThreadChannel,
  RESTPatchAPIChannelJSONBody,
  RESTPatchAPIChannelMessageJSONBody,
  RESTPatchAPIWebhookWithTokenMessageJSONBody,
  RESTPostAPIChannelMessageJSONBody,
  RESTPostAPIWebhookWithTokenJSONBody,
} from 'discord-api-types/v10';
import type { Logger } from '../../log.js';
import { Templates } from '../../render/templates/compile.js';
import type { Target } from '../../store/types.js';
import type { LostSend, LostSendFound, OutgoingMessage, ResendGuard, SendContext } from '../../publish/port.js';
import { DISCORD_CODES, DiscordMissingPermissionsError } from './errors.js';
import { UnansweredForumPosts } from './forum-lookup.js';
import { findUnrecordedPost, identityOf } from './history-lookup.js';
import { showsOtherThan } from './shown.js';
import { ChannelPosts } from './create-message.js';
import { messageRef, THREAD_PREFIX, webhookMessageRef } from './message-refs.js';
import { appliedTagsFor, bodyOf, channelPostBody, forumPostBody, threadNameOf, webhookPostBody } from './bodies.js';
import { findLostSend } from './lost-send.js';
import { errorText } from '../../errors.js';

/** A channel whose announcements go through a webhook, with its own name and avatar. */
export interface DiscordWebhookRoute {
  id: string;
  token: string;
  /** The thread a route to a thread (config/schema.ts: `threadIn`) posts into: its target names the thread alone. */
  thread?: string | undefined;
  username?: string | undefined;
  avatarUrl?: string | undefined;
}

/** What a config route asks of its Discord channel beyond posting. */
export interface DiscordRouteOptions {
  /** An announcement channel: publish each post to the servers that follow it. */
  crosspost?: boolean | undefined;
  /** A forum: tags (by name) applied to every post, besides the note's own tags that the forum has. */
  forumTags?: string[] | undefined;
}

export interface DiscordDeliveryOptions {
  rest: REST;
  /** Channel id → webhook, for routes that ask for webhook delivery. */
  webhooks?: ReadonlyMap<string, DiscordWebhookRoute> | undefined;
  /** Channel id → what its route asks for. */
  routes?: ReadonlyMap<string, DiscordRouteOptions> | undefined;
  /** The gateway's channel cache when connected; REST answers otherwise. */
  cachedChannel?: (id: string) => ChannelFacts | undefined;
  /** The bot's own user id once logged in (a forum post whose answer never came is looked for by it: forum-lookup.ts). */
  botUserId?: () => string | undefined;
  /** The posting permissions the bot lacks in a channel, as the gateway sees it; undefined when unknown. */
  missingPermissions?: (channelId: string) => string[] | undefined;
  /** The config's message templates (each chat's route's, else the global ones); the defaults without. */
  templates?: Templates | undefined;
  log: Logger;
}

/** What delivery needs to know of a channel. */
export interface ChannelFacts {
  type: number;
  flags: number;
  availableTags: { id: string; name: string }[];
  /** The channel's (a forum post's: the thread's) name, where known. */
  name?: string | undefined;
  guildId?: string | undefined;
}

const FORUM_TYPES = new Set<number>([ChannelType.GuildForum, ChannelType.GuildMedia]);
/** How long a channel's type and tags are trusted before asking again (tags change rarely). */
const CHANNEL_TTL_MS = 5 * 60_000;
/** How long a post's nonce is trusted to catch a resend: Discord checks "the past few minutes" (message.mdx, Create Message). */
const NONCE_TRUSTED_MS = 2 * 60_000;
/** Posts found whose refreshing edit failed, remembered at most (each a delivery waiting to be tried again). */
const UNREFRESHED_KEPT = 1_000;
function isCode(e: unknown, code: number): e is DiscordAPIError {
  return e instanceof DiscordAPIError && e.code === code;
}

export interface DiscordDelivery {
  post(target: Target, message: OutgoingMessage, ctx: SendContext): Promise<{ messageId: string; crosspost?: boolean }>;
  edit(target: Target, messageId: string, message: OutgoingMessage, ctx: SendContext): Promise<void>;
  delete(target: Target, messageId: string, ctx: SendContext): Promise<void>;
  crosspost(target: Target, messageId: string, ctx: SendContext): Promise<void>;
  pin(target: Target, messageId: string, ctx: SendContext): Promise<void>;
  unpin(target: Target, messageId: string, ctx: SendContext): Promise<void>;
  resendGuard(target: Target): ResendGuard;
  findLostSend(target: Target, sent: LostSend, ctx: SendContext): Promise<LostSendFound>;
}

export function createDiscordDelivery(o: DiscordDeliveryOptions): DiscordDelivery {
  return new DiscordRestDelivery(o);
}

/**
 * Post, edit and delete share the channel cache and the forum-webhook memory held here; each
 * method is one of the outbox's calls or a step of one.
 */
class DiscordRestDelivery implements DiscordDelivery {
  private readonly rest: REST;
  private readonly log: Logger;
  private readonly templates: Templates;
  private readonly channels = new Map<string, { facts: ChannelFacts; at: number }>();
  /** Webhooks found (by Discord's 220001) to point at a forum: their posts need a thread name. */
  private readonly forumWebhooks = new Set<string>();
  private readonly forumSends: UnansweredForumPosts;
  private readonly channelPosts: ChannelPosts;
  /** Delivery → the post Discord already has, found after its answer was lost, whose edit to the newest state has not gone through yet. */
  private readonly unrefreshed = new Map<number, string>();

  constructor(private readonly o: DiscordDeliveryOptions) {
    this.rest = o.rest;
    this.log = o.log;
    this.templates = o.templates ?? Templates.defaults();
    this.forumSends = new UnansweredForumPosts(o.rest, o.botUserId ?? (() => undefined));
    this.channelPosts = new ChannelPosts(o.rest);
  }

  private async channelFacts(id: string, signal?: AbortSignal): Promise<ChannelFacts> {
    const cached = this.o.cachedChannel?.(id);
    if (cached) return cached;
    const known = this.channels.get(id);
    if (known && Date.now() - known.at < CHANNEL_TTL_MS) return known.facts;
    const ch = (await this.rest.get(Routes.channel(id), { signal })) as APIChannel;
    const tags = 'available_tags' in ch && Array.isArray(ch.available_tags) ? ch.available_tags : [];
    const facts: ChannelFacts = { type: ch.type, flags: ch.flags ?? 0, availableTags: tags.map((t) => ({ id: t.id, name: t.name })), name: ch.name ?? undefined, guildId: 'guild_id' in ch ? ch.guild_id : undefined };
    this.channels.set(id, { facts, at: Date.now() });
    return facts;
  }

  /**
   * Runs `call`; if Discord says the thread is archived (50083: "editing a message" in an archived
   * thread, opcodes-and-status-codes.mdx), unarchives it and runs `call` once more. Unarchiving a
   * thread that is not locked needs only Send Messages (channel.mdx, Modify Channel, JSON Params
   * (Thread)). The thread is archived again afterwards, as it was, where permissions allow.
   */
  private async inThread<T>(threadId: string, call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    try {
      return await call();
    } catch (e) {
      if (!isCode(e, DISCORD_CODES.archivedThread)) throw e;
      const open: RESTPatchAPIChannelJSONBody = { archived: false };
      await this.rest.patch(Routes.channel(threadId), { body: open, signal });
      this.log.info({ thread: threadId }, 'unarchived a thread to change its post');
      const out = await call();
      const close: RESTPatchAPIChannelJSONBody = { archived: true };
      // Archiving again needs Manage Threads; without it the thread stays open, which is harmless.
      await this.rest.patch(Routes.channel(threadId), { body: close, signal }).catch((err: unknown) => this.log.debug({ thread: threadId, err: String(err) }, 'could not archive the thread again'));
      return out;
    }
  }

  /**
   * A forum post is named after its note: a new title, or the chat's translation arriving, renames
   * the thread. Its creator may do that without Manage Threads (threads.mdx, "Editing a thread to
   * change the name … requires MANAGE_THREADS or that the current user is the thread creator").
   * The message is already edited, so a refusal is logged and the edit stands.
   */
  private async renameIfChanged(threadId: string, message: OutgoingMessage, signal?: AbortSignal): Promise<void> {
    const want = threadNameOf(message);
    const facts = await this.channelFacts(threadId, signal).catch(() => undefined);
    if (!facts || facts.name === want) return;
    try {
      const body: RESTPatchAPIChannelJSONBody = { name: want };
      await this.rest.patch(Routes.channel(threadId), { body, signal });
      this.channels.set(threadId, { facts: { ...facts, name: want }, at: Date.now() });
    } catch (e) {
      this.log.warn({ thread: threadId, err: errorText(e) }, 'could not rename the forum post after its note');
    }
  }

  private async webhookPost(hook: DiscordWebhookRoute, target: Target, message: OutgoingMessage, ctx: SendContext): Promise<{ messageId: string }> {
    const tpl = this.templates.forTarget(target);
    const body = webhookPostBody(hook, message, false, tpl);
    const thread = hook.thread ?? target.thread;
    // A forum that requires a tag refuses a post without one (40067), from a webhook too: the tags
    // are found as for the bot's own posts. Reading the forum needs the bot to see it; else none.
    const forumBody = async () => {
      const facts = await this.channelFacts(target.chat, ctx.signal).catch(() => undefined);
      return webhookPostBody(hook, message, true, tpl, facts ? appliedTagsFor(facts, message, this.o.routes?.get(target.chat)?.forumTags) : []);
    };
    // wait=true returns the message, whose id edits need (webhook.mdx, Execute Webhook).
    const query = new URLSearchParams({ wait: 'true', ...(thread ? { thread_id: thread } : {}) });
    const send = (b: RESTPostAPIWebhookWithTokenJSONBody) => this.rest.post(Routes.webhook(hook.id, hook.token), { body: b, query, auth: false, signal: ctx.signal }) as Promise<APIMessage>;
    if (!thread && this.forumWebhooks.has(hook.id)) {
      const msg = await send(await forumBody());
      return { messageId: `${THREAD_PREFIX}${msg.channel_id}` };
    }
    try {
      return { messageId: (await send(body)).id };
    } catch (e) {
      // "Webhooks posted to forum channels must have a thread_name or thread_id" (220001).
      if (!isCode(e, DISCORD_CODES.webhookForumNeedsThread) || thread) throw e;
      this.forumWebhooks.add(hook.id);
      const msg = await send(await forumBody());
      return { messageId: `${THREAD_PREFIX}${msg.channel_id}` };
    }
  }

  /** A post by the bot: a forum post (a new thread) in a forum, else a message with the delivery's nonce. */
  private async botPost(target: Target, channel: string, message: OutgoingMessage, ctx: SendContext): Promise<{ messageId: string; crosspost?: boolean }> {
    const facts = await this.channelFacts(channel, ctx.signal);
    const route = this.o.routes?.get(target.chat);
    const crosspost = route?.crosspost && facts.type === ChannelType.GuildAnnouncement ? { crosspost: true } : {};
    const known = this.unrefreshed.get(ctx.deliveryId);
    if (known) return { messageId: await this.refreshAnswer(target, known, message, ctx, 'the post is in the chat (found after its answer was lost); edited to show the note as it is now'), ...crosspost };
    if (FORUM_TYPES.has(facts.type)) {
      // A forum takes a post (a thread) per note, titled with the note's title. Forums with
      // REQUIRE_TAG refuse a post without `applied_tags` (40067); the route's tags and the note's
      // own tags, matched by name, are applied.
      const applied = appliedTagsFor(facts, message, route?.forumTags);
      if (applied.length === 0 && (facts.flags & ChannelFlags.RequireTag) !== 0) this.log.warn({ channel }, 'this forum requires a tag and none of the route’s or note’s tags match one; Discord will refuse the post');
      const found = facts.guildId && this.forumSends.has(ctx.nonce) ? await this.forumSends.find(ctx.nonce, facts.guildId, ctx.signal) : undefined;
      if (found) return { messageId: await this.refreshAnswer(target, `${THREAD_PREFIX}${found}`, message, ctx, 'found the forum post whose answer never came; it is not posted again, and is edited to show the note as it is now') };
      const create = () => this.rest.post(Routes.threads(channel), { body: forumPostBody(message, applied, this.templates.forTarget(target)), signal: ctx.signal }) as Promise<APIThreadChannel>;
      return { messageId: `${THREAD_PREFIX}${(await this.forumSends.post(ctx.nonce, channel, threadNameOf(message), create)).id}` };
    }
    // A resend within Discord's nonce window returns the first message (message.mdx, Create Message,
    // `enforce_nonce`: "the past few minutes"); a post no record here knows is looked for first (history-lookup.ts).
    const body = channelPostBody(message, ctx.nonce, this.templates.forTarget(target));
    const found = message.type === 'summary' && ctx.recordedAmong ? await findUnrecordedPost(this.rest, this.log, { channel, botUserId: this.o.botUserId?.(), want: identityOf(body), refresh: (id) => this.edit(target, id, message, ctx), recordedAmong: ctx.recordedAmong, delivery: ctx.deliveryId }, ctx.signal) : undefined;
    // Followers only see what is crossposted. Discord allows about 10 a channel an hour, so the
    // crosspost is not sent here: the outbox queues it apart and sends it when the limit allows.
    return { messageId: found ?? (await this.channelPost(target, channel, body, message, ctx)), ...crosspost };
  }

  /** Create Message; a resend answered with its first send's message showing an older state of the note edits it (create-message.ts). */
  private async channelPost(target: Target, channel: string, body: RESTPostAPIChannelMessageJSONBody, message: OutgoingMessage, ctx: SendContext): Promise<string> {
    const { message: answer, maybeReplay } = await this.channelPosts.create(channel, body, ctx.signal);
    return maybeReplay && showsOtherThan(answer, body) ? this.refreshAnswer(target, answer.id, message, ctx, 'the post was answered with the message its first send made (its nonce), which shows an older state of the note: edited to show it now') : answer.id;
  }

  /**
   * A post Discord already had (its first send's answer lost) is edited to show what the post carries now. Until the
   * edit goes through, the delivery's next try goes straight to it (`unrefreshed`): once found, the nonce's window or
   * the lookup's memory may be gone by then, and posting again would show the note twice (a reviewer's read).
   */
  private async refreshAnswer(target: Target, messageId: string, message: OutgoingMessage, ctx: SendContext, why: string): Promise<string> {
    this.log.warn({ target: target.chat, messageId, delivery: ctx.deliveryId }, why);
    this.unrefreshed.set(ctx.deliveryId, messageId);
    if (this.unrefreshed.size > UNREFRESHED_KEPT) this.unrefreshed.delete(this.unrefreshed.keys().next().value!);
    await this.edit(target, messageId, message, ctx);
    this.unrefreshed.delete(ctx.deliveryId);
    return messageId;
  }

  /** A refusal for want of permissions names the ones missing (Embed Links, say), where the gateway knows them. */
  private async namingMissing<T>(channel: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (e) {
      if (!isCode(e, DISCORD_CODES.missingPermissions) && !isCode(e, DISCORD_CODES.missingAccess)) throw e;
      const missing = this.o.missingPermissions?.(channel);
      throw missing?.length ? new DiscordMissingPermissionsError(e, missing) : e;
    }
  }

  /**
   * What recognises a post sent again after no answer came: a channel's or thread's post carries the
   * delivery's nonce with `enforce_nonce`, checked "in the past few minutes" (discord/discord-api-docs,
   * developers/resources/message.mdx, Create Message), so a resend soon after is answered with the
   * first message. Start Thread in Forum (resources/channel.mdx) takes no nonce, but its thread is
   * looked for before it is sent again (forum-lookup.ts); Execute Webhook (resources/webhook.mdx)
   * takes none either, and is not looked for: it can show twice.
   */
  resendGuard(target: Target): ResendGuard {
    if (this.o.webhooks?.has(target.chat)) return { guard: 'none', why: 'a Discord webhook post takes no nonce' };
    const channel = target.thread || target.chat;
    const type = this.o.cachedChannel?.(channel)?.type ?? this.channels.get(channel)?.facts.type;
    // Posting read the channel's type first; unknown means the post never got that far.
    if (type !== undefined && FORUM_TYPES.has(type)) return { guard: 'lookup', why: 'a Discord forum post takes no nonce; the bot looks for it among the active threads first' };
    return { guard: 'nonce', withinMs: NONCE_TRUSTED_MS };
  }

  /** The message a called-off post's lost send made (lost-send.ts): by its nonce in a channel, among the active threads in a forum. */
  async findLostSend(target: Target, sent: LostSend, ctx: SendContext): Promise<LostSendFound> {
    if (this.o.webhooks?.has(target.chat)) return { why: 'a Discord webhook post takes no nonce and is not looked for: the chat may show it' };
    const channel = target.thread || target.chat;
    const facts = await this.namingMissing(channel, () => this.channelFacts(channel, ctx.signal));
    return findLostSend(this.rest, { channel, forum: FORUM_TYPES.has(facts.type), guildId: facts.guildId, botUserId: this.o.botUserId?.() }, sent, ctx);
  }

  async post(target: Target, message: OutgoingMessage, ctx: SendContext): Promise<{ messageId: string; crosspost?: boolean }> {
    const hook = this.o.webhooks?.get(target.chat);
    if (hook) return this.webhookPost(hook, target, message, ctx);
    const channel = target.thread || target.chat;
    return this.namingMissing(channel, () => this.botPost(target, channel, message, ctx));
  }

  async edit(target: Target, messageId: string, message: OutgoingMessage, ctx: SendContext): Promise<void> {
    const body: RESTPatchAPIChannelMessageJSONBody = bodyOf(message, this.templates.forTarget(target));
    const signal = ctx.signal;
    const hook = this.o.webhooks?.get(target.chat);
    if (hook) {
      const ref = webhookMessageRef(hook.thread ? { ...target, thread: hook.thread } : target, messageId);
      const hookBody: RESTPatchAPIWebhookWithTokenMessageJSONBody = body;
      const forumPost = messageId.startsWith(THREAD_PREFIX);
      const call = async () => {
        await this.rest.patch(Routes.webhookMessage(hook.id, hook.token, ref.id), { body: hookBody, query: ref.query, auth: false, signal });
        if (forumPost) await this.renameIfChanged(ref.thread!, message, signal);
      };
      await (ref.thread ? this.inThread(ref.thread, call, signal) : call());
      return;
    }
    if (messageId.startsWith(THREAD_PREFIX)) {
      const id = messageId.slice(THREAD_PREFIX.length);
      await this.inThread(id, async () => {
        await this.rest.patch(Routes.channelMessage(id, id), { body, signal });
        await this.renameIfChanged(id, message, signal);
      }, signal);
    } else {
      // A route's thread, or a chat that is itself a thread (a /subscribe run inside one): an
      // archived thread is unarchived for the edit as forum posts are; other channels never answer 50083.
      const channel = target.thread || target.chat;
      await this.inThread(channel, () => this.rest.patch(Routes.channelMessage(channel, messageId), { body, signal }), signal);
    }
  }

  /**
   * Publishes the bot's own post to following servers: Send Messages suffices (message.mdx,
   * Crosspost Message). A 429 here can last up to an hour (about 10 a channel an hour:
   * github.com/discordjs/discord.js/issues/4956); the REST client hands a long one back, and the
   * outbox waits it out in the crosspost's own lane.
   */
  async crosspost(target: Target, messageId: string, ctx: SendContext): Promise<void> {
    await this.rest.post(Routes.channelMessageCrosspost(target.thread || target.chat, messageId), { signal: ctx.signal });
  }

  /**
   * Pin Message: PUT /channels/{channel.id}/messages/pins/{message.id}, which needs PIN_MESSAGES
   * (message.mdx, Pin Message; since February 2026 MANAGE_MESSAGES alone no longer grants it:
   * change-log.mdx, "Permission Changes Going into Effect February 2026"). The bot pins with its
   * own token, webhook posts too; a refusal fails only the pin.
   */
  async pin(target: Target, messageId: string, ctx: SendContext): Promise<void> {
    const ref = messageRef(target, messageId);
    await this.rest.put(Routes.channelMessagesPin(ref.channel, ref.message), { signal: ctx.signal, reason: 'notecast: pinned announcement' });
  }

  /** Unpin Message: DELETE on the same route, PIN_MESSAGES too (message.mdx, Unpin Message). */
  async unpin(target: Target, messageId: string, ctx: SendContext): Promise<void> {
    const ref = messageRef(target, messageId);
    await this.rest.delete(Routes.channelMessagesPin(ref.channel, ref.message), { signal: ctx.signal, reason: 'notecast: a newer announcement is pinned' });
  }

  async delete(target: Target, messageId: string, ctx: SendContext): Promise<void> {
    const signal = ctx.signal;
    const hook = this.o.webhooks?.get(target.chat);
    if (hook) {
      const ref = webhookMessageRef(hook.thread ? { ...target, thread: hook.thread } : target, messageId);
      await this.rest.delete(Routes.webhookMessage(hook.id, hook.token, ref.id), { query: ref.query, auth: false, signal });
    } else if (messageId.startsWith(THREAD_PREFIX)) {
      // Deleting a forum post deletes its thread: Manage Threads (channel.mdx, Delete/Close Channel).
      await this.rest.delete(Routes.channel(messageId.slice(THREAD_PREFIX.length)), { signal });
    } else {
      // Deleting messages is the one thing allowed in an archived thread (threads.mdx).
      await this.rest.delete(Routes.channelMessage(target.thread || target.chat, messageId), { signal });
    }
  }
}
