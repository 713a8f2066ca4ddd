/**
 * Telegram after downtime and when it goes silent: commands that waited out an outage are not run
 * late, and a server that accepts connections and never answers is given up on within our own
 * `delivery.callTimeoutMs`, start-up calls included, one log line per attempt.
 */
import { afterAll, describe, expect } from 'vitest';
import { STALE_COMMAND_TEXT } from '../../src/adapters/telegram/updates.js';
import { Store } from '../../src/store/store.js';
import { itWithFakes } from '../helpers/fakes.js';
import type { FakeTelegram } from '../fakes/telegram/server.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { killLeftoverServices, sandbox } from '../helpers/service.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const ADMIN = 11;

// The tests run at once, each with a fake Telegram and a service of its own (they mostly wait on
// quiet periods, retries and the platform's pace); whatever a failed test left is stopped at the end.
const it = itWithFakes({ telegram: { token: TOKEN } });
afterAll(killLeftoverServices);

/** The test's own fake, and the helpers that talk to it. */
function withFake(theFake: FakeTelegram) {
  const fake = () => theFake;

  const config = (extra = '') => `telegram:\n  apiRoot: ${fake().apiRoot}\n  registerCommands: false\n${extra}`;
  return { fake, config };
}

describe.concurrent('commands sent while the service was down', () => {
  it('are not run; the chat is told once; a command sent now is answered', async ({ telegram }) => {
    const { fake, config } = withFake(telegram);
    const group = fake().addChat(-100300, 'supergroup', { [ADMIN]: 'administrator' });
    const anHourAgo = Math.floor(Date.now() / 1000) - 3600;
    // Waiting in Telegram's queue from before the start, as after an hour of downtime.
    fake().command(group.id, ADMIN, '/subscribe lang:en', { date: anHourAgo });
    fake().command(group.id, ADMIN, '/note lemon', { date: anHourAgo + 60 });
    fake().command(group.id, ADMIN, '/help');
    const sb = sandbox(config());
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    await svc.ready();
    await fake().waitFor(() => fake().sentTo(group.id).length >= 2, 10_000, 'the replies');
    const texts = fake().sentTo(group.id).map((m) => m.text);
    expect(texts[0]).toBe(STALE_COMMAND_TEXT);
    expect(texts[1]).toMatch(/announce new notes/); // the /help, answered: the chat's updates are handled in order
    expect(texts).toHaveLength(2);
    expect(await svc.stop()).toBe(0);
    const store = new Store(sb.db);
    expect(store.subscriptions()).toEqual([]); // the hour-old /subscribe was not applied
    store.close();
    expect(svc.stderr).toMatch(/stale command not run/);
  });
});

describe.concurrent('a Telegram that accepts connections and never answers', () => {
  it('is given up on after delivery.callTimeoutMs at start-up, a log line per attempt, and connects once it answers', async ({ telegram }) => {
    const { fake, config } = withFake(telegram);
    const dm = fake().addChat(66, 'private');
    fake().hangEverything = true;
    const sb = sandbox(config('delivery:\n  callTimeoutMs: 1000\n'));
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    await svc.ready(); // the rest of the service does not wait for Telegram
    const attempts = () => svc.stderr.match(/telegram getMe: no answer within 1000 ms/g)?.length ?? 0;
    await fake().waitFor(() => attempts() >= 2, 15_000, 'two timed-out getMe attempts');
    expect(svc.stderr).toMatch(/telegram is unreachable; its deliveries wait in the outbox/);
    await fake().waitFor(() => fake().abandoned >= 2, 5_000, 'the timed-out calls closed by the client'); // aborted by us, not left hanging
    fake().release();
    await fake().waitFor(() => fake().calls.some((c) => c.method === 'getUpdates'), 20_000, 'polling after the silence');
    fake().command(dm.id, 66, '/help');
    await fake().waitFor(() => fake().sentTo(dm.id).length === 1, 10_000, 'a reply');
    expect(await svc.stop()).toBe(0);
  });
});

describe.concurrent('a command reply Telegram answers 429', () => {
  it('is sent once more after retry_after, not replaced by an apology', async ({ telegram }) => {
    const { fake, config } = withFake(telegram);
    const dm = fake().addChat(67, 'private');
    const svc = InProcessCli.start(sandbox(config()), [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    await svc.ready();
    await fake().waitFor(() => fake().calls.some((c) => c.method === 'getUpdates'), 10_000, 'polling');
    fake().forced429 = 1; // Telegram's count of the chat differs from ours (a slow trip, another client)
    fake().command(dm.id, 67, '/help');
    await fake().waitFor(() => fake().sentTo(dm.id).length === 1, 10_000, 'the reply');
    expect(fake().sentTo(dm.id)[0]!.text).toMatch(/announce new notes/);
    expect(fake().tooManyRequests).toBe(1);
    expect(await svc.stop()).toBe(0);
  });
});
