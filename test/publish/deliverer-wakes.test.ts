/**
 * Issue 25, a freeze the model found (seed 4101, onDelete: keep): a note that left its family for another whose
 * message the chat already had made its old family's message a second one of it, and that delete was queued by a
 * step whose count the publisher never added up; the publisher woke the deliverer by that count, so the delete
 * waited for good and the service never said idle again. A delivery goes out however it came to be due: the
 * store says so itself (store/outbox-signal.ts), whoever queued it, and so does a paused chat resumed by /subscribe.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../src/adapters/console/console.js';
import { silentLogger } from '../../src/log.js';
import { Deliverer } from '../../src/publish/deliverer.js';
import { Store } from '../../src/store/store.js';
import type { Target } from '../../src/store/types.js';
import type { Summary } from '../../src/summary/build.js';
import { until } from '../helpers/until.js';
import { tempFolder } from '../helpers/temp-folder.js';

const target: Target = { platform: 'console', chat: 'c1', thread: '' };
const summary = (title: string): Summary => ({ title, keyPoints: [[{ text: `About ${title}.` }]], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 });

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function started() {
  const dir = tempFolder('notecast-deliverer-wakes-');
  const store = new Store(path.join(dir, 'state.db'));
  const lines: string[] = [];
  const deliverer = new Deliverer(store, new Map([['console', createConsoleAdapter({ json: true, write: (l) => lines.push(l) })]]), { maxAttempts: 10, baseDelayMs: 10, maxDelayMs: 50, concurrency: 4, callTimeoutMs: 2000 }, silentLogger());
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => store.close(), () => deliverer.stop());
  deliverer.start();
  return { store, deliverer, lines };
}

/** Until the deliverer has looked at the outbox and found nothing to send now (its `idle`, which a due row makes false). */
const looked = (d: Deliverer) => until(() => d.idle, 5000, 'the deliverer idle');

describe('the deliverer wakes for every delivery that becomes due', () => {
  it('a delete queued while it waits for nothing, by code that tells nobody, goes out (the model seed 4101 freeze)', async () => {
    const { store, deliverer, lines } = started();
    store.enqueue({ noteId: 'a', revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary('A') } });
    await until(() => lines.length === 1, 5000, 'the post');
    await looked(deliverer);
    store.enqueue({ noteId: 'a', revision: 2, target, kind: 'delete', payload: { type: 'delete' } });
    await until(() => lines.length === 2, 5000, 'the delete');
    expect(lines.map((l) => (JSON.parse(l) as { event: string }).event)).toEqual(['post', 'delete']);
    await looked(deliverer);
    expect(store.status().outbox).toEqual({ done: 2 });
  });

  it('a paused chat resumed (an admin\'s /subscribe) sends what waited for it, with no other change to wake it', async () => {
    const { store, deliverer, lines } = started();
    store.pause(target, 'Forbidden: bot was kicked from the group chat');
    store.enqueue({ noteId: 'b', revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary('B') } });
    await looked(deliverer); // a paused chat's rows are not waited for (Deliverer.idle)
    expect(lines).toEqual([]);
    expect(store.resume(target)).toBe(true);
    await until(() => lines.length === 1, 5000, 'the post that waited');
    expect((JSON.parse(lines[0]!) as { noteId: string }).noteId).toBe('b');
  });
});
