/**
 * The fake Telegram's webhook delivery, as tdlib/telegram-bot-api's WebhookActor.cpp does it:
 * updates wait in a queue per chat (`queue_id_` from the update's chat; others get a queue of their
 * own) and each queue sends one update at a time, in order; an update not answered with 2xx is sent
 * again after 1 s, doubling up to a minute (`on_update_error`, WEBHOOK_MAX_RESEND_TIMEOUT); a
 * connection silent for 60 s is dropped (`HttpOutboundConnection(…, 60)`). The secret goes in
 * X-Telegram-Bot-Api-Secret-Token (core.telegram.org/bots/api#setwebhook).
 */
export class FakeWebhookSender {
  /** Each update's POSTs (update_id → how many times it was sent). */
  readonly posts = new Map<number, number>();
  /** Every answer's status (0: no answer, the connection failed or timed out). */
  readonly answers: number[] = [];
  private target: { url: string; secret: string | undefined } | undefined;
  private readonly queues = new Map<string, Record<string, unknown>[]>();
  private readonly stopping = new AbortController();

  get active(): boolean {
    return this.target !== undefined;
  }

  set(target: { url: string; secret: string | undefined } | undefined): void {
    this.target = target;
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
      const id = Number(update.update_id);
      this.posts.set(id, (this.posts.get(id) ?? 0) + 1);
      const status = await fetch(this.target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.target.secret ? { 'x-telegram-bot-api-secret-token': this.target.secret } : {}) },
        body: JSON.stringify(update),
        signal: AbortSignal.any([AbortSignal.timeout(60_000), this.stopping.signal]),
      }).then(
        async (r) => (await r.arrayBuffer(), r.status),
        () => 0,
      );
      this.answers.push(status);
      if (status >= 200 && status < 300) {
        queue.shift();
        delayMs = 1000;
        continue;
      }
      await new Promise((r) => setTimeout(r, delayMs));
      delayMs = Math.min(60_000, delayMs * 2);
    }
    this.queues.delete(key);
  }
}
