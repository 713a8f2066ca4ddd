/**
 * What a Jekyll site (Liquid + kramdown) would show, as Markdown that marked can read. Pure.
 *
 * Jekyll renders Liquid before Markdown, so this runs on the body before it is lexed:
 * - `{% raw %}…{% endraw %}`: the content is kept literally (Liquid in it is shown as code);
 * - `{% highlight lang %}…{% endhighlight %}` becomes a fenced code block;
 * - `{% post_url … %}` and `{% link … %}` become the linked note's URL when the site's URL is known,
 *   else the link is dropped and its text kept; `{{ site.* }}` / `{{ page.* }}` are filled from the
 *   site config and the note (with `relative_url`, `absolute_url`, `default`), else removed;
 * - `{% comment %}` and `{% capture %}` blocks go with their content; every other tag goes
 *   (`include`, `if`, `for`… : their content stays);
 * - kramdown attribute lists (`{: .lead}`, `{:toc}` with its `* TOC` item, `{::options … /}`),
 *   `{::comment}` blocks, abbreviation definitions and footnote markers go; footnote definitions
 *   move to a references section at the end, so their links are candidates for a summary's links;
 * - GitHub alerts (`> [!NOTE]`) read as their label (`Note:`).
 * Code (fenced blocks and code spans) is never touched, except that `{% raw %}` tags inside it go,
 * as Jekyll removes them there too. Sources: https://jekyllrb.com/docs/liquid/tags/,
 * https://kramdown.gettalong.org/syntax.html, GitHub's "alerts" in its Markdown docs.
 */
import { dateFromFileName, jekyllUrlPath, siteBasePath, type SiteConfig } from './url.js';

export interface JekyllPage {
  title: string;
  url?: string | undefined;
  date?: Date | undefined;
  lang?: string | undefined;
}

/** Heading of the section footnote definitions are moved to (the summary reads it as references). */
const FOOTNOTES_HEADING = '## References';

const TRIGGER = /\{[%{:]|\[\^|\[!/;
const RAW_TAG = /\{%-?\s*(end)?raw\s*-?%\}/g;
const FENCE = /^\s*(`{3,}|~{3,})/;
const HIGHLIGHT_OPEN = /^(\s*)\{%-?\s*highlight\s+([\w+#.-]+)[^%]*-?%\}(.*)$/;
const HIGHLIGHT_CLOSE = /\{%-?\s*endhighlight\s*-?%\}/;
const DROP_BLOCK_OPEN = /\{%-?\s*(comment|capture)\b[^%]*-?%\}/;
const IAL_LINE = /^\s*\{:[^}]*\}\s*$/;
const TOC_IAL = /^\s*\{:\s*toc\s*\}\s*$/;
const LIST_ITEM = /^\s*(?:[*+-]|\d+[.)])\s+/;
const FOOTNOTE_DEF = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]?(.*)$/;
const ABBREVIATION_DEF = /^ {0,3}\*\[[^\]]+\]:/;
const ALERT = /^(\s*(?:>\s*)+)\[!(note|tip|important|warning|caution)\][ \t]*/i;
const KRAMDOWN_COMMENT_OPEN = /\{::comment\}/;
const KRAMDOWN_COMMENT_CLOSE = /\{:\/(comment)?\}/;

/**
 * The body as the site would show it, in Markdown. Returns the input itself when nothing applies.
 * Longer than most (a reason, per the style guide): one pass over the lines whose state (open fence,
 * raw block, dropped tag, footnote, kramdown comment) every line handler reads and changes; the
 * handlers are the named inner functions.
 */
export function renderJekyllSource(body: string, site: SiteConfig, page: JekyllPage): string {
  if (!TRIGGER.test(body)) return body;
  const out: string[] = [];
  const footnotes: string[] = [];
  let fence: string | undefined; // the open fence's marker
  let highlight = false;
  let raw = false;
  let dropping: string | undefined; // inside {% comment %} / {% capture %}: the closing tag's name
  let kramdownComment = false;
  let footnote: number | undefined; // index in `footnotes` while its definition continues
  const assigned = new Map<string, string>(); // `{% assign %}` variables, as set so far in the note

  /** A line of code: left as written, but its {% raw %} tags go (as Jekyll removes them) and still open or close raw. */
  const codeLine = (line: string) =>
    line.replace(RAW_TAG, (_m, end: string | undefined) => {
      raw = end === undefined;
      return '';
    });

  for (let line of body.split('\n')) {
    if (fence !== undefined) {
      const m = FENCE.exec(line);
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.trim() === m[1]) fence = undefined;
      out.push(codeLine(line));
      continue;
    }
    if (highlight) {
      const close = HIGHLIGHT_CLOSE.exec(line);
      if (!close) {
        out.push(codeLine(line));
        continue;
      }
      const before = line.slice(0, close.index);
      if (before.trim()) out.push(codeLine(before));
      out.push('```');
      highlight = false;
      line = line.slice(close.index + close[0].length);
      if (!line.trim()) continue;
    }
    if (dropping !== undefined) {
      const close = endTag(dropping).exec(line);
      if (!close) continue;
      dropping = undefined;
      line = line.slice(close.index + close[0].length);
    }
    if (kramdownComment) {
      const close = KRAMDOWN_COMMENT_CLOSE.exec(line);
      if (!close) continue;
      kramdownComment = false;
      line = line.slice(close.index + close[0].length);
    }
    if (footnote !== undefined) {
      if (/^\s+\S/.test(line)) {
        footnotes[footnote] += ` ${line.trim()}`;
        continue;
      }
      footnote = undefined;
    }

    // A fence opens code inside {% raw %} too; a highlight tag there is only text.
    const fenceOpen = FENCE.exec(line);
    if (fenceOpen) {
      fence = fenceOpen[1]!;
      out.push(codeLine(line));
      continue;
    }
    const hl = raw ? null : HIGHLIGHT_OPEN.exec(line);
    if (hl) {
      out.push(`${hl[1]}\`\`\`${hl[2]}`);
      highlight = true;
      const rest = hl[3] ?? '';
      const close = HIGHLIGHT_CLOSE.exec(rest);
      if (close) {
        if (rest.slice(0, close.index).trim()) out.push(rest.slice(0, close.index));
        out.push('```');
        highlight = false;
      } else if (rest.trim()) out.push(rest);
      continue;
    }
    if (!raw) {
      const def = FOOTNOTE_DEF.exec(line);
      if (def) {
        footnotes.push(def[2] ?? '');
        footnote = footnotes.length - 1;
        continue;
      }
      if (ABBREVIATION_DEF.test(line)) continue;
      if (IAL_LINE.test(line)) {
        // `* TOC` + `{:toc}`: kramdown replaces the list with a table of contents.
        if (TOC_IAL.test(line) && out.length && LIST_ITEM.test(out[out.length - 1]!)) out.pop();
        continue;
      }
      const km = KRAMDOWN_COMMENT_OPEN.exec(line);
      if (km) {
        const close = KRAMDOWN_COMMENT_CLOSE.exec(line.slice(km.index));
        if (!close) {
          kramdownComment = true;
          line = line.slice(0, km.index);
          if (!line.trim()) continue;
        } else line = line.slice(0, km.index) + line.slice(km.index + close.index + close[0].length);
      }
      line = line.replace(ALERT, (_m, quote: string, kind: string) => `${quote}${kind[0]!.toUpperCase()}${kind.slice(1).toLowerCase()}: `);
    }

    let result = ''; // the line walked in raw / not-raw pieces
    let rest = line;
    for (;;) {
      RAW_TAG.lastIndex = 0;
      const tag = RAW_TAG.exec(rest);
      const piece = tag ? rest.slice(0, tag.index) : rest;
      if (raw) result += outsideCode(piece, literalLiquidAsCode);
      else {
        let p = piece;
        // {% comment %} / {% capture %}: their content goes, on this line or until their end tag.
        for (let drop = DROP_BLOCK_OPEN.exec(p); drop; drop = DROP_BLOCK_OPEN.exec(p)) {
          const after = p.slice(drop.index + drop[0].length);
          const close = endTag(drop[1]!).exec(after);
          if (close) p = p.slice(0, drop.index) + after.slice(close.index + close[0].length);
          else {
            p = p.slice(0, drop.index);
            dropping = drop[1]!;
          }
        }
        result += outsideCode(p, (s) => renderLiquidAndKramdown(s, site, page, assigned));
        if (dropping !== undefined) break;
      }
      if (!tag) break;
      raw = tag[1] === undefined;
      rest = rest.slice(tag.index + tag[0].length);
    }
    if (dropping !== undefined && !result.trim()) continue;
    out.push(result);
  }
  if (fence !== undefined || highlight) out.push(highlight ? '```' : fence!);
  if (footnotes.length) {
    out.push('', FOOTNOTES_HEADING, '');
    for (const f of footnotes) if (f.trim()) out.push(`- ${f.trim()}`);
  }
  return out.join('\n');
}

function endTag(name: string): RegExp {
  return new RegExp(`\\{%-?\\s*end${name}\\s*-?%\\}`);
}

/** Applies `fn` to the parts of a line outside code spans (CommonMark: a backtick run closed by one as long). */
function outsideCode(line: string, fn: (s: string) => string): string {
  if (!line.includes('`')) return fn(line);
  let out = '';
  let i = 0;
  let plainStart = 0;
  while (i < line.length) {
    if (line[i] !== '`') {
      i++;
      continue;
    }
    let j = i;
    while (line[j] === '`') j++;
    const run = line.slice(i, j);
    const close = findClosingRun(line, j, run.length);
    if (close < 0) {
      i = j;
      continue;
    }
    out += fn(line.slice(plainStart, i)) + line.slice(i, close + run.length).replace(RAW_TAG, '');
    i = plainStart = close + run.length;
  }
  return out + fn(line.slice(plainStart));
}

function findClosingRun(line: string, from: number, len: number): number {
  let k = from;
  while (k < line.length) {
    const at = line.indexOf('`', k);
    if (at < 0) return -1;
    let e = at;
    while (line[e] === '`') e++;
    if (e - at === len) return at;
    k = e;
  }
  return -1;
}

const LIQUID_ANY = /\{\{[\s\S]*?\}\}|\{%-?[\s\S]*?-?%\}/g;

/** Inside `{% raw %}`, Liquid is shown as written: as code, so it reads as the template it is. */
function literalLiquidAsCode(s: string): string {
  return s.replace(LIQUID_ANY, (m) => (m.includes('`') ? `\`\` ${m} \`\`` : `\`${m}\``));
}

const LINKED_TAG = /\[([^\]]*)\]\(\s*\{%-?\s*(post_url|link)\s+([^%]+?)\s*-?%\}\s*\)/g;
const URL_TAG = /\{%-?\s*(post_url|link)\s+([^%]+?)\s*-?%\}/g;
/** An output, or an `{% assign name = value %}`, in note order: the variable is what later outputs show (Liquid's assign tag). */
const OUTPUT_OR_ASSIGN = /\{%-?\s*assign\s+([A-Za-z_][\w-]*)\s*=([\s\S]*?)-?%\}|\{\{-?([\s\S]*?)-?\}\}/g;
const ANY_TAG = /\{%-?[\s\S]*?-?%\}/g;
const IAL_INLINE = /\{:[^}\n]*\}/g;
const FOOTNOTE_MARK = /\[\^[^\]\s]+\]/g;

function renderLiquidAndKramdown(s: string, site: SiteConfig, page: JekyllPage, assigned: Map<string, string>): string {
  let out = s;
  if (out.includes('{')) {
    out = out
      .replace(LINKED_TAG, (_m, text: string, kind: string, arg: string) => {
        const url = linkedUrl(kind, arg, site);
        return url ? `[${text}](${url})` : text;
      })
      .replace(URL_TAG, (_m, kind: string, arg: string) => linkedUrl(kind, arg, site) ?? '')
      .replace(OUTPUT_OR_ASSIGN, (_m, name: string | undefined, value: string | undefined, expr: string | undefined) => {
        if (name === undefined) return evaluateOutput(expr ?? '', site, page, assigned);
        assigned.set(name, evaluateOutput(value ?? '', site, page, assigned));
        return '';
      })
      .replace(ANY_TAG, '')
      .replace(IAL_INLINE, '');
  }
  if (out.includes('[^')) out = out.replace(FOOTNOTE_MARK, '');
  return out;
}

/** `{% post_url 2010-07-21-name %}` / `{% link _posts/….md %}` → the site-relative URL (with baseurl, as Jekyll 4 gives). */
function linkedUrl(kind: string, arg: string, site: SiteConfig): string | undefined {
  if (!site.url) return undefined;
  const target = arg.trim().replace(/^['"]|['"]$/g, '');
  if (!target || target.includes('{')) return undefined;
  let relPath: string;
  if (kind === 'post_url') {
    const clean = target.replace(/^\/+/, '');
    const slash = clean.lastIndexOf('/');
    // `{% post_url dir/2010-07-21-name %}` names a post in `_posts/dir/`.
    relPath = slash >= 0 ? `_posts/${clean.slice(0, slash)}/${clean.slice(slash + 1)}.md` : `_posts/${clean}.md`;
  } else relPath = target.replace(/^\/+/, '');
  const file = relPath.split('/').pop() ?? relPath;
  const date = dateFromFileName(file);
  if (kind === 'post_url' && !date) return undefined;
  const stem = file.replace(/\.[^.]+$/, '');
  return siteBasePath(site) + jekyllUrlPath({ relPath, date, title: stem }, site);
}

/** `{{ site.url | append: "/x" }}`-style output: a literal or variable and a few URL filters. */
function evaluateOutput(expr: string, site: SiteConfig, page: JekyllPage, assigned: ReadonlyMap<string, string>): string {
  const [head = '', ...filters] = splitFilters(expr);
  let value = operand(head.trim(), site, page, assigned);
  for (const f of filters) {
    const m = /^\s*([\w-]+)\s*(?::\s*([\s\S]*))?$/.exec(f);
    if (!m) continue;
    const arg = m[2] === undefined ? '' : operand(m[2].trim(), site, page, assigned);
    switch (m[1]) {
      case 'relative_url':
        value = value.startsWith('/') || value === '' ? siteBasePath(site) + value : value;
        break;
      case 'absolute_url':
        if (!/^[a-z][a-z0-9+.-]*:/i.test(value)) value = site.url ? site.url.replace(/\/+$/, '') + siteBasePath(site) + (value.startsWith('/') ? value : `/${value}`) : '';
        break;
      case 'default':
        if (!value) value = arg;
        break;
      case 'append':
        value += arg;
        break;
      case 'prepend':
        value = arg + value;
        break;
      case 'upcase':
        value = value.toUpperCase();
        break;
      case 'downcase':
        value = value.toLowerCase();
        break;
      default:
      // Other filters (date formats, escapes…) leave the value as it is.
    }
  }
  return value;
}

function splitFilters(expr: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quote: string | undefined;
  for (const ch of expr) {
    if (quote) {
      if (ch === quote) quote = undefined;
      cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      cur += ch;
    } else if (ch === '|') {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

function operand(s: string, site: SiteConfig, page: JekyllPage, assigned: ReadonlyMap<string, string>): string {
  const lit = /^(['"])([\s\S]*)\1$/.exec(s);
  if (lit) return lit[2]!;
  if (/^-?\d+(\.\d+)?$/.test(s)) return s;
  const variable = assigned.get(s);
  if (variable !== undefined) return variable;
  const pathParts = s.split('.');
  const rootName = pathParts.shift();
  let value: unknown;
  if (rootName === 'site') value = site;
  else if (rootName === 'page') value = { title: page.title, url: page.url ? new URL(page.url).pathname : undefined, date: page.date?.toISOString().slice(0, 10), lang: page.lang };
  else return '';
  for (const p of pathParts) {
    if (value === null || typeof value !== 'object') return '';
    value = (value as Record<string, unknown>)[p];
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}
