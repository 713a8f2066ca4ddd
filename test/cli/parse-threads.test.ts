/**
 * Commands run one after another in one process share idle parse threads (ProgramContext.parseThreads),
 * as the preview page's batches do (PreviewNotes' own): each after the first takes the thread the one
 * before gave back instead of loading a thread's modules again (~0.6 s of CPU each). Issue 24: the suite's CPU.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { PreviewNotes, previewSettingsOf } from '../../src/health/preview/notes.js';
import { silentLogger } from '../../src/log.js';
import { ParseThreads, type ParserOptions } from '../../src/publish/parse-pool.js';
import type { BudgetedWorker } from '../../src/publish/budgeted-worker.js';
import { cliIn } from '../helpers/cli.js';
import { corpusReadOptions } from '../helpers/corpus.js';
import { note, sandbox } from '../helpers/service.js';

/** Idle threads that count how often a parser took one of them instead of starting its own. */
class CountedThreads extends ParseThreads {
  taken = 0;
  override take(options: ParserOptions): BudgetedWorker | undefined {
    const kept = super.take(options);
    if (kept) this.taken++;
    return kept;
  }
}

let threads: CountedThreads | undefined;
afterEach(async () => {
  await threads?.close();
  threads = undefined;
});

it('preview, check, search --dir and sync --once take the idle thread the command before gave back', async () => {
  const sb = sandbox('');
  writeFileSync(path.join(sb.notes, 'alpha.md'), note('Alpha', 'About the alpha note.'));
  writeFileSync(path.join(sb.notes, 'beta.md'), note('Beta', 'About the beta note.'));
  const shared = (threads = new CountedThreads());
  const run = (...args: string[]) => cliIn(args, { parseThreads: shared });

  expect((await run('preview', '--json', '--config', sb.config, sb.notes)).code).toBe(0);
  expect(shared.size()).toBe(1); // before: the thread ended with the command
  expect(shared.taken).toBe(0);
  expect((await run('check', '--config', sb.config, sb.notes)).code).toBe(0);
  expect(shared.taken).toBe(1);
  const found = await run('search', 'alpha', '--json', '--config', sb.config, '--dir', sb.notes);
  expect(found.code).toBe(0);
  expect(found.stdout).toContain('"title":"Alpha"');
  expect(shared.taken).toBe(2);
  const synced = await run('sync', '--once', '--json', '--config', sb.config, '--notes', sb.notes, '--db', sb.db);
  expect(synced.code, synced.stderr).toBe(0);
  expect(shared.taken).toBe(3);
  expect(shared.size()).toBe(1); // given back again
});

it("the preview page's batches take its idle thread; new settings keep the new settings' thread", async () => {
  const sb = sandbox('');
  writeFileSync(path.join(sb.notes, 'alpha.md'), note('Alpha', 'About the alpha note.'));
  const config = configSchema.parse({ watch: { mode: 'poll' } });
  const shared = (threads = new CountedThreads(1));
  const watch = { mode: 'poll' as const, pollIntervalMs: 60_000, quietMs: 50, maxHoldMs: 150 };
  const settings = previewSettingsOf(config, corpusReadOptions());
  const notes = new PreviewNotes({ root: sb.notes, ...settings, watch, log: silentLogger(), threads: shared });
  try {
    await notes.start();
    expect(shared.size()).toBe(1); // before: the thread ended with the batch
    await notes.reconfigure({}); // every note read again
    expect(shared.taken).toBe(1);
    await notes.reconfigure({ summary: { ...settings.summary, maxPoints: 1 } }); // other options: a thread of their own
    expect(shared.taken).toBe(1);
    await notes.reconfigure({});
    expect(shared.taken).toBe(2); // the newest settings' thread was kept, not the old one
    expect(notes.entries().map((e) => e.title)).toEqual(['Alpha']);
  } finally {
    await notes.close();
  }
});
