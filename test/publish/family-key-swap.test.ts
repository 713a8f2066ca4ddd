/**
 * Issue 25, the outside tester's round 13, finding 2: after a swap in one batch (`mv a.md t; mv b.md a.md;
 * mv t b.md`), the note moved to b.md was put in a family of its own (`b#b`), a false warning said two notes
 * in one language share the key, and a translation of b added later (b-ja.md) was posted as a second message
 * in the chat for every note, where without the swap the family's message is edited (README, translations).
 */
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { consoleService, idleAfter } from '../helpers/chat-shown.js';
import { fileParseThreads, type InProcessService } from '../helpers/inproc.js';
import { note as text } from '../helpers/service.js';

const running: InProcessService[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

const APPLE = text('Apple', 'Apple is about orchards and cider presses, said in a sentence long enough to sketch.', 'lang: en\n');
const BANANA = text('Banana', 'Banana is about plantations and ripening rooms, a sentence of its own entirely.', 'lang: en\n');
const BANANA_JA = text('バナナ', 'バナナは農園と追熟室の話で、それだけで一つの文になっている。', 'lang: ja\n');

/** Shared by every start here: a start then loads no parse thread again. */
const parseThreads = fileParseThreads();
const service = (onDelete: 'keep' | 'delete') => consoleService(running, onDelete, 'group', [{ chat: 'all' }, { chat: 'ja', filter: { lang: ['ja'] } }], parseThreads);

describe('notes swapped in one batch keep their own families', () => {
  for (const onDelete of ['keep', 'delete'] as const)
    it(`onDelete: ${onDelete}: each note under its own key after the swap; b's translation added later edits b's message`, { timeout: 60_000 }, async () => {
      const s = await service(onDelete);
      const at = (f: string) => path.join(s.notes, f);
      // Written in one batch, as the tester did.
      await idleAfter(s, () => (writeFileSync(at('a.md'), APPLE), writeFileSync(at('b.md'), BANANA)));
      await idleAfter(s, () => {
        renameSync(at('a.md'), at('t.tmp'));
        renameSync(at('b.md'), at('a.md'));
        renameSync(at('t.tmp'), at('b.md'));
      });
      const { store } = s.app!;
      expect([store.getNote('a')?.info.translationKey, store.getNote('b')?.info.translationKey]).toEqual(['a', 'b']);
      await idleAfter(s, () => writeFileSync(at('b-ja.md'), BANANA_JA));
      expect(s.sent('all', 'post')).toHaveLength(2);
      expect(s.live('all').map((m) => m.text.split('\n')[0]).sort()).toEqual(['Apple', 'Banana']);
      expect(s.sent('ja', 'post')).toHaveLength(1);
    });
});
