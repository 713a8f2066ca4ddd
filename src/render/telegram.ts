/** Summary → Telegram `sendMessage` payload in `parse_mode: "HTML"`. Pure. */
import type { LinkPreviewOptions, ParseMode } from '@grammyjs/types';
import type { Summary } from '../summary/build.js';
import type { AlsoIn } from '../store/types.js';
import { summaryFooter } from '../summary/shape.js';
import { escapeTelegramAttr, escapeTelegramHtml } from './escape.js';
import { telegramPoint } from './points.js';

export const TELEGRAM_MAX_TEXT = 4096;

/** The `sendMessage` fields a summary sets, typed by the Bot API's own types (@grammyjs/types). */
export interface TelegramMessagePayload {
  text: string;
  parse_mode: Extract<ParseMode, 'HTML'>;
  link_preview_options: LinkPreviewOptions;
}

function link(text: string, url: string): string {
  return `<a href="${escapeTelegramAttr(url)}">${escapeTelegramHtml(text)}</a>`;
}

function htmlOf(s: Summary, points: number, links: number, alsoIn: readonly AlsoIn[]): string {
  const title = s.url ? `<b>${link(s.title, s.url)}</b>` : `<b>${escapeTelegramHtml(s.title)}</b>`;
  const blocks = [title];
  if (points) blocks.push(s.keyPoints.slice(0, points).map((p) => `• ${telegramPoint(p)}`).join('\n'));
  if (links) blocks.push(s.links.slice(0, links).map((l) => `🔗 ${link(l.text, l.url)}`).join('\n'));
  if (alsoIn.length) blocks.push(`🌐 ${alsoIn.map((a) => (a.url ? link(a.label, a.url) : escapeTelegramHtml(a.label))).join(' · ')}`);
  blocks.push(`<i>${escapeTelegramHtml(summaryFooter(s))}</i>`);
  return blocks.join('\n\n');
}

/**
 * The summary as Telegram HTML within Telegram's 4096 characters after entities parsing
 * (core.telegram.org/bots/api#sendmessage). The summary builder keeps within its own budget; a
 * summary over the limit anyway (stored by an older version, or a wide config) loses links, then
 * points, from the end.
 */
export function renderTelegramHtml(s: Summary, alsoIn: readonly AlsoIn[] = []): string {
  let points = s.keyPoints.length;
  let links = s.links.length;
  let html = htmlOf(s, points, links, alsoIn);
  while (telegramVisibleText(html).length > TELEGRAM_MAX_TEXT && (links > 0 || points > 1)) {
    if (links > 0) links--;
    else points--;
    html = htmlOf(s, points, links, alsoIn);
  }
  return html;
}

export function renderTelegramMessage(s: Summary, alsoIn: readonly AlsoIn[] = []): TelegramMessagePayload {
  return {
    text: renderTelegramHtml(s, alsoIn),
    parse_mode: 'HTML',
    link_preview_options: s.url ? { url: s.url, prefer_small_media: true } : { is_disabled: true },
  };
}

/** The text Telegram shows after parsing entities: tags removed, entities decoded. */
export function telegramVisibleText(html: string): string {
  const text = html.replace(/<[^>]+>/g, '');
  if (!text.includes('&')) return text; // no entity to decode
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
