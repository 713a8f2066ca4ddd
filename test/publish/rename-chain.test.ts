/**
 * Renames in one batch decided as if they happened one move at a time (issue 25; rename-chain.ts,
 * late-removals.ts, rename-match.ts `decideOrder`). The publisher is given the batches directly, in
 * the orders the watcher has been seen to report them, so no case depends on the watcher's timing.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filePublishers } from '../helpers/publisher.js';

const publisherFor = filePublishers('rename-chain');

const page = (title: string, body: string) => `---\ntitle: ${JSON.stringify(title)}\n---\n\n${body}\n`;

function setUp(files: Record<string, string>) {
  const routes = [{ platform: 'console', chat: 'all' }, { platform: 'console', chat: 'ja', filter: { lang: ['ja'] } }];
  const { notes, store, publisher } = publisherFor({ routes, publish: { translations: { graceMs: 0 } } });
  const at = (rel: string) => path.join(notes, rel);
  const write = (rel: string, text: string) => (mkdirSync(path.dirname(at(rel)), { recursive: true }), writeFileSync(at(rel), text));
  const move = (from: string, to: string) => (mkdirSync(path.dirname(at(to)), { recursive: true }), renameSync(at(from), at(to)));
  /** Each post queued, as `chat: title` (the title the message shows). */
  const posts = () =>
    (store.db.prepare("SELECT chat, json_extract(payload, '$.summary.title') AS title FROM outbox WHERE kind = 'post' ORDER BY id").all() as { chat: string; title: string }[]).map((p) => `${p.chat}: ${p.title}`);
  const keyOf = (id: string) => store.getNote(id)?.info.translationKey;
  for (const [rel, text] of Object.entries(files)) write(rel, text);
  const first = publisher.processBatch({ changed: Object.keys(files).map(at), removed: [] });
  /** The removal window's end, as the service's timer does it (sync.ts): held rewrites decided, then removals applied. */
  const settle = async () => (await publisher.releaseHeld(), publisher.applyRemovals());
  return { at, write, move, posts, keyOf, store, publisher, first, settle };
}

const INTRO = page('Intro', 'What this blog is about, and who writes it.');
const ANOTHER = page('Another intro', 'A second start, written where the first one was.');

describe('a note moved and a new note written at its old path at once (the model\'s seed 7, shrunk)', () => {
  it.each([
    ['in one batch', (at: (r: string) => string) => [[at('intro.md'), at('a/intro.md')]]],
    ['the moved file reported first (a folder made for it), the old path a batch later', (at: (r: string) => string) => [[at('a/intro.md')], [at('intro.md')]]],
    // Before held-rewrites.ts: intro's message was edited to "Another intro", a/intro posted as new ("Intro" twice).
    ['the overwritten old path reported first, the moved file a batch later', (at: (r: string) => string) => [[at('intro.md')], [at('a/intro.md')]]],
  ])('%s: the moved note keeps its message, the new one is posted once', async (_, batches) => {
    const s = setUp({ 'intro.md': INTRO });
    await s.first;
    expect(s.posts()).toEqual(['all: Intro']);

    s.move('intro.md', 'a/intro.md');
    s.write('intro.md', ANOTHER);
    for (const changed of batches(s.at)) await s.publisher.processBatch({ changed, removed: [] });
    await s.settle();

    expect(s.store.getNote('a/intro')?.info.title).toBe('Intro');
    expect(s.store.getNote('intro')?.info.title).toBe('Another intro');
    // Before: intro's message was edited into "Another intro" and a/intro posted as new, "Intro" a second time.
    expect(s.posts()).toEqual(['all: Intro', 'all: Another intro']);
  });

  it('a translation moved into another family, a new one written at its old path: the Japanese chat is posted only the new one', async () => {
    const s = setUp({ '_posts/ja/intro.md': page('はじめに', 'このブログについて。'), 'setup.md': page('Setup', 'How to set it up.') });
    await s.first;
    const before = s.posts();
    s.move('_posts/ja/intro.md', 'setup-ja.md');
    s.write('_posts/ja/intro.md', page('もう一つのはじめに', '最初のものがあった場所に書いた二つ目の始まり。'));
    await s.publisher.processBatch({ changed: [s.at('setup-ja.md'), s.at('_posts/ja/intro.md')], removed: [] });

    expect(s.keyOf('setup-ja')).toBe('setup');
    expect(s.posts().slice(before.length).filter((p) => p.startsWith('ja:'))).toEqual(['ja: もう一つのはじめに']);
  });
});

describe('a chain of renames split over two batches, and a swap (issue 25)', () => {
  const PART_1 = page('Part one', 'Install the toolchain and clone the repository.');
  const PART_2 = page('Part two', 'Run the build once, then watch it rebuild on save.');
  it.each([
    ['part-2.md (overwritten) and part-1.md\'s removal first, part-3.md a batch later', (at: (r: string) => string) => [{ changed: [at('part-2.md')], removed: [at('part-1.md')] }, { changed: [at('part-3.md')], removed: [] }]],
    ['part-3.md first, part-2.md and part-1.md\'s removal a batch later', (at: (r: string) => string) => [{ changed: [at('part-3.md')], removed: [] }, { changed: [at('part-2.md')], removed: [at('part-1.md')] }]],
  ])('mv part-2.md part-3.md; mv part-1.md part-2.md, %s: each message follows its note, nothing posted', async (_, batches) => {
    const s = setUp({ 'part-1.md': PART_1, 'part-2.md': PART_2 });
    await s.first;
    const before = s.posts();
    s.move('part-2.md', 'part-3.md');
    s.move('part-1.md', 'part-2.md');
    for (const b of batches(s.at)) await s.publisher.processBatch(b);
    await s.settle();

    expect([s.store.getNote('part-2')?.info.title, s.store.getNote('part-3')?.info.title, s.store.getNote('part-1')?.state]).toEqual(['Part one', 'Part two', undefined]);
    expect(s.posts()).toEqual(before);
    // Each post now stands under the family of the note it announced: Part one's under part-2, Part two's under part-3; nothing deleted.
    const rows = s.store.db.prepare("SELECT kind, note_id AS id, json_extract(payload, '$.summary.title') AS title FROM outbox WHERE kind != 'edit' ORDER BY id").all();
    expect(rows).toEqual([{ kind: 'post', id: 'family:part-2', title: 'Part one' }, { kind: 'post', id: 'family:part-3', title: 'Part two' }]);
  });
});

describe('a chain of renames in one batch: each note decided as if the moves came one at a time', () => {
  it('mv part-2.md part-3.md; mv part-1.md part-2.md: each keeps a family of its own name, no conflict, nothing posted', async () => {
    const s = setUp({ 'part-1.md': page('Part one', 'Install the toolchain and clone the repository.'), 'part-2.md': page('Part two', 'Run the build once, then watch it rebuild on save.') });
    await s.first;
    const before = s.posts();
    s.move('part-2.md', 'part-3.md');
    s.move('part-1.md', 'part-2.md');
    await s.publisher.processBatch({ changed: [s.at('part-2.md'), s.at('part-3.md')], removed: [s.at('part-1.md')] });

    // Before: part-2 found part-3's record still holding `part-2` and went to `part-2#part-2` (a logged conflict).
    expect([s.keyOf('part-2'), s.keyOf('part-3')]).toEqual(['part-2', 'part-3']);
    expect(s.posts()).toEqual(before);
  });

  it('across families: mv y-ja.md z-ja.md; mv x-ja.md y-ja.md: 猫 joins Dogs, only the new family z is posted', async () => {
    const s = setUp({
      'x.md': page('Cats', 'Cats sleep most of the day and hunt at dusk.'),
      'x-ja.md': page('猫', '猫は一日の大半を眠り、夕暮れに狩りをする。'),
      'y.md': page('Dogs', 'Dogs need a walk twice a day, rain or shine.'),
      'y-ja.md': page('犬', '犬は雨でも晴れでも一日二回の散歩が必要だ。'),
    });
    await s.first;
    const before = s.posts();
    s.move('y-ja.md', 'z-ja.md');
    s.move('x-ja.md', 'y-ja.md');
    await s.publisher.processBatch({ changed: [s.at('y-ja.md'), s.at('z-ja.md')], removed: [s.at('x-ja.md')] });

    // Before: 猫 went to a family of its own (`y#y-ja`), posted anew in the chat for every note.
    expect([s.keyOf('y-ja'), s.keyOf('z-ja'), s.keyOf('x')]).toEqual(['y', 'z', 'x']);
    expect(s.posts().slice(before.length)).toEqual(['all: 犬']);
  });
});
