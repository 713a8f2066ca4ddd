/** Command replies → Telegram messages. Pure. */
import type { BotCommand, InlineQueryResultArticle, LinkPreviewOptions, ParseMode } from '@grammyjs/types';
import { COMMANDS } from '../../commands/index.js';
import type { DescriptionLocale } from '../../commands/types.js';
import type { Summary } from '../../summary/build.js';
import { pointText } from '../../summary/inline.js';
import type { CommandReply } from '../../commands/types.js';
import { noteKey } from '../../commands/note-key.js';
import { escapeTelegramAttr, escapeTelegramHtml } from '../../render/escape.js';
import { renderTelegramHtml, renderTelegramMessage, TELEGRAM_MAX_TEXT, telegramVisibleText } from '../../render/telegram.js';
import { truncate } from '../../util/text.js';

/** A command reply as `sendMessage` fields, typed by the Bot API's own types (@grammyjs/types). */
export interface TelegramReply {
  text: string;
  parse_mode?: ParseMode;
  link_preview_options?: LinkPreviewOptions;
  /** Callback buttons only (an InlineKeyboardMarkup of them), the one kind a reply has: what a kept reply may hold (owed-replies.ts). */
  reply_markup?: { inline_keyboard: { text: string; callback_data: string }[][] };
}

export function renderTelegramReply(reply: CommandReply): TelegramReply {
  switch (reply.type) {
    case 'text':
      return { text: truncate(reply.text, TELEGRAM_MAX_TEXT) };
    case 'note': {
      const msg = renderTelegramMessage(reply.summary);
      const buttons = reply.more.slice(0, 5).map((r) => [{ text: truncate(r.title, 60), callback_data: `n:${noteKey(r.id)}` }]);
      return { ...msg, ...(buttons.length ? { reply_markup: { inline_keyboard: buttons } } : {}) };
    }
    case 'list':
      return { text: listHtml(reply.heading, reply.items), parse_mode: 'HTML', link_preview_options: { is_disabled: true } };
  }
}

/**
 * A numbered list of notes within Telegram's 4096 characters after entities parsing
 * (core.telegram.org/bots/api#sendmessage): when the titles are too long together, each is cut
 * to an equal share (URLs sit in `href` and do not count).
 */
function listHtml(heading: string, items: readonly { title: string; url?: string | undefined }[]): string {
  const render = (titleMax: number) => {
    const lines = items.map((r, i) => {
      const title = escapeTelegramHtml(truncate(r.title, titleMax));
      return `${i + 1}. ${r.url ? `<a href="${escapeTelegramAttr(r.url)}">${title}</a>` : title}`;
    });
    return `<b>${escapeTelegramHtml(truncate(heading, 256))}</b>\n${lines.join('\n')}`;
  };
  const full = render(Infinity);
  if (telegramVisibleText(full).length <= TELEGRAM_MAX_TEXT || !items.length) return full;
  // Room left after the heading and each line's number, shared equally by the titles; less while
  // escaping adds to what a title shows (a word joiner breaking each `@username`: escape.ts).
  const overhead = telegramVisibleText(render(0)).length;
  let titleMax = Math.max(1, Math.floor((TELEGRAM_MAX_TEXT - overhead) / items.length));
  let html = render(titleMax);
  while (telegramVisibleText(html).length > TELEGRAM_MAX_TEXT && titleMax > 1) {
    titleMax = Math.max(1, Math.floor(titleMax * 0.9));
    html = render(titleMax);
  }
  return html;
}

/** Languages the command list is registered in besides the default (ISO 639-1 codes, as setMyCommands takes). */
const COMMAND_LOCALES: readonly DescriptionLocale[] = ['zh', 'ja', 'hi', 'es'];

/** The command lists for setMyCommands: the default one, then one per language we describe commands in. */
export function telegramCommandLists(): { commands: BotCommand[]; language_code?: DescriptionLocale }[] {
  const list = (locale?: DescriptionLocale): BotCommand[] =>
    COMMANDS.map((c) => ({ command: c.definition.name, description: (locale ? c.definition.descriptions[locale] : c.definition.description).slice(0, 256) }));
  return [{ commands: list() }, ...COMMAND_LOCALES.map((l) => ({ commands: list(l), language_code: l }))];
}

/** One inline result: the note's summary as the message it sends. `id` is the short key buttons use too. */
export function inlineArticle(id: string, r: { title: string; url?: string | undefined }, summary: Summary): InlineQueryResultArticle {
  const msg = renderTelegramMessage(summary);
  return {
    type: 'article',
    id,
    title: truncate(r.title, 256) || 'Note',
    description: truncate(pointText(summary.keyPoints[0] ?? []), 200),
    ...(r.url ? { url: r.url } : {}),
    input_message_content: { message_text: renderTelegramHtml(summary), parse_mode: 'HTML', link_preview_options: msg.link_preview_options },
  };
}
