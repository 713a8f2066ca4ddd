/**
 * publish.waitUntilLive with the real store, deliverer and console adapter, against a site on
 * 127.0.0.1 whose pages answer 200 after a while, 404 forever, refuse HEAD, or never answer.
 */
import { rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../src/adapters/console/console.js';
import { Metrics } from '../../src/health/metrics.js';
import { silentLogger } from '../../src/log.js';
import { Deliverer } from '../../src/publish/deliverer.js';
import { askPage, LiveChecker, type LiveCheckOptions } from '../../src/publish/live.js';
import { Store } from '../../src/store/store.js';
import type { Target } from '../../src/store/types.js';
import type { Summary } from '../../src/summary/build.js';
import { until } from '../helpers/until.js';
import { tempFolder } from '../helpers/temp-folder.js';

const INTERVAL = 150;
const chat = (c: string): Target => ({ platform: 'console', chat: c, thread: '' });

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The blog's server. `/soon`: 404 until `builtAfter` requests, then 200; `/never`: 404; `/hang`: no answer; `/nohead`: HEAD 405, GET 200. */
async function site() {
  const requests: { path: string; method: string; at: number }[] = [];
  let builtAfter = 3;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const p = req.url ?? '';
    requests.push({ path: p, method: req.method ?? '', at: Date.now() });
    if (p === '/hang') return; // never answered: the request's own timeout must end it
    if (p === '/nohead') return res.writeHead(req.method === 'HEAD' ? 405 : 200).end();
    const built = p === '/soon' && requests.filter((r) => r.path === '/soon').length >= builtAfter;
    res.writeHead(built ? 200 : 404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  cleanups.push(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  return { base, requests, of: (p: string) => requests.filter((r) => r.path === p), buildAfter: (n: number) => (builtAfter = n) };
}

function summary(title: string, url: string): Summary {
  return { title, url, keyPoints: [[{ text: `About ${title}.` }]], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 };
}

function service(dir: string, opts: Partial<LiveCheckOptions> = {}) {
  const store = new Store(path.join(dir, 'state.db'));
  const lines: string[] = [];
  const live = new LiveChecker(store.livePages, { intervalMs: INTERVAL, maxIntervalMs: INTERVAL * 2, limitMs: 60_000, requestTimeoutMs: 2000, atLimit: 'post', ...opts }, silentLogger(), () => deliverer.wake());
  const deliverer = new Deliverer(store, new Map([['console', createConsoleAdapter({ json: true, write: (l) => lines.push(l) })]]), { maxAttempts: 5, baseDelayMs: 10, maxDelayMs: 50, concurrency: 4, callTimeoutMs: 2000, live }, silentLogger());
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await deliverer.stop();
    store.close();
  };
  cleanups.push(stop);
  const posted = () => lines.map((l) => (JSON.parse(l) as { noteId: string; target: string }).noteId);
  return { store, deliverer, posted, stop };
}

function tempDir(): string {
  const dir = tempFolder('notecast-live-');
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('publish.waitUntilLive', () => {
  it('posts a note once its page answers 2xx, asking once per interval, while other notes in the chat go on', async () => {
    const web = await site();
    const svc = service(tempDir());
    // The same page announced in two chats: one request per interval for both.
    for (const c of ['c1', 'c2']) svc.store.enqueue({ noteId: 'soon', revision: 1, target: chat(c), kind: 'post', payload: { type: 'summary', summary: summary('Soon', `${web.base}/soon`) } });
    svc.store.enqueue({ noteId: 'nohead', revision: 1, target: chat('c1'), kind: 'post', payload: { type: 'summary', summary: summary('No HEAD', `${web.base}/nohead`) } });
    svc.deliverer.start();
    await until(() => svc.deliverer.idle && svc.posted().length === 3, 10_000, 'all three posts', () => JSON.stringify({ posted: svc.posted(), requests: web.requests }));

    // The later note in chat c1 was not held behind the page still building.
    expect(svc.posted().indexOf('nohead')).toBeLessThan(svc.posted().indexOf('soon'));
    expect(svc.posted().filter((n) => n === 'soon')).toHaveLength(2);
    expect(web.of('/nohead').map((r) => r.method)).toEqual(['HEAD', 'GET']); // HEAD refused: asked with GET
    const soon = web.of('/soon');
    expect(soon.map((r) => r.method)).toEqual(['HEAD', 'HEAD', 'HEAD']); // 404, 404, then 200
    for (let i = 1; i < soon.length; i++) expect(soon[i]!.at - soon[i - 1]!.at).toBeGreaterThanOrEqual(INTERVAL - 5);
    expect(svc.store.livePages.get(`${web.base}/soon`)).toMatchObject({ state: 'live', checks: 3, lastResult: 'HTTP 200' });
    expect(svc.store.livePages.pending()).toEqual([]);
  });

  it('resumes the wait after a restart, and posts once', async () => {
    const web = await site();
    web.buildAfter(Infinity);
    const dir = tempDir();
    const first = service(dir);
    first.store.enqueue({ noteId: 'soon', revision: 1, target: chat('c1'), kind: 'post', payload: { type: 'summary', summary: summary('Soon', `${web.base}/soon`) } });
    first.deliverer.start();
    await until(() => web.of('/soon').length >= 1 && !first.deliverer.idle, 5000, 'the first request');
    await first.stop();
    expect(first.posted()).toEqual([]);

    web.buildAfter(2); // built while notecast was down
    const second = service(dir);
    second.deliverer.start();
    await until(() => second.deliverer.idle && second.posted().length === 1, 5000, 'the post after the restart');
    expect(second.store.livePages.get(`${web.base}/soon`)).toMatchObject({ state: 'live', checks: 2 }); // counted across both lives
  });

  it('stops asking for a page no post links to any more (the note renamed while its page was awaited)', async () => {
    const web = await site();
    web.buildAfter(Infinity);
    const svc = service(tempDir());
    const id = svc.store.enqueue({ noteId: 'moved', revision: 1, target: chat('c1'), kind: 'post', payload: { type: 'summary', summary: summary('Moved', `${web.base}/soon`) } });
    svc.deliverer.start();
    await until(() => web.of('/soon').length >= 1, 5000, 'the first request');
    svc.store.replacePayload(id, 2, { type: 'summary', summary: summary('Moved', `${web.base}/nohead`) });
    svc.deliverer.wake();
    await until(() => svc.deliverer.idle && svc.posted().length === 1, 5000, 'the post under its new URL');
    expect(svc.store.livePages.get(`${web.base}/soon`)).toBeUndefined();
    expect(svc.store.livePages.pending()).toEqual([]);
  });

  it('at the limit posts anyway (404 forever), or holds and shows it (a page that never answers)', async () => {
    const web = await site();
    const anyway = service(tempDir(), { limitMs: 400 });
    anyway.store.enqueue({ noteId: 'never', revision: 1, target: chat('c1'), kind: 'post', payload: { type: 'summary', summary: summary('Never', `${web.base}/never`) } });
    anyway.deliverer.start();
    await until(() => anyway.deliverer.idle && anyway.posted().length === 1, 5000, 'the post at the limit');
    expect(anyway.store.livePages.get(`${web.base}/never`)).toMatchObject({ state: 'posted-anyway', lastResult: 'HTTP 404' });

    const held = service(tempDir(), { limitMs: 300, requestTimeoutMs: 200, atLimit: 'hold' });
    held.store.enqueue({ noteId: 'hang', revision: 1, target: chat('c1'), kind: 'post', payload: { type: 'summary', summary: summary('Hang', `${web.base}/hang`) } });
    held.store.enqueue({ noteId: 'other', revision: 1, target: chat('c1'), kind: 'post', payload: { type: 'summary', summary: summary('Other', `${web.base}/nohead`) } });
    held.deliverer.start();
    await until(() => held.store.livePages.get(`${web.base}/hang`)?.state === 'held' && held.deliverer.idle, 5000, 'the page held');
    expect(held.posted()).toEqual(['other']);
    expect(held.store.livePages.pending()).toMatchObject([{ url: `${web.base}/hang`, state: 'held', lastResult: 'no answer within 200 ms' }]);
    expect(held.store.status().outbox).toEqual({ done: 1, pending: 1 }); // still in the outbox, for the next start
    expect(await new Metrics(held.store).scrape()).toMatch(/^notecast_pages_waiting\{state="held"\} 1$/m);
  });
});

describe('redirects (an outside tester saw a loop make 21 requests a check, and any host followed)', () => {
  it('follows a few on the same site, counts a loop and another site as not live, never more than four requests a check', async () => {
    const requests: string[] = [];
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const p = req.url ?? '';
      requests.push(p);
      if (p === '/post') return res.writeHead(301, { location: '/post/' }).end(); // Jekyll's /:title/ pages
      if (p === '/post/') return res.writeHead(200).end();
      if (p === '/loop') return res.writeHead(302, { location: '/loop' }).end();
      if (p === '/away') return res.writeHead(302, { location: 'http://127.0.0.1:1/x' }).end();
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect(await askPage(`${base}/post`, 2000)).toEqual({ live: true, result: 'HTTP 200' });
    requests.length = 0;
    const loop = await askPage(`${base}/loop`, 2000);
    expect(loop.live).toBe(false);
    expect(loop.result).toMatch(/redirects/);
    expect(requests.length).toBeLessThanOrEqual(4);
    requests.length = 0;
    const away = await askPage(`${base}/away`, 2000);
    expect(away).toEqual({ live: false, result: 'redirected to another site (http://127.0.0.1:1)' });
    expect(requests).toEqual(['/away']);
  });
});
