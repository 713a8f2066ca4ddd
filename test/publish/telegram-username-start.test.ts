/**
 * A Telegram route naming its channel by `@username` learns the chat's id by getChat at each start (publish/chat-names.ts).
 * Telegram may take a call and never answer (an outage, a stalled proxy: tdlib/telegram-bot-api#219 for calls left
 * unanswered): the names are asked at once under one deadline, so the start (every platform's deliveries, and
 * `sync --once`) waits one call timeout at most in all, never one per route (review rv-3 R3).
 */
import { afterAll, describe, expect } from 'vitest';
import { itWithFakes } from '../helpers/fakes.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { killLeftoverServices, sandbox } from '../helpers/service.js';

const parseThreads = fileParseThreads();
const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const it = itWithFakes({ telegram: { token: TOKEN } });
afterAll(killLeftoverServices);

describe.concurrent('@username routes at start', () => {
  it('three @username routes with getChat unanswered: all three names are asked at once, not one after another', { timeout: 90_000 }, async ({ telegram: fake }) => {
    const names = ['chan_a', 'chan_b', 'chan_c'];
    names.forEach((n, i) => (fake.addChat(-1002000 - i, 'channel', {}, n).username = n));
    const routes = names.map((n) => `  - platform: telegram\n    chat: "@${n}"\n`).join('');
    // A call timeout far past the test's waits: asked in turn, the second name would be asked only after it.
    const sb = sandbox(`watch:\n  quietMs: 200\ndelivery:\n  callTimeoutMs: 600000\n  baseDelayMs: 200\n  maxDelayMs: 500\ntelegram:\n  apiRoot: ${fake.apiRoot}\nroutes:\n${routes}`);
    fake.hangMethods.add('getChat');
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    const asked = await fake.waitFor(() => fake.held === 3, 20_000, 'the three getChat calls held at once').then(() => 3, () => fake.held);
    fake.release(); // the calls fail: each route sends by its name, and the start goes on
    await svc.ready();
    await svc.stop();
    expect(asked).toBe(3);
  });
});
