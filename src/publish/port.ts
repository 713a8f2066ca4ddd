/**
 * The platform boundary: the one small interface each adapter implements. Delivery (post, edit,
 * delete) is driven by the outbox; command events flow the other way through `CommandSink`.
 */
import type { Platform } from '../config/schema.js';
import type { DigestPayload, SummaryPayload, Target } from '../store/types.js';
import type { PausedChats } from '../store/paused-chats.js';

/** What to send: a note's summary or a digest; the adapter renders it for its platform. */
export type OutgoingMessage = SummaryPayload | DigestPayload;

export interface SendContext {
  /** The outbox row's id and revision, for logs and idempotency. */
  deliveryId: number;
  noteId: string | null;
  revision: number;
  /**
   * Stable per delivery across retries and restarts. Discord sends it as the message `nonce` with
   * `enforce_nonce: true`, so a resend after a crash is dropped as a duplicate. Telegram has no
   * such key; a crash between its send and our commit can repeat one message.
   */
  nonce: string;
  /**
   * Aborted when the deliverer stops waiting for this call; adapters hand it to their client so
   * the request leaves the client's queue instead of going out later beside its own retry.
   */
  signal?: AbortSignal | undefined;
  /**
   * For a post: which of the given message ids this database recorded in the chat
   * (store/recorded-messages.ts). Where the platform lists a chat's messages (Discord), a post of the
   * note among the others, which this database does not know (a restored or older state), is taken
   * instead of posting again.
   */
  recordedAmong?: ((ids: readonly string[]) => Set<string>) | undefined;
}

/** How the outbox should treat a failed call. */
export type FailureClass =
  /**
   * `uncertain`: no answer came after the request went out (a timeout, a connection dropped), so
   * the platform may have acted on it; a post re-sent then is guarded by `resendGuard`, or not.
   */
  | { kind: 'transient'; reason: string; uncertain?: boolean }
  /** The platform said when to come back (429): not a failed attempt, however often it happens. */
  | { kind: 'rate-limited'; reason: string; retryAfterMs: number }
  /**
   * The chat refuses every post (no access, blocked, missing permissions): it is paused. `chatGone`:
   * the platform says the chat itself no longer exists (deleted), which no one can undo, so its
   * subscriptions go too (publish/chat-wants.ts forgetChat) rather than waiting for a /subscribe
   * that no one is left to send.
   */
  | { kind: 'permanent'; reason: string; chatGone?: boolean }
  /**
   * The platform refused our credentials (HTTP 401: a token revoked or replaced): no chat is at
   * fault, so none is paused; every delivery of the platform waits for a valid token.
   */
  | { kind: 'unauthorized'; reason: string }
  /** The chat moved (Telegram group upgraded to supergroup): retry at once at the new id. */
  | { kind: 'moved'; reason: string; to: string }
  /** The message to edit or delete no longer exists: nothing left to do. */
  | { kind: 'gone'; reason: string }
  /**
   * This one message cannot go (the platform refused its markup or length, or the chat's template
   * failed on this note: `by: 'template'`): it fails, the chat is not paused.
   */
  | { kind: 'rejected'; reason: string; by?: 'template' };

/**
 * What keeps a post re-sent after an uncertain outcome from showing twice in its chat: the
 * platform's own idempotency key (Discord's `nonce` with `enforce_nonce`, trusted for `withinMs`),
 * the adapter looking for the post before it sends again (`lookup`: a Discord forum post, in this
 * process's memory), or nothing (`why` says so, for the log and `status`).
 */
export type ResendGuard = { guard: 'nonce'; withinMs: number } | { guard: 'lookup' | 'none'; why: string };

/**
 * A post's send whose answer never came (store/maybe-sent.ts), called off since under `onDelete: delete`
 * (publish/called-off-find.ts): what it carried, its nonce, when it was queued and when it last went out (ms;
 * undefined in a record written before that was kept).
 */
export interface LostSend {
  message: OutgoingMessage;
  nonce: string;
  queuedAt: number;
  sentAt: number | undefined;
  /** When an earlier look for it went (its answer lost, or a kill -9 before it was recorded): the look may have made a message then. */
  lookedAt?: number | undefined;
}

/**
 * The message a lost send made, learned: `madeNow` when the look itself made it (the lost send never arrived; a
 * resend with the same nonce is a new message then), to be deleted all the same; `unknown`: the message is a look's own,
 * and why whether the lost send made one can no longer be told; `how`: what told it, for the log (a resend's nonce
 * answered with it, or it was found among a forum's threads). Else why nothing can be said.
 */
export type LostSendFound = { messageId: string; madeNow: boolean; how: string; unknown?: string } | { messageId?: undefined; why: string };

/** Which call failed: a post, or a change to one already sent. */
export type DeliveryOperation = 'post' | 'edit' | 'delete' | 'crosspost' | 'pin';

export interface ChatAdapter {
  readonly platform: Platform;
  /**
   * The adapter gives up each call to its platform after `delivery.callTimeoutMs`, counted from when the call leaves
   * the adapter's own queue (a pacer, a rate-limit wait), and classifies that `uncertain`. The deliverer then sets no
   * limit of its own around post, edit or delete: one would count those waits, ours, as the platform's silence.
   */
  readonly timesItsCalls?: true;
  /**
   * `crosspost: true`: the message is to be published to following channels (a Discord
   * announcement channel's route asks it); the outbox queues that as a delivery of its own.
   */
  post(target: Target, message: OutgoingMessage, ctx: SendContext): Promise<{ messageId: string; crosspost?: boolean }>;
  edit(target: Target, messageId: string, message: OutgoingMessage, ctx: SendContext): Promise<void>;
  delete(target: Target, messageId: string, ctx: SendContext): Promise<void>;
  /** Publishes a posted message to following channels (Discord); adapters that never ask for it need none. */
  crosspost?(target: Target, messageId: string, ctx: SendContext): Promise<void>;
  /**
   * Pins a posted message, and unpins one pinned before (front matter `notecast: {pin: true}`).
   * Both repeat harmlessly; adapters of platforms without pins need none.
   */
  pin?(target: Target, messageId: string, ctx: SendContext): Promise<void>;
  unpin?(target: Target, messageId: string, ctx: SendContext): Promise<void>;
  /**
   * Every error a call above may throw is classified here, in one place per adapter. The same
   * refusal can mean different things per operation: a missing permission on a post pauses the
   * target, on an edit or delete it fails only that change.
   */
  classify(error: unknown, op: DeliveryOperation): FailureClass;
  /**
   * The message a post's lost send made in `target`, if it made one, learned without recording anything (Discord: a
   * channel's by the send's nonce, a forum's among the active threads); its delete follows. Without it (Telegram: no
   * idempotency key, no way to read a chat's messages), what a lost send did cannot be learned.
   */
  findLostSend?(target: Target, sent: LostSend, ctx: SendContext): Promise<LostSendFound>;
  /** How a post to `target` re-sent after an uncertain outcome is kept from doubling; without it, it is not. */
  resendGuard?(target: Target): ResendGuard;
  /**
   * A call about no chat or message (Telegram getMe, Discord's gateway lookup): resolves once the
   * platform answers (any answer but a server error), throws otherwise. Asked while deliveries wait
   * for a platform that stopped answering them (connections.ts); without it they are woken on a timer.
   */
  probe?(signal: AbortSignal): Promise<void>;
  /**
   * Asked before a chat a send found gone (`chatGone`) is forgotten: whether a call that changes nothing (Telegram
   * getChat, Discord GET /channels/{id}) says so too. `false` when it shows the chat (a send's "gone" can be wrong:
   * tdlib/telegram-bot-api#159); throws when it gives no answer. Without it, the send's answer is taken as it is.
   */
  confirmGone?(target: Target, reason: string, signal: AbortSignal): Promise<boolean>;
  /**
   * The numeric id of the chat a name stands for (Telegram: `@username` of a channel or public supergroup, answered by
   * getChat); throws when the platform does not say. Adapters of platforms whose routes name chats by id need none.
   */
  chatIdOf?(name: string, signal: AbortSignal): Promise<string>;
  start?(): Promise<void>;
  stop?(): Promise<void>;
  /** Connected and able to deliver (gateway up, polling running); for /healthz. */
  healthy?(): boolean;
  /** How updates reach us, for /healthz, when the platform pushes them to an address it may forget (a Telegram webhook). */
  receiving?(): ReceivingState | undefined;
  /**
   * Tells `listener` whenever the platform answers a call of ours made with the bot token 401 (revoked or replaced):
   * a delivery, a command's reply, a poll for updates, a webhook check. connections.ts keeps the one state.
   */
  onTokenRefused?(listener: (reason: string) => void): void;
  /**
   * Tells `listener` of each post's send that timed out (classified uncertain, the delivery moved on) and whose answer
   * came within the adapter's late window, naming the message it made; the outbox records it (publish/late-answers.ts).
   */
  onLateAnswer?(listener: (late: LateAnswer) => void): void;
}

/**
 * A post's send given up on at our call limit whose answer came later (adapters/telegram/late-answers.ts): the message
 * it made, with the delivery, revision and payload that send carried (late-answers.ts in publish records it).
 */
export interface LateAnswer {
  deliveryId: number;
  revision: number;
  target: Target;
  message: OutgoingMessage;
  messageId: string;
}

/** A webhook's state as last read back from the platform (adapters/telegram/webhook-watch.ts). */
export interface ReceivingState {
  state: 'set' | 'gone' | 'elsewhere' | 'unchecked';
  url: string;
  restored: number;
  failing?: boolean | undefined;
  lastError?: { at: number; message: string } | undefined;
}

/**
 * The store as an adapter sees it: its own small state (which commands were last registered), a chat
 * that moved (a Telegram group upgraded to a supergroup), and the bot let back into a chat. Notes and lookups reach an
 * adapter only through the commands (commands/lookup.ts).
 */
export interface AdapterState {
  getMeta(key: string): string | undefined;
  setMeta(key: string, value: string): void;
  moveChat(platform: string, from: string, to: string): void;
  /** The platform says the bot is in a chat again; chats waiting for it (store/paused-chats.ts). */
  pausedChats: Pick<PausedChats, 'botBack' | 'awaitingBot' | 'pausedIn'>;
}
