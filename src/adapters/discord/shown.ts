/**
 * Whether the message Discord answered a post with shows something other than the post. A post sent
 * again with its nonce is answered with the first message as it was ("If another message was created
 * by the same author with the same nonce, that message will be returned": discord/discord-api-docs,
 * docs/resources/message.mdx, Create Message), so a post whose note changed while its first answer
 * was lost (an outage, a restart) would be recorded as showing the newest state while the chat shows
 * the old one (issue 25, tester 31-1). What is compared is what a reader sees: the text, and each
 * embed's title, link, description, fields, author and footer; Discord's own additions to an answer
 * (ids, `type`, a timestamp's format, proxied images) are not.
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
