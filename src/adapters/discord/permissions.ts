/**
 * What the bot needs to post in a channel, and which of it a permission set lacks, by the names
 * Discord's own settings show. From discord-api-docs: topics/permissions.mdx (VIEW_CHANNEL,
 * SEND_MESSAGES "creating threads in a forum", SEND_MESSAGES_IN_THREADS, EMBED_LINKS) and
 * topics/threads.mdx ("SEND_MESSAGES has no effect in threads"). Without Embed Links Discord drops
 * a bot's embeds, and refuses a message left empty (github.com/discord/discord-api-docs/issues/2601).
 */
import { ChannelType, PermissionsBitField, type PermissionsString } from 'discord.js';

const SHOWN_AS: Partial<Record<PermissionsString, string>> = {
  ViewChannel: 'View Channel',
  SendMessages: 'Send Messages',
  SendMessagesInThreads: 'Send Messages in Threads',
  EmbedLinks: 'Embed Links',
};

const THREAD_TYPES = new Set<number>([ChannelType.PublicThread, ChannelType.PrivateThread, ChannelType.AnnouncementThread]);

/** The permissions an announcement needs in a channel of this type (forums: a post is a new thread). */
function postingPermissions(channelType: number | undefined): PermissionsString[] {
  const send: PermissionsString = channelType !== undefined && THREAD_TYPES.has(channelType) ? 'SendMessagesInThreads' : 'SendMessages';
  return ['ViewChannel', send, 'EmbedLinks'];
}

/** The posting permissions `held` lacks, as Discord's settings name them ("Embed Links"). */
export function missingForPosting(held: PermissionsBitField | bigint | string, channelType: number | undefined): string[] {
  const bits = new PermissionsBitField(typeof held === 'string' ? BigInt(held) : held);
  return bits.missing(postingPermissions(channelType)).map((p) => SHOWN_AS[p] ?? p);
}

/** The reply to a /subscribe where the bot could not post (dedicated user-facing text). */
export function cannotPostHereText(missing: readonly string[]): string {
  return `I can’t post in this channel: I need ${missing.join(', ')} here. Grant ${missing.length > 1 ? 'them' : 'it'} to me in this channel’s permissions, then run /subscribe again.`;
}
