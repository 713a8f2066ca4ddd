/**
 * Front matter `notecast:` controls end to end: the real service, discord.js and grammY against
 * the fake Discord and Telegram, with named config routes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { useFakeDiscord, useFakeTelegram } from '../helpers/fakes.js';
import { InProcessCli } from '../helpers/inproc.js';
import { note, sandbox } from '../helpers/service.js';
import { bodyOf, channelPostBody, forumPostBody, webhookPostBody } from '../../src/adapters/discord/deliver.js';
import { Templates } from '../../src/render/templates/compile.js';
import type { Summary } from '../../src/summary/build.js';

const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
const TELEGRAM_TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const fakeDiscord = useFakeDiscord(DISCORD_TOKEN);
const fakeTelegram = useFakeTelegram({ token: TELEGRAM_TOKEN });


describe('notecast: controls through the real clients', () => {
  it('silent posts carry each platform’s flag, routes pick config routes by name, announce: false posts nothing', async () => {
    const discord = fakeDiscord();
    const telegram = fakeTelegram();
    const guild = discord.addGuild();
    const channel = discord.addChannel(guild, 0, 'notes');
    const group = telegram.addChat(-100, 'supergroup');
    const sb = sandbox(
      `watch:\n  quietMs: 200\ndiscord:\n  api: ${discord.api}\ntelegram:\n  apiRoot: ${telegram.apiRoot}\n` +
        `routes:\n  - { platform: discord, chat: "${channel.id}", name: discord-news }\n  - { platform: telegram, chat: "-100", name: tg-group }\n`,
    );
    const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN, TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN });
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
});
