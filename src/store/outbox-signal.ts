/**
 * Says that a delivery may have become due that whoever sends the outbox has not looked at yet: a
 * row queued, a paused chat resumed, a chat's queue moved to another chat. The deliverer listens
 * and looks at once, so no code that queues a delivery has to report it: before, the publisher woke
 * the deliverer by the count of what each step said it queued, and one step's uncounted delete left
 * the service waiting for good, never idle (issue 25, the model's seed 4101).
 */
export class OutboxSignal {
  private readonly listeners = new Set<() => void>();

  /** Called after each change (it must be cheap: a batch queues many rows); returns the way to stop listening. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  raise(): void {
    for (const l of this.listeners) l();
  }
}
