/**
 * Another note moved or copied over an announced note's file, with chats routed by path (issue 25,
 * tester 19 F1). `mv python/setup.md rust/setup.md` over an announced rust/setup (both titled "Setup"):
 * the file at rust/setup.md now goes to the `rs` chat, which python's note never reached, so it was
 * not taken for a copy over rust (kept-copies.ts copiedOver asked that every chat of the file already
 * showed python) and was decided as rust's edit: rust's messages edited to python's text, python's
 * kept (or deleted) beside them, rust's note gone from every chat without a word. Whatever chats the
 * file goes to, rust's note is overwritten (its messages kept or deleted as `onDelete` says) and the
 * file is python's note moved there (its messages follow it) or a copy of it.
 */
import { copyFileSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { consoleServiceOf, idleAfter, writtenOneByOne } from '../helpers/chat-shown.js';
import { fileParseThreads, type InProcessService } from '../helpers/inproc.js';
import { note } from '../helpers/service.js';

const PYTHON = note('Setup', 'Zephyr nickel lantern: installing the interpreter, a virtual environment and the linters in one go.');
const RUST = note('Setup', 'Cargo walnut quartz: rustup picks the toolchain, clippy and rustfmt come with it, the target folder stays out of git.');

const parseThreads = fileParseThreads();
const CHATS = [{ chat: 'all' }, { chat: 'py', filter: { path: 'python/**' } }, { chat: 'rs', filter: { path: 'rust/**' } }];

/** A chat's live messages as `<note id>: <whose text>`, sorted: the text tells the notes apart (one title). */
const shown = (s: InProcessService, chat: string) =>
  s
    .live(chat)
    .map((m) => `${m.noteId}: ${m.text.includes('Zephyr') ? 'python' : m.text.includes('Cargo') ? 'rust' : m.text}`)
    .sort();

/** The two notes, each in its own folder, announced. */
async function twoSetups(t: TestContext, onDelete: 'keep' | 'delete', translations: 'group' | 'separate'): Promise<InProcessService> {
  const s = await consoleServiceOf(t, parseThreads, onDelete, translations, CHATS);
  mkdirSync(path.join(s.notes, 'python'));
  mkdirSync(path.join(s.notes, 'rust'));
  await writtenOneByOne(s, { 'python/setup.md': PYTHON, 'rust/setup.md': RUST });
  expect(shown(s, 'all')).toEqual(['python/setup: python', 'rust/setup: rust']);
  return s;
}

/** Messages first posted for rust's note that were edited to show python's text. */
const rustEditedToPython = (s: InProcessService) =>
  ['all', 'rs'].flatMap((chat) => s.sent(chat, 'edit').filter((e) => s.sent(chat, 'post').some((p) => p.messageId === e.messageId && p.text.includes('Cargo')) && e.text.includes('Zephyr')));

const file = (s: InProcessService, rel: string) => path.join(s.notes, rel);

describe.concurrent('another note moved over an announced note in another folder, chats routed by path', () => {
  for (const translations of ['group', 'separate'] as const) {
    it(`keep (${translations}): rust's messages stay showing rust, python's follow it to rust/setup, rs gets it posted`, { timeout: 60_000 }, async (t) => {
      const s = await twoSetups(t, 'keep', translations);
      await idleAfter(s, () => renameSync(file(s, 'python/setup.md'), file(s, 'rust/setup.md')));
      expect(rustEditedToPython(s)).toEqual([]);
      expect(shown(s, 'all').filter((m) => m.endsWith('python'))).toEqual(['rust/setup: python']);
      expect(shown(s, 'all').filter((m) => m.endsWith('rust'))).toHaveLength(1); // kept, as onDelete says
      expect(shown(s, 'py')).toEqual(['rust/setup: python']); // followed, not posted again
      expect(shown(s, 'rs').filter((m) => m.endsWith('python'))).toEqual(['rust/setup: python']);
      expect(s.sent('all', 'post')).toHaveLength(2);
    });
  }

  it('delete: rust\'s messages are deleted, python\'s follow it', { timeout: 60_000 }, async (t) => {
    const s = await twoSetups(t, 'delete', 'group');
    await idleAfter(s, () => renameSync(file(s, 'python/setup.md'), file(s, 'rust/setup.md')));
    expect(rustEditedToPython(s)).toEqual([]);
    expect(shown(s, 'all')).toEqual(['rust/setup: python']);
    expect(shown(s, 'py')).toEqual(['rust/setup: python']);
    expect(shown(s, 'rs')).toEqual(['rust/setup: python']);
    expect(s.sent('all', 'post')).toHaveLength(2);
  });

  it('another name and title (`mv python/intro.md rust/setup.md`, both "Setup"): the same', { timeout: 60_000 }, async (t) => {
    const s = await consoleServiceOf(t, parseThreads, 'keep', 'group', CHATS);
    mkdirSync(path.join(s.notes, 'python'));
    mkdirSync(path.join(s.notes, 'rust'));
    await writtenOneByOne(s, { 'python/intro.md': PYTHON, 'rust/setup.md': RUST });
    await idleAfter(s, () => renameSync(file(s, 'python/intro.md'), file(s, 'rust/setup.md')));
    expect(rustEditedToPython(s)).toEqual([]);
    expect(shown(s, 'py')).toEqual(['rust/setup: python']);
  });
});

describe.concurrent('another note copied over an announced note in another folder, chats routed by path', () => {
  for (const onDelete of ['keep', 'delete'] as const) {
    it(`${onDelete}: rust's messages are never edited to python's text; python's stay as they were`, { timeout: 60_000 }, async (t) => {
      const s = await twoSetups(t, onDelete, 'group');
      await idleAfter(s, () => copyFileSync(file(s, 'python/setup.md'), file(s, 'rust/setup.md')));
      expect(rustEditedToPython(s)).toEqual([]);
      expect(shown(s, 'py')).toEqual(['python/setup: python']);
      expect(s.sent('py', 'edit')).toEqual([]);
      // rust's note is removed (onDelete); the copy reaches `rs`, which python does not: a note of its own there (README, copies).
      expect(shown(s, 'rs')).toEqual(onDelete === 'keep' ? ['rust/setup: python', 'rust/setup: rust'] : ['rust/setup: python']);
    });
  }
});
