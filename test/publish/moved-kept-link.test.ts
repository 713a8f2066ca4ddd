/**
 * Found by the model once `write` could give a note a `permalink` (issue 25, m25b: `MODEL_SEED=502`, shrunk by hand).
 * A note moved into a folder a chat's path filter picks (`b/intro.md` → `a/intro.md`, chat `a/**`) reaches that chat:
 * README, a moved note's message follows it, and the chats that want it now get it (issue 25, item 2). With its
 * `permalink` written, nothing a message shows changes with the move (its link is the permalink), so the move was
 * decided "summary unchanged" and the chat that wants it now was never sent it; without one its link changed and the
 * chat got it with the edit.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileParseThreads, InProcessService } from '../helpers/inproc.js';

const parseThreads = fileParseThreads();
let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

const note = (fm: string) => `---\ntitle: Setup guide\n${fm}---\n\nHow to set the tool up on a new machine, step by step.\n`;

describe('a note moved into a folder a chat wants gets there, whatever its link', () => {
  for (const translations of ['group', 'separate'] as const)
    it.each(['permalink: /guides/setup/\n', ''])(`b/ → a/, chat a/**, translations ${translations}, front matter %j`, { timeout: 60_000 }, async (fm) => {
      svc = InProcessService.sandbox(
        {
          watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
          publish: { translations: { mode: translations, graceMs: 0 }, digest: { windowMs: 200 } },
          routes: [{ platform: 'console', chat: 'all' }, { platform: 'console', chat: 'a', filter: { path: 'a/**' } }],
        },
        { parseThreads },
      );
      await svc.start();
      for (const d of ['a', 'b']) mkdirSync(path.join(svc.notes, d));
      writeFileSync(path.join(svc.notes, 'b/setup.md'), note(fm));
      await svc.settle(['b/setup.md']);
      expect(svc.live('a')).toHaveLength(0);
      renameSync(path.join(svc.notes, 'b/setup.md'), path.join(svc.notes, 'a/setup.md'));
      await svc.settle(['b/setup.md', 'a/setup.md']);
      expect(svc.live('a').map((m) => m.text.split('\n')[0])).toEqual([expect.stringContaining('Setup guide')]);
      expect(svc.sent('all', 'post')).toHaveLength(1); // moved, never posted again
    });
});
