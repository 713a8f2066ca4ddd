/**
 * Discord Markdown as Discord's client renders it, for the preview page. Discord's parser builds on
 * simple-markdown (its `url`, `text`, `escape`, `inlineCode` and emphasis rules are copied below from
 * simple-markdown's, as notecast's escaping in render/escape.ts assumes them) with Discord's own
 * additions. What is rendered, and where it is documented:
 * - bold `**`, italic `*`/`_`, underline `__`, strike `~~`, spoiler `||`, inline code and fenced code
 *   blocks, block quotes (`> `, `>>> `), headings (`#`, `##`, `###`), subtext (`-# `), lists (`-`, `*`,
 *   `1.`), masked links `[text](url)`, `<url>` and bare URLs, backslash escapes: Discord's support
 *   article "Markdown Text 101 (Chat Formatting: Bold, Italic, Underline)"
 *   (support.discord.com/hc/en-us/articles/210298617; its text is mirrored in the widely forked
 *   gist matthewzring/markdown-text-101), and discord-api-docs developers/reference.mdx "Message
 *   Formatting" ("Discord utilizes a subset of markdown") with developers/components/reference.mdx
 *   (Text Display: "All the regular markdown rules apply", its example using headings, lists, code,
 *   masked links and spoilers).
 * - an embed's title and a field's name render inline styles but no links; its footer renders no
 *   Markdown at all (github.com/Pycord-Development/pycord/issues/96, as render/discord.ts notes).
 * Mentions (`<@…>`) are shown as the text they are: notecast's text never carries one that works
 * (render/escape.ts defuses them) and `allowed_mentions` is empty.
 */
import { el, safeHref, type Element, type Node } from './tree.js';

/** `full`: a description, a field value or message content. `inline`: a title or field name. */
export type DiscordMarkdownMode = 'full' | 'inline';

interface Rule {
  re: RegExp;
  links?: true;
  build: (m: RegExpExecArray, mode: DiscordMarkdownMode, depth: number) => Node;
}

const wrap = (tag: Element['tag'], cls?: string) => (m: RegExpExecArray, mode: DiscordMarkdownMode, depth: number) => ({ tag, cls, children: inline(m[1] ?? m[2] ?? '', mode, depth + 1) });

/** simple-markdown's inline rules in its order (escape first, text last), with Discord's spoiler. */
const RULES: Rule[] = [
  { re: /\\([^0-9A-Za-z\s])/y, build: (m) => m[1]! },
  { re: /<([^: >]+:\/[^ >]+)>/y, links: true, build: (m) => link(m[1]!, [m[1]!]) },
  { re: /(https?:\/\/[^\s<]+[^<.,:;"')\]\s])/y, links: true, build: (m) => link(m[1]!, [m[1]!]) },
  {
    re: /\[((?:\[[^\]]*\]|[^[\]]|\](?=[^[]*\]))*)\]\(\s*<?((?:\([^)]*\)|[^\s\\]|\\.)*?)>?(?:\s+['"]([\s\S]*?)['"])?\s*\)/y,
    links: true,
    build: (m, mode, depth) => link(m[2]!.replace(/\\(.)/g, '$1'), inline(m[1]!, mode, depth + 1)),
  },
  { re: /\*\*((?:\\[\s\S]|[^\\])+?)\*\*(?!\*)/y, build: wrap('strong') },
  { re: /__((?:\\[\s\S]|[^\\])+?)__(?!_)/y, build: wrap('u') },
  { re: /\b_((?:__|\\[\s\S]|[^\\_])+?)_\b|\*(?=\S)((?:\*\*|\\[\s\S]|\s+(?:\\[\s\S]|[^\s*\\]|\*\*)|[^\s*\\])+?)\*(?!\*)/y, build: wrap('em') },
  { re: /~~([\s\S]+?)~~/y, build: wrap('s') },
  { re: /\|\|([\s\S]+?)\|\|/y, build: wrap('span', 'spoiler') },
  // A code span: one space of padding next to a backtick is dropped (simple-markdown's inlineCode).
  { re: /(`+)([\s\S]*?[^`])\1(?!`)/y, build: (m) => el('code', 'inline', m[2]!.replace(/^ (?= *`)|(` *) $/g, '$1')) },
  { re: /[\s\S]+?(?=[^0-9A-Za-z\s\u00c0-\uffff]|\n\n| {2,}\n|\w+:\S|$)/y, build: (m) => m[0] },
];

function link(href: string, children: Node[]): Node {
  // Discord links only web addresses; anything else stays text.
  return safeHref(href) ? { tag: 'a', href, children } : el('span', undefined, ...children);
}

/** Deeper nesting than this is shown as text (a guard against hostile input, not a Discord rule). */
const MAX_DEPTH = 24;

function inline(src: string, mode: DiscordMarkdownMode, depth = 0): Node[] {
  if (depth > MAX_DEPTH) return [src];
  const out: Node[] = [];
  let i = 0;
  while (i < src.length) {
    let matched = false;
    for (const rule of RULES) {
      if (rule.links && mode === 'inline') continue;
      rule.re.lastIndex = i;
      const m = rule.re.exec(src);
      if (!m || m[0].length === 0) continue;
      const node = rule.build(m, mode, depth);
      if (typeof node === 'string' && typeof out[out.length - 1] === 'string') out[out.length - 1] += node;
      else out.push(node);
      i += m[0].length;
      matched = true;
      break;
    }
    if (!matched) {
      // The text rule matches any non-empty rest; this only guards the loop.
      out.push(src.slice(i));
      break;
    }
  }
  return out;
}

/**
 * Discord's fenced code block: ```lang\ncode``` (simple-markdown's `codeBlock` as Discord has it). A
 * backtick escaped by a backslash is text (the `escape` rule consumes it first), so it opens no block.
 */
const FENCE = /(?<=(?:^|[^\\])(?:\\\\)*)```(?:([a-z0-9_+\-.#]+?)\n)?\n*([^\n][\s\S]*?)\n*```/gi;

/** A description, field value or content: code blocks, then lines (quotes, headings, lists), then inline. */
export function discordMarkdown(src: string, mode: DiscordMarkdownMode = 'full'): Node[] {
  if (mode === 'inline') return inline(src, mode);
  const out: Node[] = [];
  let at = 0;
  for (const m of src.matchAll(FENCE)) {
    out.push(...lines(src.slice(at, m.index), true));
    out.push(el('pre', 'codeblock', el('code', m[1] ? `lang-${m[1].replace(/[^A-Za-z0-9-]/g, '')}` : undefined, m[2]!)));
    at = m.index + m[0].length;
  }
  out.push(...lines(src.slice(at), true));
  return out;
}

const HEADING = /^(#{1,3}) +(\S.*)$/;
const SUBTEXT = /^-# +(\S.*)$/;
const BULLET = /^( *)[-*] +(\S.*)$/;
const NUMBERED = /^( *)(\d{1,9})\. +(\S.*)$/;

function lines(src: string, quotes: boolean): Node[] {
  if (!src) return [];
  const out: Node[] = [];
  const rows = src.split('\n');
  let text: string[] = [];
  const flush = () => {
    if (text.length) out.push(el('span', 'md-text', ...inline(text.join('\n'), 'full')));
    text = [];
  };
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (quotes && /^>>> ?/.test(row)) {
      flush();
      out.push(el('blockquote', undefined, ...lines([row.replace(/^>>> ?/, ''), ...rows.slice(r + 1)].join('\n'), false)));
      return out;
    }
    if (quotes && /^> /.test(row)) {
      flush();
      const quoted: string[] = [];
      while (r < rows.length && /^> /.test(rows[r]!)) quoted.push(rows[r++]!.slice(2));
      r--;
      out.push(el('blockquote', undefined, ...lines(quoted.join('\n'), false)));
      continue;
    }
    const block = lineBlock(rows, r);
    if (!block) {
      text.push(row);
      continue;
    }
    flush();
    out.push(block.node);
    r = block.next - 1;
  }
  flush();
  return out;
}

/** A heading, a subtext line or a list starting at `rows[r]`, and the row after it. */
function lineBlock(rows: readonly string[], r: number): { node: Node; next: number } | undefined {
  const row = rows[r]!;
  const h = HEADING.exec(row);
  if (h) return { node: el(`h${h[1]!.length}` as 'h1', 'md-heading', ...inline(h[2]!, 'full')), next: r + 1 };
  const sub = SUBTEXT.exec(row);
  if (sub) return { node: el('small', 'subtext', ...inline(sub[1]!, 'full')), next: r + 1 };
  const ordered = NUMBERED.test(row);
  if (!ordered && !BULLET.test(row)) return undefined;
  const items: Node[] = [];
  let next = r;
  for (; next < rows.length; next++) {
    const m = ordered ? NUMBERED.exec(rows[next]!) : BULLET.exec(rows[next]!);
    if (!m) break;
    items.push(el('li', m[1]!.length >= 2 ? 'nested' : undefined, ...inline(m[m.length - 1]!, 'full')));
  }
  const list: Element = el(ordered ? 'ol' : 'ul', 'md-list', ...items);
  if (ordered) list.attrs = { start: NUMBERED.exec(row)![2]! };
  return { node: list, next };
}
