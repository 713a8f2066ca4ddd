/** Lines of a note's front matter: where a key or a list item is written, for `file:line` errors. Pure. */
import type { Node } from 'yaml';
import { yaml } from './yaml-lazy.js';

const CLOSE = /^(---|\.\.\.)\s*$/;

/**
 * The 1-based line in the file (text with `\n` line ends) of the front matter key or list item at
 * `path` (`['notecast', 'routes', 1]`), or of the deepest part of it that is there; undefined
 * without front matter. Block and flow style alike (`routes: [a, b]` names the line they are on).
 */
export function frontMatterLine(text: string, path: readonly (string | number)[]): number | undefined {
  if (!text.startsWith('---')) return undefined;
  const lines = text.split('\n');
  const close = lines.findIndex((l, i) => i > 0 && CLOSE.test(l));
  if (close < 0) return undefined;
  const { isMap, isScalar, isSeq, LineCounter, parseDocument } = yaml();
  const counter = new LineCounter();
  const doc = parseDocument(lines.slice(1, close).join('\n'), { lineCounter: counter, uniqueKeys: false });
  let node: unknown = doc.contents;
  let offset: number | undefined;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(step));
      if (!pair) break;
      offset = (pair.key as Node | null)?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  // Line 1 of the file is the opening `---`.
  return offset === undefined ? undefined : counter.linePos(offset).line + 1;
}
