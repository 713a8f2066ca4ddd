/**
 * Sends whose answer comes after our call limit (issue 25, tester 37 F3). A timeout does not say what Telegram did with
 * the request ("would only tell us that we did not receive an expected response from the server",
 * ehForwarderBot/efb-telegram-master#118): the message may exist, and the Bot API has nothing to find it by later (no
 * idempotency key, tdlib/telegram-bot-api#126; no method to read a chat's messages). So a delivery's `sendMessage`
 * that times out is given up on for the caller at `delivery.callTimeoutMs` as before (the delivery moves on as
 * uncertain), while its request runs on for a bounded late window: an `ok` answer then names the message, and is told
 * (ChatAdapter.onLateAnswer) for the outbox to record. Memory is bounded (MAX_OPEN requests waiting late; past it a
 * timed-out request is aborted as before), and every one is closed at stop.
 */

/** How long a timed-out send's request may run on at most, from when it went out. */
const LATE_CAP_MS = 10 * 60_000;

/** Timed-out sends waiting for a late answer at once; more are aborted at their timeout, as before. */
const MAX_OPEN_LATE = 64;

/** A timed-out send's late window: ten times the call limit, at most LATE_CAP_MS, never shorter than the limit itself. */
export function lateWindowMs(callTimeoutMs: number): number {
  return Math.max(callTimeoutMs, Math.min(10 * callTimeoutMs, LATE_CAP_MS));
}

/** What a late `ok` answer names: its message, and the chat it says the message is in. */
export interface LateMessage {
  messageId: string;
  chat: { id: number; username?: string | undefined };
}

/** What a send told of its message when its answer came late: the caller's (adapter.ts `post`). */
export type LateListener = (message: LateMessage) => void;

/**
 * A delivery's own `sendMessage` request bound to its late listener (R2: never ambient context, which everything the
 * post's call started inherited, a command reply replayed from its answer included). The key is the abort signal passed
 * with that one call (grammY hands it to the call rules as it is); `chat` is the `chat_id` it was sent to.
 */
export type LateBindings = WeakMap<AbortSignal, { chat: string; told: LateListener }>;

/**
 * Whether a late answer's chat is the one the send went to: its numeric id, or a public chat's `@username` (its
 * `username`, without regard to case; an answer without one cannot be told apart, and is taken: the request is the send's own).
 */
export function isChatSentTo(sentTo: string, chat: LateMessage['chat']): boolean {
  if (!sentTo.startsWith('@')) return String(chat.id) === sentTo;
  return chat.username === undefined || `@${chat.username}`.toLowerCase() === sentTo.toLowerCase();
}

/** The requests running on past their timeout, each with what aborts it. */
export class LateRequests {
  private readonly open = new Set<AbortController>();
  private closed = false;

  /** `max`: how many may wait at once (MAX_OPEN_LATE unless given). */
  constructor(private readonly max = MAX_OPEN_LATE) {}

  /** Whether another timed-out request may run on. */
  room(): boolean {
    return !this.closed && this.open.size < this.max;
  }

  get size(): number {
    return this.open.size;
  }

  /**
   * Keeps `request` (aborted through `abort`) until it settles or `forMs` pass; `answered` is told its `ok` answer's
   * message. A refusal or no answer at all tells nothing: the delivery's own retry handles it.
   */
  keep(request: Promise<unknown>, abort: AbortController, forMs: number, answered: LateListener): void {
    this.open.add(abort);
    const timer = setTimeout(() => abort.abort(), Math.max(0, forMs));
    timer.unref();
    request
      .then((answer) => {
        const told = messageOf(answer);
        if (told !== undefined && !abort.signal.aborted) answered(told);
      }, () => undefined)
      .finally(() => {
        clearTimeout(timer);
        this.open.delete(abort);
      });
  }

  /** At stop: every request still waiting is aborted, and none is kept from then on (until `reopen`). */
  closeAll(): void {
    this.closed = true;
    for (const a of this.open) a.abort();
    this.open.clear();
  }

  reopen(): void {
    this.closed = false;
  }
}

/**
 * The `message_id` and `chat` of an `ok` sendMessage answer (core.telegram.org/bots/api#sendmessage: "On success, the
 * sent Message is returned"; Message's `chat`, Chat's `id` and optional `username`, core.telegram.org/bots/api#chat).
 */
function messageOf(answer: unknown): LateMessage | undefined {
  const a = answer as { ok?: unknown; result?: { message_id?: unknown; chat?: { id?: unknown; username?: unknown } } };
  if (a?.ok !== true || typeof a.result?.message_id !== 'number' || typeof a.result.chat?.id !== 'number') return undefined;
  const username = typeof a.result.chat.username === 'string' ? a.result.chat.username : undefined;
  return { messageId: String(a.result.message_id), chat: { id: a.result.chat.id, username } };
}
