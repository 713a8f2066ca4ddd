/**
 * A subscription's digest schedule end to end: `/subscribe digest:"daily 09:00" tz:Europe/Paris`
 * typed in a group through the real grammY client against the fake Telegram, notes saved before
 * that time held in the outbox, the service stopped and started again across the digest time (a
 * clock the test moves, never a sleep), then one digest of both, once.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { FakeDiscord } from '../fakes/discord/server.js';
import { FakeTelegram } from '../fakes/telegram/server.js';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';
import { note } from '../helpers/service.js';
import { createTelegramAdapter } from '../../src/adapters/telegram/adapter.js';
import { platformAdaptersOf } from '../../src/cli/start.js';
import { runStatus } from '../../src/cli/status.js';
import { parseEnv } from '../../src/config/env.js';
import { configSchema } from '../../src/config/schema.js';
import { digestFromOptions } from '../../src/commands/filter-args.js';
import { nextDigestAt } from '../../src/notes/schedule.js';
import type { AppOptions } from '../../src/app.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
const ADMIN = 5;
/** MANAGE_CHANNELS, which `/subscribe` asks of the member (permissions.mdx). */
const MANAGE_CHANNELS = 1n << 4n;

/** A test's own fakes and service (the tests run at once), stopped when that test finishes. */
interface Own {
  telegram?: FakeTelegram | undefined;
  discord?: FakeDiscord | undefined;
  svc?: InProcessService | undefined;
}
function own(onTestFinished: TestContext['onTestFinished']): Own {
  const t: Own = {};
  onTestFinished(async () => {
    await t.svc?.stop();
    await t.telegram?.stop();
    await t.discord?.stop();
  });
  return t;
}

/** The service's clock: set to a time by the test, and running on from it as a clock does (a platform's retry_after must come due). */
function testClock(iso: string): { now: () => number; set: (iso: string) => void } {
  let clock = Date.parse(iso);
  let setAt = Date.now();
  return {
    now: () => clock + (Date.now() - setAt),
    set: (to) => {
      clock = Date.parse(to);
      setAt = Date.now();
    },
  };
}

/** The fake Telegram with supergroup -100 (ADMIN its administrator), and a service's config and options against it, on the clock `now`. */
async function telegramGroup(t: Own, now: () => number, translations: 'group' | 'separate' = 'group') {
  const fake = await new FakeTelegram({ token: TOKEN }).start();
  t.telegram = fake;
  fake.addChat(-100, 'supergroup', { [ADMIN]: 'administrator' });
  const config = { watch: { quietMs: 200, mode: 'native' }, telegram: { apiRoot: fake.apiRoot }, publish: { translations: { mode: translations, graceMs: 0 } } };
  const options = {
    parseThreads,
    env: { TELEGRAM_BOT_TOKEN: TOKEN },
    now,
    platformAdapters: [({ store, log, commandDeps }) => createTelegramAdapter({ token: TOKEN, config: t.svc!.config.telegram, state: store, deps: commandDeps, log })] satisfies AppOptions['platformAdapters'],
  };
  return { fake, config, options };
}

/** An admin's command typed in -100, and the bot's answer there. */
async function reply(t: Own, text: string): Promise<string> {
  const telegram = t.telegram!;
  const before = telegram.sentTo(-100).length;
  telegram.command(-100, ADMIN, text);
  await telegram.waitFor(() => telegram.sentTo(-100).length > before, 20_000, `a reply to ${text}`);
  return telegram.sentTo(-100).at(-1)!.text;
}

// Each test has its own fakes and service and moves its own clock: they run at once, as they mostly wait on the platforms.
describe.concurrent('digest schedules', () => {
  it('holds the notes for the chat’s digest time and posts them as one digest, once, across a restart', async ({ onTestFinished }) => {
    const t = own(onTestFinished);
    t.telegram = await new FakeTelegram({ token: TOKEN }).start();
    t.telegram.addChat(-100, 'supergroup', { [ADMIN]: 'administrator' });
    // The service's clock: set to a time by the test, and running on from it as a clock does (a
    // platform's retry_after must come due).
    let clock = Date.parse('2026-12-04T05:00:00Z'); // 06:00 in Paris, three hours before the digest
    let setAt = Date.now();
    const now = () => clock + (Date.now() - setAt);
    const setClock = (iso: string) => {
      clock = Date.parse(iso);
      setAt = Date.now();
    };
    const config = { watch: { quietMs: 200, mode: 'native' }, telegram: { apiRoot: t.telegram.apiRoot }, publish: { translations: { mode: 'group', graceMs: 0 } } };
    t.svc = InProcessService.sandbox(config, {
      parseThreads,
      env: { TELEGRAM_BOT_TOKEN: TOKEN },
      now,
      platformAdapters: [({ store, log, commandDeps }) => createTelegramAdapter({ token: TOKEN, config: t.svc!.config.telegram, state: store, deps: commandDeps, log })],
    });
    const fresh = t.svc;
    const notesSent = () => t.telegram!.sentTo(-100).filter((m) => m.text.includes('Morning note'));
    await t.svc.start();
    expect(await reply(t, '/subscribe digest:"daily 09:00" tz:Europe/Paris')).toMatch(/Subscribed \(#1\): all notes, digest:"daily 09:00" tz:Europe\/Paris/);
    expect(await reply(t, '/subscribe digest:"daily 9am" tz:Europe/Paris')).toMatch(/not a digest time/);
    expect(await reply(t, '/subscribe digest:"daily 09:00" tz:Paris')).toMatch(/not a time zone name/);

    const idlesBefore = t.svc.idleCount;
    writeFileSync(path.join(t.svc.notes, 'one.md'), note('Morning note one', 'The first of two.'));
    writeFileSync(path.join(t.svc.notes, 'two.md'), note('Morning note two', 'The second of two.'));
    await t.svc.batched(['one.md', 'two.md']);
    await t.svc.waitFor(() => t.svc!.idleCount > idlesBefore, 20_000, 'idle'); // handled, and idle: the digest waits for its time
    expect(t.svc.app!.store.sql("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'").get()).toEqual({ n: 2 });
    expect(notesSent()).toEqual([]);
    await t.svc.stop();

    const restart = async () => {
      t.svc = new InProcessService(fresh.notes, fresh.db, fresh.config, undefined, {
        parseThreads,
        env: { TELEGRAM_BOT_TOKEN: TOKEN },
        now,
        platformAdapters: [({ store, log, commandDeps }) => createTelegramAdapter({ token: TOKEN, config: fresh.config.telegram, state: store, deps: commandDeps, log })],
      });
      await t.svc.start();
    };
    // A restart long before the time: the held posts are not taken for waits the clock outran.
    setClock('2026-12-04T06:00:00Z');
    await restart();
    expect(notesSent()).toEqual([]);
    expect(t.svc!.app!.store.sql("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending' AND next_attempt_at = ?").get(Date.parse('2026-12-04T08:00:00Z'))).toEqual({ n: 2 });
    await t.svc!.stop();

    setClock('2026-12-04T08:00:30Z'); // 09:00:30 in Paris: the digest is due
    await restart();
    await t.telegram.waitFor(() => notesSent().length > 0, 20_000, 'the digest');
    await t.svc!.waitFor(() => t.svc!.app!.deliverer.idle, 20_000, 'the outbox idle'); // the service's own idle state: nothing more to send
    expect(t.svc!.app!.store.sql("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'").get()).toEqual({ n: 0 });
    const sent = notesSent();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain('Morning note one');
    expect(sent[0]!.text).toContain('Morning note two');
    expect(await reply(t, '/subscriptions')).toContain('#1: all notes, digest:"daily 09:00" tz:Europe/Paris');
  }, 60_000);

  it('on Discord: the slash command’s digest and tz options, the notes held, one digest at 09:00 New York time across the end of summer time and a restart', async ({ onTestFinished }) => {
    const t = own(onTestFinished);
    t.discord = await new FakeDiscord(DISCORD_TOKEN).start();
    const guild = t.discord.addGuild();
    const channel = t.discord.addChannel(guild, 0, 'digest');
    // 2026-10-31 16:00 in New York (EDT, UTC-4). Summer time ends there at 02:00 on 2026-11-01, so
    // the next 09:00 is 14:00 UTC (EST, UTC-5), not the 13:00 UTC the day before's offset gives.
    const clock = testClock('2026-10-31T20:00:00Z');
    const config = { watch: { quietMs: 200, mode: 'native' }, discord: { api: t.discord.api }, publish: { translations: { mode: 'group', graceMs: 0 } } };
    const adapters = await platformAdaptersOf(configSchema.parse(config), parseEnv({ DISCORD_TOKEN }));
    if (adapters instanceof Error) throw adapters;
    t.svc = InProcessService.sandbox(config, { parseThreads, env: { DISCORD_TOKEN }, now: clock.now, platformAdapters: adapters });
    const fresh = t.svc;
    const restart = async () => {
      t.svc = new InProcessService(fresh.notes, fresh.db, fresh.config, undefined, { parseThreads, env: { DISCORD_TOKEN }, now: clock.now, platformAdapters: adapters });
      await t.svc.start();
      await t.discord!.waitFor(() => t.discord!.connected, 15_000, 'the gateway');
    };
    const subscribe = async (options: Record<string, string>) => {
      const r = await t.discord!.interact({ type: 2, guild, channel: channel.id, permissions: MANAGE_CHANNELS, name: 'subscribe', options: Object.entries(options).map(([name, value]) => ({ type: 3, name, value })) });
      return String(r.data?.content);
    };
    await t.svc.start();
    await t.discord.identified();
    expect(await subscribe({ digest: 'daily 09:00', tz: 'America/New_York' })).toMatch(/Subscribed \(#1\): all notes, digest:"daily 09:00" tz:America\/New\\_York/); // Discord Markdown: `\_` shows as `_`
    expect(await subscribe({ digest: 'daily 09:00', tz: 'New York' })).toMatch(/not a time zone name/);

    const idlesBefore = t.svc.idleCount;
    writeFileSync(path.join(t.svc.notes, 'one.md'), note('Evening note one', 'The first of two.'));
    writeFileSync(path.join(t.svc.notes, 'two.md'), note('Evening note two', 'The second of two.'));
    await t.svc.batched(['one.md', 'two.md']);
    await t.svc.waitFor(() => t.svc!.idleCount > idlesBefore, 20_000, 'idle'); // handled, and idle: the digest waits for its time
    const held = () => t.svc!.app!.store.sql("SELECT COUNT(*) AS n, MIN(next_attempt_at) AS at FROM outbox WHERE status = 'pending'").get();
    expect(held()).toEqual({ n: 2, at: Date.parse('2026-11-01T14:00:00Z') });
    expect(t.discord.messagesIn(channel.id)).toEqual([]);
    await t.svc.stop();
    // `notecast status` says what waits, where and until when.
    const said: string[] = [];
    expect(runStatus({ db: t.svc.db, json: true }, { out: (l) => said.push(l), err: (l) => said.push(l) })).toBe(0);
    expect((JSON.parse(said[0]!) as { digests: unknown }).digests).toEqual([{ target: { platform: 'discord', chat: channel.id, thread: '' }, at: Date.parse('2026-11-01T14:00:00Z'), notes: 2 }]);
    said.length = 0;
    runStatus({ db: t.svc.db }, { out: (l) => said.push(l), err: (l) => said.push(l) });
    expect(said).toContain(`  discord:${channel.id}: 2 notes, posted at 2026-11-01T14:00:00.000Z`);

    // 13:30 UTC: past 09:00 by the summer offset, before it by the winter one. Nothing goes.
    clock.set('2026-11-01T13:30:00Z');
    await restart();
    await t.svc!.waitFor(() => t.svc!.app!.deliverer.idle, 20_000, 'the outbox idle');
    expect(t.discord.messagesIn(channel.id)).toEqual([]);
    expect(held()).toEqual({ n: 2, at: Date.parse('2026-11-01T14:00:00Z') });
    await t.svc!.stop();

    clock.set('2026-11-01T14:00:30Z'); // 09:00:30 in New York: the digest is due
    await restart();
    await t.discord.waitFor(() => t.discord!.messagesIn(channel.id).length > 0, 20_000, 'the digest');
    await t.svc!.waitFor(() => t.svc!.app!.deliverer.idle, 20_000, 'the outbox idle'); // the service's own idle state: nothing more to send
    expect(held()).toEqual({ n: 0, at: null });
    const posted = t.discord.messagesIn(channel.id);
    expect(posted).toHaveLength(1);
    const shown = JSON.stringify(posted[0]!.embeds);
    expect(shown).toContain('Evening note one');
    expect(shown).toContain('Evening note two');
    const list = await t.discord.interact({ type: 2, guild, channel: channel.id, permissions: 0n, name: 'subscriptions', options: [] });
    expect(String(list.data?.content)).toContain('#1: all notes, digest:"daily 09:00" tz:America/New\\_York');
    await t.svc!.stop();
    // A later start sends nothing again.
    await restart();
    await t.svc!.waitFor(() => t.svc!.app!.deliverer.idle, 20_000, 'the outbox idle');
    expect(t.discord.messagesIn(channel.id)).toHaveLength(1);
  }, 90_000);

  it('a note held for the chat’s digest does not hold up the chat’s other notes: one a subscription without a digest wants is posted at once (tester 28-1 F5)', async ({ onTestFinished }) => {
    const t = own(onTestFinished);
    const clock = testClock('2026-12-04T05:00:00Z'); // three hours before the digest
    const { fake, config, options } = await telegramGroup(t, clock.now);
    t.svc = InProcessService.sandbox(config, options);
    const fresh = t.svc;
    const titles = () => fake.sentTo(-100).filter((m) => !/ubscri/.test(m.text)).map((m) => m.text);
    await t.svc.start();
    expect(await reply(t, '/subscribe tag:weekly digest:"daily 09:00" tz:Europe/Paris')).toMatch(/Subscribed \(#1\)/);
    expect(await reply(t, '/subscribe tag:urgent')).toMatch(/Subscribed \(#2\)/);
    const idlesBefore = t.svc.idleCount;
    writeFileSync(path.join(t.svc.notes, 'weekly.md'), note('Weekly roundup', 'Maple trees and lanterns by the river.', 'tags: [weekly]\n'));
    await t.svc.batched(['weekly.md']);
    await t.svc.waitFor(() => t.svc!.idleCount > idlesBefore, 20_000, 'idle'); // held for 09:00 Paris time
    writeFileSync(path.join(t.svc.notes, 'urgent.md'), note('Urgent fix', 'Copper meadows and violet harbors.', 'tags: [urgent]\n'));
    await fake.waitFor(() => titles().some((t) => t.includes('Urgent fix')), 20_000, 'the urgent note, at once');
    expect(titles().some((t) => t.includes('Weekly roundup'))).toBe(false);
    expect(t.svc.app!.store.sql("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'").get()).toEqual({ n: 1 });
    await t.svc.stop();

    clock.set('2026-12-04T08:00:30Z'); // 09:00:30 in Paris: the weekly note's digest is due
    t.svc = new InProcessService(fresh.notes, fresh.db, fresh.config, undefined, options);
    await t.svc.start();
    await fake.waitFor(() => titles().some((t) => t.includes('Weekly roundup')), 20_000, 'the digest');
    await t.svc.waitFor(() => t.svc!.app!.deliverer.idle, 20_000, 'the outbox idle');
    expect(titles().filter((t) => t.includes('Urgent fix'))).toHaveLength(1);
    expect(titles().filter((t) => t.includes('Weekly roundup'))).toHaveLength(1);
  }, 60_000);

  // README: a note goes by digest only when every subscription there that passes it has one, "else it is posted at
  // once". A held note edited to pass a subscription without a digest, or a /subscribe that passes it, is wanted at
  // once from then on; it waited for the digest (or a restart) on main.
  it.for([
    ['edited to pass a subscription without a digest', 'group'],
    ['edited to pass a subscription without a digest', 'separate'],
    ['passed by a new /subscribe without a digest', 'group'],
    ['passed by a new /subscribe without a digest', 'separate'],
  ] as const)('a held note %s is posted at once, once (tester 29-1 F5; translations: %s)', { timeout: 60_000 }, async ([how, translations], { onTestFinished }) => {
    const t = own(onTestFinished);
    const { fake, config, options } = await telegramGroup(t, testClock('2026-12-04T05:00:00Z').now, translations); // three hours before the digest
    t.svc = InProcessService.sandbox(config, options);
    const titles = () => fake.sentTo(-100).filter((m) => !/ubscri/.test(m.text)).map((m) => m.text);
    await t.svc.start();
    expect(await reply(t, '/subscribe tag:weekly digest:"daily 09:00" tz:Europe/Paris')).toMatch(/Subscribed \(#1\)/);
    if (how.startsWith('edited')) expect(await reply(t, '/subscribe tag:urgent')).toMatch(/Subscribed \(#2\)/);
    const file = path.join(t.svc.notes, 'weekly.md');
    writeFileSync(file, note('Weekly roundup', 'Maple trees and lanterns by the river.', `tags: [weekly${how.startsWith('edited') ? '' : ', urgent'}]\n`));
    await t.svc.batched(['weekly.md']);
    const pending = () => t.svc!.app!.store.sql("SELECT COUNT(*) AS n, MIN(next_attempt_at) AS at FROM outbox WHERE status = 'pending'").get();
    await t.svc.waitFor(() => (pending() as { n: number }).n === 1, 20_000, 'the note held');
    expect(pending()).toEqual({ n: 1, at: Date.parse('2026-12-04T08:00:00Z') });
    if (how.startsWith('edited')) {
      writeFileSync(file, note('Weekly roundup', 'Maple trees and lanterns by the river, now urgent.', 'tags: [weekly, urgent]\n'));
      await t.svc.batched(['weekly.md']);
    } else expect(await reply(t, '/subscribe tag:urgent')).toMatch(/Subscribed \(#2\)/);
    await fake.waitFor(() => titles().some((t) => t.includes('Weekly roundup')), 20_000, 'the note, at once');
    await t.svc.waitFor(() => t.svc!.app!.deliverer.idle, 20_000, 'the outbox idle');
    expect(titles().filter((t) => t.includes('Weekly roundup'))).toHaveLength(1);
    if (how.startsWith('edited')) expect(titles().at(-1)).toContain('now urgent'); // its newest text
    expect(pending()).toEqual({ n: 0, at: null });
  });

  it('after /unsubscribe, a held note waits for the digest the chat still asks for (tester 28-1 F1)', async ({ onTestFinished }) => {
    const t = own(onTestFinished);
    const { fake, config, options } = await telegramGroup(t, testClock('2026-12-04T05:00:00Z').now);
    t.svc = InProcessService.sandbox(config, options);
    await t.svc.start();
    expect(await reply(t, '/subscribe digest:"daily 09:00" tz:Europe/Paris')).toMatch(/Subscribed \(#1\)/);
    expect(await reply(t, '/subscribe digest:"daily 18:00"')).toMatch(/Subscribed \(#2\)/);
    writeFileSync(path.join(t.svc.notes, 'held.md'), note('Held note', 'Waits for a digest.'));
    await t.svc.batched(['held.md']);
    const held = () => t.svc!.app!.store.sql("SELECT COUNT(*) AS n, MIN(next_attempt_at) AS at FROM outbox WHERE status = 'pending'").get();
    await t.svc.waitFor(() => (held() as { n: number }).n === 1, 20_000, 'the note held');
    expect(held()).toEqual({ n: 1, at: Date.parse('2026-12-04T08:00:00Z') }); // the sooner of the two
    expect(await reply(t, '/unsubscribe 1')).toMatch(/Subscription #1 removed/);
    expect(held()).toEqual({ n: 1, at: Date.parse('2026-12-04T18:00:00Z') });
    expect(await reply(t, '/unsubscribe 2')).toMatch(/Subscription #2 removed/);
    expect(held()).toEqual({ n: 0, at: null }); // the chat wants nothing: called off
    expect(fake.sentTo(-100).some((m) => m.text.includes('Held note'))).toBe(false);
  }, 60_000);

  it('finds the next digest time in the chat’s zone, across a daylight-saving change, and reads what was typed', () => {
    const paris = { at: '09:00', tz: 'Europe/Paris' };
    expect(new Date(nextDigestAt(paris, Date.parse('2026-12-04T07:00:00Z'))).toISOString()).toBe('2026-12-04T08:00:00.000Z');
    expect(new Date(nextDigestAt(paris, Date.parse('2026-12-04T08:00:00Z'))).toISOString()).toBe('2026-12-05T08:00:00.000Z');
    // Summer time starts on 2026-03-29 in Paris: 09:00 is 07:00 UTC that day.
    expect(new Date(nextDigestAt(paris, Date.parse('2026-03-28T09:00:00Z'))).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(new Date(nextDigestAt({ at: '23:30', tz: 'Asia/Tokyo' }, Date.parse('2026-12-04T15:00:00Z'))).toISOString()).toBe('2026-12-05T14:30:00.000Z');
    expect(digestFromOptions({ digest: '"daily 7:05"' })).toEqual({ digest: { at: '07:05', tz: 'UTC' } });
    expect(digestFromOptions({ digest: 'daily 24:00' })).toHaveProperty('error');
    expect(digestFromOptions({ digest: '09:00', tz: '+01:00' })).toHaveProperty('error');
    expect(digestFromOptions({ tz: 'Europe/Paris' })).toHaveProperty('error');
    expect(digestFromOptions({})).toEqual({});
  });
});
