/**
 * Issue 25, item 5 (tester round 16): four pathological notes moved in with three normal ones held
 * those 52 s, and a save 12 s later waited too: a save's notes were parsed one after another on one
 * thread and decided together, each slow one taking its whole budget (`notes.parseTimeoutMs`).
 *
 * The invariant: a normal note's announcement never waits on another note's parse beyond the soft
 * bound (parse-aside.ts SOFT_BOUND_MS) and its own parse, whatever the other notes are; and every
 * note still gets its announcement or its own error (`file: took too long to parse`).
 *
 * No test here times anything. A slow note is slow by construction: a megabyte of `*a` (211 s on the
 * main thread; hundreds of times the soft bound on any machine, load slowing both alike), under a
 * budget longer than the test: the normal notes are announced while it still parses, or never within
 * the test (before the fix, not before its budget ran out).
 */
import { renameSync, writeFileSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessService, SHORT_ASIDE_BOUNDS } from '../helpers/inproc.js';
import { until } from '../helpers/until.js';
import { TOO_LONG } from '../../src/publish/parse-pool.js';

/** Slow by construction (see above); `letter` makes each one's text its own. */
const slowText = (letter: string) => `*${letter}`.repeat(500_000);
const normalText = (title: string) => `---\ntitle: ${title}\n---\n\nA note saved with the slow ones, about ${title.toLowerCase()}.\n`;
/** Longer than any test here runs: a slow note is never refused while one runs. */
const NEVER_MS = 600_000;

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop(); // also ends the threads still on a slow note
  svc = undefined;
});

function service(budgetMs: number): InProcessService {
  return InProcessService.sandbox({
    notes: { parseTimeoutMs: budgetMs },
    watch: { mode: 'native', quietMs: 100, reconcileMinutes: 0 },
    publish: { translations: { mode: 'group', graceMs: 0 } },
    routes: [{ platform: 'console', chat: 'all' }],
  }, { asideBounds: SHORT_ASIDE_BOUNDS });
}

/** Written aside, then moved in together, as the tester did: one watcher batch. */
function moveInTogether(s: InProcessService, files: Record<string, string>): void {
  const aside = mkdtempSync(path.join(path.dirname(s.notes), 'aside-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(aside, name), text);
  for (const name of Object.keys(files)) renameSync(path.join(aside, name), path.join(s.notes, name));
}

const titles = (s: InProcessService) => s.live('all').map((m) => m.text.split('\n')[0]).sort();
const SLOW = ['a-stars', 'b-stars', 'c-stars', 'd-stars'];
const slowFiles = Object.fromEntries(SLOW.map((name, i) => [`${name}.md`, slowText('abcd'[i]!)]));

describe('a slow note never holds back the notes saved with it', () => {
  it('three normal notes moved in with four slow ones are announced while the four still parse, and so is a note saved after', { timeout: 240_000 }, async () => {
    svc = service(NEVER_MS);
    await svc.start();
    const s = svc;
    moveInTogether(s, { ...slowFiles, 'z-ok1.md': normalText('Fine 1'), 'z-ok2.md': normalText('Fine 2'), 'z-ok3.md': normalText('Fine 3') });
    await until(() => s.live('all').length >= 3, 180_000, 'the three normal notes announced');
    expect(titles(s)).toEqual(['Fine 1', 'Fine 2', 'Fine 3']);
    // Still parsing: no record, no error, nothing announced of them.
    for (const name of SLOW) expect(s.app!.store.getNote(name)).toBeUndefined();
    writeFileSync(path.join(s.notes, 'later.md'), normalText('Later'));
    await until(() => s.live('all').length >= 4, 180_000, 'the note saved after announced');
    expect(titles(s)).toEqual(['Fine 1', 'Fine 2', 'Fine 3', 'Later']);
    for (const name of SLOW) expect(s.app!.store.getNote(name)).toBeUndefined();
  });

  it('an edit of a slow note while it parses is decided on its new content, not held back by the parse of the old', { timeout: 240_000 }, async () => {
    svc = service(NEVER_MS);
    await svc.start();
    const s = svc;
    moveInTogether(s, { 'slow.md': slowText('a'), 'fine.md': normalText('Fine') });
    await until(() => s.live('all').length >= 1, 180_000, 'the normal note announced');
    writeFileSync(path.join(s.notes, 'slow.md'), normalText('Mended'));
    await until(() => s.live('all').length >= 2, 180_000, 'the mended note announced');
    expect(titles(s)).toEqual(['Fine', 'Mended']);
    expect(s.app!.store.getNote('slow')).toMatchObject({ error: null });
  });

  it('every note gets its announcement or its own error: the four past their budget are refused, the three announced, once each', { timeout: 240_000 }, async () => {
    svc = service(1500); // a slow note takes hundreds of times this
    await svc.start();
    const normal = { 'z-ok1.md': normalText('Fine 1'), 'z-ok2.md': normalText('Fine 2'), 'z-ok3.md': normalText('Fine 3') };
    moveInTogether(svc, { ...slowFiles, ...normal });
    // `idle` waits for the notes set aside: it comes once every note is decided.
    await svc.settle([...SLOW.map((n) => `${n}.md`), ...Object.keys(normal)], 180_000);
    expect(titles(svc)).toEqual(['Fine 1', 'Fine 2', 'Fine 3']);
    expect(svc.sent('all', 'post')).toHaveLength(3);
    for (const name of SLOW) expect(svc.app!.store.getNote(name)?.error).toBe(`${name}.md: ${TOO_LONG}`);
  });
});
