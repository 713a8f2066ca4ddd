/**
 * store/chat-names.ts renameTelegramChat (review rv-3 of s30-id): records under a route's `@username` moved onto the
 * chat's id when the id already holds records of the same notes are reconciled as store/chat-move.ts (group ->
 * supergroup) does: nothing is posted twice, a digest drops lines the id shows, a message left untracked is listed for
 * `status`, and another username's pinned key stays.
 */
import { describe, expect, it } from 'vitest';
import { renameTelegramChat } from '../../src/store/chat-names.js';
import type { Store } from '../../src/store/store.js';
import type { DigestItem, Target } from '../../src/store/types.js';
import { readLeftInChats } from '../../src/store/left-in-chats.js';
import { tempStores } from '../helpers/temp-store.js';

const store = tempStores('chat-names');
const byName: Target = { platform: 'telegram', chat: '@my_channel', thread: '' };
const byId: Target = { platform: 'telegram', chat: '-1001777', thread: '' };
const summary = (n: string) => ({ title: `Note ${n}`, url: `https://ex.org/${n}`, keyPoints: [], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1, categories: [] });
const post = (s: Store, target: Target, n: string) => s.enqueue({ noteId: n, revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary(n) } });
const item = (n: string): DigestItem => ({ noteId: n, title: `Note ${n}`, url: `https://ex.org/${n}` });
const openPosts = (s: Store, t: Target, note: string) =>
  (s.sql("SELECT count(*) AS n FROM outbox WHERE platform = ? AND chat = ? AND thread = ? AND note_id = ? AND kind = 'post' AND status IN ('pending', 'sending')").get(t.platform, t.chat, t.thread, note) as { n: number }).n;
const rename = (s: Store) => s.transaction(() => renameTelegramChat(s.sql, '@my_channel', '-1001777'));

describe('records under a @username moved onto an id that already holds records of the same note (review rv-3)', () => {
  it('a post queued under the id for a note already posted under @name is called off (not sent a second time)', () => {
    const s = store();
    s.putPost('a', byName, '41', 1); // posted by the route under its name (database from before the fix)
    post(s, byId, 'a'); // queued for the /subscribe made in the channel (its id), not sent yet (a stop, an outage)
    rename(s);
    expect(s.postOf('a', byId)?.messageId).toBe('41'); // the message the channel shows is now the id's
    expect(openPosts(s, byId, 'a')).toBe(0); // expected: nothing left to post it again
  });

  it('posts of one note queued under both names become one post, not two', () => {
    const s = store();
    post(s, byName, 'b');
    post(s, byId, 'b');
    rename(s);
    expect(openPosts(s, byId, 'b')).toBe(1);
  });

  it('a digest queued under @name drops the lines the id already shows', () => {
    const s = store();
    s.putPost('c', byId, '77', 1); // the /subscribe target posted it
    const d = s.enqueue({ noteId: null, revision: 0, target: byName, kind: 'digest', payload: { type: 'digest', items: [item('c'), item('d')] } });
    rename(s);
    const row = s.outboxRow(d);
    expect(row?.payload.type === 'digest' ? row.payload.items.map((i) => i.noteId) : []).toEqual(['d']);
  });

  it("the pinned key of another @username is not moved (LIKE's `_` matches any letter)", () => {
    const s = store();
    s.setMeta('pinned:telegram:@myxchannel/5', 'another chat, topic 5');
    rename(s);
    expect(s.getMeta('pinned:telegram:@myxchannel/5')).toBe('another chat, topic 5');
    expect(s.getMeta('pinned:telegram:-1001777/5')).toBeUndefined();
  });

  it('a post dropped as shown under both names leaves a message no record follows: status is told (deliveries.leftInChats)', () => {
    const s = store();
    s.putPost('e', byName, '41', 1); // the F1 double: the route's message ...
    s.putPost('e', byId, '42', 1); // ... and the /subscribe's
    const moved = rename(s);
    expect(moved.dropped).toBe(1);
    expect(s.postOf('e', byId)?.messageId).toBe('42');
    // Message 41 stays in the channel, never edited nor deleted (onDelete: delete): status lists it (store/left-in-chats.ts).
    expect(readLeftInChats(s).total).toBe(1);
  });
});
