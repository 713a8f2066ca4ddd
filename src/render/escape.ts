/** Escaping for each platform's markup, so no note can inject formatting or pings. */

const ZWSP = '\u200B';

/** Breaks `@everyone`, `@here` and `<@…>`/`<#…>`/`<t:…>` mention syntax, visibly unchanged. */
export function defuseMentions(s: string): string {
  if (!s.includes('@') && !s.includes('<')) return s; // nothing to defuse: most text
  return s.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<(?=[@#:&]|t:|a:|\/)/g, `<${ZWSP}`);
}

/**
 * Escapes Discord Markdown (and defuses mentions) in text shown in descriptions, field values,
 * titles and field names (titles render inline markup too: `||` is a spoiler there). Every line we
 * emit starts with our own bullet or link, so line-start syntax (`#`, `>`, `-`) cannot take effect;
 * inline markup and masked-link brackets are escaped. Bare URLs are left whole (see below).
 */
export function escapeDiscordMarkdown(s: string): string {
  if (!s.includes('http')) return escapeMarkup(s); // no bare URL to keep whole
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

/**
 * Inline markup characters, and `<`: simple-markdown's `autolink` rule (`<x:/…>`) would turn text from
 * a `<` to a later `>`, across code and lines, into a link.
 */
function escapeMarkup(s: string): string {
  return defuseMentions(MARKUP.test(s) ? s.replace(/[\\*_~`|[\]<]/g, '\\$&') : s);
}

const MARKUP = /[\\*_~`|[\]<]/;

/**
 * What starts a block in Discord Markdown at the start of a line: a heading, subtext, a quote, a
 * list item (Discord's support article "Markdown Text 101"; the preview's health/preview/discord-markdown.ts
 * models them). Text that may land at a line's start (a value's own line breaks, a key point a
 * template puts first on a line) must not start one.
 */
const DISCORD_BLOCK_START = /(^|\n)([ \t]*)(?:(>>>|(?:#{1,3}|-#|>{1,2}|[-+*])(?=[ \t]))|(\d+)\.(?=[ \t]))/g;

/**
 * Escapes a block start at each line's start (`>>>` with or without its space, as the preview
 * models it). The escape goes on punctuation: simple-markdown's escape rule takes `\` before
 * anything but a letter, digit or space, so `1.` becomes `1\.` (a backslash before the digit would show).
 */
export function escapeDiscordBlocks(s: string): string {
  return s.replace(DISCORD_BLOCK_START, (_m, start: string, indent: string, marker?: string, digits?: string) =>
    marker !== undefined ? `${start}${indent}\\${marker}` : `${start}${indent}${digits!}\\.`,
  );
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

/**
 * Telegram HTML text: `&`, `<`, `>` and both quotes escaped everywhere, so a value a template writes
 * inside a hand-written attribute (`<a href="{{ … }}">`) cannot end it. Telegram decodes `&quot;` and
 * every numeric entity (core.telegram.org/bots/api#html-style: "All numerical HTML entities are
 * supported. The API currently supports only the following named HTML entities: &lt;, &gt;, &amp;
 * and &quot;").
 */
export function escapeTelegramHtml(s: string): string {
  return defuseTelegramMentions(escapeTelegramAttr(s));
}

const TELEGRAM_SPECIAL = /[&<>"']/;

/**
 * Telegram HTML code (`<code>`/`<pre>`) and attribute values (quoted): the escapes of text, no more. A URL
 * keeps its `@` whole, and so does code, exact as written: a code entity holds no other entity, a mention
 * neither ("pre and code" can contain no other entities: core.telegram.org/bots/api#formatting-options,
 * stored at https://grammy.dev/ref/types/ParseMode).
 */
export function escapeTelegramCode(s: string): string {
  return escapeTelegramAttr(s);
}

/** Telegram HTML attribute value (quoted): the escapes of text, but a URL keeps its `@` whole. */
export function escapeTelegramAttr(s: string): string {
  if (!TELEGRAM_SPECIAL.test(s)) return s; // most runs of text: nothing to escape
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const WORD_JOINER = '\u2060';

/**
 * Breaks `@username` in text: Telegram turns it into a `mention` entity, which notifies the user in a
 * group (core.telegram.org/bots/api#messageentity: type "mention" (`@username`); usernames are
 * letters, digits and underscores). A WORD JOINER after the `@` ends the username there, invisibly
 * (Discord's renderer breaks its mentions the same way: defuseMentions).
 */
function defuseTelegramMentions(s: string): string {
  if (!s.includes('@')) return s; // most text: no @ to break
  // An `@` ending the text is broken too: a template may write the next value right after it.
  return s.replace(/@(?=[A-Za-z0-9_]|$)/g, `@${WORD_JOINER}`);
}

/**
 * Inline code on Discord: a backtick run longer than any inside the code, padded with a space on a
 * side where the code starts or ends with a backtick.
 * Code arrives byte for byte: escapes do not work inside code, Discord renders no mention inside
 * it, and embeds never notify anyone; `allowed_mentions: {parse: []}` on every message is the
 * guarantee (docs: resources/message.mdx, Allowed Mentions Object).
 */
export function discordInlineCode(code: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((r) => r.length));
  // Three backticks on Discord open a code block even mid-line (the preview's discord-markdown.ts FENCE):
  // code holding a double backtick is shown as escaped text instead.
  if (longest >= 2) return escapeDiscordMarkdown(code);
  const fence = '`'.repeat(longest + 1);
  // simple-markdown's inlineCode drops a space only where it touches a backtick, so pad only that side.
  return `${fence}${code.startsWith('`') ? ' ' : ''}${code}${code.endsWith('`') ? ' ' : ''}${fence}`;
}
