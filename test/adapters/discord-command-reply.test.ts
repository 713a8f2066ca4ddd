/**
 * Issue 25: a Discord slash command carried out whose reply never reached Discord (the interaction callback refused
 * with a 5xx, or taken and its answer lost) is not apologised for: before, the adapter's error handler then answered
 * the interaction "Sorry, something went wrong" about a /subscribe that was done (Telegram's path was mended the same
 * way: telegram-command-reply.test.ts). The reply's failure is logged; the command's effect stands.
 */
import { afterAll, describe, expect } from 'vitest';
import { COMMAND_FAILED_TEXT } from '../../src/commands/index.js';
import { Store } from '../../src/store/store.js';
import { itWithFakes } from '../helpers/fakes.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { killLeftoverServices, sandbox } from '../helpers/service.js';

const parseThreads = fileParseThreads();
const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
const MANAGE_CHANNELS = 1n << 4n;
const it = itWithFakes({ discordToken: DISCORD_TOKEN });
afterAll(killLeftoverServices);

const REPLY_LOST = 'command done; its reply may not have reached the chat';

describe.concurrent('a Discord command done whose reply did not reach Discord', () => {
  it('a callback refused with 502: no apology is sent, the subscription stands, the log says so', async ({ discord: fake }) => {
    const guild = fake.addGuild();
    const ch = fake.addChannel(guild, 0, 'news');
    const sb = sandbox(`discord:\n  api: ${fake.api}\n  registerCommands: false\n`);
    const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN }, undefined, parseThreads);
    await svc.ready();
    await fake.identified();
    fake.failCallbacks = { count: 1, status: 502 };
    let answered: { data?: Record<string, unknown> } | undefined;
    void fake.interact({ type: 2, guild, channel: ch.id, permissions: MANAGE_CHANNELS, name: 'subscribe' }).then((r) => (answered = r));
    // Either the adapter's word on the lost reply, or (before the fix) the error handler's apology taken by Discord.
    await svc.waitFor(() => svc.stderr.includes(REPLY_LOST) || answered !== undefined, 20_000, 'the reply handled');
    expect(answered?.data?.content).not.toBe(COMMAND_FAILED_TEXT);
    expect(svc.stderr).not.toContain('discord interaction failed');
    await svc.stop();
    const store = new Store(sb.db);
    expect(store.subscriptions().map((s) => s.target.chat)).toEqual([ch.id]);
    store.close();
  });

  it('a callback taken and its answer lost (the connection dropped): no second callback, the unsubscribe stands', async ({ discord: fake }) => {
    const guild = fake.addGuild();
    const ch = fake.addChannel(guild, 0, 'news');
    const sb = sandbox(`discord:\n  api: ${fake.api}\n  registerCommands: false\n`);
    const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN }, undefined, parseThreads);
    await svc.ready();
    await fake.identified();
    const command = (name: string) => fake.interact({ type: 2, guild, channel: ch.id, permissions: MANAGE_CHANNELS, name });
    expect((await command('subscribe')).data?.content).toMatch(/Subscribed/);
    const callbacks = () => fake.requests.filter((r) => r.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(r.path)).length;
    const before = callbacks();
    fake.dropAnswers = { count: 1, where: (method, path) => method === 'POST' && path.endsWith('/callback') };
    const shown = await command('unsubscribe'); // taken by Discord: the user sees it, the bot never hears so
    expect(shown.data?.content).toMatch(/Unsubscribed/);
    await svc.waitFor(() => svc.stderr.includes(REPLY_LOST) || svc.stderr.includes('discord interaction failed'), 20_000, 'the reply handled');
    expect(svc.stderr).toContain(REPLY_LOST);
    expect(callbacks() - before).toBe(1); // before the fix, a second callback: the apology (refused 40060, already acknowledged)
    await svc.stop();
    const store = new Store(sb.db);
    expect(store.subscriptions()).toEqual([]);
    store.close();
  });
});
