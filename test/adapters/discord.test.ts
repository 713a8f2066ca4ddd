import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import type { FakeDiscord } from '../fakes/discord/server.js';
import { itWithFakes } from '../helpers/fakes.js';
import { statusOf } from '../helpers/cli.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox } from '../helpers/service.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
const MANAGE_CHANNELS = 1n << 4n;

// The tests run at once, each with a fake Discord and a service of its own (they mostly wait on
// quiet periods, retries and timeouts); whatever a failed test left is stopped at the end.
const it = itWithFakes({ discordToken: TOKEN });
afterAll(killLeftoverServices);

/** The test's own fake and what it reads of it. */
function withFake(fake: FakeDiscord) {
  const config = (extra = '') => `watch:\n  quietMs: 200\ndiscord:\n  api: ${fake.api}\n${extra}`;
  const startService = async (sb: ReturnType<typeof sandbox>) => {
    const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN: TOKEN }, undefined, parseThreads);
    await svc.ready();
    await fake.identified();
    return svc;
  };
  const subscribe = (guild: string, channel: string, permissions: bigint, options: Record<string, unknown>[] = []) =>
    fake.interact({ type: 2, guild, channel, permissions, name: 'subscribe', options });
  return { fake: () => fake, config, startService, subscribe };
}

describe.concurrent('Discord through discord.js against the fake REST API and gateway', () => {
  it('registers localized commands once, checks Manage Channels, and announces as an embed in matching channels', async ({ discord }) => {
    const { fake, config, startService, subscribe } = withFake(discord);
    const guild = fake().addGuild();
    const a = fake().addChannel(guild, 0, 'english');
    const b = fake().addChannel(guild, 5, 'chinese-news');
    const sb = sandbox(config());
    const svc = await startService(sb);
    await fake().waitFor(() => fake().commandPuts === 1, 10_000, 'commands registered');
    const cmds = fake().commands.get('global') as { name: string; default_member_permissions: string | null; description_localizations: Record<string, string> }[];
    expect(cmds.map((c) => c.name).sort()).toEqual(['help', 'latest', 'note', 'subscribe', 'subscriptions', 'unsubscribe']);
    expect(cmds.find((c) => c.name === 'subscribe')!.default_member_permissions).toBe('16');
    expect(cmds.find((c) => c.name === 'note')!.description_localizations).toMatchObject({ ja: expect.any(String), hi: expect.any(String), 'zh-CN': expect.any(String), 'es-ES': expect.any(String) });

    const denied = await subscribe(guild, a.id, 0n, [{ type: 3, name: 'lang', value: 'en' }]);
    expect(String(denied.data?.content)).toMatch(/only admins/);
    const ok = await subscribe(guild, a.id, MANAGE_CHANNELS, [{ type: 3, name: 'lang', value: 'en' }]);
    expect(String(ok.data?.content)).toMatch(/Subscribed/);
    await subscribe(guild, b.id, MANAGE_CHANNELS, [{ type: 3, name: 'lang', value: 'zh' }]);

    const file = path.join(sb.notes, 'ping-en.md');
    const from = svc.events.length;
    writeFileSync(file, note('@everyone look *here*', 'Hey @here and <@&123> read this. Stars 2 * 3 * 4_5 stay literal.'));
    await fake().waitFor(() => fake().messagesIn(a.id).length === 1, 15_000, 'announcement');
    await svc.idle(from); // every delivery it caused is out
    expect(fake().messagesIn(b.id)).toHaveLength(0);
    const msg = fake().messagesIn(a.id)[0]!;
    expect(msg.allowed_mentions).toEqual({ parse: [] });
    expect(msg.nonce).toMatch(/^[0-9a-f]{24}$/);
    expect(JSON.stringify(msg.embeds)).not.toMatch(/@everyone|@here|<@&123>/);
    expect(msg.embeds[0]!.description).toContain('2 \\* 3 \\* 4\\_5');

    writeFileSync(file, note('@everyone look *here*', 'Now a different first sentence.'));
    await fake().waitFor(() => msg.edits === 1, 15_000, 'edit');
    expect(msg.embeds[0]!.description).toContain('Now a different first sentence.');

    await svc.stop();
    const again = await startService(sb);
    await again.waitFor(() => /discord commands unchanged/.test(again.stderr), 15_000, 'the registration compared');
    expect(fake().commandPuts).toBe(1); // unchanged commands are not registered again
  });

  it('posts to a forum channel as a post titled with the note', async ({ discord }) => {
    const { fake, config, startService, subscribe } = withFake(discord);
    const guild = fake().addGuild();
    const forum = fake().addChannel(guild, 15, 'notes-forum');
    const sb = sandbox(config(`routes:\n  - platform: discord\n    chat: "${forum.id}"\n`));
    const svc = await startService(sb);
    writeFileSync(path.join(sb.notes, 'forum-en.md'), note('Forum title here', 'Forum body text.'));
    await fake().waitFor(() => [...fake().channels.values()].some((c) => c.parent_id === forum.id), 15_000, 'forum post');
    const thread = [...fake().channels.values()].find((c) => c.parent_id === forum.id)!;
    expect(thread.name).toBe('Forum title here');
    expect(fake().messagesIn(thread.id)[0]!.embeds[0]!.title).toBe('Forum title here');
  });

  it('autocompletes /note within the deadline and replies in the user’s locale; /latest lists notes', async ({ discord }) => {
    const { fake, config, startService, subscribe } = withFake(discord);
    const guild = fake().addGuild();
    const ch = fake().addChannel(guild);
    const sb = sandbox(config());
    writeFileSync(path.join(sb.notes, '2025-01-01-tea-en.md'), note('Lemon tea recipe', 'Boil water and add lemon.', 'lang: en\n'));
    writeFileSync(path.join(sb.notes, '2025-01-01-tea-hi.md'), note('नींबू चाय की विधि', 'पानी उबालें और नींबू डालें।', 'lang: hi\ntranslated: true\n'));
    const svc = await startService(sb);
    await svc.indexed();
    const sent = Date.now();
    const ac = await fake().interact({ type: 4, guild, channel: ch.id, name: 'note', locale: 'hi', options: [{ type: 3, name: 'query', value: 'lemo', focused: true }] });
    expect(ac.type).toBe(8);
    expect(ac.at - sent).toBeLessThan(3000);
    const choices = ac.data!.choices as { name: string; value: string }[];
    expect(choices[0]!.name).toBe('नींबू चाय की विधि');
    // The lookup makes the note's summary first (a first run defers them; the summariser loads then): under load past
    // Discord's 3 s, so it may be acknowledged with a deferred response and edited (interactions/receiving-and-responding.mdx).
    const asked = Date.now();
    const reply = await fake().interactAnswer({ type: 2, guild, channel: ch.id, name: 'note', locale: 'hi', options: [{ type: 3, name: 'query', value: choices[0]!.value }] });
    expect([4, 5]).toContain(reply.type);
    expect(reply.at - asked).toBeLessThan(3000);
    const embed = (reply.data!.embeds as { title: string }[])[0]!;
    expect(embed.title).toBe('नींबू चाय की विधि');
    expect(reply.data!.flags).toBe(64); // ephemeral lookups by default
    const en = await fake().interact({ type: 2, guild, channel: ch.id, name: 'note', locale: 'en-US', options: [{ type: 3, name: 'query', value: 'lemon tea' }] });
    expect((en.data!.embeds as { title: string }[])[0]!.title).toBe('Lemon tea recipe');
    const latest = await fake().interact({ type: 2, guild, channel: ch.id, name: 'latest', options: [{ type: 4, name: 'count', value: 3 }] });
    expect(JSON.stringify(latest.data!.embeds)).toContain('Lemon tea recipe');
  });

  it('loses and doubles nothing through a 429 storm and a gateway disconnect mid fan-out', async ({ discord }) => {
    const { fake, config, startService, subscribe } = withFake(discord);
    const guild = fake().addGuild();
    const chans = Array.from({ length: 8 }, (_, i) => fake().addChannel(guild, 0, `c${i}`));
    const sb = sandbox(config(`publish:\n  digest:\n    threshold: 100\nroutes:\n${chans.map((c) => `  - platform: discord\n    chat: "${c.id}"\n`).join('')}`));
    const svc = await startService(sb);
    fake().forced429 = 10;
    const from = svc.events.length;
    for (let i = 0; i < 4; i++) writeFileSync(path.join(sb.notes, `n${i}-en.md`), note(`Note ${i}`, `Body ${i}.`));
    await fake().waitFor(() => fake().messages.length >= 4, 15_000, 'fan-out started');
    fake().disconnect();
    await fake().waitFor(() => fake().resumes === 1 && fake().connected, 15_000, 'resume');
    await fake().waitFor(() => chans.every((c) => fake().messagesIn(c.id).length === 4), 30_000, 'every delivery');
    await svc.idle(from);
    for (const c of chans) expect(fake().messagesIn(c.id).map((m) => m.embeds[0]!.title).sort()).toEqual(['Note 0', 'Note 1', 'Note 2', 'Note 3']);
    expect(fake().tooManyRequests).toBeGreaterThanOrEqual(10);
    // The client still answers commands after resuming.
    const help = await fake().interact({ type: 2, guild, channel: chans[0]!.id, name: 'help' });
    expect(String(help.data!.content)).toMatch(/announce new notes/);
  });

  it('pauses forbidden and missing channels and says why in status', async ({ discord }) => {
    const { fake, config, startService, subscribe } = withFake(discord);
    const guild = fake().addGuild();
    const forbidden = fake().addChannel(guild, 0, 'secret', 'forbidden');
    const noperms = fake().addChannel(guild, 0, 'readonly', 'noperms');
    const fine = fake().addChannel(guild, 0, 'fine');
    // Channel 999 is said gone until its GONE_ANSWERS-th answer, each after its own backoff: short ones here.
    const sb = sandbox(config(`delivery:\n  baseDelayMs: 5\n  maxDelayMs: 20\nroutes:\n  - platform: discord\n    chat: "${forbidden.id}"\n  - platform: discord\n    chat: "${noperms.id}"\n  - platform: discord\n    chat: "999"\n  - platform: discord\n    chat: "${fine.id}"\n`));
    const svc = await startService(sb);
    writeFileSync(path.join(sb.notes, 'x-en.md'), note('Reach', 'Reaching every channel.'));
    await fake().waitFor(() => fake().messagesIn(fine.id).length === 1, 15_000, 'delivery');
    await svc.settled(); // every channel's outcome recorded
    await svc.stop();
    const status = statusOf(sb.db).stdout;
    expect(status).toMatch(new RegExp(`discord:${forbidden.id}: .*50001 Missing Access`));
    expect(status).toMatch(new RegExp(`discord:${noperms.id}: .*50013 Missing Permissions`));
    expect(status).toMatch(/discord:999: .*10003 Unknown Channel/);
    expect(await svc.exited).toBe(0); // stopped cleanly (was a check on the test's own variable, which could not fail)
  });
});

describe.concurrent('a Discord API that stops answering', () => {
  it('aborts the call after callTimeoutMs and delivers once when answers come back', async ({ discord }) => {
    const { fake, config, startService, subscribe } = withFake(discord);
    const guild = fake().addGuild();
    const ch = fake().addChannel(guild, 0, 'slow');
    const sb = sandbox(config(`delivery:\n  callTimeoutMs: 1000\n  baseDelayMs: 200\n  maxDelayMs: 1000\nroutes:\n  - platform: discord\n    chat: "${ch.id}"\n`));
    const svc = await startService(sb);
    fake().hang = true;
    const from = svc.events.length;
    writeFileSync(path.join(sb.notes, 'slow-en.md'), note('Slow platform', 'Sent while requests hang.'));
    await fake().waitFor(() => fake().abandoned >= 2, 10_000, 'two calls aborted by the client');
    expect(fake().messagesIn(ch.id)).toHaveLength(0);
    expect(svc.stderr).toMatch(/no answer within 1000 ms/);
    fake().release();
    await fake().waitFor(() => fake().messagesIn(ch.id).length === 1, 15_000, 'delivery after the hang');
    await svc.idle(from);
    expect(fake().messagesIn(ch.id)).toHaveLength(1);
  });
});

describe.concurrent('Discord webhook routes', () => {
  it('posts through a channel webhook with its own name and avatar, and edits through it', async ({ discord }) => {
    const { fake, config, startService, subscribe } = withFake(discord);
    const guild = fake().addGuild();
    const ch = fake().addChannel(guild, 0, 'releases');
    const hook = fake().addWebhook(ch.id);
    const sb = sandbox(config(`routes:\n  - platform: discord\n    chat: "${ch.id}"\n    webhook:\n      env: DISCORD_WEBHOOK_RELEASES\n      username: Release notes\n      avatarUrl: https://example.org/a.png\n`));
    const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN: TOKEN, DISCORD_WEBHOOK_RELEASES: hook.url }, undefined, parseThreads);
    await svc.ready();
    const file = path.join(sb.notes, 'rel-en.md');
    writeFileSync(file, note('Release 1.0', 'It shipped.'));
    await fake().waitFor(() => fake().messagesIn(ch.id).length === 1, 15_000, 'webhook post');
    const msg = fake().messagesIn(ch.id)[0]!;
    expect(msg).toMatchObject({ via: 'webhook', username: 'Release notes', avatar_url: 'https://example.org/a.png' });
    writeFileSync(file, note('Release 1.0', 'It shipped, with notes.'));
    await fake().waitFor(() => msg.edits === 1, 15_000, 'webhook edit');
    expect(msg.embeds[0]!.description).toContain('with notes');
    expect(svc.stderr).not.toContain(hook.token);
  });
});
