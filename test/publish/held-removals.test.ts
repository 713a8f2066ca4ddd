/** The removal guard's judgement (publish/held-removals.ts), pure: what is applied, what stays held, and since when. */
import { describe, expect, it } from 'vitest';
import { heldRemovalsReport, judgeRemovals, type HeldRemoval } from '../../src/publish/held-removals.js';

const files = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}.md`);
const judge = (removals: string[], before: HeldRemoval[], accepted: string[] = [], stillGone: (file: string) => boolean = () => true) => judgeRemovals(removals, before, { threshold: 3, now: 2000, accepted: new Set(accepted), stillGone });

describe('judgeRemovals', () => {
  it('applies removals up to the threshold, holds a burst over it', () => {
    expect(judge(files('a', 3), [])).toEqual({ apply: files('a', 3), held: [], fresh: 0 });
    expect(judge(files('a', 4), [])).toEqual({ apply: [], held: files('a', 4).map((file) => ({ file, since: 2000 })), fresh: 4 });
  });

  it('judges the removals new since a burst held earlier on their own; the earlier ones stay held with their time', () => {
    const before = files('a', 4).map((file) => ({ file, since: 1000 }));
    expect(judge([...files('a', 4), 'b.md'], before)).toEqual({ apply: ['b.md'], held: before, fresh: 0 });
    const burst = judge([...files('a', 4), ...files('c', 4)], before); // a new burst is held with them
    expect(burst.apply).toEqual([]);
    expect(burst.held).toEqual([...before, ...files('c', 4).map((file) => ({ file, since: 2000 }))]);
    expect(burst.fresh).toBe(4);
  });

  it('keeps a held removal not seen in this window while its file is gone, and forgets it once back', () => {
    const before = [{ file: 'gone.md', since: 1000 }, { file: 'back.md', since: 1000 }];
    expect(judge(['x.md'], before, [], (f: string) => f === 'gone.md').held).toEqual([{ file: 'gone.md', since: 1000 }]);
  });

  it('applies the accepted ones whatever their number, and only them', () => {
    const before = files('a', 5).map((file) => ({ file, since: 1000 }));
    const r = judge([...files('a', 5), ...files('c', 4)], before, files('a', 5));
    expect(r.apply).toEqual(files('a', 5));
    expect(r.held.map((h) => h.file)).toEqual(files('c', 4));
  });
});

describe('heldRemovalsReport', () => {
  it('says how many, which first, since when and how many were held before the run', () => {
    const held = [...files('a', 6).map((file) => ({ file, since: 1000 })), { file: 'z.md', since: 5000 }];
    expect(heldRemovalsReport(held, 3000)).toMatchObject({ count: 7, earlier: 6, sample: files('a', 5), since: new Date(1000).toISOString() });
    expect(heldRemovalsReport([])).toBeNull();
  });
});
