/**
 * Issue 25, outside tester 27-1's F2: one 409 Conflict on getUpdates (a webhook set on the same bot for a moment by
 * another deployment, or a second poller) ended grammY's runner for good (@grammyjs/runner rethrows 401 and 409) and
 * notecast only logged "telegram polling stopped": chat commands went unanswered until a restart, nothing frozen
 * said. Polling now starts again (adapters/telegram/polling.ts), and a command sent after the conflict is answered.
 */
import { describe, expect, it } from 'vitest';
import { useFakeTelegram } from '../helpers/fakes.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { sandbox } from '../helpers/service.js';

const parseThreads = fileParseThreads();
const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const ADMIN = 11;
const fake = useFakeTelegram({ token: TOKEN });

describe('Telegram polling after a 409 Conflict', () => {
  it('starts again: a command sent after another deployment set (and removed) a webhook is answered', { timeout: 60_000 }, async () => {
    const group = fake().addChat(-100601, 'supergroup', { [ADMIN]: 'administrator' });
    const sb = sandbox(`telegram:\n  apiRoot: ${fake().apiRoot}\n  registerCommands: false\n`);
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    try {
      await svc.ready();
      await fake().waitFor(() => fake().calls.some((c) => c.method === 'getUpdates'), 10_000, 'polling');
      expect(fake().calls.filter((c) => c.status === 409)).toEqual([]);
      // Another deployment's setWebhook: the running long poll ends with 409, and getUpdates is refused with 409 while
      // it is set (tdlib/telegram-bot-api Client.cpp). The 409 answers the poll that was waiting, made before this call.
      fake().setWebhook({ url: 'http://127.0.0.1:9/elsewhere', secret: undefined });
      await fake().waitFor(() => fake().calls.some((c) => c.method === 'getUpdates' && c.status === 409), 40_000, 'the 409');
      await svc.waitFor(() => /telegram polling stopped; starting it again/.test(svc.stderr), 10_000, 'the restart said');
      // Started again as a start does: the webhook deleted (updates go to a webhook while one is set), then polled.
      const conflictAt = Math.max(...fake().calls.filter((c) => c.status === 409).map((c) => c.at));
      await fake().waitFor(() => fake().calls.some((c) => c.method === 'getUpdates' && c.status === 200 && c.at > conflictAt), 20_000, 'polling again');
      fake().command(group.id, ADMIN, '/subscribe');
      await fake().waitFor(() => fake().sentTo(group.id).some((m) => m.text.startsWith('Subscribed')), 20_000, 'the answer to /subscribe');
    } finally {
      await svc.stop();
    }
  });
});
