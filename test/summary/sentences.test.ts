/** Sentences of a paragraph with code spans in it (placeholders, see inline.ts). */
import { describe, expect, it } from 'vitest';
import { SpanTable } from '../../src/summary/inline.js';
import { splitSentences } from '../../src/summary/sentences.js';

describe('a sentence that opens with a code span after a full stop', () => {
  const spans = new SpanTable();
  const cmp = spans.add({ text: 'cmp', style: 'code' });
  const test = spans.add({ text: 'test', style: 'code' });

  it('is a sentence of its own, though the word after the span is in lower case', () => {
    const text = `Both ${cmp} and ${test} set flags, but they work differently. ${cmp} performs a subtraction. ${test} performs an AND.`;
    expect(splitSentences(text, 'en')).toEqual([`Both ${cmp} and ${test} set flags, but they work differently.`, `${cmp} performs a subtraction.`, `${test} performs an AND.`]);
  });

  it('after an abbreviation goes on with it ("e.g. `cmp`")', () => {
    const text = `Flags are set by a compare, e.g. ${cmp} with two registers. Then a jump reads them.`;
    expect(splitSentences(text, 'en')).toEqual([`Flags are set by a compare, e.g. ${cmp} with two registers.`, 'Then a jump reads them.']);
  });
});
