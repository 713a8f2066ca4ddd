/**
 * Issue 25, tester 26-1 F2/F5/F6: what a paused chat's waiting deliveries become when what the chat wants
 * changes (src/publish/chat-wants.ts). The fake answers a kicked bot 403 "Forbidden: bot was kicked from
 * the group chat" and a deleted group 400 "Bad Request: chat not found" (test/fakes/telegram/server.ts
 * cites them); both pause the chat.
 * - F2: a chat a config route names has no /subscribe to resume it under `sync --once`: each run tries
 *   it again, so once the bot is back its waiting posts go and the run exits 0.
 * - F6: a route removed from the config while its chat is paused: its waiting post is called off, the
 *   pause goes, and `sync --once` exits 0 again.
 * - F5: /unsubscribe in a paused chat calls its waiting post off: never posted on a later /subscribe.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { itWithFakes } from '../helpers/fakes.js';
import { cliIn, jsonLines, statusOf } from '../helpers/cli.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox, type Sandbox } from '../helpers/service.js';

const parseThreads = fileParseThreads();
const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const ADMIN = 11;
const it = itWithFakes({ telegram: { token: TOKEN } });
afterAll(killLeftoverServices);

/** `notecast sync --once --json` in this process, bounded by `timeoutS`: its exit code and summary line. */
async function syncOnce(sb: Sandbox, timeoutS = 20): Promise<{ code: number | null; summary: Record<string, unknown> }> {
  const r = await cliIn(['sync', '--once', '--json', '--timeout', String(timeoutS), '--config', sb.config, '--notes', sb.notes, '--db', sb.db], { env: { TELEGRAM_BOT_TOKEN: TOKEN }, parseThreads });
  return { code: r.code, summary: jsonLines(r.stdout).at(-1)! };
}

/** What `status --json` says of the outbox and the paused chats. */
function statusJson(db: string): { outbox: Record<string, number>; paused: unknown[] } {
  return JSON.parse(statusOf(db, { json: true }).stdout) as { outbox: Record<string, number>; paused: unknown[] };
}

describe('a paused chat whose wishes change', () => {
  it('F2: a config route\'s chat paused under sync --once is tried again by the next run, and gets what waited once the bot is back', async ({ telegram: fake }) => {
    const group = fake.addChat(-730, 'group', { [ADMIN]: 'creator' });
    const sb = sandbox(`telegram:\n  apiRoot: ${fake.apiRoot}\n  registerCommands: false\nroutes:\n  - platform: telegram\n    chat: "-730"\n`);
    const titles = () => fake.sentTo(group.id).map((m) => m.text.split('\n')[0]!);
    writeFileSync(path.join(sb.notes, 'seed.md'), note('Seed', 'Seed body text here.'));
    expect((await syncOnce(sb)).code).toBe(0); // the first run records what is there, silently
    group.state = 'kicked';
    writeFileSync(path.join(sb.notes, 'bravo.md'), note('Bravo', 'Bravo body text here.'));
    const refused = await syncOnce(sb);
    expect(refused).toMatchObject({ code: 1, summary: { waiting: 1 } });
    expect(statusJson(sb.db).paused).toHaveLength(1);
    const stillRefused = await syncOnce(sb); // tried again, refused again: paused again, nothing lost
    expect(stillRefused).toMatchObject({ code: 1, summary: { waiting: 1 } });

    group.state = 'ok';
    writeFileSync(path.join(sb.notes, 'charlie.md'), note('Charlie', 'Charlie body text here.'));
    const back = await syncOnce(sb);
    expect(back).toMatchObject({ code: 0, summary: { delivered: 2, waiting: 0 } });
    expect(titles().sort()).toEqual(['Bravo', 'Charlie']);
    expect(statusJson(sb.db).paused).toEqual([]);
  }, 90_000);

  it('F6: a route removed from the config while its chat is paused calls its waiting post off; sync --once exits 0 again', async ({ telegram: fake }) => {
    const gone = fake.addChat(-800, 'group', { [ADMIN]: 'creator' });
    const kept = fake.addChat(-801, 'group', { [ADMIN]: 'creator' });
    const goneRoute = '  - platform: telegram\n    chat: "-800"\n';
    const sb = sandbox(`telegram:\n  apiRoot: ${fake.apiRoot}\n  registerCommands: false\nroutes:\n${goneRoute}  - platform: telegram\n    chat: "-801"\n`);
    writeFileSync(path.join(sb.notes, 'seed.md'), note('Seed', 'Seed body text here.'));
    expect((await syncOnce(sb)).code).toBe(0); // the first run records what is there, silently
    gone.state = 'missing'; // the group was deleted
    writeFileSync(path.join(sb.notes, 'bravo.md'), note('Bravo', 'Bravo body text here.'));
    // A deleted chat's post is retried until the chat has answered "gone" the bound's times (publish/gone-answers.ts):
    // this run ends at its --timeout, not idle, whatever its length (20 s took 20 s): 8 s, in which the other chat's post goes.
    expect(await syncOnce(sb, 8)).toMatchObject({ code: 1, summary: { delivered: 1, waiting: 1 } });

    writeFileSync(sb.config, readFileSync(sb.config, 'utf8').replace(goneRoute, ''));
    writeFileSync(path.join(sb.notes, 'charlie.md'), note('Charlie', 'Charlie body text here.'));
    expect(await syncOnce(sb)).toMatchObject({ code: 0, summary: { delivered: 1, waiting: 0 } });
    expect(await syncOnce(sb)).toMatchObject({ code: 0, summary: { waiting: 0 } });
    gone.state = 'ok'; // even were it back, nothing was left to send there
    expect(await syncOnce(sb)).toMatchObject({ code: 0, summary: { delivered: 0, waiting: 0 } });
    expect(fake.sentTo(gone.id)).toEqual([]);
    expect(fake.sentTo(kept.id).map((m) => m.text.split('\n')[0])).toEqual(['Bravo', 'Charlie']);
    const s = statusJson(sb.db);
    expect(s.paused).toEqual([]);
    expect(s.outbox.pending ?? 0).toBe(0);
  }, 90_000);

  it('F5: /unsubscribe in a paused chat calls its waiting post off: not posted when the chat subscribes again', async ({ telegram: fake }) => {
    const group = fake.addChat(-790, 'group', { [ADMIN]: 'creator' });
    const sb = sandbox(`watch:\n  quietMs: 200\ndelivery:\n  baseDelayMs: 200\n  maxDelayMs: 500\ntelegram:\n  apiRoot: ${fake.apiRoot}\n  registerCommands: false\n`);
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    await svc.ready();
    await fake.waitFor(() => fake.calls.some((c) => c.method === 'getUpdates'), 10_000, 'polling');
    const command = async (text: string, reply: RegExp) => {
      // No sleep first: the fake holds the bot to Telegram's one message a second per chat, and so does the adapter's
      // pacer, which every call into a chat goes through, replies included (adapters/telegram/calls.ts).
      fake.command(group.id, ADMIN, text);
      await fake.waitFor(() => fake.sentTo(group.id).some((m) => reply.test(m.text)), 10_000, `reply to ${text}`);
    };
    const titles = () => fake.sentTo(group.id).map((m) => m.text.split('\n')[0]!).filter((t) => !/ubscri/.test(t));
    await command('/subscribe', /^Subscribed \(#1\)/);

    group.state = 'kicked';
    writeFileSync(path.join(sb.notes, 'bravo.md'), note('Bravo', 'Bravo body text here.'));
    await fake.waitFor(() => statusOf(sb.db).stdout.includes('bot was kicked'), 15_000, 'paused');
    group.state = 'ok';
    await command('/unsubscribe', /^Unsubscribed/);
    await svc.settled();
    const s = statusJson(sb.db);
    expect(s.outbox.pending ?? 0).toBe(0);
    expect(s.paused).toEqual([]);

    await command('/subscribe', /^Subscribed \(#2\)/);
    writeFileSync(path.join(sb.notes, 'delta.md'), note('Delta', 'Delta body text here.'));
    await fake.waitFor(() => titles().includes('Delta'), 15_000, 'a note saved after the new subscription');
    await svc.settled();
    await svc.stop();
    expect(titles()).toEqual(['Delta']);
  }, 90_000);
});
