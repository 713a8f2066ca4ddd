/**
 * A post a stop caught in flight is kept as an uncertain send and said at the next start, in the transaction that
 * re-queues it (publish/caught-sends.ts recoverCaughtSends): a start that fails before the re-queue is written leaves
 * nothing said or kept, so the start after says it once, not twice (issue 25, review rv-1: keepCaughtSends and
 * store.recoverSending ran apart).
 */
import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { createConsoleAdapter } from '../../src/adapters/console/console.js';
import { createLogger } from '../../src/log.js';
import { Deliverer } from '../../src/publish/deliverer.js';
import type { Target } from '../../src/store/types.js';
import { tempStores } from '../helpers/temp-store.js';

const stores = tempStores('caught-once');
const target: Target = { platform: 'console', chat: 'c1', thread: '' };
const CAUGHT = /a stop caught a post to console:c1 in flight/;

it('a start whose re-queue fails says nothing of the caught post; the next start says it once', async () => {
  const store = stores();
  const summary = { title: 'A', keyPoints: [[{ text: 'About A.' }]], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 };
  const id = store.enqueue({ noteId: 'a', revision: 1, target, kind: 'post', payload: { type: 'summary', summary } });
  store.markSending(id); // the kill -9 came here
  const said: string[] = [];
  const log = createLogger({ level: 'warn', secrets: [], destination: new Writable({ write: (chunk, _enc, done) => (said.push(String(chunk)), done()) }) });
  const adapters = new Map([['console', createConsoleAdapter({ json: true, write: () => undefined })]]);
  const opts = { maxAttempts: 10, baseDelayMs: 10, maxDelayMs: 50, concurrency: 1, callTimeoutMs: 2000 };
  // The re-queue's write refused (a full disk, say), as SQLite refuses it.
  store.sql("CREATE TEMP TRIGGER requeue_refused BEFORE UPDATE OF status ON outbox WHEN OLD.status = 'sending' BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END").run();
  expect(() => new Deliverer(store, adapters, opts, log, () => undefined).start()).toThrow(/disk is full/);
  store.sql('DROP TRIGGER requeue_refused').run();
  const deliverer = new Deliverer(store, adapters, opts, log, () => undefined);
  deliverer.start();
  await deliverer.stop();
  expect(said.filter((l) => CAUGHT.test(l)).length).toBe(1);
});
