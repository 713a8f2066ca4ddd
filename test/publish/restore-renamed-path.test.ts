/**
 * Issue 25 (tester, MEDIUM): `--after-restore` re-announced a new note written at a renamed note's
 * old path after the backup: the backup knew a.md (posted); after it, `mv a.md b.md` (its message
 * followed) and a new, unrelated a.md (announced). Restored, a start `--after-restore` took the
 * rename again (the message follows to b, as it already showed) and posted the new a.md a second
 * time. A restore announces nothing new to the backup (docs/operations.md): a.md is recorded silently.
 */
import { cpSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
const ALPHA = text('Alpha', 'Alpha talks about apples and pears in a long enough sentence for the runs.');
const NEWCOMER = text('Newcomer', 'A brand new note about trains, boats and planes, nothing in common with the other.');

describe('a restore after a rename and a new note at the old path', () => {
  it.each(['keep', 'delete'] as const)('with --after-restore, the new note is not posted again (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    const s = InProcessService.sandbox(
      {
        watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
        publish: { translations: { mode: 'group', graceMs: 0 }, onDelete },
        routes: [{ platform: 'console', chat: 'all' }],
      },
      { parseThreads },
    );
    svc = s;
    await s.start();
    writeFileSync(path.join(s.notes, 'a.md'), ALPHA);
    await s.settle(['a.md']);
    await s.stop();
    const state = path.dirname(s.db);
    cpSync(state, `${state}-backup`, { recursive: true });
    await s.start();
    renameSync(path.join(s.notes, 'a.md'), path.join(s.notes, 'b.md'));
    await s.settle(['a.md', 'b.md']);
    writeFileSync(path.join(s.notes, 'a.md'), NEWCOMER);
    await s.settle(['a.md']);
    expect(s.sent('all', 'post').map((e) => e.text.split('\n')[0])).toEqual(['Alpha', 'Newcomer']);
    await s.stop();
    rmSync(state, { recursive: true, force: true });
    cpSync(`${state}-backup`, state, { recursive: true });
    const before = s.events.length;
    await s.start({ afterRestore: true });
    expect(s.events.slice(before).filter((e) => e.event === 'post')).toEqual([]);
  });
});
