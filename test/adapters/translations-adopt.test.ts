/**
 * Issue 25, F1: translations announced each on its own (`publish.translations: separate`), then the
 * setup switched to `group` and a new translation added. Each chat keeps one message for the family:
 * the member's own message is adopted and edited, never a second post (Telegram and Discord, through
 * grammY and discord.js against the fakes).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { useFakeDiscord, useFakeTelegram } from '../helpers/fakes.js';
import { note, sandbox } from '../helpers/service.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
const TELEGRAM_TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const env = { DISCORD_TOKEN, TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN };
const fakeDiscord = useFakeDiscord(DISCORD_TOKEN);
const fakeTelegram = useFakeTelegram({ token: TELEGRAM_TOKEN });
let svc: InProcessCli | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

describe('publish.translations switched from separate to group (issue 25, F1)', () => {
  it('a new translation edits the message each chat already has, and the other members’ own messages go', { timeout: 90_000 }, async () => {
    const discord = fakeDiscord();
    const telegram = fakeTelegram();
    const channel = discord.addChannel(discord.addGuild(), 0, 'ja-news');
    const [en, ja] = [telegram.addChat(3001, 'private').id, telegram.addChat(3002, 'private').id];
    const sb = sandbox(
      [
        'watch:\n  quietMs: 200',
        'publish:\n  translations: { mode: separate, graceMs: 0 }',
        `discord:\n  api: ${discord.api}\n  registerCommands: false`,
        `telegram:\n  apiRoot: ${telegram.apiRoot}\n  registerCommands: false`,
        'routes:',
        `  - { platform: telegram, chat: "${en}", locale: en }`,
        `  - { platform: telegram, chat: "${ja}", locale: ja }`,
        `  - { platform: discord, chat: "${channel.id}", locale: ja }`,
      ].join('\n') + '\n',
    );
    svc = InProcessCli.start(sb, [], env, undefined, parseThreads);
    let from = await svc.settled(30_000);
    writeFileSync(path.join(sb.notes, 's-en.md'), note('S English', 'S text in English.'));
    writeFileSync(path.join(sb.notes, 's-ja.md'), note('S Japanese', 'S テキスト。'));
    await telegram.waitFor(() => telegram.sentTo(ja).length === 2 && discord.messagesIn(channel.id).length === 2, 20_000, 'separate posts');
    await svc.idle(from, 20_000);
    await svc.stop();

    writeFileSync(sb.config, readFileSync(sb.config, 'utf8').replace('mode: separate', 'mode: group'));
    svc = InProcessCli.start(sb, [], env, undefined, parseThreads);
    from = await svc.settled(30_000); // the first group start adopts and tidies the separate messages
    for (const chat of [en, ja]) expect(telegram.sentTo(chat)).toHaveLength(1);
    expect(discord.messagesIn(channel.id)).toHaveLength(1);

    writeFileSync(path.join(sb.notes, 's-de.md'), note('S Deutsch', 'S Text auf Deutsch.'));
    await svc.batched(['s-de.md']);
    await svc.idle(from, 20_000);
    const everPosted = (chat: number) => telegram.messages.filter((m) => m.chatId === chat);
    // Two posts each from separate (one per note), none since: the new member edited the adopted one.
    expect(everPosted(en)).toHaveLength(2);
    expect(everPosted(ja)).toHaveLength(2);
    expect(discord.messages.filter((m) => m.channel_id === channel.id)).toHaveLength(2);
    const [enLive] = telegram.sentTo(en);
    const [jaLive] = telegram.sentTo(ja);
    expect(telegram.sentTo(en)).toHaveLength(1);
    expect(enLive!.text).toContain('S English');
    expect(enLive!.text).toContain('Deutsch');
    expect(telegram.sentTo(ja)).toHaveLength(1);
    expect(jaLive!.text).toContain('S Japanese');
    expect(jaLive!.text).toContain('Deutsch');
    const dc = discord.messagesIn(channel.id);
    expect(dc).toHaveLength(1);
    expect(JSON.stringify(dc[0]!.embeds)).toContain('S Japanese');
    expect(JSON.stringify(dc[0]!.embeds)).toContain('Deutsch');
  });
});
