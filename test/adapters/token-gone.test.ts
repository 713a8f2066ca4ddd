/**
 * Issue 25, outside tester's finding E: a chat subscribed on Telegram lost every note saved while
 * the service ran without TELEGRAM_BOT_TOKEN (the log said "those chats get nothing until it is").
 * Its deliveries now park in the outbox and go out once the token is back, exactly once.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { useFakeTelegram } from '../helpers/fakes.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { sandbox } from '../helpers/service.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const ADMIN = 11;
const fake = useFakeTelegram({ token: TOKEN });

describe('a subscription on a platform started without its token', () => {
  it('parks the chat’s announcements (said in the log, pending in the outbox) and sends them once the token is back', { timeout: 90_000 }, async () => {
    const group = fake().addChat(-100300, 'supergroup', { [ADMIN]: 'administrator' });
    const sb = sandbox(`telegram:\n  apiRoot: ${fake().apiRoot}\n  registerCommands: false\nwatch:\n  quietMs: 200\n`);
    writeFileSync(path.join(sb.notes, 'seed.md'), '---\ntitle: Seed\n---\nSeed.\n');
    let svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    await svc.ready();
    fake().command(group.id, ADMIN, '/subscribe');
    await fake().waitFor(() => fake().sentTo(group.id).some((m) => m.text.startsWith('Subscribed')), 10_000, 'the subscription');
    await svc.stop();

    svc = InProcessCli.start(sb, [], {}, undefined, parseThreads); // no TELEGRAM_BOT_TOKEN
    await svc.ready();
    writeFileSync(path.join(sb.notes, 'fresh.md'), '---\ntitle: Fresh note\n---\nFresh note body.\n');
    await svc.batched(['fresh.md']);
    await svc.stop();
    expect(svc.stderr).toMatch(/1 subscription\(s\) on telegram, which is not configured \(TELEGRAM_BOT_TOKEN\): their announcements wait/);
    const store = new Store(sb.db);
    const parked = store.sql("SELECT note_id AS note, status FROM outbox WHERE platform = 'telegram' AND kind = 'post'").all();
    store.close();
    expect(parked).toEqual([{ note: 'family:fresh', status: 'pending' }]); // translations grouped by default: the family's post

    const startedAt = Date.now();
    svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    await svc.ready();
    await fake().waitFor(() => fake().sentTo(group.id).some((m) => m.text.startsWith('Fresh note')), 15_000, 'the parked announcement');
    await svc.stop(); // deliveries in flight finish first
    expect(fake().sentTo(group.id).filter((m) => m.text.startsWith('Fresh note'))).toHaveLength(1);
    expect(fake().sentTo(group.id).filter((m) => m.text.startsWith('Seed'))).toHaveLength(0); // subscribed after it
    // Nothing else of the note anywhere: what Telegram accepted (a 429 the fake answers for the
    // group's pace is retried, and counts once), and no other message but a command's reply (a
    // command may be answered again after a restart: an update whose offset was not confirmed).
    const sentAfter = fake().calls.filter((c) => c.method === 'sendMessage' && c.status === 200 && c.at >= startedAt).map((c) => `${String(c.payload.chat_id)} ${String(c.payload.text ?? '')}`);
    expect(sentAfter.filter((t) => t.includes('Fresh note')), sentAfter.join('\n---\n')).toHaveLength(1);
    expect(sentAfter.filter((t) => !t.includes('Fresh note') && !/subscribed/i.test(t)), sentAfter.join('\n---\n')).toEqual([]);
  });
});
