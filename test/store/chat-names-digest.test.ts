/**
 * Review rv-b (s31) R1: reconcileNames (store/chat-names.ts) checked a digest queued under the OLD name against what the
 * new name shows, but not a digest queued under the NEW name (the id, a /subscribe in digest mode) against what the old
 * name shows: after the move the chat showed the note twice (its post, and a line of the digest). Now both ways.
 */
import { describe, expect, it } from 'vitest';
import { renameDiscordThreads, renameTelegramChat } from '../../src/store/chat-names.js';
import type { DigestItem, Target } from '../../src/store/types.js';
import { tempStores } from '../helpers/temp-store.js';

const store = tempStores('chat-names-digest');
const item = (n: string): DigestItem => ({ noteId: n, title: `Note ${n}`, url: `https://ex.org/${n}` });
const lines = (s: ReturnType<typeof store>, id: number) => {
  const row = s.outboxRow(id);
  return row?.status === 'pending' && row.payload.type === 'digest' ? row.payload.items.map((i) => i.noteId) : [];
};

describe('R1: a digest queued under the new name keeps a line for a note the old name shows already', () => {
  it('Discord: the thread id\'s queued digest drops the note the <parent>/<thread> route posted', () => {
    const s = store();
    const byRoute: Target = { platform: 'discord', chat: '500', thread: '900' };
    const byThread: Target = { platform: 'discord', chat: '900', thread: '' };
    s.putPost('d', byRoute, '41', 1); // posted by the route under the old name
    const d = s.enqueue({ noteId: null, revision: 0, target: byThread, kind: 'digest', payload: { type: 'digest', items: [item('d'), item('e')] } });
    s.transaction(() => renameDiscordThreads(s.sql));
    expect(lines(s, d)).toEqual(['e']);
  });

  it('Telegram: the id\'s queued digest drops the note the @username route posted', () => {
    const s = store();
    const byName: Target = { platform: 'telegram', chat: '@news', thread: '' };
    const byId: Target = { platform: 'telegram', chat: '-1001', thread: '' };
    s.putPost('d', byName, '41', 1);
    const d = s.enqueue({ noteId: null, revision: 0, target: byId, kind: 'digest', payload: { type: 'digest', items: [item('d'), item('e')] } });
    s.transaction(() => renameTelegramChat(s.sql, '@news', '-1001'));
    expect(lines(s, d)).toEqual(['e']);
  });
});
