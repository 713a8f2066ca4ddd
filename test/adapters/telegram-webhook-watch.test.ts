/**
 * Issue 25, outside tester 28-1's F4: in webhook mode the service never noticed that its webhook was gone. A
 * second notecast polling with the same token deletes it at its start (as every long-polling start must:
 * core.telegram.org/bots/api#getupdates), and anyone may call deleteWebhook or setWebhook elsewhere; Telegram then
 * sends us nothing, and `/healthz` and `status` said "up". The webhook is now read back (getWebhookInfo) and set
 * again when it is gone or points elsewhere, said in the log, and `/healthz` and `status` show it, with Telegram's
 * last error delivering to it.
 */
import { describe, expect, it } from 'vitest';
import { statusOf } from '../helpers/cli.js';
import { useFakeTelegram } from '../helpers/fakes.js';
import { freePort } from '../helpers/net.js';
import { webhookServiceIn, WEBHOOK_TOKEN as TOKEN } from '../helpers/telegram-webhook.js';

const fake = useFakeTelegram({ token: TOKEN });
const ADMIN = 42;

interface Health {
  ok: boolean;
  checks: Record<string, boolean>;
  webhooks?: Record<string, { state: string; restored: number; failing?: boolean; lastError?: { message: string } }>;
}

describe('Telegram webhook kept', () => {
  it('sets the webhook again when another process deletes or replaces it, says so, and shows Telegram delivery errors', { timeout: 60_000 }, async () => {
    const group = fake().addChat(-100700, 'supergroup', { [ADMIN]: 'administrator' });
    const httpPort = await freePort();
    const { svc, sb } = await webhookServiceIn(fake(), {}, `    checkSeconds: 1\nhttp:\n  port: ${httpPort}\n`);
    // Another process with the same token, over the Bot API as any client calls it.
    const elsewhere = (method: string, body: Record<string, unknown> = {}) =>
      fetch(`${fake().apiRoot}/bot${TOKEN}/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const health = async () => (await (await fetch(`http://127.0.0.1:${httpPort}/healthz`)).json()) as Health;
    const answered = async (text: string, reply: RegExp) => {
      fake().command(group.id, ADMIN, text);
      await fake().waitFor(() => fake().sentTo(group.id).some((m) => reply.test(m.text)), 15_000, `the answer to ${text}`);
    };
    try {
      await answered('/subscribe', /^Subscribed/);

      // A polling start elsewhere (deleteWebhook): the command sent meanwhile waits at Telegram, then is answered.
      await elsewhere('deleteWebhook');
      await answered('/subscriptions', /Subscriptions here/);
      expect(svc.stderr).toMatch(/telegram webhook is gone: another process deleted or replaced the webhook/);
      expect(fake().webhook.url).toMatch(/\/tg-hook$/);

      // Another deployment's setWebhook to its own URL.
      await elsewhere('setWebhook', { url: 'http://127.0.0.1:9/other' });
      await answered('/help', /\/subscribe/);
      expect(svc.stderr).toMatch(/telegram webhook points elsewhere \(http:\/\/127\.0\.0\.1:9\/other\): another process deleted or replaced the webhook/);
      await svc.waitFor(() => /set again 2 times/.test(statusOf(sb.db).stdout), 10_000, `status saying it was set again: ${JSON.stringify(statusOf(sb.db))}`);
      const h = await health();
      expect(h, JSON.stringify(h)).toMatchObject({ ok: true });
      expect(h.webhooks?.telegram).toMatchObject({ state: 'set', restored: 2 });

      // Our URL with a secret that is not ours: Telegram's deliveries to us are refused (401), and say so.
      const ours = fake().webhook.url;
      await elsewhere('setWebhook', { url: ours, secret_token: 'not-ours' });
      fake().command(group.id, ADMIN, '/subscriptions');
      await svc.waitFor(() => /telegram cannot deliver updates to the webhook: .*Wrong response from the webhook: 401 Unauthorized/.test(svc.stderr), 15_000, 'the delivery error said');
      const failing = await health();
      expect(failing.ok).toBe(false);
      expect(failing.checks.telegram).toBe(false);
      expect(failing.webhooks?.telegram).toMatchObject({ state: 'set', failing: true, lastError: { message: 'Wrong response from the webhook: 401 Unauthorized' } });
      expect(statusOf(sb.db).stdout).toMatch(/telegram hook: .*Telegram's last error delivering to it: "Wrong response from the webhook: 401 Unauthorized" at .* \(failing now: updates wait\)/);
    } finally {
      await svc.stop();
    }
  });
});
