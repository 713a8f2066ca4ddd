/**
 * A note moved and new content written at its old path at once (issue 25; rename-chain.ts,
 * late-removals.ts). The publisher is given the batches directly, in
 * the orders the watcher has been seen to report them, so no case depends on the watcher's timing.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempPublisher } from '../helpers/publisher.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const page = (title: string, body: string) => `---\ntitle: ${JSON.stringify(title)}\n---\n\n${body}\n`;

function setUp(files: Record<string, string>) {
  const routes = [{ platform: 'console', chat: 'all' }, { platform: 'console', chat: 'ja', filter: { lang: ['ja'] } }];
  const { notes, store, publisher, close } = tempPublisher('rename-chain', { routes, publish: { translations: { graceMs: 0 } } });
  cleanups.push(close);
  const at = (rel: string) => path.join(notes, rel);
  const write = (rel: string, text: string) => (mkdirSync(path.dirname(at(rel)), { recursive: true }), writeFileSync(at(rel), text));
  const move = (from: string, to: string) => (mkdirSync(path.dirname(at(to)), { recursive: true }), renameSync(at(from), at(to)));
  /** Each post queued, as `chat: title` (the title the message shows). */
  const posts = () =>
    (store.db.prepare("SELECT chat, json_extract(payload, '$.summary.title') AS title FROM outbox WHERE kind = 'post' ORDER BY id").all() as { chat: string; title: string }[]).map((p) => `${p.chat}: ${p.title}`);
  const keyOf = (id: string) => store.getNote(id)?.info.translationKey;
  for (const [rel, text] of Object.entries(files)) write(rel, text);
  const first = publisher.processBatch({ changed: Object.keys(files).map(at), removed: [] });
  return { at, write, move, posts, keyOf, store, publisher, first };
}

const INTRO = page('Intro', 'What this blog is about, and who writes it.');
const ANOTHER = page('Another intro', 'A second start, written where the first one was.');

describe('a note moved and a new note written at its old path at once (the model\'s seed 7, shrunk)', () => {
  it.each([
    ['in one batch', (at: (r: string) => string) => [[at('intro.md'), at('a/intro.md')]]],
    ['the moved file reported first (a folder made for it), the old path a batch later', (at: (r: string) => string) => [[at('a/intro.md')], [at('intro.md')]]],
  ])('%s: the moved note keeps its message, the new one is posted once', async (_, batches) => {
    const s = setUp({ 'intro.md': INTRO });
    await s.first;
    expect(s.posts()).toEqual(['all: Intro']);

    s.move('intro.md', 'a/intro.md');
    s.write('intro.md', ANOTHER);
    for (const changed of batches(s.at)) await s.publisher.processBatch({ changed, removed: [] });

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
