/**
 * A clause before a colon is no label before printed output: a Chinese or Japanese sentence saying
 * something, then "：" and a formula in inline math, stays a point, as it does in English (issue 23,
 * tester round 16, F8: a clause of few characters counted as a label and the note's first sentence
 * was dropped). A short label before what a program printed still is no point.
 * Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

describe('a clause before a colon and inline math', () => {
  it.each([
    ['zh', '勾股定理描述了直角三角形三条边的关系：$a^2 + b^2 = c^2$。斜边总是三条边中最长的一条。', '勾股定理描述了直角三角形三条边的关系'],
    ['zh-Hant', '勾股定理描述了直角三角形三條邊的關係：$a^2 + b^2 = c^2$。斜邊總是三條邊中最長的一條。', '勾股定理描述了直角三角形三條邊的關係'],
    ['ja', '三平方の定理は直角三角形の三辺の関係を表します：$a^2 + b^2 = c^2$。斜辺はいつも一番長い辺です。', '三平方の定理は直角三角形の三辺の関係を表します'],
  ])('keeps the sentence, its formula read as text (%s)', (lang, body, said) => {
    const points = pointsOfNote(lang, body);
    expect(points.some((p) => p.startsWith(said) && p.includes('a² + b² = c²'))).toBe(true);
  });

  it('a short label before printed output is still no point (zh)', () => {
    const points = pointsOfNote('zh', '广度优先搜索按层访问图中的每个节点。\n\n输出：0 1 2 3 4 5');
    expect(points.some((p) => p.includes('0 1 2 3'))).toBe(false);
    expect(points.some((p) => p.includes('广度优先搜索'))).toBe(true);
  });
});
