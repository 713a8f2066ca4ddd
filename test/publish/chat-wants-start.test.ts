/**
 * Issue 24: a start after an outage finds thousands of posts waiting for a few notes (`crash`'s 2,400 for 60 notes
 * and 40 chats), and `settleChatsAtStart` judged each on its own: its whole row read and checked (`outboxRow`), its
 * family read again (`familyNotes`). That was a third of such a start's CPU. Now a pass reads what a family says once
 * per platform, and a whole row only for a post its chat may no longer want (and for every digest); what it calls off
 * is what it called off before.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { silentLogger } from '../../src/log.js';
import { settleChatsAtStart } from '../../src/publish/chat-wants.js';
import { Store } from '../../src/store/store.js';
import type { NewDelivery, NoteRow, Target } from '../../src/store/types.js';

let store: Store | undefined;
afterEach(() => store?.close());

const CHATS = 20;
const FAMILIES = [
  { key: 'alpha', tags: ['a'] },
  { key: 'bravo', tags: ['a', 'b'] },
  { key: 'charlie', tags: ['b'] }, // no route takes it any more: its posts are called off
];

function putMember(s: Store, key: string, lang: string, tags: string[]): void {
  const id = `${key}-${lang}`;
  const info = { file: `${id}.md`, title: `${key} ${lang}`, lang, locale: lang, tags, translationKey: key, draft: false, original: lang === 'en', date: '2025-01-01T00:00:00.000Z' };
  const row: NoteRow = { id, file: info.file, hash: id, summaryHash: null, state: 'published', dueAt: null, revision: 1, announced: false, info, summary: null, error: null };
  s.putNote(row, { title: info.title, tags: tags.join(' '), grams: '', words: key });
}

const summary = (title: string) => ({ title, keyPoints: [], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 });
const post = (key: string, target: Target): NewDelivery => ({ kind: 'post', noteId: `family:${key}`, revision: 1, target, payload: { type: 'summary', summary: summary(key) } });

describe('a start with many posts waiting for a few families', () => {
  it('calls off only what no chat wants, reading each family once and no waiting row its chat still wants', () => {
    const s = (store = new Store(':memory:'));
    for (const f of FAMILIES) for (const lang of ['en', 'ja']) putMember(s, f.key, lang, f.tags);
    const routes = configSchema.parse({ routes: Array.from({ length: CHATS }, (_, i) => ({ platform: 'console', chat: `t${i}`, filter: { tags: ['a'] } })) }).routes;
    const ids = new Map<string, number[]>();
    for (const f of FAMILIES) ids.set(f.key, Array.from({ length: CHATS }, (_, i) => s.enqueue(post(f.key, { platform: 'console', chat: `t${i}`, thread: '' }))));

    const rowsRead = vi.spyOn(s, 'outboxRow');
    const familiesRead = vi.spyOn(s, 'familyNotes');
    settleChatsAtStart({ store: s, routes, log: silentLogger() });
    const rowReads = rowsRead.mock.calls.map(([id]) => id);
    const familyReads = familiesRead.mock.calls.length;

    const statusOf = (key: string) => new Set(ids.get(key)!.map((id) => s.outboxRow(id)?.status));
    expect(statusOf('alpha')).toEqual(new Set(['pending']));
    expect(statusOf('bravo')).toEqual(new Set(['pending']));
    expect(statusOf('charlie')).toEqual(new Set(['skipped']));
    // Read as often as there are families (one platform), not as there are waiting posts (60).
    expect(familyReads).toBeLessThanOrEqual(FAMILIES.length);
    // Whole rows read only for the posts called off, each once: 20, not 60.
    expect(new Set(rowReads)).toEqual(new Set(ids.get('charlie')));
    expect(rowReads).toHaveLength(CHATS);
  });
});
