/**
 * The `<summary>` of an HTML `<details>` block is a label over what it folds, as a heading is over its
 * section: it is parted from the text, not run into its first sentence with no stop between
 * (issue 23, the tester's round 15-2). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

describe('a details block with a summary label', () => {
  it('does not join the label to the text it folds (en)', () => {
    const body = 'Git keeps every commit as a snapshot of the whole tree, not as a list of changes.\n\n<details><summary>How rebasing rewrites history</summary>\nRebasing replays each commit on a new base and gives every replayed commit a new hash.\n</details>\n\nA merge keeps both histories and records where they joined.';
    const points = pointsOf('en', body);
    expect(points.some((p) => p.startsWith('Rebasing replays each commit'))).toBe(true);
    expect(points.filter((p) => p.includes('rewrites history'))).toEqual([]);
  });

  it('does not join the label to the text it folds (zh)', () => {
    const body = 'Git 把每次提交保存为整个目录树的快照，而不是一串改动。\n\n<details><summary>变基如何改写历史</summary>\n变基会把每个提交重新应用到新的基点上，并给每个提交一个新的哈希值。\n</details>\n\n合并保留两条历史，并记录它们汇合的位置。';
    const points = pointsOf('zh', body);
    expect(points.filter((p) => p.includes('改写历史'))).toEqual([]);
    expect(points.some((p) => p.startsWith('变基会把每个提交'))).toBe(true);
  });
});
