/**
 * A fresh fake platform for every test of a file: started before each test, stopped after it, once
 * the services the test left running are gone (they would otherwise reconnect to a closed port).
 * `const fake = useFakeDiscord(TOKEN)` at the top of a file; `fake()` is the current test's server.
 */
import { afterEach, beforeEach, test } from 'vitest';
import { FakeDiscord } from '../fakes/discord/server.js';
import { FakeTelegram, type FakeTelegramOptions } from '../fakes/telegram/server.js';
import { InProcessCli, type ServiceWindows } from './inproc.js';
import { killLeftoverServices, killServicesUsing, sandbox, type Sandbox } from './service.js';

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

/**
 * For tests run at once (`describe.concurrent`), where `useFake…`'s one current fake cannot serve:
 * `it` whose context holds a fake of the test's own, `it('…', async ({ telegram, discord }) => …)`,
 * each started when the test first names it and stopped after the test, once the services the
 * test left talking to it are gone.
 */
export function itWithFakes(o: { discordToken?: string; telegram?: FakeTelegramOptions }) {
  return test.extend<{ discord: FakeDiscord; telegram: FakeTelegram }>({
    // eslint-disable-next-line no-empty-pattern -- vitest reads the fixtures a fixture uses from this pattern
    discord: async ({}, use) => {
      if (!o.discordToken) throw new Error('itWithFakes: no discordToken given');
      const fake = await new FakeDiscord(o.discordToken).start();
      await use(fake);
      await killServicesUsing(fake.api);
      await fake.stop();
    },
    // eslint-disable-next-line no-empty-pattern -- as above
    telegram: async ({}, use) => {
      if (!o.telegram) throw new Error('itWithFakes: no telegram options given');
      const fake = await new FakeTelegram(o.telegram).start();
      await use(fake);
      await killServicesUsing(fake.apiRoot);
      await fake.stop();
    },
  });
}

/** The fake Discord (REST and gateway) of the current test, with `token` as the bot's token. */
export function useFakeDiscord(token: string): () => FakeDiscord {
  return useFake(() => new FakeDiscord(token), 'Discord');
}

/** The fake Telegram Bot API of the current test. */
export function useFakeTelegram(opts: FakeTelegramOptions): () => FakeTelegram {
  return useFake(() => new FakeTelegram(opts), 'Telegram');
}

/**
 * `start` in process against both fakes (`config` adds to the platforms' keys), once Discord's
 * gateway has identified and Telegram is being polled: what a chat's command can reach.
 */
export async function startBesideFakes(discord: FakeDiscord, telegram: FakeTelegram, tokens: { DISCORD_TOKEN: string; TELEGRAM_BOT_TOKEN: string }, config: string): Promise<{ sb: Sandbox; svc: InProcessCli }> {
  const sb = sandbox(`${config}discord:\n  api: ${discord.api}\ntelegram:\n  apiRoot: ${telegram.apiRoot}\n`);
  const svc = InProcessCli.start(sb, [], tokens);
  await svc.ready();
  await discord.identified();
  await telegram.waitFor(() => telegram.calls.some((c) => c.method === 'getUpdates'), 10_000, 'polling');
  return { sb, svc };
}

/**
 * `start` in process in `sb`, once Discord's gateway has identified and the start's work is done; `windows`: platform waits
 * shortened (ServiceWindows), for a test not about their length.
 */
export async function startedWithDiscord(sb: Sandbox, discord: FakeDiscord, token: string, windows?: ServiceWindows): Promise<InProcessCli> {
  const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN: token }, undefined, undefined, windows);
  await svc.ready();
  await discord.identified();
  await svc.settled();
  return svc;
}
