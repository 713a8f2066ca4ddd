/**
 * Crossposts are limited to about 10 a channel an hour (test/fakes/discord/server.ts, crosspostLimit,
 * shortened here): the long 429 is not swallowed. The crosspost waits in the outbox, in a lane of its
 * own, and goes out when the limit allows, while the channel's later posts go out at once.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ChannelType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { useFakeDiscord } from '../helpers/fakes.js';
import { statusOf } from '../helpers/cli.js';
import { InProcessCli } from '../helpers/inproc.js';
import { note, sandbox } from '../helpers/service.js';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';

const fake = useFakeDiscord(TOKEN);

describe('crossposts past Discord’s limit', () => {
  it('queues the crosspost and sends it when allowed; later posts are not held behind it', async () => {
    // One an 11-second window: past the REST client's 10-second wait, as an hour is.
    fake().crosspostLimit = { perChannel: 1, windowMs: 11_000 };
    const guild = fake().addGuild();
    const news = fake().addChannel(guild, ChannelType.GuildAnnouncement, 'news');
    const sb = sandbox(`watch:\n  quietMs: 200\ndiscord:\n  api: ${fake().api}\n  registerCommands: false\nroutes:\n  - platform: discord\n    chat: "${news.id}"\n    crosspost: true\n`);
    const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN: TOKEN });
    await svc.ready();
    let from = await svc.settled();
    writeFileSync(path.join(sb.notes, 'first-en.md'), note('First news', 'Published.'));
    await svc.idle(from);
    const [first] = fake().messagesIn(news.id);
    expect(first!.crossposted).toBe(true);
    const firstAt = Date.now();

    from = svc.events.length;
    writeFileSync(path.join(sb.notes, 'second-en.md'), note('Second news', 'Limited.'));
    await fake().waitFor(() => fake().messagesIn(news.id).length === 2, 10_000, 'the second post');
    writeFileSync(path.join(sb.notes, 'third-en.md'), note('Third news', 'Not held.'));
    await fake().waitFor(() => fake().messagesIn(news.id).length === 3, 10_000, 'the third post');
    // Both posts are out inside the first crosspost's window: neither waited for its crosspost.
    expect(Date.now() - firstAt).toBeLessThan(11_000);
    expect(fake().messagesIn(news.id).map((m) => !!m.crossposted)).toEqual([true, false, false]);
    expect(fake().tooManyRequests).toBeGreaterThanOrEqual(1); // the long 429 came back, and was kept

    fake().crosspostLimit = { perChannel: 2, windowMs: 11_000 }; // room for both once the window ends (keeps the test short)
    await svc.idle(from, 30_000); // idle only once every queued crosspost is out
    expect(fake().messagesIn(news.id).map((m) => !!m.crossposted)).toEqual([true, true, true]);
    await svc.stop();
    expect(statusOf(sb.db).stdout).toMatch(/ 0 failed, 0 skipped/);
  }, 60_000);
});
