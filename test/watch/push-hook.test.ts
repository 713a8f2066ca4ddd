/** The pull setup's push webhook: only GitHub's and GitLab's signed pushes count, and the body is bounded. */
import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { startPushHook } from '../../src/watch/push-hook.js';

const SECRET = 'It is a secret to everybody';
let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  server = undefined;
});

async function hook() {
  const pushes: string[] = [];
  server = await startPushHook({ host: '127.0.0.1', port: 0, path: '/push', secret: SECRET, maxBodyBytes: 2048, log: silentLogger(), onPush: (from) => pushes.push(from) });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const send = async (init: RequestInit & { duplex?: 'half' }, path = '/push') => (await fetch(base + path, init)).status;
  return { pushes, send };
}

const body = JSON.stringify({ ref: 'refs/heads/main', after: 'abc' });
// GitHub's worked example (docs.github.com/webhooks/using-webhooks/validating-webhook-deliveries#testing-the-webhook-payload-validation):
// secret "It's a Secret to Everybody", payload "Hello, World!" gives this signature.
const GITHUB_EXAMPLE = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';

describe('push webhook', () => {
  it("checks GitHub's X-Hub-Signature-256 over the raw body, and GitLab's X-Gitlab-Token", async () => {
    expect(createHmac('sha256', "It's a Secret to Everybody").update('Hello, World!').digest('hex')).toBe(GITHUB_EXAMPLE.slice(7));
    const h = await hook();
    const sign = (b: string) => `sha256=${createHmac('sha256', SECRET).update(b).digest('hex')}`;
    expect(await h.send({ method: 'POST', body, headers: { 'x-hub-signature-256': sign(body) } })).toBe(202);
    expect(await h.send({ method: 'POST', body: `${body} `, headers: { 'x-hub-signature-256': sign(body) } })).toBe(401); // body changed after signing
    expect(await h.send({ method: 'POST', body, headers: { 'x-hub-signature-256': sign(body).slice(0, -1) } })).toBe(401);
    expect(await h.send({ method: 'POST', body, headers: { 'x-gitlab-token': SECRET } })).toBe(202);
    expect(await h.send({ method: 'POST', body, headers: { 'x-gitlab-token': `${SECRET}!` } })).toBe(401);
    expect(await h.send({ method: 'POST', body })).toBe(401);
    expect(await h.send({ method: 'GET' })).toBe(405);
    expect(await h.send({ method: 'POST', body, headers: { 'x-gitlab-token': SECRET } }, '/other')).toBe(404);
    expect(h.pushes).toEqual(['github', 'gitlab']);
  });

  it('refuses a body over the bound, announced or streamed', async () => {
    const h = await hook();
    const big = 'x'.repeat(4096);
    expect(await h.send({ method: 'POST', body: big, headers: { 'x-gitlab-token': SECRET } })).toBe(413);
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 4; i++) c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    // Sent chunked (no Content-Length): counted as it arrives. The refusal may end the upload early.
    const status = await h.send({ method: 'POST', body: stream, duplex: 'half', headers: { 'x-gitlab-token': SECRET } }).catch(() => 413);
    expect(status).toBe(413);
    expect(h.pushes).toEqual([]);
  });
});
