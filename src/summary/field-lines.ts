/**
 * Records written as bold-label lines ("### Japan" then "**Visa:** …" and "**Passport:** …" on lines
 * of one paragraph) are the same records as those written as list items ("- **Visa:** …"): read as
 * such a list, they are named and said as a list of fields is (lists.ts fieldLabels, addItem), never
 * as the turns of a dialogue whose speakers would be "Visa" and "Passport". Decided from the note's
 * form alone: a heading per record, the same first label under each, no line asking. Pure.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { collapseWhitespace } from '../util/text.js';
import { isQuestion } from './tone.js';

/** A line opening with a bold label and its colon, inside or after the bold: "**Visa:** …", "__Visa__: …". */
const FIELD_LINE = /^\s*(?:\*\*|__)([^*_\n]{1,40}?)(?:[:：]\s*(?:\*\*|__)|(?:\*\*|__)\s*[:：])\s*\S/u;

/** The labels a paragraph's lines open with, when every line opens with one and none asks; else undefined. */
function lineLabels(t: Token): string[] | undefined {
  if (t.type !== 'paragraph') return undefined;
  const lines = (t as Tokens.Paragraph).text.split('\n').filter((line) => line.trim());
  const labels: string[] = [];
  for (const line of lines) {
    const label = FIELD_LINE.exec(line)?.[1];
    if (label === undefined || isQuestion(line.trim())) return undefined;
    labels.push(collapseWhitespace(label).toLowerCase());
  }
  return labels.length ? labels : undefined;
}

/**
 * The blocks with each record's field lines as a list: a paragraph of bold-label lines right under
 * a heading, when two records or more open with the same label (one record alone is a note's aside).
 */
export function fieldLinesAsLists(blocks: readonly Token[]): readonly Token[] {
  const records = new Map<number, string[]>();
  blocks.forEach((t, i) => {
    const labels = blocks[i - 1]?.type === 'heading' ? lineLabels(t) : undefined;
    if (labels) records.set(i, labels);
  });
  if (records.size < 2) return blocks;
  const firsts = new Map<string, number>();
  for (const labels of records.values()) firsts.set(labels[0]!, (firsts.get(labels[0]!) ?? 0) + 1);
  return blocks.map((t, i) => {
    const labels = records.get(i);
    if (!labels || (firsts.get(labels[0]!) ?? 0) < 2) return t;
    const lines = (t as Tokens.Paragraph).text.split('\n').filter((line) => line.trim());
    const list = new Lexer({ gfm: true }).lex(lines.map((line) => `- ${line.trim()}`).join('\n')).find((b) => b.type === 'list');
    return list ?? t;
  });
}
