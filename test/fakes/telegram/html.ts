/**
 * Telegram's HTML parse mode as tdlib parses it: `parse_html` and `decode_html_entity` in
 * td/telegram/MessageEntity.cpp (tdlib/td 022d602), which the Bot API server runs on every
 * `parse_mode: "HTML"` text. Followed rule by rule, so the contract tests prove what Telegram
 * accepts, neither more nor less:
 * - `&` starts an entity only when one follows (`&lt;` `&gt;` `&amp;` `&quot;`, `&#NN;`, `&#xHH;`, the
 *   `;` optional); any other `&` (bare, `&nbsp;`) is text as written.
 * - `>` outside a tag is text; `<` always opens a tag, which must be one of Telegram's (else
 *   "Unsupported start tag"); attribute values may be quoted, single-quoted or bare name tokens.
 * - `<a>` without `href` takes its text as the URL (and is no link if that is not one): not an error.
 * - an end tag must close the innermost open tag (`</>` closes any).
 * Errors carry tdlib's text and byte offsets; the Bot API prefixes "Can't parse entities: "
 * (td/telegram/SynchronousRequests.cpp) and lower-cases its first letter (telegram-bot-api Client.cpp).
 */
const TAGS = new Set(['a', 'b', 'strong', 'i', 'em', 's', 'strike', 'del', 'u', 'ins', 'tg-spoiler', 'tg-emoji', 'tg-time', 'span', 'pre', 'code', 'blockquote']);
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isAlpha = (c: string | undefined) => !!c && /^[A-Za-z]$/.test(c);

/** `decode_html_entity`: the character an entity at `at` stands for and where it ends, or undefined. */
function decodeEntity(s: string, at: number): { char: string; end: number } | undefined {
  let end = at + 1;
  let code = 0;
  if (s[end] === '#') {
    end++;
    const hex = s[end] === 'x';
    if (hex) end++;
    while (end < s.length && (hex ? /^[0-9a-fA-F]$/ : /^[0-9]$/).test(s[end]!)) code = code * (hex ? 16 : 10) + parseInt(s[end++]!, 16);
    if (code === 0 || code >= 0x10ffff || end - at >= 10) return undefined;
  } else {
    while (isAlpha(s[end])) end++;
    const named = NAMED[s.slice(at + 1, end)];
    if (!named) return undefined; // "unsupported literal entity": the `&` stays text
    code = named.codePointAt(0)!;
  }
  if (s[end] === ';') end++;
  // A lone surrogate from `&#xD800;` is kept as tdlib keeps it (it re-checks UTF-8 later).
  return { char: String.fromCodePoint(code), end };
}

type Parsed = { ok: true; text: string } | { ok: false; error: string };

export function parseTelegramHtml(html: string): Parsed {
  const stack: string[] = [];
  let text = '';
  let i = 0;
  const byteOffset = (at: number) => Buffer.byteLength(html.slice(0, at));
  const fail = (message: string): Parsed => ({ ok: false, error: `Can't parse entities: ${message}` });
  while (i < html.length) {
    const c = html[i]!;
    if (c === '&') {
      const e = decodeEntity(html, i);
      if (e) {
        text += e.char;
        i = e.end;
        continue;
      }
    }
    if (c !== '<') {
      text += c;
      i++;
      continue;
    }
    const begin = i++;
    if (html[i] !== '/') {
      const tag = startTag(html, begin, i, byteOffset);
      if (!tag.ok) return fail(tag.error);
      stack.push(tag.name);
      i = tag.end;
      continue;
    }
    // An end tag.
    if (!stack.length) return fail(`Unexpected end tag at byte offset ${byteOffset(begin)}`);
    while (i < html.length && !isSpace(html[i]) && html[i] !== '>') i++;
    const name = html.slice(begin + 2, i).toLowerCase();
    while (isSpace(html[i])) i++;
    if (html[i] !== '>') return fail(`Unclosed end tag at byte offset ${byteOffset(begin)}`);
    const open = stack[stack.length - 1]!;
    if (name && name !== open) return fail(`Unmatched end tag at byte offset ${byteOffset(begin)}, expected "</${open}>", found "</${name}>"`);
    stack.pop();
    i++;
  }
  if (stack.length) return fail(`Can't find end tag corresponding to start tag "${stack[stack.length - 1]}"`);
  return { ok: true, text };
}

/** A start tag from `<` at `begin`, its name starting at `i`: its name and where it ends, or tdlib's error. */
function startTag(html: string, begin: number, i: number, byteOffset: (at: number) => number): { ok: true; name: string; end: number } | { ok: false; error: string } {
  while (i < html.length && !isSpace(html[i]) && html[i] !== '>') i++;
  if (i >= html.length) return { ok: false, error: `Unclosed start tag at byte offset ${byteOffset(begin)}` };
  const name = html.slice(begin + 1, i).toLowerCase();
  if (!TAGS.has(name)) return { ok: false, error: `Unsupported start tag "${name}" at byte offset ${byteOffset(begin)}` };
  let spanClass = '';
  while (html[i] !== '>') {
    while (i < html.length && isSpace(html[i])) i++;
    if (html[i] === '>') break;
    const attrBegin = i;
    while (i < html.length && !isSpace(html[i]) && !'=>/"\''.includes(html[i]!)) i++;
    const attr = html.slice(attrBegin, i);
    if (!attr) return { ok: false, error: `Empty attribute name in the tag "${name}" at byte offset ${byteOffset(begin)}` };
    while (i < html.length && isSpace(html[i])) i++;
    if (html[i] !== '=') {
      if (i >= html.length) return { ok: false, error: `Unclosed start tag "${name}" at byte offset ${byteOffset(begin)}` };
      continue; // an attribute without a value
    }
    i++;
    while (i < html.length && isSpace(html[i])) i++;
    if (i >= html.length) return { ok: false, error: `Unclosed start tag "${name}" at byte offset ${byteOffset(begin)}` };
    let value = '';
    if (html[i] !== '"' && html[i] !== "'") {
      // A name token: letters, digits, periods and hyphens.
      const tokenBegin = i;
      while (i < html.length && /^[A-Za-z0-9.-]$/.test(html[i]!)) i++;
      value = html.slice(tokenBegin, i).toLowerCase();
      if (!isSpace(html[i]) && html[i] !== '>') return { ok: false, error: `Unexpected end of name token at byte offset ${byteOffset(tokenBegin)}` };
    } else {
      const quote = html[i++]!;
      while (i < html.length && html[i] !== quote) {
        const e = html[i] === '&' ? decodeEntity(html, i) : undefined;
        value += e ? e.char : html[i];
        i = e ? e.end : i + 1;
      }
      if (html[i] === quote) i++;
    }
    if (i >= html.length) return { ok: false, error: `Unclosed start tag at byte offset ${byteOffset(begin)}` };
    if (name === 'span' && attr === 'class' && value.startsWith('tg-')) spanClass = value.slice(3);
  }
  if (name === 'span' && spanClass !== 'spoiler') return { ok: false, error: `Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(begin)}` };
  return { ok: true, name, end: i + 1 };
}

/** Telegram's length of a text: tdlib's `utf8_length`, one per code point (an emoji outside the BMP is one, not two). */
export function telegramLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * The `mention` entities Telegram finds in a message's text: `@username`, which notifies that user in
 * a group (core.telegram.org/bots/api#messageentity: "mention" (`@username`)). Usernames are 5–32
 * letters, digits and underscores (core.telegram.org/bots/api#user, and t.me/username rules); an `@`
 * right after a username character is part of a word (an e-mail), not a mention.
 */
export function telegramMentions(text: string): string[] {
  // (`text` is what the message shows outside code: `textOutsideCode`)
  return [...text.matchAll(/(?<![A-Za-z0-9_])@([A-Za-z0-9_]{5,32})(?![A-Za-z0-9_])/g)].map((m) => m[1]!);
}

/**
 * What a message shows outside its `<code>` and `<pre>` entities, where Telegram finds mentions: a code
 * entity contains no other entity (core.telegram.org/bots/api#formatting-options: "pre and code" can
 * contain none; stored at https://grammy.dev/ref/types/ParseMode). Our messages never nest code.
 */
export function textOutsideCode(html: string): string {
  const parsed = parseTelegramHtml(html.replace(/<(code|pre)\b[^>]*>[\s\S]*?<\/\1>/g, ' '));
  return parsed.ok ? parsed.text : '';
}
