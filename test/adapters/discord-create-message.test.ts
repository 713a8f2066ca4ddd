/**
 * src/adapters/discord/create-message.ts: a channel post's answer is compared with what the post carries (and the
 * message edited when they differ, shown.ts) only when it may be a replay of an earlier send's nonce. A fresh post is
 * never edited for what Discord normalised in storing it (issue 25: a link with non-ASCII in it goes out as written; the
 * fake's `canonicalUrls` stores links as Discord's URL canonicalisation writes them: punycode, percent-encoding). A replay
 * is told by this process having sent the nonce without an answer, or, after a restart, by the message's snowflake
 * being older than the request (the fake's `moveMadeAt` places the first send without waiting). The replays of
 * uncertain-sends.test.ts ("its note changed before it went again") are the other half.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { overwrite } from '../fakes/discord/permissions.js';
import type { FakeChannel, FakeDiscord } from '../fakes/discord/server.js';
import { itWithFakes, startedWithDiscord } from '../helpers/fakes.js';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox, type Sandbox } from '../helpers/service.js';
import { until } from '../helpers/until.js';

const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
const it = itWithFakes({ discordToken: DISCORD_TOKEN });
afterAll(killLeftoverServices);

const EDITED = /answered with the message its first send made \(its nonce\), which shows an older state of the note: edited/;

function configFor(fake: FakeDiscord, channel: string, site = 'https://notes.example.org'): string {
  return `watch:\n  quietMs: 200\ndelivery:\n  callTimeoutMs: 3000\n  baseDelayMs: 200\n  maxDelayMs: 1000\nsite:\n  url: ${site}\n` +
    `discord:\n  api: ${fake.api}\n  registerCommands: false\nroutes:\n  - platform: discord\n    chat: "${channel}"\n`;
}

const started = (sb: Sandbox, fake: FakeDiscord): Promise<InProcessCli> => startedWithDiscord(sb, fake, DISCORD_TOKEN);

/** A channel only the nonce recognises a post in: no Read Message History, so the channel look-up finds nothing. */
function nonceOnlyChannel(fake: FakeDiscord): FakeChannel {
  const guild = fake.addGuild();
  const ch = fake.addChannel(guild, 0, 'notes');
  ch.permission_overwrites = [overwrite(guild, 'role', { deny: ['ReadMessageHistory'] })];
  return ch;
}

/** Saves `n1.md`; Discord makes its message, the answer is lost, and every call fails from then on (an outage). */
async function answerLostThenDown(svc: InProcessCli, sb: Sandbox, fake: FakeDiscord, channel: string): Promise<void> {
  fake.dropAnswers = { count: 1, where: (method, p) => method === 'POST' && p === `/channels/${channel}/messages` && ((fake.failEveryCall = 502), true) };
  writeFileSync(path.join(sb.notes, 'n1.md'), note('First title', 'The first version.'));
  await until(() => /no answer to a post to discord/.test(svc.stderr), 15_000, 'the post waiting to go again');
}

/** Discord answering again; waits for the post delivered, then idle. */
async function recovered(svc: InProcessCli, fake: FakeDiscord): Promise<void> {
  const from = svc.events.length, logFrom = svc.stderr.length;
  fake.failEveryCall = 0;
  await svc.waitFor(() => /"msg":"delivered"/.test(svc.stderr.slice(logFrom)), 30_000, 'the post delivered');
  await svc.idle(from, 30_000);
}

describe.concurrent('a Discord channel post answered with the message it made', () => {
  it('a fresh post whose links Discord stores canonical (a site address with a non-ASCII host): not edited, no warn line', async ({ discord }) => {
    discord.canonicalUrls = true;
    const ch = discord.addChannel(discord.addGuild(), 0, 'notes');
    const sb = sandbox(configFor(discord, ch.id, 'https://ブログ.example.org'));
    const svc = await started(sb, discord);
    const from = svc.events.length;
    writeFileSync(path.join(sb.notes, 'cjk-ja.md'), note('日本語の記事', '本文です。'));
    await svc.idle(from);
    const [shown, ...more] = discord.messagesIn(ch.id);
    expect(more).toEqual([]);
    expect(shown!.edits).toBe(0);
    expect(shown!.embeds[0]!.url).toBe('https://xn--qckyd1c.example.org/cjk-ja.html'); // sent as https://ブログ.example.org/cjk-ja.html
    expect(discord.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
    expect(svc.stderr).not.toMatch(EDITED);
    expect(await svc.stop()).toBe(0);
  });

  it('a resend after a restart (nothing remembers the first send), the note changed meanwhile: the first message, made before the resend, is edited', async ({ discord }) => {
    const ch = nonceOnlyChannel(discord);
    const sb = sandbox(configFor(discord, ch.id));
    const first = await started(sb, discord);
    await answerLostThenDown(first, sb, discord, ch.id);
    expect(await first.stop()).toBe(0);
    writeFileSync(path.join(sb.notes, 'n1.md'), note('Second title', 'The second version.'));
    discord.moveMadeAt(discord.messagesIn(ch.id)[0]!, -10_000); // sent 10 s before this start, not the second it took
    const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN });
    await svc.ready();
    await recovered(svc, discord);
    const shown = discord.messagesIn(ch.id);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.embeds[0]).toMatchObject({ title: 'Second title' });
    expect(svc.stderr).toMatch(EDITED);
    expect(await svc.stop()).toBe(0);
  });

  it('a resend from the same process, its first message\'s time no help (made "after" the resend): still compared, and edited', async ({ discord }) => {
    const ch = nonceOnlyChannel(discord);
    const sb = sandbox(configFor(discord, ch.id));
    const svc = await started(sb, discord);
    await answerLostThenDown(svc, sb, discord, ch.id);
    svc.forgetBatched(['n1.md']);
    writeFileSync(path.join(sb.notes, 'n1.md'), note('Second title', 'The second version.'));
    await svc.batched(['n1.md']);
    discord.moveMadeAt(discord.messagesIn(ch.id)[0]!, 60_000);
    await recovered(svc, discord);
    const shown = discord.messagesIn(ch.id);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.embeds[0]).toMatchObject({ title: 'Second title' });
    expect(svc.stderr).toMatch(EDITED);
    expect(await svc.stop()).toBe(0);
  });
});
