/** What a console chat shows, for the copies-kept-back and rename tests (test/publish/kept-copies*.test.ts, rename-chain-evidence.test.ts). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'vitest';
import { InProcessService } from './inproc.js';
import type { ParseThreads } from '../../src/publish/parse-pool.js';

/** The chat `all`'s live messages as `note: first line` (in the order posted, or `sorted`), and how many posts it was sent. */
export const shown = (s: InProcessService, sorted = false) => {
  const live = s.live('all').map((m) => `${m.noteId}: ${m.text.split('\n')[0]}`);
  return { posts: s.sent('all', 'post').length, live: sorted ? live.sort() : live };
};

/** Makes a change, then waits for an idle signal after it with no removal waiting (its window over). */
export const idleAfter = async (s: InProcessService, change: () => void) => {
  const at = s.idleCount;
  change();
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
  chats: { chat: string; filter?: { lang: string[] } }[] = [{ chat: 'all' }],
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
  chats?: { chat: string; filter?: { lang: string[] } }[],
): Promise<InProcessService> {
  const running: InProcessService[] = [];
  t.onTestFinished(async () => {
    for (const s of running) await s.stop();
  });
  return consoleService(running, onDelete, translations, chats, parseThreads);
}
