/**
 * The fake Telegram's webhook delivery, as tdlib/telegram-bot-api's WebhookActor.cpp does it:
 * updates wait in a queue per chat (`queue_id_` from the update's chat; others get a queue of their
 * own) and each queue sends one update at a time, in order; an update not answered with 2xx is sent
 * again after 1 s, doubling up to a minute (`on_update_error`, WEBHOOK_MAX_RESEND_TIMEOUT); a
 * connection silent for 60 s is dropped (`HttpOutboundConnection(…, 60)`). The secret goes in
 * X-Telegram-Bot-Api-Secret-Token (core.telegram.org/bots/api#setwebhook). Each failed delivery is
 * kept for getWebhookInfo's `last_error_date`/`last_error_message` (core.telegram.org/bots/api#webhookinfo)
 * in WebhookActor's words: "Wrong response from the webhook: <code> <reason>" for an answer that is not
 * 2xx, the connection's own error otherwise ("Connection refused"); updates still queued when the
 * webhook is deleted wait for getUpdates again (Client.cpp keeps them in the bot's queue).
 */
export class FakeWebhookSender {
  /** Each update's POSTs (update_id → how many times it was sent). */
  readonly posts = new Map<number, number>();
  /** Every answer's status (0: no answer, the connection failed or timed out). */
  readonly answers: number[] = [];
  private target: { url: string; secret: string | undefined } | undefined;
  private readonly queues = new Map<string, Record<string, unknown>[]>();
  private readonly stopping = new AbortController();
  /** The latest failed delivery (unix seconds, as Telegram gives it); kept after later successes, as Telegram keeps it, until the webhook is set or deleted. */
  lastError: { date: number; message: string } | undefined;

  /** `requeue`: takes back the updates not delivered when the webhook went away. */
  constructor(private readonly requeue: (updates: Record<string, unknown>[]) => void = () => undefined) {}

  /** The webhook's URL, '' when none is set (getWebhookInfo's `url`). */
  get url(): string {
    return this.target?.url ?? '';
  }

  /** Updates waiting to be delivered to the webhook. */
  get pending(): number {
    return [...this.queues.values()].reduce((n, q) => n + q.length, 0);
  }

  get active(): boolean {
    return this.target !== undefined;
  }

  /** setWebhook and deleteWebhook both clear the last error (tdlib/telegram-bot-api Client.cpp, finish_set_webhook, on_webhook_closed). */
  set(target: { url: string; secret: string | undefined } | undefined): void {
    this.target = target;
    this.lastError = undefined;
  }

  stop(): void {
    this.stopping.abort();
  }

  post(update: Record<string, unknown>): void {
    const u = update as { message?: { chat: { id: number } }; channel_post?: { chat: { id: number } }; callback_query?: { message?: { chat: { id: number } } } };
    const chat = (u.message ?? u.channel_post ?? u.callback_query?.message)?.chat.id;
    const key = chat === undefined ? `u${String(update.update_id)}` : String(chat);
    const queue = this.queues.get(key);
    if (queue) return void queue.push(update);
    this.queues.set(key, [update]);
    void this.sendQueue(key);
  }

  private async sendQueue(key: string): Promise<void> {
    const queue = this.queues.get(key)!;
    let delayMs = 1000;
    while (queue.length && this.target && !this.stopping.signal.aborted) {
      const update = queue[0]!;
      const target = this.target;
      const id = Number(update.update_id);
      this.posts.set(id, (this.posts.get(id) ?? 0) + 1);
      const status = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(target.secret ? { 'x-telegram-bot-api-secret-token': target.secret } : {}) },
        body: JSON.stringify(update),
        signal: AbortSignal.any([AbortSignal.timeout(60_000), this.stopping.signal]),
      }).then(
        async (r) => (await r.arrayBuffer(), { status: r.status, error: `Wrong response from the webhook: ${r.status} ${r.statusText}` }),
        (e: unknown) => ({ status: 0, error: connectionError(e) }),
      );
      this.answers.push(status.status);
      if (status.status >= 200 && status.status < 300) {
        queue.shift();
        delayMs = 1000;
        continue;
      }
      // An answer from a webhook replaced meanwhile is not this one's error (setWebhook closes the old WebhookActor).
      if (this.target === target) this.lastError = { date: Math.floor(Date.now() / 1000), message: status.error };
      await new Promise((r) => setTimeout(r, delayMs));
      delayMs = Math.min(60_000, delayMs * 2);
    }
    this.queues.delete(key);
    if (!this.target && queue.length) this.requeue(queue.splice(0));
  }
}

/** A failed connection as WebhookActor words it (its socket's error, e.g. "Connection refused"). */
function connectionError(e: unknown): string {
  const cause = e instanceof Error ? e.cause : undefined;
  if (cause instanceof Error && 'code' in cause && cause.code === 'ECONNREFUSED') return 'Connection refused';
  if (e instanceof Error && e.name === 'TimeoutError') return 'Read timeout expired';
  return 'Webhook connection closed';
}
