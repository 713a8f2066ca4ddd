/** What a person sees of a rendered message, to hold the text budget against. */
import type { DiscordEmbed } from '../../src/render/discord.js';
import { telegramVisibleText } from '../../src/render/telegram.js';

export function discordVisibleText(e: DiscordEmbed): string {
  const unescape = (s: string) => s.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\\(.)/g, '$1').replace(/\u200B/g, '');
  return [e.title ?? '', unescape(e.description ?? ''), ...(e.fields ?? []).map((f) => f.name + unescape(f.value)), e.footer?.text ?? ''].join('');
}

export function telegramVisible(html: string): string {
  return telegramVisibleText(html);
}

/** Markdown or HTML that must never survive into a key point. */
export const RESIDUE = /\*\*|__|(^|\s)#{1,6}\s|\]\(|`|<\/?[a-z][^>]*>|\{%|%\}|\{\{|!\[/i;

export const SCRIPT_OF: Record<string, RegExp> = {
  hi: /\p{Script=Devanagari}/u,
  zh: /\p{Script=Han}/u,
  hant: /\p{Script=Han}/u,
  ja: /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u,
  ar: /\p{Script=Arabic}/u,
  en: /\p{Script=Latin}/u,
  de: /\p{Script=Latin}/u,
  es: /\p{Script=Latin}/u,
  fr: /\p{Script=Latin}/u,
};
