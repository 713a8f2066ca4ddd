/**
 * Issue 25 item 2, the tester's IDE move (`sW.sh`): a move across language folders made as a copy
 * and a delete (`_posts/en/x.md` copied byte-exact to `_posts/ja/x.md`, the en file removed a while
 * later: an IDE's "move", a copy across file systems). The copy is announced as a translation at
 * once (the ja chat gets it); when the original goes while the copy still holds exactly its content,
 * its content went there: the note moved, as `git mv` would (README, Edits: a chat filtered to its
 * old language keeps its message, edited to show it), never a member leaving its family, whose
 * message `onDelete: keep` left showing the deleted note, deaf to the later edits.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';
import { modelConfig } from '../helpers/route-model.js';

const parseThreads = fileParseThreads();

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

const note = (title: string, body: string) => `---\ntitle: ${title}\n---\n\n${body} A note about moths, their wings and the lamps they circle at night.\n`;

describe('a note copied to another language folder, its original removed later (an IDE move)', () => {
  it.each(['keep', 'delete'] as const)('is that note moved: its old language\'s chat follows it to its newest text (onDelete: %s)', async (onDelete) => {
    svc = InProcessService.sandbox(modelConfig(onDelete), { parseThreads });
    await svc.start();
    const from = '_posts/en/2025-11-07-moth.md';
    const to = '_posts/ja/2025-11-07-moth.md';
    for (const d of ['_posts/en', '_posts/ja']) mkdirSync(path.join(svc.notes, d), { recursive: true });
    writeFileSync(path.join(svc.notes, from), note('Moth study', 'First version.'));
    await svc.settle([from]);
    const [inEn] = svc.live('en');
    const [inAll] = svc.live('all');
    expect(inEn?.noteId).toBe('_posts/en/2025-11-07-moth');

    copyFileSync(path.join(svc.notes, from), path.join(svc.notes, to));
    await svc.settle([to]); // decided before the removal: the copy and the removal in two batches, past one removal window
    rmSync(path.join(svc.notes, from));
    await svc.settle([from]);
    writeFileSync(path.join(svc.notes, to), note('Moth study', 'Revised version.'));
    await svc.settle([to]);

    const toId = '_posts/ja/2025-11-07-moth';
    for (const [chat, first] of [['en', inEn], ['all', inAll]] as const) {
      expect(svc.live(chat).map((m) => [m.messageId, m.noteId])).toEqual([[first!.messageId, toId]]);
      expect(svc.live(chat)[0]!.text).toContain('Revised version.');
      expect(svc.sent(chat, 'delete')).toEqual([]);
    }
    expect(svc.live('ja').map((m) => m.noteId)).toEqual([toId]);
    expect(svc.live('ja')[0]!.text).toContain('Revised version.');
    expect(svc.anomalies).toEqual([]);
  });

  it.each(['keep', 'delete'] as const)('a copy removed with its original is no move: onDelete holds for both (onDelete: %s)', async (onDelete) => {
    svc = InProcessService.sandbox(modelConfig(onDelete), { parseThreads });
    await svc.start();
    const from = '_posts/en/2025-11-07-moth.md';
    const to = '_posts/ja/2025-11-07-moth.md';
    for (const d of ['_posts/en', '_posts/ja']) mkdirSync(path.join(svc.notes, d), { recursive: true });
    writeFileSync(path.join(svc.notes, from), note('Moth study', 'First version.'));
    await svc.settle([from]);
    copyFileSync(path.join(svc.notes, from), path.join(svc.notes, to));
    await svc.settle([to]);
    const [inEn] = svc.live('en');
    const edits = svc.sent('en', 'edit').length;

    rmSync(path.join(svc.notes, from));
    rmSync(path.join(svc.notes, to));
    await svc.settle([from, to]);
    if (onDelete === 'keep') expect(svc.live('en').map((m) => [m.messageId, m.noteId])).toEqual([[inEn!.messageId, '_posts/en/2025-11-07-moth']]);
    else for (const chat of ['en', 'ja', 'all']) expect(svc.live(chat), chat).toEqual([]);
    expect(svc.sent('en', 'edit')).toHaveLength(edits);
    expect(svc.anomalies).toEqual([]);
  });
});
