/**
 * Issue 25, items 1–4, through the whole service in this process (test/helpers/inproc.ts): two
 * notes of one language are never one family, a translation moved to another language reaches the
 * chats that want that language, a note back after `onDelete: delete` is posted again, and removals
 * that straddle a quiet period are held together.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

const chats = (...list: { chat: string; lang?: string }[]) => list.map((c) => ({ platform: 'console', chat: c.chat, ...(c.lang ? { filter: { lang: [c.lang] } } : {}) }));

function config(onDelete: 'keep' | 'delete', extra: Record<string, unknown> = {}): unknown {
  return {
    watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
    publish: { onDelete, translations: { mode: 'group', graceMs: 0 }, digest: { threshold: 1000, windowMs: 300 } },
    routes: chats({ chat: 'all' }, { chat: 'ja', lang: 'ja' }),
    ...extra,
  };
}

async function started(cfg: unknown): Promise<InProcessService> {
  svc = InProcessService.sandbox(cfg, { parseThreads });
  await svc.start();
  return svc;
}

function write(s: InProcessService, rel: string, title: string, extra = ''): string {
  mkdirSync(path.dirname(path.join(s.notes, rel)), { recursive: true });
  writeFileSync(path.join(s.notes, rel), `---\ntitle: ${title}\n${extra}---\n\nAbout ${title}, in a sentence of its own.\n`);
  return rel;
}

const titles = (s: InProcessService, chat: string) => s.live(chat).map((m) => m.text.split('\n')[0]).sort();

describe('item 1: two notes of one language are two notes, never one family', () => {
  it('the same file name in two folders: both announced, each edited on its own', async () => {
    const s = await started(config('keep'));
    await s.settle([write(s, 'python/setup.md', 'Python setup')]);
    await s.settle([write(s, 'rust/setup.md', 'Rust setup')]);
    expect(s.sent('all', 'post')).toHaveLength(2);
    await s.settle([write(s, 'rust/setup.md', 'Rust setup, revised')]);
    expect(titles(s, 'all')).toEqual(['Python setup', 'Rust setup, revised']);
    expect(s.anomalies).toEqual([]);
  });

  it('two English notes saying `translationKey: shared`, saved together: two posts', async () => {
    const s = await started(config('keep'));
    await s.settle([write(s, 'a.md', 'First', 'translationKey: shared\n'), write(s, 'b.md', 'Second', 'translationKey: shared\n')]);
    expect(titles(s, 'all')).toEqual(['First', 'Second']);
    // A real translation still joins the family held by the first English note.
    await s.settle([write(s, 'a-ja.md', 'Daiichi', 'translationKey: shared\n')]);
    expect(s.sent('all', 'post')).toHaveLength(2);
    expect(titles(s, 'ja')).toEqual(['Daiichi']);
  });
});

describe('item 2: a translation moved to another language folder', () => {
  it('reaches the chats that want the new language', async () => {
    const s = await started(config('delete'));
    await s.settle([write(s, '_posts/en/x.md', 'Moving note')]);
    expect(s.live('ja')).toEqual([]);
    mkdirSync(path.join(s.notes, '_posts/ja'), { recursive: true });
    renameSync(path.join(s.notes, '_posts/en/x.md'), path.join(s.notes, '_posts/ja/x.md'));
    await s.settle(['_posts/en/x.md', '_posts/ja/x.md']);
    expect(titles(s, 'ja')).toEqual(['Moving note']);
    expect(titles(s, 'all')).toEqual(['Moving note']);
    expect(s.sent('all', 'post')).toHaveLength(1);
  });
});

describe('item 3: with onDelete: delete, a note that comes back is posted again', () => {
  it('re-drafted then published: posted again, and later edits edit the new message', async () => {
    const s = await started(config('delete'));
    await s.settle([write(s, 'n.md', 'Back again')]);
    await s.settle([write(s, 'n.md', 'Back again', 'draft: true\n')]);
    expect(s.live('all')).toEqual([]);
    await s.settle([write(s, 'n.md', 'Back again')]);
    expect(titles(s, 'all')).toEqual(['Back again']);
    await s.settle([write(s, 'n.md', 'Back again, edited')]);
    expect(titles(s, 'all')).toEqual(['Back again, edited']);
    expect(s.anomalies).toEqual([]);
  });

  it('renamed away (not a note any more) and back: posted again', async () => {
    const s = await started(config('delete'));
    await s.settle([write(s, 'n.md', 'Round trip')]);
    renameSync(path.join(s.notes, 'n.md'), path.join(s.notes, 'n.md.bak'));
    await s.settle(['n.md']);
    expect(s.live('all')).toEqual([]);
    renameSync(path.join(s.notes, 'n.md.bak'), path.join(s.notes, 'n.md'));
    await s.settle(['n.md']);
    expect(titles(s, 'all')).toEqual(['Round trip']);
  });
});

describe('a rename changes the family key (it comes from the file name): the message follows', () => {
  it('onDelete: keep: one message, edited, never a second post', async () => {
    const s = await started(config('keep'));
    await s.settle([write(s, 'before.md', 'Moving')]);
    renameSync(path.join(s.notes, 'before.md'), path.join(s.notes, 'after.md'));
    await s.settle(['before.md', 'after.md']);
    expect(s.sent('all', 'post')).toHaveLength(1);
    expect(s.live('all')).toHaveLength(1);
    await s.settle([write(s, 'after.md', 'Moved, then edited')]);
    expect(titles(s, 'all')).toEqual(['Moved, then edited']);
  });
});

describe('item 4: the removal guard', () => {
  it('removals straddling a quiet period are counted together: all held, none deleted', async () => {
    const s = await started(config('delete', { watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0, removalThreshold: 20 } }));
    const files = Array.from({ length: 30 }, (_, i) => write(s, `n${i}.md`, `Note ${i}`));
    await s.settle(files);
    expect(s.live('all')).toHaveLength(30);
    // A branch switch: 12 files go, the watcher hands them over, then the other 18.
    for (const f of files.slice(0, 12)) rmSync(path.join(s.notes, f));
    await s.batched(files.slice(0, 12));
    for (const f of files.slice(12)) rmSync(path.join(s.notes, f));
    await s.settle(files.slice(12));
    expect(s.sent('all', 'delete')).toEqual([]);
    expect(s.live('all')).toHaveLength(30);
  });
});

describe('item 7: a route to a platform with no token', () => {
  it('start refuses and names the variable to set (the note would otherwise never reach the platform)', async () => {
    const s = InProcessService.sandbox({ watch: { mode: 'native', quietMs: 40 }, routes: [{ platform: 'console', chat: 'all' }, { platform: 'discord', chat: '123' }] }, { parseThreads });
    const failed = await s.start().then(
      () => s.stop().then(() => undefined),
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(ConfigError);
    expect((failed as Error).message).toBe('config: routes.1: discord is not configured: set DISCORD_TOKEN in the environment, or remove this route');
  });
});
