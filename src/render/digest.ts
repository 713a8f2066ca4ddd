/** A digest (many notes at once) for each platform. Pure. */
import type { DigestItem } from '../store/types.js';
import { truncate } from '../util/text.js';
import { defuseMentions, discordLinkTarget, escapeDiscordMarkdown, escapeTelegramAttr, escapeTelegramHtml } from './escape.js';
import { DISCORD_LIMITS, joinLinesWithin, type DiscordMessagePayload } from './discord.js';
import type { TelegramMessagePayload } from './telegram.js';

/** `1 new note`, `3 new notes`: a digest's count (digests are written in English only). */
export function newNotesText(count: number): string {
  return `${count} new ${count === 1 ? 'note' : 'notes'}`;
}

function digestHeading(count: number): string {
  return `📚 ${newNotesText(count)}`;
}

/** Items beyond what fits are counted in a last line, so the message stays within `maxChars`. */
function fit(items: DigestItem[], maxChars: number, line: (i: DigestItem) => { text: string; visible: number }): string[] {
  const out: string[] = [];
  let used = 0;
  for (let i = 0; i < items.length; i++) {
    const l = line(items[i]!);
    const rest = items.length - i - 1;
    if (used + l.visible + 1 > maxChars - (rest ? 12 : 0)) {
      out.push(`… +${items.length - i}`);
      break;
    }
    out.push(l.text);
    used += l.visible + 1;
  }
  return out;
}

export function renderDiscordDigest(items: DigestItem[], maxChars = 1000): DiscordMessagePayload {
  const heading = digestHeading(items.length);
  const lines = fit(items, maxChars - heading.length, (i) => {
    const title = escapeDiscordMarkdown(truncate(i.title, 120));
    return { text: i.url ? `• [${title}](${discordLinkTarget(i.url)})` : `• ${title}`, visible: truncate(i.title, 120).length + 2 };
  });
  return {
    embeds: [{ title: defuseMentions(heading), description: joinLinesWithin(lines, DISCORD_LIMITS.description), color: 0x5865f2 }],
    allowed_mentions: { parse: [] },
  };
}

export function renderTelegramDigest(items: DigestItem[], maxChars = 1000): TelegramMessagePayload {
  const heading = digestHeading(items.length);
  const lines = fit(items, maxChars - heading.length, (i) => {
    const title = truncate(i.title, 120);
    return { text: i.url ? `• <a href="${escapeTelegramAttr(i.url)}">${escapeTelegramHtml(title)}</a>` : `• ${escapeTelegramHtml(title)}`, visible: title.length + 2 };
  });
  return { text: `<b>${escapeTelegramHtml(heading)}</b>\n\n${lines.join('\n')}`, parse_mode: 'HTML', link_preview_options: { is_disabled: true } };
}

export function renderPlainDigest(items: DigestItem[]): string {
  return [digestHeading(items.length), '', ...items.map((i) => `• ${i.title}${i.url ? ` — ${i.url}` : ''}`)].join('\n');
}
