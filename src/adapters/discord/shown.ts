/**
 * Whether the message Discord answered a post with shows something other than the post. A post sent
 * again with its nonce is answered with the first message as it was ("If another message was created
 * by the same author with the same nonce, that message will be returned": discord/discord-api-docs,
 * docs/resources/message.mdx, Create Message), so a post whose note changed while its first answer
 * was lost (an outage, a restart) would be recorded as showing the newest state while the chat shows
 * the old one (issue 25, tester 31-1). What is compared is what a reader sees: the text, and each
 * embed's title, link, description, fields, author and footer; Discord's own additions to an answer
 * (ids, `type`, a timestamp's format, proxied images) are not. Only an answer that may be such a replay is compared
 * (`madeBeforeTheRequest`): a fresh message is what was just sent, and what Discord may normalise in storing it (a
 * non-ASCII link, say) must not make every such post an edit.
 */
import type { APIEmbed, APIMessage, RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';

type ShownEmbed = Pick<APIEmbed, 'title' | 'url' | 'description' | 'fields' | 'author' | 'footer'>;

function seen(e: ShownEmbed): unknown[] {
  const t = (s: string | undefined) => (s ?? '').trim();
  return [t(e.title), t(e.url), t(e.description), (e.fields ?? []).map((f) => [t(f.name), t(f.value)]), t(e.author?.name), t(e.footer?.text)];
}

function shownOf(m: { content?: string | undefined; embeds?: readonly ShownEmbed[] | undefined }): string {
  return JSON.stringify([(m.content ?? '').trim(), (m.embeds ?? []).map(seen)]);
}

/** True when `answer` (what Discord has) differs, to a reader, from `sent` (what this post carries now). */
export function showsOtherThan(answer: Partial<Pick<APIMessage, 'content' | 'embeds'>>, sent: RESTPostAPIChannelMessageJSONBody): boolean {
  return shownOf(answer) !== shownOf(sent);
}

/** "Milliseconds since Discord Epoch, the first second of 2015 or 1420070400000" (discord-api-docs, developers/reference.mdx, Snowflakes). */
const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/**
 * How far apart two of Discord's servers' clocks may be: the one that stamps an answer's `Date` header and the one
 * that makes the message's snowflake. Both are Discord's, kept to the second or better; one second is our margin.
 */
const DISCORD_CLOCKS_APART_MS = 1000;

/** When a snowflake was made: `(snowflake >> 22) + 1420070400000` (reference.mdx, Snowflake ID Format Structure); undefined for no snowflake. */
export function snowflakeTime(id: string): number | undefined {
  if (!/^\d{1,20}$/.test(id)) return undefined;
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH_MS);
}

/**
 * Whether the message a Create Message was answered with may have been made before this request reached Discord: a
 * replay of an earlier send with the same nonce. Our own clock is never compared with Discord's, so how far they are
 * apart does not matter: the answer's `Date` header is Discord's time when it answered, to the second, truncated
 * (RFC 9110, 6.6.1); less the time the call took (`tookMs`, measured here from before it left our queue), it is at
 * most when the request reached Discord, and a message made for this request was made after that. A message made more
 * than `DISCORD_CLOCKS_APART_MS` before it is a replay. One made less than about 2 s before our call started can look
 * fresh (the second the header drops, the margin): a resend that quick is one this process sent, known without the
 * clock (create-message.ts). Without a readable `Date` or id, it is taken for a replay (compared, as a replay is).
 */
export function madeBeforeTheRequest(messageId: string, answer: { date: string | null; tookMs: number }): boolean {
  const made = snowflakeTime(messageId);
  const answeredAt = answer.date === null ? Number.NaN : Date.parse(answer.date);
  if (made === undefined || Number.isNaN(answeredAt)) return true;
  return made < answeredAt - answer.tookMs - DISCORD_CLOCKS_APART_MS;
}
