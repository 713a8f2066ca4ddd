/**
 * What `delivery.maxAttempts` still counts (publish/outages.ts): a post that fails while no delivery of its
 * platform answers spends no attempt and waits, parked, until a probe finds the platform answering; a post
 * that fails while the platform's other posts go through is its own problem, and spends its attempts until
 * it is marked failed, so its chat is not held behind it for ever. The real store, deliverer and
 * connections; a scripted platform.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { PlatformConnections } from '../../src/publish/connections.js';
import { Deliverer } from '../../src/publish/deliverer.js';
import type { ChatAdapter } from '../../src/publish/port.js';
import { Store } from '../../src/store/store.js';
import type { Target } from '../../src/store/types.js';
import type { Summary } from '../../src/summary/build.js';
import { until } from '../helpers/until.js';
import { tempFolder } from '../helpers/temp-folder.js';

const summary = (title: string): Summary => ({ title, keyPoints: [[{ text: `About ${title}.` }]], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 });
const chat = (id: string): Target => ({ platform: 'telegram', chat: id, thread: '' });

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A platform that refuses every connection while `down`, and answers 502 to every post to the chat `bad`. */
function scripted() {
  const sent: string[] = [];
  const s = { down: false, probes: 0, sent };
  const adapter: ChatAdapter = {
    platform: 'telegram',
    post: async (target, message) => {
      if (s.down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
      if (target.chat === 'bad') throw new Error('502 Bad Gateway');
      sent.push(`${target.chat}: ${message.type === 'summary' ? message.summary.title : 'digest'}`);
      return { messageId: String(sent.length) };
    },
    edit: async () => undefined,
    delete: async () => undefined,
    classify: (e) => ({ kind: 'transient', reason: String(e) }),
    start: async () => undefined,
    probe: async () => {
      s.probes++;
      if (s.down) throw new Error('connect ECONNREFUSED 127.0.0.1:1');
    },
  };
  return { s, adapter };
}

function setUp(adapter: ChatAdapter, delays = { baseDelayMs: 10, maxDelayMs: 40 }) {
  const dir = tempFolder('notecast-outages-');
  const store = new Store(path.join(dir, 'state.db'));
  const log = silentLogger();
  const states: string[] = []; // every state the connections reported, in order
  // As app.ts wires them: the deliverer tells the connections of an outage, they wake its rows once a probe answers.
  const connections: PlatformConnections = new PlatformConnections([adapter], {
    log, baseDelayMs: 20, maxDelayMs: 80, onState: (p, st) => states.push(st.state),
    onUp: (p) => (store.wakePlatform(p, Date.now()), deliverer.wake()),
  });
  const deliverer: Deliverer = new Deliverer(store, new Map([['telegram', adapter]]), {
    maxAttempts: 3, ...delays, concurrency: 4, callTimeoutMs: 2000,
    isUp: (p) => connections.isUp(p),
    outage: { watches: (p) => connections.watches(p), lost: (p, why) => connections.lost(p, why), answered: (p) => connections.answered(p) },
  }, log);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => store.close(), () => deliverer.stop(), () => connections.stop());
  return { store, deliverer, connections, states };
}

const post = (store: Store, target: Target, title: string) => store.enqueue({ noteId: title, revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary(title) } });

describe('delivery.maxAttempts and a platform that stops answering', () => {
  it('spends no attempt while nothing answers; spends them on a post that fails while others go through', { timeout: 30_000 }, async () => {
    const { s, adapter } = scripted();
    const { store, deliverer, connections } = setUp(adapter);
    await connections.start(1000);
    deliverer.start();
    s.down = true;
    const waiting = post(store, chat('good'), 'Written in the outage');
    // Many times what three attempts take (10-40 ms apart): the probes show the outage went on meanwhile.
    await until(() => s.probes >= 4 || store.outboxRow(waiting)?.status === 'failed', 10_000, 'four probes of the platform (or the post given up)');
    expect(store.outboxRow(waiting)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(connections.state('telegram')).toMatchObject({ state: 'unreachable' });
    expect(s.sent).toEqual([]);

    s.down = false;
    await until(() => s.sent.length === 1, 10_000, 'the post once the platform answers');
    expect(connections.state('telegram')).toMatchObject({ state: 'up' });

    // One chat's post fails while the other chat's posts go through: that failure is the post's own.
    const bad = post(store, chat('bad'), 'Refused alone');
    let n = 0;
    while (store.outboxRow(bad)?.status !== 'failed' && n < 200) {
      post(store, chat('good'), `Fine ${++n}`);
      deliverer.wake();
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(store.outboxRow(bad)).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/^gave up after 3 attempts: Error: 502 Bad Gateway/) as unknown });
    await until(() => deliverer.idle, 10_000, 'idle');
    expect(s.sent.filter((l) => l.startsWith('good: Fine'))).toHaveLength(n);
    expect(new Set(s.sent).size).toBe(s.sent.length); // none twice
  });

  it("one chat's own 5xx right after another chat's post went through is the post's own: no outage, the others never wait", { timeout: 30_000 }, async () => {
    // Tester 29-1 F4: a first try compared with nothing ("no delivery got an answer since it went out") was taken for
    // the platform's outage: `unreachable`, the other chat's posts parked until a probe, said each time.
    const { s, adapter } = scripted();
    const { store, deliverer, connections, states } = setUp(adapter, { baseDelayMs: 50, maxDelayMs: 200 });
    await connections.start(1000);
    deliverer.start();
    post(store, chat('good'), 'Before');
    await until(() => s.sent.length === 1, 10_000, 'a post through first');
    const bad = post(store, chat('bad'), 'Refused alone');
    deliverer.wake();
    const good: number[] = [];
    while (store.outboxRow(bad)?.status !== 'failed' && good.length < 300) {
      good.push(post(store, chat('good'), `Fine ${good.length + 1}`));
      deliverer.wake();
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(store.outboxRow(bad)).toMatchObject({ status: 'failed', attempts: 3, lastError: expect.stringMatching(/^gave up after 3 attempts: Error: 502 Bad Gateway/) as unknown });
    await until(() => deliverer.idle, 10_000, 'idle');
    expect(states).not.toContain('unreachable'); // before the fix: unreachable at the bad post's first failure
    expect(s.probes).toBe(0);
    for (const id of good) expect(store.outboxRow(id)).toMatchObject({ status: 'done', attempts: 1, lastError: null });
    expect(s.sent.filter((l) => l.startsWith('good: Fine'))).toHaveLength(good.length);
  });
});
