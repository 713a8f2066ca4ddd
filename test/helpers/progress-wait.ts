/**
 * Waiting on a service's own signals, not on a clock (issue 25: a 30-run model run at load ~4 timed
 * out once waiting for a batch, and the same sequence passed alone: a freeze or a slow machine?).
 * Every signal the service gives (a path the watcher reported, a batch applied, a line printed, an
 * idle) is `activity()`; a wait gives up only when the service has given none for `stallMs` (it is
 * frozen, or never saw the change), or after `stallMs × 6` of signals without what it waits for (a
 * service busy going round in circles). The error says which, and what the caller knows (`why`).
 */
export class ProgressWait {
  private waiters: (() => void)[] = [];
  private lastSignal = Date.now();

  /** The service did something: waits look again, and a stalled wait's limit starts over. */
  activity(): void {
    this.lastSignal = Date.now();
    for (const w of this.waiters.splice(0)) w();
  }

  async until(pred: () => boolean, stallMs: number, what: string, why?: () => string): Promise<void> {
    const started = Date.now();
    while (!pred()) {
      const now = Date.now();
      const silent = now - Math.max(this.lastSignal, started);
      const busy = now - started >= stallMs * 6;
      if (silent >= stallMs || busy) {
        const how = busy ? `${now - started} ms of signals without it` : `no signal from the service for ${silent} ms`;
        throw new Error(`timed out waiting for ${what}: ${how}${why ? `; ${why()}` : ''}`);
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(200, stallMs - silent));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }
}
