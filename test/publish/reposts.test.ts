/**
 * Reposts (`publish.onChange: repost`, front matter `notecast: {announce: again}`), tester 35's F2, F3, F5, F6: a repost
 * is a new message in a chat whose shown content changed; every earlier message of that note in that chat then follows
 * `onDelete` and `onChange` as its newest does. The real service in this process, console chats: `en` (English only),
 * `ja` (Japanese only), `all` (no language asked: the family's original).
 */
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InProcessService } from '../helpers/inproc.js';
import { EN, JA, family, noteText, remove, repostConfig, showing, write } from '../helpers/reposts-harness.js';

describe('a translation family under onChange: repost (tester 35 F5)', () => {
  it('editing the Japanese member reposts it in the Japanese chat alone; the chats shown English get nothing', { timeout: 60_000 }, async () => {
    const s = await family('repost');
    try {
      const before = s.events.length;
      await write(s, { [JA]: noteText('ガイド 2', '日本語のガイドは新しい始め方を説明します。') });
      expect(s.events.slice(before).map((e) => `${e.event} ${e.target}`)).toEqual(['post console:ja']);
      expect([showing(s, 'en'), showing(s, 'ja'), showing(s, 'all')]).toEqual([['Guide'], ['ガイド', 'ガイド 2'], ['Guide']]);
    } finally {
      await s.stop();
    }
  });

  it('editing the English member reposts it where English is shown; the Japanese chat gets nothing', { timeout: 60_000 }, async () => {
    const s = await family('repost');
    try {
      const before = s.events.length;
      await write(s, { [EN]: noteText('Guide 2', 'The English guide tells you how to start anew.') });
      expect(s.events.slice(before).map((e) => `${e.event} ${e.target}`).sort()).toEqual(['post console:all', 'post console:en']);
      expect([showing(s, 'en'), showing(s, 'ja'), showing(s, 'all')]).toEqual([['Guide', 'Guide 2'], ['ガイド'], ['Guide', 'Guide 2']]);
    } finally {
      await s.stop();
    }
  });
});

describe('a rename under onChange: repost (tester 35 F6)', () => {
  it('a pure rename edits the message to its new link, posts nothing', { timeout: 60_000 }, async () => {
    const s = InProcessService.sandbox(repostConfig('repost'));
    await s.start();
    try {
      await write(s, { 'a.md': noteText('Alpha note', 'The alpha note says one thing.') });
      const before = s.events.length;
      s.beginStep();
      renameSync(path.join(s.notes, 'a.md'), path.join(s.notes, 'alpha-renamed.md'));
      await s.settle(['a.md', 'alpha-renamed.md']);
      expect(s.events.slice(before).map((e) => `${e.event} ${e.target}`).sort()).toEqual(['edit console:all', 'edit console:en']);
      for (const chat of ['en', 'all']) {
        expect(s.live(chat)).toHaveLength(1);
        expect(s.live(chat)[0]!.text).toContain('https://ex.org/alpha-renamed');
      }
    } finally {
      await s.stop();
    }
  });
});

describe('a note announced again, then deleted under onDelete: delete', () => {
  // Tester 35's F2: the no-language chat kept the English note's first message while the Japanese member lived on.
  it.each(['repost', 'again'] as const)('a family member (%s): every message of it goes, the family shows the member left', { timeout: 60_000 }, async (how) => {
    const s = await family(how === 'repost' ? 'repost' : 'edit');
    try {
      await write(s, { [EN]: noteText('Guide v2', 'The English guide tells you how to start anew.', how === 'again' ? 'notecast: {announce: again}\n' : '') });
      expect([showing(s, 'en'), showing(s, 'ja'), showing(s, 'all')]).toEqual([['Guide', 'Guide v2'], ['ガイド'], ['Guide', 'Guide v2']]);
      await remove(s, EN);
      expect([showing(s, 'en'), showing(s, 'ja'), showing(s, 'all')]).toEqual([[], ['ガイド'], ['ガイド']]);
    } finally {
      await s.stop();
    }
  });

  // Tester 35's F3: its own messages went, the digest went on listing it.
  it.each([
    ['group', 'repost'],
    ['group', 'again'],
    ['separate', 'repost'],
  ] as const)('a note of a burst digest (%s, %s): its line goes with it, the digest lists the others', { timeout: 60_000 }, async (mode, how) => {
    const s = InProcessService.sandbox(repostConfig(how === 'repost' ? 'repost' : 'edit', mode, 2));
    await s.start();
    try {
      const notes = { 'alpha.md': 'Alpha note', 'bravo.md': 'Bravo note', 'charlie.md': 'Charlie note' };
      await write(s, Object.fromEntries(Object.entries(notes).map(([file, title]) => [file, noteText(title, `${title} is about ${file} alone.`)])));
      const digest = () => s.live('all').filter((m) => m.text.includes('Bravo note'))[0]?.text ?? '';
      expect(s.live('all')).toHaveLength(1);
      expect(digest()).toContain('Alpha note');
      await write(s, { 'alpha.md': noteText('Alpha note', 'Alpha note changed its body entirely.', how === 'again' ? 'notecast: {announce: again}\n' : '') });
      expect(s.live('all')).toHaveLength(2);
      await remove(s, 'alpha.md');
      expect(s.live('all')).toHaveLength(1);
      expect(digest()).toContain('Charlie note');
      expect(s.live('all').some((m) => m.text.includes('Alpha'))).toBe(false);
    } finally {
      await s.stop();
    }
  });
});

describe('a repost while the first post still waits', () => {
  it.each(['group', 'separate'] as const)('(%s) the platform down: one post goes, showing the newest text', { timeout: 60_000 }, async (mode) => {
    const s = InProcessService.sandbox(repostConfig('repost', mode));
    const faults = s.withFaults();
    await s.start();
    try {
      faults.down = true;
      s.beginStep();
      writeFileSync(path.join(s.notes, 'a.md'), noteText('Alpha note', 'The alpha note says one thing.'));
      await s.batched(['a.md']);
      await s.waitFor(() => faults.hits > 0, 20_000, 'the post meeting the outage');
      s.beginStep();
      writeFileSync(path.join(s.notes, 'a.md'), noteText('Alpha note v2', 'The alpha note says another thing.'));
      await s.batched(['a.md']);
      faults.down = false;
      await s.waitFor(() => s.openDeliveries() === 0, 20_000, 'every delivery out');
      expect(showing(s, 'all')).toEqual(['Alpha note v2']);
    } finally {
      await s.stop();
    }
  });
});
