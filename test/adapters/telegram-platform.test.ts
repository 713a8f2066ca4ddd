/**
 * What the real Telegram does that a plain fake would not: the error texts it answers when the bot
 * may not write (each classified through the real grammY client and our adapter), IETF language
 * codes, per-user inline caching and webhook rules checked at config load.
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTelegramAdapter, type TelegramAdapter } from '../../src/adapters/telegram/adapter.js';
import { CommandRateLimiter } from '../../src/commands/limit.js';
import { configSchema } from '../../src/config/schema.js';
import { createLogger } from '../../src/log.js';
import { NoteSearch } from '../../src/search/index.js';
import { Store } from '../../src/store/store.js';
import type { FakeChat } from '../fakes/telegram/server.js';
import { useFakeTelegram } from '../helpers/fakes.js';
import { cliIn, statusOf } from '../helpers/cli.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { note, sandbox, Service } from '../helpers/service.js';
import { tempFolder } from '../helpers/temp-folder.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';

const fake = useFakeTelegram({ token: TOKEN });

/** Our real adapter on the real grammY client, pointed at the fake; not started (delivery needs no polling). */
function adapter(): TelegramAdapter {
  const store = new Store(path.join(tempFolder('notecast-tg-'), 'state.db'));
  const config = configSchema.parse({ telegram: { apiRoot: fake().apiRoot, rate: { perChatMs: 0 } } });
  const deps = { store, search: new NoteSearch(store), limiter: new CommandRateLimiter(config.commands), observe: () => undefined };
  return createTelegramAdapter({ token: TOKEN, config: config.telegram, state: store, deps, log: createLogger({ level: 'silent', secrets: [] }) });
}

const summary = { type: 'digest' as const, items: [{ noteId: 'a', title: 'A note' }] };
const ctx = { deliveryId: 1, noteId: null, revision: 0, nonce: 'n' };

/** The error an operation gets in `chat`, as our adapter classifies it. */
async function classified(a: TelegramAdapter, chat: FakeChat, op: 'post' | 'edit' | 'delete') {
  const target = { platform: 'telegram' as const, chat: String(chat.id), thread: '' };
  try {
    if (op === 'post') await a.post(target, summary, ctx);
    else if (op === 'edit') await a.edit(target, '1', summary, ctx);
    else await a.delete(target, '1', ctx);
  } catch (e) {
    return a.classify(e, op).kind;
  }
  throw new Error('the call did not fail');
}

describe('Telegram error texts', () => {
  // Each text as Telegram was seen to send it; sources beside the patterns in src/adapters/telegram/errors.ts.
  const chatUnusable: [number, string][] = [
    [400, 'Bad Request: need administrator rights in the channel chat'],
    [400, 'Bad Request: have no write access to the chat'],
    [403, 'Forbidden: CHAT_WRITE_FORBIDDEN'],
    [400, 'Bad Request: CHAT_WRITE_FORBIDDEN'],
    [400, 'Bad Request: CHAT_RESTRICTED'],
    [400, 'Bad Request: TOPIC_DELETED'],
    [400, 'Bad Request: TOPIC_CLOSED'],
    [400, 'Bad Request: message thread not found'],
    [400, 'Bad Request: not enough rights to send text messages to the chat'],
    [403, 'Forbidden: bot is not a member of the channel chat'],
    [403, 'Forbidden: bot is not a member of the supergroup chat'],
    [403, "Forbidden: bot can't initiate conversation with a user"],
    [400, 'Bad Request: group chat was deactivated'],
    [400, 'Bad Request: PEER_ID_INVALID'],
    [400, 'Bad Request: chat not found'],
  ];
  it.each(chatUnusable)('a post answered %i "%s" pauses the chat', async (code, description) => {
    const chat = fake().addChat(-1001, 'supergroup');
    chat.refuse = { sendMessage: { code, description } };
    expect(await classified(adapter(), chat, 'post')).toBe('permanent');
  });

  // Tester 28-1 F2: the chat itself no longer exists, so its subscriptions go (publish/chat-gone.ts); one that can be let back stays paused.
  const chatGone = new Set(['Bad Request: chat not found', 'Bad Request: group chat was deactivated', 'Forbidden: user is deactivated', 'Bad Request: TOPIC_DELETED', 'Bad Request: message thread not found']);
  it.each([...chatUnusable, [403, 'Forbidden: user is deactivated'], [403, 'Forbidden: bot was kicked from the group chat'], [403, 'Forbidden: bot was blocked by the user']] as [number, string][])(
    'a post answered %i "%s" says the chat is gone for good only when it is deleted',
    async (code, description) => {
      const chat = fake().addChat(-1001, 'supergroup');
      chat.refuse = { sendMessage: { code, description } };
      const target = { platform: 'telegram' as const, chat: String(chat.id), thread: '' };
      const f = await adapter().post(target, summary, ctx).then(
        () => undefined,
        (e: unknown) => adapter().classify(e, 'post'),
      );
      expect(f).toEqual({ kind: 'permanent', reason: expect.any(String), ...(chatGone.has(description) ? { chatGone: true } : {}) });
    },
  );

  const changeRefused: ['edit' | 'delete', number, string][] = [
    ['delete', 400, "Bad Request: message can't be deleted"],
    ['delete', 400, "Bad Request: message can't be deleted for everyone"],
    ['edit', 400, "Bad Request: message can't be edited"],
    ['delete', 400, 'Bad Request: not enough rights to delete a message'],
    ['delete', 400, 'Bad Request: need administrator rights in the channel chat'],
  ];
  it.each(changeRefused)('a %s answered %i "%s" fails that change only', async (op, code, description) => {
    const chat = fake().addChat(-1002, 'supergroup');
    chat.refuse = { [op === 'edit' ? 'editMessageText' : 'deleteMessage']: { code, description } };
    expect(await classified(adapter(), chat, op)).toBe('rejected');
  });

  it('a message already gone is nothing left to do', async () => {
    const chat = fake().addChat(-1003, 'supergroup');
    expect(await classified(adapter(), chat, 'edit')).toBe('gone'); // "message to edit not found"
    expect(await classified(adapter(), chat, 'delete')).toBe('gone');
  });

  it('a channel where the bot lost its admin rights is paused with Telegram’s reason, and later notes wait', async () => {
    const channel = fake().addChat(-100777, 'channel');
    const ok = fake().addChat(-100778, 'supergroup');
    channel.refuse = { sendMessage: { code: 400, description: 'Bad Request: need administrator rights in the channel chat' } };
    const sb = sandbox(`watch:\n  quietMs: 200\ntelegram:\n  apiRoot: ${fake().apiRoot}\n  registerCommands: false\nroutes:\n  - platform: telegram\n    chat: "${channel.id}"\n  - platform: telegram\n    chat: "${ok.id}"\n`);
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    await svc.ready();
    let from = await svc.settled();
    writeFileSync(path.join(sb.notes, 'one-en.md'), note('First', 'One.'));
    await svc.idle(from);
    from = svc.events.length;
    writeFileSync(path.join(sb.notes, 'two-en.md'), note('Second', 'Two.'));
    await svc.idle(from);
    expect(fake().sentTo(ok.id).map((m) => m.text.split('\n')[0])).toEqual(['First', 'Second']);
    // One refused attempt, then the chat is paused: the second note is not tried there.
    expect(fake().calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === channel.id)).toHaveLength(1);
    await svc.stop();
    expect(statusOf(sb.db).stdout).toMatch(/need administrator rights in the channel chat/);
  });
});

describe('languages and inline answers', () => {
  it('reads IETF language codes (zh-hans, zh-hant, pt-br) as the note languages they name; inline results are per user', async () => {
    const dm = fake().addChat(55, 'private');
    const sb = sandbox(`watch:\n  quietMs: 200\ntelegram:\n  apiRoot: ${fake().apiRoot}\n  registerCommands: false\n`);
    writeFileSync(path.join(sb.notes, '2025-01-01-tea-en.md'), note('Lemon tea recipe', 'Boil water and add lemon.', 'lang: en\n'));
    writeFileSync(path.join(sb.notes, '2025-01-01-tea-zh.md'), note('柠檬茶做法', '把水烧开，加入柠檬。', 'lang: zh\ntranslated: true\n'));
    writeFileSync(path.join(sb.notes, '2025-01-01-tea-hant.md'), note('檸檬茶做法', '把水燒開，加入檸檬。', 'lang: hant\ntranslated: true\n'));
    writeFileSync(path.join(sb.notes, '2025-01-01-tea-pt.md'), note('Receita de chá de limão', 'Ferva a água e junte limão.', 'lang: pt\ntranslated: true\n'));
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    await svc.ready();
    await svc.settled();
    const ask = async (code: string) => {
      const before = fake().sentTo(dm.id).length;
      fake().command(dm.id, 55, '/note lemon tea', { from: { id: 55, is_bot: false, first_name: 'A', language_code: code } });
      await fake().waitFor(() => fake().sentTo(dm.id).length === before + 1, 10_000, `reply for ${code}`);
      return fake().sentTo(dm.id)[before]!.text.split('\n')[0];
    };
    expect(await ask('zh-hans')).toBe('柠檬茶做法');
    expect(await ask('zh-hant')).toBe('檸檬茶做法');
    expect(await ask('pt-br')).toBe('Receita de chá de limão');
    expect(await ask('en-us')).toBe('Lemon tea recipe');

    fake().push({ inline_query: { id: 'iq-zh', from: { id: 55, is_bot: false, first_name: 'A', language_code: 'zh-hans' }, query: 'lemon', offset: '' } });
    await fake().waitFor(() => fake().inlineAnswers.length === 1, 10_000, 'inline answer');
    expect(fake().inlineAnswers[0]!.results[0]!.title).toBe('柠檬茶做法');
    expect(fake().inlineAnswers[0]!.is_personal).toBe(true);
    await svc.stop();
  });
});

describe('webhook settings, checked at config load', () => {
  // Through the CLI's program in this process: the refusal and its exit code are the config check's (exit 2 reaching the shell is config-and-args' process test).
  const start = (config: string, env: NodeJS.ProcessEnv) => {
    const sb = sandbox(config);
    return cliIn(['start', '--config', sb.config, '--notes', sb.notes, '--db', sb.db], { env: { TELEGRAM_BOT_TOKEN: TOKEN, ...env } });
  };

  it('refuses a plain-HTTP or wrong-port URL for Telegram’s own server, naming the key and the line', async () => {
    let r = await start('telegram:\n  mode: webhook\n  webhook:\n    url: http://notes.example.org/\n', { TELEGRAM_WEBHOOK_SECRET: 'good_secret-1' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/:4: telegram\.webhook\.url: must be an https:\/\/ URL/);
    r = await start('telegram:\n  mode: webhook\n  webhook:\n    url: https://notes.example.org:9000/\n', { TELEGRAM_WEBHOOK_SECRET: 'good_secret-1' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/telegram\.webhook\.url: must use port 443, 80, 88 or 8443/);
  });

  it('refuses a secret Telegram would refuse, without showing it, and webhook mode without a secret', async () => {
    let r = await start('telegram:\n  mode: webhook\n  webhook:\n    url: https://notes.example.org/\n', { TELEGRAM_WEBHOOK_SECRET: 'has spaces and $ign' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/TELEGRAM_WEBHOOK_SECRET must be 1–256 characters of A-Z, a-z, 0-9, _ and -/);
    expect(r.stderr).not.toContain('$ign');
    r = await start('telegram:\n  mode: webhook\n  webhook:\n    url: https://notes.example.org/\n', {});
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/TELEGRAM_WEBHOOK_SECRET: webhook mode needs a secret/);
  });
});

describe('one busy group', () => {
  it('does not hold up other chats; its own backlog is bounded; SIGTERM does not wait for it', async () => {
    const members = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [100 + i, 'member' as const]));
    const group = fake().addChat(-100900, 'supergroup', members);
    const dm = fake().addChat(99, 'private');
    const sb = sandbox(`telegram:\n  apiRoot: ${fake().apiRoot}\n  registerCommands: false\n`);
    // A process: what is tested is that SIGTERM stops it without waiting for the queued replies.
    const svc = Service.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN });
    await svc.ready();
    await fake().waitFor(() => fake().calls.some((c) => c.method === 'getUpdates'), 10_000, 'polling');
    // 25 members each send /help once: each is inside the per-user limit.
    for (let i = 0; i < 25; i++) fake().command(group.id, 100 + i, '/help');
    await fake().waitFor(() => fake().sentTo(group.id).length >= 1, 10_000, 'the first group reply');
    const asked = Date.now();
    fake().command(dm.id, 99, '/help');
    await fake().waitFor(() => fake().sentTo(dm.id).length === 1, 10_000, 'the private reply');
    expect(Date.now() - asked).toBeLessThan(3000); // not behind the group's 20-a-minute replies
    expect(fake().sentTo(group.id).length).toBeLessThan(6); // the group's replies are still going out, paced

    const stopping = Date.now();
    expect(await svc.stop()).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(5000); // queued replies are dropped, not waited for
    // The group never got more replies than its bound allows (6 waiting at most), and no 429.
    expect(fake().sentTo(group.id).length).toBeLessThanOrEqual(6);
    expect(fake().tooManyRequests).toBe(0);
  });
});

describe('deleting old posts (publish.onDelete: delete)', () => {
  it('a post older than 48 hours cannot be deleted: that delete fails, the chat keeps getting posts', async () => {
    const group = fake().addChat(-100950, 'supergroup');
    // Removals wait for the burst window (publish.digest.windowMs, 3 s by default): here the shortest, three quiet periods.
    const sb = sandbox(`watch:\n  quietMs: 200\npublish:\n  onDelete: delete\n  digest: { windowMs: 600 }\ntelegram:\n  apiRoot: ${fake().apiRoot}\n  registerCommands: false\nroutes:\n  - platform: telegram\n    chat: "${group.id}"\n`);
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    await svc.ready();
    let from = await svc.settled();
    writeFileSync(path.join(sb.notes, 'old-en.md'), note('Old', 'Posted long ago.'));
    writeFileSync(path.join(sb.notes, 'recent-en.md'), note('Recent', 'Posted just now.'));
    await svc.idle(from);
    expect(fake().sentTo(group.id)).toHaveLength(2);
    const old = fake().sentTo(group.id).find((m) => m.text.startsWith('Old'))!;
    old.date -= 49 * 3600; // sent two days ago

    from = svc.events.length;
    unlinkSync(path.join(sb.notes, 'old-en.md'));
    unlinkSync(path.join(sb.notes, 'recent-en.md'));
    await svc.idle(from);
    expect(fake().sentTo(group.id).map((m) => m.text.split('\n')[0])).toEqual(['Old']); // the recent one went
    const refused = fake().calls.filter((c) => c.method === 'deleteMessage' && c.status === 400);
    expect(refused).toHaveLength(1);

    from = svc.events.length;
    writeFileSync(path.join(sb.notes, 'later-en.md'), note('Later', 'Still posted here.'));
    await svc.idle(from);
    expect(fake().sentTo(group.id).map((m) => m.text.split('\n')[0])).toEqual(['Old', 'Later']);
    expect(await svc.stop()).toBe(0);
    const status = JSON.parse(statusOf(sb.db, { json: true }).stdout) as { paused: unknown[] };
    expect(status.paused).toEqual([]);
    expect(statusOf(sb.db).stdout).toMatch(/message can't be deleted/);
  });

  it('follows the Bot API’s rules by chat: 48 hours in every chat, and a channel post needs can_post_messages', async () => {
    const a = adapter();
    const target = (chat: number) => ({ platform: 'telegram' as const, chat: String(chat), thread: '' });
    const postAndAge = async (chat: number, hours: number) => {
      const { messageId } = await a.post(target(chat), summary, ctx);
      fake().messages.find((m) => m.chatId === chat && m.messageId === Number(messageId))!.date -= hours * 3600;
      return messageId;
    };
    const refusal = async (chat: number, messageId: string) => {
      try {
        await a.delete(target(chat), messageId, ctx);
        return 'deleted';
      } catch (e) {
        return `${a.classify(e, 'delete').kind}: ${(e as Error).message.replace(/^.*Bad Request: /, '').replace(/\)$/, '')}`;
      }
    };
    // One message a chat: the fake holds the bot to Telegram's one a second per chat, and this adapter does not pace.
    const supergroup = fake().addChat(-100961, 'supergroup').id;
    const supergroup2 = fake().addChat(-100965, 'supergroup').id;
    const group = fake().addChat(-962, 'group').id;
    const dm = fake().addChat(963, 'private').id;
    const channel = fake().addChat(-100964, 'channel');
    expect(await refusal(supergroup, await postAndAge(supergroup, 47))).toBe('deleted');
    expect(await refusal(supergroup2, await postAndAge(supergroup2, 49))).toBe("rejected: message can't be deleted");
    expect(await refusal(group, await postAndAge(group, 49))).toBe("rejected: message can't be deleted for everyone");
    expect(await refusal(dm, await postAndAge(dm, 49))).toBe("rejected: message can't be deleted for everyone");
    const post = await postAndAge(channel.id, 1);
    channel.botRights = { canPostMessages: false };
    expect(await refusal(channel.id, post)).toBe("rejected: message can't be deleted");
  });
});

describe('the fake’s HTML parse mode is tdlib’s, through the real grammY client', () => {
  let nextChat = 970;
  // Each text to a chat of its own: the fake holds the bot to one message a second per chat.
  const send = async (text: string) => {
    const chat = fake().addChat(nextChat++, 'private');
    try {
      await adapter().bot.api.sendMessage(chat.id, text, { parse_mode: 'HTML' });
      return fake().sentTo(chat.id).at(-1)!.text;
    } catch (e) {
      return `refused: ${(e as Error).message.replace(/^.*Bad Request: /, '').replace(/\)$/, '')}`;
    }
  };

  it('accepts what tdlib accepts', async () => {
    expect(await send('Tom & Jerry &nbsp; &copy x > y')).toBe('Tom & Jerry &nbsp; &copy x > y'); // bare & and unknown entities are text
    expect(await send('&lt&gt &#65;&#x42; &quot;q&quot;')).toBe('<> AB "q"'); // the ; is optional
    expect(await send('<a>https://example.org</a> and <a>no link</a>')).toBe('https://example.org and no link');
    expect(await send("<a href='https://example.org'>single</a> <code class=language-js>x</code>")).toBe('single x');
    expect(await send('<B>bold</B> <i>open <b>nested</b></>')).toBe('bold open nested');
  });

  it('refuses what tdlib refuses, with its words', async () => {
    expect(await send('<p>para</p>')).toBe(`refused: can't parse entities: Unsupported start tag "p" at byte offset 0`);
    expect(await send('ü <b>x</i>')).toBe(`refused: can't parse entities: Unmatched end tag at byte offset 7, expected "</b>", found "</i>"`);
    expect(await send('<b>open')).toBe(`refused: can't parse entities: Can't find end tag corresponding to start tag "b"`);
    expect(await send('<span>x</span>')).toBe(`refused: can't parse entities: Tag "span" must have class "tg-spoiler" at byte offset 0`);
  });

  it('counts the 4096 limit in code points, as tdlib does', async () => {
    expect(await send('😀'.repeat(4096))).toHaveLength(8192); // 8192 UTF-16 units, 4096 characters: accepted
    expect(await send('😀'.repeat(4097))).toBe('refused: message is too long');
  });
});
