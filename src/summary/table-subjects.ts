/**
 * A comparison whose subjects are its columns ("| | Kafka | RabbitMQ | NATS |", rows Throughput,
 * Ordering, …): named in one point with the row that best tells them apart, its values in the
 * columns' order ("Kafka, RabbitMQ, NATS — Throughput: very high · medium · high"). Each row names
 * every subject, so the names come in most of a short note's sentences and weigh nothing as terms
 * (salience.ts): the names alone were never chosen, and the note gave its last row instead (issue 23). Pure.
 */
import type { Tokens } from 'marked';
import { labelled } from './punctuation.js';
import { isProse } from './walk.js';

/**
 * `names` (the subjects compacted) with the row whose values differ most (the first of those), when
 * every value is there and the two fit in `maxChars` (`length`: characters as shown); else `names`.
 * `row`: the row it shows, which is then no point of its own (tester 21-2 F13: "Price" came twice).
 */
export function withTellingRow(names: string, rows: readonly Tokens.TableCell[][], cell: (c: Tokens.TableCell) => string, maxChars: number, length: (s: string) => number): { text: string; row?: Tokens.TableCell[] } {
  let best: { cells: string[]; row: Tokens.TableCell[] } | undefined;
  let distinct = 1;
  for (const row of rows) {
    const cells = row.map(cell);
    const values = cells.slice(1);
    if (!isProse(cells[0] ?? '') || values.some((v) => !v)) continue;
    const differ = new Set(values.map((v) => v.toLowerCase())).size;
    if (differ > distinct) [best, distinct] = [{ cells, row }, differ];
  }
  if (!best) return { text: names };
  const told = `${names} — ${labelled(best.cells[0]!, best.cells.slice(1).join(' · '))}`;
  return length(told) <= maxChars ? { text: told, row: best.row } : { text: names };
}

/** A cell's shape: its figures as one digit ("$10", "$35" → "$9"; "5 GB" → "9 GB"), a cell of words as one word. */
function shape(value: string): string {
  return /\p{N}/u.test(value) ? value.replace(/\p{N}+(?:[.,]\p{N}+)*/gu, '9') : 'w';
}

/** Share of `lines` (rows or columns of values) whose values all have one shape. */
function sameShaped(lines: readonly string[][]): number {
  return lines.length ? lines.filter((l) => new Set(l.map(shape)).size === 1).length / lines.length : 0;
}

/**
 * Whether a table's subjects are its columns whatever its corner says ("| Plan | Basic | Plus | Max |",
 * "| | Kafka | NATS |" over rows of figures): most rows hold one measure (their values alike, "$10 · $20 ·
 * $35") and every column mixes them, where a table of records holds one measure a column ("| Crate |
 * Stars | License |"); in words, a value repeated along a row and down no column (tester 21-2 F13).
 */
export function subjectsAreColumns(table: Tokens.Table, cell: (c: Tokens.TableCell) => string): boolean {
  const rows = table.rows.map((r) => r.map(cell));
  if (table.header.length < 3 || rows.length < 2 || !rows.every((r) => r.length === table.header.length && r.every((v) => v !== '') && isProse(r[0]!))) return false;
  const values = rows.map((r) => r.slice(1));
  const columns = values[0]!.map((_, k) => values.map((r) => r[k]!));
  return (sameShaped(values) > 0.5 && sameShaped(columns) === 0) || repeatsAlongRowsOnly(values, columns);
}

/**
 * Whether some row repeats a value ("Contract | monthly | yearly | yearly") and no column does: the
 * values of one measure share their words, so they repeat along it, while one subject's values, each
 * of another measure, do not. A comparison in words under a corner naming its columns ("| Plan | Basic
 * | Plus | Max |") is so told from a table of records ("| Editor | Terminal |": "yes" down a column).
 */
function repeatsAlongRowsOnly(values: readonly string[][], columns: readonly string[][]): boolean {
  const repeats = (line: readonly string[]) => new Set(line.map((v) => v.toLowerCase())).size < line.length;
  return values.some(repeats) && !columns.some(repeats);
}
