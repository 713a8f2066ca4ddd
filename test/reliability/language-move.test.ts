/**
 * Issue 25 (I): a note moved to another language folder (`_posts/en/x.md` → `_posts/ja/x.md`) has
 * not gone away, so `onDelete` does not apply to the chats filtered to its old language: their
 * message follows the note (README, Edits: "a filter change never deletes it"), and the chats
 * filtered to its new language get it posted. The same when the move came with an edit: the post
 * keeps its title or its slug, so it is the same post (rename-match.ts, whatever the language).
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

describe('a note moved to another language folder', () => {
  it.each(['keep', 'delete'] as const)('keeps its message in the chat of its old language, edited to follow it (onDelete: %s)', async (onDelete) => {
    svc = InProcessService.sandbox(modelConfig(onDelete), { parseThreads });
    await svc.start();
    const from = '_posts/en/x.md';
    const to = '_posts/ja/x.md';
    mkdirSync(path.join(svc.notes, '_posts/en'), { recursive: true });
    mkdirSync(path.join(svc.notes, '_posts/ja'), { recursive: true });
    writeFileSync(path.join(svc.notes, from), '---\ntitle: Moved\n---\n\nA note that turns out to be Japanese.\n');
    await svc.settle([from]);
    const [before] = svc.live('en');
    expect(before?.noteId).toBe('_posts/en/x');

    renameSync(path.join(svc.notes, from), path.join(svc.notes, to));
    await svc.settle([from, to]);
    expect(svc.live('en').map((m) => [m.messageId, m.noteId])).toEqual([[before!.messageId, '_posts/ja/x']]);
    expect(svc.sent('en', 'delete')).toEqual([]);
    expect(svc.live('ja').map((m) => m.noteId)).toEqual(['_posts/ja/x']);
    expect(svc.live('all').map((m) => m.noteId)).toEqual(['_posts/ja/x']);
  });
});

describe('a note moved to another language folder and edited at once', () => {
  const cases = [
    // Title kept, slug and language changed (the model's seed-4242 case, without the name clash).
    { name: 'its title kept', from: '_posts/ja/x.md', to: '_posts/en/y.md', before: 'Kept title', after: 'Kept title', old: 'ja', fresh: 'en' },
    // Slug kept, retitled (translated) and rewritten.
    { name: 'its slug kept', from: '_posts/en/x.md', to: '_posts/ja/x.md', before: 'Moved', after: '移動した', old: 'en', fresh: 'ja' },
  ] as const;
  it.each(cases)('is the same post, $name: its old language\'s chat keeps its message, edited; the new one\'s gets a post', async (c) => {
    svc = InProcessService.sandbox(modelConfig('delete'), { parseThreads });
    await svc.start();
    for (const d of ['_posts/en', '_posts/ja']) mkdirSync(path.join(svc.notes, d), { recursive: true });
    writeFileSync(path.join(svc.notes, c.from), `---\ntitle: ${c.before}\n---\n\nA note whose language turns out to be another.\n`);
    await svc.settle([c.from]);
    const [before] = svc.live(c.old);
    const [inAll] = svc.live('all');

    rmSync(path.join(svc.notes, c.from));
    writeFileSync(path.join(svc.notes, c.to), `---\ntitle: ${c.after}\n---\n\nA note whose language turns out to be another, rewritten there.\n`);
    await svc.settle([c.from, c.to]);
    const toId = c.to.replace(/\.md$/, '');
    expect(svc.live(c.old).map((m) => [m.messageId, m.noteId])).toEqual([[before!.messageId, toId]]);
    expect(svc.live('all').map((m) => [m.messageId, m.noteId])).toEqual([[inAll!.messageId, toId]]);
    for (const chat of [c.old, 'all']) expect(svc.sent(chat, 'delete')).toEqual([]);
    expect(svc.sent('all', 'post')).toHaveLength(1);
    expect(svc.live(c.fresh).map((m) => m.noteId)).toEqual([toId]);
  });
});
