/**
 * Connects each chat platform on its own, so one platform that is down at start-up never holds
 * the others, the watcher or the health endpoint. An unreachable platform is retried in the
 * background with backoff while its deliveries wait in the outbox; a refused token is not retried.
 */
import type { ChatAdapter } from './port.js';
import type { Platform } from '../config/schema.js';
import { errorText, PlatformAuthError } from '../errors.js';
import type { Logger } from '../log.js';
import { backoffMs } from './backoff.js';
import { tokenRefusedText, type TokenRefusals } from './refused-tokens.js';

export type ConnectionState =
  | { state: 'connecting'; since: number; attempts: number; reason?: string | undefined; retryAt?: number | undefined }
  | { state: 'up'; since: number }
  /** Up, then stopped answering deliveries (outages.ts): they wait until it answers (`attempts`: probes so far). */
  | { state: 'unreachable'; since: number; attempts: number; reason: string; retryAt?: number | undefined }
  | { state: 'refused'; since: number; reason: string }
  | { state: 'stopped'; since: number };

export interface ConnectionsOptions {
  log: Logger;
  /** Called when a platform's state changes (kept in the store for `status`). */
  onState: (platform: Platform, s: ConnectionState) => void;
  /** Called once a platform is up, so its waiting deliveries go out at once. */
  onUp: (platform: Platform) => void;
  /** Backoff between attempts (default 1 s doubling to 60 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How long a probe of a platform that stopped answering may take (delivery.callTimeoutMs). */
  probeTimeoutMs?: number;
}

/** Also the one home of a token refused while running (TokenRefusals): every call path's 401 ends here, a delivery's and an adapter's own. */
export class PlatformConnections implements TokenRefusals {
  private readonly states = new Map<Platform, ConnectionState>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly firstAttempts: Promise<void>[] = [];
  private stopping = false;
  /** Outages not yet over: a probe may have answered, but no delivery has gone through since (its backoff goes on). */
  private readonly outages = new Map<Platform, { since: number; reason: string; probes: number }>();
  /** A 401 met by a connection attempt's calls (a start's setWebhook): the attempt ends refused, not retried. */
  private readonly refusedConnecting = new Map<Platform, string>();
  /** The call whose 401 refused a running platform's token (its state's `reason` says the rest). */
  private readonly refusedCalls = new Map<Platform, string>();

  constructor(
    private readonly adapters: readonly ChatAdapter[],
    private readonly o: ConnectionsOptions,
  ) {
    // A command's reply, a poll for updates, a webhook check: any call answered 401 (tester 29-1 F1).
    for (const a of adapters) a.onTokenRefused?.((reason) => this.refuse(a.platform, reason));
  }

  /** Whether deliveries to `platform` can go out now (platforms without a connect step always can). */
  isUp(platform: Platform): boolean {
    const s = this.states.get(platform);
    return s === undefined || s.state === 'up';
  }

  state(platform: Platform): ConnectionState | undefined {
    return this.states.get(platform);
  }

  /**
   * Starts connecting every platform. Resolves once each has had its first attempt or `waitMs` has
   * passed, whichever is first; rejects if a first attempt found the token refused, so a typo in a
   * token is a start-up error naming the platform rather than a service that never posts there.
   */
  async start(waitMs: number): Promise<void> {
    const refused: PlatformAuthError[] = [];
    for (const a of this.adapters) {
      if (!a.start) continue;
      this.set(a.platform, { state: 'connecting', since: Date.now(), attempts: 0 });
      this.firstAttempts.push(this.attempt(a, 1).then((e) => void (e && refused.push(e))));
    }
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((r) => (timer = setTimeout(r, waitMs)));
    await Promise.race([Promise.all(this.firstAttempts), deadline]);
    clearTimeout(timer);
    if (refused[0]) throw refused[0];
  }

  /** One attempt; on failure schedules the next. Returns the auth error that ends the attempts, if any. */
  private async attempt(a: ChatAdapter, n: number): Promise<PlatformAuthError | undefined> {
    if (this.stopping) return undefined;
    try {
      await a.start!();
      this.refusedConnecting.delete(a.platform);
      if (this.stopping) return undefined;
      const was = this.states.get(a.platform);
      this.set(a.platform, { state: 'up', since: Date.now() });
      if (was?.state === 'connecting' && was.attempts > 0) this.o.log.info({ platform: a.platform, attempts: n }, `${a.platform} connected after ${n} attempts`);
      this.o.onUp(a.platform);
      return undefined;
    } catch (e) {
      // A half-made connection is torn down before the next attempt builds a new one.
      await a.stop?.().catch(() => undefined);
      if (this.stopping) return undefined;
      // A 401 met by another of the start's calls (setWebhook, deleteWebhook) was told through onTokenRefused.
      const met = this.refusedConnecting.get(a.platform);
      this.refusedConnecting.delete(a.platform);
      const refused = e instanceof PlatformAuthError ? e : met !== undefined ? new PlatformAuthError(a.platform, `${a.platform} refused the bot token (401 Unauthorized: ${met})`) : undefined;
      if (refused) {
        this.set(a.platform, { state: 'refused', since: Date.now(), reason: refused.message });
        this.o.log.error({ platform: a.platform, reason: refused.message }, `${a.platform} refused the credentials; not retrying`);
        return refused;
      }
      const reason = errorText(e);
      const delay = backoffMs(n, { baseDelayMs: this.o.baseDelayMs ?? 1000, maxDelayMs: this.o.maxDelayMs ?? 60_000 });
      const prev = this.states.get(a.platform);
      this.set(a.platform, { state: 'connecting', since: prev?.since ?? Date.now(), attempts: n, reason, retryAt: Date.now() + delay });
      // One line per attempt; attempts spread out to a minute apart, so an outage logs little.
      this.o.log.warn({ platform: a.platform, attempt: n, reason, retryInMs: delay }, `${a.platform} is unreachable; its deliveries wait in the outbox`);
      const t = setTimeout(() => {
        this.timers.delete(t);
        void this.attempt(a, n + 1);
      }, delay);
      t.unref();
      this.timers.add(t);
      return undefined;
    }
  }

  /**
   * The platform refused the bot token while running (any call of ours met 401: refused-tokens.ts), said once. Its state
   * says so until a start connects it again (with a valid token), or refuses it: nothing goes out there meanwhile
   * (`isUp`, `reasonFor`), no probe turns it up again, and a stop keeps the state, since the deliveries stay parked for
   * that restart (`status`, store/parked.ts).
   */
  refuse(platform: Platform, reason: string): void {
    const now = this.states.get(platform)?.state;
    if (now === 'connecting') return void this.refusedConnecting.set(platform, reason); // the attempt ends refused, said there
    if (now === 'refused') return;
    this.outages.delete(platform);
    this.refusedCalls.set(platform, reason);
    this.set(platform, { state: 'refused', since: Date.now(), reason: `token refused while running (401 Unauthorized: revoked or replaced?); its deliveries are parked until a restart with a valid token (${reason})` });
    this.o.log.error({ platform, reason }, tokenRefusedText(platform, reason));
  }

  /** Why deliveries to `platform` wait for a restart (their `last_error`), if its token was refused. */
  reasonFor(platform: string): string | undefined {
    const s = this.states.get(platform as Platform);
    return s?.state === 'refused' ? tokenRefusedText(platform, this.refusedCalls.get(platform as Platform) ?? s.reason) : undefined;
  }

  /**
   * A connected platform stopped answering deliveries (outages.ts): they wait, parked, and the platform is
   * asked with a call about no chat (ChatAdapter.probe) with backoff; once it answers they are woken. Said
   * once per outage, however often a woken delivery meets it again before one goes through.
   */
  lost(platform: Platform, reason: string): void {
    const adapter = this.adapters.find((a) => a.platform === platform);
    if (!adapter || !this.watches(platform) || this.states.get(platform)?.state !== 'up') return;
    let outage = this.outages.get(platform);
    if (!outage) {
      outage = { since: Date.now(), reason, probes: 0 };
      this.outages.set(platform, outage);
      this.o.log.warn({ platform, reason }, `${platform} is not answering: its deliveries wait in the outbox, spending no attempt, until it answers`);
    }
    this.probeLater(adapter, outage);
  }

  /** Whether deliveries to `platform` may be parked for an outage: one this keeps connected, not being stopped. */
  watches(platform: Platform): boolean {
    return !this.stopping && this.adapters.some((a) => a.platform === platform && a.start !== undefined);
  }

  /** A delivery went through: an outage is over, and said so. */
  answered(platform: Platform): void {
    const outage = this.outages.get(platform);
    if (!outage) return;
    this.outages.delete(platform);
    this.o.log.info({ platform, downMs: Date.now() - outage.since }, `${platform} answers again: the deliveries that waited go out`);
  }

  private probeLater(a: ChatAdapter, outage: { since: number; reason: string; probes: number }): void {
    const delay = backoffMs(outage.probes + 1, { baseDelayMs: this.o.baseDelayMs ?? 1000, maxDelayMs: this.o.maxDelayMs ?? 60_000 });
    this.set(a.platform, { state: 'unreachable', since: outage.since, attempts: outage.probes, reason: outage.reason, retryAt: Date.now() + delay });
    const t = setTimeout(() => {
      this.timers.delete(t);
      void this.probe(a, outage);
    }, delay);
    t.unref();
    this.timers.add(t);
  }

  /** One probe; answered (or nothing to probe with), the platform's deliveries are woken to go. */
  private async probe(a: ChatAdapter, outage: { since: number; reason: string; probes: number }): Promise<void> {
    if (this.states.get(a.platform)?.state === 'refused') return; // only a restart with a valid token ends that
    outage.probes++;
    try {
      await a.probe?.(AbortSignal.timeout(this.o.probeTimeoutMs ?? 120_000));
    } catch (e) {
      if (this.stopping) return;
      outage.reason = errorText(e);
      this.o.log.debug({ platform: a.platform, attempt: outage.probes, reason: outage.reason }, `${a.platform} still not answering`);
      return this.probeLater(a, outage);
    }
    if (this.stopping || this.states.get(a.platform)?.state === 'refused') return; // its getMe may have been the 401
    this.set(a.platform, { state: 'up', since: Date.now() });
    this.o.onUp(a.platform);
  }

  /** Stops retrying and disconnects every platform. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const a of this.adapters) {
      await a.stop?.().catch(() => undefined);
      if (a.start && this.states.get(a.platform)?.state !== 'refused') this.set(a.platform, { state: 'stopped', since: Date.now() });
    }
  }

  private set(platform: Platform, s: ConnectionState): void {
    this.states.set(platform, s);
    try {
      this.o.onState(platform, s);
    } catch {
      // the store is busy: the next change writes the state again
    }
  }
}
