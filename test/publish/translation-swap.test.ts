/**
 * Issue 25, translations swapped (`_posts/en/x.md` ↔ `_posts/ja/x.md`, grouped). README's move rule ("a chat filtered
 * to its old language keeps its message, edited to show it") read alone would leave the English chat showing the note
 * that moved to the Japanese folder; the family rule shows a chat the member of its language. Decided (README, Edits):
 * the family rule holds while the family has a note of the chat's language, so each language chat's message shows the
 * note now in its language's folder (the page the blog publishes in that language), the chat with no language keeps
 * the original it was sent, and nothing is posted again. Handed over in one batch and split either way (split-model.ts).
 */
import { describe, expect, it } from 'vitest';
import { fileParseThreads } from '../helpers/inproc.js';
import { applyOps, handOver, problemsOf, startSplitRun } from '../helpers/split-model.js';

const parseThreads = fileParseThreads();
const [EN, JA] = ['_posts/en/setup.md', '_posts/ja/setup.md'];
const SPLITS: [string, string[][]][] = [
  ['one batch', [[EN, JA]]],
  ['the English path first', [[EN], [JA]]],
  ['the Japanese path first', [[JA], [EN]]],
];

describe('translations swapped between their language folders (grouped)', () => {
  for (const onDelete of ['keep', 'delete'] as const) {
    it.each(SPLITS)(`onDelete: ${onDelete}, %s: each language chat shows the note of its language, nothing posted again`, async (_, batches) => {
      const run = await startSplitRun(onDelete, 'group', parseThreads);
      try {
        await handOver(run, [applyOps(run.world, [{ op: 'write', file: EN, draft: false }, { op: 'write', file: JA, draft: false }])], false);
        const shown = () => Object.fromEntries(['all', 'en', 'ja'].map((c) => [c, run.svc.live(c).map((m) => [m.messageId, m.text.split('\n')[0]])]));
        const before = shown();
        const posts = run.svc.events.filter((e) => e.event === 'post').length;
        applyOps(run.world, [{ op: 'move', from: EN, to: 'b/swap.md' }, { op: 'move', from: JA, to: EN }, { op: 'move', from: 'b/swap.md', to: JA }]);
        await handOver(run, batches, false);
        expect(problemsOf(run)).toEqual([]);
        const [atEn, atJa] = [run.world.files.get(EN)!.title, run.world.files.get(JA)!.title];
        const id = (chat: string) => before[chat]![0]![0];
        expect(shown()).toEqual({ all: [[id('all'), atJa]], en: [[id('en'), atEn]], ja: [[id('ja'), atJa]] });
        expect(before.all![0]![1]).toBe(atJa); // `all` was sent the note now at the Japanese path, and keeps it
        expect(run.svc.events.filter((e) => e.event === 'post').length).toBe(posts);
      } finally {
        await run.svc.stop();
      }
    });
  }
});
