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
/** The REST client waits out rate limits up to `discord.rateLimitWaitMaxMs` (10 s by default, 1 s here)… */
const WAIT_MAX_MS = 1_000;
/** …and the crosspost's window is past it, as Discord's hour is past 10 s, with room for two posts inside it. */
const WINDOW_MS = 4_000;

describe('crossposts past Discord’s limit', () => {
  it('queues the crosspost and sends it when allowed; later posts are not held behind it', async () => {
    fake().crosspostLimit = { perChannel: 1, windowMs: WINDOW_MS };
    const guild = fake().addGuild();
    const news = fake().addChannel(guild, ChannelType.GuildAnnouncement, 'news');
    const sb = sandbox(`watch:\n  quietMs: 200\ndiscord:\n  api: ${fake().api}\n  registerCommands: false\n  rateLimitWaitMaxMs: ${WAIT_MAX_MS}\nroutes:\n  - platform: discord\n    chat: "${news.id}"\n    crosspost: true\n`);
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
    expect(Date.now() - firstAt).toBeLessThan(WINDOW_MS);
    expect(fake().messagesIn(news.id).map((m) => !!m.crossposted)).toEqual([true, false, false]);
    expect(fake().tooManyRequests).toBeGreaterThanOrEqual(1); // the long 429 came back, and was kept
    // …by the outbox: past rateLimitWaitMaxMs the REST queue gave the call up instead of waiting it out.
    expect(svc.stderr).toMatch(/delivery rate limited; will be sent when the platform allows/);

    fake().crosspostLimit = { perChannel: 2, windowMs: WINDOW_MS }; // room for both once the window ends (keeps the test short)
    await svc.idle(from, 30_000); // idle only once every queued crosspost is out
    expect(fake().messagesIn(news.id).map((m) => !!m.crossposted)).toEqual([true, true, true]);
    await svc.stop();
    expect(statusOf(sb.db).stdout).toMatch(/ 0 failed, 0 skipped/);
  }, 60_000);
});
