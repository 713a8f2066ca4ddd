/**
 * A config route's Telegram group that became a supergroup (issue 25, tester 36 F1). Telegram tells the bot by the
 * service message `migrate_to_chat_id` ("The group has been migrated to a supergroup with the specified identifier",
 * core.telegram.org/bots/api#message), and answers every later call naming the group 400 with ResponseParameters
 * `migrate_to_chat_id` (core.telegram.org/bots/api#responseparameters); the supergroup has none of the group's messages
 * (a message id is "unique inside this chat"). README (Delivery; Deletes): the route's posts follow the chat, an edit
 * of a message left in the old group is not sent and is said, and a note that comes back (restored, un-drafted) with
 * `onDelete: delete` is announced again: here, once, in the supergroup, as a /subscribe there gets it
 * (telegram-migrate.test.ts). Before, the route still named the old group, so the note back was an edit of its message
 * there, never sent, and the supergroup never showed it: not after a restart, nor once the config named the new id.
 */
import { rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import type { FakeTelegram } from '../fakes/telegram/server.js';
import { itWithFakes } from '../helpers/fakes.js';
import { statusOf } from '../helpers/cli.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox, type Sandbox } from '../helpers/service.js';

const parseThreads = fileParseThreads();
const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const ADMIN = 11;
const OLD = -702;
const SUPER = -1000702;
const TIMEOUT = 180_000; // several starts at load 20-30

const it = itWithFakes({ telegram: { token: TOKEN } });
afterAll(killLeftoverServices);

/** A removal waits the shortest window (three quiet periods, 600 ms, not 3 s): the chat a route follows is the point. */
function configNaming(fake: FakeTelegram, chat: number): string {
  return `watch:\n  quietMs: 200\npublish:\n  onDelete: delete\n  digest: { windowMs: 600 }\ndelivery:\n  baseDelayMs: 200\n  maxDelayMs: 500\ntelegram:\n  apiRoot: ${fake.apiRoot}\n  registerCommands: false\nroutes:\n  - platform: telegram\n    chat: "${chat}"\n`;
}

async function started(fake: FakeTelegram, sb: Sandbox): Promise<InProcessCli> {
  const polls = fake.calls.filter((c) => c.method === 'getUpdates').length;
  const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
  await svc.ready();
  await fake.waitFor(() => fake.calls.filter((c) => c.method === 'getUpdates').length > polls, 20_000, 'polling');
  return svc;
}

async function restarted(fake: FakeTelegram, sb: Sandbox, svc: InProcessCli): Promise<InProcessCli> {
  await svc.stop();
  return started(fake, sb);
}

/** The titles the chat shows, one per announcement not deleted. */
function titlesIn(fake: FakeTelegram, chat: number): string[] {
  return fake.sentTo(chat).filter((m) => !m.deleted).map((m) => m.text.split('\n')[0]!).sort();
}

function save(sb: Sandbox, name: string, title: string, body: string, extra = ''): void {
  writeFileSync(path.join(sb.notes, `${name}.md`), note(title, body, extra));
}

/**
 * A route naming the group announced Alpha there; the group became a supergroup, said by its service message (`told`),
 * else learned from the 400 answering Bravo's send there; Bravo went to the supergroup.
 */
async function routedGroupMigrated(fake: FakeTelegram, told = true) {
  fake.addChat(OLD, 'group', { [ADMIN]: 'creator' });
  const sb = sandbox(configNaming(fake, OLD));
  const svc = await started(fake, sb);
  save(sb, 'alpha', 'Alpha note', 'Alpha body about things.');
  await fake.waitFor(() => titlesIn(fake, OLD).includes('Alpha note'), 20_000, 'alpha posted in the group');
  await svc.settled();
  fake.migrate(OLD, SUPER);
  if (told) fake.tellMigration(OLD, ADMIN);
  if (told) await fake.waitFor(() => svc.stderr.includes('group became a supergroup'), 20_000, 'the move heard');
  save(sb, 'bravo', 'Bravo note', 'Bravo body text here.');
  await fake.waitFor(() => titlesIn(fake, SUPER).includes('Bravo note'), 20_000, 'bravo posted in the supergroup');
  await svc.settled();
  return { sb, svc };
}

/** Alpha deleted, or drafted (`onDelete: delete`): its delete is tried in the old group, where its message is, and not sent. */
async function alphaGone(fake: FakeTelegram, sb: Sandbox, svc: InProcessCli, how: 'deleted' | 'drafted'): Promise<void> {
  if (how === 'deleted') unlinkSync(path.join(sb.notes, 'alpha.md'));
  else save(sb, 'alpha', 'Alpha note', 'Alpha body about things.', 'draft: true\n');
  await fake.waitFor(() => fake.calls.some((c) => c.method === 'deleteMessage'), 20_000, 'the delete tried');
  await svc.settled();
}

/** Alpha back with new content: announced again, in the supergroup. */
async function alphaBack(fake: FakeTelegram, sb: Sandbox, svc: InProcessCli): Promise<void> {
  save(sb, 'alpha', 'Alpha note v3', 'Third body.\n\n- third');
  await fake.waitFor(() => titlesIn(fake, SUPER).includes('Alpha note v3'), 20_000, 'alpha posted in the supergroup');
  await svc.settled();
}

/** What the chats show at the end: the old group keeps its message, the supergroup each note once, nothing sent to a supergroup message but posts. */
function expectEachOnce(fake: FakeTelegram, supergroup: string[]): void {
  expect(titlesIn(fake, OLD)).toEqual(['Alpha note']);
  expect(titlesIn(fake, SUPER)).toEqual(supergroup);
  const toSuper = fake.calls.filter((c) => Number(c.payload.chat_id) === SUPER).map((c) => c.method);
  expect(toSuper.filter((m) => m !== 'sendMessage' && m !== 'getUpdates' && m !== 'getChat')).toEqual([]);
}

describe.concurrent("a config route's Telegram group that became a supergroup", () => {
  for (const how of ['deleted', 'drafted'] as const) {
    for (const restart of [false, true]) {
      it(`a note ${how} and back${restart ? ', a restart between,' : ''} is posted once in the supergroup, and not again after a restart`, async ({ telegram: fake }) => {
        let { sb, svc } = await routedGroupMigrated(fake);
        await alphaGone(fake, sb, svc, how);
        if (restart) svc = await restarted(fake, sb, svc);
        await alphaBack(fake, sb, svc);
        // `status` lists no edit not sent: the note is shown in the chat the route posts to.
        expect(statusOf(sb.db).stdout).not.toContain('edits not sent');
        svc = await restarted(fake, sb, svc);
        save(sb, 'charlie', 'Charlie note', 'Charlie body text here.');
        await fake.waitFor(() => titlesIn(fake, SUPER).includes('Charlie note'), 20_000, 'charlie posted after the restart');
        await svc.settled();
        await svc.stop();
        expectEachOnce(fake, ['Alpha note v3', 'Bravo note', 'Charlie note']);
        rmSync(sb.dir, { recursive: true, force: true });
      }, TIMEOUT);
    }
  }

  it('a note deleted and back is posted once in the supergroup when the move was learned from a send (no service message)', async ({ telegram: fake }) => {
    const { sb, svc } = await routedGroupMigrated(fake, false);
    await alphaGone(fake, sb, svc, 'deleted');
    await alphaBack(fake, sb, svc);
    await svc.stop();
    expectEachOnce(fake, ['Alpha note v3', 'Bravo note']);
    rmSync(sb.dir, { recursive: true, force: true });
  }, TIMEOUT);

  it('once the operator writes the supergroup id in the route and restarts, nothing is posted twice', async ({ telegram: fake }) => {
    let { sb, svc } = await routedGroupMigrated(fake);
    await alphaGone(fake, sb, svc, 'deleted');
    await alphaBack(fake, sb, svc);
    await svc.stop();
    writeFileSync(sb.config, configNaming(fake, SUPER));
    svc = await started(fake, sb);
    save(sb, 'charlie', 'Charlie note', 'Charlie body text here.');
    await fake.waitFor(() => titlesIn(fake, SUPER).includes('Charlie note'), 20_000, 'charlie posted after the restart');
    await svc.settled();
    await svc.stop();
    expectEachOnce(fake, ['Alpha note v3', 'Bravo note', 'Charlie note']);
    rmSync(sb.dir, { recursive: true, force: true });
  }, TIMEOUT);

  // README, An edit not sent: an edit is not posted anew; the route path says it as a /subscribe's does.
  it('an edit of the note announced in the old group is not posted in the supergroup, and is said', async ({ telegram: fake }) => {
    const { sb, svc } = await routedGroupMigrated(fake);
    save(sb, 'alpha', 'Alpha note revised', 'Alpha body about other things entirely now.');
    await fake.waitFor(() => fake.calls.some((c) => c.method === 'editMessageText'), 20_000, 'the edit tried');
    await svc.settled();
    await svc.stop();
    expectEachOnce(fake, ['Bravo note']);
    expect(statusOf(sb.db).stdout).toMatch(/edits not sent[\s\S]*telegram:-702 .*became the supergroup -1000702/);
    rmSync(sb.dir, { recursive: true, force: true });
  }, TIMEOUT);
});
