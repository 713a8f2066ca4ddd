/**
 * Issue 25: a gateway connection still being made when its shard is destroyed, reset afterwards. @discordjs/ws's
 * `WebSocketShard.destroy` clears the connection's error handler and leaves a CONNECTING connection open, so its reset
 * was an uncaught `ECONNRESET` that ended the service (CI on 26020f8; discordjs/discord.js#7964, #10382). Here: the
 * service is stopped while its shard's reconnect waits in the opening handshake (a gateway outage), and the fake resets
 * that connection after the stop (test/fakes/discord/held-handshakes.ts). The connection keeps our listener
 * (src/adapters/discord/gateway-shards.ts): the reset is a debug line, not an uncaught exception.
 */
import { ChannelType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { useFakeDiscord } from '../helpers/fakes.js';
import { InProcessCli } from '../helpers/inproc.js';
import { sandbox } from '../helpers/service.js';
import { until } from '../helpers/until.js';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
const fake = useFakeDiscord(TOKEN);

describe('a Discord gateway connection reset after its shard was destroyed', () => {
  it('stopped while a reconnect waits in its handshake, then reset: logged, no uncaught exception', async () => {
    const uncaught: unknown[] = [];
    const seen = (e: unknown) => void uncaught.push(e);
    // The monitor sees an uncaught exception before vitest's own handler keeps the worker alive; it swallows nothing.
    process.on('uncaughtExceptionMonitor', seen);
    try {
      const channel = fake().addChannel(fake().addGuild(), ChannelType.GuildText, 'notes');
      const sb = sandbox(`discord:\n  api: ${fake().api}\n  registerCommands: false\nroutes:\n  - platform: discord\n    chat: "${channel.id}"\n`);
      const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN: TOKEN });
      await svc.ready();
      await fake().identified();
      fake().handshakes.holding = true;
      fake().disconnect(); // 4000, resumable: the shard connects again, and that connection is held in its handshake
      await fake().waitFor(() => fake().handshakes.count > 0, 15_000, 'the reconnect held in its handshake');
      expect(await svc.stop()).toBe(0); // the client destroys the shard while its connection is CONNECTING
      fake().handshakes.reset();
      await until(() => uncaught.length > 0 || /let go of ended/.test(svc.stderr), 15_000, 'the reset reaching the client');
      expect(uncaught.map(String)).toEqual([]);
      expect(svc.stderr).toMatch(/"err":"[^"]*ECONNRESET[^"]*".*a gateway connection its shard had let go of ended; nothing uses it/);
    } finally {
      process.off('uncaughtExceptionMonitor', seen);
    }
  });
});
