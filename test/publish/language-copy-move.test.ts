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
import { InProcessService, fileParseThreads, type ChatMessage } from '../helpers/inproc.js';
import { modelConfig } from '../helpers/route-model.js';

const parseThreads = fileParseThreads();

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

const note = (title: string, body: string) => `---\ntitle: ${title}\n---\n\n${body} A note about moths, their wings and the lamps they circle at night.\n`;

const from = '_posts/en/2025-11-07-moth.md';
const to = '_posts/ja/2025-11-07-moth.md';
const fromId = '_posts/en/2025-11-07-moth';
const toId = '_posts/ja/2025-11-07-moth';

/** `text` with a `notecast:` controls line added to its front matter: what a message shows is the same (README, the front-matter table). */
const withControls = (text: string) => text.replace(/^---\n/, '---\nnotecast: {silent: true, pin: true}\n');

/**
 * A started service whose en note was announced, then copied to the ja folder (decided in a batch of its own), byte-exact
 * or (`controls`) with controls of its own written; the messages before the copy.
 */
async function copiedAcross(onDelete: 'keep' | 'delete', controls = false): Promise<{ s: InProcessService; inEn: ChatMessage; inAll: ChatMessage }> {
  const s = (svc = InProcessService.sandbox(modelConfig(onDelete), { parseThreads }));
  await s.start();
  for (const d of ['_posts/en', '_posts/ja']) mkdirSync(path.join(s.notes, d), { recursive: true });
  writeFileSync(path.join(s.notes, from), note('Moth study', 'First version.'));
  await s.settle([from]);
  const [inEn] = s.live('en');
  const [inAll] = s.live('all');
  expect(inEn?.noteId).toBe(fromId);
  if (controls) writeFileSync(path.join(s.notes, to), withControls(note('Moth study', 'First version.')));
  else copyFileSync(path.join(s.notes, from), path.join(s.notes, to));
  await s.settle([to]); // decided before the removal: the copy and the removal in two batches, past one removal window
  return { s, inEn: inEn!, inAll: inAll! };
}

describe('a note copied to another language folder, its original removed later (an IDE move)', () => {
  // Issue 25 (s26-h25): a copy is compared by its text without controls (notes/bare-text.ts), as every other copy rule
  // compares it; copyHolding compared the files' bytes, so a copy that also wrote controls was a member leaving: its old
  // language's chat kept showing the removed note (`keep`) or lost its message (`delete`). Failed on main 7974eb0.
  it.each([
    ['keep', false],
    ['delete', false],
    ['keep', true],
    ['delete', true],
  ] as const)('is that note moved: its old language\'s chat follows it to its newest text (onDelete: %s, the copy writing controls: %s)', async (onDelete, controls) => {
    const { s, inEn, inAll } = await copiedAcross(onDelete, controls);
    rmSync(path.join(s.notes, from));
    await s.settle([from]);
    writeFileSync(path.join(s.notes, to), note('Moth study', 'Revised version.'));
    await s.settle([to]);

    for (const [chat, first] of [['en', inEn], ['all', inAll]] as const) {
      expect(s.live(chat).map((m) => [m.messageId, m.noteId])).toEqual([[first.messageId, toId]]);
      expect(s.live(chat)[0]!.text).toContain('Revised version.');
      expect(s.sent(chat, 'delete')).toEqual([]);
    }
    expect(s.live('ja').map((m) => m.noteId)).toEqual([toId]);
    expect(s.live('ja')[0]!.text).toContain('Revised version.');
    expect(s.anomalies).toEqual([]);
  });

  it.each(['keep', 'delete'] as const)('a copy removed with its original is no move: onDelete holds for both (onDelete: %s)', async (onDelete) => {
    const { s, inEn } = await copiedAcross(onDelete);
    const edits = s.sent('en', 'edit').length;
    rmSync(path.join(s.notes, from));
    rmSync(path.join(s.notes, to));
    await s.settle([from, to]);
    if (onDelete === 'keep') expect(s.live('en').map((m) => [m.messageId, m.noteId])).toEqual([[inEn.messageId, fromId]]);
    else for (const chat of ['en', 'ja', 'all']) expect(s.live(chat), chat).toEqual([]);
    expect(s.sent('en', 'edit')).toHaveLength(edits);
    expect(s.anomalies).toEqual([]);
  });
});
