/**
 * Telegram's HTML parse mode as Telegram shows it, for the preview page. The tag set is the Bot
 * API's "HTML style" (core.telegram.org/bots/api#formatting-options): <b>/<strong>, <i>/<em>,
 * <u>/<ins>, <s>/<strike>/<del>, <span class="tg-spoiler">/<tg-spoiler>, <a href>, <tg-emoji>
 * (its alternative emoji shown), <tg-time> (its text), <code>, <pre> (with <code class="language-…">
 * inside), <blockquote> and <blockquote expandable>; only `&lt;` `&gt;` `&amp;` `&quot;` and numeric
 * entities are decoded, as that section says. Parsing follows tdlib's `parse_html`
 * (td/telegram/MessageEntity.cpp), which the Bot API runs on the text: a `<` always opens a tag, an
 * unknown tag or a misnested end tag is an error (the message would be refused: the page says so).
 */
import { el, type Element, type Node } from './tree.js';

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

function decodeEntity(s: string, at: number): { char: string; end: number } | undefined {
  const m = /^&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z]+));?/.exec(s.slice(at, at + 12));
  if (!m) return undefined;
  const code = m[1] ? parseInt(m[1], 16) : m[2] ? Number(m[2]) : NAMED[m[3]!]?.codePointAt(0);
  if (code === undefined || code === 0 || code >= 0x10ffff) return undefined;
  return { char: String.fromCodePoint(code), end: at + m[0].length };
}

/** Each Bot API tag as the page shows it. */
function elementFor(name: string, attrs: Record<string, string>): Element | undefined {
  switch (name) {
    case 'b':
    case 'strong':
      return el('strong', undefined);
    case 'i':
    case 'em':
      return el('em', undefined);
    case 'u':
    case 'ins':
      return el('u', undefined);
    case 's':
    case 'strike':
    case 'del':
      return el('s', undefined);
    case 'tg-spoiler':
      return el('span', 'spoiler');
    case 'span':
      return attrs.class === 'tg-spoiler' ? el('span', 'spoiler') : undefined;
    case 'a':
      return { tag: 'a', href: attrs.href, children: [] };
    case 'code':
      return el('code', attrs.class?.startsWith('language-') ? `inline ${attrs.class.replace(/[^A-Za-z0-9-]/g, '')}` : 'inline');
    case 'pre':
      return el('pre', 'codeblock');
    case 'blockquote':
      return el('blockquote', 'expandable' in attrs ? 'expandable' : undefined);
    case 'tg-emoji':
    case 'tg-time':
      return el('span', undefined);
    default:
      return undefined;
  }
}

export type TelegramParsed = { ok: true; nodes: Node[] } | { ok: false; error: string; nodes: Node[] };

const TAG = /<([A-Za-z][A-Za-z0-9-]*)((?:\s+[A-Za-z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>|<\/([A-Za-z][A-Za-z0-9-]*)?\s*>/y;
const ATTR = /([A-Za-z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

function attributesOf(src: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of src.matchAll(ATTR)) {
    const raw = m[2] ?? m[3] ?? m[4] ?? '';
    out[m[1]!.toLowerCase()] = raw.replace(/&(?:#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);?/g, (e) => decodeEntity(e, 0)?.char ?? e);
  }
  return out;
}

/** The message's text as Telegram shows it; on a parse error, the text as sent and the reason. */
export function telegramHtml(html: string): TelegramParsed {
  const root = el('span', undefined);
  const stack: { name: string; node: Element }[] = [{ name: '', node: root }];
  const top = () => stack[stack.length - 1]!.node;
  const text = (s: string) => {
    const kids = top().children;
    if (typeof kids[kids.length - 1] === 'string') kids[kids.length - 1] += s;
    else kids.push(s);
  };
  const fail = (error: string): TelegramParsed => ({ ok: false, error, nodes: [html] });
  for (let i = 0; i < html.length; ) {
    const c = html[i]!;
    if (c === '&') {
      const e = decodeEntity(html, i);
      text(e ? e.char : '&');
      i = e ? e.end : i + 1;
      continue;
    }
    if (c !== '<') {
      const next = html.slice(i).search(/[<&]/);
      const end = next < 0 ? html.length : i + next;
      text(html.slice(i, end));
      i = end;
      continue;
    }
    TAG.lastIndex = i;
    const m = TAG.exec(html);
    if (!m) return fail(`unsupported or unclosed tag at character ${i}`);
    i += m[0].length;
    if (m[0].startsWith('</')) {
      const name = (m[3] ?? '').toLowerCase();
      const open = stack[stack.length - 1]!;
      if (stack.length === 1 || (name && name !== open.name)) return fail(`unmatched end tag </${name}>`);
      stack.pop();
      top().children.push(open.node);
      continue;
    }
    const name = m[1]!.toLowerCase();
    const node = elementFor(name, attributesOf(m[2] ?? ''));
    if (!node) return fail(`unsupported start tag "${name}"`);
    stack.push({ name, node });
  }
  if (stack.length > 1) return fail(`unclosed tag <${stack[stack.length - 1]!.name}>`);
  return { ok: true, nodes: root.children };
}
