/**
 * A list item too long for one point, with no label of its own, offers its later sentences too (one
 * of its sentences at most is shown): only its first was offered, so what its later sentences name
 * (the type a JSON array maps to, `Vec<u8>`) was never a point. A note written for this test. Issue 23.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { collectCandidates } from '../../src/summary/candidates.js';
import { pointText, SpanTable } from '../../src/summary/inline.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

const BODY = `Serde refuses to read a base64 string into a byte field of a Rust struct.

### Why it fails
- Serde reads each field by the type the struct declares for it and by nothing else in the input. A JSON string is text, which Serde maps to \`String\` or \`&str\`, never to \`Vec<u8>\`, whose JSON form is an array of numbers from zero to 255.
- Serde never guesses an encoding, so base64 text stays text for it however it looks.

### How to fix it
- Declare the field as \`Vec<u8>\` and decode it with a \`deserialize_with\` function of your own.
- Or keep a \`String\` field and decode it after reading.
`;

function parsed() {
  return parseNote('_posts/2025-01-01-serde-bytes-en.md', Buffer.from(`---\ntitle: Serde base64 bytes\nlang: en\n---\n${BODY}`), opts);
}

describe("a long list item's later sentences", () => {
  it('are offered, one of the item at most', () => {
    const { note, tokens } = parsed();
    const spans = new SpanTable();
    const { candidates } = collectCandidates(tokens, note.locale, spans, 200);
    const items = candidates.filter((c) => c.kind === 'item');
    const starting = (words: string) => items.find((c) => pointText(spans.expand(c.text)).startsWith(words));
    const later = starting('A JSON string is text');
    expect(later).toBeDefined();
    const first = starting('Serde reads each field');
    expect(first?.group).toBeDefined();
    expect(later!.group).toBe(first!.group);
  });

  it('name what only they say', () => {
    const { note, tokens } = parsed();
    const points = buildSummary(note, tokens).keyPoints.map(pointText);
    expect(points.some((p) => p.startsWith('A JSON string is text'))).toBe(true);
  });
});
