/**
 * Issue 25, round 4: a rename needs content evidence (rename-match.ts), and a chain of renames in one
 * batch moves every message with its note (rename-chain.ts). Before, a generic name (`index.md`), a
 * re-dated series slug or a shared title made two unrelated notes one (findings 2, 3: the new note
 * never posted, the old message edited into it), and `mv part-2.md part-3.md; mv part-1.md part-2.md`
 * posted Part two again and edited part-2's message into Part one (finding 1).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessService } from '../helpers/inproc.js';
import { modelConfig } from '../helpers/route-model.js';

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

const page = (title: string, body: string) => `---\ntitle: ${JSON.stringify(title)}\n---\n\n${body}\n`;

async function started(onDelete: 'keep' | 'delete', files: Record<string, string>): Promise<InProcessService> {
  svc = InProcessService.sandbox(modelConfig(onDelete));
  await svc.start();
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(svc.notes, rel)), { recursive: true });
    writeFileSync(path.join(svc.notes, rel), text);
  }
  await svc.settle(Object.keys(files));
  return svc;
}

/** Each live message of a chat as [message id, note id, first line]. */
const shown = (s: InProcessService, chat: string) => s.live(chat).map((m) => [m.messageId, m.noteId, m.text.split('\n')[0]]);

describe('unrelated notes sharing a name or a title are a delete and a new note', () => {
  const cases = [
    {
      what: 'a page bundle replaced by another (index.md is named by its folder)',
      gone: 'posts/go-tips/index.md',
      goneText: page('Go tips', 'Use gofmt on save, and keep interfaces small at the consumer.'),
      came: 'posts/zig-intro/index.md',
      cameText: page('Zig intro', 'Zig has no hidden control flow and comptime replaces macros.'),
      chat: 'en',
    },
    {
      what: 'a weekly series: next week under the same slug, re-dated',
      gone: '_posts/en/2025-11-07-weekly-notes.md',
      goneText: page('Weekly notes', 'This week: a new laptop, a flaky test fixed, a book on compilers.'),
      came: '_posts/en/2025-11-14-weekly-notes.md',
      cameText: page('Weekly notes', 'Week two: moved house, read about garbage collectors, no code.'),
      chat: 'en',
    },
    {
      what: 'a generic title in another language ("Introduction": en about Go gone, ja about Rust new)',
      gone: '_posts/en/go-start.md',
      goneText: page('Introduction', 'Go is a small language with goroutines and channels built in.'),
      came: '_posts/ja/rust-start.md',
      cameText: page('Introduction', 'Rust は所有権で安全にメモリを扱う言語です。'),
      chat: 'ja',
    },
  ];
  for (const onDelete of ['keep', 'delete'] as const) {
    it.each(cases)(`$what (onDelete: ${onDelete})`, async (c) => {
      const s = await started(onDelete, { [c.gone]: c.goneText, 'posts/rust-tips/index.md': page('Rust tips', 'Clippy catches most of it; read its lints.') });
      const [goneMessage] = s.live('all').filter((m) => m.noteId === c.gone.replace(/\.md$/, ''));
      expect(goneMessage).toBeDefined();

      // The tester's `rm -r posts/go-tips` for a bundle; the file alone otherwise.
      rmSync(path.join(s.notes, c.gone.endsWith('/index.md') ? path.dirname(c.gone) : c.gone), { recursive: true });
      mkdirSync(path.dirname(path.join(s.notes, c.came)), { recursive: true });
      writeFileSync(path.join(s.notes, c.came), c.cameText);
      await s.settle([c.gone, c.came]);
      const cameId = c.came.replace(/\.md$/, '');
      // The new note is posted (in every chat that wants it), nothing is edited into it.
      expect(s.sent('all', 'post').filter((e) => e.noteId === cameId)).toHaveLength(1);
      expect(s.live(c.chat).some((m) => m.noteId === cameId)).toBe(true);
      expect(s.sent('all', 'edit')).toEqual([]);
      // The old note's message stays as it was (keep) or goes (delete).
      const stillThere = s.live('all').find((m) => m.messageId === goneMessage!.messageId);
      if (onDelete === 'keep') expect(stillThere?.noteId).toBe(c.gone.replace(/\.md$/, ''));
      else expect(stillThere).toBeUndefined();
    });
  }
});
