/**
 * One name per chat (tester 34 F1, F2, F5, F6): a route and a /subscribe in the same chat must be one target, or a note
 * is announced twice there and a /subscribe never resumes the paused route. Updates name a Telegram chat by its numeric
 * id, while a route may name a channel or public supergroup by `@username` ("username of the target channel (in the
 * format @channelusername)", core.telegram.org/bots/api#sendmessage): at each start the id behind each such name is
 * asked of Telegram (getChat) and the route names the chat by it; the answer is recorded. Discord's thread routes are
 * named by the thread at config load (config/schema.ts canonicalRouteChat). Records an older database kept under the
 * other name move to the chat's one name (store/chat-names.ts).
 *
 * Telegram not answering: the id recorded at an earlier start is used; with none, the route sends by its name (Telegram
 * takes it) until getChat asked again or an update from the chat names its id (chat-names-later.ts). A name that now answers with
 * another id: the route follows the name, as Telegram's own sends by name do; the chat it named before keeps its records.
 */
import type { Config, Route } from '../config/schema.js';
import { errorText } from '../errors.js';
import type { Logger } from '../log.js';
import { TELEGRAM_NAME_KEY, renameDiscordThreads, renameTelegramChat } from '../store/chat-names.js';
import type { Store } from '../store/store.js';
import { chatNow } from '../store/chat-move.js';
import type { Target } from '../store/types.js';
import type { ChatAdapter } from './port.js';

export interface ChatNamesDeps {
  store: Store;
  adapters: readonly ChatAdapter[];
  log: Logger;
  callTimeoutMs: number;
  /** A route's chat is now named `id` rather than as written (the templates of the route follow it). */
  renamed?: (written: Target, id: Target) => void;
}

/** With no platform configured, everything goes to the console so a new user sees output at once. */
function effectiveRoutes(config: Config, adapters: readonly ChatAdapter[]): Route[] {
  const hasPlatform = adapters.some((a) => a.platform !== 'console');
  const consoleRoutes = config.routes.filter((r) => r.platform === 'console');
  if (!hasPlatform && config.console.enabled && consoleRoutes.length === 0) {
    return [...config.routes, { platform: 'console', chat: 'stdout' }];
  }
  return config.routes;
}

/** The config's routes as the service uses them: each chat by its one name (see above), the console's added when alone. */
export async function routesAtStart(config: Config, d: ChatNamesDeps): Promise<Route[]> {
  const threads = d.store.transaction(() => renameDiscordThreads(d.store.sql));
  if (threads && (threads.moved || threads.dropped)) d.log.info(threads, 'records of Discord thread routes now kept under the thread, as a /subscribe there names it');
  const routes = effectiveRoutes(config, d.adapters);
  // All names asked at once under one deadline (review rv-3 R3): asked in turn, each up to callTimeoutMs, they held every
  // platform's deliveries (and `sync --once`) for routes × timeout; a name not answered in time sends by the name.
  const names = [...new Set(routes.filter((r) => r.platform === 'telegram' && r.chat.startsWith('@')).map((r) => r.chat))];
  const deadline = AbortSignal.timeout(d.callTimeoutMs);
  const answers = await Promise.all(names.map(async (name) => [name, await telegramIdOf(name, d, deadline)] as const));
  const ids = new Map(answers.filter((a): a is readonly [string, string] => a[1] !== undefined));
  return routes.map((r) => {
    const id = r.platform === 'telegram' ? ids.get(r.chat) : undefined;
    if (id === undefined) return routeWhereItsChatIs(r, d, chatNow(d.store.sql, r.platform, r.chat));
    d.renamed?.({ platform: r.platform, chat: r.chat, thread: r.thread ?? '' }, { platform: r.platform, chat: id, thread: r.thread ?? '' });
    return routeWhereItsChatIs({ ...r, chat: id, chatName: r.chat }, d, chatNow(d.store.sql, r.platform, id));
  });
}

/**
 * A route whose chat moved (a Telegram group that became a supergroup, recorded by store/chat-move.ts) names the chat it
 * is now, `now` (tester 36 F1): its notes go there, as a /subscribe's follow the chat. Named by the old id, a note
 * that came back (restored, un-drafted) was an edit of the old group's message, never sent, and never posted anywhere.
 */
export function routeWhereItsChatIs(r: Route, d: Pick<ChatNamesDeps, 'log' | 'renamed'>, now: string): Route {
  if (now === r.chat) return r;
  const thread = r.thread ?? '';
  d.renamed?.({ platform: r.platform, chat: r.chat, thread }, { platform: r.platform, chat: now, thread });
  d.log.info({ platform: r.platform, chat: r.chat, now }, 'a config route names a group that became a supergroup: the route posts to the supergroup (write its id in the config)');
  return { ...r, chat: now };
}

/**
 * The routes as the service last used them, from the store alone (no network): each `@username` route by the id
 * recorded at a start, as `status` names the chat. Commands that judge whether a route names a chat use it (review
 * rv-3 R2: `notecast unsubscribe telegram:<id>` otherwise called off a paused @username route's waiting post).
 */
export function routesAsRecorded(routes: readonly Route[], store: Pick<Store, 'getMeta'>): Route[] {
  return routes.map((r) => {
    const id = r.platform === 'telegram' && r.chat.startsWith('@') ? store.getMeta(`${TELEGRAM_NAME_KEY}${r.chat}`) : undefined;
    return id === undefined ? r : { ...r, chat: id, chatName: r.chat };
  });
}

/** The numeric id of the Telegram chat `name` (lower-case `@username`) names, asked now or recorded before; undefined if neither. */
async function telegramIdOf(name: string, d: ChatNamesDeps, deadline: AbortSignal): Promise<string | undefined> {
  const key = `${TELEGRAM_NAME_KEY}${name}`;
  const recorded = d.store.getMeta(key);
  const adapter = d.adapters.find((a) => a.platform === 'telegram');
  if (!adapter?.chatIdOf) return recorded;
  let id: string;
  try {
    id = await adapter.chatIdOf(name, deadline);
  } catch (e) {
    const said = recorded ? 'the id learned at an earlier start is used' : 'the route sends by the name until Telegram names its id (getChat asked again, or an update from the chat)';
    d.log.warn({ chat: name, id: recorded, err: errorText(e) }, `could not ask Telegram which chat a route's @username names: ${said}`);
    return recorded;
  }
  recordTelegramId(name, id, d);
  return id;
}

/**
 * Telegram named `name`'s chat `id` (getChat, or an update's `chat.username`: chat-names-later.ts): recorded, and the
 * records kept under the name move to the id, what both hold reconciled (store/chat-names.ts).
 */
export function recordTelegramId(name: string, id: string, d: Pick<ChatNamesDeps, 'store' | 'log'>): void {
  const key = `${TELEGRAM_NAME_KEY}${name}`;
  const recorded = d.store.getMeta(key);
  if (recorded !== undefined && recorded !== id) d.log.warn({ chat: name, was: recorded, now: id }, "a route's @username names another chat now: the route follows the name; the chat it named before keeps its records");
  const moved = d.store.transaction(() => {
    d.store.setMeta(key, id);
    return renameTelegramChat(d.store.sql, name, id);
  });
  if (moved.moved || moved.dropped) d.log.info({ chat: name, id, ...moved }, "records kept under a route's @username now kept under the chat's id, as its updates name it");
}
