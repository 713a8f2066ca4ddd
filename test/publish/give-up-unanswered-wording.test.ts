/**
 * A post or digest with no idempotency key whose resend got no answer either, while the platform answers (its probe,
 * getMe on Telegram), is given up (publish/outcomes.ts giveUpUnguarded). What the log and `status` tell the operator to
 * do fits what was given up: a note's post can be announced again; a digest has no note (issue 25, review rv-1).
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
import type { NewDelivery, Target } from '../../src/store/types.js';
import { until } from '../helpers/until.js';

const target: Target = { platform: 'console', chat: 'c1', thread: '' };
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Every send hangs until the deliverer's own timeout gives up on it; the platform answers its probe. */
function unansweredSends(): ChatAdapter {
  return {
    ...createConsoleAdapter({ json: true, write: () => undefined }),
    post: (_t, _p, ctx) => new Promise((_resolve, reject) => ctx.signal?.addEventListener('abort', () => reject(new Error('aborted')))),
    resendGuard: () => ({ guard: 'none', why: 'console has no idempotency key' }),
    probe: async () => undefined,
  };
}

async function givenUp(delivery: NewDelivery): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'notecast-give-up-'));
  const store = new Store(path.join(dir, 'state.db'));
  const events: DeliveryEvent[] = [];
  const deliverer = new Deliverer(store, new Map([['console', unansweredSends()]]), { maxAttempts: 10, baseDelayMs: 10, maxDelayMs: 50, concurrency: 1, callTimeoutMs: 300 }, silentLogger(), (e) => events.push(e));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => store.close(), () => deliverer.stop());
  store.enqueue(delivery);
  deliverer.start();
  await until(() => events.some((e) => e.outcome === 'failed'), 10_000, 'the resend unanswered too: given up');
  return events.find((e) => e.outcome === 'failed')!.error ?? '';
}

describe('a send with no idempotency key unanswered twice while the platform answers', () => {
  it("a note's post: the operator is told to announce the note again", async () => {
    const summary = { title: 'A', keyPoints: [[{ text: 'About A.' }]], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 };
    const why = await givenUp({ noteId: 'a', revision: 1, target, kind: 'post', payload: { type: 'summary', summary } });
    expect(why).toMatch(/look in console:c1, and if it is missing there give the note `notecast: \{announce: again\}`$/);
  });

  it('a digest: no note to announce again is named', async () => {
    const why = await givenUp({ noteId: null, revision: 0, target, kind: 'digest', payload: { type: 'digest', items: [{ noteId: 'a', title: 'A' }] } });
    expect(why).toMatch(/look in console:c1, and if it is missing there it is not posted again$/);
  });
});
