/**
 * Issue 25 (I): a note moved to another language folder (`_posts/en/x.md` → `_posts/ja/x.md`) has
 * not gone away, so `onDelete` does not apply to the chats filtered to its old language: their
 * message follows the note (README, Edits: "a filter change never deletes it"), and the chats
 * filtered to its new language get it posted.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessService } from '../helpers/inproc.js';
import { modelConfig } from '../helpers/route-model.js';

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

describe('a note moved to another language folder', () => {
  it.each(['keep', 'delete'] as const)('keeps its message in the chat of its old language, edited to follow it (onDelete: %s)', async (onDelete) => {
    svc = InProcessService.sandbox(modelConfig(onDelete));
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
