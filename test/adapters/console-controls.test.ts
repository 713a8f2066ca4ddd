/** The console adapter's readable output names a post's `silent` and `pin`, which a real chat shows as no notification and a pin. */
import { describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../src/adapters/console/console.js';
import type { Summary } from '../../src/summary/build.js';

const summary: Summary = { title: 'T', keyPoints: [[{ text: 'A point.' }]], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 };
const target = { platform: 'console' as const, chat: 'news', thread: '' };
const ctx = (deliveryId: number) => ({ deliveryId, noteId: 'n', revision: 1, nonce: `nonce-${deliveryId}` });

describe('console output of the author’s controls', () => {
  it('a silent, pinned post says so in its header; a plain post and an edit say nothing', async () => {
    const lines: string[] = [];
    const console = createConsoleAdapter({ json: false, write: (l) => lines.push(l) });
    await console.post(target, { type: 'summary', summary, silent: true, pin: true }, ctx(1));
    await console.post(target, { type: 'summary', summary }, ctx(2));
    await console.edit(target, 'c1', { type: 'summary', summary, silent: true }, ctx(3));
    expect(lines.map((l) => l.split('\n')[1])).toEqual([
      '[post → console:news #c1 (silent; pin asked: the console pins nothing)]',
      '[post → console:news #c2]',
      '[edit → console:news #c1]',
    ]);
  });
});

// Tester round (issue 25): README's event table says `noteId` is null in a digest; a digest's own
// edit and delete (a line taken out, the last one gone) carried its outbox name, "digest:c1".
describe('start --json events of a digest message', () => {
  it('the digest, its edit and its delete all have noteId null; a note\'s edit names its note', async () => {
    const lines: string[] = [];
    const console = createConsoleAdapter({ json: true, write: (l) => lines.push(l) });
    const digest = { type: 'digest' as const, items: [{ noteId: 'a', title: 'A' }, { noteId: 'b', title: 'B' }] };
    await console.post(target, digest, { ...ctx(1), noteId: null });
    await console.edit(target, 'c1', { ...digest, items: digest.items.slice(0, 1) }, { ...ctx(2), noteId: 'digest:c1' });
    await console.delete(target, 'c1', { ...ctx(3), noteId: 'digest:c1' });
    await console.edit(target, 'c4', { type: 'summary', summary }, ctx(4));
    const events = lines.map((l) => JSON.parse(l) as { event: string; noteId: string | null });
    expect(events.map((e) => [e.event, e.noteId])).toEqual([
      ['digest', null],
      ['edit', null],
      ['delete', null],
      ['edit', 'n'],
    ]);
  });
});
