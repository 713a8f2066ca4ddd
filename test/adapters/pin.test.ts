/**
 * Front matter `notecast: {pin: true}` end to end: the real service, discord.js and grammY against
 * the fake Discord and Telegram. The pin is an outbox delivery of its own, queued with the post's
 * record: refused where the bot may not pin (that pin alone fails, with a log line and a line in
 * `status`), unpinning the previous announcement where the route says so, and sent once across a
 * kill -9. The service runs in this process (InProcessCli) but for the kill -9, the process's own.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { overwrite } from '../fakes/discord/permissions.js';
import { note, sandbox, Service } from '../helpers/service.js';
import { cliIn, jsonLines } from '../helpers/cli.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { useFakeDiscord, useFakeTelegram } from '../helpers/fakes.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
const TELEGRAM_TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const fakeDiscord = useFakeDiscord(DISCORD_TOKEN);
const fakeTelegram = useFakeTelegram({ token: TELEGRAM_TOKEN });


const PINNED = 'notecast: { pin: true }\n';

describe('notecast: {pin: true} through the real clients', () => {
  it('pins where the bot may, unpins the previous pin where the route says so, and a refused pin fails alone', async () => {
    const discord = fakeDiscord();
    const telegram = fakeTelegram();
    const guild = discord.addGuild();
    const news = discord.addChannel(guild, 0, 'news');
    const noPins = discord.addChannel(guild, 0, 'no-pins');
    // Send Messages but not Pin Messages in this channel (PIN_MESSAGES, 1 << 51: permissions.mdx).
    noPins.permission_overwrites = [overwrite(guild, 'role', { deny: ['PinMessages'] })];
    const group = telegram.addChat(-100, 'supergroup');
    const member = telegram.addChat(-200, 'supergroup');
    member.botRights = { canPinMessages: false }; // a member, or an admin without the right to pin
    const sb = sandbox(
      `watch:\n  quietMs: 200\ndiscord:\n  api: ${discord.api}\ntelegram:\n  apiRoot: ${telegram.apiRoot}\n` +
        `routes:\n  - { platform: discord, chat: "${news.id}", unpinPrevious: true }\n  - { platform: discord, chat: "${noPins.id}" }\n` +
        `  - { platform: telegram, chat: "-100", unpinPrevious: true }\n  - { platform: telegram, chat: "-200" }\n`,
    );
    const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN, TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN }, undefined, parseThreads);
    await svc.ready();
    let from = await svc.settled(30_000);

    writeFileSync(path.join(sb.notes, 'first.md'), note('First pinned', 'The first release.', PINNED));
    await svc.idle(from, 30_000);
    const [first] = discord.messagesIn(news.id);
    expect(first?.pinned).toBe(true);
    expect(discord.messagesIn(noPins.id)).toHaveLength(1); // the post went out; only its pin was refused
    expect(discord.messagesIn(noPins.id)[0]!.pinned).toBeFalsy();
    const tgFirst = telegram.sentTo(-100)[0]!;
    expect(tgFirst.pinned).toBe(true);
    expect(tgFirst.pinSilently).toBe(true); // the post notified already: the pin does not again
    expect(telegram.sentTo(-200)).toHaveLength(1);
    expect(telegram.sentTo(-200)[0]!.pinned).toBeFalsy();
    expect(svc.stderr).toMatch(/pin refused by the platform/);

    from = svc.events.length;
    writeFileSync(path.join(sb.notes, 'second.md'), note('Second pinned', 'The second release.', PINNED));
    writeFileSync(path.join(sb.notes, 'plain.md'), note('Not pinned', 'An ordinary note.'));
    await svc.waitFor(() => discord.messagesIn(noPins.id).length === 3 && telegram.sentTo(-200).length === 3, 30_000, 'the later notes in the chats that refused a pin');
    await svc.idle(from, 30_000);
    const pinnedIn = (id: string) => discord.messagesIn(id).filter((m) => m.pinned).map((m) => m.embeds[0]!.title);
    expect(pinnedIn(news.id)).toEqual(['Second pinned']); // the first one was unpinned
    expect(telegram.sentTo(-100).filter((m) => m.pinned).map((m) => m.text.includes('Second pinned'))).toEqual([true]);
    expect(pinnedIn(noPins.id)).toEqual([]);
    // Each pin and unpin went out once.
    expect(discord.pinCalls.filter((c) => c.channel === news.id).map((c) => c.method)).toEqual(['PUT', 'PUT', 'DELETE']);
    expect(telegram.calls.filter((c) => c.status === 200 && /pin/i.test(c.method) && Number(c.payload.chat_id) === -100).map((c) => c.method)).toEqual(['pinChatMessage', 'pinChatMessage', 'unpinChatMessage']);
    await svc.stop();

    const status = jsonLines((await cliIn(['status', '--json', '--config', sb.config, '--db', sb.db])).stdout)[0] as { failures: { kind: string; target: { chat: string }; error: string }[]; paused: unknown[] };
    const failedPins = status.failures.filter((f) => f.kind === 'pin').map((f) => f.target.chat).sort();
    expect(failedPins).toEqual(['-200', '-200', noPins.id, noPins.id].sort());
    expect(status.failures.every((f) => f.kind === 'pin')).toBe(true);
    expect(status.failures.find((f) => f.target.chat === '-200')!.error).toMatch(/not enough rights to manage pinned messages/);
    expect(status.failures.find((f) => f.target.chat === noPins.id)!.error).toMatch(/50013/);
  }, 90_000);

  it('a pin cut short by kill -9 is sent after the restart, once, and the post is not sent again', async () => {
    const telegram = fakeTelegram();
    telegram.addChat(-100, 'supergroup');
    const sb = sandbox(`watch:\n  quietMs: 200\ntelegram:\n  apiRoot: ${telegram.apiRoot}\nroutes:\n  - { platform: telegram, chat: "-100" }\n`);
    const svc = Service.start(sb, [], { TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN });
    await svc.ready();
    await svc.settled(30_000);
    telegram.hangMethods.add('pinChatMessage'); // the post goes out; its pin is held unanswered
    writeFileSync(path.join(sb.notes, 'pinned.md'), note('Pinned once', 'A release to keep in view.', PINNED));
    await telegram.waitFor(() => telegram.sentTo(-100).length === 1, 20_000, 'the post');
    await telegram.waitFor(() => telegram.held === 1, 20_000, 'the pin under way');
    await svc.kill9();
    telegram.release();
    expect(telegram.sentTo(-100)[0]!.pinned).toBeFalsy();

    // The restart in this process: the kill above is the process's point, what the next start sends is the service's.
    const restarted = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN }, undefined, parseThreads);
    await restarted.ready();
    await restarted.settled(30_000);
    const sent = telegram.sentTo(-100);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.pinned).toBe(true);
    expect(telegram.calls.filter((c) => c.method === 'pinChatMessage' && c.status === 200)).toHaveLength(1);
    expect(telegram.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(1);
    await restarted.stop();
  }, 90_000);
});
