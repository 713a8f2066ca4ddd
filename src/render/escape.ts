/** Escaping for each platform's markup, so no note can inject formatting or pings. */

const ZWSP = '\u200B';

/** Breaks `@everyone`, `@here` and `<@…>`/`<#…>`/`<t:…>` mention syntax, visibly unchanged. */
export function defuseMentions(s: string): string {
  return s.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<(?=[@#:&]|t:|a:|\/)/g, `<${ZWSP}`);
}

/**
 * Escapes Discord Markdown (and defuses mentions) in text shown in descriptions, field values,
 * titles and field names (titles render inline markup too: `||` is a spoiler there). Every line we
 * emit starts with our own bullet or link, so line-start syntax (`#`, `>`, `-`) cannot take effect;
 * inline markup and masked-link brackets are escaped. Bare URLs are left whole (see below).
 */
export function escapeDiscordMarkdown(s: string): string {
  let out = '';
  let at = 0;
  for (const m of s.matchAll(BARE_URL)) {
    out += escapeMarkup(s.slice(at, m.index)) + m[0];
    at = m.index + m[0].length;
  }
  return out + escapeMarkup(s.slice(at));
}

/**
 * A bare URL as Discord's client autolinks it (simple-markdown's `url` rule, which Discord's parser
 * builds on: `https?://[^\s<]+[^<.,:;"')\]\s]`). Inside it a backslash escape is not read as one: it
 * stays in the link and breaks it, so a URL is never escaped.
 */
const BARE_URL = /https?:\/\/[^\s<]+[^<.,:;"')\]\s]/g;

function escapeMarkup(s: string): string {
  return defuseMentions(s.replace(/[\\*_~`|[\]]/g, '\\$&'));
}

/**
 * Escaped text within `max` characters: the text is cut before it is escaped (a cut never splits an
 * escape from its character), then cut again by what the escapes added until it fits.
 */
export function escapeDiscordWithin(s: string, max: number, cut: (s: string, max: number) => string): string {
  let budget = max;
  for (;;) {
    const out = escapeDiscordMarkdown(cut(s, budget));
    if (out.length <= max) return out;
    if (budget <= 1) return '';
    budget = Math.min(budget - 1, Math.floor((budget * max) / out.length));
  }
}

/** A URL safe inside a Markdown link target: no spaces or parentheses to end it early. */
export function discordLinkTarget(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => encodeURIComponent(c)).replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** Telegram HTML text: `&`, `<` and `>` escaped everywhere. */
export function escapeTelegramHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Telegram HTML attribute value (double-quoted). */
export function escapeTelegramAttr(s: string): string {
  return escapeTelegramHtml(s).replace(/"/g, '&quot;');
}

/**
 * Inline code on Discord: a backtick run longer than any inside the code, padded with spaces when
 * the code starts or ends with a backtick (CommonMark code spans, which Discord's parser follows).
 * Code arrives byte for byte: escapes do not work inside code, Discord renders no mention inside
 * it, and embeds never notify anyone; `allowed_mentions: {parse: []}` on every message is the
 * guarantee (docs: resources/message.mdx, Allowed Mentions Object).
 */
export function discordInlineCode(code: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}
