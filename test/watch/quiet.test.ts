/**
 * Quiet periods in poll mode (issue 25/31): over only at the end of a pass that began a quiet
 * period after the change, dated by an mtime the poll can vouch for.
 */
import { describe, expect, it } from 'vitest';
import { changeTime, PolledQuiet } from '../../src/watch/quiet.js';

describe('a poll\'s quiet periods', () => {
  it('end at the first pass that began a quiet period after the last change, not at a timer from the report', () => {
    const over: string[] = [];
    const quiet = new PolledQuiet(2000, (p) => over.push(p));
    quiet.start('a.md', 10_000);
    quiet.start('b.md', 10_250);
    quiet.passEnded(11_000); // the pass that reported them
    quiet.passEnded(12_100); // 2.1 s after a, 1.85 s after b
    expect(over).toEqual(['a.md']);
    expect(quiet.has('b.md')).toBe(true);
    expect(quiet.size).toBe(1);
    quiet.passEnded(15_100);
    expect(over).toEqual(['a.md', 'b.md']);
    expect(quiet.size).toBe(0);
  });

  it('count from the latest change a path was reported with', () => {
    const over: string[] = [];
    const quiet = new PolledQuiet(300, (p) => over.push(p));
    quiet.start('a.md', 1000);
    quiet.start('a.md', 2000);
    quiet.start('a.md', 1500); // reported again with an older date: the later change still counts
    quiet.passEnded(2200);
    expect(over).toEqual([]);
    quiet.passEnded(2300);
    expect(over).toEqual(['a.md']);
  });

  it('date a change by its mtime only between the last look and now', () => {
    const lookedFrom = 50_000;
    const now = 53_000;
    expect(changeTime(51_000, lookedFrom, now)).toBe(51_000); // written between the two passes
    expect(changeTime(now, lookedFrom, now)).toBe(now);
    // Moved or copied in with its old mtime (mv, cp -p, rsync -a): it came now, as far as the poll knows.
    expect(changeTime(1_000, lookedFrom, now)).toBe(now);
    expect(changeTime(lookedFrom, lookedFrom, now)).toBe(now); // the last look saw the state of that instant
    expect(changeTime(60_000, lookedFrom, now)).toBe(now); // a server's clock ahead of this one
  });
});
