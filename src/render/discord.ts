/** Summary → Discord message payload: one embed, no mentions allowed. Pure. */
import type { APIEmbed, APIEmbedField, APIEmbedFooter, RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import type { Summary } from '../summary/build.js';
import { summaryFooter } from '../summary/shape.js';
import { truncate } from '../util/text.js';
import { defuseMentions, discordLinkTarget, escapeDiscordMarkdown, escapeDiscordWithin } from './escape.js';
import { discordPoint } from './points.js';
import type { AlsoIn } from '../store/types.js';

/** Discord's documented embed limits. */
export const DISCORD_LIMITS = {
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  authorName: 256,
  total: 6000,
  content: 2000,
  embeds: 10,
} as const;

/** The embed fields we set, as discord-api-types' `APIEmbed`. */
export type DiscordEmbed = Pick<APIEmbed, 'title' | 'url' | 'description' | 'color' | 'timestamp'> & {
  fields?: APIEmbedField[];
  footer?: APIEmbedFooter;
};

/** A message body as Discord takes it (discord-api-types' Create Message body), no mentions allowed. */
export type DiscordMessagePayload = RESTPostAPIChannelMessageJSONBody & {
  embeds: DiscordEmbed[];
  allowed_mentions: { parse: [] };
};

const EMBED_COLOR = 0x5865f2;

/** Joins lines, keeping only whole lines that fit in `max` characters. */
export function joinLinesWithin(lines: string[], max: number): string {
  let out = '';
  for (const line of lines) {
    const next = out ? `${out}\n${line}` : line;
    if (next.length > max) break;
    out = next;
  }
  return out;
}

export function renderDiscordEmbed(s: Summary, alsoIn: readonly AlsoIn[] = []): DiscordEmbed {
  // A title renders inline Markdown ("Ruby ||= and ||" would hide a spoiler): escaped. A footer (and
  // an author name) renders none, so an escape would show as a backslash: only defused there
  // (Discord "doesn't allow markdown in the footer": github.com/Pycord-Development/pycord/issues/96).
  // Field names are our own emoji.
  const embed: DiscordEmbed = { title: escapeDiscordWithin(s.title, DISCORD_LIMITS.title, (t, max) => truncate(t, max, s.locale)), color: EMBED_COLOR };
  if (s.url) embed.url = s.url;
  const bullets = s.keyPoints.map((p) => `• ${discordPoint(p)}`);
  if (bullets.length) embed.description = joinLinesWithin(bullets, DISCORD_LIMITS.description);
  if (s.links.length) {
    const lines = s.links.map((l) => `[${escapeDiscordMarkdown(l.text)}](${discordLinkTarget(l.url)})`);
    const value = joinLinesWithin(lines, DISCORD_LIMITS.fieldValue);
    // An empty field value makes Discord refuse the whole message (50035).
    if (value) embed.fields = [{ name: '🔗', value }];
  }
  if (alsoIn.length) {
    // The other languages of this note, each linking to its translation.
    const value = joinWithin(alsoIn.map((a) => (a.url ? `[${escapeDiscordMarkdown(a.label)}](${discordLinkTarget(a.url)})` : escapeDiscordMarkdown(a.label))), ' · ', DISCORD_LIMITS.fieldValue);
    if (value) embed.fields = [...(embed.fields ?? []), { name: '🌐', value }];
  }
  embed.footer = { text: truncate(defuseMentions(summaryFooter(s)), DISCORD_LIMITS.footer, s.locale) };
  return embed;
}

export function renderDiscordMessage(s: Summary, alsoIn: readonly AlsoIn[] = []): DiscordMessagePayload {
  return { embeds: [renderDiscordEmbed(s, alsoIn)], allowed_mentions: { parse: [] } };
}

/** Joins parts with `sep`, keeping only whole parts that fit in `max` characters. */
function joinWithin(parts: string[], sep: string, max: number): string {
  let out = '';
  for (const part of parts) {
    const next = out ? `${out}${sep}${part}` : part;
    if (next.length > max) break;
    out = next;
  }
  return out;
}

/** Characters an embed counts toward Discord's 6000 total (title, description, fields, footer, author). */
export function embedTotalLength(e: DiscordEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}
