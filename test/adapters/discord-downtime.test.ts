/**
 * Issue 25, item 8 (Discord side): a Discord that accepts connections and never answers is given up
 * on within our own `delivery.callTimeoutMs` on every REST call, start-up included (the gateway
 * lookup `login` makes, command registration), one log line per call given up, and retried like a
 * Discord that is down. Before, the REST client's own 15 s applied, and nothing named the call.
 * In this process (InProcessCli, cliIn): what is tested is the calls given up, not the process.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fakes/discord/server.js';
import { cliIn } from '../helpers/cli.js';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox } from '../helpers/service.js';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';

let fake: FakeDiscord;

beforeEach(async () => {
  fake = await new FakeDiscord(TOKEN).start();
});
afterEach(async () => {
  await killLeftoverServices();
  await fake.stop();
});

const config = (extra = '') => `watch:\n  quietMs: 200\ndelivery:\n  callTimeoutMs: 1000\ndiscord:\n  api: ${fake.api}\n  registerCommands: false\n${extra}`;

describe('a Discord that accepts connections and never answers', () => {
  it('at start-up: the gateway lookup is given up after callTimeoutMs, a log line per attempt; it connects and posts once Discord answers', async () => {
    const guild = fake.addGuild();
    const ch = fake.addChannel(guild, 0, 'notes');
    fake.hangWhere = (method, p) => method === 'GET' && p === '/gateway/bot';
    const sb = sandbox(config(`routes:\n  - platform: discord\n    chat: "${ch.id}"\n`));
    const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN: TOKEN });
    await svc.ready(); // the rest of the service does not wait for Discord
    const attempts = () => svc.stderr.match(/discord GET \/gateway\/bot: no answer within 1000 ms; aborted/g)?.length ?? 0;
    await fake.waitFor(() => attempts() >= 2, 12_000, 'two timed-out gateway lookups');
    expect(svc.stderr).toMatch(/discord is unreachable; its deliveries wait in the outbox/);
    await fake.waitFor(() => fake.abandoned >= 2, 5_000, 'the timed-out calls closed by the client'); // aborted by us, not left hanging
    writeFileSync(path.join(sb.notes, 'held-en.md'), note('Written while Discord was silent', 'It waits in the outbox.'));
    fake.release();
    await fake.waitFor(() => fake.messagesIn(ch.id).length === 1, 30_000, 'the post once Discord answers');
    await svc.settled(20_000);
    expect(fake.messagesIn(ch.id)).toHaveLength(1);
    expect(await svc.stop()).toBe(0);
  }, 60_000);

  it('register-commands: the application lookup is given up after callTimeoutMs and said, exit 1', async () => {
    fake.hangWhere = (method, p) => method === 'GET' && p === '/applications/@me';
    const sb = sandbox(config());
    const started = Date.now();
    const r = await cliIn(['register-commands', '--config', sb.config, '--db', sb.db], { env: { DISCORD_TOKEN: TOKEN } });
    expect(r.stderr).toMatch(/discord GET \/applications\/@me: no answer within 1000 ms/);
    expect(r.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
