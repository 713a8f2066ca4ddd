/**
 * Issue 25, outside tester 32-1 F4 and F5 (adapters/telegram/kept-retry.ts, errors.ts `telegramNotAnswering`):
 * - F4: a command's reply Telegram answered 5xx stayed owed while the service ran, though Telegram took every later
 *   reply: only a call answered after one with no answer at all cued the replay, and a 5xx is an answer. Now any call
 *   Telegram serves (getUpdates aside) cues it, and a timer (`delivery.baseDelayMs` doubling) is the backstop.
 * - F5: a command whose getChatMember (the call it needs before it takes effect) was answered 5xx was dropped: no
 *   effect, no reply, not kept. A 5xx there is Telegram not answering, as no answer is: the update is kept and handled
 *   again (README, Connecting the chats: "One not carried out yet (its getChatMember unanswered) is handled again").
 * - Tester F3 (issue 25): the update kept in polling mode was logged as "kept in webhook mode"; the log names the mode.
 * The service in this process against the fake Telegram, in polling and webhook mode.
 */
import { describe, expect, it } from 'vitest';
import { COMMAND_FAILED_TEXT } from '../../src/commands/index.js';
import { statusOf } from '../helpers/cli.js';
import { useFakeTelegram } from '../helpers/fakes.js';
import { InProcessCli } from '../helpers/inproc.js';
import { sandbox, type Sandbox } from '../helpers/service.js';
import { keptIn, webhookServiceIn, WEBHOOK_SECRET, WEBHOOK_TOKEN } from '../helpers/telegram-webhook.js';

const fake = useFakeTelegram({ token: WEBHOOK_TOKEN });
const ADMIN = 42;
const ENV = { TELEGRAM_BOT_TOKEN: WEBHOOK_TOKEN };
/** A first timer try 30-60 s away: within a test's waits, only a call Telegram serves can send what is kept. */
const TIMER_FAR = 60_000;

const texts = (chat: number) => fake().sentTo(chat).map((m) => m.text);
const subscribedReplies = (chat: number) => texts(chat).filter((t) => /^(Already )?[Ss]ubscribed/.test(t));
const sendsTo = (chat: number) => fake().calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === chat);

/** Each user's command tokens: 2, none back within a test (`commands.burst`, `commands.refillMs`). */
const FEW_TOKENS = `commands:\n  burst: 2\n  refillMs: 600000\n`;

function pollingSandbox(baseDelayMs: number, extra = ''): Sandbox {
  return sandbox(`telegram:\n  apiRoot: ${fake().apiRoot}\n  registerCommands: false\ndelivery:\n  callTimeoutMs: 1500\n  baseDelayMs: ${baseDelayMs}\n${extra}`);
}

async function pollingService(sb: Sandbox): Promise<InProcessCli> {
  const svc = InProcessCli.start(sb, [], ENV);
  await svc.ready();
  await fake().waitFor(() => fake().calls.some((c) => c.method === 'getUpdates'), 10_000, 'polling');
  return svc;
}

/** Webhook checks every second (each a call Telegram serves), our call timeout short, and the timer as given. */
const webhookExtra = (baseDelayMs: number, extra = '') => `    checkSeconds: 1\ndelivery:\n  callTimeoutMs: 1500\n  baseDelayMs: ${baseDelayMs}\n${extra}`;

describe('a command reply Telegram answered 5xx (F4)', () => {
  it('polling: is sent once Telegram takes a reply in another chat, the command not run again', { timeout: 60_000 }, async () => {
    const owing = fake().addChat(-100971, 'supergroup', { [ADMIN]: 'creator' });
    const other = fake().addChat(-100972, 'supergroup', { [ADMIN]: 'creator' });
    const sb = pollingSandbox(TIMER_FAR);
    const svc = await pollingService(sb);
    try {
      owing.failNext = { count: 1 }; // the fake answers this chat's next send "500 Internal Server Error"
      fake().command(owing.id, ADMIN, '/subscribe');
      await svc.waitFor(() => /telegram did not confirm its reply/.test(svc.stderr), 15_000, 'the reply kept owed');
      expect(texts(owing.id)).toEqual([]);

      fake().command(other.id, ADMIN, '/help'); // its reply goes through: Telegram answers again
      await fake().waitFor(() => subscribedReplies(owing.id).length > 0, 15_000, 'the owed confirmation');
      expect(texts(other.id)).toHaveLength(1);
      expect(subscribedReplies(owing.id)).toEqual([expect.stringMatching(/^Subscribed \(#1\)/)]); // not "Already": not run again
      expect(statusOf(sb.db).stdout).toMatch(/subscriptions: +1\b/);
    } finally {
      await svc.stop();
    }
    expect(keptIn(sb.db)).toBe('[]');
  });

  it('webhook, across a stop: still 5xx at the start, sent at the first webhook check Telegram answers after it', { timeout: 60_000 }, async () => {
    const owing = fake().addChat(-100973, 'supergroup', { [ADMIN]: 'creator' });
    const { svc, sb } = await webhookServiceIn(fake(), {}, webhookExtra(TIMER_FAR));
    try {
      owing.failNext = { count: 1000 }; // every send there answered 5xx until the stop (each check cues a try)
      fake().command(owing.id, ADMIN, '/subscribe');
      await svc.waitFor(() => /telegram did not confirm its reply/.test(svc.stderr), 15_000, 'the reply kept owed');
    } finally {
      await svc.stop();
    }
    owing.failNext = { count: 1 }; // the start's own try answered 5xx too
    const startedAt = Date.now();
    const again = InProcessCli.start(sb, [], { ...ENV, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET });
    try {
      await again.ready();
      await fake().waitFor(() => subscribedReplies(owing.id).length > 0, 15_000, 'the owed confirmation');
      const tries = sendsTo(owing.id).filter((c) => c.at >= startedAt);
      expect(tries.map((c) => c.status)).toEqual([500, 200]); // the start's try, then one cued by a call Telegram served
      expect(fake().calls.some((c) => c.method === 'getWebhookInfo' && c.status === 200 && c.at > tries[0]!.at && c.at <= tries[1]!.at)).toBe(true);
      expect(subscribedReplies(owing.id)).toEqual([expect.stringMatching(/^Subscribed \(#1\)/)]);
    } finally {
      await again.stop();
    }
    expect(keptIn(sb.db)).toBe('[]');
  });

  it('polling, no other call served: the timer sends it (delivery.baseDelayMs, doubling), once', { timeout: 60_000 }, async () => {
    const owing = fake().addChat(-100974, 'supergroup', { [ADMIN]: 'creator' });
    const sb = pollingSandbox(200);
    const svc = await pollingService(sb);
    try {
      owing.failNext = { count: 3 }; // the reply and the timer's first two tries answered 5xx
      fake().command(owing.id, ADMIN, '/subscribe');
      await fake().waitFor(() => subscribedReplies(owing.id).length > 0, 20_000, 'the owed confirmation');
      expect(sendsTo(owing.id).map((c) => c.status)).toEqual([500, 500, 500, 200]);
      expect(subscribedReplies(owing.id)).toEqual([expect.stringMatching(/^Subscribed \(#1\)/)]);
    } finally {
      await svc.stop();
    }
    expect(keptIn(sb.db)).toBe('[]');
  });
});

/**
 * F5: /subscribe sent while every call but getUpdates answers 502; Telegram answers again once its getChatMember has met
 * that 4 times: more tries than the user's 2 command tokens, which a try of the same command must not spend.
 */
async function subscribeThrough502(chat: number, svc: InProcessCli, sb: Sandbox): Promise<void> {
  try {
    fake().failEveryCall = 502;
    const sentAt = Date.now();
    fake().command(chat, ADMIN, '/subscribe');
    await fake().waitFor(() => fake().calls.filter((c) => c.method === 'getChatMember' && c.at >= sentAt && c.status === 502).length >= 4, 20_000, 'getChatMember answered 502 four times');
    fake().failEveryCall = 0;
    await fake().waitFor(() => subscribedReplies(chat).length > 0, 20_000, 'the command handled again and answered');
    expect(subscribedReplies(chat)).toEqual([expect.stringMatching(/^Subscribed \(#1\)/)]);
    expect(texts(chat)).not.toContain(COMMAND_FAILED_TEXT);
    expect(statusOf(sb.db).stdout).toMatch(/subscriptions: +1\b/);
    expect(svc.stderr).not.toMatch(/telegram update failed/);
  } finally {
    fake().failEveryCall = 0;
    await svc.stop();
  }
  expect(keptIn(sb.db)).toBe('[]');
}

describe('a command whose getChatMember Telegram answered 5xx (F5)', () => {
  it('polling: is kept and handled again once Telegram answers: subscribed, answered once', { timeout: 60_000 }, async () => {
    const group = fake().addChat(-100975, 'supergroup', { [ADMIN]: 'administrator' });
    const sb = pollingSandbox(200, FEW_TOKENS);
    const svc = await pollingService(sb);
    await subscribeThrough502(group.id, svc, sb);
    // Tester F3: the log said such an update was "kept in webhook mode"; it names the mode it was kept in.
    expect(svc.stderr).toMatch(/a telegram update kept in polling mode \(telegram did not answer while it was handled\) is handled again now/);
    expect(svc.stderr).not.toMatch(/kept in webhook mode/);
  });

  it('webhook: the same', { timeout: 60_000 }, async () => {
    const group = fake().addChat(-100976, 'supergroup', { [ADMIN]: 'administrator' });
    const { svc, sb } = await webhookServiceIn(fake(), {}, webhookExtra(200, FEW_TOKENS));
    await subscribeThrough502(group.id, svc, sb);
  });
});
