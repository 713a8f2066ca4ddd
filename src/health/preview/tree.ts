/**
 * The preview page's markup as data: parsers of chat markup (Discord Markdown, Telegram HTML) build
 * these nodes, and only `toHtml` turns them into HTML. Text is always escaped there, tags come from
 * a fixed set, and a link keeps its `href` only when it is http(s), so nothing a note supplies can
 * become markup or script in the page, whatever the parsers make of it.
 */

export const TAGS = ['div', 'span', 'strong', 'em', 'u', 's', 'code', 'pre', 'a', 'blockquote', 'h1', 'h2', 'h3', 'ul', 'ol', 'li', 'small', 'time', 'button', 'section', 'header', 'article', 'label', 'input', 'p'] as const;
export type Tag = (typeof TAGS)[number];

export interface Element {
  tag: Tag;
  /** Class names (letters, digits, `-`; others dropped). */
  cls?: string | undefined;
  href?: string | undefined;
  /** `data-*` attributes (names: letters, digits, `-`). */
  data?: Record<string, string> | undefined;
  /** Other attributes, from our own code only (names checked the same way). */
  attrs?: Record<string, string> | undefined;
  children: Node[];
}
export type Node = string | Element;

export const el = (tag: Tag, cls: string | undefined, ...children: Node[]): Element => ({ tag, cls, children });

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const NAME = /^[a-z][a-z0-9-]*$/;
const TAG_SET = new Set<string>(TAGS);
const VOID = new Set(['input']);

/** A link target the page may follow: http(s) only (no `javascript:`, `data:`, relative paths). */
export function safeHref(href: string | undefined): string | undefined {
  return href && /^https?:\/\/[^\s]+$/i.test(href) ? href : undefined;
}

function attributes(e: Element): string {
  let out = '';
  const cls = (e.cls ?? '').split(/\s+/).filter((c) => /^[A-Za-z0-9-]+$/.test(c)).join(' ');
  if (cls) out += ` class="${cls}"`;
  const href = e.tag === 'a' ? safeHref(e.href) : undefined;
  if (href) out += ` href="${escapeHtml(href)}" rel="noopener noreferrer nofollow" target="_blank"`;
  for (const [k, v] of Object.entries(e.data ?? {})) if (NAME.test(k)) out += ` data-${k}="${escapeHtml(v)}"`;
  // Event handlers never: a name starting with "on" is dropped, whoever wrote it.
  for (const [k, v] of Object.entries(e.attrs ?? {})) if (NAME.test(k) && !k.startsWith('on') && k !== 'href' && k !== 'src' && k !== 'style') out += ` ${k}="${escapeHtml(v)}"`;
  return out;
}

export function toHtml(nodes: readonly Node[]): string {
  let out = '';
  for (const n of nodes) {
    if (typeof n === 'string') out += escapeHtml(n);
    else {
      // An <a> whose target is not followable is shown as the text it is.
      const tag = n.tag === 'a' && !safeHref(n.href) ? 'span' : n.tag;
      if (!TAG_SET.has(tag)) throw new Error(`preview markup: unknown tag ${tag}`);
      out += `<${tag}${attributes(n)}>`;
      if (!VOID.has(tag)) out += `${toHtml(n.children)}</${tag}>`;
    }
  }
  return out;
}

/** The text a node shows (its strings, in order). */
export function textOf(nodes: readonly Node[]): string {
  return nodes.map((n) => (typeof n === 'string' ? n : textOf(n.children))).join('');
}
