/**
 * Issue 25, outside tester 28-1's F4: in webhook mode the service never noticed that its webhook was gone. A
 * second notecast polling with the same token deletes it at its start (as every long-polling start must:
 * core.telegram.org/bots/api#getupdates), and anyone may call deleteWebhook or setWebhook elsewhere; Telegram then
 * sends us nothing, and `/healthz` and `status` said "up". The webhook is now read back (getWebhookInfo) and set
 * again when it is gone or points elsewhere, said in the log, and `/healthz` and `status` show it, with Telegram's
 * last error delivering to it.
 */
import { afterAll, describe, expect } from 'vitest';
import { statusOf } from '../helpers/cli.js';
import { itWithFakes } from '../helpers/fakes.js';
import { freePort } from '../helpers/net.js';
import { killLeftoverServices } from '../helpers/service.js';
import { webhookServiceIn, WEBHOOK_TOKEN as TOKEN } from '../helpers/telegram-webhook.js';

// Each test gets its own fake Telegram (the fixture), so the two run at once (each on its own service, port and fake).
const it = itWithFakes({ telegram: { token: TOKEN } });
// The webhook read back every quarter second (in process only: TelegramAdapterOptions.webhookCheckMs), not every
// `checkSeconds: 1`: what a check finds and does, the back-off's doubling and its counts are the point, not a second's
// length. The contest's window, its bound and "every check again" are counted in checks, as they were in seconds.
const CHECK_MS = 250;
afterAll(killLeftoverServices);
const ADMIN = 42;

interface Health {
  ok: boolean;
  checks: Record<string, boolean>;
  webhooks?: Record<string, { state: string; restored: number; failing?: boolean; lastError?: { message: string } }>;
}

describe.concurrent('Telegram webhook kept', () => {
  it('sets the webhook again when another process deletes or replaces it, says so, and shows Telegram delivery errors', { timeout: 60_000 }, async ({ telegram: fake }) => {
    const group = fake.addChat(-100700, 'supergroup', { [ADMIN]: 'administrator' });
    const httpPort = await freePort();
    const { svc, sb } = await webhookServiceIn(fake, { telegramWebhookCheckMs: CHECK_MS }, `http:\n  port: ${httpPort}\n`);
    // Another process with the same token, over the Bot API as any client calls it.
    const elsewhere = (method: string, body: Record<string, unknown> = {}) =>
      fetch(`${fake.apiRoot}/bot${TOKEN}/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const health = async () => (await (await fetch(`http://127.0.0.1:${httpPort}/healthz`)).json()) as Health;
    const answered = async (text: string, reply: RegExp) => {
      fake.command(group.id, ADMIN, text);
      await fake.waitFor(() => fake.sentTo(group.id).some((m) => reply.test(m.text)), 15_000, `the answer to ${text}`);
    };
    try {
      await answered('/subscribe', /^Subscribed/);

      // A polling start elsewhere (deleteWebhook): the command sent meanwhile waits at Telegram, then is answered.
      await elsewhere('deleteWebhook');
      await answered('/subscriptions', /Subscriptions here/);
      expect(svc.stderr).toMatch(/telegram webhook is gone: another process deleted or replaced the webhook/);
      expect(fake.webhook.url).toMatch(/\/tg-hook$/);

      // Another deployment's setWebhook to its own URL.
      await elsewhere('setWebhook', { url: 'http://127.0.0.1:9/other' });
      await answered('/help', /\/subscribe/);
      expect(svc.stderr).toMatch(/telegram webhook points elsewhere \(http:\/\/127\.0\.0\.1:9\/other\): another process deleted or replaced the webhook/);
      await svc.waitFor(() => /set again 2 times/.test(statusOf(sb.db).stdout), 10_000, `status saying it was set again: ${JSON.stringify(statusOf(sb.db))}`);
      const h = await health();
      expect(h, JSON.stringify(h)).toMatchObject({ ok: true });
      expect(h.webhooks?.telegram).toMatchObject({ state: 'set', restored: 2 });

      // Our URL with a secret that is not ours: Telegram's deliveries to us are refused (401), and say so.
      const ours = fake.webhook.url;
      await elsewhere('setWebhook', { url: ours, secret_token: 'not-ours' });
      fake.command(group.id, ADMIN, '/subscriptions');
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

  it('two deployments on one token: the checks back off, one line names the other host, status shows it elsewhere; it resets when the webhook stays ours', { timeout: 90_000 }, async ({ telegram: fake }) => {
    const httpPort = await freePort();
    const { svc, sb } = await webhookServiceIn(fake, { telegramWebhookCheckMs: CHECK_MS }, `http:\n  port: ${httpPort}\n`);
    const ours = fake.webhook.url;
    const other = 'http://other-deployment.example:8443/tg';
    // The other deployment: whenever it finds our URL there, it sets its own back (as this service does).
    let fighting = true;
    const otherSets = () => fake.calls.filter((c) => c.method === 'setWebhook' && c.payload.url === other).length;
    const fight = setInterval(() => {
      if (fighting && fake.webhook.url === ours) void fetch(`${fake.apiRoot}/bot${TOKEN}/setWebhook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: other }) });
    }, 10); // well within the two checks (2 × CHECK_MS) that make a re-take a contest, on a loaded machine too
    const oursSets = () => fake.calls.filter((c) => c.method === 'setWebhook' && c.payload.url === ours).length;
    try {
      await svc.waitFor(() => /taken again by other-deployment\.example:8443 soon after we set it: two deployments on one bot token/.test(svc.stderr), 20_000, 'the contest said');
      const from = oursSets();
      const startedAt = Date.now();
      await svc.waitFor(() => Date.now() - startedAt >= 7 * CHECK_MS, 10_000, 'seven checks of the contest');
      // Every check before the fix: 7 or more re-sets in 7 checks' time; backed off (2, 4, 8 checks…), at most 3.
      expect(oursSets() - from).toBeLessThanOrEqual(3);
      expect(otherSets()).toBeGreaterThan(0);
      expect(svc.stderr.match(/taken again by other-deployment/g)).toHaveLength(1);
      const status = statusOf(sb.db).stdout;
      expect(status).toMatch(/telegram hook: +points elsewhere \(http:\/\/other-deployment\.example:8443\/tg\).*taken again and again by other-deployment\.example:8443/);
      const h = (await (await fetch(`http://127.0.0.1:${httpPort}/healthz`)).json()) as Health;
      expect(h.webhooks?.telegram).toMatchObject({ state: 'elsewhere' });

      // The other deployment stops: the next check finds it ours, and checks go back to every CHECK_MS.
      fighting = false;
      await svc.waitFor(() => /telegram webhook stayed ours/.test(svc.stderr), 40_000, 'the contest over');
      const h2 = (await (await fetch(`http://127.0.0.1:${httpPort}/healthz`)).json()) as Health;
      expect(h2.webhooks?.telegram).toMatchObject({ state: 'set' });
      const checks = () => fake.calls.filter((c) => c.method === 'getWebhookInfo').length;
      const c0 = checks();
      await svc.waitFor(() => checks() >= c0 + 2, 5_000, 'checks every second again');
    } finally {
      clearInterval(fight);
      await svc.stop();
    }
  });
});
