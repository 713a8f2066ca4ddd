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
 * Whether a block heads a record: a heading, or a paragraph of one bold phrase alone ("**Obsidian**"),
 * which the note reads as a heading the writer did not mark as one (README). Pure.
 */
function headsRecord(t: Token | undefined): boolean {
  if (t?.type === 'heading') return true;
  if (t?.type !== 'paragraph') return false;
  const inline = (t as Tokens.Paragraph).tokens.filter((s) => s.type !== 'br' && !(s.type === 'text' && !(s as Tokens.Text).text.trim()));
  return inline.length === 1 && inline[0]!.type === 'strong' && !FIELD_LINE.test(t.raw);
}

/** A record's field lines under its head: the paragraphs of bold-label lines right after it, one line a field or a paragraph each. */
function recordBody(blocks: readonly Token[], head: number): { labels: string[]; lines: string[]; end: number } | undefined {
  const labels: string[] = [];
  const lines: string[] = [];
  let end = head + 1;
  for (; end < blocks.length; end++) {
    const found = lineLabels(blocks[end]!);
    if (!found) break;
    labels.push(...found);
    lines.push(...(blocks[end] as Tokens.Paragraph).text.split('\n').filter((line) => line.trim()));
  }
  return labels.length ? { labels, lines, end } : undefined;
}

/**
 * The blocks with each record's field lines as one list: the paragraphs of bold-label lines right
 * under a heading or a bold line alone, when two records or more open with the same label (one
 * record alone is a note's aside). A bold line heading a record becomes a heading of its own.
 */
export function fieldLinesAsLists(written: readonly Token[]): readonly Token[] {
  const blocks = written.some(headsItsFields) ? written.flatMap((t) => (headsItsFields(t) ? headAndFields(t as Tokens.Paragraph) : [t])) : written;
  const records = new Map<number, NonNullable<ReturnType<typeof recordBody>>>();
  blocks.forEach((t, i) => {
    const body = headsRecord(t) ? recordBody(blocks, i) : undefined;
    if (body) records.set(i, body);
  });
  if (records.size < 2) return written;
  const firsts = new Map<string, number>();
  for (const { labels } of records.values()) firsts.set(labels[0]!, (firsts.get(labels[0]!) ?? 0) + 1);
  const out: Token[] = [];
  let listed = false;
  for (let i = 0; i < blocks.length; i++) {
    const record = records.get(i);
    const list = record && (firsts.get(record.labels[0]!) ?? 0) >= 2 ? asList(record.lines) : undefined;
    if (!record || !list) {
      out.push(blocks[i]!);
      continue;
    }
    out.push(asHeading(blocks[i]!), list);
    listed = true;
    i = record.end - 1;
  }
  return listed ? out : written;
}

/** A bold phrase alone on its line ("**Japan**"), not a field's label ("**Visa:** …"). */
export const BOLD_LINE = /^\s*(?:\*\*[^*\n]+\*\*|__[^_\n]+__)\s*$/u;

/** Whether a text opens as BOLD_LINE does, white space aside: its first line that is not blank may be one. */
export function opensBold(text: string): boolean {
  const start = text.trimStart();
  return start.startsWith('**') || start.startsWith('__');
}

/**
 * A paragraph whose first line is a bold phrase alone and whose other lines are all field lines
 * ("**Japan**" then "**Visa:** …", "**Passport:** …"): a record written without a blank line after its
 * name, read as the bold line heading its fields (issue 23, F3).
 */
function headsItsFields(t: Token): boolean {
  if (t.type !== 'paragraph') return false;
  const text = (t as Tokens.Paragraph).text;
  if (!opensBold(text)) return false; // most paragraphs: no line need be split off
  const lines = text.split('\n').filter((line) => line.trim());
  return lines.length >= 2 && BOLD_LINE.test(lines[0]!) && lines.slice(1).every((line) => FIELD_LINE.test(line) && !isQuestion(line.trim()));
}

/** Such a paragraph as the record's bold line and the paragraph of its fields. */
function headAndFields(p: Tokens.Paragraph): Token[] {
  const [name, ...fields] = p.text.split('\n').filter((line) => line.trim());
  return new Lexer({ gfm: true }).lex(`${name!.trim()}\n\n${fields.join('\n')}`).filter((t) => t.type === 'paragraph');
}

/** Field lines as the list of fields they are. */
function asList(lines: readonly string[]): Token | undefined {
  return new Lexer({ gfm: true }).lex(lines.map((line) => `- ${line.trim()}`).join('\n')).find((b) => b.type === 'list');
}

/** A record's head as a heading: a bold line alone stands for one (one level below the note's deepest). */
function asHeading(t: Token): Token {
  if (t.type === 'heading') return t;
  const p = t as Tokens.Paragraph;
  const strong = p.tokens.find((s) => s.type === 'strong') as Tokens.Strong;
  return { type: 'heading', raw: p.raw, depth: 6, text: strong.text, tokens: strong.tokens } satisfies Tokens.Heading;
}
