/**
 * Issue 25, tester 27-1 F1: a bot token refused while the service runs (revoked or reset: 401 on a send) parks the
 * platform's deliveries until a restart with a valid token (README, "A platform down at start-up"), and that is said
 * where an operator looks (src/store/parked.ts): `status` (text and --json) names the platform, "token refused" and
 * how many deliveries are parked, and so does /healthz (503, the platform's check failing), also once the service
 * stopped; a restart with the new token sends them once and clears it. On Telegram and on Discord, in this process.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Store } from '../../src/store/store.js';
import { forgetRefusalsOf, notEnabledError, parkedDeliveries } from '../../src/store/parked.js';
import { afterAll, describe, expect } from 'vitest';
import { cliIn } from '../helpers/cli.js';
import { itWithFakes } from '../helpers/fakes.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { freePort } from '../helpers/net.js';
import { killLeftoverServices, note, sandbox, type Sandbox } from '../helpers/service.js';
import type { FakeDiscord } from '../fakes/discord/server.js';
import type { FakeTelegram } from '../fakes/telegram/server.js';
import { tempFolder } from '../helpers/temp-folder.js';

const parseThreads = fileParseThreads();
const TELEGRAM = { old: '123456:OLD-token-abcdefghijklmnopqrstuvwxyz', next: '123456:NEW-token-zyxwvutsrqponmlkjihgfedcba' };
const DISCORD = { old: 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-old', next: 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-new' };
const it = itWithFakes({ discordToken: DISCORD.old, telegram: { token: TELEGRAM.old } });
afterAll(killLeftoverServices);

/** One platform's fake as this test drives it: its route, the titles its chat shows, and the token revoked. */
interface Platform {
  name: 'telegram' | 'discord';
  config: string;
  env: (token: string) => Record<string, string>;
  tokens: { old: string; next: string };
  titles: () => string[];
  revoke: () => void;
}

function telegramPlatform(fake: FakeTelegram): Platform {
  const group = fake.addChat(-100610, 'supergroup');
  return {
    name: 'telegram',
    config: `telegram:\n  apiRoot: ${fake.apiRoot}\n  registerCommands: false\nroutes:\n  - platform: telegram\n    chat: "${group.id}"\n`,
    env: (token) => ({ TELEGRAM_BOT_TOKEN: token }),
    tokens: TELEGRAM,
    titles: () => fake.sentTo(group.id).map((m) => m.text.split('\n')[0]!),
    revoke: () => fake.revokeToken(TELEGRAM.next),
  };
}

function discordPlatform(fake: FakeDiscord): Platform {
  const channel = fake.addChannel(fake.addGuild(), 0, 'notes');
  return {
    name: 'discord',
    config: `discord:\n  api: ${fake.api}\n  registerCommands: false\nroutes:\n  - platform: discord\n    chat: "${channel.id}"\n`,
    env: (token) => ({ DISCORD_TOKEN: token }),
    tokens: DISCORD,
    titles: () => fake.messagesIn(channel.id).map((m) => m.embeds?.[0]?.title ?? m.content ?? ''),
    revoke: () => fake.revokeToken(DISCORD.next),
  };
}

interface Seen { text: string; json: { platforms: Record<string, { state?: string; reason?: string }>; parked: Record<string, number> }; health?: { code: number; body: Health } }
interface Health { ok: boolean; checks: Record<string, boolean>; platforms: Record<string, { state: string; reason?: string }>; parked?: Record<string, number> }

/** What `status` (text and --json) and, while the service runs, /healthz say. */
async function look(sb: Sandbox, port?: number): Promise<Seen> {
  const text = (await cliIn(['status', '--config', sb.config, '--db', sb.db])).stdout;
  const json = JSON.parse((await cliIn(['status', '--json', '--config', sb.config, '--db', sb.db])).stdout) as Seen['json'];
  if (port === undefined) return { text, json };
  const r = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { text, json, health: { code: r.status, body: (await r.json()) as Health } };
}

/** `status` and /healthz name the platform, "token refused" and the 2 parked deliveries. */
function expectRefusalSaid(seen: Seen, p: Platform['name']): void {
  expect(seen.text).toMatch(new RegExp(`^${p}: +token refused since .*\\(token refused while running \\(401 Unauthorized`, 'm'));
  expect(seen.text).toMatch(new RegExp(`^parked: +2 deliveries for ${p}, whose bot token was refused \\(401\\): they go out after a restart with a valid token$`, 'm'));
  expect(seen.json.platforms[p]).toMatchObject({ state: 'refused', reason: expect.stringMatching(/^token refused while running/) as unknown });
  expect(seen.json.parked).toEqual({ [p]: 2 });
  if (!seen.health) return;
  expect(seen.health.code).toBe(503);
  expect(seen.health.body.checks[p]).toBe(false);
  expect(seen.health.body.platforms[p]).toMatchObject({ state: 'refused', reason: expect.stringMatching(/^token refused while running/) as unknown });
  expect(seen.health.body.parked).toEqual({ [p]: 2 });
}

async function refusedWhileRunning(platform: Platform): Promise<void> {
  const port = await freePort();
  const sb = sandbox(`watch:\n  quietMs: 200\nhttp:\n  port: ${port}\n${platform.config}`);
  let svc = InProcessCli.start(sb, [], platform.env(platform.tokens.old), undefined, parseThreads);
  await svc.ready();
  writeFileSync(path.join(sb.notes, 'alpha.md'), note('Alpha', 'Alpha body text here.'));
  await svc.batched(['alpha.md']);
  await svc.waitFor(() => platform.titles().includes('Alpha'), 15_000, 'the first post, with the token still good');
  expect((await look(sb, port)).text).toMatch(new RegExp(`^${platform.name}: +up since`, 'm'));

  platform.revoke();
  const from = svc.events.length;
  writeFileSync(path.join(sb.notes, 'bravo.md'), note('Bravo', 'Bravo body text here.'));
  writeFileSync(path.join(sb.notes, 'charlie.md'), note('Charlie', 'Charlie body text here.'));
  await svc.batched(['bravo.md', 'charlie.md']);
  await svc.waitFor(() => /refused the bot token/.test(svc.stderr), 15_000, 'the refused send, said in the log');
  await svc.idle(from, 20_000); // parked: waiting for the operator, not for time
  expectRefusalSaid(await look(sb, port), platform.name);
  await svc.stop();
  expectRefusalSaid(await look(sb), platform.name); // stopped: still parked until a restart with a valid token

  svc = InProcessCli.start(sb, [], platform.env(platform.tokens.next), undefined, parseThreads);
  await svc.ready();
  await svc.waitFor(() => ['Bravo', 'Charlie'].every((t) => platform.titles().includes(t)), 20_000, 'the parked posts, after the restart');
  await svc.settled(20_000);
  const after = await look(sb, port);
  await svc.stop();
  expect(platform.titles().sort()).toEqual(['Alpha', 'Bravo', 'Charlie']);
  expect(after.text).not.toMatch(/refused|parked/);
  expect(after.text).toMatch(new RegExp(`^${platform.name}: +up since`, 'm'));
  expect(after.json.parked).toEqual({});
  expect(after.health).toMatchObject({ code: 200, body: { ok: true, checks: { [platform.name]: true }, platforms: { [platform.name]: { state: 'up' } } } });
  expect(after.health!.body.parked).toBeUndefined();
}

describe('a bot token refused while running', () => {
  it('telegram: status and /healthz say "token refused" and the parked count, until a restart with a valid token', async ({ telegram }) => {
    await refusedWhileRunning(telegramPlatform(telegram));
  }, 120_000);
  it('discord: status and /healthz say "token refused" and the parked count, until a restart with a valid token', async ({ discord }) => {
    await refusedWhileRunning(discordPlatform(discord));
  }, 120_000);
});

describe('the parked record across a start without the refused platform', () => {
  // A platform only subscriptions name can be started without its token (a route naming it refuses the start): its
  // deliveries are parked as not enabled then, and the refusal a run before recorded no longer says why they wait.
  it('counts every pending delivery of a refused platform, and forgets the refusal once a start runs without it', () => {
    const dir = tempFolder('notecast-parked-');
    const store = new Store(path.join(dir, 'state.db'));
    try {
      const target = { platform: 'telegram' as const, chat: '-1', thread: '' };
      const queued = (n: string) => store.enqueue({ noteId: n, revision: 1, target, kind: 'delete', payload: { type: 'delete' } });
      const [first] = [queued('a'), queued('b')];
      store.setMeta('platform.telegram', JSON.stringify({ state: 'refused', since: 1, reason: 'token refused while running (401)' }));
      expect(parkedDeliveries(store)).toEqual({ telegram: 2 }); // the one behind the first never met the refusal itself
      forgetRefusalsOf(store, new Set(['telegram']));
      expect(parkedDeliveries(store)).toEqual({ telegram: 2 }); // started with its token: still what the record says until it connects
      forgetRefusalsOf(store, new Set(['discord']), 5);
      expect(JSON.parse(store.getMeta('platform.telegram')!)).toEqual({ state: 'stopped', since: 5 });
      expect(parkedDeliveries(store)).toEqual({});
      store.markRetry(first!, Date.now() + 60_000, notEnabledError('telegram')); // the deliverer found no adapter for it
      expect(parkedDeliveries(store)).toEqual({ telegram: 2 });
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
