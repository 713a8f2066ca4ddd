/**
 * Issue 25, tester 18 item 1: two posted notes swapped in one save, the one side slow to parse (set
 * aside, late-notes.ts). a.md then holds exactly b's content while b.md, holding a's, still parses:
 * a.md was decided alone, as an edit of a into b's text (Alpha's message edited to Bravo), and once
 * b.md ran out of its budget that stayed: Bravo shown twice, Alpha nowhere.
 *
 * The invariant: while a file of a save is set aside, no note whose content is tied to it (a path
 * holding exactly what the slow file's note held, or the reverse) is decided without it; and a note
 * past its budget is its own error, never a reason to show another note's text in its place.
 *
 * No test here times anything: the slow note is a megabyte of `*a` (minutes of parse on any machine).
 * A note saved after the swap, once announced, says the swap's batch was decided.
 */
import { renameSync, writeFileSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { InProcessService } from '../helpers/inproc.js';
import { note } from '../helpers/service.js';
import { until } from '../helpers/until.js';
import { TOO_LONG } from '../../src/publish/parse-pool.js';

const ALPHA = note('Alpha', 'Alpha is about apples and pears, said in a sentence long enough to sketch.');
const BRAVO = note('Bravo', 'Bravo is about bananas and berries, a sentence of its own entirely.');
/** Longer than any test here runs. */
const NEVER_MS = 600_000;

/** A started service under `budgetMs`, stopped when test `t` finishes (which also ends the thread still on the slow note). */
async function service(t: TestContext, budgetMs: number): Promise<InProcessService> {
  const s = InProcessService.sandbox({
    notes: { parseTimeoutMs: budgetMs },
    watch: { mode: 'native', quietMs: 100, reconcileMinutes: 0 },
    publish: { onDelete: 'keep', translations: { mode: 'separate', graceMs: 0 }, digest: { windowMs: 300 } },
    routes: [{ platform: 'console', chat: 'all' }],
  });
  t.onTestFinished(() => s.stop());
  await s.start();
  return s;
}

/** Bodies alike but for the name (the tester's): no rename is told by likeness alone. */
const alike = (name: string) => note(name, `${name} is a note about ${name} with some body text. It explains how ${name} works in practice and why it matters.`);

/** a.md (Alpha) and b.md (Bravo) posted; then, in one save, b.md gets Alpha's text made slow and a.md Bravo's. Returns each note's message id. */
async function postedThenSwapped(s: InProcessService, texts = { ALPHA, BRAVO }): Promise<{ alpha: string; bravo: string }> {
  const { ALPHA, BRAVO } = texts;
  const SLOW_ALPHA = `${ALPHA}\n${'*a'.repeat(500_000)}\n`;
  writeFileSync(path.join(s.notes, 'a.md'), ALPHA);
  writeFileSync(path.join(s.notes, 'b.md'), BRAVO);
  await s.settle(['a.md', 'b.md']);
  await until(() => s.live('all').length === 2, 20_000, 'both posted');
  const idOf = (title: string) => s.live('all').find((m) => m.text.startsWith(title))!.messageId;
  const ids = { alpha: idOf('Alpha'), bravo: idOf('Bravo') };
  const aside = mkdtempSync(path.join(path.dirname(s.notes), 'aside-'));
  writeFileSync(path.join(aside, 'b.md'), SLOW_ALPHA);
  writeFileSync(path.join(aside, 'a.md'), BRAVO);
  renameSync(path.join(aside, 'b.md'), path.join(s.notes, 'b.md'));
  renameSync(path.join(aside, 'a.md'), path.join(s.notes, 'a.md'));
  return ids;
}

const textOf = (s: InProcessService, messageId: string) => s.live('all').find((m) => m.messageId === messageId)?.text.split('\n')[0];

describe('a swap whose one side is slow to parse', () => {
  it('while the slow side parses, the other is not decided without it: no message shows the other note', { timeout: 120_000 }, async (t) => {
    const s = await service(t, NEVER_MS);
    const ids = await postedThenSwapped(s);
    await s.batched(['a.md', 'b.md'], 60_000);
    writeFileSync(path.join(s.notes, 'c.md'), note('Charlie', 'Charlie is saved after the swap, about cherries.'));
    await until(() => s.live('all').some((m) => m.text.startsWith('Charlie')), 60_000, 'the note saved after announced');
    expect(s.sent('all', 'edit')).toEqual([]);
    expect(textOf(s, ids.alpha)).toBe('Alpha');
    expect(textOf(s, ids.bravo)).toBe('Bravo');
    expect(s.app!.store.getNote('a')?.info.title).toBe('Alpha');
  });

  it('the slow side past its budget is its own error: Alpha\'s message never shows Bravo, Bravo is shown once, by its own message', { timeout: 120_000 }, async (t) => {
    const s = await service(t, 1500); // the slow note takes hundreds of times this
    const ids = await postedThenSwapped(s);
    await s.settle(['a.md', 'b.md'], 60_000); // idle waits for the note set aside: decided or refused
    expect(s.app!.store.getNote('b')?.error).toBe(`b.md: ${TOO_LONG}`);
    expect(s.sent('all', 'edit').filter((e) => e.messageId === ids.alpha && e.text.startsWith('Bravo'))).toEqual([]);
    expect(s.live('all').filter((m) => m.text.startsWith('Bravo'))).toHaveLength(1);
    // b's content is at a.md: Bravo's message follows it there; Alpha's stays as it was (its text is nowhere readable).
    expect(textOf(s, ids.alpha)).toBe('Alpha');
    expect(textOf(s, ids.bravo)).toBe('Bravo');
  });

  // Tester 18, the CLI's end state: with bodies alike no move is found for b past its budget; b's record still shows its last good content, so a.md holding exactly it is b's copy, not an edit of a.
  it('the same with bodies alike but for the name', { timeout: 120_000 }, async (t) => {
    const s = await service(t, 1500);
    const ids = await postedThenSwapped(s, { ALPHA: alike('Alpha'), BRAVO: alike('Bravo') });
    await s.settle(['a.md', 'b.md'], 60_000);
    expect(s.app!.store.getNote('b')?.error).toBe(`b.md: ${TOO_LONG}`);
    expect(s.live('all').filter((m) => m.text.startsWith('Bravo'))).toHaveLength(1);
    expect(textOf(s, ids.alpha)).toBe('Alpha');
  });
});
