/**
 * Issue 25, a reviewer's finding on kept tries (store/delivery-tries.ts). The try a later failure is judged from was
 * taken out of the store before the platform call and written back only with the call's outcome: a run that ended
 * during the call (kill -9, `sync --once --timeout` exiting while a call hangs) lost it, so a chat whose calls hang
 * started its judgement over at every short run. It is read at the try and replaced or dropped with the outcome. A
 * delivery that closes (sent, failed, called off) drops its try at once, not at the next start.
 * The real store and deliverer; a scripted platform.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { Deliverer, type DeliveryEvent } from '../../src/publish/deliverer.js';
import type { ChatAdapter } from '../../src/publish/port.js';
import { keepLastTry } from '../../src/store/delivery-tries.js';
import { Store } from '../../src/store/store.js';
import type { Target } from '../../src/store/types.js';
import type { Summary } from '../../src/summary/build.js';
import { until } from '../helpers/until.js';
import { tempFolder } from '../helpers/temp-folder.js';

const target: Target = { platform: 'telegram', chat: '-100111', thread: '' };
const summary: Summary = { title: 'Alone', keyPoints: [[{ text: 'About it.' }]], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 };

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempStore(): Store {
  const dir = tempFolder('notecast-kept-tries-');
  const store = new Store(path.join(dir, 'state.db'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => store.close());
  return store;
}

/** The delivery's kept try as the store holds it (read here, not through the code under test). */
const lastTry = (store: Store, id: number) => store.sql('SELECT tried_at AS at, unjudged FROM delivery_tries WHERE delivery = ?').get(id) as { at: number; unjudged: number } | undefined;

const enqueuePost = (store: Store) => store.enqueue({ noteId: 'alone', revision: 1, target, kind: 'post', payload: { type: 'summary', summary } });

/** A platform whose first send answers 502 and whose later sends never answer (until the test ends). */
function failsThenHangs() {
  let calls = 0;
  let release: () => void = () => undefined;
  const adapter: ChatAdapter = {
    platform: 'telegram',
    post: async () => {
      calls++;
      if (calls === 1) throw new Error('502: Bad Gateway');
      await new Promise<void>((r) => (release = r));
      throw new Error('502: Bad Gateway');
    },
    edit: async () => undefined,
    delete: async () => undefined,
    classify: (e) => ({ kind: 'transient', reason: String(e) }),
    start: async () => undefined,
  };
  return { adapter, calls: () => calls, release: () => release() };
}

describe('a delivery\'s kept try', () => {
  it('stays in the store while the next try\'s call is out: a run ended during the call leaves it to the next run', { timeout: 20_000 }, async () => {
    const store = tempStore();
    const { adapter, calls, release } = failsThenHangs();
    const events: DeliveryEvent[] = [];
    const deliverer = new Deliverer(store, new Map([['telegram', adapter]]), { maxAttempts: 5, baseDelayMs: 2, maxDelayMs: 10, concurrency: 1, callTimeoutMs: 60_000 }, silentLogger(), (e) => events.push(e));
    cleanups.push(() => deliverer.stop(), release); // the hanging call answers first, then the deliverer stops
    const id = enqueuePost(store);
    deliverer.start();
    await until(() => events.some((e) => e.outcome === 'retry'), 5000, 'the first try failed and kept');
    const kept = lastTry(store, id);
    expect(kept).toBeDefined();
    await until(() => calls() === 2, 5000, 'the second try\'s call out, hanging');
    // What a kill -9 (or `sync --once --timeout` exiting) now would leave: the committed store. Before: nothing kept.
    expect(lastTry(store, id)).toEqual(kept);
    expect(store.outboxRow(id)?.status).toBe('sending');
  });

  it('is dropped where its delivery closes (sent, failed, called off), not left for the next start', () => {
    const store = tempStore();
    const [sent, failed, calledOff, waiting] = [enqueuePost(store), enqueuePost(store), enqueuePost(store), enqueuePost(store)];
    for (const id of [sent, failed, calledOff, waiting]) keepLastTry(store.sql, id, { at: 1000, unjudged: 2 });
    store.markDone(sent, '42');
    store.markFailed(failed, 'gave up');
    store.markDone(calledOff, null, 'skipped', 'called off');
    store.markRateLimited(waiting, 5000, 'rate limited');
    // Before: all four kept until the next start's dropClosedTries.
    expect([sent, failed, calledOff].map((id) => lastTry(store, id))).toEqual([undefined, undefined, undefined]);
    expect(lastTry(store, waiting)).toEqual({ at: 1000, unjudged: 2 });
  });
});
