/**
 * A sentence that is labels before what a program printed ("Output: BFS: 0 1 2 3"): no point. A
 * label is a word or a few; a clause before a colon says something, and what follows it is its
 * object, a formula in inline math too ("欧拉公式把指数函数和三角函数联系在一起：$e^{i\theta}=…$。",
 * issue 23, tester round 16, F8: a CJK clause of few characters counted as a label). Pure.
 */
import type { SpanTable } from './inline.js';
import { wordCount } from './tone.js';
import { looksLikeOutput } from './walk.js';

/** Labels ending in a colon, then the rest; a colon between digits is a ratio or a time ("1:15"), no label's end. */
const LABELLED = /^(?:[^:：]{1,24}(?:(?<!\p{Nd})[:：]|[:：](?!\p{Nd}))\s*)+(.+)$/u;

/** Words the labels have at most ("Output", "DFS from node 0", "输出结果"), in any script (CJK: two characters a word). */
const LABEL_WORDS = 6;

/** Whether `s` is labels before printed output. */
export function printedAfterLabel(s: string, spans: SpanTable): boolean {
  const m = LABELLED.exec(s);
  return m !== null && wordCount(s.slice(0, s.length - m[1]!.length)) <= LABEL_WORDS && looksLikeOutput(m[1]!, spans, 1);
}
