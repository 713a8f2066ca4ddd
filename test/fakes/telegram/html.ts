/**
 * Telegram's HTML parse mode, as strict as the docs: only its tags, properly nested, and every
 * `<`, `>`, `&` outside tags written as an entity. Returns the visible text or an error message.
 */
const ALLOWED = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler', 'a', 'tg-emoji', 'code', 'pre', 'blockquote']);
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

export function parseTelegramHtml(html: string): { ok: true; text: string } | { ok: false; error: string } {
  const stack: string[] = [];
  let text = '';
  let i = 0;
  const byteOffset = (at: number) => Buffer.byteLength(html.slice(0, at));
  while (i < html.length) {
    const c = html[i]!;
    if (c === '<') {
      const end = html.indexOf('>', i);
      if (end < 0) return { ok: false, error: `Can't parse entities: unclosed start tag at byte offset ${byteOffset(i)}` };
      const raw = html.slice(i + 1, end);
      const m = /^(\/?)([a-z-]+)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*$/i.exec(raw);
      if (!m) return { ok: false, error: `Can't parse entities: unexpected tag "${raw.slice(0, 20)}" at byte offset ${byteOffset(i)}` };
      const name = m[2]!.toLowerCase();
      if (!ALLOWED.has(name)) return { ok: false, error: `Can't parse entities: unsupported start tag "${name}" at byte offset ${byteOffset(i)}` };
      if (m[1]) {
        const open = stack.pop();
        if (open !== name) return { ok: false, error: `Can't parse entities: can't find end tag corresponding to start tag "${open ?? name}"` };
      } else {
        if (name === 'a' && !/\shref="[^"]+"/.test(m[3] ?? '')) return { ok: false, error: "Can't parse entities: a tag without href" };
        stack.push(name);
      }
      i = end + 1;
      continue;
    }
    if (c === '>') return { ok: false, error: `Can't parse entities: unexpected ">" at byte offset ${byteOffset(i)}` };
    if (c === '&') {
      const m = /^&(#x[0-9a-f]+|#\d+|[a-z]+);/i.exec(html.slice(i, i + 12));
      if (!m) return { ok: false, error: `Can't parse entities: unescaped "&" at byte offset ${byteOffset(i)}` };
      const body = m[1]!;
      if (body[0] === '#') text += String.fromCodePoint(body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10));
      else if (ENTITIES[body]) text += ENTITIES[body];
      else return { ok: false, error: `Can't parse entities: unsupported entity "&${body};"` };
      i += m[0].length;
      continue;
    }
    text += c;
    i++;
  }
  if (stack.length) return { ok: false, error: `Can't parse entities: can't find end tag corresponding to start tag "${stack[stack.length - 1]}"` };
  return { ok: true, text };
}
