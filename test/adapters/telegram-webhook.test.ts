/**
 * Webhook mode as a running service: the fake Telegram posts updates to it the way
 * telegram-bot-api's WebhookActor does (test/fakes/telegram/webhook.ts), and hostile requests try
 * to bring it down. The process is the point of the first case: an unhandled throw ends it (a repeated update is
 * answered in this process). The group's minute
 * (20 replies a minute) is telegram-group-minute.test.ts, run beside the soak.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { TelegramWebhookServer } from '../../src/adapters/telegram/webhook.js';
import { createLogger } from '../../src/log.js';
import { freePort } from '../helpers/net.js';
import { until } from '../helpers/until.js';
import { useFakeTelegram } from '../helpers/fakes.js';
import { alive, webhookService, webhookServiceIn, WEBHOOK_SECRET as SECRET, WEBHOOK_TOKEN as TOKEN } from '../helpers/telegram-webhook.js';

const fake = useFakeTelegram({ token: TOKEN });

describe('Telegram webhook mode', () => {
  it('refuses what is not an update (400), bounds the body (413), survives a reset mid-body, and binds only its host', async () => {
    const dm = fake().addChat(77, 'private');
    // 127.0.0.2 is loopback too (Linux routes 127/8 to lo): a server bound to every address answers on 127.0.0.1.
    const host = '127.0.0.2';
    const { svc, port } = await webhookService(fake(), host);
    const send = (body: string | Buffer, headers: Record<string, string> = {}, path = '/tg-hook') =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host, port, path, method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET, ...headers } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end(body);
      });
    expect(await send('{"update_id": 1, "message": {')).toBe(400);
    expect(await send('null')).toBe(400);
    expect(await send('[]')).toBe(400);
    expect(await send('{"message": {}}')).toBe(400);
    expect(await send('', { 'x-telegram-bot-api-secret-token': 'wrong' })).toBe(401);
    expect(await send('{}', {}, '/elsewhere')).toBe(404);
    // Raw requests: what the server answers before it closes the connection (our writes may fail once it has).
    const raw = (head: string, body: Buffer) =>
      new Promise<string>((resolve) => {
        let got = '';
        const sock = connect(port, host, () => {
          sock.write(`POST /tg-hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\n${head}\r\n`);
          sock.write(body);
        });
        sock.on('data', (d) => (got += String(d)));
        sock.on('close', () => resolve(got));
        sock.on('error', () => undefined);
      });
    // A body over the bound, sent without a length: refused once the bound is passed.
    const chunked = Buffer.concat([Buffer.from(`200000\r\n`), Buffer.alloc(0x200000, 32), Buffer.from('\r\n0\r\n\r\n')]);
    expect(await raw('Transfer-Encoding: chunked\r\n', chunked)).toMatch(/^HTTP\/1\.1 413/);
    // A body declared as 300 MB is refused before any of it is read.
    expect(await raw('Content-Length: 314572800\r\n', Buffer.from('{"update_id":'))).toMatch(/^HTTP\/1\.1 413/);

    // A connection reset halfway through the body.
    await new Promise<void>((resolve) => {
      const sock = connect(port, host, () => {
        sock.write(`POST /tg-hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\nContent-Length: 1000\r\n\r\n{"update_id": 5, "mess`);
        setTimeout(() => {
          sock.resetAndDestroy();
          resolve();
        }, 100);
      });
    });

    // Not listening on another address.
    await expect(new Promise((resolve, reject) => connect(port, '127.0.0.1', () => resolve('connected')).on('error', reject))).rejects.toThrow(/ECONNREFUSED/);

    // Still up, and still answering what Telegram sends.
    fake().command(dm.id, 77, '/help');
    await fake().waitFor(() => fake().sentTo(dm.id).length === 1, 10_000, 'reply after the hostile requests');
    expect(alive(svc)).toBe(true);
    expect(await svc.stop()).toBe(0);
  });

  it('a webhook update Telegram sends again (its answer lost) is handled once', async () => {
    const dm = fake().addChat(78, 'private');
    // In this process: what is tested is the service's answer to a repeated update, not that a process survives.
    const { svc, port } = await webhookServiceIn(fake(), {});
    const update = (update_id: number) => ({ update_id, message: { message_id: update_id, date: Math.floor(Date.now() / 1000), chat: { id: 78, type: 'private', first_name: 'A' }, from: { id: 78, is_bot: false, first_name: 'A' }, text: '/help', entities: [{ type: 'bot_command', offset: 0, length: 5 }] } });
    const post = (id: number) => fetch(`http://127.0.0.1:${port}/tg-hook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET }, body: JSON.stringify(update(id)) });
    expect((await post(900)).status).toBe(200);
    expect((await post(900)).status).toBe(200);
    // A chat's updates are answered in order: once 901 is answered, a second answer to 900 would be out.
    expect((await post(901)).status).toBe(200);
    await fake().waitFor(() => fake().sentTo(dm.id).length >= 2, 10_000, 'the replies');
    expect(fake().sentTo(dm.id)).toHaveLength(2);
    expect(await svc.stop()).toBe(0);
  });
});

describe('the webhook endpoint under a flood', () => {
  it('holds at most maxInFlight updates; beyond that it answers 503, and Telegram’s resend is taken once there is room', async () => {
    const port = await freePort();
    const handled: number[] = [];
    const finish: (() => void)[] = [];
    const server = new TelegramWebhookServer({
      host: '127.0.0.1',
      port,
      path: '/hook',
      secret: SECRET,
      maxInFlight: 2,
      log: createLogger({ level: 'silent', secrets: [] }),
      handle: (u) => {
        handled.push(u.update_id);
        return new Promise<undefined>((r) => finish.push(() => r(undefined))); // a reply waiting for its send slot
      },
      sendOwed: () => Promise.reject(new Error('nothing is kept here')),
    });
    await server.listen();
    const post = (update_id: number) =>
      fetch(`http://127.0.0.1:${port}/hook`, { method: 'POST', headers: { 'x-telegram-bot-api-secret-token': SECRET }, body: JSON.stringify({ update_id }) }).then((r) => r.status);
    expect([await post(1), await post(2), await post(3)]).toEqual([200, 200, 503]);
    expect(await post(2)).toBe(200); // one already taken, sent again: answered, not handled again
    finish.shift()!();
    await until(async () => (await post(3)) === 200, 5_000, 'room for the resent update');
    expect(handled).toEqual([1, 2, 3]);
    for (const f of finish.splice(0)) f();
    await server.close();
  });
});
