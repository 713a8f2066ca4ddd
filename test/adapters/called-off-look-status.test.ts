/**
 * Issue 25, tester F1: with `onDelete: delete`, a Discord channel post whose answer was lost, its note deleted during an
 * outage, has its message looked for (a Create Message with the kept nonce, `enforce_nonce`: discord-api-docs,
 * message.mdx; publish/called-off-find.ts). `status` shows that look while it waits, and once it failed (then the chat
 * may show the message: delete it by hand). In process: the process is not the point.
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import type { FakeDiscord } from '../fakes/discord/server.js';
import { cliIn } from '../helpers/cli.js';
import { itWithFakes, startedWithDiscord } from '../helpers/fakes.js';
import type { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox, type Sandbox } from '../helpers/service.js';

const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
const it = itWithFakes({ discordToken: DISCORD_TOKEN });
afterAll(killLeftoverServices);

// publish.digest.windowMs 600: removals wait the shortest window (three quiet periods, not 3 s); a step here, not the subject.
const configFor = (fake: FakeDiscord, channel: string) =>
  `watch:\n  quietMs: 200\ndelivery:\n  callTimeoutMs: 3000\n  baseDelayMs: 200\n  maxDelayMs: 1000\npublish:\n  onDelete: delete\n  translations: { mode: group, graceMs: 0 }\n  digest: { windowMs: 600 }\n` +
  `discord:\n  api: ${fake.api}\n  registerCommands: false\nroutes:\n  - platform: discord\n    chat: "${channel}"\n`;

const statusOf = async (sb: Sandbox) => (await cliIn(['status', '--db', sb.db])).stdout;

/** `status`'s lines under its looks section. */
function lookLines(text: string): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith('looks for the message a called-off post\'s unanswered send may have made'));
  if (at < 0) return [];
  const rest = lines.slice(at + 1);
  const end = rest.findIndex((l) => !l.startsWith('  '));
  return rest.slice(0, end < 0 ? rest.length : end);
}

/** `n1.md` posted, Discord made its message and the answer was lost, Discord went down, then the note deleted: its look waits. */
async function lookWaiting(svc: InProcessCli, sb: Sandbox, discord: FakeDiscord, channel: string): Promise<void> {
  discord.dropAnswers = { count: 1, where: (method, p) => method === 'POST' && p === `/channels/${channel}/messages` };
  writeFileSync(path.join(sb.notes, 'n1.md'), note('Mike 1', 'The first words.'));
  await discord.waitFor(() => discord.messagesIn(channel).length > 0, 15_000, 'the message Discord made');
  discord.down = true;
  await svc.waitFor(() => /discord is not answering/.test(svc.stderr), 20_000, 'the outage seen');
  svc.forgetBatched(['n1.md']);
  unlinkSync(path.join(sb.notes, 'n1.md'));
  await svc.waitFor(() => /"action":"retract"/.test(svc.stderr), 20_000, 'the note retracted');
}

describe.concurrent('status shows the looks for a called-off Discord post\'s message', () => {
  it('waiting during the outage, gone from status once the look found and deleted the message', async ({ discord }) => {
    const ch = discord.addChannel(discord.addGuild(), 0, 'notes');
    const sb = sandbox(configFor(discord, ch.id));
    const svc = await startedWithDiscord(sb, discord, DISCORD_TOKEN);
    await lookWaiting(svc, sb, discord, ch.id);
    const waiting = lookLines(await statusOf(sb));
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatch(new RegExp(`^ {2}#\\d+ for post #\\d+ family:n1 → discord:${ch.id}: waiting since \\d{4}-`));
    const from = svc.events.length;
    discord.down = false;
    await discord.waitFor(() => discord.connected, 20_000, 'the gateway connected again');
    await svc.idle(from, 60_000);
    expect(discord.messagesIn(ch.id)).toEqual([]);
    expect(await svc.stop()).toBe(0);
    expect(lookLines(await statusOf(sb))).toEqual([]);
  }, 120_000);

  it('refused by Discord: listed as failed, the chat may show the message (delete it by hand)', async ({ discord }) => {
    const ch = discord.addChannel(discord.addGuild(), 0, 'notes');
    const sb = sandbox(configFor(discord, ch.id));
    const svc = await startedWithDiscord(sb, discord, DISCORD_TOKEN);
    await lookWaiting(svc, sb, discord, ch.id);
    const from = svc.events.length;
    discord.failNext = { count: 1, status: 400 }; // the look's Create Message refused
    discord.down = false;
    await discord.waitFor(() => discord.connected, 20_000, 'the gateway connected again');
    await svc.idle(from, 60_000);
    expect(discord.messagesIn(ch.id).map((m) => m.embeds[0]?.title)).toEqual(['Mike 1']); // nothing found it
    expect(await svc.stop()).toBe(0);
    const looks = lookLines(await statusOf(sb));
    expect(looks).toHaveLength(1);
    expect(looks[0]).toMatch(new RegExp(`^ {2}#\\d+ for post #\\d+ family:n1 → discord:${ch.id}: failed \\(.*400.*\\): the chat may show it; look there and delete it by hand$`));
  }, 120_000);
});
