/**
 * A fresh fake platform for every test of a file: started before each test, stopped after it, once
 * the services the test left running are gone (they would otherwise reconnect to a closed port).
 * `const fake = useFakeDiscord(TOKEN)` at the top of a file; `fake()` is the current test's server.
 */
import { afterEach, beforeEach } from 'vitest';
import { FakeDiscord } from '../fakes/discord/server.js';
import { FakeTelegram, type FakeTelegramOptions } from '../fakes/telegram/server.js';
import { killLeftoverServices } from './service.js';

function useFake<F extends { start(): Promise<F>; stop(): Promise<void> }>(make: () => F, what: string): () => F {
  let current: F | undefined;
  beforeEach(async () => {
    current = await make().start();
  });
  afterEach(async () => {
    await killLeftoverServices();
    await current?.stop();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error(`the fake ${what} runs only inside a test`);
    return current;
  };
}

/** The fake Discord (REST and gateway) of the current test, with `token` as the bot's token. */
export function useFakeDiscord(token: string): () => FakeDiscord {
  return useFake(() => new FakeDiscord(token), 'Discord');
}

/** The fake Telegram Bot API of the current test. */
export function useFakeTelegram(opts: FakeTelegramOptions): () => FakeTelegram {
  return useFake(() => new FakeTelegram(opts), 'Telegram');
}
