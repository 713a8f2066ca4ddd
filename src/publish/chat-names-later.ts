/**
 * A route's `@username` whose id no start learned (getChat unanswered, or answered 400 "chat not found" by mistake:
 * tdlib/telegram-bot-api#159) is learned later, whichever comes first (issue 25, tester 35 F1, F4): getChat asked again
 * with the delivery backoff, or an update from the chat, whose `chat` carries its `username` ("Username, for private
 * chats, supergroups and channels if available", core.telegram.org/bots/api#chat). From then the route names the chat
 * by its id, as after a start that learned it, and the records kept under the name move to the id with what both hold
 * reconciled (store/chat-names.ts, chat-move.ts callOffShownThere): a /subscribe there is the route's own target, adds
 * no second post, and resumes the route paused under the name. A chat that moves (a group become a supergroup:
 * store/chat-move.ts) is named by its new id in the routes alike, from the moment the service learns it.
 */
import type { Config, Route } from '../config/schema.js';
import { errorText } from '../errors.js';
import type { Target } from '../store/types.js';
import type { ChatMoved } from '../store/chat-move.js';
import { recordTelegramId, routeWhereItsChatIs, routesAtStart, type ChatNamesDeps } from './chat-names.js';

export interface NamesLaterDeps extends ChatNamesDeps {
  /** The service's routes (app.ts's `config.routes`), changed in place so that every reader names the chat alike. */
  routes: Route[];
  /** getChat is asked again after `baseDelayMs`, the wait doubling up to `maxDelayMs` (the delivery backoff's bounds). */
  retry: { baseDelayMs: number; maxDelayMs: number };
}

/** The config with its routes as the service uses them (chat-names.ts routesAtStart), and the names the start did not learn. */
export async function serviceRoutes(config: Config, d: ChatNamesDeps): Promise<{ config: Config; names: RouteNamesLater }> {
  const routes = await routesAtStart(config, d);
  const names = new RouteNamesLater({ ...d, routes, retry: config.delivery });
  names.followMoves();
  return { config: { ...config, routes }, names };
}

/** The `@username` routes of one running service whose id is still to be learned. */
export class RouteNamesLater {
  private readonly stopped = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => void) | undefined;

  constructor(private readonly d: NamesLaterDeps) {}

  /** From now on, a chat that moves (store/chat-move.ts) is named by its new id in the routes that named it (chat-names.ts routeWhereItsChatIs). */
  followMoves(): void {
    this.unlisten ??= this.d.store.chatMoved.listen((m) => this.moved(m));
  }

  /** An update from `chat` names it `@username` too (its `chat.username`: a channel or supergroup). */
  heard(chat: Target, username: string): void {
    if (!this.stopped.signal.aborted) this.learned(`@${username.toLowerCase()}`, chat.chat, 'an update from the chat');
  }

  /** Asks getChat again for the names still to learn, until each is learned or the service stops (the function returned). */
  start(): () => void {
    this.schedule(this.d.retry.baseDelayMs);
    return () => this.stop();
  }

  /** Before the store closes: nothing is asked or learned after it. */
  stop(): void {
    this.stopped.abort();
    clearTimeout(this.timer);
    this.unlisten?.();
  }

  private moved(m: ChatMoved): void {
    const routes = this.d.routes;
    for (const [i, r] of routes.entries()) if (r.platform === m.platform && r.chat === m.from) routes[i] = routeWhereItsChatIs(r, this.d, m.to);
  }

  private unlearned(): string[] {
    return [...new Set(this.d.routes.filter((r) => r.platform === 'telegram' && r.chat.startsWith('@')).map((r) => r.chat.toLowerCase()))];
  }

  private schedule(ms: number): void {
    if (this.stopped.signal.aborted || !this.unlearned().length) return;
    this.timer = setTimeout(() => void this.askAgain().then(() => this.schedule(Math.min(ms * 2, this.d.retry.maxDelayMs))), ms);
  }

  private async askAgain(): Promise<void> {
    const adapter = this.d.adapters.find((a) => a.platform === 'telegram');
    if (!adapter?.chatIdOf) return this.stop(); // no Telegram to ask: only its updates could name the chat, and none come
    const deadline = AbortSignal.any([AbortSignal.timeout(this.d.callTimeoutMs), this.stopped.signal]);
    await Promise.all(
      this.unlearned().map(async (name) => {
        try {
          const id = await adapter.chatIdOf!(name, deadline);
          if (!this.stopped.signal.aborted) this.learned(name, id, 'getChat asked again');
        } catch (e) {
          this.d.log.debug({ chat: name, err: errorText(e) }, "Telegram still does not say which chat a route's @username names: asked again later");
        }
      }),
    );
  }

  /** Telegram named `name`'s chat `id`: each route written by the name names the id from now on. */
  private learned(name: string, id: string, how: string): void {
    const routes = this.d.routes;
    const at = routes.flatMap((r, i) => (r.platform === 'telegram' && r.chat.toLowerCase() === name ? [i] : []));
    if (!at.length) return;
    recordTelegramId(name, id, this.d);
    for (const i of at) {
      const r = routes[i]!;
      this.d.renamed?.({ platform: r.platform, chat: r.chat, thread: r.thread ?? '' }, { platform: r.platform, chat: id, thread: r.thread ?? '' });
      routes[i] = { ...r, chat: id, chatName: r.chat };
    }
    this.d.store.outboxOpened.raise(); // what waited under the name waits under the id now
    this.d.log.info({ chat: name, id, how }, "the chat a route's @username names is known now: the route names it by its id, as its updates and a /subscribe there do");
  }
}
