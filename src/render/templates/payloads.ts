/**
 * A note's messages through a route's templates: the payload `start` sends, `preview --json` prints
 * and the preview page shows. Over a platform's limit, the note is rendered again with fewer points,
 * then fewer links (then fewer other languages), then a shorter title: the output is never cut, so
 * no cut falls inside a tag, an entity or an escape.
 */
import type { Liquid, Template } from 'liquidjs';
import { DISCORD_LIMITS, embedTotalLength, type DiscordEmbed, type DiscordMessagePayload } from '../discord.js';
import { TELEGRAM_MAX_TEXT, telegramVisibleText, type TelegramMessagePayload } from '../telegram.js';
import { contextFor, everything, type Shown, type TemplateNote } from './context.js';
import type { MarkupKind } from './engine.js';
import type { TemplateSource } from './parts.js';

/** One compiled template and the engine (markup kind) it renders in. */
export interface CompiledTemplate {
  source: TemplateSource;
  kind: MarkupKind;
  engine: Liquid;
  templates: Template[];
}

export interface CompiledDiscord {
  content?: CompiledTemplate | undefined;
  title?: CompiledTemplate | undefined;
  description?: CompiledTemplate | undefined;
  fields: { name: CompiledTemplate; value: CompiledTemplate; inline: boolean }[];
  footer?: CompiledTemplate | undefined;
  color?: CompiledTemplate | undefined;
}

/** A route's templates, compiled, with the site they are rendered for. */
export interface RouteTemplates {
  discord: CompiledDiscord;
  telegram: CompiledTemplate;
  site: Record<string, unknown>;
}

export interface Payloads {
  discord: DiscordMessagePayload;
  telegram: TelegramMessagePayload;
}

/** The variables of each markup kind, made once per rendering. */
type Contexts = (kind: MarkupKind) => Record<string, unknown>;

function contexts(n: TemplateNote, shown: Shown, site: Record<string, unknown>): Contexts {
  const made = new Map<MarkupKind, Record<string, unknown>>();
  return (kind) => {
    let c = made.get(kind);
    if (!c) made.set(kind, (c = contextFor(kind, n, shown, site)));
    return c;
  };
}

/**
 * A template that failed on one note at post time (a list item without the key it reads, the
 * render time limit): that message cannot be made, retrying cannot help. Adapters classify it as
 * `rejected`: the delivery fails with this reason (in `status`), the chat goes on.
 */
export class TemplateRenderError extends Error {
  override readonly name = 'TemplateRenderError';
}

/** Where a template failed, as `file:line: part: message` (LiquidJS's own position suffix dropped). */
export function templateProblem(e: unknown): { line?: number | undefined; message: string } {
  const err = e as { token?: { getPosition?: () => [number, number] }; originalError?: Error; message?: string };
  const line = err.token?.getPosition?.()[0];
  const message = (err.originalError?.message ?? err.message ?? String(e)).replace(/, (file:[^,]*, )?line:\d+, col:\d+$/, '');
  return { line, message };
}

/**
 * A template's output without the line breaks around it (a template file ends with one, a loop
 * leaves one); spaces are the note's and stay. Output of only white space is empty: Discord counts
 * such a field or title as empty.
 */
export function renderTemplate(t: CompiledTemplate | undefined, ctx: Contexts): string {
  if (!t) return '';
  const out = String(t.engine.renderSync(t.templates, ctx(t.kind))).replace(/^[\r\n]+|[\r\n]+$/g, '');
  return out.trim() ? out : '';
}

/** `renderTemplate` at post time: a failure is a TemplateRenderError naming the template's file and line. */
function renderForNote(t: CompiledTemplate | undefined, ctx: Contexts): string {
  try {
    return renderTemplate(t, ctx);
  } catch (e) {
    const p = templateProblem(e);
    const line = p.line === undefined ? undefined : (t!.source.firstLine ?? 1) + p.line - 1;
    throw new TemplateRenderError(`template ${t!.source.file}${line === undefined ? '' : `:${line}`} (${t!.source.label}): ${p.message}`);
  }
}

/** `#rrggbb` (or `0xrrggbb`, or a decimal number) as Discord's integer colour; undefined when empty or not a colour. */
export function parseColor(s: string): number | undefined {
  const hex = /^(?:#|0x)([0-9a-f]{6})$/i.exec(s);
  if (hex) return parseInt(hex[1]!, 16);
  return /^\d{1,8}$/.test(s) && Number(s) <= 0xffffff ? Number(s) : undefined;
}

function discordOnce(t: CompiledDiscord, n: TemplateNote, ctx: Contexts): DiscordMessagePayload {
  const embed: DiscordEmbed = {};
  const title = renderForNote(t.title, ctx);
  if (title) embed.title = title;
  const color = parseColor(renderForNote(t.color, ctx));
  if (color !== undefined) embed.color = color;
  if (n.summary.url) embed.url = n.summary.url;
  const description = renderForNote(t.description, ctx);
  if (description) embed.description = description;
  // A field with an empty name or value makes Discord refuse the whole message (50035): left out.
  const fields = t.fields.map((f) => ({ name: renderForNote(f.name, ctx), value: renderForNote(f.value, ctx), ...(f.inline ? { inline: true } : {}) })).filter((f) => f.name && f.value);
  if (fields.length) embed.fields = fields;
  const footer = renderForNote(t.footer, ctx);
  if (footer) embed.footer = { text: footer };
  const content = renderForNote(t.content, ctx);
  return { ...(content ? { content } : {}), embeds: [embed], allowed_mentions: { parse: [] } };
}

const over = (n: number, max: number) => Math.max(0, n - max);

/** Characters over Discord's limits (message.mdx, Embed Limits; Create Message `content`): the title's apart. */
export function discordOverage(p: DiscordMessagePayload): { title: number; other: number } {
  const e = p.embeds[0]!;
  const L = DISCORD_LIMITS;
  const fields = (e.fields ?? []).reduce((sum, f) => sum + over(f.name.length, L.fieldName) + over(f.value.length, L.fieldValue), 0);
  const other = over(e.description?.length ?? 0, L.description) + fields + over(e.footer?.text.length ?? 0, L.footer) + over(p.content?.length ?? 0, L.content);
  return { title: over(e.title?.length ?? 0, L.title), other: other + over(embedTotalLength(e), L.total) };
}

/** Characters over Telegram's 4096 after entities parsing (core.telegram.org/bots/api#sendmessage). */
export function telegramOverage(p: TelegramMessagePayload): { title: number; other: number } {
  return { title: 0, other: over(telegramVisibleText(p.text).length, TELEGRAM_MAX_TEXT) };
}

function telegramOnce(t: CompiledTemplate, n: TemplateNote, ctx: Contexts): TelegramMessagePayload {
  const url = n.summary.url;
  return { text: renderForNote(t, ctx), parse_mode: 'HTML', link_preview_options: url ? { url, prefer_small_media: true } : { is_disabled: true } };
}

type Overage = { title: number; other: number };

/** Fewer points, links, languages, in that order, each taken only when it brings the message nearer its limits. */
function fewer<P>(shown: Shown, o: Overage, render: (s: Shown) => P, overage: (p: P) => Overage): { shown: Shown; p: P } | undefined {
  for (const key of ['points', 'links', 'alsoIn'] as const) {
    if (shown[key] === 0) continue;
    const next = { ...shown, [key]: shown[key] - 1 };
    const p = render(next);
    const po = overage(p);
    if (po.title + po.other < o.title + o.other) return { shown: next, p };
  }
  return undefined;
}

/**
 * The longest title (cut before escaping, so never inside an escape or entity) with which the
 * message fits; undefined when it cannot fit even with no title.
 */
function shorterTitle<P>(n: TemplateNote, shown: Shown, render: (s: Shown) => P, overage: (p: P) => Overage): { shown: Shown; p: P } | undefined {
  const fits = (titleMax: number) => {
    const p = render({ ...shown, titleMax });
    const o = overage(p);
    return o.title + o.other === 0 ? p : undefined;
  };
  let best = fits(0);
  if (!best) return undefined;
  let lo = 0;
  let hi = Math.min(shown.titleMax, n.summary.title.length);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const p = fits(mid);
    if (p) {
      lo = mid;
      best = p;
    } else hi = mid - 1;
  }
  return { shown: { ...shown, titleMax: lo }, p: best };
}

/**
 * The note rendered again with less of it until the message is within the platform's limits; a
 * message that cannot fit even with nothing of the note (`check` refuses such a template) is
 * returned as it is, and the platform refuses that one message.
 */
function fit<P>(n: TemplateNote, render: (s: Shown) => P, overage: (p: P) => Overage): P {
  let shown = everything(n);
  let p = render(shown);
  for (let o = overage(p); o.title + o.other > 0; o = overage(p)) {
    const next = fewer(shown, o, render, overage);
    if (next) {
      ({ shown, p } = next);
      continue;
    }
    return shorterTitle(n, shown, render, overage)?.p ?? p;
  }
  return p;
}

export function discordPayloadFor(note: TemplateNote, route: RouteTemplates): DiscordMessagePayload {
  return fit(note, (s) => discordOnce(route.discord, note, contexts(note, s, route.site)), discordOverage);
}

export function telegramPayloadFor(note: TemplateNote, route: RouteTemplates): TelegramMessagePayload {
  return fit(note, (s) => telegramOnce(route.telegram, note, contexts(note, s, route.site)), telegramOverage);
}

/** The payloads a note's post (or edit) sends through a route's templates, one per platform. */
export function payloadsFor(note: TemplateNote, route: RouteTemplates): Payloads {
  return { discord: discordPayloadFor(note, route), telegram: telegramPayloadFor(note, route) };
}
