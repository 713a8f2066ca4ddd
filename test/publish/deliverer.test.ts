/**
 * The deliverer with the real store and the console adapter, the store made to fail at the
 * bookkeeping steps (as a locked or full database does): no row may be left holding its target's
 * queue, and nothing recorded as sent may be sent again.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsoleAdapter } from '../../src/adapters/console/console.js';
import type { ChatAdapter } from '../../src/publish/port.js';
import { Writable } from 'node:stream';
import { createLogger, silentLogger, type Logger } from '../../src/log.js';
import { Deliverer, type DeliveryEvent } from '../../src/publish/deliverer.js';
import { Store } from '../../src/store/store.js';
import { Metrics } from '../../src/health/metrics.js';
import type { Target } from '../../src/store/types.js';
import type { Summary } from '../../src/summary/build.js';
import { until } from '../helpers/until.js';
import { maybeSentAt } from '../../src/store/maybe-sent.js';
import { tempFolder } from '../helpers/temp-folder.js';

const target: Target = { platform: 'console', chat: 'c1', thread: '' };
const summary = (title: string): Summary => ({ title, keyPoints: [[{ text: `About ${title}.` }]], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 });

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A logger whose lines (JSON) are kept, to check what the service said. */
function keptLog(lines: string[]): Logger {
  return createLogger({ level: 'info', secrets: [], destination: new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }) });
}

function setUp(adapter: ChatAdapter, log: Logger = silentLogger()) {
  const dir = tempFolder('notecast-deliverer-');
  const store = new Store(path.join(dir, 'state.db'));
  const events: DeliveryEvent[] = [];
  const deliverer = new Deliverer(store, new Map([['console', adapter]]), { maxAttempts: 10, baseDelayMs: 10, maxDelayMs: 50, concurrency: 4, callTimeoutMs: 2000 }, log, (e) => events.push(e));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => store.close(), () => deliverer.stop());
  return { store, deliverer, events };
}

function consoleAdapter(lines: string[]): ChatAdapter {
  return createConsoleAdapter({ json: true, write: (l) => lines.push(l) });
}


const databaseLocked = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

describe('Deliverer bookkeeping when the store fails', () => {
  it('a full disk at the bookkeeping steps: the lane waits longer after each failure, one log line per attempt, then delivers once the disk has room (issue 25, item 11)', async () => {
    const lines: string[] = [];
    const said: string[] = [];
    const { store, deliverer } = setUp(consoleAdapter(lines), keptLog(said));
    const diskFull = () => Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const markSending = vi.spyOn(store, 'markSending').mockImplementation(() => {
      throw diskFull();
    });
    store.enqueue({ noteId: 'a', revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary('A') } });
    const failures = () => said.filter((l) => l.includes('delivery bookkeeping failed'));
    const at: number[] = [];
    deliverer.start();
    for (let n = 1; n <= 3; n++) {
      await until(() => failures().length >= n, 10_000, `bookkeeping failure ${n}`);
      at.push(Date.now());
    }
    // Tried again at once, the lane logged thousands of lines a second; with backoff 500 ms, then 1 s.
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(450);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(950);
    expect(failures().map((l) => JSON.parse(l) as { attempt: number; retryInMs: number })).toMatchObject([{ attempt: 1, retryInMs: 500 }, { attempt: 2, retryInMs: 1000 }, { attempt: 3, retryInMs: 2000 }]);
    const metrics = new Metrics(store);
    metrics.bookkeepingFailing = () => deliverer.bookkeeping.failing;
    expect(await metrics.scrape()).toMatch(/^notecast_bookkeeping_failing_lanes 1$/m);
    markSending.mockRestore(); // the disk has room again
    await until(() => lines.length === 1, 10_000, 'the post');
    expect(await metrics.scrape()).toMatch(/^notecast_bookkeeping_failing_lanes 0$/m);
  });

  it('does not leave a row mid-send when recording a retry fails; the target queue goes on in order', async () => {
    const lines: string[] = [];
    const adapter = consoleAdapter(lines);
    const post = adapter.post.bind(adapter);
    const { store, deliverer } = setUp({ ...adapter, post: vi.fn(post).mockRejectedValueOnce(new Error('socket hang up')) });
    const markRetry = vi.spyOn(store, 'markRetry').mockImplementationOnce(() => {
      throw databaseLocked();
    });
    const first = store.enqueue({ noteId: 'a', revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary('A') } });
    store.enqueue({ noteId: 'b', revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary('B') } });
    deliverer.start();
    await until(() => store.status().outbox.done === 2, 5000, 'both delivered');
    expect(markRetry).toHaveBeenCalledTimes(2); // the failed write, then the one that took
    const posted = lines.map((l) => JSON.parse(l) as { noteId: string; messageId: string });
    expect(posted.map((p) => p.noteId)).toEqual(['a', 'b']);
    expect(posted[0]!.messageId).toBe(`c${first}`);
    expect(store.status().outbox).toEqual({ done: 2 });
  });

  it('records a sent message once the store answers again, without sending it twice', async () => {
    const lines: string[] = [];
    const { store, deliverer } = setUp(consoleAdapter(lines));
    let refusals = 2;
    const markDone = store.markDone.bind(store);
    vi.spyOn(store, 'markDone').mockImplementation((...args) => {
      if (refusals-- > 0) throw databaseLocked();
      markDone(...args);
    });
    store.enqueue({ noteId: 'a', revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary('A') } });
    deliverer.start();
    await until(() => store.status().outbox.done === 1, 10_000, 'the delivery done');
    expect(lines).toHaveLength(1);
    expect(store.postOf('a', target)?.messageId).toBe(JSON.parse(lines[0]!).messageId);
  });

  it('never resends a recorded delivery when whoever listens to its event throws', async () => {
    const lines: string[] = [];
    const dir = tempFolder('notecast-deliverer-');
    const store = new Store(path.join(dir, 'state.db'));
    const deliverer = new Deliverer(store, new Map([['console', consoleAdapter(lines)]]), { maxAttempts: 10, baseDelayMs: 10, maxDelayMs: 50, concurrency: 4 }, silentLogger(), () => {
      throw new Error('listener broke');
    });
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => store.close(), () => deliverer.stop());
    store.enqueue({ noteId: 'a', revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary('A') } });
    deliverer.start();
    await until(() => store.status().outbox.done === 1, 5000, 'the delivery done');
    await until(() => deliverer.idle, 5000, 'the deliverer idle'); // nothing in flight or waiting: a wrongful retry would be out
    expect(lines).toHaveLength(1);
  });
});

describe('Deliverer and rows that are no delivery', () => {
  it('fails a post whose stored payload is not a summary, unsent and saying why, and sends the chat\'s next one', async () => {
    const lines: string[] = [];
    const { store, deliverer } = setUp(consoleAdapter(lines));
    const broken = store.enqueue({ noteId: 'a', revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary('A') } });
    store.db.prepare('UPDATE outbox SET payload = ? WHERE id = ?').run(JSON.stringify({ type: 'delete' }), broken); // as a hand edit or damage would
    store.enqueue({ noteId: 'b', revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary('B') } });
    deliverer.start();
    await until(() => store.status().outbox.done === 1, 5000, 'the next delivery done');
    const row = store.db.prepare('SELECT status, attempts, last_error FROM outbox WHERE id = ?').get(broken) as { status: string; attempts: number; last_error: string };
    expect(row).toMatchObject({ status: 'failed', attempts: 0 });
    expect(row.last_error).toMatch(/^outbox row \d+ \(post\): .*summary/);
    expect(lines.map((l) => (JSON.parse(l) as { noteId: string }).noteId)).toEqual(['b']);
  });
});

describe('Deliverer and rate limits', () => {
  it('waits out more 429s than maxAttempts allows without giving up, and counts none as an attempt', async () => {
    const lines: string[] = [];
    const adapter = consoleAdapter(lines);
    const limited = new Error('429: slow down');
    const post = vi.fn(adapter.post.bind(adapter));
    for (let i = 0; i < 15; i++) post.mockRejectedValueOnce(limited);
    const { store, deliverer, events } = setUp({
      ...adapter,
      post,
      classify: (e, op) => (e === limited ? { kind: 'rate-limited', reason: 'slow down', retryAfterMs: 5 } : adapter.classify(e, op)),
    });
    store.enqueue({ noteId: 'a', revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary('A') } });
    deliverer.start();
    await until(() => store.status().outbox.done === 1, 10_000, 'the delivery done');
    expect(post).toHaveBeenCalledTimes(16); // maxAttempts is 10
    expect(events.filter((e) => e.outcome === 'retry')).toHaveLength(15);
    expect(lines).toHaveLength(1);
    expect(store.status().failures).toEqual([]);
  });
});

describe('the clock stepping back (issue 25, item 11)', () => {
  it('a delivery queued before a restart with the clock an hour behind goes out now, not three hours later', async () => {
    const lines: string[] = [];
    const said: string[] = [];
    const { store, deliverer } = setUp(consoleAdapter(lines), keptLog(said));
    // Queued to retry in 10 s by a clock that was 3 hours ahead of the one it restarts with.
    store.enqueue({ noteId: 'a', revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary('A') }, notBefore: Date.now() + 3 * 3_600_000 + 10_000 });
    deliverer.start();
    await until(() => lines.length === 1, 5000, 'the post');
    expect(said.join('')).toMatch(/"count":1,"msg":"deliveries were due later than any wait notecast sets: the clock stepped back; they are due now"/);
  });

  it('while running, a step back shortens the waits by the step: a retry due in 200 ms goes out in 200 ms', async () => {
    const lines: string[] = [];
    const said: string[] = [];
    let offset = 0;
    const dir = tempFolder('notecast-deliverer-');
    const store = new Store(path.join(dir, 'state.db'));
    const adapter = consoleAdapter(lines);
    const post = adapter.post.bind(adapter);
    const clock = () => Date.now() - offset;
    const deliverer = new Deliverer(store, new Map([['console', { ...adapter, post: vi.fn(post).mockRejectedValueOnce(new Error('socket hang up')) }]]), { maxAttempts: 10, baseDelayMs: 200, maxDelayMs: 200, concurrency: 4 }, keptLog(said), (e) => {
      if (e.outcome === 'retry') offset = 3_600_000; // the clock steps back an hour right after the retry was set
    }, clock);
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => store.close(), () => deliverer.stop());
    store.enqueue({ noteId: 'a', revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary('A') } });
    deliverer.start();
    await until(() => lines.length === 1, 5000, 'the retried post');
    expect(said.join('')).toMatch(/"stepMs":3[56]\d{5},"deliveries":1,"msg":"the clock stepped back; waiting deliveries keep their waits, not the step"/);
  });
});

describe('Deliverer: a post whose answer never came', () => {
  it('its send time, kept for the nonce window of a later look (store/maybe-sent.ts), is when it went out, not when our timeout fired', async () => {
    let calledAt = 0;
    const plain = consoleAdapter([]);
    const adapter: ChatAdapter = {
      ...plain,
      // The first send never answered (the deliverer's own timeout, callTimeoutMs: 2 s here, gives up on it); its resend is.
      post: (t, p, ctx) => calledAt ? plain.post(t, p, ctx) : new Promise((_resolve, reject) => {
        calledAt = Date.now();
        ctx.signal?.addEventListener('abort', () => reject(new Error('aborted')));
      }),
      resendGuard: () => ({ guard: 'nonce', withinMs: 120_000 }),
    };
    const { store, deliverer, events } = setUp(adapter);
    const id = store.enqueue({ noteId: 'a', revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary('A') } });
    deliverer.start();
    await until(() => events.some((e) => e.outcome === 'done'), 10_000, 'the send given up on, then sent again');
    expect(events.map((e) => [e.outcome, e.uncertain])).toEqual([['retry', 'nonce'], ['done', undefined]]);
    expect(calledAt).toBeGreaterThan(0);
    expect(maybeSentAt(store.sql, id)).toBeLessThanOrEqual(calledAt);
  });
});
