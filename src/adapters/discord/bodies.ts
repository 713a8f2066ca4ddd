/**
 * What a Discord post or edit sends: a channel message (with the delivery's nonce), a forum post, a
 * webhook execution. Pure: every body is typed with discord-api-types, the platform's own types;
 * links to the documentation are beside each rule.
 */
import { MessageFlags } from 'discord.js';
import type {
  RESTPatchAPIChannelMessageJSONBody,
  RESTPostAPIChannelMessageJSONBody,
  RESTPostAPIGuildForumThreadsJSONBody,
  RESTPostAPIWebhookWithTokenJSONBody,
} from 'discord-api-types/v10';
import { newNotesText, renderDiscordDigest } from '../../render/digest.js';
import { discordPayloadFor, type RouteTemplates } from '../../render/templates/payloads.js';
import { truncate } from '../../util/text.js';
import type { OutgoingMessage } from '../../publish/port.js';

/** Discord allows up to 5 applied tags on a thread (channel.mdx, Modify Channel, `applied_tags`). */
const MAX_APPLIED_TAGS = 5;

type MessageBody = RESTPostAPIChannelMessageJSONBody & RESTPatchAPIChannelMessageJSONBody;

/** The body of a post or an edit: a note's through its chat's templates (render/templates/payloads.ts). */
export function bodyOf(m: OutgoingMessage, templates: RouteTemplates): MessageBody {
  return m.type === 'summary' ? discordPayloadFor(m, templates) : renderDiscordDigest(m.items);
}

/**
 * A new message's flags: SUPPRESS_NOTIFICATIONS (1 << 12) for a silent post, "will not trigger push
 * and desktop notifications" (message.mdx, Message Flags; one of the flags Create Message and
 * Execute Webhook take). Edits never notify, so only posts carry it.
 */
function postFlags(m: OutgoingMessage): { flags?: number } {
  return m.type === 'summary' && m.silent ? { flags: MessageFlags.SuppressNotifications } : {};
}

/** A channel post: the body with the delivery's nonce, enforced (message.mdx, Create Message). */
export function channelPostBody(m: OutgoingMessage, nonce: string, templates: RouteTemplates): RESTPostAPIChannelMessageJSONBody {
  return { ...bodyOf(m, templates), ...postFlags(m), nonce: nonce.slice(0, 25), enforce_nonce: true };
}

/** Forum posts are threads: their message id is the thread's id, kept with this prefix. */
export const THREAD_PREFIX = 'thread:';

/** A forum post's (or webhook thread's) name: 1–100 characters (channel.mdx, Start Thread in Forum). */
export function threadNameOf(m: OutgoingMessage): string {
  return truncate(m.type === 'summary' ? m.summary.title : newNotesText(m.items.length), 100) || 'New note';
}

/** A forum post: a thread named after the note, its message, and the tags that apply. */
export function forumPostBody(m: OutgoingMessage, appliedTags: string[], templates: RouteTemplates): RESTPostAPIGuildForumThreadsJSONBody {
  return { name: threadNameOf(m), message: { ...bodyOf(m, templates), ...postFlags(m) }, ...(appliedTags.length ? { applied_tags: appliedTags } : {}) };
}

/**
 * A webhook execution: the body with the route's name and avatar; in a forum, the post's name and
 * its tags (`thread_name`, `applied_tags`: webhook.mdx, Execute Webhook).
 */
export function webhookPostBody(hook: { username?: string | undefined; avatarUrl?: string | undefined }, m: OutgoingMessage, forum: boolean, templates: RouteTemplates, appliedTags: string[] = []): RESTPostAPIWebhookWithTokenJSONBody {
  const thread = forum ? { thread_name: threadNameOf(m), ...(appliedTags.length ? { applied_tags: appliedTags } : {}) } : {};
  return { ...bodyOf(m, templates), ...postFlags(m), ...(hook.username ? { username: hook.username } : {}), ...(hook.avatarUrl ? { avatar_url: hook.avatarUrl } : {}), ...thread };
}

/** The forum's tag ids for this message: the route's tags, then the note's own tags, matched by name. */
export function appliedTagsFor(forum: { availableTags: readonly { id: string; name: string }[] }, message: OutgoingMessage, routeTags: readonly string[] = []): string[] {
  const byName = new Map(forum.availableTags.map((t) => [t.name.toLowerCase(), t.id]));
  const wanted = [...routeTags, ...(message.type === 'summary' ? message.summary.tags : [])];
  const ids: string[] = [];
  for (const name of wanted) {
    const id = byName.get(name.toLowerCase());
    if (id && !ids.includes(id)) ids.push(id);
    if (ids.length === MAX_APPLIED_TAGS) break;
  }
  return ids;
}

