/**
 * The platform model's chat check (test/helpers/platform-model.ts chatViolations) where a post met no answer and the
 * log said it may show twice: README promises at most one extra message per such post, so two copies of a title pass
 * and three fail. It de-duplicated titles there before, which let any number of copies through (s32-lp REPORT item 3).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chatViolations, PlatformWorld, S_ID } from '../helpers/platform-model.js';
import { tempFolder } from '../helpers/temp-folder.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function worldWithOneNote(): { world: PlatformWorld; title: string } {
  const dir = tempFolder('notecast-model-check-');
  dirs.push(dir);
  const world = new PlatformWorld(dir, 'keep');
  world.apply({ op: 'save', note: 0, draft: false });
  return { world, title: world.notes[0]!.title };
}

/** S shows `copies` messages of the note's post; the check's findings about S. */
function findingsInS(copies: number, uncertain: boolean): string[] {
  const { world, title } = worldWithOneNote();
  const read = (id: number | string) => (id === S_ID ? Array.from({ length: copies }, (_, i) => ({ messageId: i + 1, text: `${title}\nAbout it.` })) : []);
  return chatViolations(read, world, new Set(uncertain ? [S_ID] : [])).filter((v) => v.startsWith(`S (${S_ID})`));
}

describe("the platform model's check of a chat where a post met no answer", () => {
  it('passes one and two copies of the post there', () => {
    expect(findingsInS(1, true)).toEqual([]);
    expect(findingsInS(2, true)).toEqual([]);
  });

  it('fails three copies of the post there', () => {
    expect(findingsInS(3, true)).toEqual([expect.stringMatching(/shown 3 times, more than one extra message/)]);
  });

  it('fails two copies where no post met no answer', () => {
    expect(findingsInS(2, false)).toEqual(expect.arrayContaining([expect.stringMatching(/posted 2 times/)]));
  });
});
