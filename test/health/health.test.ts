import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/net.js';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox } from '../helpers/service.js';

afterEach(killLeftoverServices);

describe('/healthz and /metrics', () => {
  it('reports watcher, store and adapters, and counts deliveries in Prometheus format', async () => {
    const port = await freePort();
    const sb = sandbox(`watch:\n  quietMs: 200\nhttp:\n  port: ${port}\n`);
    const svc = InProcessCli.start(sb);
    await svc.ready();
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, checks: { watcher: true, store: true, console: true }, platforms: {}, watch: { mode: expect.stringMatching(/^(native|poll)$/), reason: expect.any(String) } });
    writeFileSync(path.join(sb.notes, 'm-en.md'), note('Metric', 'Counted once.'));
    await svc.waitFor((e) => e.some((x) => x.event === 'post'), 10_000, 'post');
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/notecast_deliveries_total\{platform="console",kind="post",outcome="done"\} 1/);
    expect(metrics).toMatch(/notecast_notes\{state="published"\} 1/);
    expect(metrics).toMatch(/notecast_outbox\{status="done"\} 1/);
    expect((await fetch(`http://127.0.0.1:${port}/nope`)).status).toBe(404);
  });
});
