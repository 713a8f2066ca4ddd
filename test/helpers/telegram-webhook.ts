/** The service in Telegram webhook mode against the fake Telegram, which posts updates to it (test/fakes/telegram/webhook.ts). */
import type { FakeTelegram } from '../fakes/telegram/server.js';
import { Store } from '../../src/store/store.js';
import { InProcessCli, type ServiceWindows } from './inproc.js';
import { freePort } from './net.js';
import { sandbox, Service, type Sandbox } from './service.js';

export const WEBHOOK_TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
export const WEBHOOK_SECRET = 'hook-secret-123';

const WEBHOOK_ENV = { TELEGRAM_BOT_TOKEN: WEBHOOK_TOKEN, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET };

/** A sandbox whose service listens for the webhook on `host` (config `extra` added under `telegram:`). */
async function webhookSandbox(fake: FakeTelegram, host: string, extra: string): Promise<{ sb: Sandbox; port: number }> {
  const port = await freePort();
  const sb = sandbox(`telegram:\n  apiRoot: ${fake.apiRoot}\n  registerCommands: false\n  mode: webhook\n  webhook:\n    url: http://${host}:${port}\n    host: ${host}\n    port: ${port}\n    path: /tg-hook\n${extra}`);
  return { sb, port };
}

/** Starts it as a process on `host` (config `extra` added under `telegram:`), once Telegram has been told the webhook. */
export async function webhookService(fake: FakeTelegram, host = '127.0.0.1', extra = ''): Promise<{ svc: Service; port: number }> {
  const { sb, port } = await webhookSandbox(fake, host, extra);
  const svc = Service.start(sb, [], WEBHOOK_ENV);
  await svc.ready();
  await fake.waitFor(() => fake.calls.some((c) => c.method === 'setWebhook'), 10_000, 'setWebhook');
  return { svc, port };
}

/** The same in this process (InProcessCli), with the platform waits `windows` shortens; `prepare` writes its notes before the start. */
export async function webhookServiceIn(fake: FakeTelegram, windows: ServiceWindows, extra = '', prepare?: (sb: Sandbox) => void): Promise<{ svc: InProcessCli; port: number; sb: Sandbox }> {
  const { sb, port } = await webhookSandbox(fake, '127.0.0.1', extra);
  prepare?.(sb);
  const svc = InProcessCli.start(sb, [], WEBHOOK_ENV, undefined, undefined, windows);
  await svc.ready();
  await fake.waitFor(() => fake.calls.some((c) => c.method === 'setWebhook'), 10_000, 'setWebhook');
  return { svc, port, sb };
}

/** Whether the process still runs: an unhandled throw would have ended it. */
export const alive = (svc: Service): boolean => svc.proc.exitCode === null && svc.proc.signalCode === null;

/** The telegram updates kept in a stopped service's store (adapters/telegram/kept-updates.ts), as written. */
export function keptIn(db: string): string | undefined {
  const store = new Store(db);
  try {
    return store.getMeta('telegram.webhook.kept');
  } finally {
    store.close();
  }
}
