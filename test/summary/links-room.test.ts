import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';

// Links give way to points only as far as the points need the room (issue 23: a reader wants what the
// note says first; where else to read comes back into whatever room the points leave).
const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function summaryOf(body: string) {
  const { note, tokens } = parseNote('_posts/2026-04-01-room-en.md', Buffer.from(`---\ntitle: Room\nlang: en\n---\n\n${body}\n`), opts);
  return buildSummary(note, tokens);
}

const linkList = (n: number, titleChars: number) =>
  Array.from({ length: n }, (_, i) => `- [${`Reference ${i + 1} `.padEnd(titleChars, 'x')}](https://ref${i}.example/page)`).join('\n');

describe('the room between points and links', () => {
  it('keeps every link when the points are short and leave room for them', () => {
    const body = `Caching stores results near the reader.\n\nEviction drops the least recently used entry.\n\n## Sources\n\n${linkList(5, 70)}`;
    const s = summaryOf(body);
    expect(s.keyPoints.length).toBeGreaterThan(0);
    expect(s.links.length).toBe(5);
  });
});
