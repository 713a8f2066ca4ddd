/**
 * In a script without capitals, a sentence opening with a lower-case Latin term ("npm 会…") starts
 * with its subject; after a one-line opener it is no fragment going on from that opener (issue 23,
 * item 6). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';
import { opensAsContinuation } from '../../src/summary/lower-start.js';

describe('a sentence opening with a lower-case term in an uncased script', () => {
  const cases: Array<[string, string, string, string]> = [
    ['zh', '这个很多人都问过。', 'pnpm 把所有依赖存放在一个全局仓库里，再用硬链接放进项目。', 'npm 则会在每个项目里复制一份完整的依赖。'],
    ['ja', 'これはよく聞かれます。', 'pnpm はすべての依存関係をグローバルなストアに保存し、ハードリンクでプロジェクトに置きます。', 'npm はプロジェクトごとに依存関係を丸ごとコピーします。'],
  ];
  for (const [lang, opener, first, second] of cases) {
    it(`is kept after an opener (${lang})`, () => {
      const points = pointsOf(lang, `${opener}\n\n${first}${second}\n\n${lang === 'zh' ? '磁盘占用因此小得多。' : 'そのためディスク使用量がずっと少なくなります。'}`);
      expect(points).toContain(first);
    });
  }

  it('is still a continuation in a cased script', () => {
    expect(opensAsContinuation('or: readlink -f the path')).toBe(true);
    expect(opensAsContinuation('pnpm 把所有依赖存放在全局仓库里。')).toBe(false);
  });
});
