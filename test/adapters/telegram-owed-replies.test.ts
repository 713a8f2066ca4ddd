/**
 * Issue 25, outside tester 30-1's F2 and a reviewer's LOW: webhook mode (and polling, the same hole), an update carried out whose reply got no
 * answer from Telegram. Before, a /subscribe whose confirmation `sendMessage` hung was not kept: the subscription was
 * made and the confirmation never came, even once Telegram answered again. And a `/note` button whose note Telegram
 * took but whose answer was lost was kept as not handled, so it was handled again: a second answerCallbackQuery and the
 * note shown twice. Now (adapters/telegram/owed-replies.ts) an update carried out keeps its reply, exactly as it was to
 * be sent; a replay sends that reply alone (the command is never run again), also after a restart; a command's reply
 * is sent again even when it may have arrived (the same statement twice), a button's note that may be there is not.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import type { FakeTelegram } from '../fakes/telegram/server.js';
import { statusOf } from '../helpers/cli.js';
import { itWithFakes } from '../helpers/fakes.js';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox } from '../helpers/service.js';
import { keptIn, webhookServiceIn, WEBHOOK_SECRET, WEBHOOK_TOKEN } from '../helpers/telegram-webhook.js';

// Each test has a fake Telegram, folder and service of its own (the fixture): they run at once, each mostly waiting
// on our call timeout and the webhook's checks.
const it = itWithFakes({ telegram: { token: WEBHOOK_TOKEN } });
afterAll(killLeftoverServices);
const ADMIN = 42;
/** Webhook checks every second (each one a call Telegram answers: the replay's cue), and our call timeout short. */
const FAST = `    checkSeconds: 1\ndelivery:\n  callTimeoutMs: 1500\n`;
// In process, the checks every quarter second instead (TelegramAdapterOptions.webhookCheckMs; `notecast start` keeps
// checkSeconds): a check answered after Telegram answers again is the cue, not how soon it comes.
const CHECKS = { telegramWebhookCheckMs: 250 };

const texts = (fake: FakeTelegram, chat: number) => fake.sentTo(chat).map((m) => m.text);
const subscribedReplies = (fake: FakeTelegram, chat: number) => texts(fake, chat).filter((t) => /^(Already )?[Ss]ubscribed/.test(t));
/** The chat's next command is answered after everything before it there (one chat's updates in order). */
async function askSubscriptions(fake: FakeTelegram, chat: number): Promise<void> {
  const before = texts(fake, chat).filter((t) => /Subscriptions here|No subscriptions/.test(t)).length;
  fake.command(chat, ADMIN, '/subscriptions');
  await fake.waitFor(() => texts(fake, chat).filter((t) => /Subscriptions here|No subscriptions/.test(t)).length > before, 15_000, 'the reply to /subscriptions');
}

describe.concurrent('a webhook command carried out whose reply Telegram did not answer', () => {
  it('has that reply sent once Telegram answers again: one confirmation, one subscription, the command not run again', { timeout: 60_000 }, async ({ telegram: fake }) => {
    const group = fake.addChat(-100961, 'supergroup', { [ADMIN]: 'creator' });
    const { svc, sb } = await webhookServiceIn(fake, CHECKS, FAST);
    try {
      fake.hang = true; // sendMessage held unanswered; every other call (getChatMember, the webhook check) answered
      fake.command(group.id, ADMIN, '/subscribe');
      await fake.waitFor(() => fake.abandoned > 0, 15_000, 'the reply given up on (our timeout)');
      expect(statusOf(sb.db).stdout).toMatch(/subscriptions: +1\b/); // carried out before its reply
      fake.release(); // Telegram answers sends again; the next webhook check is the cue

      await fake.waitFor(() => subscribedReplies(fake, group.id).length > 0, 20_000, 'the confirmation');
      await askSubscriptions(fake, group.id);
      expect(subscribedReplies(fake, group.id)).toEqual([expect.stringMatching(/^Subscribed \(#1\)/)]); // not "Already subscribed": not run again
      expect(statusOf(sb.db).stdout).toMatch(/subscriptions: +1\b/);
    } finally {
      await svc.stop();
    }
    expect(keptIn(sb.db)).toBe('[]');
  });

  it('keeps that reply across a stop, and the next start sends it alone', { timeout: 60_000 }, async ({ telegram: fake }) => {
    const group = fake.addChat(-100962, 'supergroup', { [ADMIN]: 'creator' });
    const { svc, sb } = await webhookServiceIn(fake, CHECKS, FAST);
    try {
      fake.hang = true;
      fake.command(group.id, ADMIN, '/subscribe');
      await fake.waitFor(() => fake.abandoned > 0, 15_000, 'the reply given up on (our timeout)');
    } finally {
      await svc.stop();
    }
    fake.release();
    expect(texts(fake, group.id)).toEqual([]);

    const again = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: WEBHOOK_TOKEN, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET }, undefined, undefined, CHECKS);
    try {
      await again.ready();
      await fake.waitFor(() => subscribedReplies(fake, group.id).length > 0, 20_000, 'the confirmation after the restart');
      await askSubscriptions(fake, group.id);
      expect(subscribedReplies(fake, group.id)).toEqual([expect.stringMatching(/^Subscribed \(#1\)/)]);
      expect(statusOf(sb.db).stdout).toMatch(/subscriptions: +1\b/);
    } finally {
      await again.stop();
    }
    expect(keptIn(sb.db)).toBe('[]');
  });
});

describe.concurrent('a /note button whose note Telegram took but whose answer was lost', () => {
  it('is not handled again: the button answered once, the note shown once', { timeout: 60_000 }, async ({ telegram: fake }) => {
    const dm = fake.addChat(961, 'private');
    const { svc } = await webhookServiceIn(fake, CHECKS, FAST, (sb) => {
      writeFileSync(path.join(sb.notes, 'lemon-tea.md'), note('Lemon tea recipe', 'Boil water and add lemon to the tea.'));
      writeFileSync(path.join(sb.notes, 'lemon-coffee.md'), note('Coffee oddity', 'Some people add lemon to coffee.'));
    });
    try {
      await svc.indexed();
      fake.command(dm.id, ADMIN, '/note lemon');
      await fake.waitFor(() => texts(fake, dm.id).length === 1, 15_000, 'the /note answer');
      const answer = fake.sentTo(dm.id)[0]!;
      const button = (answer.replyMarkup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard[0]![0]!;

      fake.dropAnswers = { count: 1, methods: ['sendMessage'] }; // the note is in the chat; its answer is lost
      const pressedAt = Date.now();
      fake.push({ callback_query: { id: 'cb-owed', from: { id: ADMIN, is_bot: false, first_name: 'A' }, chat_instance: 'x', data: button.callback_data, message: { message_id: answer.messageId, date: 0, chat: { id: dm.id, type: 'private', first_name: 'A' } } } });
      await fake.waitFor(() => texts(fake, dm.id).length === 2 && fake.dropAnswers.count === 0, 15_000, 'the button answered');
      // A webhook check answered after the lost answer: Telegram answers again, when kept updates are taken up.
      await fake.waitFor(() => fake.calls.some((c) => c.method === 'getWebhookInfo' && c.at > pressedAt + 1500), 15_000, 'a webhook check');
      await askSubscriptions(fake, dm.id);

      // Acknowledged once: Telegram refuses a second answer to one press (the fake as it does), so a replay shows nothing more either.
      expect(fake.calls.filter((c) => c.method === 'answerCallbackQuery' && c.payload.callback_query_id === 'cb-owed')).toHaveLength(1);
      expect(texts(fake, dm.id).filter((t) => t.startsWith(button.text))).toHaveLength(1);
      expect(svc.stderr).not.toMatch(/telegram did not answer while this update was handled/);
    } finally {
      await svc.stop();
    }
  });
});

describe.concurrent('in polling mode too, a command carried out whose reply Telegram did not answer', () => {
  it('has that reply sent once Telegram answers again (the next poll), also after a restart', { timeout: 90_000 }, async ({ telegram: fake }) => {
    const group = fake.addChat(-100963, 'supergroup', { [ADMIN]: 'creator' });
    const sb = sandbox(`telegram:\n  apiRoot: ${fake.apiRoot}\n  registerCommands: false\ndelivery:\n  callTimeoutMs: 1500\n`);
    const env = { TELEGRAM_BOT_TOKEN: WEBHOOK_TOKEN };
    const svc = InProcessCli.start(sb, [], env);
    try {
      await svc.ready();
      fake.hang = true;
      fake.command(group.id, ADMIN, '/subscribe');
      await fake.waitFor(() => fake.abandoned > 0, 15_000, 'the reply given up on (our timeout)');
      fake.release();
      await askSubscriptions(fake, group.id); // its poll answered: Telegram answers again
      await fake.waitFor(() => subscribedReplies(fake, group.id).length > 0, 20_000, 'the confirmation');
      expect(subscribedReplies(fake, group.id)).toEqual([expect.stringMatching(/^Subscribed \(#1\)/)]);

      fake.hang = true; // a second chat's command, its reply owed when the service stops
      const other = fake.addChat(-100964, 'supergroup', { [ADMIN]: 'creator' });
      fake.command(other.id, ADMIN, '/subscribe');
      await fake.waitFor(() => fake.abandoned > 1, 15_000, 'the second reply given up on');
    } finally {
      await svc.stop();
    }
    fake.release();
    const again = InProcessCli.start(sb, [], env);
    try {
      await again.ready();
      await fake.waitFor(() => texts(fake, -100964).length > 0, 20_000, 'the confirmation after the restart');
      expect(texts(fake, -100964)).toEqual([expect.stringMatching(/^Subscribed \(#2\)/)]);
    } finally {
      await again.stop();
    }
    expect(keptIn(sb.db)).toBe('[]');
  });
});
