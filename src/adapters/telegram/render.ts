/** Command replies → Telegram messages. Pure. */
import type { BotCommand, InlineKeyboardMarkup, InlineQueryResultArticle, LinkPreviewOptions, ParseMode } from '@grammyjs/types';
import { COMMANDS } from '../../commands/index.js';
import type { DescriptionLocale } from '../../commands/types.js';
import type { Summary } from '../../summary/build.js';
import { pointText } from '../../summary/inline.js';
import type { CommandReply } from '../../commands/types.js';
import { noteKey } from '../../commands/note-key.js';
import { escapeTelegramAttr, escapeTelegramHtml } from '../../render/escape.js';
import { renderTelegramHtml, renderTelegramMessage } from '../../render/telegram.js';
import { truncate } from '../../util/text.js';

/** A command reply as `sendMessage` fields, typed by the Bot API's own types (@grammyjs/types). */
export interface TelegramReply {
  text: string;
  parse_mode?: ParseMode;
  link_preview_options?: LinkPreviewOptions;
  reply_markup?: InlineKeyboardMarkup;
}

export function renderTelegramReply(reply: Exclude<CommandReply, { type: 'silent' }>): TelegramReply {
  switch (reply.type) {
    case 'text':
      return { text: reply.text };
    case 'note': {
      const msg = renderTelegramMessage(reply.summary);
      const buttons = reply.more.slice(0, 5).map((r) => [{ text: truncate(r.title, 60), callback_data: `n:${noteKey(r.id)}` }]);
      return { ...msg, ...(buttons.length ? { reply_markup: { inline_keyboard: buttons } } : {}) };
    }
    case 'list': {
      const lines = reply.items.map((r, i) => `${i + 1}. ${r.url ? `<a href="${escapeTelegramAttr(r.url)}">${escapeTelegramHtml(r.title)}</a>` : escapeTelegramHtml(r.title)}`);
      return { text: `<b>${escapeTelegramHtml(reply.heading)}</b>\n${lines.join('\n')}`, parse_mode: 'HTML', link_preview_options: { is_disabled: true } };
    }
  }
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
