/**
 * Issue 25 (tester 19, F3): a note that could not be read, then removed (or renamed), stayed among the notes with
 * problems for good: its record became `deleted` but kept its error, so `status` listed a file that no longer exists
 * and `sync --once` (which exits 1 while a note could not be read) stayed red on every later run. A removed file has
 * nothing to read: its error goes with it, whether the removal is seen by the watcher or by a start's scan.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliIn } from '../helpers/cli.js';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';

const parseThreads = fileParseThreads();
const services: InProcessService[] = [];
afterAll(async () => {
  await Promise.all(services.map((s) => s.stop()));
});

const BAD_YAML = '---\ntitle: [unclosed\n---\nbody\n';
const fine = (title: string) => `---\ntitle: ${title}\n---\n\nA note about ${title.toLowerCase()}, in a sentence of its own.\n`;

async function started(): Promise<InProcessService> {
  const s = InProcessService.sandbox(
    // The removal window at its least (three quiet periods: windowMs 0): what is checked is the record once the removal is applied, not when.
    { watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 }, publish: { onDelete: 'keep', translations: { mode: 'group', graceMs: 0 }, digest: { windowMs: 0 } }, routes: [{ platform: 'console', chat: 'all' }] },
    { parseThreads },
  );
  services.push(s);
  writeFileSync(path.join(s.notes, 'ok.md'), fine('Fine'));
  await s.start();
  writeFileSync(path.join(s.notes, 'bad.md'), BAD_YAML);
  await s.settle(['bad.md']);
  expect(errorFiles(s)).toEqual(['bad.md']);
  return s;
}

/** The files `status` lists as notes with problems, and how many `sync --once` counts as not read (the same rows). */
const errorFiles = (s: InProcessService) => s.app!.store.noteErrors().map((e) => e.file);

describe('a note that could not be read is no longer a problem once its file is gone', () => {
  it('removed while the service runs', async () => {
    const s = await started();
    rmSync(path.join(s.notes, 'bad.md'));
    await s.settle(['bad.md']);
    expect(errorFiles(s)).toEqual([]);
  });

  it('renamed while the service runs: the error is the new path’s only', async () => {
    const s = await started();
    renameSync(path.join(s.notes, 'bad.md'), path.join(s.notes, 'bad2.md'));
    await s.settle(['bad.md', 'bad2.md']);
    expect(errorFiles(s)).toEqual(['bad2.md']);
  });

  it('removed while the service was stopped: the next start’s scan clears it', async () => {
    const s = await started();
    await s.stop();
    rmSync(path.join(s.notes, 'bad.md'));
    await s.start();
    await s.waitFor(() => errorFiles(s).length === 0, 20_000, 'bad.md no longer a problem');
    expect(errorFiles(s)).toEqual([]);
  });

  it('a removed note whose error a database kept (written before this fix) is no problem for status', async () => {
    const s = await started();
    await s.stop();
    rmSync(path.join(s.notes, 'bad.md'));
    await s.start();
    s.app!.store.sql("UPDATE notes SET error = 'bad.md:2: invalid YAML front matter' WHERE file = 'bad.md'").run(); // as the removal left it then
    expect(errorFiles(s)).toEqual([]);
    await s.stop();
    const status = JSON.parse((await cliIn(['status', '--json', '--db', s.db])).stdout) as { problems: string[] };
    expect(status.problems).toEqual([]);
  });
});
