/**
 * A Telegram group that became a supergroup (issue 25, tester F1/F5/F6). The fake answers every call
 * to the old group 400 "group chat was upgraded to a supergroup chat" with ResponseParameters
 * `migrate_to_chat_id` (core.telegram.org/bots/api#responseparameters), and numbers messages per
 * chat ("unique message identifier inside this chat": core.telegram.org/bots/api#message): the old
 * group's message 3 is not the supergroup's message 3. An edit or delete of a message in the old group
 * is not sent (and said so), never made to the supergroup's message of the same number; a note the
 * supergroup already gets is posted there once.
 */
import { rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import type { FakeTelegram } from '../fakes/telegram/server.js';
import { itWithFakes } from '../helpers/fakes.js';
import { statusOf } from '../helpers/cli.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox } from '../helpers/service.js';

const parseThreads = fileParseThreads();
const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const ADMIN = 11;
const OLD = -602;
const SUPER = -1000602;

const it = itWithFakes({ telegram: { token: TOKEN } });
afterAll(killLeftoverServices);

/** A service whose group (subscribed to everything) announced Alpha, then became a supergroup. */
async function migratedAfterAlpha(fake: FakeTelegram, extra = '') {
  const old = fake.addChat(OLD, 'group', { [ADMIN]: 'creator' });
  fake.addChat(SUPER, 'supergroup', { [ADMIN]: 'creator' });
  const sb = sandbox(`watch:\n  quietMs: 200\ndelivery:\n  baseDelayMs: 200\n  maxDelayMs: 500\ntelegram:\n  apiRoot: ${fake.apiRoot}\n  registerCommands: false\n${extra}`);
  const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
  await svc.ready();
  await fake.waitFor(() => fake.calls.some((c) => c.method === 'getUpdates'), 10_000, 'polling');
  fake.command(OLD, ADMIN, '/subscribe');
  await fake.waitFor(() => fake.sentTo(OLD).some((m) => /Subscribed/.test(m.text)), 10_000, 'subscribe reply');
  writeFileSync(path.join(sb.notes, 'alpha.md'), note('Alpha note', 'Alpha body about things.'));
  await fake.waitFor(() => shown(fake).some((s) => s.includes('Alpha')), 15_000, 'alpha posted');
  old.state = { migratedTo: SUPER };
  return { sb, svc };
}

/** What the chats show: `chat/message_id: title` of every announcement not deleted. */
function shown(fake: FakeTelegram): string[] {
  return fake.messages.filter((m) => !m.deleted && !/Subscri/.test(m.text)).map((m) => `${m.chatId}/${m.messageId}: ${m.text.split('\n')[0]}`);
}

/** Bravo, Charlie and Delta, posted after the move: the supergroup's messages 1, 2 and 3. */
async function threeInSupergroup(fake: FakeTelegram, notes: string) {
  for (const n of ['Bravo', 'Charlie', 'Delta']) writeFileSync(path.join(notes, `${n.toLowerCase()}.md`), note(`${n} note`, `${n} body text here.`));
  await fake.waitFor(() => fake.sentTo(SUPER).filter((m) => /Bravo|Charlie|Delta/.test(m.text)).length === 3, 20_000, 'three posted');
}

describe.concurrent('a Telegram group that became a supergroup', () => {
  it('an edit of a note announced in the old group is not sent to the supergroup message of the same id, and says so', async ({ telegram: fake }) => {
    const { sb, svc } = await migratedAfterAlpha(fake);
    await threeInSupergroup(fake, sb.notes);
    await svc.settled();
    writeFileSync(path.join(sb.notes, 'alpha.md'), note('Alpha note revised', 'Alpha body about other things entirely now.'));
    await fake.waitFor(() => fake.calls.some((c) => c.method === 'editMessageText'), 15_000, 'edit tried');
    await svc.settled();
    await svc.stop();
    expect(fake.calls.filter((c) => c.method === 'editMessageText').map((c) => Number(c.payload.chat_id))).not.toContain(SUPER);
    expect(shown(fake).sort()).toEqual([`${OLD}/3: Alpha note`, `${SUPER}/1: Bravo note`, `${SUPER}/2: Charlie note`, `${SUPER}/3: Delta note`].sort());
    expect(statusOf(sb.db).stdout).toMatch(/edits not sent[\s\S]*telegram:-602 .*became the supergroup -1000602/);
    rmSync(sb.dir, { recursive: true, force: true });
  });

  // Tester 26-1 F8: docs/operations.md's remedy, `announce: again`, posts the note anew in the supergroup, "then it is
  // no longer listed"; before, the old group's line stayed (only a later post in the same chat took it off the list).
  it('an edit not sent to the old group is no longer listed once `announce: again` posts the note in the supergroup, nor after its later edits', async ({ telegram: fake }) => {
    const { sb, svc } = await migratedAfterAlpha(fake);
    writeFileSync(path.join(sb.notes, 'bravo.md'), note('Bravo note', 'Bravo body text here.'));
    await fake.waitFor(() => fake.sentTo(SUPER).some((m) => /Bravo/.test(m.text)), 15_000, 'bravo posted: the move is seen');
    writeFileSync(path.join(sb.notes, 'alpha.md'), note('Alpha note revised', 'Alpha body about other things entirely now.'));
    await fake.waitFor(() => fake.calls.some((c) => c.method === 'editMessageText'), 15_000, 'edit tried');
    await svc.settled();
    expect(statusOf(sb.db).stdout).toMatch(/edits not sent[\s\S]*telegram:-602 /);
    writeFileSync(path.join(sb.notes, 'alpha.md'), note('Alpha note again', 'Alpha body about other things entirely now.', 'notecast: {announce: again}\n'));
    await fake.waitFor(() => fake.sentTo(SUPER).some((m) => /Alpha note again/.test(m.text)), 15_000, 'alpha posted anew in the supergroup');
    await svc.settled();
    expect(statusOf(sb.db).stdout).not.toContain('edits not sent');
    writeFileSync(path.join(sb.notes, 'alpha.md'), note('Alpha note again, edited', 'Alpha body about other things entirely now.'));
    await fake.waitFor(() => fake.sentTo(SUPER).some((m) => /Alpha note again, edited/.test(m.text)), 15_000, 'the edit in the supergroup');
    await svc.settled();
    await svc.stop();
    expect(statusOf(sb.db).stdout).not.toContain('edits not sent');
    rmSync(sb.dir, { recursive: true, force: true });
  });

  it('onDelete: delete of a note announced in the old group deletes nothing in the supergroup', async ({ telegram: fake }) => {
    // The removal waits the shortest window (three quiet periods, 600 ms, not 3 s): which chat its delete goes to is the point.
    const { sb, svc } = await migratedAfterAlpha(fake, 'publish:\n  onDelete: delete\n  digest: { windowMs: 600 }\n');
    await threeInSupergroup(fake, sb.notes);
    await svc.settled();
    unlinkSync(path.join(sb.notes, 'alpha.md'));
    await fake.waitFor(() => fake.calls.some((c) => c.method === 'deleteMessage'), 20_000, 'delete tried');
    await svc.settled();
    await svc.stop();
    expect(fake.calls.filter((c) => c.method === 'deleteMessage').map((c) => Number(c.payload.chat_id))).not.toContain(SUPER);
    expect(shown(fake).filter((s) => s.startsWith(`${SUPER}/`)).sort()).toEqual([`${SUPER}/1: Bravo note`, `${SUPER}/2: Charlie note`, `${SUPER}/3: Delta note`]);
    rmSync(sb.dir, { recursive: true, force: true });
  });

  it('a supergroup that subscribed before a post found the move gets each note once; both subscriptions are kept', async ({ telegram: fake }) => {
    const { sb, svc } = await migratedAfterAlpha(fake);
    fake.command(SUPER, ADMIN, '/subscribe tag:rust');
    await fake.waitFor(() => fake.sentTo(SUPER).some((m) => /Subscribed/.test(m.text)), 10_000, 'subscribe reply in the supergroup');
    writeFileSync(path.join(sb.notes, 'bravo.md'), '---\ntitle: "Bravo note"\ntags: [rust]\n---\n\nBravo body text here.\n');
    await fake.waitFor(() => fake.sentTo(SUPER).some((m) => /Bravo/.test(m.text)), 15_000, 'bravo posted');
    await svc.settled();
    writeFileSync(path.join(sb.notes, 'charlie.md'), '---\ntitle: "Charlie note"\ntags: [rust]\n---\n\nCharlie body text here.\n');
    await fake.waitFor(() => fake.sentTo(SUPER).some((m) => /Charlie/.test(m.text)), 15_000, 'charlie posted');
    await svc.settled();
    await svc.stop();
    const titles = shown(fake).filter((s) => s.startsWith(`${SUPER}/`)).map((s) => s.split(': ')[1]).sort();
    expect(titles).toEqual(['Bravo note', 'Charlie note']);
    rmSync(sb.dir, { recursive: true, force: true });
  });
});
