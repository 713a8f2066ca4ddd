/**
 * A push webhook for the pull setup: GitHub or GitLab posts here on every push, and the clone the
 * service watches is pulled at once instead of at the next cron minute. The pull's changed files
 * reach the watcher like any save. Only signed requests count; the body is bounded and never parsed.
 */
import { execFile } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { Logger } from '../log.js';

function sameBytes(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * GitHub: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body, keyed by the secret>`,
 * compared in constant time (docs.github.com/webhooks/using-webhooks/validating-webhook-deliveries).
 * GitLab: `X-Gitlab-Token: <the secret itself>` (docs.gitlab.com/user/project/integrations/webhooks, "Secret token").
 */
function signedBy(headers: IncomingHttpHeaders, body: Buffer, secret: string): 'github' | 'gitlab' | undefined {
  const hub = headers['x-hub-signature-256'];
  if (typeof hub === 'string') return sameBytes(hub, `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`) ? 'github' : undefined;
  const token = headers['x-gitlab-token'];
  if (typeof token === 'string') return sameBytes(token, secret) ? 'gitlab' : undefined;
  return undefined;
}

/** Runs the pull command in `cwd`, one at a time; a push during a pull gets one more pull after it. */
export function createPuller(command: readonly string[], cwd: string, log: Logger, timeoutMs = 120_000) {
  let running: Promise<void> | undefined;
  let again = false;
  const once = () =>
    new Promise<void>((resolve) => {
      execFile(command[0]!, command.slice(1), { cwd, timeout: timeoutMs }, (err, _out, stderr) => {
        if (err) log.error({ command: command.join(' '), err: stderr.trim() || err.message }, 'pull after a push failed; the next push or reconcile pass tries again');
        else log.info({ command: command.join(' ') }, 'pulled after a push');
        resolve();
      });
    });
  const loop = async () => {
    do {
      again = false;
      await once();
    } while (again);
    running = undefined;
  };
  return {
    request(): void {
      if (running) again = true;
      else running = loop();
    },
    /** Resolves when no pull runs (tests, and a clean stop). */
    settled: (): Promise<void> => running ?? Promise.resolve(),
  };
}

export interface PushHookOptions {
  host: string;
  port: number;
  path: string;
  secret: string;
  maxBodyBytes: number;
  onPush: (from: 'github' | 'gitlab') => void;
  log: Logger;
}

/** Listens for push webhooks; resolves once listening. 202 for a signed push, else 401/404/405/413. */
export async function startPushHook(o: PushHookOptions): Promise<Server> {
  const server = createServer((req, res) => {
    const answer = (status: number) => res.writeHead(status, { connection: 'close' }).end();
    if ((req.url ?? '').split('?')[0] !== o.path) return answer(404);
    if (req.method !== 'POST') return answer(405);
    if (Number(req.headers['content-length'] ?? 0) > o.maxBodyBytes) return answer(413);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > o.maxBodyBytes) {
        answer(413); // a body sent without a length (chunked) is bounded as it arrives
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      if (res.headersSent) return;
      const from = signedBy(req.headers, Buffer.concat(chunks), o.secret);
      if (!from) {
        o.log.warn({ remote: req.socket.remoteAddress }, 'push webhook refused: no valid signature');
        return answer(401);
      }
      answer(202);
      o.onPush(from);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  return server;
}
