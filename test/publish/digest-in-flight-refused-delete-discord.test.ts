/**
 * Review rv32-b R3, end to end (issue 25, s32-tk): on a Discord forum without Manage Threads, a burst's digest of Alpha
 * and Bravo is in flight (its answer held) when both are deleted: it goes out as it was (the forum post shows both
 * lines) and its post's delete is queued (digest-lines.ts recordSentDigest, fx26d); that delete is refused (50013).
 * Bravo is back beside Charlie while the delete is on its way: the digest behind it should give Bravo's line to the post
 * that stayed, as it does when the lines went after the digest was sent (under-way-refused-digest-delete-digest.test.ts).
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import type { FakeDiscord } from '../fakes/discord/server.js';
import { itWithFakes } from '../helpers/fakes.js';
import { REFUSING_DISCORD_TOKEN, REFUSING_TELEGRAM_TOKEN, discordChat } from '../helpers/refusing-chat.js';
import { fileParseThreads } from '../helpers/inproc.js';
import { statusOf } from '../helpers/cli.js';
import { killLeftoverServices, note } from '../helpers/service.js';

const parseThreads = fileParseThreads();
const it = itWithFakes({ telegram: { token: REFUSING_TELEGRAM_TOKEN }, discordToken: REFUSING_DISCORD_TOKEN });
afterAll(killLeftoverServices);

describe('a digest whose lines went while it was in flight, its post\'s delete refused, a note of it back in a digest behind', () => {
  it('Discord (forum post without Manage Threads): Bravo shows once', async ({ discord }: { discord: FakeDiscord }) => {
    const chat = await discordChat(discord, 'group', parseThreads, true);
    const write = (files: Record<string, string>) => {
      chat.svc.forgetBatched(Object.keys(files));
      for (const [file, title] of Object.entries(files)) writeFileSync(path.join(chat.notes, file), note(title, `Words about ${title} by the river.`));
      return chat.svc.batched(Object.keys(files));
    };
    // The digest's answer held: it is in flight.
    discord.dropAnswers = { count: 1, where: (method, p) => method === 'POST' && p.includes('/threads'), late: 'held' };
    await write({ 'a.md': 'Alpha 1', 'b.md': 'Bravo 1' });
    await chat.svc.waitFor(() => chat.held() === 1, 20_000, 'the digest sent, its answer held');
    const logFrom = chat.svc.stderr.length;
    unlinkSync(path.join(chat.notes, 'a.md'));
    unlinkSync(path.join(chat.notes, 'b.md'));
    await chat.svc.waitFor(() => (chat.svc.stderr.slice(logFrom).match(/"action":"retract"/g)?.length ?? 0) >= 2, 20_000, 'both removals decided');
    chat.refuseNextDelete(); // the post's delete: refused (50013), its answer held
    chat.answer(); // the digest answered: it shows Alpha 1 and Bravo 1
    await chat.svc.waitFor(() => chat.held() === 1, 20_000, 'the post\'s delete refused, its answer held');
    await write({ 'b.md': 'Bravo 2', 'c.md': 'Charlie 1' });
    const from = chat.svc.events.length;
    chat.answer();
    await chat.svc.idle(from, 20_000);
    expect(chat.refused()).toBe(1);
    const texts = discord.messages.filter((m) => !m.deleted && m.embeds[0]?.title?.startsWith('📚')).map((m) => m.embeds[0]?.description ?? '');
    expect(await chat.svc.stop()).toBe(0);
    const status = statusOf(chat.db).stdout.split('\n').filter((l) => /delete digest/.test(l)).join(' | ');
    console.log('RV32B forum', JSON.stringify(texts), 'status', status);
    expect(texts.filter((t) => /Bravo/.test(t)), `the forum shows ${JSON.stringify(texts)}; status: ${status}`).toHaveLength(1);
  }, 90_000);
});
