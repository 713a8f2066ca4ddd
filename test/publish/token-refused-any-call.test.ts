/**
 * Issue 25, outside tester 29-1's F1. A bot token revoked while the service runs, on a quiet blog (no note saved
 * after it): `status` said "telegram: up since …" and `/healthz` answered 200 `up` in webhook mode while every
 * command's reply and every webhook check met 401; in polling mode "polling stopped: the bot token was refused" was
 * logged and the state still said up. Only a delivery's 401 set `refused`. README: "refused while running (revoked or
 * replaced) … `status` shows it as `telegram: token refused since …` … `/healthz` answers 503 with the same state".
 * Now any call answered 401 sets the one state (publish/connections.ts), and a start with a valid token clears it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusOf } from '../helpers/cli.js';
import { useFakeTelegram } from '../helpers/fakes.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { freePort } from '../helpers/net.js';
import { sandbox, type Sandbox } from '../helpers/service.js';
import { webhookServiceIn, WEBHOOK_TOKEN as TOKEN } from '../helpers/telegram-webhook.js';

const parseThreads = fileParseThreads();
const NEW_TOKEN = '123456:NEW-token-zyxwvutsrqponmlkjihgfedcba';
const ADMIN = 42;
const fake = useFakeTelegram({ token: TOKEN });

interface Health {
  ok: boolean;
  platforms: Record<string, { state: string; reason?: string }>;
}

const health = async (port: number) => {
  const r = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { status: r.status, body: (await r.json()) as Health };
};

/** Waits until `status` and `/healthz` both say the token is refused, and checks what they say. */
async function saysRefused(svc: InProcessCli, sb: Sandbox, httpPort: number, call: RegExp): Promise<void> {
  await svc.waitFor(() => /telegram: +token refused since/.test(statusOf(sb.db).stdout), 15_000, `status saying the token is refused: ${statusOf(sb.db).stdout}`);
  const h = await health(httpPort);
  expect(h.status).toBe(503);
  expect(h.body.platforms.telegram, JSON.stringify(h.body)).toMatchObject({ state: 'refused', reason: expect.stringMatching(call) as unknown });
  expect(svc.stderr).toMatch(/telegram refused the bot token \(401 Unauthorized: revoked or replaced\?\)/);
}

describe('a bot token refused while running, met by a call that is no delivery', () => {
  it('webhook mode: a command whose reply meets 401 sets the refused state', { timeout: 60_000 }, async () => {
    const group = fake().addChat(-100901, 'supergroup', { [ADMIN]: 'creator' });
    const httpPort = await freePort();
    // No webhook check for an hour: the reply is the only call that meets the 401.
    const { svc, sb } = await webhookServiceIn(fake(), {}, `    checkSeconds: 3600\nhttp:\n  port: ${httpPort}\n`);
    try {
      fake().revokeToken(NEW_TOKEN);
      fake().command(group.id, ADMIN, '/subscriptions');
      await saysRefused(svc, sb, httpPort, /sendMessage: 401/);
    } finally {
      await svc.stop();
    }
  });

  it('webhook mode: the webhook check (getWebhookInfo) meeting 401 sets it, with no command and no note', { timeout: 60_000 }, async () => {
    const httpPort = await freePort();
    const { svc, sb } = await webhookServiceIn(fake(), {}, `    checkSeconds: 1\nhttp:\n  port: ${httpPort}\n`);
    try {
      fake().revokeToken(NEW_TOKEN);
      await saysRefused(svc, sb, httpPort, /getWebhookInfo: 401/);
    } finally {
      await svc.stop();
    }
  });

  it('polling mode: getUpdates meeting 401 sets it; a start with the valid token clears it', { timeout: 60_000 }, async () => {
    const httpPort = await freePort();
    const sb = sandbox(`telegram:\n  apiRoot: ${fake().apiRoot}\n  registerCommands: false\nhttp:\n  port: ${httpPort}\n`);
    writeFileSync(path.join(sb.notes, 'seed.md'), '---\ntitle: Seed\n---\nSeed.\n');
    let svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    await svc.ready();
    try {
      fake().revokeToken(NEW_TOKEN);
      // A message that is no command (nothing replies to it) ends the long poll under way; the next one meets the 401.
      const group = fake().addChat(-100903, 'supergroup', { [ADMIN]: 'creator' });
      fake().command(group.id, ADMIN, 'hello there', { entities: [] });
      await saysRefused(svc, sb, httpPort, /getUpdates: 401/);
    } finally {
      await svc.stop();
    }
    expect(statusOf(sb.db).stdout).toMatch(/telegram: +token refused since/); // kept after a stop, for the operator

    svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: NEW_TOKEN }, undefined, parseThreads);
    await svc.ready();
    try {
      await svc.waitFor(() => /telegram: +up since/.test(statusOf(sb.db).stdout), 15_000, `status saying up: ${statusOf(sb.db).stdout}`);
      const h = await health(httpPort);
      expect(h.status, JSON.stringify(h.body)).toBe(200);
      expect(h.body.platforms.telegram?.state).toBe('up');
    } finally {
      await svc.stop();
    }
  });
});
