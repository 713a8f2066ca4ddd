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
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';
import { modelConfig } from '../helpers/route-model.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

const page = (title: string, body: string) => `---\ntitle: ${JSON.stringify(title)}\n---\n\n${body}\n`;

async function started(onDelete: 'keep' | 'delete', files: Record<string, string>): Promise<InProcessService> {
  svc = InProcessService.sandbox(modelConfig(onDelete), { parseThreads });
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

/**
 * Made while the service is stopped, so its start-up scan sees them in one batch (as `sync --once`
 * does); a watcher may split them over two batches, which rename-chain.ts does not join (README).
 */
async function whileStopped(s: InProcessService, moves: [string, string][]): Promise<void> {
  await s.stop();
  for (const [from, to] of moves) renameSync(path.join(s.notes, from), path.join(s.notes, to));
  await s.start(); // waits for the scan's idle
}

describe('renames in a chain, in one batch: each message follows its note, none is posted again', () => {
  for (const onDelete of ['keep', 'delete'] as const) {
    it(`mv part-2.md part-3.md; mv part-1.md part-2.md (onDelete: ${onDelete})`, async () => {
      const s = await started(onDelete, { 'part-1.md': page('Part one: setup', 'Install the toolchain and clone the repository.'), 'part-2.md': page('Part two: build', 'Run the build once, then watch it rebuild on save.') });
      const before = new Map(s.live('en').map((m) => [m.noteId, m.messageId]));
      await whileStopped(s, [['part-2.md', 'part-3.md'], ['part-1.md', 'part-2.md']]);
      for (const chat of ['en', 'all']) {
        expect(s.sent(chat, 'post'), JSON.stringify(s.sent(chat))).toHaveLength(2); // the two first posts, none since
        expect(s.sent(chat, 'delete')).toEqual([]);
      }
      expect(shown(s, 'en').sort()).toEqual([
        [before.get('part-1'), 'part-2', expect.stringContaining('Part one: setup')],
        [before.get('part-2'), 'part-3', expect.stringContaining('Part two: build')],
      ].sort());
    });

    it(`across families: mv y-ja.md z-ja.md; mv x-ja.md y-ja.md, the Japanese chat's messages follow their notes (onDelete: ${onDelete})`, async () => {
      const s = await started(onDelete, {
        'x.md': page('Cats', 'Cats sleep most of the day and hunt at dusk.'),
        'x-ja.md': page('猫', '猫は一日の大半を眠り、夕暮れに狩りをする。'),
        'y.md': page('Dogs', 'Dogs need a walk twice a day, rain or shine.'),
        'y-ja.md': page('犬', '犬は雨でも晴れでも一日二回の散歩が必要だ。'),
      });
      const before = new Map(s.live('ja').map((m) => [m.text.split('\n')[0], m.messageId]));
      await whileStopped(s, [['y-ja.md', 'z-ja.md'], ['x-ja.md', 'y-ja.md']]);
      expect(s.sent('ja', 'post')).toHaveLength(2);
      expect(s.sent('ja', 'delete')).toEqual([]);
      expect(shown(s, 'ja').sort()).toEqual([
        [before.get([...before.keys()].find((t) => t?.includes('猫'))!), 'y-ja', expect.stringContaining('猫')],
        [before.get([...before.keys()].find((t) => t?.includes('犬'))!), 'z-ja', expect.stringContaining('犬')],
      ].sort());
    });
  }
});

describe('a note deleted, then brought back under another name with the same content (issue 25, round 4, finding 5)', () => {
  it.each(['keep', 'delete'] as const)('one live message for it (onDelete: %s)', async (onDelete) => {
    const text = page('Alpha', 'Alpha is the first letter, and this note says no more.');
    const s = await started(onDelete, { 'a.md': text });
    const [first] = s.live('en');
    rmSync(path.join(s.notes, 'a.md'));
    await s.settle(['a.md']);
    writeFileSync(path.join(s.notes, 'b.md'), text);
    await s.settle(['b.md']);
    const live = shown(s, 'en');
    expect(live).toEqual([[expect.any(String), 'b', expect.stringContaining('Alpha')]]);
    // keep: the kept message follows it (edited to its new link); delete: it went, so the note is posted anew.
    if (onDelete === 'keep') expect([live[0]![0], s.sent('en', 'post')]).toEqual([first!.messageId, [expect.objectContaining({ noteId: 'a' })]]);
    else expect(s.sent('en', 'post').map((e) => e.noteId)).toEqual(['a', 'b']);
  });
});
