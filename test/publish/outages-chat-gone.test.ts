/**
 * Issue 25 (a reviewer's read of tester 29-1 F3's fix): chats answering "chat not found" (the adapter's check agreeing:
 * Telegram getChat, Discord Get Channel) while the platform answers. Two chats deleted with no other traffic kept each
 * other "gone at once": each cycle parked both as the platform's outage (`unreachable`, every other chat's delivery held
 * until a probe answered), and neither was ever forgotten. A "gone" answer is the platform answering: never an outage.
 * README (Routes, subscriptions): a chat is forgotten once it has answered that it is gone GONE_ANSWERS times, each after
 * its own backoff, so chats a Bot API server lost for a while (tdlib/telegram-bot-api#219) and that come back within that
 * are kept, and chats really deleted are forgotten within it; the platform's other chats are never held meanwhile.
 * The real store, deliverer, connections and forgetGoneChat; a scripted platform.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { forgetGoneChat } from '../../src/publish/chat-gone.js';
import { PlatformConnections } from '../../src/publish/connections.js';
import { PlatformOutages } from '../../src/publish/outages.js';
import { chatsSaidGone, goneAnswersIn } from '../../src/publish/gone-answers.js';
import { Deliverer, type DeliveryEvent } from '../../src/publish/deliverer.js';
import type { ChatAdapter } from '../../src/publish/port.js';
import { Store } from '../../src/store/store.js';
import { targetKey, type OutboxRow, type Target } from '../../src/store/types.js';
import type { Summary } from '../../src/summary/build.js';
import { statusOf } from '../helpers/cli.js';
import { until } from '../helpers/until.js';
import { tempFolder } from '../helpers/temp-folder.js';

/** README's bound: a chat is forgotten at its 13th "gone" answer (the first send's and 12 checks after it), never sooner. */
const GONE_ANSWERS = 13;

const summary = (title: string): Summary => ({ title, keyPoints: [[{ text: `About ${title}.` }]], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 });
const chat = (id: string): Target => ({ platform: 'telegram', chat: id, thread: '' });

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** What a chat answers: from its `from`-th send on, `for` sends in a row say it is gone (Infinity: deleted), and the check agrees meanwhile. */
interface ChatScript {
  from: number;
  for: number;
}

/**
 * A platform whose probe always answers, and whose chats answer as scripted: a send into a chat it does not know fails
 * with Telegram's 400 "Bad Request: chat not found" (TelegramBotAPI/errors bad-request-chat-not-found.json), and getChat
 * (confirmGone) says the same while the chat's "gone" stretch lasts.
 */
function scripted(scripts: Map<string, ChatScript>) {
  const sends = new Map<string, number>(); // chat → sends so far
  const goneAnswers = new Map<string, number>(); // chat → sends answered "chat not found"
  const goneNow = new Set<string>();
  const sent: string[] = [];
  const s = { probes: 0, sent, goneAnswers };
  const adapter: ChatAdapter = {
    platform: 'telegram',
    post: async (target, message) => {
      const n = sends.get(target.chat) ?? 0;
      sends.set(target.chat, n + 1);
      const script = scripts.get(target.chat);
      if (script && n >= script.from && n < script.from + script.for) {
        goneNow.add(target.chat);
        goneAnswers.set(target.chat, (goneAnswers.get(target.chat) ?? 0) + 1);
        throw new Error('400: Bad Request: chat not found');
      }
      goneNow.delete(target.chat);
      sent.push(`${target.chat}: ${message.type === 'summary' ? message.summary.title : 'digest'}`);
      return { messageId: String(sent.length) };
    },
    edit: async () => undefined,
    delete: async () => undefined,
    classify: (e) => (String(e).includes('chat not found') ? { kind: 'permanent', reason: String(e), chatGone: true } : { kind: 'transient', reason: String(e) }),
    confirmGone: async (target) => goneNow.has(target.chat),
    start: async () => undefined,
    probe: async () => void s.probes++,
  };
  return { s, adapter };
}

/** A store with `chats` subscribed, removed after the test. */
function storeWith(chats: readonly string[], file = path.join(tempFolder('notecast-chat-gone-'), 'state.db')): Store {
  const dir = path.dirname(file);
  const store = new Store(file);
  for (const c of chats) store.subscribe(chat(c), {});
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => store.close());
  return store;
}

/** The deliverer and connections on `store`, wired as app.ts wires them, with what they said and forgot. */
function serviceOn(store: Store, adapter: ChatAdapter) {
  const log = silentLogger();
  const states: string[] = [];
  const events: DeliveryEvent[] = [];
  const forgotten: string[] = [];
  // The deliverer tells the connections of an outage; they wake its rows once a probe answers.
  const connections: PlatformConnections = new PlatformConnections([adapter], {
    log, baseDelayMs: 5, maxDelayMs: 20, onState: (_p, st) => states.push(st.state),
    onUp: (p) => (store.wakePlatform(p, Date.now()), deliverer.wake()),
  });
  const deliverer: Deliverer = new Deliverer(store, new Map([['telegram', adapter]]), {
    maxAttempts: 3, baseDelayMs: 2, maxDelayMs: 10, concurrency: 4, callTimeoutMs: 2000,
    isUp: (p) => connections.isUp(p),
    outage: { watches: (p) => connections.watches(p), lost: (p, why) => connections.lost(p, why), answered: (p) => connections.answered(p) },
    chatGone: (row, why) => {
      forgotten.push(row.target.chat);
      forgetGoneChat({ store, routes: [], log }, row.target, why);
    },
  }, log, (e) => events.push(e));
  cleanups.push(() => deliverer.stop(), () => connections.stop());
  const start = async () => {
    await connections.start(1000);
    deliverer.start();
  };
  const stop = async () => {
    await deliverer.stop();
    await connections.stop();
  };
  return { deliverer, states, events, forgotten, start, stop };
}

const post = (store: Store, target: Target, title: string) => store.enqueue({ noteId: title, revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary(title) } });

/**
 * Runs `notes` notes to every chat (all queued at once), the chats answering as `scripts` says, until every deleted chat
 * is forgotten and every other chat has every note (or the platform is shown unreachable, or a chat that is not deleted
 * is forgotten: the run can only fail from there); then checks the invariants.
 */
async function runChats(names: readonly string[], scripts: Map<string, ChatScript>, notes: number): Promise<void> {
  const { s, adapter } = scripted(scripts);
  const store = storeWith(names);
  const { deliverer, states, events, forgotten, start } = serviceOn(store, adapter);
  await start();
  for (let n = 1; n <= notes; n++) for (const c of names) post(store, chat(c), `Note ${n}`);
  const deleted = names.filter((c) => scripts.get(c)?.for === Infinity);
  const kept = names.filter((c) => !deleted.includes(c));
  const allThere = (c: string) => s.sent.filter((l) => l.startsWith(`${c}: `)).length === notes;
  const wrong = () => states.includes('unreachable') || forgotten.some((c) => kept.includes(c));
  await until(() => wrong() || (deleted.every((c) => forgotten.includes(c)) && kept.every(allThere) && deliverer.idle), 10_000, 'every deleted chat forgotten and every other chat given every note', () => `forgotten ${forgotten.join(',')}; sent ${s.sent.join(' | ')}; states ${states.join(',')}`);

  expect(states).not.toContain('unreachable'); // the probe answers all along: never shown unreachable
  expect(s.probes).toBe(0);
  expect(forgotten.filter((c) => kept.includes(c))).toEqual([]); // a chat that came back is never forgotten
  for (const c of deleted) {
    expect(forgotten.filter((f) => f === c)).toHaveLength(1);
    expect(s.goneAnswers.get(c)).toBeLessThanOrEqual(GONE_ANSWERS); // forgotten within the bound
  }
  for (const c of kept) expect(s.sent.filter((l) => l.startsWith(`${c}: `))).toEqual(Array.from({ length: notes }, (_, i) => `${c}: Note ${i + 1}`)); // each once, in order
  // Chats never found gone are never held: each of their posts went at its first try, none waited.
  const untouched = names.filter((c) => !scripts.has(c));
  expect(events.filter((e) => untouched.includes(e.row.target.chat) && e.outcome !== 'done').map((e) => `${targetKey(e.row.target)} ${e.outcome}`)).toEqual([]);
}

describe('chats answering that they are gone while the platform answers', () => {
  it('two chats deleted with no other traffic: both forgotten within the bound, no outage shown', { timeout: 30_000 }, async () => {
    await runChats(['a', 'b'], new Map([['a', { from: 0, for: Infinity }], ['b', { from: 0, for: Infinity }]]), 2);
  });

  it('two chats deleted while a third takes its posts: both forgotten, the third never held', { timeout: 30_000 }, async () => {
    await runChats(['a', 'b', 'fine'], new Map([['a', { from: 1, for: Infinity }], ['b', { from: 1, for: Infinity }]]), 3);
  });

  it('three chats a server lost for a while (fewer than the bound\'s answers) are kept, and get every post once', { timeout: 30_000 }, async () => {
    await runChats(['a', 'b', 'c'], new Map(['a', 'b', 'c'].map((c) => [c, { from: 1, for: GONE_ANSWERS - 1 }])), 3);
  });

  it('a chat\'s answers are counted across a restart (or the next sync --once): forgotten at the bound in all', { timeout: 30_000 }, async () => {
    const { s, adapter } = scripted(new Map([['a', { from: 0, for: Infinity }]]));
    const db = path.join(tempFolder('notecast-chat-gone-'), 'state.db');
    const store = storeWith(['a'], db);
    const first = serviceOn(store, adapter);
    await first.start();
    post(store, chat('a'), 'Note 1');
    await until(() => (s.goneAnswers.get('a') ?? 0) >= 6, 10_000, 'six "gone" answers');
    await first.stop(); // the send in flight finishes first
    expect(first.forgotten).toEqual([]);
    expect(s.goneAnswers.get('a')).toBeLessThan(GONE_ANSWERS);
    // `status` says why the chat's post waits, and how far the count is.
    const said = (JSON.parse(statusOf(db, { json: true }).stdout) as { chatsSaidGone: { chat: string; answers: number }[] }).chatsSaidGone;
    expect(said).toEqual([expect.objectContaining({ chat: 'telegram:a', answers: s.goneAnswers.get('a') })]);
    expect(statusOf(db).stdout).toMatch(new RegExp(`chats said to be gone .*\\n {2}telegram:a: ${s.goneAnswers.get('a')} of ${GONE_ANSWERS} answers since `));

    const second = serviceOn(store, adapter);
    await second.start();
    await until(() => second.forgotten.length > 0, 10_000, 'the chat forgotten after the restart');
    expect(second.forgotten).toEqual(['a']);
    expect(s.goneAnswers.get('a')).toBe(GONE_ANSWERS); // counted on from the first run's answers, not from none
    expect(store.outboxRow(1)?.status).not.toBe('pending'); // its post called off
    expect((JSON.parse(statusOf(db, { json: true }).stdout) as { chatsSaidGone: unknown[] }).chatsSaidGone).toEqual([]);
  });

  it('sync --once runs a week apart (a weekly cron), the chat\'s post waiting all along: counted on, forgotten at the bound', () => {
    const store = storeWith(['a']);
    const row = store.outboxRow(post(store, chat('a'), 'Note 1'))!;
    const week = 7 * 24 * 60 * 60_000;
    const run = () => new PlatformOutages(undefined, goneAnswersIn(store)); // each run counts on from the store
    // Before: every answer a day after the last started over, so the chat was never forgotten and every run exited 1.
    for (let n = 1; n < GONE_ANSWERS; n++) expect(run().chatGone(row, n * week)).toMatchObject({ by: 'asked-again', answers: n });
    expect(run().chatGone(row, GONE_ANSWERS * week)).toEqual({ by: 'gone', answers: GONE_ANSWERS });
  });

  it('a count whose chat nothing waits for any more (its post called off) starts over at the chat\'s next post', () => {
    const store = storeWith(['a']);
    const first = store.outboxRow(post(store, chat('a'), 'Note 1'))!;
    const outages = new PlatformOutages(undefined, goneAnswersIn(store));
    for (let n = 1; n <= 5; n++) outages.chatGone(first, n * 1000);
    expect(chatsSaidGone(store)).toEqual([expect.objectContaining({ chat: 'telegram:a', answers: 5 })]);
    store.markDone(first.id, null, 'skipped', 'called off'); // unsubscribed meanwhile: nothing waits there
    expect(chatsSaidGone(store)).toEqual([]);
    const second = store.outboxRow(post(store, chat('a'), 'Note 2'))!;
    // Minutes later, not a day: before, the count went on at 6.
    expect(new PlatformOutages(undefined, goneAnswersIn(store)).chatGone(second, 60_000)).toMatchObject({ by: 'asked-again', answers: 1 });
  });

  it('a deleted forum chat with two topic routes is one chat gone: counted once, never "several chats"', () => {
    const outages = new PlatformOutages(undefined);
    const topic = (thread: string, id: number) => ({ id, target: { ...chat('forum'), thread } }) as OutboxRow; // chatGone reads the row's target alone
    const [one, two] = [topic('7', 1), topic('9', 2)];
    let severalSaid = false;
    for (let n = 1; n < GONE_ANSWERS; n++) {
      const verdict = outages.chatGone(n % 2 ? one : two, n * 1000);
      expect(verdict).toMatchObject({ by: 'asked-again', answers: n }); // before: each topic counted on its own
      if (verdict.by === 'asked-again') severalSaid ||= verdict.severalSaid; // before: the second topic said "several chats gone at once"
    }
    expect(severalSaid).toBe(false);
    expect(outages.chatGone(one, GONE_ANSWERS * 1000)).toEqual({ by: 'gone', answers: GONE_ANSWERS });
    expect(outages.chatGone(two, GONE_ANSWERS * 1000 + 1)).toMatchObject({ by: 'gone' }); // the other topic answered so too: it goes at its next answer
  });

  it('a topic deleted alone while the chat\'s other topic takes posts: still forgotten at the bound', () => {
    const outages = new PlatformOutages(undefined);
    const topic = (thread: string, id: number) => ({ id, target: { ...chat('forum'), thread } }) as OutboxRow;
    const [deleted, live] = [topic('7', 1), topic('9', 2)];
    for (let n = 1; n < GONE_ANSWERS; n++) {
      expect(outages.chatGone(deleted, n * 1000)).toMatchObject({ by: 'asked-again', answers: n });
      outages.delivered(live, n * 1000 + 500); // says the chat is there, nothing of the deleted topic
    }
    expect(outages.chatGone(deleted, GONE_ANSWERS * 1000)).toEqual({ by: 'gone', answers: GONE_ANSWERS });
    outages.delivered(deleted, GONE_ANSWERS * 1000 + 1); // (a send there going through starts a chat's count over)
    expect(outages.chatGone(live, GONE_ANSWERS * 1000 + 2)).toMatchObject({ by: 'asked-again', answers: 1 });
  });

  it('property: phases of "gone" answers across 2-4 chats, some deleted, some back within the bound', { timeout: 240_000 }, async () => {
    const scriptArb: fc.Arbitrary<ChatScript | null> = fc.oneof(
      fc.constant(null), // never gone
      fc.record({ from: fc.nat(3), for: fc.constant(Infinity) }), // deleted
      fc.record({ from: fc.nat(3), for: fc.integer({ min: 1, max: GONE_ANSWERS - 1 }) }), // lost, then back
    );
    await fc.assert(
      fc.asyncProperty(fc.array(scriptArb, { minLength: 2, maxLength: 4 }), fc.integer({ min: 1, max: 4 }), async (perChat, notes) => {
        const names = perChat.map((_, i) => `c${i}`);
        const scripts = new Map(perChat.flatMap((sc, i) => (sc ? [[`c${i}`, { ...sc, from: Math.min(sc.from, notes - 1) }] as const] : []))); // each chat's stretch begins at one of its sends
        try {
          await runChats(names, scripts, notes);
        } finally {
          for (const c of cleanups.splice(0).reverse()) await c();
        }
      }),
      { numRuns: 40 },
    );
  });
});
