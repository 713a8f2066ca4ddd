/** The optional HTTP endpoint: `/healthz` (watcher, store, adapters), `/metrics` (Prometheus) and, with `http.preview`, `/preview`. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ChatAdapter } from '../publish/port.js';
import type { Platform } from '../config/schema.js';
import type { ConnectionState } from '../publish/connections.js';
import type { Store } from '../store/store.js';
import { parkedDeliveries } from '../store/parked.js';
import type { ModeChoice } from '../watch/mode.js';
import type { Metrics } from './metrics.js';

export interface HealthDeps {
  store: Store;
  adapters: () => ChatAdapter[];
  /** Each platform's connection: up, still connecting (and why not yet), or its token refused. */
  connection?: (platform: Platform) => ConnectionState | undefined;
  watcherAlive: () => boolean;
  /** How the notes folder is watched, and why. */
  watchMode?: ModeChoice;
  metrics: Metrics;
}

/**
 * What /healthz says. A platform whose token was refused (at start, or while running: its connection state) fails its
 * check, and `parked` counts the deliveries waiting for the operator per platform, as `status` does (store/parked.ts).
 */
function healthReport(d: HealthDeps): { ok: boolean; checks: Record<string, boolean>; platforms: Record<string, ConnectionState>; parked?: Record<string, number>; watch?: ModeChoice } {
  const checks: Record<string, boolean> = { watcher: d.watcherAlive() };
  try {
    d.store.setMeta('health.checked', new Date().toISOString());
    checks.store = true;
  } catch {
    checks.store = false;
  }
  const platforms: Record<string, ConnectionState> = {};
  for (const a of d.adapters()) {
    const c = d.connection?.(a.platform);
    checks[a.platform] = (a.healthy?.() ?? true) && c?.state !== 'refused' && c?.state !== 'unreachable'; // unreachable: connected, but not answering deliveries
    if (c) platforms[a.platform] = c;
  }
  const parked = checks.store ? parkedDeliveries(d.store) : {};
  return { ok: Object.values(checks).every(Boolean), checks, platforms, ...(Object.keys(parked).length ? { parked } : {}), ...(d.watchMode ? { watch: d.watchMode } : {}) };
}

/**
 * Listens at once, before any state is opened, so a port in use is an error before anything is
 * written; `/healthz` answers 503 "starting" until `deps()` has something to report.
 */
export async function startHealthServer(
  deps: () => HealthDeps | undefined,
  port: number,
  host: string,
  /** More pages on the same port (the preview page, `http.preview`); `handle` says whether it answered. */
  pages?: { handle(req: IncomingMessage, res: ServerResponse): boolean },
): Promise<Server> {
  const server = createServer((req, res) => {
    if (pages?.handle(req, res)) return;
    void (async () => {
      const d = deps();
      if (req.url === '/healthz') {
        if (!d) return void res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, starting: true, checks: {} }));
        const r = healthReport(d);
        res.writeHead(r.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(r));
      } else if (req.url === '/metrics' && d) {
        res.writeHead(200, { 'content-type': d.metrics.registry.contentType }).end(await d.metrics.scrape());
      } else res.writeHead(req.url === '/metrics' ? 503 : 404).end();
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      // A host that resolves to nothing here (ENOTFOUND, EAI_AGAIN) or is no address of this machine (EADDRNOTAVAIL) is the host's fault, not the port's.
      if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' || e.code === 'EADDRNOTAVAIL') {
        const what = e.code === 'EADDRNOTAVAIL' ? 'is not an address of this machine' : 'does not resolve to an address';
        return reject(new Error(`http host ${host} ${what} (${e.code}): choose another with http.host or --http-host`));
      }
      const why = e.code === 'EADDRINUSE' ? 'is already in use' : e.code === 'EACCES' ? 'needs privileges this user lacks' : `cannot be used (${e.code ?? e.message})`;
      reject(new Error(`http port ${port} on ${host} ${why}: choose another with http.port or --http-port`));
    });
    server.listen(port, host, resolve);
  });
  return server;
}
