/**
 * The preview page over HTTP (Node's http module, no build step): `GET /preview` the page,
 * `/preview/cards` the list of notes alone, `/preview/payloads` each note's payloads as JSON (what
 * the page shows, to compare with what is sent), `/preview/events` a Server-Sent Events stream saying
 * when the notes changed, `/preview/app.css` and `/preview/app.js`. Mounted on the service's HTTP
 * endpoint (health/server.ts) or served alone by `notecast preview --serve`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PAGE_CSS, PAGE_JS } from './assets.js';
import { cardsHtml } from './cards.js';
import type { PreviewNotes } from './notes.js';

const PREVIEW_PATH = '/preview';

/** Nothing but the page's own files may load or run; no framing, no referrer. */
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** How often an idle event stream gets a comment, so proxies keep it open. */
const KEEPALIVE_MS = 20_000;

export interface PreviewHandler {
  /** Answers a request under /preview; false when the path is not the page's. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Ends every open event stream (before the server closes, which would wait for them). */
  close(): void;
}

function page(notes: PreviewNotes): string {
  return `<!doctype html>
<html lang="en" data-version="${notes.version}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>notecast preview</title><link rel="stylesheet" href="${PREVIEW_PATH}/app.css"></head>
<body>
<header class="bar"><h1>notecast preview</h1><input id="q" type="search" placeholder="Search notes (title, file, tags, language)" aria-label="Search notes" autocomplete="off">
<span id="count"></span><button id="theme" type="button">Theme</button><span id="live"></span></header>
<main id="notes">${cardsHtml(notes.entries())}</main>
<script src="${PREVIEW_PATH}/app.js"></script>
</body></html>`;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * A page served on a loopback address answers only requests naming this machine (`localhost`, an IP
 * address): a web page whose own name was made to resolve to 127.0.0.1 (DNS rebinding) cannot read
 * the notes through the visitor's browser, drafts included.
 */
function hostAllowed(req: IncomingMessage): boolean {
  if (!LOOPBACK.test(req.socket.localAddress ?? '')) return true;
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || /^[\d.]+$/.test(host) || host.includes(':');
}

export function previewHandler(notes: PreviewNotes): PreviewHandler {
  const streams = new Set<ServerResponse>();
  let closed = false;
  const unsubscribe = notes.onChange((v) => {
    for (const s of streams) s.write(`event: notes\ndata: ${v}\n\n`);
  });
  const timer = setInterval(() => {
    for (const s of streams) s.write(': keep-alive\n\n');
  }, KEEPALIVE_MS);
  timer.unref();
  const send = (res: ServerResponse, type: string, body: string) => res.writeHead(200, { 'content-type': type, ...SECURITY_HEADERS }).end(body);
  const serve = (p: string, req: IncomingMessage, res: ServerResponse) => {
    if (p === PREVIEW_PATH) send(res, 'text/html; charset=utf-8', page(notes));
    else if (p === `${PREVIEW_PATH}/cards`) send(res, 'text/html; charset=utf-8', cardsHtml(notes.entries()));
    else if (p === `${PREVIEW_PATH}/payloads`) send(res, 'application/json; charset=utf-8', JSON.stringify(notes.entries()));
    else if (p === `${PREVIEW_PATH}/app.css`) send(res, 'text/css; charset=utf-8', PAGE_CSS);
    else if (p === `${PREVIEW_PATH}/app.js`) send(res, 'text/javascript; charset=utf-8', PAGE_JS);
    else if (p === `${PREVIEW_PATH}/events` && !closed) {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive', ...SECURITY_HEADERS });
      res.write(`retry: 1000\nevent: hello\ndata: ${notes.version}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
    } else res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
  };
  return {
    handle(req, res) {
      const p = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/$/, '');
      if (p !== PREVIEW_PATH && !p.startsWith(`${PREVIEW_PATH}/`)) return false;
      if (req.method !== 'GET' && req.method !== 'HEAD') return (res.writeHead(405, { allow: 'GET, HEAD' }).end(), true);
      if (!hostAllowed(req)) return (res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('this page answers requests for localhost or an IP address only'), true);
      // Within the service, the folder is read for the page only once the page is asked for.
      notes.start().then(
        () => serve(p, req, res),
        () => res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('the notes folder could not be read: see the log'),
      );
      return true;
    },
    close() {
      closed = true;
      clearInterval(timer);
      unsubscribe();
      for (const s of streams) s.end();
      streams.clear();
    },
  };
}

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

/** `notecast preview --serve`: the page alone; `/` leads to it. */
export async function startPreviewServer(notes: PreviewNotes, port: number, host: string): Promise<PreviewServer> {
  const handler = previewHandler(notes);
  const server: Server = createServer((req, res) => {
    if (handler.handle(req, res)) return;
    if (req.url === '/' || req.url === '') return void res.writeHead(302, { location: PREVIEW_PATH }).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(new Error(`preview port ${port} on ${host} ${e.code === 'EADDRINUSE' ? 'is already in use' : `cannot be used (${e.code ?? e.message})`}: choose another with --port or --host`)),
    );
    server.listen(port, host, resolve);
  });
  const addr = server.address() as AddressInfo;
  const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${shownHost}:${addr.port}${PREVIEW_PATH}`,
    async close() {
      handler.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
