/**
 * store/chat-names.ts renameDiscordThreads (issue 25, review finding: the Discord thread-route move lacked the
 * reconciliation the Telegram `@username` move has). A database from before one name per chat kept a thread route's
 * records under `<parent>/<thread>`, while a /subscribe made inside the thread kept its own under the thread's id; the
 * rows are written here as that code wrote them (posts and outbox rows with `chat: parent, thread: thread`; the meta key
 * of the move absent). Moved to the thread's id, both names are reconciled as store/chat-move.ts callOffShownThere does.
 */
import { describe, expect, it } from 'vitest';
import { renameDiscordThreads } from '../../src/store/chat-names.js';
import type { Store } from '../../src/store/store.js';
import type { DigestItem, Target } from '../../src/store/types.js';
import { readLeftInChats } from '../../src/store/left-in-chats.js';
import { tempStores } from '../helpers/temp-store.js';

const store = tempStores('chat-names-discord');
const byRoute: Target = { platform: 'discord', chat: '500', thread: '900' }; // the route `chat: 500, thread: 900`, as written before
const byThread: Target = { platform: 'discord', chat: '900', thread: '' }; // a /subscribe inside thread 900
const summary = (n: string) => ({ title: `Note ${n}`, url: `https://ex.org/${n}`, keyPoints: [], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1, categories: [] });
const post = (s: Store, target: Target, n: string) => s.enqueue({ noteId: n, revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary(n) } });
const item = (n: string): DigestItem => ({ noteId: n, title: `Note ${n}`, url: `https://ex.org/${n}` });
const openPosts = (s: Store, t: Target, note: string) =>
  (s.sql("SELECT count(*) AS n FROM outbox WHERE platform = ? AND chat = ? AND thread = ? AND note_id = ? AND kind = 'post' AND status IN ('pending', 'sending')").get(t.platform, t.chat, t.thread, note) as { n: number }).n;
const move = (s: Store) => s.transaction(() => renameDiscordThreads(s.sql));

describe('records of a Discord thread route under <parent>/<thread> moved onto the thread\'s id that holds records of the same note', () => {
  it('a post queued under the thread\'s id for a note already posted under <parent>/<thread> is called off (not sent a second time)', () => {
    const s = store();
    s.putPost('a', byRoute, '41', 1); // posted by the route (database from before the change)
    post(s, byThread, 'a'); // queued for the /subscribe made in the thread, not sent yet (a stop, an outage)
    move(s);
    expect(s.postOf('a', byThread)?.messageId).toBe('41'); // the message the thread shows is now the id's
    expect(openPosts(s, byThread, 'a')).toBe(0); // nothing left to post it again
  });

  it('a post queued under <parent>/<thread> for a note the thread\'s id shows already is called off', () => {
    const s = store();
    s.putPost('b', byThread, '42', 1); // the /subscribe's message
    post(s, byRoute, 'b'); // the route's post, queued
    move(s);
    expect(s.postOf('b', byThread)?.messageId).toBe('42');
    expect(openPosts(s, byThread, 'b')).toBe(0);
  });

  it('posts of one note queued under both names become one post, not two', () => {
    const s = store();
    post(s, byRoute, 'c');
    post(s, byThread, 'c');
    move(s);
    expect(openPosts(s, byThread, 'c')).toBe(1);
  });

  it('a digest queued under <parent>/<thread> drops the lines the thread\'s id shows already', () => {
    const s = store();
    s.putPost('d', byThread, '77', 1);
    const d = s.enqueue({ noteId: null, revision: 0, target: byRoute, kind: 'digest', payload: { type: 'digest', items: [item('d'), item('e')] } });
    move(s);
    const row = s.outboxRow(d);
    expect(row?.target).toEqual(byThread);
    expect(row?.payload.type === 'digest' ? row.payload.items.map((i) => i.noteId) : []).toEqual(['e']);
  });

  it('a note shown under both names is followed once after the move; the other message is listed for status (deliveries.leftInChats)', () => {
    const s = store();
    s.putPost('f', byRoute, '41', 1);
    s.putPost('f', byThread, '42', 1);
    const moved = move(s);
    expect(moved?.dropped).toBe(1);
    expect(s.postOf('f', byThread)?.messageId).toBe('42');
    expect(readLeftInChats(s).recent.map((l) => [l.note, l.target])).toEqual([['f', 'discord:500/900']]);
  });

  it('a thread route whose records the thread\'s id does not hold moves as it is, nothing called off', () => {
    const s = store();
    s.putPost('g', byRoute, '43', 1);
    const queued = post(s, byRoute, 'h');
    const moved = move(s);
    expect(moved?.dropped).toBe(0);
    expect(s.postOf('g', byThread)?.messageId).toBe('43');
    expect(s.outboxRow(queued)).toMatchObject({ status: 'pending', target: byThread });
    expect(readLeftInChats(s).total).toBe(0);
  });
});
