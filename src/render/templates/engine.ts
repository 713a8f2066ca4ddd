/**
 * The Liquid engines templates run in: one per kind of markup a part of a message is written in,
 * each escaping every value it outputs for that markup (LiquidJS `outputEscape`), so a note's text
 * cannot add formatting, break a tag or ping anyone. Only our own `Markup` (a point's code spans,
 * a link built by `link_to`) passes unescaped, and `raw` cannot switch escaping off.
 */
// LiquidJS's ES module build: `import 'liquidjs'` loads its CommonJS entry, whose 190 KB Node scans
// for exports on every start (144 ms of CPU against 36 ms for this build, measured by import alone).
// The package names this build in its `module` field only, which Node does not read; types: liquidjs-esm.d.ts.
import { CaptureTag, Liquid, Drop } from 'liquidjs/dist/liquid.node.mjs';
import type { Context, FilterImplOptions } from 'liquidjs';
import { defuseMentions, discordLinkTarget, escapeDiscordBlocks, escapeDiscordMarkdown, escapeTelegramAttr, escapeTelegramHtml } from '../escape.js';

/**
 * The markup a template part is written in: Discord Markdown (title, description, fields,
 * content), Discord plain text (the footer renders no Markdown, so an escape would show; mentions
 * are only defused), Telegram HTML.
 */
/** `discord-title`: Discord Markdown where no block starts (an embed's title shows inline styles only). */
export type MarkupKind = 'discord' | 'discord-title' | 'discord-plain' | 'telegram';

/**
 * Text already in the target markup, built by notecast from escaped parts. As a string (a filter
 * reading it, `size`, `upcase`) it is its plain text, which is escaped again on output.
 */
export class Markup {
  constructor(
    readonly markup: string,
    readonly plain: string,
  ) {}
  toString(): string {
    return this.plain;
  }
}

/**
 * Front matter (`page.*`): a key a note does not set is nil, not an error, as each note sets its
 * own keys; strict variables still catch a typo in `note.*`, `summary.*` and the rest.
 */
export class PageDrop extends Drop {
  constructor(private readonly data: Record<string, unknown>) {
    super();
  }
  override liquidMethodMissing(key: string): unknown {
    if (!Object.hasOwn(this.data, key)) return null;
    return liquidValue(this.data[key]);
  }
}

function liquidValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(liquidValue);
  if (v && typeof v === 'object') return new PageDrop(v as Record<string, unknown>);
  return v ?? null;
}

/** Escapes one value's text for the kind of markup. */
function escapeFor(kind: MarkupKind, s: string): string {
  if (kind === 'telegram') return escapeTelegramHtml(s);
  if (kind === 'discord-plain') return defuseMentions(s);
  return kind === 'discord' ? escapeDiscordBlocks(escapeDiscordMarkdown(s)) : escapeDiscordMarkdown(s);
}

/** Liquid's own rendering of a value as text: nil is empty, a list its items run together. */
function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(text).join('');
  if (v instanceof Drop) return '';
  return String(v);
}

/** A link in the kind's markup: `[text](url)`, `<a href>`; without a URL, the text alone. Plain text has no links. */
function linkMarkup(kind: MarkupKind, label: string, url: string): Markup {
  // Only web links, as a summary's own links are (summary/links.ts): a note's `javascript:` stays text.
  if (!url || kind === 'discord-plain' || !/^https?:\/\//i.test(url)) return new Markup(escapeFor(kind === 'discord' ? 'discord-title' : kind, label), label); // a label, as today's renderer escapes one
  if (kind === 'telegram') return new Markup(`<a href="${escapeTelegramAttr(url)}">${escapeTelegramHtml(label)}</a>`, label);
  return new Markup(`[${escapeDiscordMarkdown(label)}](${discordLinkTarget(url)})`, label);
}

/**
 * `{% capture %}` as LiquidJS has it, but what it captures is already escaped (each value was as it
 * was output inside), so it is kept as Markup: output again, it is not escaped twice.
 */
class MarkupCaptureTag extends CaptureTag {
  override *render(ctx: Context): Generator<unknown, void, string> {
    yield* super.render(ctx);
    const captured = String(ctx.bottom()[this.variable as keyof object] ?? '');
    (ctx.bottom() as Record<string, unknown>)[this.variable] = new Markup(captured, captured);
  }
}

/** Limits on what a template may cost: its size, its render time, the memory its filters allocate. */
const TEMPLATE_LIMITS = { parseLimit: 100_000, renderLimit: 1000, memoryLimit: 16 * 1024 * 1024 } as const;

/** Tags that would read files (`include`, `render`, `layout`): templates are self-contained. */
const FILE_TAGS = ['include', 'render', 'layout'];

/** A Liquid engine for one kind of markup, with notecast's filters and limits. */
export function createEngine(kind: MarkupKind): Liquid {
  const liquid = new Liquid({
    ...TEMPLATE_LIMITS,
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    outputEscape: (v: unknown) => (v instanceof Markup ? v.markup : escapeFor(kind, text(v))),
  });
  // `raw` and the HTML escapes would undo or double the output escaping: here they return their input.
  const identity: FilterImplOptions = (v: unknown) => v;
  for (const name of ['raw', 'escape', 'escape_once', 'xml_escape']) liquid.registerFilter(name, identity);
  liquid.registerFilter('link_to', (label: unknown, url: unknown) => linkMarkup(kind, text(label), text(url)));
  liquid.registerFilter('plain', (v: unknown) => text(v));
  liquid.registerTag('capture', MarkupCaptureTag);
  for (const tag of FILE_TAGS) {
    liquid.registerTag(tag, {
      parse(token) {
        throw new Error(`{% ${tag} %} is not available in notecast templates (a template reads no other file): ${token.getText()}`);
      },
      render() {},
    });
  }
  return liquid;
}
