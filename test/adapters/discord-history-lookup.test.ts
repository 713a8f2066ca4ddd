/**
 * Issue 25 (tester, HIGH): a state folder older than the chats passes every local check and posted
 * again what the chats already had: (1) the folder moved away and back with `mv` (the original
 * file, with its own mark and clean-stop record), (2) a backup copied over the folder after a
 * kill -9, (3) the CI recipe (`sync --once --moved` every run) after a run whose cache save was
 * lost. On Discord the channel is asked first: a post of the note (its link) by the bot
 * that no record of the database names is taken as its post (history-lookup.ts), and later edits edit it.
 * The service runs in this process (InProcessCli: `start` wired as the CLI does, `--moved` included),
 * and so do the `sync --once` runs of (3) and (6) (cliIn: the program main.ts runs), except where the
 * process is the point: the kill -9 of (2). The cases run at once (each on its own sandbox and channel
 * of the one fake Discord): they mostly wait.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { cliIn } from '../helpers/cli.js';
import { itWithFakes } from '../helpers/fakes.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { note, sandbox, Service, type Sandbox, type ServiceEvents } from '../helpers/service.js';
import type { FakeDiscord } from '../fakes/discord/server.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
/** Each case its own fake Discord: they run at once. */
const it = itWithFakes({ discordToken: DISCORD_TOKEN });
const env = { DISCORD_TOKEN };
/**
 * The token the `sync --once` runs in this process read from `process.env` (cli/runtime.ts): set for the
 * whole file, not per run (cliIn's `env`), as runs at once would each put it back under the others.
 * Every start here is given this same token.
 */
const tokenBefore = process.env.DISCORD_TOKEN;
beforeAll(() => void (process.env.DISCORD_TOKEN = DISCORD_TOKEN));
afterAll(() => void (tokenBefore === undefined ? delete process.env.DISCORD_TOKEN : (process.env.DISCORD_TOKEN = tokenBefore)));
const FOUND = /already posted in the channel, by a message this database has no record of/;

/** Notes have links (`site.url`): a link is what identifies a note's post in the channel. */
function discordSandbox(discord: FakeDiscord, site = 'site:\n  url: https://notes.example.org\n'): { sb: Sandbox; channel: string } {
  const channel = discord.addChannel(discord.addGuild()).id;
  const sb = sandbox(`${site}watch:\n  quietMs: 100\n  reconcileMinutes: 0\ndiscord:\n  api: ${discord.api}\nroutes:\n  - { platform: discord, chat: "${channel}" }\n`);
  return { sb, channel };
}

const titles = (discord: FakeDiscord, channel: string) => discord.messagesIn(channel).map((m) => m.embeds[0]?.title);

/** `notecast start` on the sandbox, in this process: what is tested here is the lookup, not the process. */
const startService = (sb: Sandbox, flags: string[] = []) => InProcessCli.start(sb, flags, env, undefined, parseThreads);

/** Saves `names` while `svc` runs, each waited for until it is in the channel and the service idle again. */
async function save(svc: ServiceEvents, sb: Sandbox, discord: FakeDiscord, channel: string, names: string[]): Promise<void> {
  const from = svc.events.length;
  for (const n of names) writeFileSync(path.join(sb.notes, `${n}.md`), note(n, `About ${n}.`));
  await svc.waitFor(() => names.every((n) => titles(discord, channel).includes(n)), 30_000, `the posts of ${names.join(', ')}`);
  await svc.idle(from, 30_000);
}

/** A service on the sandbox that saves `names`, then stops. */
async function runSaving(sb: Sandbox, discord: FakeDiscord, channel: string, names: string[], flags: string[] = []): Promise<void> {
  const svc = startService(sb, flags);
  await svc.ready();
  await svc.settled(30_000);
  if (names.length) await save(svc, sb, discord, channel, names);
  expect(await svc.stop()).toBe(0);
}

/** Starts on the (restored) state, waits until it has handled everything, edits `edited`: nothing posted twice, the found message edited. */
async function startsWithoutReposting(sb: Sandbox, discord: FakeDiscord, channel: string, edited: string, flags: string[] = []): Promise<void> {
  const before = titles(discord, channel);
  const svc = startService(sb, flags);
  await svc.ready();
  let from = await svc.settled(30_000);
  expect(titles(discord, channel)).toEqual(before);
  writeFileSync(path.join(sb.notes, `${edited}.md`), note(edited, `About ${edited}, edited.`));
  await svc.waitFor(() => discord.messagesIn(channel).some((m) => m.edits > 0), 30_000, `the edit of ${edited}`);
  await svc.idle(from, 30_000);
  from = svc.events.length;
  expect(titles(discord, channel)).toEqual(before);
  expect(discord.messagesIn(channel).filter((m) => m.edits > 0).map((m) => m.embeds[0]?.title)).toEqual([edited]);
  await svc.stop();
}

/**
 * The CI recipe: `sync --once --moved` runs, the state restored from a cache before each; the first run
 * done and its cache saved. In this process (cliIn, its paths absolute: no cwd of its own, and the token
 * set for the file above): the subject is what the state knows, not the process; three process runs
 * took ~17 s each at load 11-14.
 */
async function ciRecipe(discord: FakeDiscord) {
  const { sb, channel } = discordSandbox(discord);
  const state = path.dirname(sb.db);
  const cache = `${state}-cache`;
  const sync = () => cliIn(['sync', '--once', '--moved', '--json', '--config', sb.config, '--notes', sb.notes, '--db', sb.db]);
  const restoreCache = () => {
    rmSync(state, { recursive: true, force: true });
    cpSync(cache, state, { recursive: true });
  };
  expect((await sync()).code).toBe(0); // the first run records the folder
  cpSync(state, cache, { recursive: true }); // saved
  return { sb, channel, sync, restoreCache };
}

describe.concurrent('a state older than the Discord channel', () => {
  it('(1) the state folder moved away and back with mv: the notes posted meanwhile are found in the channel, not posted again', { timeout: 120_000 }, async ({ discord }) => {
    const { sb, channel } = discordSandbox(discord);
    await runSaving(sb, discord, channel, []);
    const state = path.dirname(sb.db);
    renameSync(state, `${state}-away`); // mv data backup && cp -a backup data
    cpSync(`${state}-away`, state, { recursive: true, preserveTimestamps: true });
    await runSaving(sb, discord, channel, ['n1', 'n2', 'n3'], ['--moved']);
    rmSync(state, { recursive: true, force: true }); // rm -rf data && mv backup data
    renameSync(`${state}-away`, state);
    await startsWithoutReposting(sb, discord, channel, 'n2');
  });

  it('(2) a backup taken while it ran, copied over the state folder after a kill -9: not posted again', { timeout: 120_000 }, async ({ discord }) => {
    const { sb, channel } = discordSandbox(discord);
    const svc = Service.start(sb, [], env);
    await svc.ready();
    await svc.settled(30_000);
    await save(svc, sb, discord, channel, ['first']);
    const state = path.dirname(sb.db);
    cpSync(state, `${state}-backup`, { recursive: true }); // cp -a data backup, while it runs
    await save(svc, sb, discord, channel, ['n1', 'n2']);
    await svc.kill9();
    for (const f of ['notecast.db-wal', 'notecast.db-shm']) rmSync(path.join(state, f), { force: true });
    execFileSync('sh', ['-c', 'cp "$0"/* "$1"/', `${state}-backup`, state]); // cp backup/* data/: over the files, keeping their inodes
    await startsWithoutReposting(sb, discord, channel, 'n1');
  });

  it('(3) the CI recipe, sync --once --moved every run, after a run whose cache save was lost: not posted again', { timeout: 120_000 }, async ({ discord }) => {
    const { sb, channel, sync, restoreCache } = await ciRecipe(discord);
    writeFileSync(path.join(sb.notes, 'n1.md'), note('n1', 'About n1.'));
    restoreCache();
    expect((await sync()).code).toBe(0);
    expect(titles(discord, channel)).toEqual(['n1']); // and this run's save is lost
    restoreCache();
    const again = await sync();
    expect(again.code).toBe(0);
    expect(titles(discord, channel)).toEqual(['n1']);
    expect(again.stderr).toMatch(FOUND);
  });
  it('(4) notes posted in three runs while the state was away, found in any order: none posted again (tester: the newest found once hid the older ones)', { timeout: 150_000 }, async ({ discord }) => {
    const { sb, channel } = discordSandbox(discord);
    await runSaving(sb, discord, channel, []);
    const state = path.dirname(sb.db);
    renameSync(state, `${state}-away`);
    cpSync(`${state}-away`, state, { recursive: true, preserveTimestamps: true });
    for (const n of ['c', 'b', 'a']) await runSaving(sb, discord, channel, [n], ['--moved']);
    rmSync(state, { recursive: true, force: true });
    renameSync(`${state}-away`, state);
    await startsWithoutReposting(sb, discord, channel, 'b');
  });

  it("(5) two notes titled alike are two posts: a new state never takes one note’s message for the other (tester: matched by title alone)", { timeout: 120_000 }, async ({ discord }) => {
    const { sb, channel } = discordSandbox(discord, ''); // no site.url: the notes have no link, only their title
    writeFileSync(path.join(sb.notes, 'w1.md'), note('Weekly notes', 'Week one.'));
    const first = startService(sb, ['--announce-existing']);
    await first.ready();
    await first.waitFor(() => titles(discord, channel).length === 1, 30_000, 'week one posted');
    expect(await first.stop()).toBe(0);
    rmSync(path.dirname(sb.db), { recursive: true, force: true }); // a new state (operations: a database that cannot be repaired)
    const svc = startService(sb);
    await svc.ready();
    const from = await svc.settled(30_000);
    writeFileSync(path.join(sb.notes, 'w2.md'), note('Weekly notes', 'Week two.'));
    await svc.waitFor(() => titles(discord, channel).length === 2, 30_000, 'week two posted');
    await svc.idle(from, 30_000);
    expect(svc.stderr).not.toMatch(FOUND);
    expect(await svc.stop()).toBe(0);
    expect(discord.messagesIn(channel).map((m) => m.edits)).toEqual([0, 0]);
  });

  it('(6) a title fixed after a run whose CI cache save was lost: the message the chat has is found by its link and edited, not posted again (tester: matched link and title)', { timeout: 120_000 }, async ({ discord }) => {
    const { sb, channel, sync, restoreCache } = await ciRecipe(discord);
    writeFileSync(path.join(sb.notes, 'n1.md'), note('Helo world', 'About n1.'));
    restoreCache();
    expect((await sync()).code).toBe(0);
    expect(titles(discord, channel)).toEqual(['Helo world']); // and this run's save is lost
    writeFileSync(path.join(sb.notes, 'n1.md'), note('Hello world', 'About n1, fixed.'));
    restoreCache();
    const again = await sync();
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(FOUND);
    expect(titles(discord, channel)).toEqual(['Hello world']); // one message, showing the fix
    expect(discord.messagesIn(channel)[0]!.embeds[0]?.description).toMatch(/fixed/);
  });

  it("(7) two notes sharing a permalink, the first deleted (its message kept): the second's post is found by its title too, never the other's kept message (tester: it was taken and edited)", { timeout: 120_000 }, async ({ discord }) => {
    const { sb, channel } = discordSandbox(discord);
    await runSaving(sb, discord, channel, []);
    const state = path.dirname(sb.db);
    renameSync(state, `${state}-away`);
    cpSync(`${state}-away`, state, { recursive: true, preserveTimestamps: true });
    const svc = startService(sb, ['--moved']);
    await svc.ready();
    let from = await svc.settled(30_000);
    const setup = (dir: string, title: string) => {
      mkdirSync(path.join(sb.notes, dir), { recursive: true });
      writeFileSync(path.join(sb.notes, dir, 'setup.md'), note(title, `How to set ${title} up.`, 'permalink: /setup/\n'));
    };
    setup('x', 'Python setup');
    await svc.waitFor(() => titles(discord, channel).length === 1, 30_000, 'Python setup posted');
    await svc.idle(from, 30_000);
    rmSync(path.join(sb.notes, 'x', 'setup.md'));
    await svc.waitFor(() => svc.stderr.includes('"msg":"note deleted"'), 30_000, 'Python setup deleted');
    from = svc.events.length;
    setup('y', 'Rust setup');
    await svc.waitFor(() => titles(discord, channel).length === 2, 30_000, 'Rust setup posted');
    await svc.idle(from, 30_000);
    expect(await svc.stop()).toBe(0);
    rmSync(state, { recursive: true, force: true });
    renameSync(`${state}-away`, state);
    const again = startService(sb);
    await again.ready();
    await again.settled(30_000);
    expect(again.stderr).toMatch(FOUND);
    expect(await again.stop()).toBe(0);
    expect(titles(discord, channel)).toEqual(['Python setup', 'Rust setup']);
    expect(discord.messagesIn(channel).map((m) => m.edits)).toEqual([0, 0]);
  });
});
