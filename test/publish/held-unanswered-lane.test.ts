/**
 * Issue 25 (found re-landing s31-lp): a post held after two unanswered sends (publish/held-unanswered.ts) stayed
 * pending at the head of its chat's lane (Store.dueHeads took each chat's lowest pending id), parked until a signal.
 * The chat's next post queued behind it and was never sent; when that chat is the platform's only one, no other send
 * is answered either, so no signal came and the chat was frozen. Now a held post holds only its own note's later rows
 * (store/held-unanswered.ts waitsOnHeldSql): the next note goes, and its answer is the signal that lets the held one go.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../src/adapters/console/console.js';
import { silentLogger } from '../../src/log.js';
import { Deliverer, type DeliveryEvent } from '../../src/publish/deliverer.js';
import type { ChatAdapter } from '../../src/publish/port.js';
import { Store } from '../../src/store/store.js';
import type { Target } from '../../src/store/types.js';
import { until } from '../helpers/until.js';
import { tempFolder } from '../helpers/temp-folder.js';

const target: Target = { platform: 'console', chat: 'c1', thread: '' };
const summary = (title: string) => ({ title, keyPoints: [[{ text: `About ${title}.` }]], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 });
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The first two posts' connections close with no answer (as Telegram's "socket hang up"); later ones are shown. */
function twoDropped(shown: string[]): ChatAdapter {
  const base = createConsoleAdapter({ json: true, write: (l) => shown.push((JSON.parse(l) as { noteId: string }).noteId) });
  const hangUp = new Error('socket hang up');
  let drops = 2;
  return {
    ...base,
    post: (t, p, ctx) => (drops-- > 0 ? Promise.reject(hangUp) : base.post(t, p, ctx)),
    classify: (e, op) => (e === hangUp ? { kind: 'transient', reason: 'socket hang up', uncertain: true } : base.classify(e, op)),
    resendGuard: () => ({ guard: 'none', why: 'console has no idempotency key' }),
    probe: async () => undefined,
  };
}

describe('a chat whose post is held after two unanswered sends (its platform\'s only chat)', () => {
  it('shows the next note posted there', async () => {
    const shown: string[] = [];
    const dir = tempFolder('notecast-held-lane-');
    const store = new Store(path.join(dir, 'state.db'));
    const events: DeliveryEvent[] = [];
    const deliverer = new Deliverer(store, new Map([['console', twoDropped(shown)]]), { maxAttempts: 10, baseDelayMs: 10, maxDelayMs: 50, concurrency: 4, callTimeoutMs: 2000 }, silentLogger(), (e) => events.push(e));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => store.close(), () => deliverer.stop());
    store.enqueue({ noteId: 'a', revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary('A') } });
    deliverer.start();
    await until(() => events.some((e) => e.row.noteId === 'a' && (e.error ?? '').startsWith('held: ')), 10_000, 'a held');
    store.enqueue({ noteId: 'b', revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary('B') } });
    deliverer.wake();
    await until(() => shown.includes('b'), 5000, 'b shown');
    await until(() => deliverer.idle, 5000, 'the deliverer idle');
    expect(shown).toEqual(['b', 'a']); // b's answer is the signal that lets a go once
  });
});
