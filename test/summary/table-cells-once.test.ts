/**
 * A table's cells are read once each while its candidates are collected (issue 23's speed: a cell's inline text was
 * taken two to four times, by the subject column, the header's and the rows' checks and the rows' points, each time
 * through the inline reader and `prose`). Counted as reads of each cell's inline tokens, a count of work, not a time.
 */
import { Lexer, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { collectCandidates } from '../../src/summary/candidates.js';
import { SpanTable } from '../../src/summary/inline.js';

/** The table's cells, each with its `tokens` read counted. */
function countedCells(table: Tokens.Table): Map<Tokens.TableCell, number> {
  const reads = new Map<Tokens.TableCell, number>();
  for (const cell of [...table.header, ...table.rows.flat()]) {
    const tokens = cell.tokens;
    reads.set(cell, 0);
    Object.defineProperty(cell, 'tokens', { get: () => (reads.set(cell, reads.get(cell)! + 1), tokens) });
  }
  return reads;
}

/** The most reads of any one cell of the note's table when its candidates are collected, and the candidates' texts. */
function readsOf(markdown: string): { most: number; texts: string[] } {
  const tokens = new Lexer({ gfm: true }).lex(markdown);
  const reads = countedCells(tokens.find((t) => t.type === 'table') as Tokens.Table);
  const spans = new SpanTable();
  const texts = collectCandidates(tokens, 'en', spans, 200).candidates.map((c) => spans.expand(c.text).map((r) => r.text).join(''));
  return { most: Math.max(...reads.values()), texts };
}

const COMPARISON = `Three brokers, compared by what an operator meets first.

| Feature | Kafka | RabbitMQ | NATS |
| --- | --- | --- | --- |
| Ordering | per partition | per queue | per subject |
| Delivery | at least once | at least once | at most once by default |
| Storage | a log on \`disk\` | queues in memory | memory or a stream |
`;

const RANKING = `The projects most starred this year.

| Project | Stars | Language |
| --- | --- | --- |
| Deno | 98k | Rust |
| Bun | 74k | Zig |
| Vite | 68k | TypeScript |
| Astro | 46k | TypeScript |
| Total | 286k | |
`;

describe("a table's cells", () => {
  it.each([
    ['a comparison in words, its subjects in the header', COMPARISON],
    ['a ranking with a row of totals, its subjects in a column', RANKING],
  ])('are each read once: %s', (_, markdown) => {
    const { most, texts } = readsOf(markdown);
    expect(texts.length).toBeGreaterThan(1); // the table gave its points: its cells were read
    expect(most).toBe(1);
  });
});
