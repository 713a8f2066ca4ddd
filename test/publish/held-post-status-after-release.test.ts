/**
 * Review rv32-d R3: `status` after a held post was let go and delivered still lists it as held. holdUnguarded writes
 * "held: … not sent a third time until …" as the post's uncertain-send outcome (markUncertainOutcome), and nothing
 * rewrites it when the third send is made and answered: the operator reads that a delivered post is still held and
 * was not sent a third time, while it was (and the chat may now show it up to three times).
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
import { statusOf } from '../helpers/cli.js';
import { until } from '../helpers/until.js';

const c1: Target = { platform: 'console', chat: 'c1', thread: '' };
const c2: Target = { platform: 'console', chat: 'c2', thread: '' };
const summary = (title: string) => ({ title, keyPoints: [[{ text: `About ${title}.` }]], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 });
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function twoDropped(shown: string[]): ChatAdapter {
  const base = createConsoleAdapter({ json: true, write: (l) => shown.push((JSON.parse(l) as { noteId: string }).noteId) });
  const hangUp = new Error('socket hang up');
  let drops = 2;
  return {
    ...base,
    post: (t, p, ctx) => (t.chat === 'c1' && drops-- > 0 ? Promise.reject(hangUp) : base.post(t, p, ctx)),
    classify: (e, op) => (e === hangUp ? { kind: 'transient', reason: 'socket hang up', uncertain: true } : base.classify(e, op)),
    resendGuard: () => ({ guard: 'none', why: 'console has no idempotency key' }),
    probe: async () => undefined,
  };
}

describe('status after a held post was let go and delivered', () => {
  it('no longer says it is held and not sent a third time', async () => {
    const shown: string[] = [];
    const dir = mkdtempSync(path.join(tmpdir(), 'notecast-rv32d-'));
    const db = path.join(dir, 'state.db');
    const store = new Store(db);
    const events: DeliveryEvent[] = [];
    const deliverer = new Deliverer(store, new Map([['console', twoDropped(shown)]]), { maxAttempts: 10, baseDelayMs: 10, maxDelayMs: 50, concurrency: 4, callTimeoutMs: 2000 }, silentLogger(), (e) => events.push(e));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => store.close(), () => deliverer.stop());
    const a = store.enqueue({ noteId: 'a', revision: 1, target: c1, kind: 'post', payload: { type: 'summary', summary: summary('A') } });
    deliverer.start();
    await until(() => events.some((e) => e.row.noteId === 'a' && (e.error ?? '').startsWith('held: ')), 10_000, 'a held');
    store.enqueue({ noteId: 'b', revision: 1, target: c2, kind: 'post', payload: { type: 'summary', summary: summary('B') } });
    deliverer.wake();
    await until(() => shown.includes('a'), 5000, 'a shown after b answered');
    await until(() => deliverer.idle, 5000, 'the deliverer idle');
    expect((store.db.prepare('SELECT status FROM outbox WHERE id = ?').get(a) as { status: string }).status).toBe('done');
    const text = statusOf(db).stdout;
    const line = text.split('\n').find((l) => l.includes(`#${a} a → console:c1`)) ?? '';
    expect(line).not.toMatch(/held: .*not sent a third time/); // seen: "… sent again, may show twice; held: no answer to this send nor to one before it (…): … not sent a third time until console answers a send again …"
  });
});
