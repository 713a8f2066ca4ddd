/**
 * Review rv-c R1 (issue 25): a digest message whose only line was note B, its delete refused for good, B back meanwhile
 * in the same batch as another new note (so B is queued as a digest line, not a post). The message is handed only to a
 * *post* behind the delete (store/under-way.ts digestMessageTakenOver); a digest listing B goes out as it is, so B shows
 * twice, and that is said in the log and on the failed delete's line in `status` (digestsListingLineShown). Showing B
 * once (the digest gives its line up to the message that stayed) is not done yet: the `it.fails` below holds it.
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import type { FakeTelegram } from '../fakes/telegram/server.js';
import type { FakeDiscord } from '../fakes/discord/server.js';
import { itWithFakes } from '../helpers/fakes.js';
import { REFUSING_DISCORD_TOKEN, REFUSING_TELEGRAM_TOKEN, telegramChat, discordChat, type Chat } from '../helpers/refusing-chat.js';
import { fileParseThreads } from '../helpers/inproc.js';
import { statusOf } from '../helpers/cli.js';
import { killLeftoverServices, note } from '../helpers/service.js';

const parseThreads = fileParseThreads();
const it = itWithFakes({ telegram: { token: REFUSING_TELEGRAM_TOKEN }, discordToken: REFUSING_DISCORD_TOKEN });
afterAll(killLeftoverServices);

async function save(chat: Chat, files: Record<string, string>): Promise<void> {
  const from = chat.svc.events.length;
  chat.svc.forgetBatched(Object.keys(files));
  for (const [file, title] of Object.entries(files)) writeFileSync(path.join(chat.notes, file), note(title, `Words about ${title} by the river.`));
  await chat.svc.batched(Object.keys(files));
  await chat.svc.idle(from, 20_000);
}

async function remove(chat: Chat, file: string): Promise<void> {
  const logFrom = chat.svc.stderr.length;
  unlinkSync(path.join(chat.notes, file));
  await chat.svc.waitFor(() => /"action":"retract"/.test(chat.svc.stderr.slice(logFrom)), 20_000, `the removal of ${file} decided`);
}

/** a.md and b.md in one digest, a.md deleted (the digest lists Bravo alone), b.md deleted with that delete refused and
 * held, b.md back beside a new c.md (a digest of two, queued behind the delete), then the refusal answered. */
async function backInDigestBehindRefusedDelete(chat: Chat): Promise<void> {
  await save(chat, { 'a.md': 'Alpha 1', 'b.md': 'Bravo 1' });
  expect(chat.shown()).toHaveLength(1);
  let from = chat.svc.events.length;
  await remove(chat, 'a.md');
  await chat.svc.idle(from, 20_000);
  chat.refuseNextDelete();
  await remove(chat, 'b.md');
  await chat.svc.waitFor(() => chat.held() === 1, 20_000, 'the digest message\'s delete refused, its answer held');
  chat.svc.forgetBatched(['b.md', 'c.md']);
  writeFileSync(path.join(chat.notes, 'b.md'), note('Bravo 2', 'Words about Bravo 2 by the river.'));
  writeFileSync(path.join(chat.notes, 'c.md'), note('Charlie 1', 'Words about Charlie 1 by the river.'));
  await chat.svc.batched(['b.md', 'c.md']);
  from = chat.svc.events.length;
  chat.answer();
  await chat.svc.idle(from, 20_000);
  expect(chat.refused()).toBe(1);
}

const SAID_IN_LOG = /a digest queued behind the delete lists it: the chat shows it twice/;
const SAID_IN_STATUS = /#\d+ delete digest:.*message can't be deleted; its note came back meanwhile in digest #\d+: the chat shows it twice/;

describe('digest message\'s only line back in a digest (not a post) while its delete is refused', () => {
  it('Telegram: Bravo shows twice (the stayed message and the new digest), and the log and status say so', async ({ telegram }: { telegram: FakeTelegram }) => {
    const chat = await telegramChat(telegram, 'group', parseThreads, true);
    await backInDigestBehindRefusedDelete(chat);
    expect(telegramTexts(telegram)).toEqual(['📚 1 new note\n\n• Bravo 1', '📚 2 new notes\n\n• Bravo 2\n• Charlie 1']);
    expect(chat.svc.stderr).toMatch(SAID_IN_LOG);
    expect(await chat.svc.stop()).toBe(0);
    expect(statusOf(chat.db).stdout).toMatch(SAID_IN_STATUS);
  }, 90_000);

  it('Discord (forum post without Manage Threads): two posts stay, and the log and status say Bravo shows twice', async ({ discord }: { discord: FakeDiscord }) => {
    const chat = await discordChat(discord, 'group', parseThreads, true);
    await backInDigestBehindRefusedDelete(chat);
    expect(chat.shown()).toEqual(['📚 1 new note', '📚 2 new notes']);
    expect(chat.svc.stderr).toMatch(SAID_IN_LOG);
    expect(await chat.svc.stop()).toBe(0);
    expect(statusOf(chat.db).stdout).toMatch(/#\d+ delete digest:.*50013 Missing Permissions; its note came back meanwhile in digest #\d+: the chat shows it twice/);
  }, 90_000);

  // Not done yet (review rv-c R1's better fix): the digest behind the delete gives Bravo's line up and the message that
  // stayed is edited to Bravo 2, so Bravo shows once. Today Bravo shows twice (said, see above).
  it.fails('Telegram: Bravo shows once (the new digest gives its line up to the message that stayed)', async ({ telegram }: { telegram: FakeTelegram }) => {
    const chat = await telegramChat(telegram, 'group', parseThreads, true);
    await backInDigestBehindRefusedDelete(chat);
    expect(await chat.svc.stop()).toBe(0);
    expect(telegramTexts(telegram).filter((t) => /Bravo/.test(t))).toHaveLength(1);
  }, 90_000);
});

function telegramTexts(telegram: FakeTelegram): string[] {
  return telegram.sentTo(-100777).map((m) => m.text);
}
