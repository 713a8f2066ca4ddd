/**
 * Issue 25, item 9: restoring a backup re-announced what was posted after the backup was taken
 * (the backup does not know it), and a restored `.backup` was refused with "restore a whole
 * backup". A database that holds less than its mark is told apart from nothing locally (a deleted
 * -wal looks the same): the refusal says what to do in each case, and `--after-restore` starts
 * from a backup announcing nothing it finds new, setting aside the posts it still had queued.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';
import { statusOf } from '../helpers/cli.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

const cfg = (delayMs = 0) => ({
  watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
  publish: { translations: { mode: 'group', graceMs: 0 }, digest: { threshold: 1000 } },
  console: { delayMs },
  routes: [{ platform: 'console', chat: 'all' }],
});
const note = (title: string) => `---\ntitle: ${title}\n---\n\nAbout ${title}.\n`;
const posted = (s: InProcessService) => s.sent('all', 'post').map((e) => e.noteId);

async function publish(s: InProcessService, names: string[]): Promise<void> {
  for (const n of names) writeFileSync(path.join(s.notes, `${n}.md`), note(n));
  await s.settle(names.map((n) => `${n}.md`));
}

/** A service that announced `names`, then stopped cleanly. */
async function stoppedAfter(names: string[]): Promise<InProcessService> {
  const s = (svc = InProcessService.sandbox(cfg(), { parseThreads }));
  await s.start();
  await publish(s, names);
  await s.stop();
  return s;
}

/** The state folder replaced by `backup` (a copy of it), as an operator restores one. */
function restoreFolder(s: InProcessService, backup: string): void {
  const state = path.dirname(s.db);
  rmSync(state, { recursive: true, force: true });
  cpSync(backup, state, { recursive: true });
}

const startFails = (s: InProcessService, opts = {}) =>
  s.start(opts).then(
    () => undefined,
    (e: unknown) => e,
  );

describe('restoring a backup', () => {
  it('the whole state folder (database and mark) restored after 5 posts: --after-restore announces none of them again', { timeout: 60_000 }, async () => {
    svc = await stoppedAfter(['before']);
    const backup = `${path.dirname(svc.db)}-backup`;
    cpSync(path.dirname(svc.db), backup, { recursive: true }); // taken at a clean stop: .db, .mark, .sent
    await svc.start();
    await publish(svc, ['p1', 'p2', 'p3', 'p4', 'p5']);
    await svc.stop();
    expect(posted(svc)).toEqual(['before', 'p1', 'p2', 'p3', 'p4', 'p5']);

    restoreFolder(svc, backup);
    await svc.start({ afterRestore: true });
    expect(posted(svc)).toEqual(['before', 'p1', 'p2', 'p3', 'p4', 'p5']); // nothing again
    expect(svc.anomalies).toEqual([]);
    // A note saved now is announced once. (The console adapter's message ids come from delivery
    // ids, which the backup hands out again; a platform's would be new, so only posts are counted.)
    await publish(svc, ['after']);
    expect(posted(svc)).toEqual(['before', 'p1', 'p2', 'p3', 'p4', 'p5', 'after']);
    // An edit of a note announced after the backup: its message is not known, so nothing is sent (never a second post).
    const edits = svc.sent('all', 'edit').length;
    writeFileSync(path.join(svc.notes, 'p1.md'), note('p1, edited'));
    await svc.settle(['p1.md']);
    expect(posted(svc)).toHaveLength(7);
    expect(svc.sent('all', 'edit')).toHaveLength(edits);
    await svc.stop();
    // The next ordinary start accepts the database (its mark was written anew) and posts nothing.
    await svc.start();
    expect(posted(svc)).toHaveLength(7);
  });

  it('a `.backup` put in place of the database, beside a newer mark: refused as a copy, saying what to do, then --after-restore', { timeout: 60_000 }, async () => {
    svc = InProcessService.sandbox(cfg(), { parseThreads });
    await svc.start();
    await publish(svc, ['one']);
    const backup = `${svc.db}.backup-copy`;
    await svc.app!.store.db.backup(backup); // sqlite3 … ".backup", while it runs
    await publish(svc, ['two', 'three']);
    await svc.stop();
    for (const f of [svc.db, `${svc.db}-wal`, `${svc.db}-shm`]) rmSync(f, { force: true });
    cpSync(backup, svc.db);

    const refused = await startFails(svc);
    expect(refused).toBeInstanceOf(StoreError);
    // Its file is a copy (store/identity.ts), said before the mark it falls short of.
    expect((refused as Error).message).toMatch(/notecast\.db is a copy, not the file notecast last ran on .*If you restored a backup, start once with --after-restore/);
    expect((refused as Error).message).not.toMatch(/restore a whole backup/);
    svc.app = undefined;
    await svc.start({ afterRestore: true });
    expect(posted(svc).sort()).toEqual(['one', 'three', 'two']);
  });

  it('a backup taken while a post was queued: that post is set aside, not sent again', { timeout: 60_000 }, async () => {
    svc = InProcessService.sandbox(cfg(1500), { parseThreads }); // each send takes 1.5 s: the backup catches it queued
    await svc.start();
    writeFileSync(path.join(svc.notes, 'queued.md'), note('queued'));
    await svc.batched(['queued.md']);
    const backup = `${svc.db}.backup-copy`;
    await svc.app!.store.db.backup(backup);
    await svc.nextIdle();
    await svc.stop();
    expect(posted(svc)).toEqual(['queued']);
    for (const f of [svc.db, `${svc.db}-wal`, `${svc.db}-shm`, `${svc.db}.mark`]) rmSync(f, { force: true });
    cpSync(backup, svc.db);

    await svc.start({ afterRestore: true });
    expect(posted(svc)).toEqual(['queued']);
    expect(svc.anomalies).toEqual([]);
    expect(svc.app!.store.status().outbox.skipped).toBe(1);
    // Named in status, as edits not sent are (tester: counted, not named): its note and its chat.
    expect(statusOf(svc.db).stdout).toMatch(/\nposts set aside by --after-restore \([^\n]*\):\n {2}#1 queued\.md "queued" → console:all[^\n]*, set aside \d{4}-/);
    expect(JSON.parse(statusOf(svc.db, { json: true }).stdout)).toMatchObject({ setAside: [{ delivery: 1, note: 'queued', file: 'queued.md', title: 'queued', target: { platform: 'console', chat: 'all' } }] });
  });
});

describe('--after-restore on a state never restored', () => {
  it('is refused, saying so, and the note saved meanwhile is announced by the plain start after (tester: recorded silently, never announced)', { timeout: 60_000 }, async () => {
    svc = await stoppedAfter(['before']);
    writeFileSync(path.join(svc.notes, 'meanwhile.md'), note('meanwhile')); // saved while stopped
    const refused = await startFails(svc, { afterRestore: true });
    expect(refused).toBeInstanceOf(StoreError);
    expect((refused as Error).message).toMatch(/^--after-restore, but .*notecast\.db was not restored: it is the file notecast stopped cleanly on \(\d{4}-.*\), untouched since, and its mark agrees\. .*Start without --after-restore\./);
    svc.app = undefined;
    // The refusal kept the clean stop's record: the plain start still checks the file, and passes.
    await svc.start(); // resolves at its idle: the start-up scan's posts are out
    expect(posted(svc)).toEqual(['before', 'meanwhile']);
  });
});

describe('the mark after a restore', () => {
  it('is written anew by a start --after-restore', { timeout: 30_000 }, async () => {
    svc = InProcessService.sandbox(cfg(), { parseThreads });
    await svc.start();
    await publish(svc, ['a', 'b']);
    await svc.stop();
    writeFileSync(`${svc.db}.mark`, JSON.stringify({ outbox: 99, finished: 99 }));
    expect(await startFails(svc)).toBeInstanceOf(StoreError);
    svc.app = undefined;
    await svc.start({ afterRestore: true });
    await svc.stop();
    expect(JSON.parse(readFileSync(`${svc.db}.mark`, 'utf8'))).toEqual({ outbox: 2, finished: 2 });
    await svc.start();
  });
});
