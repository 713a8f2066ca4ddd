/**
 * Issue 25 (tester 17-1, rot.sh 3 0): a rotation of three announced notes (a→b, b→c, c→a, unedited) saved as
 * three saves further apart than the removal window (`publish.digest.windowMs`), each decided on its own.
 * Save 1 leaves b.md with exactly a's content: b's note is taken as removed (copied over) and b.md kept back
 * as a's copy. Save 2 writes b's old content over c.md; save 3 c's old content over a.md.
 * The invariant: a note is posted once, and each message ends showing the note at its path: the three notes
 * moved, each message follows its note (a's to b.md, b's to c.md, c's to a.md), nothing posted again.
 * Before the fix: c's message was edited to b's text, b's message left showing b at b.md, and c posted twice.
 * With `onDelete: delete` (issue 25): c's note removed (its message deleted), Bravo back announced again, then
 * Charlie: 5 posts, each message showing its own note, as README says a note that comes back is under `delete`
 * (kept as it.fails on e25s's branch; passes since main's kept-copies fixes were merged into it).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { consoleServiceOf, idleAfter, shown, writtenOneByOne } from '../helpers/chat-shown.js';
import { fileParseThreads } from '../helpers/inproc.js';
import { note as text } from '../helpers/service.js';

const ALPHA = text('Alpha', 'Alpha is about apples and pears, said in a sentence long enough to sketch.');
const BRAVO = text('Bravo', 'Bravo is about bananas and berries, a sentence of its own entirely.');
const CHARLIE = text('Charlie', 'Charlie talks of clocks, gears and springs: nothing the others said.');

const parseThreads = fileParseThreads();
const service = (t: TestContext, translations: 'group' | 'separate', onDelete: 'keep' | 'delete' = 'keep') => consoleServiceOf(t, parseThreads, onDelete, translations);

describe.concurrent('a rotation saved one file at a time, each save past the removal window', () => {
  for (const translations of ['group', 'separate'] as const) {
    it(`onDelete keep (${translations}): each message follows its note, nothing posted again`, { timeout: 90_000 }, async (t) => {
      const s = await service(t, translations);
      await writtenOneByOne(s, { 'a.md': ALPHA, 'b.md': BRAVO, 'c.md': CHARLIE });
      const ids = Object.fromEntries(s.live('all').map((m) => [m.text.split('\n')[0], m.messageId]));
      for (const [file, body] of [['b.md', ALPHA], ['c.md', BRAVO], ['a.md', CHARLIE]] as const) {
        await idleAfter(s, () => writeFileSync(path.join(s.notes, file), body));
      }
      expect(shown(s, true)).toEqual({ posts: 3, live: ['a: Charlie', 'b: Alpha', 'c: Bravo'] });
      // Each message still shows the note it was posted for.
      expect(Object.fromEntries(s.live('all').map((m) => [m.text.split('\n')[0], m.messageId]))).toEqual(ids);
    });
    // Issue 25 (s26-h25): each save also writes controls (`notecast:`), which never change what a message shows: the
    // same rotation. The saves that give a file a removed note's content (c.md, a.md) were compared by bytes with the
    // kept deleted notes (kept-copies.ts isCopyOver), so they were edits of the note there (c's message edited into
    // Bravo beside Bravo's kept one). Failed on main 7974eb0.
    it(`onDelete keep (${translations}), each save writing controls too: each message follows its note, nothing posted again`, { timeout: 90_000 }, async (t) => {
      const s = await service(t, translations);
      await writtenOneByOne(s, { 'a.md': ALPHA, 'b.md': BRAVO, 'c.md': CHARLIE });
      const ids = Object.fromEntries(s.live('all').map((m) => [m.text.split('\n')[0], m.messageId]));
      const withControls = (body: string) => body.replace(/^---\n/, '---\nnotecast: {silent: true}\n');
      for (const [file, body] of [['b.md', ALPHA], ['c.md', BRAVO], ['a.md', CHARLIE]] as const) {
        await idleAfter(s, () => writeFileSync(path.join(s.notes, file), withControls(body)));
      }
      expect(shown(s, true)).toEqual({ posts: 3, live: ['a: Charlie', 'b: Alpha', 'c: Bravo'] });
      expect(Object.fromEntries(s.live('all').map((m) => [m.text.split('\n')[0], m.messageId]))).toEqual(ids);
    });
    it(`onDelete delete (${translations}): no message comes to show another note; a note back is announced again`, { timeout: 90_000 }, async (t) => {
      const s = await service(t, translations, 'delete');
      await writtenOneByOne(s, { 'a.md': ALPHA, 'b.md': BRAVO, 'c.md': CHARLIE });
      const alpha = s.live('all').find((m) => m.text.startsWith('Alpha'))!.messageId;
      for (const [file, body] of [['b.md', ALPHA], ['c.md', BRAVO], ['a.md', CHARLIE]] as const) {
        await idleAfter(s, () => writeFileSync(path.join(s.notes, file), body));
      }
      // b's and c's notes were removed (their messages deleted) and came back at c.md and a.md: announced again (README, Deletes).
      expect(shown(s, true)).toEqual({ posts: 5, live: ['a: Charlie', 'b: Alpha', 'c: Bravo'] });
      // Each live message shows the note it was posted for; a's follows it to b.md.
      const postedAs = new Map(s.events.filter((e) => e.event === 'post').map((e) => [e.messageId, e.text.split('\n')[0]]));
      expect(s.live('all').map((m) => [m.text.split('\n')[0], postedAs.get(m.messageId)])).toEqual(s.live('all').map((m) => [m.text.split('\n')[0], m.text.split('\n')[0]]));
      expect(s.live('all').find((m) => m.text.startsWith('Alpha'))?.messageId).toBe(alpha);
    });
  }
});
