/**
 * Review rv32-d R2 (issue 25): a held post had no bound on its sends: each signal (another chat's post answered) let it
 * go once more and a send unanswered again only held it again, so a hang-up after the platform made the post (which the
 * client cannot tell from one before: publish/held-unanswered.ts) added a message each time (five sends for three posts
 * answered in c2). Now a held post goes once more, and that send unanswered too gives it up, said (outcomes.ts giveUpHeld).
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

/** Every send to c1 is made (a message in `c1Messages`) and then its connection hangs up; c2's are answered. */
function c1PostsThenHangsUp(shown: string[], c1Messages: string[]): ChatAdapter {
  const base = createConsoleAdapter({ json: true, write: (l) => shown.push((JSON.parse(l) as { noteId: string }).noteId) });
  const hangUp = new Error('socket hang up');
  return {
    ...base,
    post: (t, p, ctx) => {
      if (t.chat === 'c1') {
        c1Messages.push('a');
        return Promise.reject(hangUp);
      }
      return base.post(t, p, ctx);
    },
    classify: (e, op) => (e === hangUp ? { kind: 'transient', reason: 'socket hang up', uncertain: true } : base.classify(e, op)),
    resendGuard: () => ({ guard: 'none', why: 'console has no idempotency key' }),
    probe: async () => undefined,
  };
}

describe('a held post whose every send is made and then hangs up, while another chat\'s posts are answered', () => {
  it('is sent three times at most: held after two, let go once on another chat\'s answer, then given up, said', async () => {
    const shown: string[] = [], c1Messages: string[] = [];
    const dir = mkdtempSync(path.join(tmpdir(), 'notecast-rv32d-'));
    const store = new Store(path.join(dir, 'state.db'));
    const events: DeliveryEvent[] = [];
    const deliverer = new Deliverer(store, new Map([['console', c1PostsThenHangsUp(shown, c1Messages)]]), { maxAttempts: 10, baseDelayMs: 10, maxDelayMs: 50, concurrency: 4, callTimeoutMs: 2000 }, silentLogger(), (e) => events.push(e));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => store.close(), () => deliverer.stop());
    store.enqueue({ noteId: 'a', revision: 1, target: c1, kind: 'post', payload: { type: 'summary', summary: summary('A') } });
    deliverer.start();
    const heldCount = () => events.filter((e) => e.row.noteId === 'a' && (e.error ?? '').startsWith('held: ')).length;
    const failed = () => events.filter((e) => e.row.noteId === 'a' && e.outcome === 'failed');
    await until(() => heldCount() === 1, 10_000, 'a held');
    for (const b of ['b1', 'b2', 'b3']) {
      store.enqueue({ noteId: b, revision: 1, target: c2, kind: 'post', payload: { type: 'summary', summary: summary(b) } });
      deliverer.wake();
      await until(() => shown.includes(b), 5000, `${b} shown`);
      if (b === 'b1') await until(() => failed().length === 1, 5000, 'a sent once more, unanswered again: given up');
      await until(() => deliverer.idle, 5000, 'the deliverer idle');
    }
    expect(c1Messages.length).toBe(3); // was 5 (two sends, then one per post answered in c2: review rv32-d R2)
    expect(heldCount()).toBe(1);
    expect(failed()[0]!.error).toMatch(/^gave up: .*up to three times, or not at all; look in the chat/);
  });
});
