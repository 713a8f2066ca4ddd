/**
 * A note's text without its controls: what a copy is compared by (issue 25). A copy is held or kept back where a
 * message shows exactly its content, and controls (`notecast:`, the older top-level `announce:`) never change what a
 * message shows: a copy that writes only controls is still a copy of the same text, its controls changing only how
 * its own posts go. Pure.
 */
import type { Node } from 'yaml';
import { yaml } from './yaml-lazy.js';

const CLOSE = /^(---|\.\.\.)[ \t]*$/;
const CONTROL_KEYS = new Set(['notecast', 'announce']);
/** A cheap first look: most front matter writes no control, and is not parsed again for it. */
const MAY_WRITE_CONTROLS = /^["']?(notecast|announce)["']?[ \t]*:/m;

/**
 * The text with the front matter's control keys taken out, each as the whole lines it is written on; undefined when
 * it writes none (the text is its own bare text), or when its front matter is not a block mapping read cleanly (a
 * flow mapping on one line, a YAML error): then nothing is taken out.
 */
export function textWithoutControls(text: string): string | undefined {
  if (!text.startsWith('---')) return undefined;
  const lines = text.split('\n');
  const close = lines.findIndex((l, i) => i > 0 && CLOSE.test(l));
  if (close < 0) return undefined;
  const source = lines.slice(1, close).join('\n');
  if (!MAY_WRITE_CONTROLS.test(source)) return undefined;
  const { isMap, isScalar, LineCounter, parseDocument } = yaml();
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, uniqueKeys: false });
  if (doc.errors.length || !isMap(doc.contents) || doc.contents.flow) return undefined;
  const cut = new Set<number>(); // indexes into `lines` (line 0 is the opening `---`)
  for (const pair of doc.contents.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const start = keyNode?.range?.[0];
    if (!CONTROL_KEYS.has(key) || start === undefined) continue;
    const end = Math.max(start, ((pair.value as Node | null)?.range?.[1] ?? keyNode!.range![1]) - 1);
    for (let l = counter.linePos(start).line; l <= counter.linePos(end).line; l++) cut.add(l);
  }
  return cut.size ? lines.filter((_, i) => !cut.has(i)).join('\n') : undefined;
}
