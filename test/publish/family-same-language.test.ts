/**
 * Issue 25, item 1 (tester round): `python/setup.md` and `rust/setup.md` share the family key
 * `setup` and a language. Invariant: each keeps its own message through the other's deletes and
 * returns, its own edits, deletes, restores and restarts; a message never switches to show the
 * other note (neither is a rename of the other), and its revision never goes back. Routes as the
 * tester had them: `py` (`path: python/**`), `rs` (`rust/**`), and `all`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessService, type ConsoleEvent, fileParseThreads } from '../helpers/inproc.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

const note = (title: string, body: string) => `---\ntitle: ${title}\n---\n\n${body}\n`;
const PY = 'python/setup.md';
const RS = 'rust/setup.md';

/** The folders are made before the service starts: a file written and removed at once in a folder made a moment before may never be reported. */
function sandbox(onDelete: 'keep' | 'delete'): InProcessService {
  const s = InProcessService.sandbox({
    watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
    // The removal waits the burst window: here the shortest, three quiet periods.
    publish: { onDelete, translations: { mode: 'group', graceMs: 0 }, digest: { threshold: 1000, windowMs: 120 } },
    routes: [
      { platform: 'console', chat: 'py', filter: { path: 'python/**' } },
      { platform: 'console', chat: 'rs', filter: { path: 'rust/**' } },
      { platform: 'console', chat: 'all' },
    ],
  }, { parseThreads });
  for (const file of [PY, RS]) mkdirSync(path.dirname(path.join(s.notes, file)));
  return s;
}

/** Messages (by chat and id) whose post showed one note and a later edit another, or whose revision went back. */
function switchedOrRewound(events: readonly ConsoleEvent[]): string[] {
  const out: string[] = [];
  const byMessage = new Map<string, { noteId: string | null; revision: number }>();
  for (const e of events) {
    const k = `${e.target} ${e.messageId}`;
    const first = byMessage.get(k);
    if (e.event === 'post') byMessage.set(k, { noteId: e.noteId, revision: e.revision });
    if (e.event !== 'edit' || !first) continue;
    if (e.noteId !== first.noteId) out.push(`${k}: posted for ${first.noteId}, edited to show ${e.noteId}`);
    if (e.revision < first.revision) out.push(`${k}: revision ${first.revision} then ${e.revision}`);
    first.revision = e.revision;
  }
  return out;
}

async function write(s: InProcessService, file: string, title: string, body: string): Promise<void> {
  writeFileSync(path.join(s.notes, file), note(title, body));
  await s.settle([file]);
}

async function remove(s: InProcessService, file: string): Promise<void> {
  rmSync(path.join(s.notes, file));
  await s.settle([file]);
}

const posts = (s: InProcessService, chat: string, noteId: string) => s.sent(chat, 'post').filter((e) => e.noteId === noteId).length;
const liveTitles = (s: InProcessService, chat: string) => s.live(chat).map((m) => m.text.split('\n')[0]).sort();

describe('two notes of one language under one family key, over time (issue 25, item 1)', () => {
  it.each(['keep', 'delete'] as const)('each keeps its own message: python deleted, rust edited, python back, a restart, rust deleted and back (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    const s = (svc = sandbox(onDelete));
    await s.start();
    await write(s, PY, 'Python setup', 'Install python with pyenv. Then create a venv.');
    await write(s, RS, 'Rust setup', 'Install rust with rustup. Then cargo new.');
    await remove(s, PY);
    await write(s, RS, 'Rust setup v2', 'Install rust with rustup. Then cargo new. Then cargo build.');
    // The tester's MEDIUM: with `keep`, Python's kept message still shows Python, Rust's its own.
    expect(liveTitles(s, 'all')).toEqual(onDelete === 'keep' ? ['Python setup', 'Rust setup v2'] : ['Rust setup v2']);
    await write(s, PY, 'Python setup', 'Install python with pyenv. Then create a venv.');
    await write(s, RS, 'Rust setup v3', 'Install rust with rustup. Then cargo new. Then cargo build. Then test.');
    // The tester's HIGH: Rust was announced once per chat, never again; Python once more only where its message was deleted.
    for (const chat of ['rs', 'all']) expect(posts(s, chat, 'rust/setup'), chat).toBe(1);
    for (const chat of ['py', 'all']) expect(posts(s, chat, 'python/setup'), chat).toBe(onDelete === 'delete' ? 2 : 1);
    expect(s.sent('py').filter((e) => e.noteId === 'rust/setup')).toEqual([]);
    expect(s.sent('rs').filter((e) => e.noteId === 'python/setup')).toEqual([]);

    await s.stop();
    await s.start();
    await remove(s, RS);
    await write(s, RS, 'Rust setup v4', 'Install rust with rustup. Then cargo new. Then cargo build. Then test. Then ship.');
    await write(s, PY, 'Python setup v2', 'Install python with pyenv. Then create a venv. Then pip install.');

    expect(switchedOrRewound(s.events)).toEqual([]);
    expect(liveTitles(s, 'all')).toEqual(['Python setup v2', 'Rust setup v4']);
    expect(liveTitles(s, 'py')).toEqual(['Python setup v2']);
    expect(liveTitles(s, 'rs')).toEqual(['Rust setup v4']);
    expect(s.app!.store.getNote('rust/setup')?.info.translationKey).toBe('setup#rust/setup');
    expect(s.app!.store.getNote('python/setup')?.info.translationKey).toBe('setup');
    expect(s.anomalies).toEqual([]);
  });

  it.each(['keep', 'delete'] as const)('a note written while the other is removed stays on its own, and the other takes its family back (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    const s = (svc = sandbox(onDelete));
    await s.start();
    await write(s, PY, 'Python setup', 'Install python with pyenv. Then create a venv.');
    await remove(s, PY);
    await write(s, RS, 'Rust setup', 'Install rust with rustup. Then cargo new.');
    await write(s, PY, 'Python setup v2', 'Install python with pyenv. Then create a venv. Then pip install.');
    await write(s, RS, 'Rust setup v2', 'Install rust with rustup. Then cargo new. Then cargo build.');

    expect(switchedOrRewound(s.events)).toEqual([]);
    expect(liveTitles(s, 'all')).toEqual(['Python setup v2', 'Rust setup v2']);
    expect(posts(s, 'all', 'rust/setup')).toBe(1);
    expect(s.anomalies).toEqual([]);
  });
});
