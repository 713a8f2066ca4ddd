/**
 * Issue 25 (tester 28-1 F2): `notecast unsubscribe <chat>`, the operator's /unsubscribe for a chat no one can type in
 * any more (here a bot kicked from a group and never let back: Telegram 403 "Forbidden: bot was kicked from the group
 * chat", which pauses the chat rather than forgetting it). Before, no command removed a subscription: the chat stayed
 * paused and every later note added a post for it. The command runs the program in this process (test/helpers/cli.ts
 * cliIn): its parsing, exit codes and the refusal beside a running service.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { itWithFakes } from '../helpers/fakes.js';
import { cliIn, statusOf } from '../helpers/cli.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox } from '../helpers/service.js';

const parseThreads = fileParseThreads();
const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const ADMIN = 11;
const it = itWithFakes({ telegram: { token: TOKEN } });
afterAll(killLeftoverServices);

describe('notecast unsubscribe <chat>', () => {
  it('removes a paused chat’s subscriptions, calls off what waits and lifts the pause; refused while a service runs', { timeout: 60_000 }, async ({ telegram: fake }) => {
    const group = fake.addChat(-713, 'group', { [ADMIN]: 'creator' });
    const other = fake.addChat(-714, 'group', { [ADMIN]: 'creator' });
    const sb = sandbox(`watch:\n  quietMs: 200\ndelivery:\n  baseDelayMs: 200\n  maxDelayMs: 500\ntelegram:\n  apiRoot: ${fake.apiRoot}\n`);
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    await svc.ready();
    await fake.waitFor(() => fake.calls.some((c) => c.method === 'getUpdates'), 10_000, 'polling');
    for (const chat of [group, other]) {
      fake.command(chat.id, ADMIN, '/subscribe');
      await fake.waitFor(() => fake.sentTo(chat.id).length === 1, 10_000, 'subscribe reply');
    }
    group.state = 'kicked';
    const from = svc.events.length;
    writeFileSync(path.join(sb.notes, 'alpha.md'), note('Alpha', 'Alpha body about lanterns by the river.'));
    writeFileSync(path.join(sb.notes, 'bravo.md'), note('Bravo', 'Bravo body about copper meadows.'));
    await svc.batched(['alpha.md', 'bravo.md']);
    await svc.idle(from);
    await svc.settled();
    expect(statusOf(sb.db).stdout).toContain('telegram:-713: telegram sendMessage: 403 Forbidden: bot was kicked');

    const running = await cliIn(['unsubscribe', 'telegram:-713', '--db', sb.db, '--config', sb.config]);
    expect(running.code).toBe(1);
    expect(running.stderr).toMatch(/is in use by process/);
    await svc.stop();

    const bad = await cliIn(['unsubscribe', 'telegram', '--db', sb.db, '--config', sb.config]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not a chat');

    const r = await cliIn(['unsubscribe', 'telegram:-713', '--db', sb.db, '--config', sb.config]);
    expect(r.stderr).toContain('waiting post called off'); // the log, on stderr
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('telegram:-713: 1 subscription removed, 2 waiting deliveries called off, no longer paused\n');
    const s = JSON.parse(statusOf(sb.db, { json: true }).stdout) as { subscriptions: number; outbox: Record<string, number>; paused: unknown[] };
    expect(s).toMatchObject({ subscriptions: 1, paused: [] });
    expect(s.outbox.pending ?? 0).toBe(0);
    expect(fake.sentTo(other.id).map((m) => m.text.split('\n')[0]).filter((t) => !/ubscri/.test(t!)).sort()).toEqual(['Alpha', 'Bravo']);

    const again = await cliIn(['unsubscribe', 'telegram:-713', '--db', sb.db, '--config', sb.config]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing changed');
  });
});
