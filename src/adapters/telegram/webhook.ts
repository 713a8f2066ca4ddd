/**
 * The HTTP endpoint Telegram posts updates to in webhook mode. It answers each request at once
 * and handles the update afterwards: grammY's `webhookCallback` holds the answer until the
 * handler ends and throws after 10 s, and a reply held by our 20-a-minute group pacing waits
 * far longer than that. Nothing a request carries can throw out of here: a body over the bound
 * is 413, what is not an update is 400, a connection reset mid-body is only logged.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Update } from '@grammyjs/types';
import type { Logger } from '../../log.js';
import { errorText } from '../../errors.js';
import { updateSchema, type KeptUpdates } from './kept-updates.js';
import type { OwedReply } from './owed-replies.js';

/**
 * An update is a few kilobytes (a message of 4096 characters with its entities); 1 MiB bounds the
 * memory one request can take with room to spare.
 */
const MAX_UPDATE_BYTES = 1024 * 1024;
/** Update ids remembered to recognise one Telegram sends again (it re-sends when an answer is lost). */
const REMEMBERED_UPDATES = 10_000;

/**
 * How handling an update ended: done (`undefined`: answered, or failed for good); `'unanswered'`: Telegram did not
 * answer before it was carried out, so it is handled again; `owed`: carried out, its reply not confirmed by Telegram,
 * so that reply alone is sent again (owed-replies.ts).
 */
export type Handled = undefined | 'unanswered' | { owed: OwedReply };

export interface WebhookServerOptions {
  host: string;
  port: number;
  path: string;
  /** Checked against `X-Telegram-Bot-Api-Secret-Token` on every request (core.telegram.org/bots/api#setwebhook). */
  secret: string;
  /**
   * Handles one update; its failure is logged here, never thrown to the server. What did not end goes to `kept` and
   * is taken up again by `handleKept` (see Handled).
   */
  handle: (update: Update) => Promise<Handled>;
  /** Sends the reply a kept update owes, and nothing else: the command was carried out already. */
  sendOwed: (owed: OwedReply) => Promise<Handled>;
  /** Where such updates wait (kept-updates.ts); without it they are lost, as before. */
  kept?: KeptUpdates | undefined;
  /**
   * Updates in hand at most (as long polling's runner holds); beyond it a request is answered 503,
   * which Telegram sends again after 1 s, doubling (telegram-bot-api WebhookActor.cpp,
   * `on_update_error`): after downtime Telegram may post thousands at once.
   */
  maxInFlight: number;
  log: Logger;
}

function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

type BodyResult = { ok: true; body: Buffer } | { ok: false; status: 413 } | { ok: false; status: 0 };

/** Reads a request body up to `max` bytes; status 0 is a connection that ended before its body did. */
function readBody(req: IncomingMessage, max: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > max) return resolve({ ok: false, status: 413 });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.removeAllListeners('data');
        req.pause(); // read no more of it; the answer closes the connection
        resolve({ ok: false, status: 413 });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve({ ok: true, body: Buffer.concat(chunks) }));
    req.on('error', () => resolve({ ok: false, status: 0 }));
    req.on('aborted', () => resolve({ ok: false, status: 0 }));
  });
}

/** Parses a body into an update, or says why it is not one. */
function parseUpdate(body: Buffer): { ok: true; update: Update } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = updateSchema.safeParse(json);
  return parsed.success ? { ok: true, update: parsed.data as unknown as Update } : { ok: false, reason: 'not an update (no update_id)' };
}

export class TelegramWebhookServer {
  private server: Server | undefined;
  private readonly seen = new Set<number>();
  private readonly inFlight = new Set<Promise<void>>();
  /** Update ids being handled now (a kept one is never handled twice at once). */
  private readonly handling = new Set<number>();
  /** When the latest update was taken (for the webhook watch: Telegram's delivery errors before it are past). */
  lastUpdateAt: number | undefined;

  constructor(private readonly o: WebhookServerOptions) {}

  get listening(): boolean {
    return !!this.server?.listening;
  }

  async listen(): Promise<void> {
    const server = createServer((req, res) => this.request(req, res));
    // A malformed request line or a reset before the headers: drop that socket, nothing else.
    server.requestTimeout = 30_000; // a body trickled in forever ends (Telegram sends an update in one go)
    server.on('clientError', (err, socket) => {
      this.o.log.debug({ err: err.message }, 'telegram webhook: bad request from a client');
      socket.destroy();
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.o.port, this.o.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', (err) => this.o.log.error({ err: err.message }, 'telegram webhook server error'));
  }

  /** Stops taking requests; updates already taken finish (their replies are aborted by the adapter). */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
    await Promise.allSettled([...this.inFlight]);
  }

  private request(req: IncomingMessage, res: ServerResponse): void {
    res.on('error', () => undefined); // the peer went away while we answered
    const answer = (status: number, close = false) => {
      if (res.headersSent || res.destroyed) return;
      res.writeHead(status, close ? { connection: 'close' } : {});
      res.end();
    };
    if (req.method !== 'POST' || req.url !== this.o.path) return answer(404);
    if (!sameSecret(req.headers['x-telegram-bot-api-secret-token'], this.o.secret)) return answer(401);
    void readBody(req, MAX_UPDATE_BYTES).then((r) => {
      if (!r.ok) {
        if (r.status === 413) {
          this.o.log.warn({ limit: MAX_UPDATE_BYTES }, 'telegram webhook: request body over the limit refused');
          answer(413, true);
        } else this.o.log.debug('telegram webhook: connection ended before its body did');
        return;
      }
      const parsed = parseUpdate(r.body);
      if (!parsed.ok) {
        this.o.log.warn({ reason: parsed.reason }, 'telegram webhook: request refused');
        return answer(400);
      }
      if (this.inFlight.size >= this.o.maxInFlight && !this.seen.has(parsed.update.update_id)) {
        this.o.log.debug({ update: parsed.update.update_id, inFlight: this.inFlight.size }, 'telegram webhook: busy; Telegram will send it again');
        return answer(503);
      }
      answer(200); // at once: the reply may wait for its chat's send slot far longer than Telegram waits
      this.take(parsed.update);
    });
  }

  /**
   * Takes the kept updates up again (Telegram answers again, or a start), each once at a time: one still being
   * handled is not started twice. One carried out only has its owed reply sent. Resolves once each is done (or kept again).
   */
  handleKept(): Promise<void> {
    const kept = (this.o.kept?.list() ?? []).filter((k) => !this.handling.has(k.update.update_id));
    for (const k of kept) this.seen.add(k.update.update_id); // a kept update of a run before, sent again after it is handled: ignored
    return Promise.all(kept.map((k) => this.run(k.update, k.owed))).then(() => undefined);
  }

  private take(update: Update): void {
    // Sent again (its answer lost), or kept to be handled again: never handled twice (update_id).
    if (this.seen.has(update.update_id) || this.o.kept?.has(update.update_id)) {
      this.o.log.debug({ update: update.update_id }, 'telegram webhook: update already taken; sent again, ignored');
      return;
    }
    this.seen.add(update.update_id);
    this.lastUpdateAt = Date.now();
    if (this.seen.size > REMEMBERED_UPDATES) this.seen.delete(this.seen.values().next().value!);
    void this.run(update);
  }

  private run(update: Update, owed?: OwedReply): Promise<void> {
    const id = update.update_id;
    this.handling.add(id);
    const task = (owed ? this.o.sendOwed(owed) : this.o.handle(update))
      .then((r) => this.settle(update, r))
      .catch((e: unknown) => this.o.log.error({ update: id, err: errorText(e) }, 'telegram update failed'))
      .finally(() => {
        this.handling.delete(id);
        this.inFlight.delete(task);
      });
    this.inFlight.add(task);
    return task;
  }

  /** Drops a kept update that is done, or keeps it as it now stands. */
  private settle(update: Update, r: Handled): void {
    const id = update.update_id;
    if (r === undefined) return this.o.kept?.drop(id);
    if (r === 'unanswered') {
      this.o.kept?.keep(update);
      this.o.log.warn({ update: id }, 'telegram did not answer while this update was handled; it is handled again once Telegram answers');
      return;
    }
    this.o.kept?.keep(update, r.owed);
    this.o.log.warn({ update: id, chat: r.owed.chat, mayShowTwice: r.owed.mayShowTwice }, 'update carried out; telegram did not confirm its reply, which is sent once Telegram answers (not the command again)');
  }
}
