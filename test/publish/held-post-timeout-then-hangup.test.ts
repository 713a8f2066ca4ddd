/**
 * Review rv32-d R1 (issue 25): a held post was judged by its latest unanswered send only. A first send that timed out
 * (the platform had it, "most likely posted": publish/held-unanswered.ts) and a resend that hung up was held as a
 * hang-up, and another chat's post answered sent it a third time. Now an earlier timeout (still the row's last error)
 * counts: such a post goes only after an outage's end; and a held post's one more send unanswered gives it up (R2).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../src/adapters/console/console.js';
import { silentLogger } from '../../src/log.js';
import { Deliverer, type DeliveryEvent } from '../../src/publish/deliverer.js';
import type { ChatAdapter } from '../../src/publish/port.js';
import { Store } from '../../src/store/store.js';
import type { Target } from '../../src/store/types.js';
import { until } from '../helpers/until.js';

const c1: Target = { platform: 'console', chat: 'c1', thread: '' };
const c2: Target = { platform: 'console', chat: 'c2', thread: '' };
const summary = (title: string) => ({ title, keyPoints: [[{ text: `About ${title}.` }]], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 });
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** c1's first send times out (the platform posted it: recorded in `posted`), its second hangs up before being read; later sends are shown. */
function timeoutThenHangUp(shown: string[], posted: string[]): ChatAdapter {
  const base = createConsoleAdapter({ json: true, write: (l) => shown.push((JSON.parse(l) as { noteId: string }).noteId) });
  const timeout = new Error('no answer from the platform within 2000 ms');
  const hangUp = new Error('socket hang up');
  let n = 0;
  return {
    ...base,
    post: (t, p, ctx) => {
      if (t.chat === 'c1') {
        n++;
        if (n === 1) {
          posted.push('a (timed-out send, shown in the chat)');
          return Promise.reject(timeout);
        }
        if (n === 2) return Promise.reject(hangUp);
      }
      return base.post(t, p, ctx);
    },
    classify: (e, op) => (e === hangUp ? { kind: 'transient', reason: 'socket hang up', uncertain: true } : e === timeout ? { kind: 'transient', reason: timeout.message, uncertain: true } : base.classify(e, op)),
    resendGuard: () => ({ guard: 'none', why: 'console has no idempotency key' }),
    probe: async () => undefined,
  };
}

describe('a held post whose first send timed out and whose resend hung up', () => {
  it('is not sent a third time on another chat\'s answer (the timed-out send most likely posted)', async () => {
    const shown: string[] = [], posted: string[] = [];
    const dir = mkdtempSync(path.join(tmpdir(), 'notecast-rv32d-'));
    const store = new Store(path.join(dir, 'state.db'));
    const events: DeliveryEvent[] = [];
    const deliverer = new Deliverer(store, new Map([['console', timeoutThenHangUp(shown, posted)]]), { maxAttempts: 10, baseDelayMs: 10, maxDelayMs: 50, concurrency: 4, callTimeoutMs: 2000 }, silentLogger(), (e) => events.push(e));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => store.close(), () => deliverer.stop());
    store.enqueue({ noteId: 'a', revision: 1, target: c1, kind: 'post', payload: { type: 'summary', summary: summary('A') } });
    deliverer.start();
    await until(() => events.some((e) => e.row.noteId === 'a' && (e.error ?? '').startsWith('held: ')), 10_000, 'a held');
    const held = events.find((e) => e.row.noteId === 'a' && (e.error ?? '').startsWith('held: '))!;
    store.enqueue({ noteId: 'b', revision: 1, target: c2, kind: 'post', payload: { type: 'summary', summary: summary('B') } });
    deliverer.wake();
    await until(() => shown.includes('b'), 5000, 'b shown');
    await new Promise((r) => setTimeout(r, 500));
    await until(() => deliverer.idle, 5000, 'the deliverer idle');
    expect(posted.length).toBe(1); // the first send's message is in c1
    expect(shown).toEqual(['b']); // seen: ['b', 'a']: a third send, a second message in c1
    expect(held.error).toMatch(/^held: no answer to this send nor to one before it \(timed out;/); // seen: "(console has no idempotency key; socket hang up)"
  });
});

/** c1's first two sends time out (posted: in `posted`), its third hangs up; later sends are shown. */
function twoTimeoutsThenHangUp(shown: string[], posted: string[], sends: { n: number }): ChatAdapter {
  const base = createConsoleAdapter({ json: true, write: (l) => shown.push((JSON.parse(l) as { noteId: string }).noteId) });
  const timeout = new Error('no answer from the platform within 2000 ms');
  const hangUp = new Error('socket hang up');
  return {
    ...base,
    post: (t, p, ctx) => {
      if (t.chat === 'c1') {
        sends.n++;
        if (sends.n <= 2) {
          posted.push('a');
          return Promise.reject(timeout);
        }
        if (sends.n === 3) return Promise.reject(hangUp);
      }
      return base.post(t, p, ctx);
    },
    classify: (e, op) => (e === hangUp ? { kind: 'transient', reason: 'socket hang up', uncertain: true } : e === timeout ? { kind: 'transient', reason: timeout.message, uncertain: true } : base.classify(e, op)),
    resendGuard: () => ({ guard: 'none', why: 'console has no idempotency key' }),
    probe: async () => undefined,
  };
}

describe('a post held after two timed-out sends, let go by an outage\'s end, whose third send hangs up', () => {
  it('is not sent a fourth time on another chat\'s answer (both timed-out sends most likely posted)', async () => {
    const shown: string[] = [], posted: string[] = [], sends = { n: 0 };
    const dir = mkdtempSync(path.join(tmpdir(), 'notecast-rv32d-'));
    const store = new Store(path.join(dir, 'state.db'));
    const events: DeliveryEvent[] = [];
    const deliverer = new Deliverer(store, new Map([['console', twoTimeoutsThenHangUp(shown, posted, sends)]]), { maxAttempts: 10, baseDelayMs: 10, maxDelayMs: 50, concurrency: 4, callTimeoutMs: 2000 }, silentLogger(), (e) => events.push(e));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => store.close(), () => deliverer.stop());
    deliverer.platformUp('console'); // the first connect (no signal)
    store.enqueue({ noteId: 'a', revision: 1, target: c1, kind: 'post', payload: { type: 'summary', summary: summary('A') } });
    deliverer.start();
    const held = () => events.filter((e) => e.row.noteId === 'a' && (e.error ?? '').startsWith('held: '));
    await until(() => held().length === 1, 10_000, 'a held after two timeouts');
    expect(held()[0]!.error).toMatch(/\(timed out;/);
    deliverer.platformUp('console'); // an outage's end seen by getMe: the signal a timed-out held post waits for
    await until(() => events.some((e) => e.row.noteId === 'a' && e.outcome === 'failed'), 5000, 'the third send hung up: given up, not held again');
    store.enqueue({ noteId: 'b', revision: 1, target: c2, kind: 'post', payload: { type: 'summary', summary: summary('B') } });
    deliverer.wake();
    await until(() => shown.includes('b'), 5000, 'b shown');
    await new Promise((r) => setTimeout(r, 500));
    await until(() => deliverer.idle, 5000, 'the deliverer idle');
    expect(sends.n).toBe(3); // seen: 4: a fourth send after b's answer (the chat then shows A three times)
    expect(shown).toEqual(['b']);
  });
});
