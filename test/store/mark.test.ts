/**
 * Issue 25, item 9 (part): the database's mark (store/mark.ts) is never ignored and never trails.
 * A corrupt mark refuses the start instead of turning the lost-commits check off, and the mark is
 * written as soon as a delivery is recorded, so a kill -9 right after a post followed by a lost
 * `-wal` is refused rather than posted again.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

const cfg = { watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 }, publish: { translations: { mode: 'group', graceMs: 0 } }, routes: [{ platform: 'console', chat: 'all' }] };
const note = (title: string) => `---\ntitle: ${title}\n---\n\nAbout ${title}.\n`;

describe('the database mark', () => {
  it('is written as soon as a delivery is recorded, not up to a second later', async () => {
    svc = InProcessService.sandbox(cfg, { parseThreads });
    await svc.start();
    for (let i = 0; i < 3; i++) {
      writeFileSync(path.join(svc.notes, `n${i}.md`), note(`Note ${i}`));
      await svc.settle([`n${i}.md`]);
      // Read at once, after the idle signal: the mark already covers the delivery.
      const mark = JSON.parse(readFileSync(`${svc.db}.mark`, 'utf8')) as { outbox: number; finished: number };
      expect(mark).toEqual(svc.app!.store.highWater());
      expect(mark.finished).toBe(i + 1);
    }
  });

  // Tester round (issue 25, item 9): a first run killed before any checkpoint keeps every commit in
  // the -wal; with it deleted the database is empty, and was taken for a new one: the notes queued
  // in that run were recorded as already there and never announced, without a word.
  it('a database that lost every commit (empty beside its mark) refuses the start, as one that lost some does', async () => {
    svc = InProcessService.sandbox(cfg, { parseThreads });
    await svc.start();
    writeFileSync(path.join(svc.notes, 'n.md'), note('Posted'));
    await svc.settle(['n.md']);
    await svc.stop();
    for (const f of [svc.db, `${svc.db}-wal`, `${svc.db}-shm`]) rmSync(f, { force: true });
    writeFileSync(path.join(svc.notes, 'm.md'), note('Queued when it was killed'));
    const failed = await svc.start().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(StoreError);
    expect((failed as Error).message).toMatch(/holds less than notecast last recorded .*it knows 0 deliveries, 0 of them finished, where it had 1 and 1/);
  });

  it('a mark that is not one notecast wrote refuses the start, saying what to do', async () => {
    svc = InProcessService.sandbox(cfg, { parseThreads });
    await svc.start();
    writeFileSync(path.join(svc.notes, 'n.md'), note('Posted'));
    await svc.settle(['n.md']);
    await svc.stop();
    writeFileSync(`${svc.db}.mark`, 'x\n');
    const failed = await svc.start().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(StoreError);
    // Deleting the mark is not the first advice: it gives up the check (a lost -wal would re-post).
    expect((failed as Error).message).toMatch(
      /notecast\.db\.mark is not a mark notecast wrote .*--moved does not start past it\. If you restored a backup, or may have lost the -wal, start once with --after-restore: it writes the mark anew.*Only if the database is surely whole .*delete .*notecast\.db\.mark and start again: that start checks nothing, and a database that lost commits would announce them again/,
    );
    // What the message says of each flag holds: --moved is refused again, --after-restore starts and mends the mark.
    const moved = await svc.start({ moved: true }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((moved as Error).message).toMatch(/is not a mark notecast wrote/);
    await svc.start({ afterRestore: true });
    const high = svc.app!.store.highWater();
    await svc.stop(); // a clean stop writes the mark at the latest
    expect(JSON.parse(readFileSync(`${svc.db}.mark`, 'utf8'))).toEqual(high);
    svc = undefined;
  });
});
