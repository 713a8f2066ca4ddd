/**
 * Issue 25 (tester 20, F3): the start-up scan never set a slow note aside. A pathological note and normal ones written
 * while the service was down (a pull while it was stopped) were parsed together by the scan, which waited for the slow
 * one's whole budget: the normal notes, `ready` and `/healthz` with it, and `status` listed nothing while it parsed.
 * The scan now sets it aside as a running service does (parse-aside.ts, late-notes.ts).
 *
 * No test here times anything. The slow note is slow by construction (a megabyte of `*a`: slow-note-aside.test.ts)
 * under a budget longer than the test: the normal notes are announced while it still parses, or never within the test.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InProcessService } from '../helpers/inproc.js';
import { loggedService } from '../helpers/logged-service.js';
import { until } from '../helpers/until.js';
import { readSlowNotes } from '../../src/publish/slow-notes.js';

const normalText = (title: string) => `---\ntitle: ${title}\n---\n\nA note written while the service was stopped, about ${title.toLowerCase()}.\n`;
/** Longer than the test runs: the slow note is never refused while it runs. */
const NEVER_MS = 600_000;

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop(); // also ends the thread still on the slow note
  svc = undefined;
});

const titles = (s: InProcessService) => s.live('all').map((m) => m.text.split('\n')[0]).sort();

describe('the start-up scan sets a slow note aside as a save does', () => {
  it('notes written while the service was stopped are announced, and the start ends, while a slow one written with them parses', { timeout: 240_000 }, async () => {
    // No translation grace (5 s by default in group mode): each new note would wait it out for translations that never come.
    const made = loggedService({ notes: { parseTimeoutMs: NEVER_MS }, watch: { mode: 'native', quietMs: 100, reconcileMinutes: 0 }, publish: { translations: { mode: 'group', graceMs: 0 } }, routes: [{ platform: 'console', chat: 'all' }] });
    svc = made.svc;
    const logged = made.logged;
    const s = svc;
    writeFileSync(path.join(s.notes, 'before.md'), normalText('Before'));
    await s.start(); // a first run: records what is there
    await s.stop();
    writeFileSync(path.join(s.notes, 'slow.md'), '*a'.repeat(500_000));
    for (const n of [1, 2, 3]) writeFileSync(path.join(s.notes, `n${n}.md`), normalText(`Normal ${n}`));

    const started = s.start({}, { idle: false }); // resolves once the scan is done and the service follows the folder: `ready`
    await until(() => s.live('all').length >= 3, 180_000, 'the three notes written while stopped announced');
    await started;
    expect(titles(s)).toEqual(['Normal 1', 'Normal 2', 'Normal 3']);
    // Still parsing: no record, listed by `status` as set aside.
    expect(s.app!.store.getNote('slow')).toBeUndefined();
    expect(readSlowNotes(s.app!.store)).toEqual([{ file: 'slow.md', since: expect.any(Number) }]);
    // Set aside once: neither the scan's catch-up pass (what changed while it ran) nor the watcher's look-over, which reports
    // again a note written just before it listed the folder, takes it to parse it again (slow-note-unchanged.test.ts).
    expect(logged.filter((l) => l.file === 'slow.md' && /set aside/.test(l.msg))).toHaveLength(1);

    writeFileSync(path.join(s.notes, 'slow.md'), normalText('Mended')); // its edit takes it: decided on its new content
    await until(() => s.live('all').length >= 4, 180_000, 'the mended note announced');
    expect(titles(s)).toEqual(['Mended', 'Normal 1', 'Normal 2', 'Normal 3']);
    expect(readSlowNotes(s.app!.store)).toEqual([]);
  });
});
