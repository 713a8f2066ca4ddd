/**
 * A subscription's digest schedule end to end: `/subscribe digest:"daily 09:00" tz:Europe/Paris`
 * typed in a group through the real grammY client against the fake Telegram, notes saved before
 * that time held in the outbox, the service stopped and started again across the digest time (a
 * clock the test moves, never a sleep), then one digest of both, once.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTelegram } from '../fakes/telegram/server.js';
import { InProcessService } from '../helpers/inproc.js';
import { note } from '../helpers/service.js';
import { createTelegramAdapter } from '../../src/adapters/telegram/adapter.js';
import { digestFromOptions } from '../../src/commands/filter-args.js';
import { nextDigestAt } from '../../src/notes/schedule.js';

const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const ADMIN = 5;

let telegram: FakeTelegram | undefined;
let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  await telegram?.stop();
  svc = telegram = undefined;
});

describe('digest schedules', () => {
  it('holds the notes for the chat’s digest time and posts them as one digest, once, across a restart', async () => {
    telegram = await new FakeTelegram({ token: TOKEN }).start();
    telegram.addChat(-100, 'supergroup', { [ADMIN]: 'administrator' });
    // The service's clock: set to a time by the test, and running on from it as a clock does (a
    // platform's retry_after must come due).
    let clock = Date.parse('2026-12-04T05:00:00Z'); // 06:00 in Paris, three hours before the digest
    let setAt = Date.now();
    const now = () => clock + (Date.now() - setAt);
    const setClock = (iso: string) => {
      clock = Date.parse(iso);
      setAt = Date.now();
    };
    const config = { watch: { quietMs: 200, mode: 'native' }, telegram: { apiRoot: telegram.apiRoot }, publish: { translations: { mode: 'group', graceMs: 0 } } };
    svc = InProcessService.sandbox(config, {
      env: { TELEGRAM_BOT_TOKEN: TOKEN },
      now,
      platformAdapters: [({ store, log, commandDeps }) => createTelegramAdapter({ token: TOKEN, config: svc!.config.telegram, state: store, deps: commandDeps, log })],
    });
    const fresh = svc;
    const notesSent = () => telegram!.sentTo(-100).filter((m) => m.text.includes('Morning note'));
    const reply = async (text: string) => {
      const before = telegram!.sentTo(-100).length;
      telegram!.command(-100, ADMIN, text);
      await telegram!.waitFor(() => telegram!.sentTo(-100).length > before, 20_000, `a reply to ${text}`);
      return telegram!.sentTo(-100).at(-1)!.text;
    };
    await svc.start();
    expect(await reply('/subscribe digest:"daily 09:00" tz:Europe/Paris')).toMatch(/Subscribed \(#1\): all notes, digest:"daily 09:00" tz:Europe\/Paris/);
    expect(await reply('/subscribe digest:"daily 9am" tz:Europe/Paris')).toMatch(/not a digest time/);
    expect(await reply('/subscribe digest:"daily 09:00" tz:Paris')).toMatch(/not a time zone name/);

    const idlesBefore = svc.idleCount;
    writeFileSync(path.join(svc.notes, 'one.md'), note('Morning note one', 'The first of two.'));
    writeFileSync(path.join(svc.notes, 'two.md'), note('Morning note two', 'The second of two.'));
    await svc.batched(['one.md', 'two.md']);
    await svc.waitFor(() => svc!.idleCount > idlesBefore, 20_000, 'idle'); // handled, and idle: the digest waits for its time
    expect(svc.app!.store.sql("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'").get()).toEqual({ n: 2 });
    expect(notesSent()).toEqual([]);
    await svc.stop();

    const restart = async () => {
      svc = new InProcessService(fresh.notes, fresh.db, fresh.config, undefined, {
        env: { TELEGRAM_BOT_TOKEN: TOKEN },
        now,
        platformAdapters: [({ store, log, commandDeps }) => createTelegramAdapter({ token: TOKEN, config: fresh.config.telegram, state: store, deps: commandDeps, log })],
      });
      await svc.start();
    };
    // A restart long before the time: the held posts are not taken for waits the clock outran.
    setClock('2026-12-04T06:00:00Z');
    await restart();
    expect(notesSent()).toEqual([]);
    expect(svc!.app!.store.sql("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending' AND next_attempt_at = ?").get(Date.parse('2026-12-04T08:00:00Z'))).toEqual({ n: 2 });
    await svc!.stop();

    setClock('2026-12-04T08:00:30Z'); // 09:00:30 in Paris: the digest is due
    await restart();
    await telegram.waitFor(() => notesSent().length > 0, 20_000, 'the digest');
    await svc!.waitFor(() => svc!.app!.deliverer.idle, 20_000, 'the outbox idle'); // the service's own idle state: nothing more to send
    expect(svc!.app!.store.sql("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'").get()).toEqual({ n: 0 });
    const sent = notesSent();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain('Morning note one');
    expect(sent[0]!.text).toContain('Morning note two');
    expect(await reply('/subscriptions')).toContain('#1: all notes, digest:"daily 09:00" tz:Europe/Paris');
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
