/**
 * The page's cards, built from the payloads alone: a Discord message with its embed (coloured bar,
 * title, description, fields, footer) and a Telegram message bubble. Everything goes through
 * tree.ts, so every string a note supplies reaches the page as text.
 */
import type { DiscordMessagePayload } from '../../render/discord.js';
import type { TelegramMessagePayload } from '../../render/telegram.js';
import { discordMarkdown } from './discord-markdown.js';
import type { PreviewEntry } from './notes.js';
import type { RoutePayloads } from './payloads.js';
import { telegramHtml } from './telegram-html.js';
import { el, toHtml, type Element, type Node } from './tree.js';

const BOT_NAME = 'notecast';

/** Text in any script: each block takes its direction from its own first strong character, as both clients do. */
function auto(e: Element): Element {
  e.attrs = { ...e.attrs, dir: 'auto' };
  return e;
}

function clock(now: Date): string {
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}

function embedCard(e: DiscordMessagePayload['embeds'][number]): Element {
  const parts: Node[] = [];
  if (e.title) {
    const title = discordMarkdown(e.title, 'inline');
    parts.push(auto(el('div', 'dc-embed-title', e.url ? { tag: 'a', href: e.url, children: title } : el('span', undefined, ...title))));
  }
  if (e.description) parts.push(auto(el('div', 'dc-embed-description', ...discordMarkdown(e.description))));
  if (e.fields?.length) {
    const fields = e.fields.map((f) => el('div', f.inline ? 'dc-field inline' : 'dc-field', el('div', 'dc-field-name', ...discordMarkdown(f.name, 'inline')), el('div', 'dc-field-value', ...discordMarkdown(f.value))));
    parts.push(el('div', 'dc-fields', ...fields));
  }
  // A footer renders no Markdown: its text as it is.
  if (e.footer?.text || e.timestamp) {
    const footer: Node[] = [];
    if (e.footer?.text) footer.push(el('span', 'dc-footer-text', e.footer.text));
    if (e.timestamp) footer.push(el('span', 'dc-footer-sep', '•'), el('time', undefined, new Date(e.timestamp).toLocaleString('en-GB')));
    parts.push(el('div', 'dc-footer', ...footer));
  }
  const color = typeof e.color === 'number' && Number.isInteger(e.color) ? `#${(e.color & 0xffffff).toString(16).padStart(6, '0')}` : '#1e1f22';
  return { tag: 'div', cls: 'dc-embed', data: { color }, children: [el('div', 'dc-embed-grid', ...parts)] };
}

function discordCard(p: DiscordMessagePayload, now: Date): Element {
  const body: Node[] = [el('header', 'dc-head', el('span', 'dc-name', BOT_NAME), el('span', 'dc-app', 'APP'), el('time', 'dc-time', `Today at ${clock(now)}`))];
  if (p.content) body.push(el('div', 'dc-content', ...discordMarkdown(p.content)));
  for (const e of p.embeds) body.push(embedCard(e));
  return el('article', 'dc-message', el('div', 'dc-avatar', BOT_NAME[0]!.toUpperCase()), el('div', 'dc-body', ...body));
}

function telegramCard(p: TelegramMessagePayload, now: Date): Element {
  const parsed = telegramHtml(p.text);
  const parts: Node[] = [el('div', 'tg-author', BOT_NAME)];
  if (!parsed.ok) parts.push(el('div', 'tg-error', `Telegram would refuse this message: ${parsed.error}`));
  parts.push(auto(el('div', 'tg-text', ...parsed.nodes)));
  const lp = p.link_preview_options;
  if (lp && !lp.is_disabled && lp.url) {
    let host = lp.url;
    try {
      host = new URL(lp.url).host;
    } catch {
      // shown as given
    }
    parts.push(el('div', lp.prefer_small_media ? 'tg-preview small' : 'tg-preview', el('div', 'tg-preview-site', host), el('div', 'tg-preview-url', lp.url)));
  }
  parts.push(el('span', 'tg-time', clock(now)));
  return el('article', 'tg-message', el('div', 'tg-bubble', ...parts));
}

function routeBlock(r: RoutePayloads, labelled: boolean, now: Date): Element {
  const panes: Node[] = [];
  if (r.discord) panes.push(el('div', 'pane discord', el('div', 'pane-label', 'Discord'), discordCard(r.discord, now)));
  if (r.telegram) panes.push(el('div', 'pane telegram', el('div', 'pane-label', 'Telegram'), telegramCard(r.telegram, now)));
  const children: Node[] = labelled ? [el('h3', 'route-name', r.route ? `Route ${r.route}` : 'Every other route')] : [];
  return { tag: 'div', cls: 'route', data: { route: r.route ?? '' }, children: [...children, el('div', 'panes', ...panes)] };
}

function noteSection(e: PreviewEntry, now: Date): Element {
  const facts = [e.file, e.lang, e.date?.slice(0, 10), e.tags.length ? e.tags.map((t) => `#${t}`).join(' ') : undefined].filter(Boolean).join(' · ');
  const head: Node[] = [auto(el('h2', 'note-title', e.title)), el('div', 'note-facts', facts)];
  if (e.draft) head.push(el('span', 'badge', 'draft: not announced'));
  const children: Node[] = [el('header', 'note-head', ...head)];
  if (e.error) children.push(el('div', 'note-error', `${e.file}${e.error.line ? `:${e.error.line}` : ''}: ${e.error.message}`));
  const labelled = e.routes.length > 1;
  for (const r of e.routes) children.push(routeBlock(r, labelled, now));
  const search = [e.title, e.file, e.lang ?? '', ...e.tags].join(' ').toLowerCase();
  return { tag: 'section', cls: 'note', data: { file: e.file, search }, children };
}

/** The list of notes: what the page shows and what the event stream's refresh fetches. */
export function cardsHtml(entries: readonly PreviewEntry[], now = new Date()): string {
  return toHtml(entries.length ? entries.map((e) => noteSection(e, now)) : [el('p', 'empty', 'No notes in this folder yet.')]);
}
