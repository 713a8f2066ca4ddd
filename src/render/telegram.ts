/** Summary → Telegram `sendMessage` payload in `parse_mode: "HTML"`. Pure. */
import type { Summary } from '../summary/build.js';
import { summaryFooter } from '../summary/build.js';
import { escapeTelegramAttr, escapeTelegramHtml } from './escape.js';
import { telegramPoint } from './points.js';

export const TELEGRAM_MAX_TEXT = 4096;

export interface TelegramMessagePayload {
  text: string;
  parse_mode: 'HTML';
  link_preview_options: { is_disabled: true } | { is_disabled?: false; url: string; prefer_small_media: boolean };
}

function link(text: string, url: string): string {
  return `<a href="${escapeTelegramAttr(url)}">${escapeTelegramHtml(text)}</a>`;
}

export function renderTelegramHtml(s: Summary): string {
  const title = s.url ? `<b>${link(s.title, s.url)}</b>` : `<b>${escapeTelegramHtml(s.title)}</b>`;
  const blocks = [title];
  if (s.keyPoints.length) blocks.push(s.keyPoints.map((p) => `• ${telegramPoint(p)}`).join('\n'));
  if (s.links.length) blocks.push(s.links.map((l) => `🔗 ${link(l.text, l.url)}`).join('\n'));
  blocks.push(`<i>${escapeTelegramHtml(summaryFooter(s))}</i>`);
  return blocks.join('\n\n');
}

export function renderTelegramMessage(s: Summary): TelegramMessagePayload {
  return {
    text: renderTelegramHtml(s),
    parse_mode: 'HTML',
    link_preview_options: s.url ? { url: s.url, prefer_small_media: true } : { is_disabled: true },
  };
}

/** The text Telegram shows after parsing entities: tags removed, entities decoded. */
export function telegramVisibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
