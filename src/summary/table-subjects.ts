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
 */
export function withTellingRow(names: string, rows: readonly Tokens.TableCell[][], cell: (c: Tokens.TableCell) => string, maxChars: number, length: (s: string) => number): string {
  let best: string[] | undefined;
  let distinct = 1;
  for (const row of rows) {
    const cells = row.map(cell);
    const values = cells.slice(1);
    if (!isProse(cells[0] ?? '') || values.some((v) => !v)) continue;
    const differ = new Set(values.map((v) => v.toLowerCase())).size;
    if (differ > distinct) [best, distinct] = [cells, differ];
  }
  if (!best) return names;
  const told = `${names} — ${labelled(best[0]!, best.slice(1).join(' · '))}`;
  return length(told) <= maxChars ? told : names;
}
