/**
 * Issue 25 item 3 (s31-mm), the route model's `besideArb` steps, each shape once: two English notes of one name in
 * different folders, then a translation beside one of them (`b/setup-ja.md`, or `b/ja/setup.md` in a language folder of
 * its own). README, Translations (src/publish/family-folder.ts, tester 34 F8): it joins the family of the note in its own
 * folder, whichever of the two was posted first; checked at rest after every step (route-model.ts World.besides).
 */
import { describe, expect, it } from 'vitest';
import { fileParseThreads } from '../helpers/inproc.js';
import { runSequence, type Op } from '../helpers/route-model.js';

const parseThreads = fileParseThreads();
const write = (file: string): Op => ({ op: 'write', file, draft: false });

describe.concurrent('model: a translation beside one of two same-named notes', () => {
  it.each([
    ['a/setup.md', 'b/setup.md', 'b/setup-ja.md', 'delete'],
    ['b/setup.md', 'a/setup.md', 'b/ja/setup.md', 'keep'],
    ['_posts/en/intro.md', 'a/intro.md', 'a/intro-ja.md', 'delete'],
  ] as const)('%s, %s, then %s (onDelete: %s): the translation is in its folder\'s family', { timeout: 60_000 }, async (first, second, translation, onDelete) => {
    const r = await runSequence([write(first), write(second), write(translation), write(second)], onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
    expect(r.besides, 'the translation taken for one written beside one of two notes of its name').toBe(1);
  });
});
