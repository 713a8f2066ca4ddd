/**
 * Subscriptions to a search end to end: `/subscribe words:…` through discord.js and grammY against
 * the fakes, then notes saved into the folder go only where their words match.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { startBesideFakes, itWithFakes } from '../helpers/fakes.js';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox } from '../helpers/service.js';

const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
const TELEGRAM_TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
// The tests run at once, each with fakes and a service of its own (they mostly wait on quiet
// periods and the platforms' pace); whatever a failed test left is stopped at the end.
const it = itWithFakes({ discordToken: DISCORD_TOKEN, telegram: { token: TELEGRAM_TOKEN } });
afterAll(killLeftoverServices);
const MANAGE_CHANNELS = 1n << 4n;
const ADMIN = 11;


describe.concurrent('/subscribe words: a chat gets the new notes its saved search matches', () => {
  it('Discord option and Telegram argument; /subscriptions shows them; only matching notes are announced', async ({ discord, telegram }) => {
    const guild = discord.addGuild();
    const channel = discord.addChannel(guild, 0, 'rust');
    const group = telegram.addChat(-100, 'supergroup', { [ADMIN]: 'administrator' });
    const { sb, svc } = await startBesideFakes(discord, telegram, { DISCORD_TOKEN, TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN }, 'watch:\n  quietMs: 200\n');

    const dc = await discord.interact({ type: 2, guild, channel: channel.id, permissions: MANAGE_CHANNELS, name: 'subscribe', options: [{ type: 3, name: 'words', value: 'rust async' }] });
    expect(String(dc.data?.content)).toMatch(/Subscribed \(#\d+\): words:"rust async"/);
    telegram.command(group.id, ADMIN, '/subscribe words:"模型 文件"');
    await telegram.waitFor(() => telegram.sentTo(group.id).length === 1, 10_000, 'subscribed');
    expect(telegram.sentTo(group.id)[0]!.text).toMatch(/Subscribed \(#\d+\): words:"模型 文件"/);
    const list = await discord.interact({ type: 2, guild, channel: channel.id, permissions: 0n, name: 'subscriptions', options: [] });
    expect(String(list.data?.content)).toContain('words:"rust async"');

    const from = await svc.settled(30_000);
    writeFileSync(path.join(sb.notes, 'tokio.md'), note('Tokio notes', 'Asynchronous Rust with Tokio: futures and tasks.'));
    writeFileSync(path.join(sb.notes, 'python.md'), note('Python asyncio', 'Async Python with asyncio.'));
    writeFileSync(path.join(sb.notes, 'ud-zh.md'), note('模型文件名中的UD含义', '量化模型的文件名里常见UD。'));
    await discord.waitFor(() => discord.messagesIn(channel.id).length === 1, 20_000, 'the Rust note on Discord');
    await telegram.waitFor(() => telegram.sentTo(group.id).length === 2, 20_000, 'the Chinese note on Telegram');
    await svc.idle(from, 20_000); // everything the three notes caused is out

    expect(discord.messagesIn(channel.id).map((m) => m.embeds[0]!.title)).toEqual(['Tokio notes']);
    const tg = telegram.sentTo(group.id).slice(1);
    expect(tg).toHaveLength(1);
    expect(tg[0]!.text).toContain('模型文件名中的UD含义');
  });

  it('an edit reaches every chat with a message of the note, also one its search or routes no longer pick (#29 F3); nothing is deleted or posted there', async ({ telegram }) => {
    const searching = telegram.addChat(-100, 'supergroup', { [ADMIN]: 'administrator' });
    const everything = telegram.addChat(-500, 'supergroup', { [ADMIN]: 'administrator' });
    telegram.addChat(-300, 'supergroup');
    telegram.addChat(-301, 'supergroup');
    const sb = sandbox(
      `watch:\n  quietMs: 200\npublish:\n  onDelete: delete\n  translations: { graceMs: 0 }\ntelegram:\n  apiRoot: ${telegram.apiRoot}\n` +
        'routes:\n  - { platform: telegram, chat: "-300", name: alpha }\n  - { platform: telegram, chat: "-301", name: beta }\n',
    );
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN });
    await svc.ready();
    await telegram.waitFor(() => telegram.calls.some((c) => c.method === 'getUpdates'), 10_000, 'polling');
    telegram.command(searching.id, ADMIN, '/subscribe words:"stream"');
    telegram.command(everything.id, ADMIN, '/subscribe');
    await telegram.waitFor(() => telegram.sentTo(searching.id).length === 1 && telegram.sentTo(everything.id).length === 1, 10_000, 'subscribed');
    const messages = (chat: number) => telegram.sentTo(chat).slice(chat === searching.id || chat === everything.id ? 1 : 0);
    const write = (file: string, title: string, body: string, extra = '') => writeFileSync(path.join(sb.notes, file), note(title, body, extra));

    let from = await svc.settled(30_000);
    write('s1.md', 'Stream one', 'A stream of kafka events.');
    write('r1.md', 'Routed one', 'Routed to alpha first.', 'notecast: { routes: [alpha] }\n');
    await svc.idle(from, 30_000);
    // Routes without a filter take every note; `routes: [alpha]` keeps r1 out of the subscriptions.
    expect([searching.id, everything.id, -300, -301].map((chat) => messages(chat).length)).toEqual([1, 1, 2, 1]);
    from = svc.events.length;
    write('s1.md', 'Stream one', 'A stream of kafka events, edited.');
    await svc.idle(from, 30_000);
    from = svc.events.length;
    write('s1.md', 'Batch one', 'No longer about that topic.');
    write('r1.md', 'Routed again', 'Now routed to beta.', 'notecast: { routes: [beta] }\n');
    await svc.idle(from, 30_000);

    const [inSearch] = messages(searching.id);
    expect(messages(searching.id)).toHaveLength(1); // edited, not posted again, not deleted
    expect(inSearch!.deleted).toBe(false);
    expect(inSearch!.text).toContain('Batch one');
    expect(inSearch!.editedTimes).toBe(2);
    expect(messages(everything.id).map((m) => [m.text.includes('Batch one'), m.editedTimes])).toEqual([[true, 2]]);
    const inAlpha = messages(-300).filter((m) => m.text.includes('Routed'));
    expect(inAlpha.map((m) => [m.text.includes('Routed again'), m.editedTimes, m.deleted])).toEqual([[true, 1, false]]);
    expect(messages(-300)).toHaveLength(2);
    // beta, named only now, gets the note posted: a chat it goes to only now
    expect(messages(-301).map((m) => m.text.includes('Routed again'))).toEqual([false, true]);
    await svc.stop();
  }, 90_000);
});

describe.concurrent('/subscribe words: typed in a chat (issue 29, F1, F2)', () => {
  it('Telegram reads quoted and unquoted words; an empty words is refused on both platforms, never all notes', async ({ discord, telegram }) => {
    const guild = discord.addGuild();
    const channel = discord.addChannel(guild, 0, 'rust');
    const group = telegram.addChat(-100, 'supergroup', { [ADMIN]: 'administrator' });
    const { sb, svc } = await startBesideFakes(discord, telegram, { DISCORD_TOKEN, TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN }, 'watch:\n  quietMs: 200\n');

    const replies: string[] = [];
    for (const typed of ['/subscribe words:rust async tag:ai', '/subscribe words:„tokio runtime“', '/subscribe words:', '/subscribe words:"" tag:ai', '/subscriptions']) {
      telegram.command(group.id, ADMIN, typed);
      await telegram.waitFor(() => telegram.sentTo(group.id).length === replies.length + 1, 10_000, typed);
      replies.push(telegram.sentTo(group.id).at(-1)!.text);
    }
    expect(replies[0]).toMatch(/^Subscribed \(#\d+\): words:"rust async" tag:ai\./);
    expect(replies[1]).toMatch(/^Subscribed \(#\d+\): words:"tokio runtime"\./);
    expect(replies[2]).toBe('Sorry, words: needs the words to look for, such as /subscribe words:"rust async". Nothing was subscribed.');
    expect(replies[3]).toBe(replies[2]);
    expect(replies[4]!.split('\n').slice(1).map((l) => l.replace(/^#\d+: /, ''))).toEqual(['words:"rust async" tag:ai', 'words:"tokio runtime"']);

    for (const value of ['', '   ']) {
      const dc = await discord.interact({ type: 2, guild, channel: channel.id, permissions: MANAGE_CHANNELS, name: 'subscribe', options: [{ type: 3, name: 'words', value }] });
      expect(String(dc.data?.content)).toMatch(/^Sorry, words: needs the words to look for/);
    }
    const list = await discord.interact({ type: 2, guild, channel: channel.id, permissions: 0n, name: 'subscriptions', options: [] });
    expect(String(list.data?.content)).toMatch(/^No subscriptions here yet/);
  });
});
