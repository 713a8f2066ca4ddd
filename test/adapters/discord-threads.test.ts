/**
 * Threads and forum posts on the fake Discord (behaviours cited in test/fakes/discord/server.ts):
 * a forum post follows its note's title and the chat's translation, its creator archives and
 * renames it without Manage Threads, a chat that is itself a thread is unarchived for an edit, and
 * a webhook posting into a forum that requires a tag sends one.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ChannelFlags, ChannelType } from 'discord-api-types/v10';
import { afterAll, describe, expect } from 'vitest';
import { nextId } from '../fakes/discord/server.js';
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

  const config = (routes: string, extra = '') => `watch:\n  quietMs: 200\ndiscord:\n  api: ${fake().api}\n  registerCommands: false\npublish:\n  translations:\n    graceMs: 200\n${extra}routes:\n${routes}`;

  async function start(sb: ReturnType<typeof sandbox>, env: NodeJS.ProcessEnv = {}): Promise<ServiceEvents> {
    const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN: TOKEN, ...env });
    await svc.ready();
    await fake().identified();
    await svc.settled();
    return svc;
  }

  /** Writes a file and waits for the service's idle signal after everything it caused. */
  async function save(svc: ServiceEvents, file: string, text: string): Promise<void> {
    const from = svc.events.length;
    writeFileSync(file, text);
    await svc.idle(from);
  }
  return { fake, config, start, save };
}

describe.concurrent('a forum post follows its note', () => {
  it('is renamed with a new title, by its creator without Manage Threads, even once archived, and archived again', async ({ discord }) => {
    const { fake, config, start, save } = withFake(discord);
    const guild = fake().addGuild();
    const forum = fake().addChannel(guild, ChannelType.GuildForum, 'notes-forum');
    fake().permissions.delete('ManageThreads'); // the creator needs none (threads.mdx)
    const sb = sandbox(config(`  - platform: discord\n    chat: "${forum.id}"\n`));
    const svc = await start(sb);
    const file = path.join(sb.notes, 'renamed-en.md');
    await save(svc, file, note('First title', 'Body.'));
    const [post] = fake().postsIn(forum.id);
    expect(post!.name).toBe('First title');
    fake().archive(post!.id);

    await save(svc, file, note('Better title', 'Body.'));
    expect(post!.name).toBe('Better title');
    expect(fake().messagesIn(post!.id)[0]!.embeds[0]!.title).toBe('Better title');
    expect(post!.archived).toBe(true); // archived again, by its creator
    await save(svc, file, note('Better title', 'Body, changed.'));
    expect(fake().renames).toBe(1); // a body change does not rename
    await svc.stop();
    expect(statusOf(sb.db).stdout).toMatch(/ 0 failed, 0 skipped/);
  });

  it('is renamed when the chat’s translation arrives', async ({ discord }) => {
    const { fake, config, start, save } = withFake(discord);
    const guild = fake().addGuild();
    const forum = fake().addChannel(guild, ChannelType.GuildForum, 'ja-forum');
    const sb = sandbox(config(`  - platform: discord\n    chat: "${forum.id}"\n    locale: ja\n`));
    const svc = await start(sb);
    await save(svc, path.join(sb.notes, 'tea-en.md'), note('Green tea', 'How to brew green tea.', 'lang: en\n'));
    const [post] = fake().postsIn(forum.id);
    expect(post!.name).toBe('Green tea');
    await save(svc, path.join(sb.notes, 'tea-ja.md'), note('緑茶の淹れ方', '緑茶を淹れる方法。', 'lang: ja\ntranslated: true\n'));
    expect(fake().messagesIn(post!.id)[0]!.embeds[0]!.title).toBe('緑茶の淹れ方');
    expect(post!.name).toBe('緑茶の淹れ方');
    await svc.stop();
  });
});

describe.concurrent('a chat that is itself a thread', () => {
  it('subscribed from inside a thread: an edit after the thread archived unarchives it, edits, archives it again', async ({ discord }) => {
    const { fake, config, start, save } = withFake(discord);
    const guild = fake().addGuild();
    const parent = fake().addChannel(guild, ChannelType.GuildText, 'talk');
    const thread = fake().addChannel(guild, ChannelType.PublicThread, 'a-thread');
    thread.parent_id = parent.id;
    thread.lastActivity = Date.now();
    const sb = sandbox(config('  []\n'));
    const svc = await start(sb);
    const ok = await fake().interact({ type: 2, guild, channel: thread.id, permissions: MANAGE_CHANNELS, name: 'subscribe' });
    expect(String(ok.data?.content)).toMatch(/Subscribed/);
    const file = path.join(sb.notes, 'in-thread-en.md');
    await save(svc, file, note('In a thread', 'First.'));
    const [msg] = fake().messagesIn(thread.id);
    fake().archive(thread.id);
    await save(svc, file, note('In a thread', 'Edited after the thread archived.'));
    expect(msg!.edits).toBe(1);
    expect(msg!.embeds[0]!.description).toContain('Edited after the thread archived.');
    expect(thread.archived).toBe(true);
    await svc.stop();
    expect(statusOf(sb.db).stdout).toMatch(/ 0 failed, 0 skipped/);
  });
});

describe.concurrent('a webhook into a forum that requires a tag', () => {
  it('sends applied_tags (the route’s and the note’s, by name), so the forum is not paused with 40067', async ({ discord }) => {
    const { fake, config, start, save } = withFake(discord);
    const guild = fake().addGuild();
    const forum = fake().addChannel(guild, ChannelType.GuildForum, 'hook-forum');
    forum.flags = ChannelFlags.RequireTag;
    const tag = (name: string) => ({ id: nextId(), name, moderated: false, emoji_id: null, emoji_name: null });
    forum.available_tags = [tag('Notes'), tag('Rust')];
    const hook = fake().addWebhook(forum.id);
    const sb = sandbox(config(`  - platform: discord\n    chat: "${forum.id}"\n    forumTags: [Notes]\n    webhook:\n      env: DISCORD_WEBHOOK_FORUM\n`));
    const svc = await start(sb, { DISCORD_WEBHOOK_FORUM: hook.url });
    await save(svc, path.join(sb.notes, 'hook-tags-en.md'), note('Tagged by webhook', 'Body.', 'tags: [rust]\n'));
    const [post] = fake().postsIn(forum.id);
    expect(post!.applied_tags!.map((id) => forum.available_tags!.find((t) => t.id === id)!.name)).toEqual(['Notes', 'Rust']);
    expect(fake().messagesIn(post!.id)[0]!.via).toBe('webhook');
    await svc.stop();
    expect(statusOf(sb.db).stdout).not.toMatch(/paused|40067/i);
  });
});
