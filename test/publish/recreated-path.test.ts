/**
 * Issue 25 (e25r item 2): `rm a.md` and an unrelated new `a.md` within the quiet period reach the service as one change
 * of a.md. Taken for an edit, a.md's messages were edited to show another note. Now the content decides (README,
 * Deletes): its title kept, or most of its body's runs, it is an edit; another title and under 60% of the body kept,
 * it is the note that was there removed (`publish.onDelete`) and a new note, announced (replaced-rewrites.ts).
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileParseThreads, InProcessService } from '../helpers/inproc.js';

const parseThreads = fileParseThreads();
let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

const text = (title: string, body: string) => `---\ntitle: ${title}\n---\n\n${body}\n`;
const ALPHA = 'Alpha talks about apples and pears in a long enough sentence for the runs of words.';
const OTHER = 'Other is about something entirely different: trains, boats and planes, nothing else.';
const firstLines = (s: InProcessService) => s.live('all').map((m) => m.text.split('\n')[0]);

/** A service with `a.md` announced, then a.md removed and written again with `later` at once (one batch). */
async function recreated(onDelete: 'keep' | 'delete', translations: 'group' | 'separate', later: string): Promise<InProcessService> {
  const s = InProcessService.sandbox(
    {
      watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
      // The removal window at its shortest (three quiet periods): a rewrite beyond recognition waits it out.
      publish: { translations: { mode: translations, graceMs: 0 }, onDelete, digest: { windowMs: 0 } },
      routes: [{ platform: 'console', chat: 'all' }],
    },
    { parseThreads },
  );
  svc = s;
  await s.start();
  writeFileSync(path.join(s.notes, 'a.md'), text('Alpha', ALPHA));
  await s.settle(['a.md']);
  s.beginStep();
  rmSync(path.join(s.notes, 'a.md'));
  writeFileSync(path.join(s.notes, 'a.md'), later);
  await s.settle(['a.md']);
  return s;
}

describe('a path re-created with another note within the quiet period', () => {
  for (const translations of ['group', 'separate'] as const) {
    it(`is a removal and a new note: under onDelete: keep the old message stays as it was and the new note is posted (translations: ${translations})`, { timeout: 60_000 }, async () => {
      const s = await recreated('keep', translations, text('Other', OTHER));
      expect(s.sent('all', 'edit')).toEqual([]);
      expect(firstLines(s)).toEqual(['Alpha', 'Other']);
      expect(s.live('all')[0]!.text).toContain('apples');
    });

    it(`is a removal and a new note: under onDelete: delete the old message is deleted and the new note is posted (translations: ${translations})`, { timeout: 60_000 }, async () => {
      const s = await recreated('delete', translations, text('Other', OTHER));
      expect(s.sent('all', 'edit')).toEqual([]);
      expect(s.sent('all', 'delete')).toHaveLength(1);
      expect(firstLines(s)).toEqual(['Other']);
    });
  }

  for (const onDelete of ['keep', 'delete'] as const) {
    it(`with its title kept, is an edit of the note there (onDelete: ${onDelete})`, { timeout: 60_000 }, async () => {
      const s = await recreated(onDelete, 'group', text('Alpha', OTHER));
      expect(s.sent('all', 'post')).toHaveLength(1);
      expect(s.sent('all', 'edit')).toHaveLength(1);
      expect(firstLines(s)).toEqual(['Alpha']);
      expect(s.live('all')[0]!.text).toContain('trains');
    });

    it(`with another title and most of its body kept, is an edit of the note there (onDelete: ${onDelete})`, { timeout: 60_000 }, async () => {
      const s = await recreated(onDelete, 'group', text('Alpha renamed', `${ALPHA} Plums too, now.`));
      expect(s.sent('all', 'post')).toHaveLength(1);
      expect(s.sent('all', 'edit')).toHaveLength(1);
      expect(firstLines(s)).toEqual(['Alpha renamed']);
    });
  }
});
