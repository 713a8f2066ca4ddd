import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { SLOW_DOWN_TEXT } from '../../src/commands/limit.js';
import type { FakeTelegram } from '../fakes/telegram/server.js';
import { itWithFakes } from '../helpers/fakes.js';
import { statusOf } from '../helpers/cli.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox, sleep } from '../helpers/service.js';
// The first summary a worker's service makes on its main thread (a first run defers them: store/deferred-summaries.ts)
// loads the summariser (publish/summary-maker.ts). Under vitest that load is a transform served by its main process,
// shared by every worker: 0.3-0.4 s of this worker's CPU and 1.1-2.3 s of wall at load 13-14 (against 0.06-0.07 s and
// 0.07-0.2 s loaded), more at load 20, where the /note reply once missed its 10 s. Loaded with the file, so the
// reply's bound times the reply (issue 24).
import '../../src/summary/build.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const ADMIN = 11;
const MEMBER = 22;

// The tests run at once, each with a fake Telegram and a service of its own (they mostly wait on
// Telegram's per-chat pace, retries and timeouts); whatever a failed test left is stopped at the end.
const it = itWithFakes({ telegram: { token: TOKEN } });
afterAll(killLeftoverServices);

/** The test's own fake and what it reads of it. */
function withFake(fake: FakeTelegram) {
  const config = (extra = '') => `watch:\n  quietMs: 200\ntelegram:\n  apiRoot: ${fake.apiRoot}\n${extra}`;
  const startService = async (sb: ReturnType<typeof sandbox>) => {
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    await svc.ready();
    await fake.waitFor(() => fake.calls.some((c) => c.method === 'getUpdates'), 10_000, 'polling');
    return svc;
  };
  const replies = (chat: number) => fake.sentTo(chat).map((m) => m.text);
  return { fake: () => fake, config, startService, replies };
}

describe.concurrent('Telegram through grammY against the fake Bot API', () => {
  it('registers localized commands; subscribes admins only; announces to matching chats once; edits in place', async ({ telegram }) => {
    const { fake, config, startService, replies } = withFake(telegram);
    const en = fake().addChat(-100, 'supergroup', { [ADMIN]: 'administrator', [MEMBER]: 'member' });
    const zh = fake().addChat(-200, 'group', { [ADMIN]: 'creator' });
    const dm = fake().addChat(33, 'private');
    const sb = sandbox(config());
    const svc = await startService(sb);
    expect([...fake().commands.keys()].sort()).toEqual(['', 'es', 'hi', 'ja', 'zh']);
    expect(fake().commands.get('ja')!.find((c) => c.command === 'note')!.description).toMatch(/ノート/);

    fake().command(en.id, MEMBER, '/subscribe lang:en');
    await fake().waitFor(() => replies(en.id).length === 1, 10_000, 'refusal');
    expect(replies(en.id)[0]).toMatch(/only admins/);
    await sleep(1100); // the fake holds the bot to Telegram's one message a second per chat
    fake().command(en.id, ADMIN, '/subscribe lang:en');
    fake().command(zh.id, ADMIN, '/subscribe lang:zh');
    fake().command(dm.id, 33, '/subscribe tag:never');
    await fake().waitFor(() => replies(en.id).length === 2 && replies(zh.id).length === 1 && replies(dm.id).length === 1, 10_000, 'subscribed');
    expect(replies(en.id)[1]).toMatch(/Subscribed \(#\d+\): lang:en/);

    const file = path.join(sb.notes, 'hello-en.md');
    const from = svc.events.length;
    writeFileSync(file, note('1 < 2 & 3 > 0', 'The first sentence is here. It has @everyone in it.'));
    await fake().waitFor(() => replies(en.id).length === 3, 15_000, 'announcement');
    await svc.idle(from); // every delivery it caused is out
    expect(replies(zh.id)).toHaveLength(1);
    expect(replies(dm.id)).toHaveLength(1);
    const post = fake().sentTo(en.id)[2]!;
    expect(post.html).toContain('<b>1 &lt; 2 &amp; 3 &gt; 0</b>');
    expect(post.text).toContain('The first sentence is here.');

    writeFileSync(file, note('1 < 2 & 3 > 0', 'A rewritten sentence now.'));
    await fake().waitFor(() => post.editedTimes === 1, 15_000, 'edit');
    expect(post.text).toContain('A rewritten sentence now.');
    expect(fake().sentTo(en.id)).toHaveLength(3);
    expect(fake().tooManyRequests).toBe(0);
  });

  it('answers /note and inline queries in the user’s language, with buttons for more', async ({ telegram }) => {
    const { fake, config, startService, replies } = withFake(telegram);
    const dm = fake().addChat(44, 'private');
    const sb = sandbox(config());
    writeFileSync(path.join(sb.notes, '2025-01-01-tea-en.md'), note('Lemon tea recipe', 'Boil water and add lemon.', 'lang: en\n'));
    writeFileSync(path.join(sb.notes, '2025-01-01-tea-hi.md'), note('नींबू चाय की विधि', 'पानी उबालें और नींबू डालें।', 'lang: hi\ntranslated: true\n'));
    writeFileSync(path.join(sb.notes, '2025-01-02-coffee-en.md'), note('Coffee oddity', 'Some people add lemon to coffee.', 'lang: en\n'));
    const svc = await startService(sb);
    await svc.indexed();

    fake().command(dm.id, 44, '/note lemon', { from: { id: 44, is_bot: false, first_name: 'A', language_code: 'hi' } });
    await fake().waitFor(() => replies(dm.id).length === 1, 10_000, '/note reply');
    const reply = fake().sentTo(dm.id)[0]!;
    expect(reply.text).toContain('नींबू चाय की विधि');
    expect(JSON.stringify(reply.replyMarkup)).toContain('Coffee oddity');

    fake().push({ inline_query: { id: 'iq1', from: { id: 44, is_bot: false, first_name: 'A', language_code: 'en' }, query: 'lemon tea', offset: '' } });
    await fake().waitFor(() => fake().inlineAnswers.length === 1, 10_000, 'inline answer');
    const first = fake().inlineAnswers[0]!.results[0]!;
    expect(first.title).toBe('Lemon tea recipe');
    expect(JSON.stringify(first.input_message_content)).toContain('Boil water');

    // A button press shows that note.
    const data = (reply.replyMarkup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard[0]![0]!.callback_data;
    await sleep(1000); // a fixed wait: the fake holds the bot to one message a second per chat (Telegram's), and the button's reply goes to the same chat
    fake().push({ callback_query: { id: 'cb1', from: { id: 44, is_bot: false, first_name: 'A' }, chat_instance: 'x', data, message: { message_id: reply.messageId, date: 0, chat: { id: dm.id, type: 'private', first_name: 'A' } } } });
    await fake().waitFor(() => replies(dm.id).length === 2, 10_000, 'button reply');
    expect(replies(dm.id)[1]).toContain('Coffee oddity');
    expect(fake().callbackAnswers).toHaveLength(1);
  });

  it('survives a 429 storm with nothing lost or doubled', async ({ telegram }) => {
    const { fake, config, startService, replies } = withFake(telegram);
    const chats = [501, 502, 503, 504, 505].map((id) => fake().addChat(id, 'private'));
    const sb = sandbox(config(`routes:\n${chats.map((c) => `  - platform: telegram\n    chat: ${c.id}\n`).join('')}`));
    const svc = await startService(sb);
    fake().forced429 = 12;
    const from = svc.events.length;
    for (let i = 0; i < 3; i++) writeFileSync(path.join(sb.notes, `storm-${i}-en.md`), note(`Storm ${i}`, `Storm note ${i} text.`));
    await fake().waitFor(() => chats.every((c) => fake().sentTo(c.id).length === 3), 30_000, 'all deliveries');
    // The idle that counts comes after the last delivery: the storm's notes can go out in two batches, and
    // the first batch's idle is already there (seen once as {done: 14, sending: 1} on a loaded machine).
    await svc.settled();
    expect(svc.events.slice(from).some((e) => e.event === 'idle')).toBe(true);
    for (const c of chats) {
      const titles = fake().sentTo(c.id).map((m) => m.text.split('\n')[0]).sort();
      expect(titles).toEqual(['Storm 0', 'Storm 1', 'Storm 2']);
    }
    expect(fake().tooManyRequests).toBeGreaterThanOrEqual(12);
    const s = JSON.parse(statusOf(sb.db, { json: true }).stdout) as { outbox: Record<string, number> };
    expect(s.outbox).toEqual({ done: 15 });
  });

  it('pauses blocked and missing chats, and follows a group that became a supergroup', async ({ telegram }) => {
    const { fake, config, startService, replies } = withFake(telegram);
    const blocked = fake().addChat(601, 'private');
    blocked.state = 'blocked';
    const old = fake().addChat(-602, 'group', { [ADMIN]: 'creator' });
    fake().addChat(-1000602, 'supergroup', { [ADMIN]: 'creator' });
    old.state = { migratedTo: -1000602 };
    const fine = fake().addChat(603, 'private');
    // A chat said gone is forgotten at its GONE_ANSWERS-th answer, each after its own backoff: short ones here, and unpaced
    // (rate.perChatMs: 0, not Telegram's second a chat: blocked, missing and upgraded chats are answered before the fake's
    // rate limits, and the two that take a message take one each).
    const sb = sandbox(config(`  rate:\n    perChatMs: 0\ndelivery:\n  baseDelayMs: 5\n  maxDelayMs: 20\nroutes:\n  - platform: telegram\n    chat: 601\n  - platform: telegram\n    chat: 999\n  - platform: telegram\n    chat: 603\n`));
    const svc = await startService(sb);
    // The old group's subscription was made before the upgrade.
    statusOf(sb.db);
    const { Store } = await import('../../src/store/store.js');
    const store = new Store(sb.db);
    store.subscribe({ platform: 'telegram', chat: '-602', thread: '' }, {});
    store.close();
    writeFileSync(path.join(sb.notes, 'x-en.md'), note('Reach', 'Reaching every chat.'));
    await fake().waitFor(() => fake().sentTo(603).length === 1 && fake().sentTo(-1000602).length === 1, 15_000, 'deliveries');
    await svc.settled(); // every chat's outcome recorded
    await svc.stop();
    const status = statusOf(sb.db).stdout;
    expect(status).toMatch(/telegram:601: telegram sendMessage: 403 Forbidden: bot was blocked by the user/);
    expect(status).toMatch(/telegram:999: telegram sendMessage: 400 Bad Request: chat not found/);
    const s2 = new Store(sb.db);
    expect(s2.subscriptions().map((x) => x.target.chat)).toEqual(['-1000602']);
    s2.close();
    expect(fake().sentTo(fine.id)).toHaveLength(1);
  });

  it('posts into a forum topic when subscribed from inside it', async ({ telegram }) => {
    const { fake, config, startService, replies } = withFake(telegram);
    const forum = fake().addChat(-700, 'supergroup', { [ADMIN]: 'administrator' });
    forum.topics.add(5);
    const sb = sandbox(config());
    const svc = await startService(sb);
    fake().command(forum.id, ADMIN, '/subscribe', { message_thread_id: 5, is_topic_message: true });
    await fake().waitFor(() => replies(forum.id).length === 1, 10_000, 'subscribe reply');
    expect(fake().sentTo(forum.id)[0]!.threadId).toBe(5);
    writeFileSync(path.join(sb.notes, 't-en.md'), note('Topic note', 'In the topic.'));
    await fake().waitFor(() => fake().sentTo(forum.id).length === 2, 15_000, 'topic post');
    expect(fake().sentTo(forum.id)[1]!.threadId).toBe(5);
  });

  it('never logs the token', async ({ telegram }) => {
    const { fake, config, startService, replies } = withFake(telegram);
    fake().addChat(801, 'private').state = 'missing';
    // The missing chat's answers counted out quickly: short backoff, unpaced (each is "chat not found" before any rate limit).
    const sb = sandbox(config(`  rate:\n    perChatMs: 0\ndelivery:\n  baseDelayMs: 5\n  maxDelayMs: 20\nroutes:\n  - platform: telegram\n    chat: 801\n`));
    const svc = await startService(sb);
    writeFileSync(path.join(sb.notes, 'y-en.md'), note('Secret check', 'Some text.'));
    await fake().waitFor(() => fake().calls.some((c) => c.method === 'sendMessage'), 15_000, 'a send');
    await svc.settled(); // the refused send handled and logged
    expect(svc.stderr.length).toBeGreaterThan(0);
    expect(svc.stderr).not.toContain(TOKEN);
    expect(svc.stderr).not.toContain('TEST-token');
  });
});

describe.concurrent('abuse', () => {
  it('answers every command past a user’s limit with "please wait", never with nothing (issue 29, F10)', async ({ telegram }) => {
    const { fake, config, startService, replies } = withFake(telegram);
    const dm = fake().addChat(901, 'private');
    const sb = sandbox(config('commands:\n  burst: 3\n  refillMs: 60000\n'));
    const svc = await startService(sb);
    // One after another, each once the one before is answered, as a person types them.
    for (let i = 1; i <= 6; i++) {
      fake().command(dm.id, 901, '/help');
      await fake().waitFor(() => replies(dm.id).length === i, 10_000, `an answer to command ${i}`);
    }
    const texts = replies(dm.id);
    expect(texts.slice(0, 3).every((t) => /announce new notes/.test(t))).toBe(true);
    expect(texts.slice(3)).toEqual(Array(3).fill(SLOW_DOWN_TEXT));
  });
});

describe.concurrent('webhook mode', () => {
  it('checks the secret token on every request and answers updates it delivers', async ({ telegram }) => {
    const { fake, config, startService, replies } = withFake(telegram);
    const { createServer } = await import('node:net');
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const dm = fake().addChat(77, 'private');
    const sb = sandbox(config(`  mode: webhook\n  webhook:\n    url: http://127.0.0.1:${port}\n    port: ${port}\n    path: /tg-hook\n`));
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: 'hook-secret-123' }, undefined, parseThreads);
    await svc.ready();
    const setWebhook = fake().calls.find((c) => c.method === 'setWebhook')!;
    expect(setWebhook.payload).toMatchObject({ url: `http://127.0.0.1:${port}/tg-hook`, secret_token: 'hook-secret-123' });
    const update = { update_id: 1, message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: 77, type: 'private', first_name: 'A' }, from: { id: 77, is_bot: false, first_name: 'A' }, text: '/help', entities: [{ type: 'bot_command', offset: 0, length: 5 }] } };
    const post = (secret: string) => fetch(`http://127.0.0.1:${port}/tg-hook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body: JSON.stringify(update) });
    expect((await post('wrong')).status).toBe(401);
    expect(replies(dm.id)).toHaveLength(0);
    expect((await post('hook-secret-123')).status).toBe(200);
    await fake().waitFor(() => replies(dm.id).length === 1, 10_000, 'reply to the webhook update');
    expect(replies(dm.id)[0]).toMatch(/announce new notes/);
    expect(fake().calls.some((c) => c.method === 'getUpdates')).toBe(false);
  });
});

describe.concurrent('faults', () => {
  it('rides out a burst of 5xx answers and an outage, then delivers everything exactly once', async ({ telegram }) => {
    const { fake, config, startService, replies } = withFake(telegram);
    const chats = [1001, 1002, 1003].map((id) => fake().addChat(id, 'private'));
    const sb = sandbox(config(`delivery:\n  baseDelayMs: 200\n  maxDelayMs: 2000\nroutes:\n${chats.map((c) => `  - platform: telegram\n    chat: ${c.id}\n`).join('')}`));
    const svc = await startService(sb);
    fake().failNext = { count: 4, status: 502 };
    writeFileSync(path.join(sb.notes, 'f1-en.md'), note('Fault one', 'Through 5xx answers.'));
    await fake().waitFor(() => chats.every((c) => fake().sentTo(c.id).length === 1), 20_000, '5xx burst ridden out');
    expect(fake().calls.filter((c) => c.status === 502)).toHaveLength(4);

    const fromOutage = svc.events.length;
    fake().down = true; // the platform goes away
    const logFrom = svc.stderr.length;
    writeFileSync(path.join(sb.notes, 'f2-en.md'), note('Fault two', 'Written during the outage.'));
    // Every chat failing alike is the platform's outage, not the posts' fault: said once, no attempt spent (publish/outages.ts).
    await svc.waitFor(() => svc.stderr.includes('telegram is not answering', logFrom), 15_000, 'the outage said in the log');
    await svc.waitFor(() => /"state":"unreachable"/.test(JSON.stringify(JSON.parse(statusOf(sb.db, { json: true }).stdout).platforms)), 15_000, 'status: unreachable');
    expect(chats.every((c) => fake().sentTo(c.id).length === 1)).toBe(true);
    fake().down = false; // and comes back
    await fake().waitFor(() => chats.every((c) => fake().sentTo(c.id).length === 2), 30_000, 'delivered after the outage');
    await svc.idle(fromOutage);
    for (const c of chats) expect(fake().sentTo(c.id).map((m) => m.text.split('\n')[0])).toEqual(['Fault one', 'Fault two']);
    await svc.stop();
    const s = JSON.parse(statusOf(sb.db, { json: true }).stdout) as { outbox: Record<string, number>; paused: unknown[] };
    expect(s.outbox).toEqual({ done: 6 });
    expect(s.paused).toEqual([]);
  });
});

describe.concurrent('timeouts', () => {
  it('gives up on a call that never answers and delivers once the platform answers again', async ({ telegram }) => {
    const { fake, config, startService, replies } = withFake(telegram);
    const chat = fake().addChat(1101, 'private');
    const sb = sandbox(config(`delivery:\n  callTimeoutMs: 1000\n  baseDelayMs: 200\n  maxDelayMs: 1000\nroutes:\n  - platform: telegram\n    chat: ${chat.id}\n`));
    const svc = await startService(sb);
    fake().hang = true;
    const from = svc.events.length;
    writeFileSync(path.join(sb.notes, 'slow-en.md'), note('Slow platform', 'Sent while requests hang.'));
    await fake().waitFor(() => /no answer within 1000 ms/.test(svc.stderr), 15_000, 'a call given up by the delivery');
    expect(fake().sentTo(chat.id)).toHaveLength(0);
    // The request itself stays open for a late answer (README: a late answer's message is recorded), so the fake
    // still holds it; the delivery has moved on all the same.
    expect(fake().held).toBeGreaterThanOrEqual(1);
    fake().release();
    await fake().waitFor(() => fake().sentTo(chat.id).length === 1, 15_000, 'delivery after the hang');
    await svc.idle(from); // nothing in flight or waiting: a second send would be out by now
    expect(fake().sentTo(chat.id)).toHaveLength(1);
  });
});
