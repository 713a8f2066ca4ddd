/**
 * Issue 25 (tester, HIGH, case 4): after `--after-restore`, an edit of a note announced after the
 * backup was taken was skipped without a word (its message is unknown to the restored database).
 * It is still not sent (a new post would show the note twice), but a warn line and `status` say
 * which note and what to do; a removal of such a note says its messages cannot be deleted.
 */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';
import { statusOf } from '../helpers/cli.js';
import { warnLines } from '../helpers/warn-lines.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

// The edits here change each note's title and most of its body, so each is held a removal window
// (held-rewrites.ts), as is the deletion (removals.ts): 3 s each by default (publish.digest.windowMs),
// 12 s of the file's 17 s. No move happens, so the window's length changes no outcome, only the wait:
// as short as the model test's (test/helpers/route-model.ts), five quiet periods.
const cfg = (onDelete: 'keep' | 'delete') => ({
  watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
  publish: { translations: { mode: 'group', graceMs: 0 }, onDelete, digest: { windowMs: 200 } },
  routes: [{ platform: 'console', chat: 'all' }, { platform: 'console', chat: 'ja', filter: { lang: ['ja'] } }],
});
const note = (title: string) => `---\ntitle: ${title}\n---\n\nAbout ${title}.\n`;

/** A service whose warn lines are kept, with `before` announced, a backup taken at a clean stop, then `after` announced, and the backup restored. */
async function restoredAfter(onDelete: 'keep' | 'delete'): Promise<{ s: InProcessService; warns: string[] }> {
  const { log, warns } = warnLines();
  const base = InProcessService.sandbox(cfg(onDelete), { parseThreads });
  const s = new InProcessService(base.notes, base.db, configSchema.parse(cfg(onDelete)), log, { parseThreads });
  svc = s;
  await s.start();
  writeFileSync(path.join(s.notes, 'before.md'), note('before'));
  await s.settle(['before.md']);
  await s.stop();
  const state = path.dirname(s.db);
  cpSync(state, `${state}-backup`, { recursive: true });
  await s.start();
  writeFileSync(path.join(s.notes, 'after.md'), note('after'));
  await s.settle(['after.md']);
  await s.stop();
  rmSync(state, { recursive: true, force: true });
  cpSync(`${state}-backup`, state, { recursive: true });
  await s.start({ afterRestore: true });
  return { s, warns };
}

describe('notes recorded by --after-restore', () => {
  it('an edit of one is not sent, and said: a warn line and status name the note and what to do', { timeout: 60_000 }, async () => {
    const { s, warns } = await restoredAfter('keep');
    const sent = s.events.length;
    writeFileSync(path.join(s.notes, 'after.md'), note('after, edited'));
    await s.settle(['after.md']);
    expect(s.events.length).toBe(sent); // never a second post
    expect(warns.filter((w) => w.startsWith('edit not sent: after.md was recorded by a start --after-restore'))).toHaveLength(1);
    const status = statusOf(s.db);
    expect(status.stdout).toMatch(/edits not sent \(notes recorded by --after-restore[^\n]*announce: again[^\n]*\n {2}after\.md: edited \d{4}-/);
    expect(JSON.parse(statusOf(s.db, { json: true }).stdout)).toMatchObject({ editsNotSent: [{ note: 'after', file: 'after.md' }] });
    // Posted anew on the author's word: said no more.
    writeFileSync(path.join(s.notes, 'after.md'), note('after, again').replace('---\n\n', 'notecast: {announce: again}\n---\n\n'));
    await s.settle(['after.md']);
    expect(s.sent('all', 'post').map((e) => e.noteId)).toEqual(['before', 'after', 'after']);
    expect(JSON.parse(statusOf(s.db, { json: true }).stdout)).toMatchObject({ editsNotSent: [] });
    // A note the backup knew is edited as ever, without such a line.
    writeFileSync(path.join(s.notes, 'before.md'), note('before, edited'));
    await s.settle(['before.md']);
    expect(s.sent('all', 'edit')).toHaveLength(1);
    expect(warns.filter((w) => w.startsWith('edit not sent'))).toHaveLength(1);
  });

  // The model's seed 501: the restore recorded the family of after.md as shown in `all` (its message unknown), and the
  // translation's batch, finding no message of it there, posted the family again beside the one the chat had.
  it.each(['keep', 'delete'] as const)('its translation written later is posted where it brings the family, never again where the note was (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    const { s, warns } = await restoredAfter(onDelete);
    writeFileSync(path.join(s.notes, 'after-ja.md'), note('after, in Japanese'));
    await s.settle(['after-ja.md']);
    expect(s.sent('all', 'post').map((e) => e.family)).toEqual(['before', 'after']); // both before the restore
    expect(s.sent('ja', 'post').map((e) => [e.family, e.noteId])).toEqual([['after', 'after-ja']]);
    // The family's message in `all` would now link the translation: that edit is not sent, and said.
    expect(warns.filter((w) => w.startsWith('edit not sent: after.md has no message in console:all to edit: it was recorded as shown there by a start --after-restore'))).toHaveLength(1);
    expect(JSON.parse(statusOf(s.db, { json: true }).stdout)).toMatchObject({ editsNotSentToChats: [{ note: 'family:after', target: { chat: 'all' } }] });
  });

  it('with onDelete: delete, deleting one says its messages cannot be deleted', { timeout: 60_000 }, async () => {
    const { s, warns } = await restoredAfter('delete');
    rmSync(path.join(s.notes, 'after.md'));
    await s.settle(['after.md']);
    expect(warns.some((w) => w.startsWith('messages not deleted: after.md was recorded by a start --after-restore'))).toBe(true);
  });
});
