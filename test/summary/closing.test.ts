/**
 * The note's last paragraph: a sign-off there is told by its form (an offer, a question, a cheer,
 * words to the reader) and weighs little; a statement there is the note's conclusion. A note
 * written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

describe('a statement in the last paragraph', () => {
  it('is a conclusion a point may give, as a sign-off is not', () => {
    const body = [
      '### Definition of Commutative',
      '',
      'In mathematics and abstract algebra, a **commutative** operation is one where swapping its two operands yields the same value as before. Formally, an operation ∘ is commutative if \\\\( a \\circ b = b \\circ a \\\\) for all a and b.',
      '',
      'Your example illustrates this with two common operations:',
      '- \\\\( a + b = b + a \\\\): This holds for **addition** (or union in set algebra), where the order of the terms does not change the sum.',
      '- \\\\( a \\cdot b = b \\cdot a \\\\): This holds for **multiplication** of numbers, which is less obvious for other structures (where order matters) but true for real numbers.',
      '',
      '#### How to Verify Commutativity',
      'To check if an operation ∘ is commutative:',
      '1. Compute \\\\( a \\circ b \\\\).',
      '2. If the result equals \\\\( b \\circ a \\\\), it commutes for that pair.',
      '3. Repeat for many pairs (e.g., random samples), but commutativity needs a proof for every pair.',
      '',
      '**Examples**:',
      '- **Set Algebra**: union and intersection are commutative operations.',
      '- **Matrices**: A product \\\\( MN \\\\) equals \\\\( NM \\\\) only in special cases (diagonal matrices).',
      '- **Strings**: Concatenation is not commutative (e.g., "ab" differs from "ba").',
      '',
      'This property is key in distributed systems (e.g., CRDT counters like G-Counter merge in any order) and algebra (commutative rings).',
    ].join('\n');
    const { note, tokens } = parseNote('_posts/2025-01-01-commutative-en.md', Buffer.from(`---\ntitle: Commutative Elements and Operations\nlang: en\n---\n${body}`), opts);
    const got = buildSummary(note, tokens).keyPoints.map(pointText);
    expect(got.join('\n')).toContain('CRDT counters');
  });
});
