/**
 * The held-post tests' setup (issue 25: a post whose sends got no answer is held): a Deliverer over a store of its own and
 * a console adapter whose sends to chat c1 the test scripts (hang-ups, timeouts), every other chat's answered and shown.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { createConsoleAdapter } from '../../src/adapters/console/console.js';
import { silentLogger } from '../../src/log.js';
import { Deliverer, type DelivererOptions, type DeliveryEvent } from '../../src/publish/deliverer.js';
import type { ChatAdapter } from '../../src/publish/port.js';
import { Store } from '../../src/store/store.js';
import type { Target } from '../../src/store/types.js';
import { tempFolder } from './temp-folder.js';

export const c1: Target = { platform: 'console', chat: 'c1', thread: '' };
export const c2: Target = { platform: 'console', chat: 'c2', thread: '' };

/** What c1's send `n` (from 1) does instead of posting: an error to throw, or undefined to post. */
export type C1Send = (n: number) => Error | undefined;

/** Errors the console takes for an unanswered send: its reason is the message (a hang-up, or a timeout's wording). */
export const hangUp = (): Error => new Error('socket hang up');

/** A console whose c1 sends go as `c1Send` says (each error an unanswered, maybe-sent send), shown ones in `shown`. */
export function scriptedConsole(shown: string[], c1Send: C1Send): ChatAdapter {
  const base = createConsoleAdapter({ json: true, write: (l) => shown.push((JSON.parse(l) as { noteId: string }).noteId) });
  const thrown = new Set<unknown>();
  let n = 0;
  return {
    ...base,
    post: (t, p, ctx) => {
      const e = t.chat === c1.chat ? c1Send(++n) : undefined;
      if (!e) return base.post(t, p, ctx);
      thrown.add(e);
      return Promise.reject(e);
    },
    classify: (e, op) => (thrown.has(e) ? { kind: 'transient', reason: (e as Error).message, uncertain: true } : base.classify(e, op)),
    resendGuard: () => ({ guard: 'none', why: 'console has no idempotency key' }),
    probe: async () => undefined,
  };
}

export interface HeldRun {
  store: Store;
  db: string;
  events: DeliveryEvent[];
  deliverer: Deliverer;
  /** Queues a post of note `noteId` titled `title` to `target`; its delivery id. */
  post(noteId: string, target: Target, title?: string): number;
  /** The delivery events of `noteId` that said it is held. */
  heldEvents(noteId: string): DeliveryEvent[];
}

/** A deliverer on `adapter`, short backoffs, a 2 s call limit (`opts` on top: a short `heldMaxMs`), not started; gone when the test finishes. */
export function heldRun(adapter: ChatAdapter, opts: Partial<DelivererOptions> = {}): HeldRun {
  const dir = tempFolder('notecast-held-');
  const db = path.join(dir, 'state.db');
  const store = new Store(db), events: DeliveryEvent[] = [];
  const deliverer = new Deliverer(store, new Map([['console', adapter]]), { maxAttempts: 10, baseDelayMs: 10, maxDelayMs: 50, concurrency: 4, callTimeoutMs: 2000, ...opts }, silentLogger(), (e) => events.push(e));
  onTestFinished(async () => {
    await deliverer.stop();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const summary = (title: string) => ({ title, keyPoints: [[{ text: `About ${title}.` }]], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 });
  return {
    store, db, events, deliverer,
    post: (noteId, target, title = noteId.toUpperCase()) => store.enqueue({ noteId, revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary(title) } }),
    heldEvents: (noteId) => events.filter((e) => e.row.noteId === noteId && (e.error ?? '').startsWith('held: ')),
  };
}
