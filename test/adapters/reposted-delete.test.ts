/**
 * Tester 34's F7: a note announced again (`publish.onChange: repost`, or front matter `notecast: {announce: again}`)
 * has two messages in a chat; deleted under `onDelete: delete`, only the newest went, the older one (showing the
 * note's old text) stayed for good, and the note back was posted anew beside it. Now the delete takes every message
 * the note has there (publish/older-messages.ts), each once, across a kill -9; a note back is posted once.
 * Real grammY and discord.js against the fakes; the service in this process but for the kill -9.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ChannelType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { note, sandbox, Service } from '../helpers/service.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { useFakeDiscord, useFakeTelegram } from '../helpers/fakes.js';

const parseThreads = fileParseThreads();
const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
const TELEGRAM_TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const fakeDiscord = useFakeDiscord(DISCORD_TOKEN);
const fakeTelegram = useFakeTelegram({ token: TELEGRAM_TOKEN });

/** `onDelete: delete`, the removal window at its shortest (three quiet periods): the deletes are what is tested. */
const publish = (extra = '') => `publish:\n  onDelete: delete\n  digest: { windowMs: 0 }\n${extra}`;
const AGAIN = 'notecast: { announce: again }\n';

describe('a reposted note deleted under onDelete: delete', () => {
  it('Telegram (onChange: repost): both messages are deleted, each once; back, it is posted once', async () => {
    const telegram = fakeTelegram();
    telegram.addChat(-100, 'supergroup');
    const sb = sandbox(`watch:\n  quietMs: 100\n${publish('  onChange: repost\n')}telegram:\n  apiRoot: ${telegram.apiRoot}\nroutes:\n  - { platform: telegram, chat: "-100" }\n`);
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN }, undefined, parseThreads);
    await svc.ready();
    let from = await svc.settled(30_000);
    const file = path.join(sb.notes, 'a.md');
    writeFileSync(file, note('Alpha note', 'The first version of the alpha note.'));
    await svc.idle(from, 30_000);
    from = svc.events.length;
    writeFileSync(file, note('Alpha note', 'The second version of the alpha note, reposted.'));
    await telegram.waitFor(() => telegram.sentTo(-100).length === 2, 30_000, 'the repost');
    await svc.idle(from, 30_000);
    const ids = telegram.sentTo(-100).map((m) => m.messageId);

    from = svc.events.length;
    rmSync(file);
    await telegram.waitFor(() => telegram.calls.some((c) => c.method === 'deleteMessage'), 30_000, 'a delete');
    await svc.idle(from, 30_000);
    expect(telegram.sentTo(-100)).toEqual([]);
    const deleted = telegram.calls.filter((c) => c.method === 'deleteMessage' && c.status === 200).map((c) => Number(c.payload.message_id));
    expect(deleted.sort()).toEqual([...ids].sort());

    from = svc.events.length;
    writeFileSync(file, note('Alpha note', 'The alpha note is back.'));
    await telegram.waitFor(() => telegram.sentTo(-100).length > 0, 30_000, 'the note back');
    await svc.idle(from, 30_000);
    expect(telegram.sentTo(-100).map((m) => m.text.includes('is back'))).toEqual([true]);
    await svc.stop();
  }, 120_000);

  it('Discord (announce: again, a family in group mode): the text channel and the forum lose every message of it, each once', async () => {
    const discord = fakeDiscord();
    const guild = discord.addGuild();
    const news = discord.addChannel(guild, 0, 'news');
    const forum = discord.addChannel(guild, ChannelType.GuildForum, 'notes-forum');
    const sb = sandbox(
      `watch:\n  quietMs: 100\n${publish()}discord:\n  api: ${discord.api}\n` +
        `routes:\n  - { platform: discord, chat: "${news.id}" }\n  - { platform: discord, chat: "${forum.id}" }\n`,
    );
    const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN }, undefined, parseThreads);
    await svc.ready();
    let from = await svc.settled(30_000);
    const file = path.join(sb.notes, 'a.md');
    writeFileSync(file, note('Alpha note', 'The first version of the alpha note.'));
    await svc.idle(from, 30_000);
    from = svc.events.length;
    writeFileSync(file, note('Alpha note', 'The second version of the alpha note, announced again.', AGAIN));
    await discord.waitFor(() => discord.messagesIn(news.id).length === 2 && discord.postsIn(forum.id).length === 2, 30_000, 'the second announcement');
    await svc.idle(from, 30_000);
    const messages = discord.messagesIn(news.id).map((m) => m.id);
    const threads = discord.postsIn(forum.id).map((t) => t.id);

    from = svc.events.length;
    rmSync(file);
    await discord.waitFor(() => discord.requests.some((r) => r.method === 'DELETE'), 30_000, 'a delete');
    await svc.idle(from, 30_000);
    expect(discord.messagesIn(news.id)).toEqual([]);
    expect(discord.postsIn(forum.id)).toEqual([]);
    const deletes = discord.requests.filter((r) => r.method === 'DELETE' && r.status < 300).map((r) => r.path.split('/').pop()!);
    expect(deletes.sort()).toEqual([...messages, ...threads].sort());
    await svc.stop();
  }, 120_000);

  it('Telegram, kill -9 after the older message\'s delete reached the chat: after the restart the newest goes too, nothing twice', async () => {
    const telegram = fakeTelegram();
    telegram.addChat(-100, 'supergroup');
    const sb = sandbox(`watch:\n  quietMs: 100\n${publish('  onChange: repost\n')}telegram:\n  apiRoot: ${telegram.apiRoot}\nroutes:\n  - { platform: telegram, chat: "-100" }\n`);
    const svc = Service.start(sb, [], { TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN });
    await svc.ready();
    let from = await svc.settled(30_000);
    const file = path.join(sb.notes, 'a.md');
    writeFileSync(file, note('Alpha note', 'The first version of the alpha note.'));
    await svc.idle(from, 30_000);
    from = svc.events.length;
    writeFileSync(file, note('Alpha note', 'The second version of the alpha note, reposted.'));
    await telegram.waitFor(() => telegram.sentTo(-100).length === 2, 30_000, 'the repost');
    await svc.idle(from, 30_000);
    const [older, newest] = telegram.sentTo(-100).map((m) => m.messageId);

    // The first delete is carried out and its answer held: the service is killed not knowing it went.
    telegram.dropAnswers = { count: 1, methods: ['deleteMessage'], late: 'held' };
    rmSync(file);
    await telegram.waitFor(() => telegram.answersHeld === 1, 30_000, 'the older message deleted, its answer held');
    await svc.kill9();
    expect(telegram.sentTo(-100).map((m) => m.messageId)).toEqual([newest]);

    const restarted = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN }, undefined, parseThreads);
    await restarted.ready();
    await telegram.waitFor(() => telegram.sentTo(-100).length === 0, 30_000, 'the newest message deleted');
    await restarted.settled(30_000);
    const done = telegram.calls.filter((c) => c.method === 'deleteMessage' && c.status === 200).map((c) => Number(c.payload.message_id));
    expect(done.sort()).toEqual([older, newest].sort());
    expect(telegram.calls.filter((c) => c.method === 'sendMessage' && c.status === 200)).toHaveLength(2);
    await restarted.stop();
  }, 120_000);
  it('Telegram, the repost still waiting (the platform unreachable) when the note is deleted: it is called off, and the message the note has goes', async () => {
    const telegram = fakeTelegram();
    telegram.addChat(-100, 'supergroup');
    const sb = sandbox(`watch:\n  quietMs: 100\n${publish('  onChange: repost\n')}telegram:\n  apiRoot: ${telegram.apiRoot}\nroutes:\n  - { platform: telegram, chat: "-100" }\n`);
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN }, undefined, parseThreads);
    await svc.ready();
    let from = await svc.settled(30_000);
    const file = path.join(sb.notes, 'a.md');
    writeFileSync(file, note('Alpha note', 'The first version of the alpha note.'));
    await svc.idle(from, 30_000);
    await telegram.refuseConnections(true);
    const logBefore = svc.stderr.length;
    writeFileSync(file, note('Alpha note', 'The second version of the alpha note, reposted.'));
    await svc.waitFor(() => svc.stderr.slice(logBefore).includes('retryInMs'), 30_000, 'the repost tried and refused');
    rmSync(file);
    await svc.waitFor(() => svc.stderr.slice(logBefore).includes('removals applied'), 30_000, 'the removal applied');
    from = svc.events.length;
    await telegram.refuseConnections(false);
    await telegram.waitFor(() => telegram.calls.some((c) => c.method === 'deleteMessage'), 30_000, 'a delete');
    await svc.idle(from, 30_000);
    expect(telegram.sentTo(-100)).toEqual([]);
    expect(telegram.calls.filter((c) => c.method === 'sendMessage' && c.status === 200)).toHaveLength(1); // the repost never went
    await svc.stop();
  }, 120_000);
});
