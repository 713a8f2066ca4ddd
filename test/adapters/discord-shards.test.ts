/**
 * A bot in more guilds than one shard holds: the fake recommends `shards` from Get Gateway Bot and
 * closes an unsharded session with 4011 Sharding required (test/fakes/discord/server.ts, identify);
 * notecast starts, every shard connects, and announcements and commands work on each.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ChannelType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { useFakeDiscord } from '../helpers/fakes.js';
import { InProcessCli } from '../helpers/inproc.js';
import { note, sandbox } from '../helpers/service.js';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';

const fake = useFakeDiscord(TOKEN);

describe('sharding', () => {
  it('starts on a bot in more guilds than one shard may hold, one session per recommended shard', async () => {
    fake().guildsPerShard = 2; // 2,500 on Discord
    fake().maxConcurrency = 2;
    // Snowflakes whose `>> 22` are 1, 2, 3: shards 1, 0, 1 of 2.
    const guilds = [1n, 2n, 3n].map((k) => fake().addGuild(`g${k}`, String(k << 22n)));
    expect(fake().recommendedShards).toBe(2);
    const channels = guilds.map((g) => fake().addChannel(g, ChannelType.GuildText, 'notes'));
    const routes = channels.map((c) => `  - platform: discord\n    chat: "${c.id}"\n`).join('');
    const sb = sandbox(`watch:\n  quietMs: 200\ndiscord:\n  api: ${fake().api}\n  registerCommands: false\nroutes:\n${routes}`);
    const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN: TOKEN });
    await svc.ready();
    await fake().waitFor(() => fake().connectedShards.length === 2, 15_000, 'both shards');
    expect(fake().shardingRequired).toBe(0);
    const from = await svc.settled();
    writeFileSync(path.join(sb.notes, 'sharded-en.md'), note('Many servers', 'Sent to each.'));
    await svc.idle(from);
    for (const c of channels) expect(fake().messagesIn(c.id)).toHaveLength(1);
    // A command from a guild on each shard is answered on that shard's session.
    for (const g of guilds.slice(0, 2)) {
      const help = await fake().interact({ type: 2, guild: g, channel: channels[guilds.indexOf(g)]!.id, name: 'help' });
      expect(String(help.data?.content)).toMatch(/announce new notes/);
    }
    await svc.stop();
  });
});
