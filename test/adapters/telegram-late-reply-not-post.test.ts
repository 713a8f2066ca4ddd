/**
 * rv-34c R2 (fixed: the listener is now bound to the post's own sendMessage call by its signal, adapter.ts `postMessage`,
 * calls.ts `lateListenerOf`). It was an AsyncLocalStorage set around a post's
 * sendMessage (adapter.ts postMessage). Whatever that send's answer starts inherits it: calls.ts calls `o.served()`
 * inside it, and KeptRetry.served() replays the owed command replies there (and arms its timer there). A reply sent so
 * that times out is then kept for a late answer *as the post's*: its late answer is told with the post's delivery, and
 * the deliverer deletes message <reply's id> in the *post's* chat as "a second message of the post". Telegram's message
 * ids are per chat: that is another message there (here: the announcement of an earlier note).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { itWithFakes } from '../helpers/fakes.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox } from '../helpers/service.js';

const parseThreads = fileParseThreads();
const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const it = itWithFakes({ telegram: { token: TOKEN } });
afterAll(killLeftoverServices);
const ADMIN = 42;

describe('a late answer is bound to its post\'s own send (rv-34c R2)', () => {
  it('a command reply replayed inside a post send\'s answer, answered late: no message of the post\'s chat is deleted', async ({ telegram }) => {
    const announce = telegram.addChat(-100881, 'supergroup');
    const owing = telegram.addChat(-100882, 'supergroup', { [ADMIN]: 'creator' });
    // Deliveries' backoff far (the kept-retry timer too): only a served call replays the owed reply.
    const sb = sandbox(`watch:\n  quietMs: 200\n  reconcileMinutes: 0\ndelivery:\n  callTimeoutMs: 1500\n  baseDelayMs: 60000\n  maxDelayMs: 60000\ntelegram:\n  apiRoot: ${telegram.apiRoot}\n  registerCommands: false\nroutes:\n  - platform: telegram\n    chat: "${announce.id}"\n`);
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    await svc.ready();
    await telegram.waitFor(() => telegram.calls.some((c) => c.method === 'getUpdates'), 10_000, 'polling');
    await svc.settled(30_000);
    // Two earlier notes' announcements: messages 1 and 2 in the announce chat.
    let from = svc.events.length;
    writeFileSync(path.join(sb.notes, 'n0.md'), note('Alpha first', 'An earlier announcement.'));
    await svc.idle(from, 30_000);
    from = svc.events.length;
    writeFileSync(path.join(sb.notes, 'n0b.md'), note('Alpha second', 'Another earlier announcement.'));
    await svc.idle(from, 30_000);
    const first = telegram.messages.filter((m) => m.chatId === announce.id);
    expect(first.map((m) => m.messageId)).toEqual([1, 2]);

    // A command reply Telegram answers 5xx: kept owed.
    owing.failNext = { count: 1 };
    telegram.command(owing.id, ADMIN, '/help');
    await svc.waitFor(() => /telegram did not confirm its reply/.test(svc.stderr), 15_000, 'the reply kept owed');

    // The next post is answered (at once); the owed reply it cues is carried out, its answer held back.
    telegram.dropAnswers = { count: 1, methods: ['sendMessage'], late: 0, then: { count: 1, methods: ['sendMessage'], late: 'held' } };
    from = svc.events.length;
    writeFileSync(path.join(sb.notes, 'n1.md'), note('Bravo second', 'The post whose answer cues the reply.'));
    await svc.idle(from, 30_000);
    await svc.waitFor(() => /telegram sendMessage: no answer within 1500 ms/.test(svc.stderr), 15_000, 'the reply timed out');
    // A reply is no post's send: its request is aborted at its timeout, not kept for a late answer (was: "its answer is awaited").
    expect(svc.stderr).toMatch(/telegram sendMessage: no answer within 1500 ms; aborted/);
    expect(svc.stderr).not.toMatch(/its answer is awaited/);
    const replyMessage = telegram.messages.find((m) => m.chatId === owing.id);
    expect(replyMessage?.messageId).toBe(2); // the fake's 5xx answer used up id 1 there
    expect(telegram.messages.filter((m) => m.chatId === announce.id).map((m) => m.messageId)).toEqual([1, 2, 3]);
    telegram.answerLate(); // to a closed connection: the reply's request was aborted above
    await svc.settled(30_000);
    const stderr = svc.stderr;
    expect(await svc.stop()).toBe(0);
    // Seen: 'telegram answered a send after it timed out' with the post's delivery, 'a late answer named a second
    // message of a post already recorded', and deleteMessage(announce, 1): the earlier note's announcement gone.
    expect(first.map((m) => m.deleted)).toEqual([false, false]);
    expect(telegram.calls.filter((c) => c.method === 'deleteMessage').map((c) => c.payload)).toEqual([]);
    expect(stderr).not.toMatch(/a late answer named a second message of a post already recorded/);
  }, 120_000);
});
