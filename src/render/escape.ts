/** Escaping for each platform's markup, so no note can inject formatting or pings. */

const ZWSP = '\u200B';

/** Breaks `@everyone`, `@here` and `<@…>`/`<#…>`/`<t:…>` mention syntax, visibly unchanged. */
export function defuseMentions(s: string): string {
  return s.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<(?=[@#:&]|t:|a:|\/)/g, `<${ZWSP}`);
}

/**
 * Escapes Discord Markdown (and defuses mentions) in text shown in descriptions and field values.
 * Every line we emit starts with our own bullet or link, so line-start syntax (`#`, `>`, `-`)
 * cannot take effect; inline markup and masked-link brackets are escaped.
 */
export function escapeDiscordMarkdown(s: string): string {
  return defuseMentions(s.replace(/[\\*_~`|[\]]/g, '\\$&'));
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
 * Backslash escapes do not work inside code, so the text is only defused, never escaped.
 */
export function discordInlineCode(code: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${defuseMentions(code)}${pad}${fence}`;
}
