/**
 * Webhook mode under Telegram's 20 messages a minute per group: the fake Telegram posts updates to
 * the service the way telegram-bot-api's WebhookActor does (test/fakes/telegram/webhook.ts). The
 * service runs in this process (InProcessCli) so the group's window can be shortened on both sides
 * (TelegramAdapterOptions.groupWindowMs, the fake's `limits.groupWindowMs`): the test is about the
 * order and counts the window imposes, not its length (the pacer's 60 s is telegram-pacer.test.ts's,
 * on a fake clock). It waits out that window, idle meanwhile: vitest.config.ts runs it beside the soak.
 */
import { describe, expect, it } from 'vitest';
import { useFakeTelegram } from '../helpers/fakes.js';
import { sleep } from '../helpers/service.js';
import { webhookServiceIn, WEBHOOK_TOKEN } from '../helpers/telegram-webhook.js';

/**
 * Telegram's one message a second per chat, lowered on both sides (the fake and `telegram.rate`), so
 * the group's window alone paces the replies past the 20th: the test is about that window, not the
 * per-chat limit (its default, 1 s, is what the fake holds every other test to; telegram.test.ts and
 * telegram-pacer.test.ts cover it). At 1 s, the five replies past the minute took 4 s more to go out.
 */
const PER_CHAT_MS = 200;
/**
 * The group's window, for Telegram's minute: the 21st command comes ~11 s after the first (below),
 * so the window still holds it back ~9 s, with room for a loaded machine's slower replies.
 */
const GROUP_WINDOW_MS = 20_000;
const fake = useFakeTelegram({ token: WEBHOOK_TOKEN, limits: { globalPerSecond: 30, perChatMs: PER_CHAT_MS, perGroupPerMinute: 20, groupWindowMs: GROUP_WINDOW_MS } });

describe('Telegram webhook mode', () => {
  it(
    'answers 25 /help in one group, paced past the group’s window, each update handled once, and stays up',
    async () => {
      const members = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [100 + i, 'member' as const]));
      const group = fake().addChat(-100500, 'supergroup', members);
      const { svc } = await webhookServiceIn(fake(), { telegramGroupWindowMs: GROUP_WINDOW_MS }, `  rate:\n    perChatMs: ${PER_CHAT_MS}\n`);
      let exited = false;
      void svc.exited.then(() => (exited = true));
      // People typing one after another, slow enough (3 replies' time apart) that the group's bounded
      // backlog (6 waiting: updates.ts) keeps each; the first five quickly, as the five replies past
      // the window follow their times a window later.
      for (let i = 0; i < 25; i++) {
        fake().command(group.id, 100 + i, '/help');
        await sleep(i < 5 ? 300 : 600);
      }
      // The 21st reply waits for the group's window (Telegram's 20 a minute).
      await fake().waitFor(() => fake().sentTo(group.id).length === 25, GROUP_WINDOW_MS + 20_000, '25 replies').catch((e: Error) => {
        const statuses = fake().calls.filter((c) => c.method === 'sendMessage').map((c) => c.status);
        const notable = svc.stderr.split('\n').filter((l) => /dropped|failed|rate-limited|"level":[4-6]\d/.test(l));
        throw new Error(`${e.message}: ${fake().sentTo(group.id).length} sent, statuses ${statuses.join(' ')}, webhook answers ${fake().webhook.answers.join(' ')}\n${notable.join('\n')}`);
      });
      // Still running (an unhandled throw in this process would also fail the test run itself).
      expect(exited).toBe(false);
      const sends = fake().calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === group.id);
      expect(sends.map((c) => c.status)).toEqual(Array(25).fill(200)); // paced: no 429, nothing refused
      // Each of the five past the 20th went out a window after the one 20 before it.
      for (let k = 20; k < 25; k++) expect(sends[k]!.at - sends[k - 20]!.at).toBeGreaterThanOrEqual(GROUP_WINDOW_MS - 1000);
      // Telegram got its answer at once for every update, so sent none twice, and none was answered twice.
      expect([...fake().webhook.posts.values()]).toEqual(Array(25).fill(1));
      expect(fake().webhook.answers).toEqual(Array(25).fill(200));
      expect(svc.stderr).not.toMatch(/timed out/i);
      expect(await svc.stop()).toBe(0);
    },
    120_000,
  );
});
