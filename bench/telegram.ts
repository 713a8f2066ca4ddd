/**
 * Issue 5's benchmark: one note announced to N subscribed Telegram chats through grammY against
 * the fake Bot API enforcing Telegram's limits; messages per second as a ratio of the 30/s limit.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { FakeTelegram } from '../test/fakes/telegram/server.js';
import { Store } from '../src/store/store.js';
import { machine } from './lib.js';
import { benchWorkspace, startBenchService, waitUntil } from './service.js';

const TOKEN = '424242:BENCH-token-abcdefghijklmnopqrstuvwxyz';

export async function benchTelegram(chats = 1000): Promise<Record<string, unknown>> {
  const fake = await new FakeTelegram({ token: TOKEN }).start();
  const ws = benchWorkspace('telegram', `watch:\n  quietMs: 200\nlog:\n  level: warn\ntelegram:\n  apiRoot: ${fake.apiRoot}\n`);
  const store = new Store(ws.db);
  for (let i = 1; i <= chats; i++) {
    fake.addChat(i, 'private');
    store.subscribe({ platform: 'telegram', chat: String(i), thread: '' }, {});
  }
  store.close();
  const svc = await startBenchService(ws, { TELEGRAM_BOT_TOKEN: TOKEN });
  writeFileSync(path.join(ws.notes, 'big-news-en.md'), '---\ntitle: Big news\n---\n\nOne note for a thousand chats.\n');
  await waitUntil(() => fake.messages.length >= chats, 10 * 60_000);
  await new Promise((r) => setTimeout(r, 500));
  await svc.stop();
  const sends = fake.calls.filter((c) => c.method === 'sendMessage' && c.status === 200).map((c) => c.at);
  const seconds = (Math.max(...sends) - Math.min(...sends)) / 1000;
  const rate = (sends.length - 1) / seconds;
  const after = new Store(ws.db);
  const s = after.status();
  after.close();
  await fake.stop();
  return {
    bench: 'Telegram fan-out (issue 5)',
    machine: machine(),
    chats,
    delivered: new Set(fake.messages.map((m) => m.chatId)).size,
    messagesPerSecond: Math.round(rate * 10) / 10,
    ratioOfLimit: Math.round((rate / 30) * 1000) / 1000,
    target: '>= 0.9 of 30/s',
    http429: fake.tooManyRequests,
    outboxFailed: s.outbox.failed ?? 0,
    outboxDone: s.outbox.done ?? 0,
  };
}
