/**
 * A change of a note's controls alone (`notecast: {routes, silent}`) never edits a message already sent
 * (README: "Controls never delete a message already sent, nor edit it for a change of controls alone";
 * issue 25, tester 22 F3: each such save sent an edit with byte-identical text to every chat that had the
 * note, an unneeded call on the real platforms). A chat the note goes to only now still gets it posted.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { idleAfter } from '../helpers/chat-shown.js';
import { fileParseThreads, InProcessService } from '../helpers/inproc.js';
import { note as text } from '../helpers/service.js';

const running: InProcessService[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});
const parseThreads = fileParseThreads();

const BODY = 'Alpha is about apples and pears, said in a sentence long enough to sketch.';
const alpha = (controls: string) => text('Alpha', BODY, `lang: en\nnotecast:\n${controls}`);

describe('a change of controls alone edits no message', () => {
  for (const translations of ['group', 'separate'] as const) {
    it(`routes widened, then silent set (${translations})`, { timeout: 60_000 }, async () => {
      const s = InProcessService.sandbox(
        {
          watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
          publish: { translations: { mode: translations, graceMs: 0 }, digest: { windowMs: 300 } },
          routes: [
            { platform: 'console', name: 'all', chat: 'all' },
            { platform: 'console', name: 'en', chat: 'en', filter: { lang: ['en'] } },
          ],
        },
        { parseThreads },
      );
      running.push(s);
      await s.start();
      const file = path.join(s.notes, 'a.md');
      await idleAfter(s, () => writeFileSync(file, alpha('  routes: [all]\n')));
      expect(s.sent('all', 'post')).toHaveLength(1);
      expect(s.sent('en')).toHaveLength(0);
      await idleAfter(s, () => writeFileSync(file, alpha('  routes: [all, en]\n')));
      expect(s.sent('en', 'post')).toHaveLength(1); // a chat it goes to only now gets it
      await idleAfter(s, () => writeFileSync(file, alpha('  routes: [all, en]\n  silent: true\n')));
      // No edit anywhere: the text each chat shows is what it was sent.
      expect(s.sent('all', 'edit')).toEqual([]);
      expect(s.sent('en', 'edit')).toEqual([]);
      expect(s.live('all').map((m) => m.noteId)).toEqual(['a']);
    });
  }
});
