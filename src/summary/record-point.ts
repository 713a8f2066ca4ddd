/**
 * A record said whole: under its heading, a short record's fields make one point with their labels
 * ("Japan — Visa: not needed for 90 days; Passport: valid for the stay"). Each field alone would
 * repeat the record's name and drop the label that says what its value is ("Japan: valid for the
 * stay": valid what?). A record of long fields (sentences of their own) keeps a point a field. The
 * outline names each record by its heading, with its first field where every record's is a short key. Pure.
 */
import type { Token, Tokens } from 'marked';
import { collapseWhitespace } from '../util/text.js';
import { inlineText } from './plain.js';
import { withoutFinalStop } from './final-stop.js';
import { listJoiners } from './punctuation.js';
import { splitSentences } from './sentences.js';
import { isProse, prose, type Walk } from './walk.js';

/** Longest a record's name may be to head its point (a heading, not a sentence). */
const MAX_RECORD_NAME = 60;

/** Longest a whole record may be as one point, its name and every field: a glance, not a paragraph. */
const MAX_RECORD_CHARS = 160;

/** The fields' separator by the script the record is written in: "; ", "；", "؛ ". */
function fieldSeparator(record: string, fields: readonly string[], locale: string): string {
  const { colon, comma } = listJoiners(record, fields, locale);
  if (colon === '：') return '；';
  if (/^fr(?:$|-)/i.test(locale)) return ' ; '; // French sets a space before its semicolon, as before its colon
  return comma.startsWith('،') ? '؛ ' : '; ';
}

/**
 * The point of a record whose items are all fields of the note's records (lists.ts fieldLabels), each
 * one clause, under a heading that names it; undefined when it is none or too long to be read at a glance.
 */
export function wholeRecord(w: Walk, record: string | undefined, all: ReadonlyArray<{ text: string; name: string | undefined }>): string | undefined {
  // Where the outline shows this record's first field ("China +86"), the point says the rest, with their labels.
  const keyed = Boolean(w.recordKeys?.get(w.block));
  const items = keyed ? all.slice(1) : all;
  if (record === undefined || !isProse(record) || record.length > MAX_RECORD_NAME || items.length < 2) return undefined;
  if (!items.every(({ text, name }) => name !== undefined && w.fieldLabels.has(name.toLowerCase()) && text.startsWith(name))) return undefined;
  if (items.some(({ text }) => splitSentences(text, w.locale, 2).length > 1)) return undefined;
  // Each field's own full stop goes before the separator; the last keeps the record's.
  // A full-width colon holds its own space: "休館日：月曜日", not "休館日： 月曜日".
  const fields = items.map(({ text }, i) => (i < items.length - 1 ? withoutFinalStop(text) : text).replace(/：\s+/u, '：'));
  const text = `${record} — ${fields.join(fieldSeparator(record, fields, w.locale))}`;
  return w.spans.visibleLength(text) <= Math.min(MAX_RECORD_CHARS, w.maxPointChars) ? text : undefined;
}

/** Longest field value shown beside its record's name ("China +86"). */
const MAX_FIELD_VALUE = 24;

/**
 * A record's key: the value of the first field of the list under its heading, when the note repeats
 * that field in every record ("### China" then "**Code**: `+86`"), without its aside; '' when the
 * list is a record but its first value is no short key.
 */
function firstFieldValue(t: Token | undefined, w: Walk): string | undefined {
  if (!t || t.type !== 'list' || !w.fieldLabels.size) return undefined;
  const first = (t as Tokens.List).items[0]?.tokens[0];
  const inline = first && 'tokens' in first ? (first.tokens as Token[] | undefined) : undefined;
  const label = inline?.[0];
  if (!inline || label?.type !== 'strong') return undefined;
  if (!w.fieldLabels.has(collapseWhitespace((label as Tokens.Strong).text).replace(/[:：]$/, '').toLowerCase())) return undefined;
  const value = prose(inlineText(inline.slice(1), w.spans), w.spans)
    .replace(/^[:：]\s*/, '')
    .replace(/\s*[(（][^]*$/u, '')
    .replace(/[.。．]$/u, ''); // the field's full stop ends its field, not the outline's name
  return value && w.spans.visibleLength(value) <= MAX_FIELD_VALUE ? value : '';
}

/**
 * Each record's key by the index of its list: its first field's value where every record's is a
 * short key ("China +86, India +91"), else '' for all (a sentence beside one record and a name
 * beside the next would read as one run-on outline: "Australia free eVisitor"); the heading then names its record.
 */
export function recordKeys(blocks: readonly Token[], w: Walk): Map<number, string> {
  const keys = new Map<number, string>();
  blocks.forEach((t, i) => {
    const value = blocks[i - 1]?.type === 'heading' ? firstFieldValue(t, w) : undefined;
    if (value !== undefined) keys.set(i, value);
  });
  if ([...keys.values()].some((v) => !v)) for (const i of keys.keys()) keys.set(i, '');
  return keys;
}
