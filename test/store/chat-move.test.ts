/**
 * A Telegram group that became a supergroup (src/store/chat-move.ts): what is queued for the old group follows, except
 * what the supergroup has already (issue 25; fx26a: a queued digest followed with no such check, so a supergroup that
 * had subscribed before the move was seen was sent those notes a second time, in the digest).
 */
import { describe, expect, it } from 'vitest';
import { MOVED_ONTO_OWN } from '../../src/store/chat-move.js';
import type { Store } from '../../src/store/store.js';
import { tempStores } from '../helpers/temp-store.js';
import type { DigestItem, Target } from '../../src/store/types.js';

const store = tempStores('chat-move');

const group: Target = { platform: 'telegram', chat: '-1', thread: '' };
const supergroup: Target = { platform: 'telegram', chat: '-1001', thread: '' };
const item = (n: string): DigestItem => ({ noteId: `family:${n}`, title: `Note ${n}`, url: `https://ex.org/${n}`, member: n });
const digest = (s: Store, target: Target, names: string[]) => s.enqueue({ noteId: null, revision: 0, target, kind: 'digest', payload: { type: 'digest', items: names.map(item) } });
const summary = (n: string) => ({ title: `Note ${n}`, url: `https://ex.org/${n}`, keyPoints: [], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1, categories: [] });
const post = (s: Store, target: Target, n: string) => s.enqueue({ noteId: `family:${n}`, revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary(n), member: n } });
const itemsOf = (s: Store, id: number) => {
  const row = s.outboxRow(id);
  return row?.payload.type === 'digest' ? row.payload.items.map((i) => i.noteId) : [];
};

describe('a queued digest of a group that became a supergroup', () => {
  it('follows without the lines the supergroup shows, has queued, or lists in its own queued digest', () => {
    const s = store();
    const queued = digest(s, group, ['a', 'b', 'c', 'd']);
    s.putPost('family:a', supergroup, '7', 1); // posted there (it subscribed before the move was seen)
    post(s, supergroup, 'b'); // queued there
    digest(s, supergroup, ['c']); // in the supergroup's own digest, not sent yet
    expect(s.moveChat('telegram', '-1', '-1001')).toEqual([]);
    expect(s.outboxRow(queued)?.target).toEqual(supergroup);
    expect(itemsOf(s, queued)).toEqual(['family:d']);
  });

  it('is called off when the supergroup has every line', () => {
    const s = store();
    const queued = digest(s, group, ['a', 'b']);
    s.putPost('family:a', supergroup, '7', 1, true); // a line of a digest sent there
    s.putPost('family:b', supergroup, '7', 1, true);
    expect(s.moveChat('telegram', '-1', '-1001')).toEqual([queued]);
    expect(s.outboxRow(queued)).toMatchObject({ status: 'skipped', lastError: MOVED_ONTO_OWN });
  });

  it('follows whole when the supergroup has none of it', () => {
    const s = store();
    const queued = digest(s, group, ['a', 'b']);
    s.putPost('family:a', { ...supergroup, chat: '-1002' }, '7', 1); // another chat's
    expect(s.moveChat('telegram', '-1', '-1001')).toEqual([]);
    expect(itemsOf(s, queued)).toEqual(['family:a', 'family:b']);
  });
});

describe('a queued post of a group that became a supergroup', () => {
  it('is called off when the supergroup lists its note in a digest not sent yet', () => {
    const s = store();
    const queued = post(s, group, 'a');
    digest(s, supergroup, ['a', 'b']);
    expect(s.moveChat('telegram', '-1', '-1001')).toEqual([queued]);
  });
});
