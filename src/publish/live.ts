/**
 * `publish.waitUntilLive`: a note's page is asked (HEAD, then GET when HEAD is refused) before its
 * first post, so readers who click at once find the site built. The wait is kept in the store
 * (live-pages.ts): the deliverer hands a first post here, its chat's queue moves on without it, and
 * `pump` asks each due page at most once per interval until it answers 2xx or the time limit comes.
 */
import type { Logger } from '../log.js';
import type { LivePage, LivePages } from '../store/live-pages.js';
import type { OutboxRow } from '../store/types.js';
import { backoffMs, NO_JITTER } from './backoff.js';
import { errorText } from '../errors.js';

export interface LiveCheckOptions {
  intervalMs: number;
  maxIntervalMs: number;
  limitMs: number;
  requestTimeoutMs: number;
  atLimit: 'post' | 'hold';
}

const MAX_REDIRECTS = 3;

/** One request's outcome: the page is there (2xx), or why not (a status, a network error, no answer in time). */
export async function askPage(url: string, timeoutMs: number): Promise<{ live: boolean; result: string }> {
  // Redirects are followed by hand, a few and on the page's own site only: fetch's own following
  // made 20 requests of a redirect loop at every check, and could be sent to any host.
  const ask = async (method: 'HEAD' | 'GET'): Promise<number | string> => {
    let at = new URL(url);
    for (let hop = 0; ; hop++) {
      const res = await fetch(at, { method, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'notecast (waiting for the page to be built)' } });
      await res.body?.cancel(); // only the status matters
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return res.status;
      if (hop >= MAX_REDIRECTS) return `more than ${MAX_REDIRECTS} redirects (a loop?)`;
      const next = new URL(location, at);
      if (next.origin !== at.origin) return `redirected to another site (${next.origin})`;
      at = next;
    }
  };
  try {
    let status = await ask('HEAD');
    // Some servers refuse HEAD (RFC 9110 §15.5.6, 405; §15.6.2, 501): their GET answers the question.
    if (status === 405 || status === 501) status = await ask('GET');
    if (typeof status === 'string') return { live: false, result: status };
    return { live: status >= 200 && status < 300, result: `HTTP ${status}` };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    const why = err.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (err.cause?.code ?? err.message);
    return { live: false, result: why };
  }
}

export class LiveChecker {
  private readonly inflight = new Map<string, Promise<void>>();

  constructor(
    private readonly pages: LivePages,
    private readonly opts: LiveCheckOptions,
    private readonly log: Logger,
    /** A page's state changed: its posts may go (the deliverer looks again). */
    private readonly changed: () => void,
    private readonly now: () => number = Date.now,
    private readonly ask: typeof askPage = askPage,
  ) {}

  /** The page a first post must wait for, if any: a new one starts being asked. Returns whether the post may go now. */
  mayPost(row: Extract<OutboxRow, { kind: 'post' }>, hasPosted: boolean): boolean {
    const url = row.payload.summary.url;
    if (!url || hasPosted) return true;
    const page = this.pages.get(url);
    if (page && (page.state === 'live' || page.state === 'posted-anyway')) return true;
    if (!page) {
      this.pages.begin(url, this.now());
      this.log.info({ note: row.noteId, url }, 'waiting for the page to be live before the first post');
    }
    return false;
  }

  /** Asks every due page not already being asked. */
  pump(): void {
    this.pages.dropUnreferenced();
    for (const page of this.pages.due(this.now(), 64)) {
      if (this.inflight.has(page.url)) continue;
      const p = this.check(page)
        .catch((e: unknown) => this.log.error({ url: page.url, err: errorText(e) }, 'could not record a page check; it is asked again'))
        .finally(() => {
          this.inflight.delete(page.url);
          this.changed();
        });
      this.inflight.set(page.url, p);
    }
  }

  get busy(): boolean {
    return this.inflight.size > 0;
  }

  /** When the next page is due; undefined with none waiting. */
  nextAt(): number | undefined {
    return this.pages.nextCheckAt();
  }

  async stop(): Promise<void> {
    await Promise.allSettled([...this.inflight.values()]);
  }

  private async check(page: LivePage): Promise<void> {
    const { live, result } = await this.ask(page.url, this.opts.requestTimeoutMs);
    const now = this.now();
    const checks = page.checks + 1;
    if (live) {
      this.pages.checked(page.url, 'live', result, null, now);
      this.log.info({ url: page.url, checks, waitedMs: now - page.firstAt }, 'the page is live; posting');
      return;
    }
    if (now - page.firstAt >= this.opts.limitMs) {
      const state = this.opts.atLimit === 'post' ? 'posted-anyway' : 'held';
      this.pages.checked(page.url, state, result, null, now);
      const why = `the page was not live after ${Math.round((now - page.firstAt) / 1000)} s (${checks} requests, last: ${result})`;
      if (state === 'held') this.log.warn({ url: page.url }, `${why}; its post is held (see \`notecast status\`)`);
      else this.log.warn({ url: page.url }, `${why}; posting anyway`);
      return;
    }
    // Counted from this answer, so a page is never asked more often than once an interval.
    const wait = backoffMs(checks, { baseDelayMs: this.opts.intervalMs, maxDelayMs: this.opts.maxIntervalMs }, NO_JITTER);
    this.pages.checked(page.url, 'waiting', result, now + wait, now);
  }
}
