/** The service as a process in Telegram webhook mode against the fake Telegram, which posts updates to it (test/fakes/telegram/webhook.ts). */
import type { FakeTelegram } from '../fakes/telegram/server.js';
import { freePort } from './net.js';
import { sandbox, Service } from './service.js';

export const WEBHOOK_TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
export const WEBHOOK_SECRET = 'hook-secret-123';

/** Starts it on `host` (config `extra` added under `telegram:`), once Telegram has been told the webhook. */
export async function webhookService(fake: FakeTelegram, host = '127.0.0.1', extra = ''): Promise<{ svc: Service; port: number }> {
  const port = await freePort();
  const sb = sandbox(`telegram:\n  apiRoot: ${fake.apiRoot}\n  registerCommands: false\n  mode: webhook\n  webhook:\n    url: http://${host}:${port}\n    host: ${host}\n    port: ${port}\n    path: /tg-hook\n${extra}`);
  const svc = Service.start(sb, [], { TELEGRAM_BOT_TOKEN: WEBHOOK_TOKEN, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET });
  await svc.ready();
  await fake.waitFor(() => fake.calls.some((c) => c.method === 'setWebhook'), 10_000, 'setWebhook');
  return { svc, port };
}

/** Whether the process still runs: an unhandled throw would have ended it. */
export const alive = (svc: Service): boolean => svc.proc.exitCode === null && svc.proc.signalCode === null;
