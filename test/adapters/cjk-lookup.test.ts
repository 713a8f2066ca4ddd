/**
 * Issue 29: a katakana word with the long-vowel mark ー (データベース) is found by `/note` and by a
 * saved search, through discord.js and grammY against the fakes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { startBesideFakes, itWithFakes } from '../helpers/fakes.js';
import { killLeftoverServices, note } from '../helpers/service.js';

const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
const TELEGRAM_TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
// The tests run at once, each with fakes and a service of its own (they mostly wait on quiet
// periods and the platforms' pace); whatever a failed test left is stopped at the end.
const it = itWithFakes({ discordToken: DISCORD_TOKEN, telegram: { token: TELEGRAM_TOKEN } });
afterAll(killLeftoverServices);
const ADMIN = 11;

describe.concurrent('katakana words with ー in lookups and saved searches (issue 29)', () => {
  it('/subscribe words:"データベース" gets the note whose text has it; /note finds it on both platforms', async ({ discord, telegram }) => {
    const guild = discord.addGuild();
    const channel = discord.addChannel(guild, 0, 'ja');
    const group = telegram.addChat(-100, 'supergroup', { [ADMIN]: 'administrator' });
    const { sb, svc } = await startBesideFakes(discord, telegram, { DISCORD_TOKEN, TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN }, 'watch:\n  quietMs: 200\n');

    telegram.command(group.id, ADMIN, '/subscribe words:"データベース"');
    await telegram.waitFor(() => telegram.sentTo(group.id).length === 1, 10_000, 'subscribed');
    expect(telegram.sentTo(group.id)[0]!.text).toMatch(/Subscribed \(#\d+\): words:"データベース"/);

    const from = await svc.settled(30_000);
    writeFileSync(path.join(sb.notes, 'memo.md'), note('設計メモ', 'サーバーのキャッシュとデータベースを分ける。'));
    writeFileSync(path.join(sb.notes, 'other.md'), note('キャッシュの話', 'サーバーのメモリだけを使う。'));
    await telegram.waitFor(() => telegram.sentTo(group.id).length === 2, 20_000, 'the note with データベース');
    await svc.idle(from, 20_000);
    const posts = telegram.sentTo(group.id).slice(1);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.text).toContain('設計メモ');

    telegram.command(group.id, ADMIN, '/note データベース');
    await telegram.waitFor(() => telegram.sentTo(group.id).length === 3, 10_000, 'the /note answer');
    expect(telegram.sentTo(group.id)[2]!.text).toContain('設計メモ');
    const dc = await discord.interact({ type: 2, guild, channel: channel.id, name: 'note', locale: 'ja', options: [{ type: 3, name: 'query', value: 'ータベ' }] });
    expect(JSON.stringify(dc.data)).toContain('設計メモ');
  });
});
