/**
 * Issue 25 (tester round 17, item 2): a note set aside while it parses (parse-aside.ts) was invisible: `status --json`
 * listed nothing and nothing was logged until it was refused (`took too long to parse`). The running service now logs
 * it as it is set aside and records it (slow-notes.ts), `status` (text and --json) says it until it is decided.
 * The slow note is slow by construction (a megabyte of `*a`: slow-note-aside.test.ts) under a budget longer than the test.
 */
import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliIn } from '../helpers/cli.js';
import type { InProcessService } from '../helpers/inproc.js';
import { loggedService } from '../helpers/logged-service.js';
import { until } from '../helpers/until.js';

const normalText = (title: string) => `---\ntitle: ${title}\n---\n\nA note saved with the slow one, about ${title.toLowerCase()}.\n`;

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop(); // also ends the thread still on the slow note
  svc = undefined;
});

const slowNotesOf = async (db: string) => (JSON.parse((await cliIn(['status', '--json', '--db', db])).stdout) as { slowNotes: { file: string; since: number }[] }).slowNotes;

describe('a note set aside while it parses is said by the log and status', () => {
  it('logged as set aside, listed by status while it parses, and no longer once it is decided', { timeout: 240_000 }, async () => {
    // No translation grace (5 s by default in group mode): each new note would wait it out for translations that never come.
    const made = loggedService({ notes: { parseTimeoutMs: 600_000 }, watch: { mode: 'native', quietMs: 100, reconcileMinutes: 0 }, publish: { translations: { mode: 'group', graceMs: 0 } }, routes: [{ platform: 'console', chat: 'all' }] });
    svc = made.svc;
    const logged = made.logged;
    await svc.start();
    const s = svc;
    // Written aside, then moved in together: one watcher batch.
    const aside = mkdtempSync(path.join(path.dirname(s.notes), 'aside-'));
    writeFileSync(path.join(aside, 'slow.md'), '*a'.repeat(500_000));
    writeFileSync(path.join(aside, 'fine.md'), normalText('Fine'));
    for (const name of ['slow.md', 'fine.md']) renameSync(path.join(aside, name), path.join(s.notes, name));
    await until(() => s.live('all').length >= 1, 180_000, 'the normal note announced');

    expect(logged.filter((l) => l.file === 'slow.md' && /set aside/.test(l.msg))).toHaveLength(1);
    expect(await slowNotesOf(s.db)).toEqual([{ file: 'slow.md', since: expect.any(Number) }]);
    expect((await cliIn(['status', '--db', s.db])).stdout).toMatch(/^notes still parsing, set aside \(the notes saved with them went on\):\n {2}slow\.md: parsing since \S+: announced once parsed/m);

    writeFileSync(path.join(s.notes, 'slow.md'), normalText('Mended')); // its edit takes it: decided on its new content
    await until(() => s.live('all').length >= 2, 180_000, 'the mended note announced');
    expect(await slowNotesOf(s.db)).toEqual([]);
  });
});
