/**
 * Copies kept back (src/publish/kept-copies.ts), through the service in this process: the tester's
 * findings on the first try (issue 25, stop 40's note). A copy's claim on its original is decided when
 * the original changes, whether the change is seen live, by a start's scan after a stop, or after the
 * service was dropped as a kill -9 drops it; the claim dies with the copy's file; a copy kept back is
 * said (log, `status`); a copy into another language folder is a translation, never kept back.
 * test/reliability/kept-copies-process.test.ts does the same with a real kill -9 and `sync --once`.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copiesKeptBack } from '../../src/store/kept-copies.js';
import { idleAfter, shown } from '../helpers/chat-shown.js';
import { fileParseThreads, InProcessService } from '../helpers/inproc.js';
import { note as text } from '../helpers/service.js';

const running: InProcessService[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

/** Shared by every start here, the restarts too: a start then loads no parse thread again (a kill ends only the threads its own service took). */
const parseThreads = fileParseThreads();

const ALPHA = text('Alpha', 'Alpha is about apples and pears, said in a sentence long enough to sketch.');
type Mode = 'group' | 'separate';

/** A service with `a.md` announced in chat `all`, then `cp a.md b.md` handled (kept back). */
async function copied(translations: Mode): Promise<InProcessService> {
  const s = InProcessService.sandbox(
    {
      watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
      publish: { translations: { mode: translations, graceMs: 0 }, digest: { windowMs: 300 } },
      routes: [{ platform: 'console', chat: 'all' }],
    },
    { parseThreads },
  );
  running.push(s);
  await s.start();
  writeFileSync(path.join(s.notes, 'a.md'), ALPHA);
  await s.settle(['a.md']);
  copyFileSync(path.join(s.notes, 'a.md'), path.join(s.notes, 'b.md'));
  await s.settle(['b.md']);
  expect(s.sent('all', 'post')).toHaveLength(1); // kept back: nothing new to show
  expect(copiesKeptBack(s.app!.store.sql)).toEqual([{ file: 'b.md', copyOf: 'a.md' }]);
  return s;
}

describe('a copy kept back takes its original\'s message when the original goes', () => {
  for (const translations of ['group', 'separate'] as const) {
    it(`seen live (${translations})`, { timeout: 60_000 }, async () => {
      const s = await copied(translations);
      await idleAfter(s, () => rmSync(path.join(s.notes, 'a.md')));
      expect(shown(s)).toEqual({ posts: 1, live: ['b: Alpha'] });
      expect(copiesKeptBack(s.app!.store.sql)).toEqual([]);
    });
  }

  it('removed while the service was stopped: seen by the next start\'s scan', { timeout: 60_000 }, async () => {
    const s = await copied('group');
    await s.stop();
    rmSync(path.join(s.notes, 'a.md'));
    await s.start();
    await s.waitFor(() => s.app!.publisher.pendingRemovals === 0 && s.live('all')[0]?.noteId === 'b', 20_000, 'b shown');
    expect(shown(s)).toEqual({ posts: 1, live: ['b: Alpha'] });
  });

  it('removed, then the service dropped as a kill -9 drops it inside the removal window: seen by the next start', { timeout: 60_000 }, async () => {
    const s = await copied('group');
    rmSync(path.join(s.notes, 'a.md'));
    await s.batched(['a.md']); // the removal waits for its window, in memory only
    expect(s.app!.publisher.pendingRemovals).toBe(1);
    await s.kill();
    await s.start();
    await s.waitFor(() => s.app!.publisher.pendingRemovals === 0 && s.live('all')[0]?.noteId === 'b', 20_000, 'b shown');
    expect(shown(s)).toEqual({ posts: 1, live: ['b: Alpha'] });
  });
});

describe('a copy kept back when its original is edited: as `cp` and the edit in one batch (rename-chain.ts)', () => {
  const EDITED = text('Alpha, revised', 'Alpha now talks about plums and cherries, a different sentence entirely.');
  it('edited live', { timeout: 60_000 }, async () => {
    const s = await copied('group');
    writeFileSync(path.join(s.notes, 'a.md'), EDITED);
    await s.settle(['a.md']);
    expect(shown(s)).toEqual({ posts: 2, live: ['b: Alpha', 'a: Alpha, revised'] });
  });

  it('edited while the service was stopped: the same at the next start', { timeout: 60_000 }, async () => {
    const s = await copied('group');
    await s.stop();
    writeFileSync(path.join(s.notes, 'a.md'), EDITED);
    await s.start();
    expect(shown(s)).toEqual({ posts: 2, live: ['b: Alpha', 'a: Alpha, revised'] });
  });
});

describe('the claim dies with the copy', () => {
  it('a copy removed leaves no record; a later copy is kept back and takes the message, nothing posted twice', { timeout: 60_000 }, async () => {
    const s = await copied('group');
    await idleAfter(s, () => rmSync(path.join(s.notes, 'b.md')));
    expect(s.app!.store.getNote('b')).toBeUndefined();
    expect(s.app!.store.noteErrors()).toEqual([]);
    copyFileSync(path.join(s.notes, 'a.md'), path.join(s.notes, 'c.md'));
    await s.settle(['c.md']);
    await idleAfter(s, () => rmSync(path.join(s.notes, 'a.md')));
    expect(shown(s)).toEqual({ posts: 1, live: ['c: Alpha'] });
    expect(s.app!.store.noteErrors()).toEqual([]);
  });

  it('a copy edited is announced, once, as a note of its own', { timeout: 60_000 }, async () => {
    const s = await copied('separate');
    writeFileSync(path.join(s.notes, 'b.md'), text('Beta', 'Beta is written from the Alpha template, about bananas and berries.'));
    await s.settle(['b.md']);
    expect(shown(s)).toEqual({ posts: 2, live: ['a: Alpha', 'b: Beta'] });
    expect(copiesKeptBack(s.app!.store.sql)).toEqual([]);
  });
});

describe('a copy into another language folder is a translation, never kept back', () => {
  it('announced with its family, and the original\'s later edit is shown (group)', { timeout: 60_000 }, async () => {
    const s = InProcessService.sandbox(
      {
        watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
        publish: { translations: { mode: 'group', graceMs: 0 }, digest: { windowMs: 300 } },
        routes: [{ platform: 'console', chat: 'all' }],
      },
      { parseThreads },
    );
    running.push(s);
    await s.start();
    mkdirSync(path.join(s.notes, '_posts/en'), { recursive: true });
    mkdirSync(path.join(s.notes, '_posts/ja'), { recursive: true });
    writeFileSync(path.join(s.notes, '_posts/en/x.md'), ALPHA);
    await s.settle(['_posts/en/x.md']);
    copyFileSync(path.join(s.notes, '_posts/en/x.md'), path.join(s.notes, '_posts/ja/x.md'));
    await s.settle(['_posts/ja/x.md']);
    expect(copiesKeptBack(s.app!.store.sql)).toEqual([]);
    writeFileSync(path.join(s.notes, '_posts/en/x.md'), text('Alpha', 'Alpha is about apples and pears, and plums now, said in a sentence long enough to sketch.'));
    await s.settle(['_posts/en/x.md']);
    expect(s.live('all').some((m) => m.text.includes('plums'))).toBe(true);
  });
});

/**
 * Issue 25 (fx26a): a copy is kept back only where every chat it goes to is *shown* its original, not merely routed it. A
 * chat of Japanese (`locale: ja`) is shown setup's family by its Japanese member: `cp setup.md intro.md` (English, a
 * family of its own, no Japanese) goes there too, and nothing there shows its text. Kept back (kept-copies.ts read the
 * original's routes), intro.md was shown nowhere in that chat; now it is announced: posted in `ja`, held in `all`, whose
 * message shows setup.md (family-copies.ts). Failed on main df756d7 (nothing posted in `ja`).
 */
describe('a copy kept back only where its original is shown', () => {
  it('a chat shown the original\'s translation gets the copy; the chat shown the original holds it', { timeout: 60_000 }, async () => {
    const s = InProcessService.sandbox(
      {
        watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
        publish: { translations: { mode: 'group', graceMs: 0 }, digest: { windowMs: 300 } },
        routes: [{ platform: 'console', chat: 'all' }, { platform: 'console', chat: 'ja', locale: 'ja' }],
      },
      { parseThreads },
    );
    running.push(s);
    await s.start();
    await idleAfter(s, () => writeFileSync(path.join(s.notes, 'setup.md'), ALPHA));
    await idleAfter(s, () => writeFileSync(path.join(s.notes, 'setup-ja.md'), text('アルファ', 'アルファはりんごと梨について、十分に長い一文で述べる。')));
    expect(s.live('ja').map((m) => m.noteId)).toEqual(['setup-ja']);
    await idleAfter(s, () => copyFileSync(path.join(s.notes, 'setup.md'), path.join(s.notes, 'intro.md')));
    expect(copiesKeptBack(s.app!.store.sql)).toEqual([]);
    expect(s.live('ja').map((m) => `${m.noteId}: ${m.text.split('\n')[0]}`)).toEqual(['setup-ja: アルファ', 'intro: Alpha']);
    expect(shown(s)).toEqual({ posts: 1, live: ['setup: Alpha'] });
  });
});

/**
 * Issue 25 (finding 2 of stop 51; fx27c): a copy whose `notecast:` controls alone change. A copy is held (or kept back)
 * where a message shows exactly its content, and "exactly" was the file's bytes (store/kept-copies.ts notesWithContent
 * by hash): a controls line written into the copy left its text as it was, but the copy was no longer a copy of
 * anything, so it was posted beside the original's message showing the same text (`all` got a second "Alpha"). README:
 * controls never change what a message shows, and a copy is announced once its own *text* differs. Now copies match by
 * the text without its controls (notes/bare-text.ts, NoteInfo.bareHash), so a copy's controls change only how its own
 * posts go. Both failed on main c0def80 (two posts in `all`); `routes` too (a third case, below).
 */
describe('a copy whose controls alone change', () => {
  const copiedTo = async (to: string, controls = '{silent: true}') => {
    const s = InProcessService.sandbox(
      {
        watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
        publish: { translations: { mode: 'group', graceMs: 0 }, digest: { windowMs: 300 } },
        routes: [{ platform: 'console', chat: 'all', name: 'everyone' }, { platform: 'console', chat: 'a', filter: { path: 'a/**' } }],
      },
      { parseThreads },
    );
    running.push(s);
    await s.start();
    await idleAfter(s, () => writeFileSync(path.join(s.notes, 'setup.md'), ALPHA));
    await idleAfter(s, () => {
      mkdirSync(path.join(s.notes, 'a'), { recursive: true });
      copyFileSync(path.join(s.notes, 'setup.md'), path.join(s.notes, to));
    });
    expect(shown(s)).toEqual({ posts: 1, live: ['setup: Alpha'] });
    await idleAfter(s, () => writeFileSync(path.join(s.notes, to), ALPHA.replace('---\n', `---\nnotecast: ${controls}\n`)));
    return s;
  };
  it('held in all (posted in a): made silent, all still shows its text once', { timeout: 60_000 }, async () => {
    const s = await copiedTo('a/setup.md');
    expect(shown(s)).toEqual({ posts: 1, live: ['setup: Alpha'] });
  });
  it('kept back: made silent, all still shows its text once', { timeout: 60_000 }, async () => {
    const s = await copiedTo('intro.md');
    expect(shown(s)).toEqual({ posts: 1, live: ['setup: Alpha'] });
  });
  it('kept back: given routes of its own (block style), all still shows its text once', { timeout: 60_000 }, async () => {
    const s = await copiedTo('intro.md', '\n  routes: [everyone]\n  silent: true');
    expect(shown(s)).toEqual({ posts: 1, live: ['setup: Alpha'] });
  });
});
