/** What a person sees of a rendered message, to hold the text budget against. */
import type { DiscordEmbed } from '../../src/render/discord.js';
import { telegramVisibleText } from '../../src/render/telegram.js';
import type { KeyPoint } from '../../src/summary/inline.js';

/**
 * A point's words outside its code spans and the characters the writer escaped (each one a mark):
 * where Markdown, HTML or Liquid residue must never be.
 */
export function proseOf(p: KeyPoint): string {
  // A code span leaves a mark, not a space: `#` before code is a hash, and only a space after it would make a heading.
  return p.map((r) => (r.style === 'code' || r.style === 'literal' ? '\u0001' : r.text)).join('');
}

/** Discord's inline code (`x`, `` a`b ``) shows its content literally. */
function discordCodeSpans(s: string): string {
  return s.replace(/(`+) ?([^`]|[^`][\s\S]*?[^`]) ?\1(?!`)/g, (_m, _f: string, code: string) => `\u0000${code}\u0001`);
}

export function discordVisibleText(e: DiscordEmbed): string {
  const unescape = (s: string) =>
    discordCodeSpans(s)
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\u0000[^\u0001]*\u0001)|~~/g, (_m, code: string | undefined) => code ?? '')
      .replace(/\u0000([^\u0001]*)\u0001|\\(.)/g, (_m, code: string | undefined, ch: string | undefined) => code ?? ch ?? '')
      .replace(/\u200B/g, '');
  return [e.title ?? '', unescape(e.description ?? ''), ...(e.fields ?? []).map((f) => f.name + unescape(f.value)), e.footer?.text ?? ''].join('');
}

export function telegramVisible(html: string): string {
  return telegramVisibleText(html);
}

/**
 * Markdown, HTML tags, Liquid and kramdown that must never survive into a key point's words.
 * Angle brackets that are not an HTML element (`Vec<u8>`, `<C>`) are text, kept and escaped. A `#`
 * run is a heading's marker only at a line's start: mid-line (`a # b`) CommonMark reads it as the
 * writer's text (https://spec.commonmark.org/0.31.2/#atx-headings: "The opening # character may be
 * preceded by up to three spaces of indentation"), and the point keeps it (plain.ts scrubMarkup).
 */
export const RESIDUE =
  /\*\*|__|(^|\n)[ \t]*#{1,6}\s|\]\(|`|<\/?(a|b|i|u|s|p|em|strong|code|pre|kbd|div|span|script|style|img|br|hr|iframe|table|tr|td|th|ul|ol|li|h[1-6]|details|summary|sup|sub|font|center|blockquote)(\s[^>]*)?\/?>|\{%|%\}|\{\{|\{:|\[\^|~~|!\[/i;

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
