/**
 * Webhook mode as a running service under Telegram's 20 messages a minute per group: the fake
 * Telegram posts updates to it the way telegram-bot-api's WebhookActor does
 * (test/fakes/telegram/webhook.ts). It waits out that minute, idle meanwhile: vitest.config.ts runs
 * it beside the soak, not on a worker of the other tests.
 */
import { describe, expect, it } from 'vitest';
import { useFakeTelegram } from '../helpers/fakes.js';
import { sleep } from '../helpers/service.js';
import { alive, webhookService, WEBHOOK_TOKEN } from '../helpers/telegram-webhook.js';

/**
 * Telegram's one message a second per chat, lowered on both sides (the fake and `telegram.rate`), so
 * the group's minute alone paces the replies past the 20th: the test is about that minute, not the
 * per-chat limit (its default, 1 s, is what the fake holds every other test to; telegram.test.ts and
 * telegram-pacer.test.ts cover it). At 1 s, the five replies past the minute took 4 s more to go out.
 */
const PER_CHAT_MS = 200;
const fake = useFakeTelegram({ token: WEBHOOK_TOKEN, limits: { globalPerSecond: 30, perChatMs: PER_CHAT_MS, perGroupPerMinute: 20 } });

describe('Telegram webhook mode', () => {
  it(
    'answers 25 /help in one group, paced past a minute, each update handled once, and stays up',
    async () => {
      const members = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [100 + i, 'member' as const]));
      const group = fake().addChat(-100500, 'supergroup', members);
      const { svc } = await webhookService(fake(), '127.0.0.1', `  rate:\n    perChatMs: ${PER_CHAT_MS}\n`);
      // People typing one after another, slow enough that the group's bounded backlog (6 waiting:
      // updates.ts) keeps each; the first five quickly, as the five replies past the minute follow
      // their times a minute later.
      for (let i = 0; i < 25; i++) {
        fake().command(group.id, 100 + i, '/help');
        await sleep(i < 5 ? 300 : 1100);
      }
      // The 21st reply waits for the group's minute (Telegram's 20 a minute), ~40 s after it was asked.
      await fake().waitFor(() => fake().sentTo(group.id).length === 25, 60_000, '25 replies').catch((e: Error) => {
        const statuses = fake().calls.filter((c) => c.method === 'sendMessage').map((c) => c.status);
        const notable = svc.stderr.split('\n').filter((l) => /dropped|failed|rate-limited|"level":[4-6]\d/.test(l));
        throw new Error(`${e.message}: ${fake().sentTo(group.id).length} sent, statuses ${statuses.join(' ')}, webhook answers ${fake().webhook.answers.join(' ')}\n${notable.join('\n')}`);
      });
      expect(alive(svc)).toBe(true);
      const sends = fake().calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === group.id);
      expect(sends.map((c) => c.status)).toEqual(Array(25).fill(200)); // paced: no 429, nothing refused
      expect(sends[20]!.at - sends[0]!.at).toBeGreaterThanOrEqual(59_000);
      // Telegram got its answer at once for every update, so sent none twice, and none was answered twice.
      expect([...fake().webhook.posts.values()]).toEqual(Array(25).fill(1));
      expect(fake().webhook.answers).toEqual(Array(25).fill(200));
      expect(svc.stderr).not.toMatch(/timed out/i);
      expect(await svc.stop()).toBe(0);
    },
    120_000,
  );
});
