/**
 * Issue 25 (tester): a note written at a deleted note's path well after the deletion was taken for
 * the deleted note coming back: with `onDelete: keep`, the kept message of the deleted note was
 * edited to show the new one, and the new note was never announced (its id is its path, and its
 * family key its file name, so it found the old record and its family's message). Now the deleted
 * note brought back (perhaps edited) is told from another note as a rename is (rename-match.ts
 * sameNoteBy), and another note has the deleted record set aside (replaced-deleted.ts).
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
const ALPHA = 'Alpha talks about apples and pears in a long enough sentence for the runs.';
const firstLines = (s: InProcessService) => s.live('all').map((m) => m.text.split('\n')[0]);

/** A service with `a.md` announced, then deleted (idle after it), then `a.md` written with `later`. */
async function deletedThenWritten(opts: { onDelete: 'keep' | 'delete'; translations: 'group' | 'separate'; later: string; beforeWrite?: (s: InProcessService) => void }): Promise<InProcessService> {
  // The deletion is applied after the removal window (digest.windowMs, 3 s by default): set to its
  // shortest (three quiet periods), as the note is written only once the deletion was applied anyway.
  const s = InProcessService.sandbox(
    {
      watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
      publish: { translations: { mode: opts.translations, graceMs: 0 }, onDelete: opts.onDelete, digest: { windowMs: 0 } },
      routes: [{ platform: 'console', chat: 'all' }],
    },
    { parseThreads },
  );
  svc = s;
  await s.start();
  writeFileSync(path.join(s.notes, 'a.md'), text('Alpha', ALPHA));
  await s.settle(['a.md']);
  const idles = s.idleCount;
  rmSync(path.join(s.notes, 'a.md'));
  await s.waitFor(() => s.app!.store.getNote('a')?.state === 'deleted' && s.idleCount > idles, 20_000, 'a deleted, then idle');
  opts.beforeWrite?.(s);
  s.beginStep();
  writeFileSync(path.join(s.notes, 'a.md'), opts.later);
  await s.settle(['a.md']);
  return s;
}

describe('a new note at a deleted note\'s path (onDelete: keep)', () => {
  const others = [
    { what: 'other title, other text', later: text('Other', 'Other is about something entirely different: trains, boats and planes.'), title: 'Other' },
    // A shared title alone is no evidence (as for a rename: a weekly series re-uses its title).
    { what: 'the same title, other text', later: text('Alpha', 'This week it is about trains, boats and planes, nothing else at all.'), title: 'Alpha' },
  ];
  for (const translations of ['group', 'separate'] as const) {
    for (const o of others) {
      it(`is announced as new; the deleted note's kept message is left as it was (${o.what}, translations: ${translations})`, { timeout: 60_000 }, async () => {
        const s = await deletedThenWritten({ onDelete: 'keep', translations, later: o.later });
        expect(s.sent('all', 'edit')).toEqual([]);
        expect(firstLines(s)).toEqual(['Alpha', o.title]);
        expect(s.live('all')[0]!.text).toContain('apples');
      });
    }
  }

  it('the deleted note restored with a small edit edits its kept message, and is not announced again', { timeout: 60_000 }, async () => {
    const s = await deletedThenWritten({ onDelete: 'keep', translations: 'group', later: text('Alpha', `${ALPHA} Plums too, now.`) });
    expect(s.sent('all', 'post')).toHaveLength(1);
    expect(s.sent('all', 'edit')).toHaveLength(1);
    expect(firstLines(s)).toEqual(['Alpha']);
    expect(s.live('all')[0]!.text).toContain('Plums');
  });

  it('a record without a body sketch (written before sketches) gives no evidence: the note there is taken as the deleted one back, as before', { timeout: 60_000 }, async () => {
    const s = await deletedThenWritten({
      onDelete: 'keep',
      translations: 'group',
      later: text('Other', 'Other is about something entirely different: trains, boats and planes.'),
      beforeWrite: (s) => {
        const row = s.app!.store.getNote('a')!;
        const { body: _sketch, ...info } = row.info;
        s.app!.store.putNote({ ...row, info });
      },
    });
    expect(s.sent('all', 'post')).toHaveLength(1);
    expect(s.sent('all', 'edit')).toHaveLength(1);
    expect(firstLines(s)).toEqual(['Other']);
  });
});

describe('a new note at a deleted note\'s path (onDelete: delete)', () => {
  it('is announced as new: the deleted note\'s message is gone, nothing is edited', { timeout: 60_000 }, async () => {
    const s = await deletedThenWritten({ onDelete: 'delete', translations: 'group', later: text('Other', 'Other is about something entirely different: trains, boats and planes.') });
    expect(s.sent('all', 'edit')).toEqual([]);
    expect(s.sent('all', 'post')).toHaveLength(2);
    expect(firstLines(s)).toEqual(['Other']);
    // Nothing is kept, so nothing is set aside: the new note is in its file's family, not announced on its own beside a deleted note.
    expect(s.app!.store.getNote('a')?.info.translationKey).toBe('a');
  });
});
