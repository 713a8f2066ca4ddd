/** What a console chat shows, for the copies-kept-back and rename tests (test/publish/kept-copies*.test.ts, rename-chain-evidence.test.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { scanNotesSync } from '../../src/notes/scan.js';
import path from 'node:path';
import type { TestContext } from 'vitest';
import { InProcessService } from './inproc.js';
import type { ParseThreads } from '../../src/publish/parse-pool.js';

/** The chat `all`'s live messages as `note: first line` (in the order posted, or `sorted`), and how many posts it was sent. */
export const shown = (s: InProcessService, sorted = false) => {
  const live = s.live('all').map((m) => `${m.noteId}: ${m.text.split('\n')[0]}`);
  return { posts: s.sent('all', 'post').length, live: sorted ? live.sort() : live };
};

/** Each note file under the folder with its content (what the service reads: scanNotesSync). */
function noteContents(notes: string): Map<string, string> {
  return new Map(scanNotesSync(notes).map((abs) => [path.relative(notes, abs), readFileSync(abs, 'utf8')]));
}

/** The note files a change wrote, removed or moved (present on one side, or with other content). */
function changedNotes(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((rel) => before.get(rel) !== after.get(rel));
}

/**
 * Makes a change, waits until every note file it touched was in a batch the service applied, then for
 * an idle signal with no removal waiting (its window over). An idle signal alone is no proof: under
 * load, one that came after an earlier batch (the second event of a write, a delivery) can come
 * before the watcher reports the change, and the assertions then ran on the state before it
 * (kept-copies-over.test.ts, "a.md is a copy of b": no copy kept back at load 15).
 */
export const idleAfter = async (s: InProcessService, change: () => void) => {
  const before = noteContents(s.notes), since = Date.now();
  change();
  // Batches begun after the change (one begun before read the files as they were), by their resolved paths.
  const wanted = changedNotes(before, noteContents(s.notes)).map((rel) => path.resolve(s.notes, rel));
  const batched = () => new Set(s.batchLog.flatMap((b) => (b.startedAt !== undefined && b.startedAt >= since ? [...(b.paths ?? [])] : [])));
  const seen = (p: string) => [...batched()].some((b) => p === b || p.startsWith(b + path.sep)); // or its new folder's
  await s.waitFor(() => wanted.every(seen), 20_000, `batches with ${wanted.map((p) => path.relative(s.notes, p)).join(', ')}`);
  const at = s.idleCount;
  s.app!.noticeIdle(); // a fresh signal, should the one after the batch have come before `at`
  await s.waitFor(() => s.idleCount > at && s.app!.publisher.pendingRemovals === 0, 20_000, 'idle with no removal waiting');
};

/**
 * A sandboxed service with console chats (`all` unless `chats` says), quick watcher and windows; pushed to `running` (the test stops it).
 * `parseThreads`: the file's (fileParseThreads), so no start loads a parse thread again.
 */
export async function consoleService(
  running: InProcessService[],
  onDelete: 'keep' | 'delete',
  translations: 'group' | 'separate' = 'separate',
  chats: { chat: string; filter?: { lang?: string[]; path?: string } }[] = [{ chat: 'all' }],
  parseThreads?: ParseThreads,
): Promise<InProcessService> {
  const s = InProcessService.sandbox(
    {
      watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
      publish: { onDelete, translations: { mode: translations, graceMs: 0 }, digest: { windowMs: 300 } },
      routes: chats.map((c) => ({ platform: 'console', ...c })),
    },
    { parseThreads },
  );
  running.push(s);
  await s.start();
  return s;
}

/** Writes notes, one batch each, and waits until each is handled. */
export async function writtenOneByOne(s: InProcessService, notes: Record<string, string>): Promise<void> {
  for (const [file, body] of Object.entries(notes)) {
    writeFileSync(path.join(s.notes, file), body);
    await s.settle([file]);
  }
}

/**
 * `consoleService` for one test `t` of a file whose tests run at once (`describe.concurrent`): stopped
 * when that test finishes, so none stops another's, and started on the file's `parseThreads`.
 */
export function consoleServiceOf(
  t: TestContext,
  parseThreads: ParseThreads,
  onDelete: 'keep' | 'delete',
  translations: 'group' | 'separate' = 'separate',
  chats?: { chat: string; filter?: { lang?: string[]; path?: string } }[],
): Promise<InProcessService> {
  const running: InProcessService[] = [];
  t.onTestFinished(async () => {
    for (const s of running) await s.stop();
  });
  return consoleService(running, onDelete, translations, chats, parseThreads);
}
