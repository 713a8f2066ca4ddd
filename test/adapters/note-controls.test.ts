/**
 * Front matter `notecast:` controls end to end: the real service, discord.js and grammY against
 * the fake Discord and Telegram, with named config routes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { MessageFlags } from 'discord-api-types/v10';
import { afterAll, describe, expect } from 'vitest';
import { itWithFakes } from '../helpers/fakes.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox } from '../helpers/service.js';
import { bodyOf, channelPostBody, forumPostBody, webhookPostBody } from '../../src/adapters/discord/bodies.js';
import { Templates } from '../../src/render/templates/compile.js';
import type { Summary } from '../../src/summary/build.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
const TELEGRAM_TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
// The tests run at once, each with fakes and a service of its own (they mostly wait on quiet
// periods and the platforms' pace); whatever a failed test left is stopped at the end.
const it = itWithFakes({ discordToken: DISCORD_TOKEN, telegram: { token: TELEGRAM_TOKEN } });
afterAll(killLeftoverServices);


describe.concurrent('notecast: controls through the real clients', () => {
  it('silent posts carry each platform’s flag, routes pick config routes by name, announce: false posts nothing', async ({ discord, telegram }) => {
    const guild = discord.addGuild();
    const channel = discord.addChannel(guild, 0, 'notes');
    const group = telegram.addChat(-100, 'supergroup');
    const sb = sandbox(
      `watch:\n  quietMs: 200\ndiscord:\n  api: ${discord.api}\ntelegram:\n  apiRoot: ${telegram.apiRoot}\n` +
        `routes:\n  - { platform: discord, chat: "${channel.id}", name: discord-news }\n  - { platform: telegram, chat: "-100", name: tg-group }\n`,
    );
    const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN, TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN }, undefined, parseThreads);
    await svc.ready();
    const from = await svc.settled(30_000);
    writeFileSync(path.join(sb.notes, 'loud.md'), note('Loud note', 'This one rings.'));
    writeFileSync(path.join(sb.notes, 'quiet.md'), note('Quiet note', 'This one does not ring.', 'notecast:\n  silent: true\n'));
    writeFileSync(path.join(sb.notes, 'only-tg.md'), note('Telegram only', 'Only for the group.', 'notecast: { routes: [tg-group] }\n'));
    writeFileSync(path.join(sb.notes, 'off.md'), note('Not announced', 'Kept out of the chats.', 'notecast: { announce: false }\n'));
    await discord.waitFor(() => discord.messagesIn(channel.id).length === 2, 20_000, 'two Discord posts');
    await telegram.waitFor(() => telegram.sentTo(group.id).length === 3, 20_000, 'three Telegram posts');
    await svc.idle(from, 20_000); // everything the four notes caused is out

    const byTitle = new Map(discord.messagesIn(channel.id).map((m) => [m.embeds[0]!.title, m]));
    expect([...byTitle.keys()].sort()).toEqual(['Loud note', 'Quiet note']);
    expect(byTitle.get('Quiet note')!.flags).toBe(MessageFlags.SuppressNotifications);
    expect(byTitle.get('Loud note')!.flags).toBe(0);

    const sent = telegram.sentTo(group.id);
    expect(sent).toHaveLength(3);
    const tg = (title: string) => sent.find((m) => m.text.includes(title));
    expect(tg('Quiet note')!.silent).toBe(true);
    expect(tg('Loud note')!.silent).toBe(false);
    expect(tg('Telegram only')!.silent).toBe(false);
    expect(sent.some((m) => m.text.includes('Not announced'))).toBe(false);
  });

  it('an edit before the queued post goes out is what goes out: silent and pin honoured, announce: false calls it off, routes move it', async ({ discord, telegram }) => {
    const guild = discord.addGuild();
    const channel = discord.addChannel(guild, 0, 'notes');
    const group = telegram.addChat(-100, 'supergroup');
    const sb = sandbox(
      `watch:\n  quietMs: 200\npublish:\n  translations: { graceMs: 0 }\ndiscord:\n  api: ${discord.api}\ntelegram:\n  apiRoot: ${telegram.apiRoot}\n` +
        `routes:\n  - { platform: discord, chat: "${channel.id}", name: discord-news }\n  - { platform: telegram, chat: "-100", name: tg-group }\n`,
    );
    const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN, TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN }, undefined, parseThreads);
    await svc.ready();
    await svc.settled(30_000);
    // Both chats' first post is held unanswered, so the posts after it wait in the outbox (each chat's go in order).
    discord.hangWhere = (method, p) => method === 'POST' && p === `/channels/${channel.id}/messages`;
    telegram.hangMethods.add('sendMessage');
    const write = (file: string, title: string, controls = '') => writeFileSync(path.join(sb.notes, file), note(title, `${title}: what it is about.`, controls));
    write('first.md', 'First note');
    await discord.waitFor(() => discord.held === 1, 20_000, 'the first Discord post held');
    await telegram.waitFor(() => telegram.held === 1, 20_000, 'the first Telegram post held');
    write('hush.md', 'Hushed later');
    write('pin.md', 'Pinned later');
    write('off.md', 'Withdrawn later');
    write('moved.md', 'Moved later', 'notecast: { routes: [discord-news] }\n');
    await svc.batched(['hush.md', 'pin.md', 'off.md', 'moved.md'], 20_000);
    // The edits, while those posts are queued: each changes only the note's controls.
    const logBefore = svc.stderr.length;
    write('hush.md', 'Hushed later', 'notecast: { silent: true }\n');
    write('pin.md', 'Pinned later', 'notecast: { pin: true }\n');
    write('off.md', 'Withdrawn later', 'notecast: { announce: false }\n');
    write('moved.md', 'Moved later', 'notecast: { routes: [tg-group] }\n');
    // Each edit's decision is logged once it is committed (changed, or recorded unchanged).
    const decided = (id: string) => new RegExp(`"note":"${id}"[^\\n]*"msg":"note (changed|recorded)"`).test(svc.stderr.slice(logBefore));
    await svc.waitFor(() => ['hush', 'pin', 'off', 'moved'].every(decided), 20_000, 'the four edits applied');
    const from = svc.events.length;
    discord.release();
    telegram.release();
    await svc.idle(from, 60_000);

    const inDiscord = new Map(discord.messagesIn(channel.id).map((m) => [m.embeds[0]!.title, m]));
    expect([...inDiscord.keys()].sort()).toEqual(['First note', 'Hushed later', 'Pinned later']);
    expect(inDiscord.get('Hushed later')!.flags).toBe(MessageFlags.SuppressNotifications);
    expect(inDiscord.get('Pinned later')!.pinned).toBe(true);
    expect(inDiscord.get('First note')!.pinned).toBeFalsy();
    const sent = telegram.sentTo(group.id);
    const tg = (title: string) => sent.filter((m) => m.text.includes(title));
    expect(sent).toHaveLength(4);
    expect(tg('Hushed later').map((m) => m.silent)).toEqual([true]);
    expect(tg('Pinned later').map((m) => m.pinned)).toEqual([true]);
    expect(tg('Moved later')).toHaveLength(1);
    expect(tg('Withdrawn later')).toEqual([]);
    await svc.stop();
  }, 90_000);

  it('a silent post is flagged in every kind of Discord post (channel, forum, webhook) and never in an edit', () => {
    const summary: Summary = { title: 'T', keyPoints: [[{ text: 'A point.' }]], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 };
    const silent = { type: 'summary' as const, summary, silent: true };
    const TPL = Templates.defaults().global;
    expect(channelPostBody(silent, 'n', TPL).flags).toBe(MessageFlags.SuppressNotifications);
    expect(forumPostBody(silent, [], TPL).message.flags).toBe(MessageFlags.SuppressNotifications);
    expect(webhookPostBody({}, silent, false, TPL).flags).toBe(MessageFlags.SuppressNotifications);
    expect(bodyOf(silent, TPL).flags).toBeUndefined(); // the edit body: Edit Message sets only SUPPRESS_EMBEDS and IS_COMPONENTS_V2
    expect(channelPostBody({ type: 'summary', summary }, 'n', TPL).flags).toBeUndefined();
  });

  it('a note whose notecast.routes all leave it out is announced nowhere, and the log says so once (#29 F4)', async () => {
    const sb = sandbox(
      'watch:\n  quietMs: 200\npublish:\n  translations: { graceMs: 0 }\n' +
        'routes:\n  - { platform: console, chat: x, name: x, filter: { tags: [nomatch] } }\n  - { platform: console, chat: all, name: all }\n',
    );
    const svc = InProcessCli.start(sb, [], {}, undefined, parseThreads);
    await svc.ready();
    const from = await svc.settled(30_000);
    const logBefore = svc.stderr.length;
    writeFileSync(path.join(sb.notes, 'lost.md'), note('Lost note', 'Goes nowhere.', 'notecast: { routes: [x] }\n'));
    writeFileSync(path.join(sb.notes, 'found.md'), note('Found note', 'Goes to all.', 'notecast: { routes: [x, all] }\n'));
    await svc.idle(from, 30_000);
    const posts = svc.events.slice(from).filter((e) => e.event === 'post');
    expect(posts.map((e) => [e.target, e.noteId])).toEqual([['console:all', 'found']]);
    const said = svc.stderr.slice(logBefore).split('\n').filter((l) => l.includes('announced nowhere'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('"note":"lost"');
    await svc.stop();
  }, 60_000);
});
