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
import { loggedService, type LoggedLine } from '../helpers/logged-service.js';
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

/**
 * The start-up scan's catch-up pass (sync.ts `load`) decides a note changed while the scan ran, after the scan read it,
 * when no watcher event brings it (poll mode between passes; native mode's events lost, or raised before its watches
 * existed). It left out every note set aside, for their late batch to read again: a slow note edited into a normal one
 * during the scan waited for the parse of what it was, up to its whole budget. A note set aside now stays with its parse
 * only while its file holds the text being parsed (late-notes.ts `take`): the catch-up takes it.
 *
 * The gate: the changes are made as the scan logs that it set the slow note aside (inside the scan, after it read every
 * note, before the catch-up). Poll mode with the longest interval: no pass sees them within the test, so what decides
 * them is the catch-up, or nothing within the test.
 */
describe('the start-up scan’s catch-up pass', () => {
  it('decides a slow note edited into a normal one while the scan ran on its new text, and an ordinary note edited then once, on its new text', { timeout: 240_000 }, async () => {
    let gate: (() => void) | undefined;
    const atSetAside = (l: LoggedLine) => {
      if (l.file !== 'slow.md' || !/set aside/.test(l.msg)) return;
      gate?.();
      gate = undefined;
    };
    const config = { notes: { parseTimeoutMs: NEVER_MS }, watch: { mode: 'poll', pollIntervalMs: NEVER_MS, quietMs: 100, reconcileMinutes: 0 }, publish: { translations: { mode: 'group', graceMs: 0 } }, routes: [{ platform: 'console', chat: 'all' }] };
    const made = loggedService(config, atSetAside);
    svc = made.svc;
    const s = svc;
    writeFileSync(path.join(s.notes, 'before.md'), normalText('Before'));
    await s.start(); // a first run: records what is there
    await s.stop();
    writeFileSync(path.join(s.notes, 'slow.md'), '*a'.repeat(500_000));
    writeFileSync(path.join(s.notes, 'n1.md'), normalText('Normal 1'));
    gate = () => {
      writeFileSync(path.join(s.notes, 'slow.md'), normalText('Mended'));
      writeFileSync(path.join(s.notes, 'n1.md'), normalText('Normal 1 edited'));
    };
    const idlesBefore = s.idleCount;
    await s.start({}, { idle: false });
    expect(gate).toBeUndefined(); // the changes were made during the scan
    const shown = () => s.live('all').map((m) => m.text.split('\n')[0]).sort();
    // Both shown and an idle signal since the start: that idle may come before this poll sees both shown (waiting
    // for the next idle after it timed out in CI: none comes once all is handled).
    await until(() => shown().join() === 'Mended,Normal 1 edited' && s.idleCount > idlesBefore, 120_000, 'the mended note and the edited one shown, and idle', () => JSON.stringify(shown()));
    expect(s.anomalies).toEqual([]);
    // Each posted once.
    expect(s.sent('all', 'post').map((e) => e.noteId).sort()).toEqual(['n1', 'slow']);
    expect(readSlowNotes(s.app!.store)).toEqual([]);
    expect(made.logged.filter((l) => l.file === 'slow.md' && /set aside/.test(l.msg))).toHaveLength(1);
  });
});
