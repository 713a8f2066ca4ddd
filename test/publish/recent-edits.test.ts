/** recent-edits.ts: an edit in place is remembered for the removal window, and forgotten after it. */
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { RecentEdits, removalWindowMs } from '../../src/publish/recent-edits.js';

const before = (hash: string) => ({ id: 'intro', hash, state: 'published' as const, hasError: false, seen: null });

describe('RecentEdits', () => {
  it('keeps each path edited within the window, its newest edit only, and forgets it once the window is over', () => {
    let now = 1000;
    const edits = new RecentEdits(200, () => now);
    edits.remember('intro.md', before('h1'), 'h2');
    now = 1150;
    edits.remember('setup.md', before('s1'), 's2');
    now = 1250;
    edits.remember('intro.md', before('h2'), 'h3'); // edited again: its window starts over
    expect(edits.edited().map((e) => [e.rel, e.before.hash, e.hash])).toEqual([['setup.md', 's1', 's2'], ['intro.md', 'h2', 'h3']]);
    now = 1300;
    edits.remember('setup.md', before('s1'), 's2'); // the same edit decided again: its window is not extended
    now = 1360;
    expect(edits.edited().map((e) => e.rel)).toEqual(['intro.md']);
    now = 1450;
    expect(edits.edited()).toEqual([]);
  });
  it('the window is the removals\': the digest window, at least three quiet periods', () => {
    expect(removalWindowMs(configSchema.parse({ publish: { digest: { windowMs: 3000 } }, watch: { quietMs: 2000 } }))).toBe(6000);
  });
});
