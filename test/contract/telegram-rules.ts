/**
 * Telegram's documented limits and formats for every payload notecast sends (core.telegram.org/bots/api,
 * sections named beside each rule). A rule returns the problems it finds; empty means valid.
 */
import type { BotCommand, InlineKeyboardMarkup, InlineQueryResultArticle } from '@grammyjs/types';
import { parseTelegramHtml, telegramLength } from '../fakes/telegram/html.js';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/**
 * #sendmessage: "Text of the message to be sent, 1-4096 characters after entities parsing";
 * #html-style as tdlib parses it (fakes/telegram/html.ts): only Telegram's tags, properly nested.
 */
export function textProblems(text: string, parseMode: string | undefined): string[] {
  let visible = text;
  if (parseMode === 'HTML') {
    const parsed = parseTelegramHtml(text);
    if (!parsed.ok) return [`HTML does not parse: ${parsed.error}`];
    visible = parsed.text;
  } else if (parseMode !== undefined) return [`parse_mode ${parseMode} is not one we send`];
  const n = telegramLength(visible); // code points, as tdlib counts (fakes/telegram/html.ts)
  if (!visible.trim()) return ['empty text after entities parsing'];
  return n > 4096 ? [`${n} characters after entities parsing (max 4096)`] : [];
}

/** #linkpreviewoptions: a preview URL, if given, is an http(s) URL. */
export function previewProblems(o: { is_disabled?: boolean; url?: string } | undefined): string[] {
  if (!o || o.is_disabled) return [];
  return o.url && !/^https?:\/\//.test(o.url) ? [`link preview url ${o.url} is not http(s)`] : [];
}

/** #botcommand: command 1–32 of a-z 0-9 _; description 1–256. #setmycommands: at most 100; language_code two-letter ISO 639-1. */
export function commandListProblems(commands: BotCommand[], languageCode: string | undefined): string[] {
  const out: string[] = [];
  if (commands.length > 100) out.push(`${commands.length} commands (max 100)`);
  for (const c of commands) {
    if (!/^[a-z0-9_]{1,32}$/.test(c.command)) out.push(`command "${c.command}"`);
    if (c.description.length < 1 || c.description.length > 256) out.push(`${c.command}: description 1–256 characters`);
  }
  if (languageCode !== undefined && !/^[a-z]{2}$/.test(languageCode)) out.push(`language_code "${languageCode}" is not ISO 639-1`);
  return out;
}

/** #answerinlinequery: at most 50 results; #inlinequeryresultarticle: id 1–64 bytes, unique; title required; message text as sendMessage. */
export function inlineAnswerProblems(results: InlineQueryResultArticle[]): string[] {
  const out: string[] = [];
  if (results.length > 50) out.push(`${results.length} results (max 50)`);
  const ids = new Set<string>();
  for (const r of results) {
    if (bytes(r.id) < 1 || bytes(r.id) > 64) out.push(`result id "${r.id}": 1–64 bytes`);
    if (ids.has(r.id)) out.push(`duplicate result id ${r.id}`);
    ids.add(r.id);
    if (!r.title.trim()) out.push(`result ${r.id}: empty title`);
    const content = r.input_message_content as { message_text: string; parse_mode?: string; link_preview_options?: { is_disabled?: boolean; url?: string } };
    out.push(...textProblems(content.message_text, content.parse_mode).map((p) => `result ${r.id}: ${p}`));
    out.push(...previewProblems(content.link_preview_options));
    if (r.url && !/^https?:\/\//.test(r.url)) out.push(`result ${r.id}: url not http(s)`);
  }
  return out;
}

/** #inlinekeyboardbutton: text required; callback_data 1–64 bytes. */
export function keyboardProblems(markup: InlineKeyboardMarkup | undefined): string[] {
  const out: string[] = [];
  for (const row of markup?.inline_keyboard ?? []) {
    for (const b of row) {
      if (!b.text.trim()) out.push('button without text');
      if ('callback_data' in b && b.callback_data !== undefined && (bytes(b.callback_data) < 1 || bytes(b.callback_data) > 64)) out.push(`callback_data "${b.callback_data}": 1–64 bytes`);
    }
  }
  return out;
}
