/**
 * Spaces Telegram sends below its limits (about 30 a second overall, 1 a second per chat,
 * 20 a minute per group) so 429s are rare rather than the way the limit is found.
 */
export interface PacerLimits {
  perSecond: number;
  perChatMs: number;
  perGroupPerMinute: number;
}

/**
 * The window Telegram counts a group's messages in: "no more than 20 messages per minute" in a group
 * (core.telegram.org/bots/faq, "My bot is hitting limits, how do I avoid this?"). The service always
 * uses it; only a test that is not about the minute's length passes a shorter one (TelegramAdapterOptions).
 */
export const TELEGRAM_GROUP_WINDOW_MS = 60_000;

export class Pacer {
  private nextGlobal = 0;
  private readonly chatNext = new Map<string, number>();
  private readonly groupWindow = new Map<string, number[]>();

  constructor(
    private readonly limits: PacerLimits,
    private readonly now: () => number = Date.now,
    private readonly groupWindowMs: number = TELEGRAM_GROUP_WINDOW_MS,
  ) {}

  /** Group and channel ids are negative (or @names); private chats are positive. */
  static isGroup(chat: string): boolean {
    return chat.startsWith('-') || chat.startsWith('@');
  }

  /**
   * Reserves the earliest slot allowed for `chat` and waits for it. An aborted `signal` ends the
   * wait at once with an error (a command reply dropped at shutdown); the slot stays spent.
   * Call the function it returns when the call has been answered: Telegram counts a chat's second
   * and a group's minute from when each message reached it, which is between our send and its
   * answer, so both are counted from the answer (a slow trip followed by a fast one would
   * otherwise land the next message inside them: a 429).
   */
  async acquire(chat: string, signal?: AbortSignal): Promise<() => void> {
    const now = this.now();
    let at = Math.max(now, this.nextGlobal, this.chatNext.get(chat) ?? 0);
    if (Pacer.isGroup(chat)) {
      const win = (this.groupWindow.get(chat) ?? []).filter((t) => t > now - this.groupWindowMs);
      if (win.length >= this.limits.perGroupPerMinute) at = Math.max(at, win[win.length - this.limits.perGroupPerMinute]! + this.groupWindowMs);
      win.push(at);
      this.groupWindow.set(chat, win);
    }
    this.nextGlobal = at + 1000 / this.limits.perSecond;
    this.chatNext.set(chat, at + this.limits.perChatMs);
    if (this.chatNext.size > 10_000) this.prune(now);
    const wait = at - now;
    if (signal?.aborted) throw new Error('stopping: the reply was dropped');
    if (wait > 0) {
      await new Promise<void>((resolve, reject) => {
        const done = () => {
          clearTimeout(t);
          signal?.removeEventListener('abort', abort);
        };
        const abort = () => {
          done();
          reject(new Error('stopping: the reply was dropped'));
        };
        const t = setTimeout(() => {
          done();
          resolve();
        }, wait);
        signal?.addEventListener('abort', abort, { once: true });
      });
    }
    return () => this.answered(chat, at);
  }

  /** A send reserved for `at` was answered now: the chat's next second and a group's minute count from now. */
  private answered(chat: string, at: number): void {
    const now = this.now();
    this.chatNext.set(chat, Math.max(this.chatNext.get(chat) ?? 0, now + this.limits.perChatMs));
    const win = this.groupWindow.get(chat);
    const i = win?.indexOf(at) ?? -1;
    if (!win || i < 0) return;
    win[i] = Math.max(at, now);
    win.sort((a, b) => a - b);
  }

  private prune(now: number): void {
    for (const [k, t] of this.chatNext) if (t < now) this.chatNext.delete(k);
    for (const [k, w] of this.groupWindow) if (!w.some((t) => t > now - this.groupWindowMs)) this.groupWindow.delete(k);
  }
}
