/** The optional HTTP endpoint: `/healthz` (watcher, store, adapters) and `/metrics` (Prometheus). */
import { createServer, type Server } from 'node:http';
import type { ChatAdapter } from '../adapters/types.js';
import type { Store } from '../store/store.js';
import type { Metrics } from './metrics.js';

export interface HealthDeps {
  store: Store;
  adapters: () => ChatAdapter[];
  watcherAlive: () => boolean;
  metrics: Metrics;
}

export function healthReport(d: HealthDeps): { ok: boolean; checks: Record<string, boolean> } {
  const checks: Record<string, boolean> = { watcher: d.watcherAlive() };
  try {
    d.store.setMeta('health.checked', new Date().toISOString());
    checks.store = true;
  } catch {
    checks.store = false;
  }
  for (const a of d.adapters()) checks[a.platform] = a.healthy?.() ?? true;
  return { ok: Object.values(checks).every(Boolean), checks };
}

export async function startHealthServer(d: HealthDeps, port: number, host: string): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      if (req.url === '/healthz') {
        const r = healthReport(d);
        res.writeHead(r.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(r));
      } else if (req.url === '/metrics') {
        res.writeHead(200, { 'content-type': d.metrics.registry.contentType }).end(await d.metrics.scrape());
      } else res.writeHead(404).end();
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((r) => server.listen(port, host, r));
  return server;
}
