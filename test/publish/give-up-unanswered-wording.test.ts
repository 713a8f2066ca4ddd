/**
 * A post or digest with no idempotency key whose resend got no answer either, while the platform answers (its probe,
 * getMe on Telegram), is held, not given up (publish/outcomes.ts holdUnguarded; failing it lost the post when neither
 * send reached the platform: seed 1308), and not sent a third time. What the log and `status` say fits what was held:
 * it names no remedy for a given-up post (`announce: again`, which a digest has no note for: review rv-1), says the
 * chat may show it once, twice or not at all, and what lets it go (issue 25).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../src/adapters/console/console.js';
import { silentLogger } from '../../src/log.js';
import { Deliverer, type DeliveryEvent } from '../../src/publish/deliverer.js';
import type { ChatAdapter } from '../../src/publish/port.js';
import { Store } from '../../src/store/store.js';
import type { NewDelivery, Target } from '../../src/store/types.js';
import { until } from '../helpers/until.js';
import { tempFolder } from '../helpers/temp-folder.js';

const target: Target = { platform: 'console', chat: 'c1', thread: '' };
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Every send hangs until the deliverer's own timeout gives up on it (counted in `sends`); the platform answers its probe. */
function unansweredSends(sends: { n: number }): ChatAdapter {
  return {
    ...createConsoleAdapter({ json: true, write: () => undefined }),
    post: (_t, _p, ctx) => {
      sends.n++;
      return new Promise((_resolve, reject) => ctx.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    },
    resendGuard: () => ({ guard: 'none', why: 'console has no idempotency key' }),
    probe: async () => undefined,
  };
}

/** The delivery sent until held; what was said of it, its row once the deliverer is idle, and how many sends were made. */
async function held(delivery: NewDelivery): Promise<{ why: string; row: { status: string; attempts: number }; sends: number; failed: boolean }> {
  const dir = tempFolder('notecast-give-up-');
  const store = new Store(path.join(dir, 'state.db'));
  const events: DeliveryEvent[] = [];
  const sends = { n: 0 };
  const deliverer = new Deliverer(store, new Map([['console', unansweredSends(sends)]]), { maxAttempts: 10, baseDelayMs: 10, maxDelayMs: 50, concurrency: 1, callTimeoutMs: 300 }, silentLogger(), (e) => events.push(e));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => store.close(), () => deliverer.stop());
  const id = store.enqueue(delivery);
  deliverer.start();
  const isHeld = (e: DeliveryEvent) => e.outcome === 'retry' && (e.error ?? '').startsWith('held: ');
  await until(() => events.some(isHeld), 10_000, 'the resend unanswered too: held');
  await until(() => deliverer.idle, 10_000, 'the deliverer idle: a third send would be out');
  const row = store.db.prepare('SELECT status, attempts FROM outbox WHERE id = ?').get(id) as { status: string; attempts: number };
  return { why: events.find(isHeld)!.error ?? '', row, sends: sends.n, failed: events.some((e) => e.outcome === 'failed') };
}

const SAID = /^held: no answer to this send nor to one before it \(timed out; console has no idempotency key; no answer from the platform within 300 ms\): the chat may show the post once or twice, or not at all; sent once more, its last time, when console answers a send again \(another post answered, or an outage's end seen by getMe\) or after 300 s \(delivery\.heldMaxMs\), whichever first: look in the chat then$/;

describe('a send with no idempotency key unanswered twice while the platform answers', () => {
  it("a note's post: held, not failed, not sent a third time; no remedy for a given-up post named", async () => {
    const summary = { title: 'A', keyPoints: [[{ text: 'About A.' }]], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 };
    const r = await held({ noteId: 'a', revision: 1, target, kind: 'post', payload: { type: 'summary', summary } });
    expect(r.why).toMatch(SAID);
    expect(r.why).not.toMatch(/announce: again/);
    expect({ row: r.row, sends: r.sends, failed: r.failed }).toEqual({ row: { status: 'pending', attempts: 1 }, sends: 2, failed: false });
  });

  it('a digest: held alike, and no note to announce again is named', async () => {
    const r = await held({ noteId: null, revision: 0, target, kind: 'digest', payload: { type: 'digest', items: [{ noteId: 'a', title: 'A' }] } });
    expect(r.why).toMatch(SAID);
    expect(r.why).not.toMatch(/announce: again/);
    expect({ row: r.row, sends: r.sends, failed: r.failed }).toEqual({ row: { status: 'pending', attempts: 1 }, sends: 2, failed: false });
  });
});
