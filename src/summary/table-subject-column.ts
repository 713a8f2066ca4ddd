/**
 * The column of a table that names its rows: the one whose values are names, each another, not
 * places in a ranking nor a category the rows share. "| Rank | Language | Trend |" is named by its
 * languages, not by "up, flat, down, down" (a value repeated down the column sorts the rows, it
 * names none), nor by its ranks; "| Command | What it does |" by its commands in code, not by what
 * they do (tester 23-2 F2, F3). Pure.
 */
import type { Tokens } from 'marked';
import { isProse, MAX_NAME } from './walk.js';

/**
 * Whether a cell can name a row: words, a command or identifier in code, or a name of one letter with
 * no figure ("C", "C#", "R"); not a figure ("3.2 s" has its words, but "Q1", "42" have only a place).
 */
function namesSomething(value: string, isCode: (s: string) => boolean): boolean {
  if (value.length > MAX_NAME) return false;
  return isProse(value) || isCode(value) || (/\p{L}/u.test(value) && !/\p{N}/u.test(value));
}

/**
 * Whether a column counts its rows ("1, 2, 3", "1st, 2nd", "第1名, 第2名", "10, 9, 8"): each value holds
 * one number, one more (or one less) than the row's above it. A place in the ranking, not a name,
 * whatever the language writes around the figure.
 */
function countsRows(values: readonly string[]): boolean {
  const numbers = values.map((v) => v.match(/\p{N}+/gu));
  if (!numbers.every((n) => n?.length === 1)) return false;
  const steps = numbers.slice(1).map((n, i) => Number(n![0]) - Number(numbers[i]![0]));
  return steps.length > 0 && (steps.every((s) => s === 1) || steps.every((s) => s === -1));
}

function isDistinct(values: readonly string[]): boolean {
  return new Set(values.map((v) => v.toLowerCase())).size === values.length;
}

/**
 * The subject column's header and values: the first column of names whose values are all different,
 * else the first column of names (every column repeats some value); none when no column names things.
 */
export function subjectColumn(table: Tokens.Table, cell: (c: Tokens.TableCell) => string, isCode: (s: string) => boolean): { header: string; values: string[] } {
  const named: number[] = [];
  const columns = table.header.map((_, col) => table.rows.map((r) => { const c = r[col]; return c ? cell(c) : ''; }).filter((v) => v));
  for (const [col, values] of columns.entries()) {
    if (values.length >= 2 && values.filter((v) => namesSomething(v, isCode)).length >= values.length * 0.7 && !countsRows(values)) named.push(col);
  }
  const col = named.find((k) => isDistinct(columns[k]!)) ?? named[0];
  if (col === undefined) return { header: '', values: [] };
  const head = table.header[col];
  return { header: head ? cell(head) : '', values: columns[col]! };
}
