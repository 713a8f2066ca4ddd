/**
 * The outside tester's findings on /subscribe (issue 29, t29 N1-N5, N12), through grammY and
 * discord.js against the fakes: what a chat is answered, and which new notes then reach it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect } from 'vitest';
import { startBesideFakes, itWithFakes } from '../helpers/fakes.js';
import { killLeftoverServices, note } from '../helpers/service.js';

const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
const TELEGRAM_TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
// The tests run at once, each with fakes and a service of its own (they mostly wait on quiet
// periods and the platforms' pace); whatever a failed test left is stopped at the end.
const it = itWithFakes({ discordToken: DISCORD_TOKEN, telegram: { token: TELEGRAM_TOKEN } });
afterAll(killLeftoverServices);
const MANAGE_CHANNELS = 1n << 4n;
const ADMIN = 11;

describe.concurrent('/subscribe words: and its options, typed in chats (issue 29, t29)', () => {
  it('accents fold as /note folds them, symbols never leave a flooding prefix, text after quotes is a tag, empty and wordless options are refused', async ({ discord, telegram }) => {
    const guild = discord.addGuild();
    const channel = discord.addChannel(guild, 0, 'news');
    const { sb, svc } = await startBesideFakes(discord, telegram, { DISCORD_TOKEN, TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN }, 'watch:\n  quietMs: 200\npublish:\n  translations: { graceMs: 0 }\n');

    // One chat per command (and one admin each, under the per-user rate limit): its first message is the reply, the rest what it was announced.
    const typed = ['/subscribe words:cafe', '/subscribe words:"c++"', '/subscribe words:"rust async" ai', '/subscribe words:"*"', '/subscribe words:🎉', '/subscribe words:rust digest:', '/subscribe words:rust digest:"daily 09:00" tz:', '/help'];
    const chats = typed.map((_, i) => telegram.addChat(-200 - i, 'supergroup', { [ADMIN + i]: 'administrator' }).id);
    typed.forEach((t, i) => telegram.command(chats[i]!, ADMIN + i, t));
    await telegram.waitFor(() => chats.every((c) => telegram.sentTo(c).length === 1), 15_000, 'every reply');
    const reply = (i: number) => telegram.sentTo(chats[i]!)[0]!.text;
    expect(reply(0)).toMatch(/^Subscribed \(#\d+\): words:"cafe"\./);
    expect(reply(1)).toMatch(/^Subscribed \(#\d+\): words:"c\+\+"\./);
    expect(reply(2)).toMatch(/^Subscribed \(#\d+\): words:"rust async" tag:ai\./); // N4
    for (const i of [3, 4]) expect(reply(i), typed[i]).toMatch(/^Sorry, words: needs letters or digits to look for .*Nothing was subscribed\.$/); // N2
    expect(reply(5)).toBe('Sorry, digest: needs a time of day, such as /subscribe digest:"daily 09:00". Nothing was subscribed.'); // N5
    expect(reply(6)).toBe('Sorry, tz: needs a time zone name, such as /subscribe tz:Europe/Paris. Nothing was subscribed.');
    expect(reply(7)).toMatch(/\[digest:"daily 09:00"\] \[tz:Europe\/Paris\]/); // N12

    // Discord: the same refusals for options given as "" or symbols alone.
    const subscribe = async (options: Array<{ name: string; value: string }>) => {
      const r = await discord.interact({ type: 2, guild, channel: channel.id, permissions: MANAGE_CHANNELS, name: 'subscribe', options: options.map((o) => ({ type: 3, ...o })) });
      return String(r.data?.content);
    };
    expect(await subscribe([{ name: 'words', value: '***' }])).toMatch(/^Sorry, words: needs letters or digits/);
    expect(await subscribe([{ name: 'words', value: 'rust' }, { name: 'digest', value: '""' }])).toMatch(/^Sorry, digest: needs a time of day/);
    expect(await subscribe([{ name: 'words', value: 'rust' }, { name: 'digest', value: 'daily 09:00' }, { name: 'tz', value: '""' }])).toMatch(/^Sorry, tz: needs a time zone name/);
    const list = await discord.interact({ type: 2, guild, channel: channel.id, permissions: 0n, name: 'subscriptions', options: [] });
    expect(String(list.data?.content)).toMatch(/^No subscriptions here yet/);

    const from = await svc.settled(30_000);
    writeFileSync(path.join(sb.notes, 'cafe.md'), note('Café two', 'Another Café review.'));
    writeFileSync(path.join(sb.notes, 'cucumbers.md'), note('Cucumbers', 'Cats and cucumbers grow fast in 2026.'));
    writeFileSync(path.join(sb.notes, 'cpp.md'), note('Templates in C++', 'Generic code with C++ templates.'));
    writeFileSync(path.join(sb.notes, 'rust.md'), note('Async Rust', 'Rust async functions, tagged ai.', 'tags: [ai]\n'));
    await svc.idle(from, 30_000); // every announcement the four notes caused is out
    const announced = (i: number) => telegram.sentTo(chats[i]!).slice(1).map((m) => m.text.split('\n')[0]);
    expect(announced(0)).toEqual([expect.stringContaining('Café two')]); // N1
    expect(announced(1)).toEqual([expect.stringContaining('Templates in C++')]); // N3: not Café, not Cucumbers
    expect(announced(2)).toEqual([expect.stringContaining('Async Rust')]);
    for (const i of [3, 4, 5, 6, 7]) expect(announced(i), typed[i]).toEqual([]);
    expect(discord.messagesIn(channel.id)).toEqual([]);
    await svc.stop();
  }, 90_000);
});

describe.concurrent('/subscribe with a key it does not have, or a key given again empty, typed on Telegram (issue 31)', () => {
  it('is refused with a line naming the keys there are, or the empty option’s line; nothing is subscribed', async ({ discord, telegram }) => {
    const { sb, svc } = await startBesideFakes(discord, telegram, { DISCORD_TOKEN, TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN }, 'watch:\n  quietMs: 200\n');
    const typed = ['/subscribe words:rust langs:en', '/subscribe wrds:rust', '/subscribe words:"a" words:""', '/subscribe words:rust lang:en'];
    const chats = typed.map((_, i) => telegram.addChat(-400 - i, 'supergroup', { [ADMIN + i]: 'administrator' }).id);
    typed.forEach((t, i) => telegram.command(chats[i]!, ADMIN + i, t));
    await telegram.waitFor(() => chats.every((c) => telegram.sentTo(c).length === 1), 15_000, 'every reply');
    const reply = (i: number) => telegram.sentTo(chats[i]!)[0]!.text;
    const keys = 'its options are tag:, lang:, type:, words:, digest: and tz:. Nothing was subscribed.';
    expect(reply(0)).toBe(`Sorry, /subscribe has no option langs:; ${keys}`);
    expect(reply(1)).toBe(`Sorry, /subscribe has no option wrds:; ${keys}`);
    expect(reply(2)).toBe('Sorry, words: needs the words to look for, such as /subscribe words:"rust async". Nothing was subscribed.');
    expect(reply(3)).toMatch(/^Subscribed \(#\d+\): words:"rust" lang:en\./);
    await svc.stop();
    const db = new Database(sb.db, { readonly: true });
    expect(db.prepare('SELECT chat FROM subscriptions').pluck().all()).toEqual([String(chats[3])]);
    db.close();
  }, 60_000);
});
