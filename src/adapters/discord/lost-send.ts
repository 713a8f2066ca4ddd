/**
 * The message a post's send whose answer never came made, learned after the post was called off (its note removed under
 * `onDelete: delete`: publish/called-off-find.ts), so that it can be deleted. No record knows its id.
 *
 * A channel's (or thread's) post carried the delivery's nonce with `enforce_nonce`: "If true and nonce is present, it
 * will be checked for uniqueness in the past few minutes. If another message was created by the same author with the
 * same nonce, that message will be returned and no new message will be created" (discord/discord-api-docs,
 * developers/resources/message.mdx, Create Message, JSON Params). So a Create Message with the kept nonce is answered
 * with the message the lost send made, if it made one. Its body is a short note of ours (with SUPPRESS_NOTIFICATIONS:
 * nobody is notified): an answer showing it is a message the look itself made (the lost send never arrived), one
 * showing anything else is the first. Either is deleted after. Discord keeps no nonce on a stored message (Get Channel
 * Messages does not return it: Rapptz/discord.py#2451), so the resend is the only exact way, and only within the window:
 * after it, a resend would post anew and tell nothing, so none is sent, and the chat may show it. A look whose answer was
 * lost is retried within its own window (`lookedAt`, kept before it went): its message, if it made one, is found so.
 *
 * A forum post (Start Thread in Forum takes no nonce) is looked for without posting: List Active Guild Threads
 * (resources/guild.mdx) lists the bot's active threads with their parent, creator and `create_timestamp` (channel.mdx,
 * Thread Metadata Object); the thread in that forum, by the bot, named as the post, created since the post was queued,
 * that no record here names, is it. A webhook's post takes no nonce and is not looked for: the chat may show it.
 */
import { MessageFlags, Routes, type REST } from 'discord.js';
import type { APIMessage, RESTGetAPIGuildThreadsResult, RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import type { LostSend, LostSendFound, SendContext } from '../../publish/port.js';
import { THREAD_PREFIX, threadNameOf } from './bodies.js';

/** How long a nonce is trusted (as for resends, deliver.ts): Discord says "the past few minutes". */
const NONCE_TRUSTED_MS = 2 * 60_000;
/** Clock difference allowed between us and Discord when comparing a thread's creation with our queue. */
const CLOCK_SLACK_MS = 60_000;
/** The look's own body: shown only if the lost send never made a message, and deleted at once. */
const LOOK_TEXT = 'notecast: checking whether an earlier post went out (this message is deleted at once)';

export interface LostSendPlace {
  channel: string;
  forum: boolean;
  guildId: string | undefined;
  botUserId: string | undefined;
}

/** The message `sent` made in `place` (a forum post's as its thread, `thread:<id>`, as recorded), or why none can be learned. */
export async function findLostSend(rest: REST, place: LostSendPlace, sent: LostSend, ctx: SendContext, now = Date.now()): Promise<LostSendFound> {
  if (place.forum) return findLostForumPost(rest, place, sent, ctx);
  const open = (at: number | undefined) => at !== undefined && now - at <= NONCE_TRUSTED_MS;
  // An earlier look (its answer lost) may have made a message at `lookedAt`: within its window the nonce still finds it.
  if (!open(sent.sentAt) && !open(sent.lookedAt)) {
    const looked = sent.lookedAt === undefined ? '' : `; an earlier look (at ${new Date(sent.lookedAt).toISOString()}) may have left its own message ("${LOOK_TEXT}")`;
    return { why: `its last send is older than Discord's nonce window ("the past few minutes"), or of a time not recorded: sending its nonce again would post anew, not tell; the chat may show it${looked}` };
  }
  const look: RESTPostAPIChannelMessageJSONBody = { content: LOOK_TEXT, nonce: sent.nonce.slice(0, 25), enforce_nonce: true, flags: MessageFlags.SuppressNotifications, allowed_mentions: { parse: [] } };
  const answer = (await rest.post(Routes.channelMessages(place.channel), { body: look, signal: ctx.signal })) as APIMessage;
  const madeNow = answer.content === LOOK_TEXT && answer.embeds.length === 0;
  const how = 'a post with its nonce was answered with that message';
  if (madeNow && !open(sent.sentAt)) return { messageId: answer.id, madeNow, how, unknown: "its send is past Discord's nonce window now, so whether it made a message cannot be told: the chat may show it" };
  return { messageId: answer.id, madeNow, how };
}

async function findLostForumPost(rest: REST, place: LostSendPlace, sent: LostSend, ctx: SendContext): Promise<LostSendFound> {
  const me = place.botUserId;
  if (!place.guildId || !me) return { why: 'the forum\'s server or the bot\'s own id is not known yet: its posts cannot be looked for; the chat may show it' };
  const { threads } = (await rest.get(Routes.guildActiveThreads(place.guildId), { signal: ctx.signal })) as RESTGetAPIGuildThreadsResult;
  const name = threadNameOf(sent.message);
  const mine = threads.filter((t) => {
    const created = Date.parse(('thread_metadata' in t ? t.thread_metadata?.create_timestamp : undefined) ?? '');
    return 'parent_id' in t && t.parent_id === place.channel && 'owner_id' in t && t.owner_id === me && 'name' in t && t.name === name && created >= sent.queuedAt - CLOCK_SLACK_MS;
  });
  const ids = mine.map((t) => `${THREAD_PREFIX}${t.id}`);
  const recorded = ctx.recordedAmong?.(ids) ?? new Set<string>();
  const found = ids.find((id) => !recorded.has(id));
  // Nothing is posted here (Start Thread in Forum takes no nonce): the thread is one Discord lists, not one a nonce answered with.
  const how = 'no nonce in a forum: found among its active threads, the bot\'s, named as the post, created since it was queued, no record naming it';
  return found ? { messageId: found, madeNow: false, how } : { why: 'no active thread of the bot in the forum, made since the post was queued, is named as the post: none found (an archived thread, or one named after an older title, is not); the chat may show it' };
}
