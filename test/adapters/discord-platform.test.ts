/**
 * What the real Discord does beyond plain channels, each case run end to end (the service process,
 * discord.js, the fake REST API and gateway): archived threads, permissions per operation, webhooks
 * in threads and forums, forums that require tags, announcement channels and the nonce window.
 * The fake's behaviours cite discord-api-docs beside their code (test/fakes/discord/server.ts).
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ChannelFlags, ChannelType } from 'discord-api-types/v10';
import { afterAll, describe, expect } from 'vitest';
import { createDiscordRest } from '../../src/adapters/discord/adapter.js';
import { createDiscordDelivery } from '../../src/adapters/discord/deliver.js';
import { createLogger } from '../../src/log.js';
import { nextId } from '../fakes/discord/server.js';
import { itWithFakes } from '../helpers/fakes.js';
import type { FakeDiscord } from '../fakes/discord/server.js';
import { cliIn, statusOf } from '../helpers/cli.js';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox, type ServiceEvents } from '../helpers/service.js';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';

// The tests run at once, each with a fake Discord and a service of its own (they mostly wait on
// quiet periods, retries and the platform's pace); whatever a failed test left is stopped at the end.
const it = itWithFakes({ discordToken: TOKEN });
afterAll(killLeftoverServices);

// Removals wait for the burst window (publish.digest.windowMs, 3 s by default): here the shortest, three quiet periods.
const REMOVALS = 'publish:\n  onDelete: delete\n  digest: { windowMs: 600 }\n';

/** The test's own fake, and the helpers that talk to it. */
function withFake(theFake: FakeDiscord) {
  const fake = () => theFake;

  const config = (routes: string, extra = '') => `watch:\n  quietMs: 200\ndiscord:\n  api: ${fake().api}\n  registerCommands: false\n${extra}routes:\n${routes}`;

  async function start(sb: ReturnType<typeof sandbox>, env: NodeJS.ProcessEnv = {}): Promise<ServiceEvents> {
    const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN: TOKEN, ...env });
    await svc.ready();
    await svc.settled();
    return svc;
  }

  /** Stops the service and returns `status`'s text (paused targets and failed deliveries with their reasons). */
  async function statusAfter(svc: ServiceEvents, sb: ReturnType<typeof sandbox>): Promise<string> {
    await svc.stop();
    return statusOf(sb.db).stdout;
  }

  /**
   * Posts a note to the forum and archives its thread, as Discord does after the auto-archive period
   * (`locked`: as a moderator locking it does).
   */
  async function postThenArchive(svc: ServiceEvents, sb: ReturnType<typeof sandbox>, forumId: string, name: string, title: string, locked: boolean) {
    const file = path.join(sb.notes, `${name}.md`);
    const from = svc.events.length;
    writeFileSync(file, note(title, 'First version.'));
    await svc.idle(from);
    const [thread] = fake().postsIn(forumId);
    fake().archive(thread!.id, locked);
    return { file, thread: thread! };
  }
  return { fake, config, start, statusAfter, postThenArchive };
}

describe.concurrent('forum posts in archived threads', () => {
  it('unarchives the thread to apply an edit and archives it again', async ({ discord }) => {
    const { fake, config, start, statusAfter, postThenArchive } = withFake(discord);
    const guild = fake().addGuild();
    const forum = fake().addChannel(guild, ChannelType.GuildForum, 'notes-forum');
    const sb = sandbox(config(`  - platform: discord\n    chat: "${forum.id}"\n`));
    const svc = await start(sb);
    const { file, thread } = await postThenArchive(svc, sb, forum.id, 'late-en', 'Late fix', false);

    const from = svc.events.length;
    writeFileSync(file, note('Late fix', 'Typo fixed a week later.'));
    await svc.idle(from);
    const starter = fake().messagesIn(thread.id)[0]!;
    expect(starter.edits).toBe(1);
    expect(starter.embeds[0]!.description).toContain('Typo fixed a week later.');
    expect(thread.archived).toBe(true); // put back as it was
    expect(await statusAfter(svc, sb)).not.toMatch(/paused/i);
  });

  it('fails only that edit when a moderator locked the thread; the forum keeps receiving posts', async ({ discord }) => {
    const { fake, config, start, statusAfter, postThenArchive } = withFake(discord);
    const guild = fake().addGuild();
    const forum = fake().addChannel(guild, ChannelType.GuildForum, 'notes-forum');
    fake().permissions.delete('ManageThreads'); // a locked thread can then not be unarchived
    const sb = sandbox(config(`  - platform: discord\n    chat: "${forum.id}"\n`));
    const svc = await start(sb);
    const { file, thread } = await postThenArchive(svc, sb, forum.id, 'locked-en', 'Locked later', true);

    let from = svc.events.length;
    writeFileSync(file, note('Locked later', 'An edit Discord refuses.'));
    await svc.idle(from);
    from = svc.events.length;
    writeFileSync(path.join(sb.notes, 'next-en.md'), note('The next note', 'Still announced.'));
    await svc.idle(from);
    expect(fake().postsIn(forum.id).map((t) => t.name)).toEqual(['Locked later', 'The next note']);
    expect(fake().messagesIn(thread.id)[0]!.edits).toBe(0);
    const status = await statusAfter(svc, sb);
    expect(status).not.toMatch(/paused/i);
    expect(status).toMatch(/50013 Missing Permissions/); // the failed edit, with Discord's reason
  });
});

describe.concurrent('permissions per operation', () => {
  it('a forum post that cannot be deleted (no Manage Threads) fails that delete, not the forum', async ({ discord }) => {
    const { fake, config, start, statusAfter, postThenArchive } = withFake(discord);
    const guild = fake().addGuild();
    const forum = fake().addChannel(guild, ChannelType.GuildForum, 'notes-forum');
    fake().permissions.delete('ManageThreads');
    const sb = sandbox(config(`  - platform: discord\n    chat: "${forum.id}"\n`, REMOVALS));
    const svc = await start(sb);
    const file = path.join(sb.notes, 'gone-en.md');
    let from = svc.events.length;
    writeFileSync(file, note('Soon deleted', 'Deleted note.'));
    await svc.idle(from);
    from = svc.events.length;
    unlinkSync(file);
    await svc.idle(from);
    from = svc.events.length;
    writeFileSync(path.join(sb.notes, 'after-en.md'), note('After the delete', 'Still announced.'));
    await svc.idle(from);
    expect(fake().postsIn(forum.id).map((t) => t.name)).toEqual(['Soon deleted', 'After the delete']);
    const status = await statusAfter(svc, sb);
    expect(status).not.toMatch(/paused/i);
    expect(status).toMatch(/DELETE \/channels\/\d+: 403 50013/);
  });
});

describe.concurrent('webhooks in threads and forums', () => {
  it('edits and deletes a webhook message in a thread with ?thread_id=, as it posted it', async ({ discord }) => {
    const { fake, config, start, statusAfter, postThenArchive } = withFake(discord);
    const guild = fake().addGuild();
    const ch = fake().addChannel(guild, ChannelType.GuildText, 'releases');
    const thread = fake().addChannel(guild, ChannelType.PublicThread, 'release-thread');
    thread.parent_id = ch.id;
    const hook = fake().addWebhook(ch.id);
    const sb = sandbox(config(`  - platform: discord\n    chat: "${ch.id}"\n    thread: "${thread.id}"\n    webhook:\n      env: DISCORD_WEBHOOK_RELEASES\n`, REMOVALS));
    const svc = await start(sb, { DISCORD_WEBHOOK_RELEASES: hook.url });
    const file = path.join(sb.notes, 'hooked-en.md');
    let from = svc.events.length;
    writeFileSync(file, note('In a thread', 'Posted by the webhook.'));
    await svc.idle(from);
    const msg = fake().messagesIn(thread.id)[0]!;
    expect(msg.via).toBe('webhook');
    from = svc.events.length;
    writeFileSync(file, note('In a thread', 'Edited by the webhook.'));
    await svc.idle(from);
    expect(msg.edits).toBe(1);
    from = svc.events.length;
    unlinkSync(file);
    await svc.idle(from);
    expect(msg.deleted).toBe(true);
    expect(await statusAfter(svc, sb)).toMatch(/ 0 failed, 0 skipped/);
  });

  it('a webhook pointing at a forum creates a post named after the note, and edits it', async ({ discord }) => {
    const { fake, config, start, statusAfter, postThenArchive } = withFake(discord);
    const guild = fake().addGuild();
    const forum = fake().addChannel(guild, ChannelType.GuildForum, 'hook-forum');
    const hook = fake().addWebhook(forum.id);
    const sb = sandbox(config(`  - platform: discord\n    chat: "${forum.id}"\n    webhook:\n      env: DISCORD_WEBHOOK_FORUM\n`));
    const svc = await start(sb, { DISCORD_WEBHOOK_FORUM: hook.url });
    const file = path.join(sb.notes, 'forum-hook-en.md');
    let from = svc.events.length;
    writeFileSync(file, note('Webhook forum post', 'Through a webhook.'));
    await svc.idle(from);
    const [post] = fake().postsIn(forum.id);
    expect(post!.name).toBe('Webhook forum post');
    from = svc.events.length;
    writeFileSync(file, note('Webhook forum post', 'Edited through a webhook.'));
    await svc.idle(from);
    expect(fake().messagesIn(post!.id)[0]!.edits).toBe(1);
    expect(await statusAfter(svc, sb)).toMatch(/ 0 failed, 0 skipped/);
  });

  // `check` in this process (cliIn): the config's validation is the subject, not the process; a spawnSync
  // also stopped this file's event loop, and with it the fake Discord of the tests running beside this one.
  it('refuses a webhook username Discord would refuse, at config load', async ({ discord }) => {
    const { config } = withFake(discord);
    const sb = sandbox(config(`  - platform: discord\n    chat: "1"\n    webhook:\n      env: DISCORD_WEBHOOK_X\n      username: My Discord Bot\n`));
    const r = await cliIn(['check', '--config', sb.config, sb.notes]);
    expect(r.code).not.toBe(0);
    expect(r.stderr + r.stdout).toMatch(/routes\.0\.webhook\.username: must not contain "discord" or "clyde"/);
  });
});

describe.concurrent('forums that require a tag', () => {
  it('applies the note’s tags that the forum has, and the route’s tags, by name', async ({ discord }) => {
    const { fake, config, start, statusAfter, postThenArchive } = withFake(discord);
    const guild = fake().addGuild();
    const forum = fake().addChannel(guild, ChannelType.GuildForum, 'tagged');
    forum.flags = ChannelFlags.RequireTag;
    const tag = (name: string) => ({ id: nextId(), name, moderated: false, emoji_id: null, emoji_name: null });
    forum.available_tags = [tag('Rust'), tag('Notes'), tag('Python')];
    const sb = sandbox(config(`  - platform: discord\n    chat: "${forum.id}"\n    forumTags: [notes]\n`));
    const svc = await start(sb);
    const from = svc.events.length;
    writeFileSync(path.join(sb.notes, 'tagged-en.md'), note('Tagged note', 'About borrowing.', 'tags: [rust, memory]\n'));
    await svc.idle(from);
    const [post] = fake().postsIn(forum.id);
    const names = post!.applied_tags!.map((id) => forum.available_tags!.find((t) => t.id === id)!.name);
    expect(names).toEqual(['Notes', 'Rust']);
    await svc.stop();
  });

  it('pauses the forum with Discord’s reason when no tag matches', async ({ discord }) => {
    const { fake, config, start, statusAfter, postThenArchive } = withFake(discord);
    const guild = fake().addGuild();
    const forum = fake().addChannel(guild, ChannelType.GuildForum, 'strict');
    forum.flags = ChannelFlags.RequireTag;
    forum.available_tags = [{ id: nextId(), name: 'Announcements', moderated: false, emoji_id: null, emoji_name: null }];
    const sb = sandbox(config(`  - platform: discord\n    chat: "${forum.id}"\n`));
    const svc = await start(sb);
    const from = svc.events.length;
    writeFileSync(path.join(sb.notes, 'untagged-en.md'), note('No matching tag', 'Refused.', 'tags: [misc]\n'));
    await svc.idle(from);
    expect(fake().postsIn(forum.id)).toHaveLength(0);
    expect(await statusAfter(svc, sb)).toMatch(/40067 A tag is required to create a forum post in this channel/);
  });
});

describe.concurrent('announcement channels', () => {
  it('crossposts to following servers when the route asks, and only then', async ({ discord }) => {
    const { fake, config, start, statusAfter, postThenArchive } = withFake(discord);
    const guild = fake().addGuild();
    const news = fake().addChannel(guild, ChannelType.GuildAnnouncement, 'news');
    const plain = fake().addChannel(guild, ChannelType.GuildAnnouncement, 'news-local');
    const sb = sandbox(config(`  - platform: discord\n    chat: "${news.id}"\n    crosspost: true\n  - platform: discord\n    chat: "${plain.id}"\n`));
    const svc = await start(sb);
    const from = svc.events.length;
    writeFileSync(path.join(sb.notes, 'news-en.md'), note('Big news', 'Followers see this.'));
    await svc.idle(from);
    expect(fake().messagesIn(news.id)[0]!.crossposted).toBe(true);
    expect(fake().messagesIn(plain.id)[0]!.crossposted).toBeUndefined();
    await svc.stop();
  });
});

describe.concurrent('the nonce window', () => {
  it('a resend with the same nonce is the same message within Discord’s window, and a second one after it', async ({ discord }) => {
    const { fake, config, start, statusAfter, postThenArchive } = withFake(discord);
    const guild = fake().addGuild();
    const ch = fake().addChannel(guild, ChannelType.GuildText, 'plain');
    const delivery = createDiscordDelivery({ rest: createDiscordRest(TOKEN, fake().api, 10_000), log: createLogger({ level: 'silent', secrets: [] }) });
    const target = { platform: 'discord' as const, chat: ch.id, thread: '' };
    const message = { type: 'digest' as const, items: [{ noteId: 'a', title: 'A note' }] };
    const ctx = { deliveryId: 1, noteId: null, revision: 0, nonce: 'c0ffee0123456789abcdef01' };
    const first = await delivery.post(target, message, ctx);
    const resent = await delivery.post(target, message, ctx); // a crash between send and commit, then a restart
    expect(resent.messageId).toBe(first.messageId);
    fake().nonceWindowMs = 0; // the window has passed
    const late = await delivery.post(target, message, ctx);
    expect(late.messageId).not.toBe(first.messageId);
    expect(fake().messagesIn(ch.id)).toHaveLength(2);
  });
});
