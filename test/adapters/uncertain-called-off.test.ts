/**
 * Issue 25, tester 31-1 (F4, F6, F8, F9): a Discord channel post whose answer never came may be in the channel. Called
 * off while it waits (its note drafted or deleted during an outage, or while notecast was stopped), it is not "never
 * sent": `status` and the log say the chat may show it, and the note's next post there carries its nonce, so Discord
 * answers with the first message (`enforce_nonce`, message.mdx, Create Message) instead of a second one. No `site.url`:
 * the channel look-up (history-lookup.ts) finds nothing without a link, only the nonce can tell. In process, the fake
 * Discord's `dropAnswers` (the answer lost) and `down` (every connection cut: an outage).
 * With `onDelete: delete` (F4), the note removed while such a post waits has that post's message deleted: learned by a
 * Create Message with the kept nonce (answered with the message the lost send made, or a new one, deleted too), a forum
 * post among the active threads (publish/called-off-find.ts, adapters/discord/lost-send.ts).
 */
import { writeFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { ChannelType } from 'discord-api-types/v10';
import { afterAll, describe, expect } from 'vitest';
import type { FakeDiscord } from '../fakes/discord/server.js';
import { cliIn } from '../helpers/cli.js';
import { itWithFakes, startedWithDiscord } from '../helpers/fakes.js';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox, type Sandbox } from '../helpers/service.js';

const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
const it = itWithFakes({ discordToken: DISCORD_TOKEN });
afterAll(killLeftoverServices);

function configFor(fake: FakeDiscord, channel: string, onDelete: 'keep' | 'delete'): string {
  return `watch:\n  quietMs: 200\ndelivery:\n  callTimeoutMs: 3000\n  baseDelayMs: 200\n  maxDelayMs: 1000\npublish:\n  onDelete: ${onDelete}\n  translations: { mode: group, graceMs: 0 }\n  digest: { windowMs: 600 }\n` +
    `discord:\n  api: ${fake.api}\n  registerCommands: false\nroutes:\n  - platform: discord\n    chat: "${channel}"\n`;
}

// The probes of Discord taken as down (PlatformConnections: 1 s doubling to 60 s in `notecast start`) on the deliveries'
// own backoff, in process (AppOptions.reconnect, as outages.test.ts): what a lost send leaves in the channel is the point,
// not how long after Discord's return the waiting post goes; every probe during the outage still fails.
const SHORT_PROBES = { reconnect: { baseDelayMs: 200, maxDelayMs: 1000 } };

const started = (sb: Sandbox, fake: FakeDiscord): Promise<InProcessCli> => startedWithDiscord(sb, fake, DISCORD_TOKEN, SHORT_PROBES);

/** Saves `n1.md` and waits until Discord has its message (a forum's post) but notecast had no answer, then Discord goes down. */
async function postWithAnswerLost(svc: InProcessCli, sb: Sandbox, fake: FakeDiscord, channel: string, title: string, forum = false): Promise<void> {
  fake.dropAnswers = { count: 1, where: (method, p) => method === 'POST' && p === `/channels/${channel}/${forum ? 'threads' : 'messages'}` };
  writeFileSync(path.join(sb.notes, 'n1.md'), note(title, 'The first words.'));
  await fake.waitFor(() => (forum ? fake.postsIn(channel) : fake.messagesIn(channel)).length > 0, 15_000, 'the message Discord made');
  fake.down = true;
  await svc.waitFor(() => /discord is not answering/.test(svc.stderr), 20_000, 'the outage seen');
}

/** Rewrites `n1.md` (a draft or not) and waits for the batch that holds it. */
async function rewrite(svc: InProcessCli, sb: Sandbox, title: string, draft: boolean): Promise<void> {
  svc.forgetBatched(['n1.md']);
  writeFileSync(path.join(sb.notes, 'n1.md'), note(title, 'The first words.', draft ? 'draft: true\n' : ''));
  await svc.batched(['n1.md']);
}

const statusOf = async (sb: Sandbox) => (await cliIn(['status', '--db', sb.db])).stdout;

/**
 * After `go` (Discord answering again, or the note back): the post delivered, then idle; the channel shows `title` once,
 * and the log said the called-off post may show in the chat.
 */
async function shownOnce(svc: InProcessCli, discord: FakeDiscord, channel: string, title: string, go: () => unknown): Promise<void> {
  const from = svc.events.length, logFrom = svc.stderr.length;
  await go();
  await svc.waitFor(() => /"msg":"delivered"/.test(svc.stderr.slice(logFrom)), 60_000, 'the post delivered');
  await svc.idle(from);
  expect(discord.messagesIn(channel).map((m) => m.embeds[0]?.title ?? m.content)).toEqual([title]);
  expect(svc.stderr).toMatch(/waiting post called off \(.*\); no answer came to its send, so the chat may show it/);
  await gatewayBack(discord);
  expect(await svc.stop()).toBe(0);
}

/**
 * Stops only once the gateway is connected again: discord.js destroying a shard whose connection is still being made
 * clears its error handler first (@discordjs/ws WebSocketShard.destroy: `onerror = null` when not OPEN), so that
 * connection's reset (the fake cuts connections while down) is an uncaught exception (discordjs/discord.js#7964's class).
 */
async function gatewayBack(discord: FakeDiscord): Promise<void> {
  await discord.waitFor(() => discord.connected, 20_000, 'the gateway connected again');
}

describe.concurrent('a Discord post whose answer never came, called off while it waits', () => {
  it('drafted and un-drafted during the outage: the channel shows it once (F6)', async ({ discord }) => {
    const ch = discord.addChannel(discord.addGuild(), 0, 'notes');
    const sb = sandbox(configFor(discord, ch.id, 'keep'));
    const svc = await started(sb, discord);
    await postWithAnswerLost(svc, sb, discord, ch.id, 'India 1');
    await rewrite(svc, sb, 'India 1', true);
    await rewrite(svc, sb, 'India 1', false);
    await shownOnce(svc, discord, ch.id, 'India 1', () => void (discord.down = false));
  }, 120_000);

  it('drafted while notecast was stopped, un-drafted after the start: the channel shows it once (F9)', async ({ discord }) => {
    const ch = discord.addChannel(discord.addGuild(), 0, 'notes');
    const sb = sandbox(configFor(discord, ch.id, 'keep'));
    const first = await started(sb, discord);
    // The answer lost, then every REST call answered 502 (the gateway stays up: a stop while it is cut leaves discord.js reconnecting).
    discord.dropAnswers = { count: 1, where: (method, p) => method === 'POST' && p === `/channels/${ch.id}/messages` };
    writeFileSync(path.join(sb.notes, 'n1.md'), note('Juliet 1', 'The first words.'));
    await discord.waitFor(() => discord.messagesIn(ch.id).length > 0, 15_000, 'the message Discord made');
    discord.failEveryCall = 502;
    await first.waitFor(() => /no answer to a post to discord/.test(first.stderr), 20_000, 'the lost answer seen');
    await first.abandon();
    writeFileSync(path.join(sb.notes, 'n1.md'), note('Juliet 1', 'The first words.', 'draft: true\n'));
    discord.failEveryCall = 0;
    const svc = await started(sb, discord); // the start-up scan calls the waiting post off
    await shownOnce(svc, discord, ch.id, 'Juliet 1', () => rewrite(svc, sb, 'Juliet 1', false));
  }, 120_000);

  it('deleted during the outage (onDelete: delete): the message its lost send made is deleted; status counts it once and says so (F4, F8)', async ({ discord }) => {
    const ch = discord.addChannel(discord.addGuild(), 0, 'notes');
    const sb = sandbox(configFor(discord, ch.id, 'delete'));
    const svc = await started(sb, discord);
    await postWithAnswerLost(svc, sb, discord, ch.id, 'Echo 1');
    // More sends meet the outage before the note goes (each cut unanswered, as the first).
    await svc.waitFor(() => (svc.stderr.match(/no answer to a post to discord/g) ?? []).length >= 2, 20_000, 'a second send meeting the outage');
    await removedThenBack(svc, sb, discord, 'delete');
    expect(discord.messagesIn(ch.id)).toEqual([]);
    expect(await svc.stop()).toBe(0);
    const text = await statusOf(sb);
    expect(text).toMatch(/uncertain: +1 post whose answer never came/);
    const entries = text.split('\n').filter((l) => /^\s+#\d+ .* → discord:/.test(l));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatch(/called off \(.*\): its message was in the chat: deleted/);
    expect(svc.stderr).toMatch(/waiting post called off \(.*\); no answer came to its send, so the chat may show it: a delete looks for that message/);
  }, 120_000);

  it('drafted during the outage (onDelete: delete): its message is deleted (F4 draft)', async ({ discord }) => {
    const ch = discord.addChannel(discord.addGuild(), 0, 'notes');
    const sb = sandbox(configFor(discord, ch.id, 'delete'));
    const svc = await started(sb, discord);
    await postWithAnswerLost(svc, sb, discord, ch.id, 'Echo 2');
    await removedThenBack(svc, sb, discord, 'draft');
    expect(discord.messagesIn(ch.id)).toEqual([]);
    await gatewayBack(discord);
    expect(await svc.stop()).toBe(0);
  }, 120_000);

  it('a forum post whose answer was lost, its note deleted during the outage (onDelete: delete): found among the active threads and deleted, nothing posted', async ({ discord }) => {
    const forum = discord.addChannel(discord.addGuild(), ChannelType.GuildForum, 'forum');
    const sb = sandbox(configFor(discord, forum.id, 'delete'));
    const svc = await started(sb, discord);
    await postWithAnswerLost(svc, sb, discord, forum.id, 'Foxtrot 1', true);
    await removedThenBack(svc, sb, discord, 'delete');
    expect(discord.postsIn(forum.id)).toEqual([]);
    expect(discord.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${forum.id}/threads`)).toHaveLength(1);
    // Tester F4: the log said "its nonce answered with that message"; a forum post takes no nonce, and none was sent.
    expect(svc.stderr).toContain('the called-off post\'s lost send did reach the chat (no nonce in a forum: found among its active threads');
    expect(svc.stderr).not.toMatch(/lost send did reach the chat \([^)]*nonce answered/);
    await gatewayBack(discord);
    expect(await svc.stop()).toBe(0);
  }, 120_000);

  it('a forum post whose answer was lost, drafted and un-drafted during the outage: the forum shows it once (tester F4)', async ({ discord }) => {
    // A forum post takes no nonce (resources/channel.mdx, Start Thread in Forum): the new post, which takes the called-off
    // post's nonce, finds the thread that one made among the active threads, as a resend of the same delivery does.
    const forum = discord.addChannel(discord.addGuild(), ChannelType.GuildForum, 'forum');
    const sb = sandbox(configFor(discord, forum.id, 'keep'));
    const svc = await started(sb, discord);
    await postWithAnswerLost(svc, sb, discord, forum.id, 'Lima 1', true);
    await rewrite(svc, sb, 'Lima 1', true);
    await rewrite(svc, sb, 'Lima 1', false);
    const from = svc.events.length, logFrom = svc.stderr.length;
    discord.down = false;
    await svc.waitFor(() => /"msg":"delivered"/.test(svc.stderr.slice(logFrom)), 60_000, 'the post delivered');
    await svc.idle(from);
    expect(discord.postsIn(forum.id)).toHaveLength(1); // before the fix, two: the lost send's thread and a new one
    expect(discord.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${forum.id}/threads`)).toHaveLength(1);
    expect(svc.stderr.slice(logFrom)).toMatch(/found the forum post whose answer never came; it is not posted again/);
    await gatewayBack(discord);
    expect(await svc.stop()).toBe(0);
  }, 120_000);

  it('a kill -9 after the message was learned, before its delete went: deleted after the start', async ({ discord }) => {
    const ch = discord.addChannel(discord.addGuild(), 0, 'notes');
    const sb = sandbox(configFor(discord, ch.id, 'delete'));
    const first = await started(sb, discord);
    await postWithAnswerLost(first, sb, discord, ch.id, 'Golf 1');
    const deletes = (method: string, p: string) => method === 'DELETE' && p.startsWith(`/channels/${ch.id}/messages/`);
    discord.hangWhere = deletes; // the delete never answers: the kill comes while it is held
    await removedThenBack(first, sb, discord, 'delete', false);
    await discord.waitFor(() => discord.held > 0, 20_000, 'the delete held');
    await first.abandon();
    discord.release(); // dropped unprocessed: the message is still there
    expect(discord.messagesIn(ch.id)).toHaveLength(1);
    const svc = await started(sb, discord);
    await svc.waitFor(() => /"kind":"delete".*"msg":"delivered"/.test(svc.stderr), 30_000, 'the delete after the start');
    expect(discord.messagesIn(ch.id)).toEqual([]);
    expect(discord.requests.filter((r) => deletes(r.method, r.path))).toHaveLength(1);
    expect(await svc.stop()).toBe(0);
  }, 120_000);

  it('the look\'s own answer lost too: tried again with the same nonce, answered with the same message, deleted once', async ({ discord }) => {
    const ch = discord.addChannel(discord.addGuild(), 0, 'notes');
    const sb = sandbox(configFor(discord, ch.id, 'delete'));
    const svc = await started(sb, discord);
    await postWithAnswerLost(svc, sb, discord, ch.id, 'Echo 3');
    const posts = (method: string, p: string) => method === 'POST' && p === `/channels/${ch.id}/messages`;
    const before = discord.requests.filter((r) => posts(r.method, r.path)).length;
    discord.dropAnswers = { count: 1, where: posts }; // the look is carried out, its answer dropped
    await removedThenBack(svc, sb, discord, 'delete');
    expect(discord.messagesIn(ch.id)).toEqual([]);
    expect(discord.requests.filter((r) => posts(r.method, r.path)).length - before).toBe(2); // the look and its retry
    expect(discord.requests.filter((r) => r.method === 'DELETE' && r.path.startsWith(`/channels/${ch.id}/messages/`))).toHaveLength(1);
    expect(await svc.stop()).toBe(0);
  }, 120_000);

  it('a send that never reached Discord (no answer), its note deleted: the look\'s own message is deleted, status says it never reached the chat', async ({ discord }) => {
    const ch = discord.addChannel(discord.addGuild(), 0, 'notes');
    const sb = sandbox(configFor(discord, ch.id, 'delete'));
    const svc = await started(sb, discord);
    discord.hangWhere = (method, p) => method === 'POST' && p === `/channels/${ch.id}/messages`; // never carried out, never answered
    writeFileSync(path.join(sb.notes, 'n1.md'), note('Hotel 1', 'The first words.'));
    await svc.waitFor(() => /no answer to a post to discord/.test(svc.stderr), 20_000, 'the send timed out');
    discord.down = true;
    discord.release();
    await svc.waitFor(() => /discord is not answering/.test(svc.stderr), 20_000, 'the outage seen');
    await removedThenBack(svc, sb, discord, 'delete');
    expect(discord.messagesIn(ch.id)).toEqual([]);
    expect(svc.stderr).toMatch(/lost send never reached the chat: the message its nonce made now is deleted/);
    expect(await svc.stop()).toBe(0);
    expect(await statusOf(sb)).toMatch(/called off \(.*\): its send never reached the chat/);
  }, 120_000);

  it('deleted during the outage, then restored before Discord is back (onDelete: delete): its new post takes the message, shown once', async ({ discord }) => {
    const ch = discord.addChannel(discord.addGuild(), 0, 'notes');
    const sb = sandbox(configFor(discord, ch.id, 'delete'));
    const svc = await started(sb, discord);
    await postWithAnswerLost(svc, sb, discord, ch.id, 'India 2');
    await rewrite(svc, sb, 'India 2', true);
    await svc.waitFor(() => /"action":"retract"/.test(svc.stderr), 20_000, 'the note retracted');
    await rewrite(svc, sb, 'India 2', false);
    await shownOnce(svc, discord, ch.id, 'India 2', () => void (discord.down = false));
  }, 120_000);

  it('deleted during the outage, its lost send\'s message found and deleted, then restored within the nonce window: a new message shows it (rv1 1)', async ({ discord }) => {
    const ch = discord.addChannel(discord.addGuild(), 0, 'notes');
    const sb = sandbox(configFor(discord, ch.id, 'delete'));
    const svc = await started(sb, discord);
    await postWithAnswerLost(svc, sb, discord, ch.id, 'Kilo 1');
    await removedThenBack(svc, sb, discord, 'delete');
    expect(discord.messagesIn(ch.id)).toEqual([]); // the called-off delete went
    const logFrom = svc.stderr.length, from = svc.events.length;
    writeFileSync(path.join(sb.notes, 'n1.md'), note('Kilo 1', 'The first words.'));
    await svc.waitFor(() => /"kind":"post".*"msg":"delivered"/.test(svc.stderr.slice(logFrom)), 60_000, 'the new post delivered');
    await svc.idle(from);
    expect(discord.messagesIn(ch.id).map((m) => m.embeds[0]?.title ?? m.content)).toEqual(['Kilo 1']);
    expect(await svc.stop()).toBe(0);
  }, 120_000);
});

/**
 * Deletes (or drafts) `n1.md` while Discord is down, waits for its retraction, then lets Discord answer again and (unless
 * `settle` is false) waits until the delete queued with the call-off went and the service is idle.
 */
async function removedThenBack(svc: InProcessCli, sb: Sandbox, discord: FakeDiscord, how: 'delete' | 'draft', settle = true): Promise<void> {
  if (how === 'draft') await rewrite(svc, sb, 'Echo 2', true);
  else {
    svc.forgetBatched(['n1.md']);
    unlinkSync(path.join(sb.notes, 'n1.md'));
  }
  await svc.waitFor(() => /"action":"retract"/.test(svc.stderr), 20_000, 'the note retracted');
  const from = svc.events.length;
  discord.down = false;
  if (!settle) return;
  await gatewayBack(discord);
  await svc.idle(from, 60_000); // the delete waits with Discord's other deliveries (not idle) until Discord answers a probe
}
