/**
 * Permissions per channel and mentions, against the fake Discord (overwrites computed as
 * topics/permissions.mdx says; see test/fakes/discord/permissions.ts and mentions.ts): `/subscribe`
 * refuses a channel the bot cannot post in, naming what it lacks; a channel without Embed Links is
 * paused with that named; a mention in a note pings nobody, by the bot or a webhook.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ChannelType } from 'discord-api-types/v10';
import { afterAll, describe, expect } from 'vitest';
import { createDiscordRest } from '../../src/adapters/discord/adapter.js';
import { createDiscordDelivery } from '../../src/adapters/discord/deliver.js';
import { createLogger } from '../../src/log.js';
import { parseNote } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { NO_PINGS, pingsOf } from '../fakes/discord/mentions.js';
import { overwrite } from '../fakes/discord/permissions.js';
import { itWithFakes } from '../helpers/fakes.js';
import type { FakeDiscord } from '../fakes/discord/server.js';
import { statusOf } from '../helpers/cli.js';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox, type ServiceEvents } from '../helpers/service.js';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
const MANAGE_CHANNELS = 1n << 4n;

// The tests run at once, each with a fake Discord and a service of its own (they mostly wait on
// quiet periods, retries and the platform's pace); whatever a failed test left is stopped at the end.
const it = itWithFakes({ discordToken: TOKEN });
afterAll(killLeftoverServices);

/** The test's own fake, and the helpers that talk to it. */
function withFake(theFake: FakeDiscord) {
  const fake = () => theFake;

  const config = (extra = '') => `watch:\n  quietMs: 200\ndiscord:\n  api: ${fake().api}\n  registerCommands: false\n${extra}`;

  async function start(sb: ReturnType<typeof sandbox>, env: NodeJS.ProcessEnv = {}): Promise<ServiceEvents> {
    const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN: TOKEN, ...env });
    await svc.ready();
    await fake().identified();
    await svc.settled();
    return svc;
  }

  const subscribe = async (guild: string, channel: string) => String((await fake().interact({ type: 2, guild, channel, permissions: MANAGE_CHANNELS, name: 'subscribe' })).data?.content);
  return { fake, config, start, subscribe };
}

describe.concurrent('/subscribe reads the bot’s permissions in the channel (app_permissions)', () => {
  it('refuses a channel whose overwrites take away what posting needs, naming it, and accepts one whose member overwrite gives it back', async ({ discord }) => {
    const { fake, config, start, subscribe } = withFake(discord);
    const guild = fake().addGuild();
    const noEmbeds = fake().addChannel(guild, ChannelType.GuildText, 'no-embeds');
    noEmbeds.permission_overwrites = [overwrite(fake().botRoleId, 'role', { deny: ['EmbedLinks'] })];
    const readOnly = fake().addChannel(guild, ChannelType.GuildText, 'read-only');
    readOnly.permission_overwrites = [overwrite(guild, 'role', { deny: ['SendMessages'] })];
    const allowedBack = fake().addChannel(guild, ChannelType.GuildText, 'allowed-back');
    allowedBack.permission_overwrites = [overwrite(guild, 'role', { deny: ['SendMessages'] }), overwrite(fake().botUser.id, 'member', { allow: ['SendMessages'] })];
    const parent = fake().addChannel(guild, ChannelType.GuildText, 'parent');
    parent.permission_overwrites = [overwrite(fake().botRoleId, 'role', { deny: ['SendMessagesInThreads'] })];
    const thread = fake().addChannel(guild, ChannelType.PublicThread, 'a-thread');
    thread.parent_id = parent.id;
    const sb = sandbox(config());
    const svc = await start(sb);

    expect(await subscribe(guild, noEmbeds.id)).toMatch(/can’t post in this channel: I need Embed Links here/);
    expect(await subscribe(guild, readOnly.id)).toMatch(/I need Send Messages here/);
    expect(await subscribe(guild, thread.id)).toMatch(/I need Send Messages in Threads here/); // a thread takes its parent’s overwrites
    expect(await subscribe(guild, allowedBack.id)).toMatch(/Subscribed/);

    const from = svc.events.length;
    writeFileSync(path.join(sb.notes, 'perm-en.md'), note('Where it goes', 'Only where the bot can post.'));
    await svc.idle(from);
    expect(fake().messagesIn(allowedBack.id)).toHaveLength(1);
    for (const ch of [noEmbeds, readOnly, thread]) expect(fake().messagesIn(ch.id)).toHaveLength(0);
    expect(fake().requests.filter((r) => r.status === 403)).toEqual([]); // refused ones were never tried
  });
});

describe.concurrent('Embed Links', () => {
  it('the fake drops embeds without it and refuses a message left empty (discord-api-docs#2601)', async ({ discord }) => {
    const { fake, config, start, subscribe } = withFake(discord);
    const guild = fake().addGuild();
    const ch = fake().addChannel(guild, ChannelType.GuildText, 'no-embeds');
    ch.permission_overwrites = [overwrite(fake().botRoleId, 'role', { deny: ['EmbedLinks'] })];
    const rest = createDiscordRest(TOKEN, fake().api, 10_000);
    await rest.post(`/channels/${ch.id}/messages`, { body: { content: 'text stays', embeds: [{ title: 'dropped' }] } });
    expect(fake().messagesIn(ch.id)[0]!.embeds).toEqual([]);
    await expect(rest.post(`/channels/${ch.id}/messages`, { body: { embeds: [{ title: 'dropped' }] } })).rejects.toMatchObject({ code: 50013 });
  });

  it('a route into a channel without Embed Links is paused, status naming the permission; others go on', async ({ discord }) => {
    const { fake, config, start, subscribe } = withFake(discord);
    const guild = fake().addGuild();
    const noEmbeds = fake().addChannel(guild, ChannelType.GuildText, 'no-embeds');
    noEmbeds.permission_overwrites = [overwrite(fake().botRoleId, 'role', { deny: ['EmbedLinks'] })];
    const fine = fake().addChannel(guild, ChannelType.GuildText, 'fine');
    const sb = sandbox(config(`routes:\n  - platform: discord\n    chat: "${noEmbeds.id}"\n  - platform: discord\n    chat: "${fine.id}"\n`));
    const svc = await start(sb);
    const from = svc.events.length;
    writeFileSync(path.join(sb.notes, 'embeds-en.md'), note('Needs embeds', 'An embed only.'));
    await svc.idle(from);
    expect(fake().messagesIn(fine.id)).toHaveLength(1);
    expect(fake().messagesIn(noEmbeds.id)).toHaveLength(0);
    await svc.stop();
    const status = statusOf(sb.db).stdout;
    expect(status).toMatch(new RegExp(`discord:${noEmbeds.id}: .*50013 Missing Permissions.*the bot lacks Embed Links in this channel`));
  });
});

describe.concurrent('mentions in notes', () => {
  const opts = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {} } };
  const text = '---\ntitle: "@everyone <@123> news"\n---\nHey @everyone, <@123> and <@&456>: run `<@123> @everyone </script>` now.\n';

  it('the fake’s model pings from content by the documented defaults, never from embeds or code', () => {
    expect(pingsOf('@everyone <@5> <@&6>', undefined, 'bot')).toEqual({ users: ['5'], roles: ['6'], everyone: true });
    expect(pingsOf('@everyone <@5>', undefined, 'webhook')).toEqual({ users: ['5'], roles: [], everyone: false });
    expect(pingsOf('`<@5>`', undefined, 'bot')).toEqual(NO_PINGS);
    expect(pingsOf('@everyone <@5>', { parse: [] }, 'bot')).toEqual(NO_PINGS);
  });

  it('ping nobody through the bot or a webhook, and code arrives byte for byte', async ({ discord }) => {
    const { fake, config, start, subscribe } = withFake(discord);
    const guild = fake().addGuild();
    const ch = fake().addChannel(guild, ChannelType.GuildText, 'plain');
    const hooked = fake().addChannel(guild, ChannelType.GuildText, 'hooked');
    const hook = fake().addWebhook(hooked.id);
    const delivery = createDiscordDelivery({
      rest: createDiscordRest(TOKEN, fake().api, 10_000),
      webhooks: new Map([[hooked.id, { id: hook.url.split('/').at(-2)!, token: hook.token }]]),
      log: createLogger({ level: 'silent', secrets: [] }),
    });
    const { note: n, tokens } = parseNote('_posts/2025-01-01-ping-en.md', Buffer.from(text), opts);
    const message = { type: 'summary' as const, summary: buildSummary(n, tokens) };
    const ctx = { deliveryId: 1, noteId: null, revision: 0, nonce: 'ab12cd34ef56ab12cd34ef56' };
    await delivery.post({ platform: 'discord', chat: ch.id, thread: '' }, message, ctx);
    await delivery.post({ platform: 'discord', chat: hooked.id, thread: '' }, message, ctx);
    const sent = [fake().messagesIn(ch.id)[0]!, fake().messagesIn(hooked.id)[0]!];
    expect(sent.map((m) => m.via)).toEqual(['bot', 'webhook']);
    for (const m of sent) {
      expect(m.pings).toEqual(NO_PINGS);
      expect(m.embeds[0]!.description).toContain('`<@123> @everyone </script>`');
    }
  });
});
