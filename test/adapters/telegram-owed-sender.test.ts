/**
 * Issue 25, a reviewer's findings on owed Telegram command replies (adapters/telegram/owed-sender.ts, owed-replies.ts):
 * - two replays overlapping (polling's start and a reachability callback, or two recoveries) sent one owed reply twice;
 *   one replay now runs at a time, and each kept entry is re-read before its reply is sent;
 * - a reply Telegram answered 5xx or 429 (after grammY's retry) was never sent, yet was dropped as "refused": it stays
 *   owed; only an error answer that will not change (400, 403) drops it, said in the log;
 * - in polling mode, updates a webhook-mode run kept without a reply (not carried out) sat in the store for ever: they
 *   are handled once polling runs, and dropped first (handled at most once).
 */
import type { Update } from '@grammyjs/types';
import { type Api, GrammyError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { KeptUpdates } from '../../src/adapters/telegram/kept-updates.js';
import { sendReply, type OwedReply } from '../../src/adapters/telegram/owed-replies.js';
import { owedSender } from '../../src/adapters/telegram/owed-sender.js';
import { warnLines } from '../helpers/warn-lines.js';

/** The store's meta table, in memory (the part KeptUpdates uses). */
function memoryState() {
  const meta = new Map<string, string>();
  return { getMeta: (k: string) => meta.get(k), setMeta: (k: string, v: string) => void meta.set(k, v) };
}

const reply = (chat: number, text: string, repeatable = true): OwedReply => ({ chat, text, mayShowTwice: false, repeatable });
const update = (update_id: number): Update => ({ update_id });

/** Telegram's error answer as grammY throws it (core.telegram.org/bots/api#making-requests: `ok: false`, `error_code`). */
const answered = (error_code: number, description: string) => new GrammyError("Call to 'sendMessage' failed!", { ok: false, error_code, description }, 'sendMessage', {});

/** An Api whose sendMessage is `send`; only sendMessage is called by an owed reply. */
function apiSending(send: (chat: number, text: string) => Promise<void>): Api {
  const api: Pick<Api, 'sendMessage'> = {
    sendMessage: async (chat, text) => {
      await send(Number(chat), text);
      return { message_id: 1, date: 0, chat: { id: Number(chat), type: 'private', first_name: 'A' }, text };
    },
  };
  return api as Api;
}

const direct = <T>(call: () => Promise<T>) => call();

describe('owed replies replayed', () => {
  it('sends each once when two replays overlap, a /note reply (not repeatable) included', async () => {
    const { log } = warnLines();
    const kept = new KeptUpdates(memoryState(), log);
    kept.keep(update(1), reply(10, 'A'));
    kept.keep(update(2), reply(20, 'B', false));
    const sent: string[] = [];
    let releaseA: () => void = () => undefined;
    const aHeld = new Promise<void>((r) => (releaseA = r));
    const api = apiSending(async (_chat, text) => {
      if (text === 'A') await aHeld;
      sent.push(text);
    });
    const owed = owedSender(api, kept, log, direct);
    const first = owed.replay(); // polling.start().then(replay)
    const second = owed.replay(); // Telegram reachable again meanwhile
    const third = owed.replay(); // and again: one more run after the first, not two
    releaseA();
    await Promise.all([first, second, third]);
    expect(sent).toEqual(['A', 'B']);
    expect(kept.list()).toEqual([]);
  });

  it('runs once more after a replay for a reply owed while it ran', async () => {
    const { log } = warnLines();
    const kept = new KeptUpdates(memoryState(), log);
    kept.keep(update(1), reply(10, 'A'));
    const sent: string[] = [];
    let releaseA: () => void = () => undefined;
    const aHeld = new Promise<void>((r) => (releaseA = r));
    const owed = owedSender(apiSending(async (_c, text) => (text === 'A' ? aHeld.then(() => void sent.push(text)) : void sent.push(text))), kept, log, direct);
    const first = owed.replay();
    kept.keep(update(2), reply(20, 'B')); // owed while the first replay waits on A
    const second = owed.replay();
    releaseA();
    await Promise.all([first, second]);
    expect(sent.sort()).toEqual(['A', 'B']);
    expect(kept.list()).toEqual([]);
  });

  it.each([502, 500, 429, 401])('keeps a reply Telegram answered %i owed (it was not sent) and sends it on the next replay', async (code) => {
    const { log } = warnLines();
    const kept = new KeptUpdates(memoryState(), log);
    kept.keep(update(1), reply(10, 'Subscribed.', false));
    let calls = 0;
    const owed = owedSender(apiSending(async () => {
      calls++;
      if (calls === 1) throw answered(code, 'Bad Gateway');
    }), kept, log, direct);
    await owed.replay();
    expect(kept.list()).toEqual([{ update: update(1), owed: reply(10, 'Subscribed.', false) }]); // as it was: never sent, so it cannot show twice
    await owed.replay();
    expect(calls).toBe(2);
    expect(kept.list()).toEqual([]);
  });

  it.each([400, 403])('drops a reply Telegram refused %i, with a log line', async (code) => {
    const { log, warns } = warnLines();
    const kept = new KeptUpdates(memoryState(), log);
    kept.keep(update(1), reply(10, 'Subscribed.'));
    let calls = 0;
    const owed = owedSender(apiSending(async () => {
      calls++;
      throw answered(code, 'Forbidden: bot was kicked from the group chat');
    }), kept, log, direct);
    await owed.replay();
    await owed.replay();
    expect(calls).toBe(1);
    expect(kept.list()).toEqual([]);
    expect(warns.filter((w) => /owed reply was refused by Telegram/.test(w))).toHaveLength(1);
  });

  it('handles a kept update without a reply (a webhook-mode run) once polling runs, once', async () => {
    const { log } = warnLines();
    const kept = new KeptUpdates(memoryState(), log);
    kept.keep(update(7)); // not carried out in webhook mode
    const handled: number[] = [];
    let running = false;
    const owed = owedSender(apiSending(async () => undefined), kept, log, direct, { ready: () => running, handle: async (u) => void handled.push(u.update_id) });
    await owed.replay(); // Telegram reachable again before polling started: not yet
    expect(handled).toEqual([]);
    expect(kept.has(7)).toBe(true);
    running = true;
    await owed.replay();
    await owed.replay();
    expect(handled).toEqual([7]);
    expect(kept.list()).toEqual([]);
  });
});

describe('a kept update (tester F3)', () => {
  it('records the mode it was kept in, across a restart; an entry written before that has none', () => {
    const { log } = warnLines();
    const state = memoryState();
    new KeptUpdates(state, log, undefined, 'polling').keep(update(1));
    new KeptUpdates(state, log, undefined, 'webhook').keep(update(2), reply(20, 'B'));
    expect(new KeptUpdates(state, log).list().map((k) => [k.update.update_id, k.mode])).toEqual([[1, 'polling'], [2, 'webhook']]);
    state.setMeta('telegram.webhook.kept', JSON.stringify([{ update_id: 3 }, { update: { update_id: 4 } }])); // as older runs wrote them
    expect(new KeptUpdates(state, log).list().map((k) => k.mode)).toEqual([undefined, undefined]);
  });
});

describe('a reply sent as a command is answered', () => {
  it.each([502, 429])('is owed when Telegram answers %i (not sent), even one not repeatable', async (code) => {
    const api = apiSending(async () => {
      throw answered(code, 'Too Many Requests');
    });
    await expect(sendReply(api, reply(10, 'a note', false))).resolves.toEqual({ owed: reply(10, 'a note', false) });
  });

  it('throws an error answer that will not change (403)', async () => {
    const api = apiSending(async () => {
      throw answered(403, 'Forbidden: bot was blocked by the user');
    });
    await expect(sendReply(api, reply(10, 'Subscribed.'))).rejects.toBeInstanceOf(GrammyError);
  });
});
