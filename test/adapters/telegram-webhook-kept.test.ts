/**
 * Issue 25, outside tester 29-1's F6. Webhook mode, our calls to Telegram refused (egress down) while its webhook
 * posts still reach us: a group admin's /subscribe was answered 200 at once, its getChatMember failed, and the update
 * was gone: no subscription, no reply ever, and Telegram never sent it again. README: "a command is answered or told
 * to wait, never left without a reply". As in polling mode, where such an update waits at Telegram, it now waits in
 * the store (adapters/telegram/kept-updates.ts) and is handled once Telegram answers, or at the next start; the same
 * update sent again meanwhile (Telegram re-sends when our answer is lost) is never run twice (its update_id).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusOf } from '../helpers/cli.js';
import { useFakeTelegram } from '../helpers/fakes.js';
import { InProcessCli } from '../helpers/inproc.js';
import { keptIn, webhookServiceIn, WEBHOOK_SECRET, WEBHOOK_TOKEN } from '../helpers/telegram-webhook.js';

const fake = useFakeTelegram({ token: WEBHOOK_TOKEN });
const ADMIN = 42;

/** A group admin's /subscribe as Telegram posts it to the webhook (core.telegram.org/bots/api#update). */
function subscribeUpdate(update_id: number, chat: number) {
  const message = { message_id: update_id, date: Math.floor(Date.now() / 1000), chat: { id: chat, type: 'supergroup', title: 'G' }, from: { id: ADMIN, is_bot: false, first_name: 'A', language_code: 'en' }, text: '/subscribe', entities: [{ type: 'bot_command', offset: 0, length: 10 }] };
  return { update_id, message };
}

/** Posts an update to our webhook, as Telegram does; its status. */
async function postUpdate(port: number, update: object): Promise<number> {
  const r = await fetch(`http://127.0.0.1:${port}/tg-hook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET }, body: JSON.stringify(update) });
  return r.status;
}

const subscribedReplies = (chat: number) => fake().sentTo(chat).filter((m) => m.text.startsWith('Subscribed'));

/**
 * A webhook-mode service takes `/subscribe` (update `updateId`) while its calls to Telegram are refused: the update is
 * kept in the store; the service stops and Telegram answers again. What the next start does with it is the test's.
 */
async function keptAcrossStop(chat: number, updateId: number) {
  const group = fake().addChat(chat, 'supergroup', { [ADMIN]: 'creator' });
  const { svc, sb, port } = await webhookServiceIn(fake(), {}, `    checkSeconds: 3600\n`);
  try {
    await fake().refuseConnections(true);
    expect(await postUpdate(port, subscribeUpdate(updateId, group.id))).toBe(200);
    await svc.waitFor(() => /telegram did not answer while this update was handled/.test(svc.stderr), 15_000, 'the update kept');
  } finally {
    await svc.stop();
  }
  expect(keptIn(sb.db)).toMatch(new RegExp(`"update_id":${updateId}`));
  await fake().refuseConnections(false);
  return { group, sb, port };
}

describe('a webhook update whose handling met Telegram not answering', () => {
  it('is handled once Telegram answers: one reply, one subscription, even when Telegram sent it twice', { timeout: 60_000 }, async () => {
    const group = fake().addChat(-100951, 'supergroup', { [ADMIN]: 'creator' });
    const { svc, sb, port } = await webhookServiceIn(fake(), {}, `    checkSeconds: 1\n`);
    try {
      await fake().refuseConnections(true); // our calls to Telegram refused; its posts to us still arrive
      expect(await postUpdate(port, subscribeUpdate(7001, group.id))).toBe(200);
      await svc.waitFor(() => /telegram did not answer while this update was handled/.test(svc.stderr), 15_000, 'the update kept');
      expect(await postUpdate(port, subscribeUpdate(7001, group.id))).toBe(200); // Telegram's resend: not a second command
      await fake().refuseConnections(false);

      await fake().waitFor(() => subscribedReplies(group.id).length > 0, 20_000, 'the reply to /subscribe');
      // The chat's next command is answered after it (one chat's updates in order): a second run would be before.
      fake().command(group.id, ADMIN, '/subscriptions');
      await fake().waitFor(() => fake().sentTo(group.id).some((m) => /Subscriptions here/.test(m.text)), 15_000, 'the reply to /subscriptions');
      expect(subscribedReplies(group.id)).toHaveLength(1);
      expect(statusOf(sb.db).stdout).toMatch(/subscriptions: +1\b/);

      // The subscription took effect: a note saved now reaches the chat.
      writeFileSync(path.join(sb.notes, 'alpha.md'), '---\ntitle: Alpha\n---\nAlpha body about maple trees.\n');
      await fake().waitFor(() => fake().sentTo(group.id).some((m) => m.text.startsWith('Alpha')), 20_000, 'the note in the chat');
    } finally {
      await svc.stop();
    }
    expect(keptIn(sb.db)).toBe('[]');
  });

  it('waits in the store across a stop, and is handled at the next start', { timeout: 60_000 }, async () => {
    const { group, sb, port } = await keptAcrossStop(-100952, 7101);

    const again = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: WEBHOOK_TOKEN, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET });
    try {
      await again.ready();
      await fake().waitFor(() => subscribedReplies(group.id).length > 0, 20_000, 'the reply to /subscribe after the restart');
      expect(await postUpdate(port, subscribeUpdate(7101, group.id))).toBe(200); // Telegram's resend after the restart: not run again
      fake().command(group.id, ADMIN, '/subscriptions');
      await fake().waitFor(() => fake().sentTo(group.id).some((m) => /Subscriptions here/.test(m.text)), 15_000, 'the reply to /subscriptions');
      expect(subscribedReplies(group.id)).toHaveLength(1);
    } finally {
      await again.stop();
    }
    expect(keptIn(sb.db)).toBe('[]');
  });

  it('kept by a webhook-mode run, is handled by a polling-mode start (not left in the store)', { timeout: 60_000 }, async () => {
    const { group, sb } = await keptAcrossStop(-100953, 7201);
    // The operator switches to polling mode (the webhook lines gone).
    writeFileSync(sb.config, readFileSync(sb.config, 'utf8').replace(/  mode: webhook\n  webhook:\n(    .*\n)*/, ''));

    const again = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: WEBHOOK_TOKEN });
    try {
      await again.ready();
      await fake().waitFor(() => subscribedReplies(group.id).length > 0, 20_000, 'the reply to /subscribe in polling mode');
      expect(again.stderr).toMatch(/a telegram update kept in webhook mode is handled now, in polling mode/);
      expect(statusOf(sb.db).stdout).toMatch(/subscriptions: +1\b/);
    } finally {
      await again.stop();
    }
    expect(subscribedReplies(group.id)).toHaveLength(1);
    expect(keptIn(sb.db)).toBe('[]');
  });
});
