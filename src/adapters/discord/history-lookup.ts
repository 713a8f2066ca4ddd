/**
 * A post the chat already has that this database does not know: the database is older than the
 * chat (a backup restored, a state folder moved away and back, a CI cache whose save was lost),
 * and posting would show the note twice (issue 25, tester, HIGH). Before a note's post goes to a
 * Discord channel, the channel's newest 100 messages are read (Get Channel Messages, newest to
 * oldest, at most 100: discord/discord-api-docs, docs/resources/message.mdx), and a message there
 * by the bot itself, an ordinary message (type 0, not a command's reply), that no record of this
 * database names (any note's, any delivery's), linking to this note (its embed's link, as this
 * post would show it), is taken as the note's post. The link is what identifies a note: its title
 * is not (a title fixed after the lost save shows another title on the message the chat has:
 * issue 25, tester, "posted twice"; titles repeat: "Weekly notes"), so a post without a link (no
 * `site.url`) is never looked for, and goes out. A found message that shows another title or text
 * than the post would is edited to show it (Edit Message, message.mdx: the bot edits its own
 * message's embeds), so the chat ends showing the note's newest state once. The bot reads its own
 * messages' embeds without the Message Content intent ("content in messages that an app sends" is
 * exempt: docs/events/gateway.mdx, Message Content Intent). Without Read Message History, Discord
 * returns no messages (message.mdx: "then no messages will be returned"): then nothing is found,
 * and the post goes out.
 */
import { MessageType, Routes, type REST } from 'discord.js';
import type { RESTGetAPIChannelMessagesResult } from 'discord-api-types/v10';
import type { Logger } from '../../log.js';

/** A note's post in a channel: the embed's link (what identifies the note), and its title and text (what it shows). */
export interface PostIdentity {
  title: string | undefined;
  url: string | undefined;
  description?: string | undefined;
}

type EmbedsOf = { embeds?: readonly { title?: string | undefined; url?: string | undefined; description?: string | undefined }[] | undefined };

export function identityOf(m: EmbedsOf): PostIdentity {
  const e = m.embeds?.[0];
  return { title: e?.title ?? undefined, url: e?.url ?? undefined, description: e?.description ?? undefined };
}

export interface UnrecordedPostQuery {
  channel: string;
  botUserId: string | undefined;
  /** The post as it would go out now. */
  want: PostIdentity;
  /** Edits the found message to show the post as it would go out now (it shows an older state of the note). */
  refresh: (messageId: string) => Promise<void>;
  /** Which of these messages this database recorded (they are some note's: never this post's lost one). */
  recordedAmong: (ids: readonly string[]) => Set<string>;
  delivery: number;
}

/**
 * The id of a message by the bot among the channel's newest, recorded nowhere here, linking to
 * `want`'s link (said in a warn line; edited first when it shows another title or text); undefined
 * when there is none or nothing identifies the post (no link).
 */
export async function findUnrecordedPost(rest: REST, log: Logger, q: UnrecordedPostQuery, signal?: AbortSignal): Promise<string | undefined> {
  const { channel, botUserId, want } = q;
  if (!botUserId || !want.url) return undefined;
  const query = new URLSearchParams({ limit: '100' });
  const messages = (await rest.get(Routes.channelMessages(channel), { query, signal })) as RESTGetAPIChannelMessagesResult;
  const mine = messages.filter((m) => m.author.id === botUserId && m.type === MessageType.Default && !m.webhook_id);
  const recorded = q.recordedAmong(mine.map((m) => m.id));
  const found = pickUnrecorded(mine.filter((m) => !recorded.has(m.id) && identityOf(m).url === want.url), want);
  if (!found) return undefined;
  log.warn({ channel, messageId: found.id, delivery: q.delivery }, 'this note is already posted in the channel, by a message this database has no record of (a restored or older state): that message is taken as its post, not posted again');
  const shown = identityOf(found);
  if (shown.title !== want.title || shown.description !== want.description) await q.refresh(found.id);
  return found.id;
}

/**
 * Among unrecorded messages linking to the post's link (newest first, as listed), the post's own.
 * Two notes can share a link (the same `permalink`; a new note at a deleted note's path, whose
 * message `onDelete: keep` left): one showing the post's title is taken first, the oldest of those
 * (the note's first post, should an earlier restore have let it be posted twice), and only when none
 * does (a title fixed since) the newest linking there, as a message another note left with the link
 * is older than the note's own (issue 25, tester: the other's kept message was taken and edited).
 */
function pickUnrecorded<M extends EmbedsOf>(linked: readonly M[], want: PostIdentity): M | undefined {
  const titled = linked.filter((m) => identityOf(m).title === want.title);
  return titled.length ? titled[titled.length - 1] : linked[0];
}
