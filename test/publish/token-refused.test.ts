/**
 * Issue 25, outside tester 26-1's F7 and F4. A bot token revoked while the service runs (BotFather's
 * /revoke) is answered 401 Unauthorized on every call: that is our credentials, not the chat, so no
 * chat may be paused (each chat's admin would have to /subscribe again after the operator puts the
 * new token in); the announcement waits and goes out once, after a restart with the new token. And
 * a dropped connection's error names the request URL, `/bot<token>/sendMessage`: kept as a
 * delivery's reason, it reached the database and `notecast status`, which no log redaction covers.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { errorText, withoutUrlCredentials } from '../../src/errors.js';
import { runStatus } from '../../src/cli/status.js';
import { useFakeTelegram } from '../helpers/fakes.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { sandbox } from '../helpers/service.js';

const parseThreads = fileParseThreads();
const TOKEN = '123456:OLD-token-abcdefghijklmnopqrstuvwxyz';
const NEW_TOKEN = '123456:NEW-token-zyxwvutsrqponmlkjihgfedcba';
const ADMIN = 11;
const fake = useFakeTelegram({ token: TOKEN });

describe('a bot token refused while the service runs (401 Unauthorized)', () => {
  it('pauses no chat: the announcement waits, the service goes idle, and a restart with the new token sends it once', { timeout: 90_000 }, async () => {
    const group = fake().addChat(-100501, 'supergroup', { [ADMIN]: 'administrator' });
    const sb = sandbox(`telegram:\n  apiRoot: ${fake().apiRoot}\n  registerCommands: false\nwatch:\n  quietMs: 200\n`);
    writeFileSync(path.join(sb.notes, 'seed.md'), '---\ntitle: Seed\n---\nSeed.\n');
    let svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    await svc.ready();
    fake().command(group.id, ADMIN, '/subscribe');
    await fake().waitFor(() => fake().sentTo(group.id).some((m) => m.text.startsWith('Subscribed')), 10_000, 'the subscription');

    fake().revokeToken(NEW_TOKEN);
    const from = svc.events.length;
    writeFileSync(path.join(sb.notes, 'fresh.md'), '---\ntitle: Fresh note\n---\nFresh note body.\n');
    await svc.batched(['fresh.md']);
    await svc.waitFor(() => /refused the bot token/.test(svc.stderr), 15_000, 'the refused send, said in the log');
    await svc.idle(from, 20_000); // waiting for the operator, not for time: the service is idle (sync --once ends)
    await svc.stop();
    expect(svc.stderr).toMatch(/telegram refused the bot token \(401 Unauthorized/);
    const store = new Store(sb.db);
    const paused = store.sql('SELECT platform, chat FROM paused_targets').all();
    const waiting = store.sql("SELECT status, last_error AS why FROM outbox WHERE platform = 'telegram' AND kind = 'post'").all() as { status: string; why: string }[];
    store.close();
    expect(paused).toEqual([]);
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ status: 'pending', why: expect.stringMatching(/refused the bot token/) as unknown });

    const startedAt = Date.now();
    svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: NEW_TOKEN }, undefined, parseThreads);
    await svc.ready();
    await fake().waitFor(() => fake().sentTo(group.id).some((m) => m.text.startsWith('Fresh note')), 15_000, 'the waiting announcement');
    await svc.settled(20_000);
    await svc.stop();
    const sentAfter = fake().calls.filter((c) => c.method === 'sendMessage' && c.status === 200 && c.at >= startedAt).map((c) => String(c.payload.text ?? ''));
    expect(sentAfter.filter((t) => t.includes('Fresh note')), sentAfter.join('\n---\n')).toHaveLength(1);
  });
});

describe('a request URL that carries a credential, in an error kept or shown', () => {
  const token = '987654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
  it('never carries the token: a Bot API path, a Discord webhook path, a URL user:password', () => {
    const dropped = new Error(`request to https://api.telegram.org/bot${token}/sendMessage failed, reason: socket hang up`);
    expect(errorText(dropped)).toBe('request to https://api.telegram.org/bot[redacted]/sendMessage failed, reason: socket hang up');
    expect(withoutUrlCredentials('POST /webhooks/1234/whtoken-abc_DEF?wait=true')).toBe('POST /webhooks/1234/[redacted]?wait=true');
    expect(withoutUrlCredentials('GET https://user:s3cret@proxy.example/x')).toBe('GET https://[redacted]@proxy.example/x');
    // Paths that merely start like one stay whole: a note in a folder named "bots", a message id.
    expect(withoutUrlCredentials('notes/bots/x.md: /bottle/1 and /webhooks/ list')).toBe('notes/bots/x.md: /bottle/1 and /webhooks/ list');
  });

  it('is not in the database nor in `notecast status` after a send whose connection dropped', { timeout: 60_000 }, async () => {
    const group = fake().addChat(-100502, 'supergroup', { [ADMIN]: 'administrator' });
    const sb = sandbox(`telegram:\n  apiRoot: ${fake().apiRoot}\n  registerCommands: false\nwatch:\n  quietMs: 200\n`);
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    await svc.ready();
    fake().command(group.id, ADMIN, '/subscribe');
    await fake().waitFor(() => fake().sentTo(group.id).some((m) => m.text.startsWith('Subscribed')), 10_000, 'the subscription');
    fake().down = true; // every connection dropped unanswered: the error names the request's URL
    writeFileSync(path.join(sb.notes, 'alpha.md'), '---\ntitle: Alpha\n---\nAlpha body.\n');
    await svc.batched(['alpha.md']);
    // Nothing else answered either: an outage (publish/outages.ts), its reason kept for the post and the platform's state.
    await svc.waitFor(() => /telegram is not answering/.test(svc.stderr), 15_000, 'the dropped send, waiting for Telegram');
    await svc.stop();
    fake().down = false;
    const out: string[] = [];
    for (const json of [false, true]) expect(runStatus({ config: sb.config, db: sb.db, json }, { out: (l) => out.push(l), err: (l) => out.push(l) })).toBe(0);
    expect(out.join('\n')).toMatch(/alpha|pending|waiting/i);
    expect(out.join('\n')).not.toContain(TOKEN);
    const dir = path.dirname(sb.db);
    for (const f of readdirSync(dir).filter((f) => f.startsWith(path.basename(sb.db)))) {
      expect(readFileSync(path.join(dir, f)).toString('latin1'), f).not.toContain(TOKEN.slice(7));
    }
  });
});
