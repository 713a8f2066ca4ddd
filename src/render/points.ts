/** Key points (runs of words, code and struck-through text) in each platform's markup. Pure. */
import type { KeyPoint } from '../summary/inline.js';
import { discordInlineCode, escapeDiscordBlocks, escapeDiscordMarkdown, escapeTelegramCode, escapeTelegramHtml } from './escape.js';

/**
 * Discord Markdown: code in backticks, struck text in `~~`, words escaped. A template may put a point
 * at a line's start, so a point starts no heading or list there either.
 */
export function discordPoint(p: KeyPoint): string {
  return escapeDiscordBlocks(
    p.map((r) => (r.style === 'code' ? discordInlineCode(r.text) : r.style === 'del' ? `~~${escapeDiscordMarkdown(r.text)}~~` : escapeDiscordMarkdown(r.text))).join(''),
  );
}

/** Telegram HTML: `<code>` and `<s>`, everything escaped. */
export function telegramPoint(p: KeyPoint): string {
  return p
    .map((r) => (r.style === 'code' ? `<code>${escapeTelegramCode(r.text)}</code>` : r.style === 'del' ? `<s>${escapeTelegramHtml(r.text)}</s>` : escapeTelegramHtml(r.text)))
    .join('');
}
