import { describe, expect, it } from 'vitest';
import { texToText } from '../../src/summary/tex.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {} } };

// Shrunk by fast-check (test/reliability/properties.test.ts, seed 1901675773, CI on 62b2398): a dollar pair around
// text that is no formula, holding Markdown's image opener, was read as math and shown as "% ![ Posuere.".
describe('a dollar pair around an image opener', () => {
  it('is no readable TeX', () => {
    expect(texToText('% ![').readable).toBe(false);
    expect(texToText('n! [a, b]').readable).toBe(true);
  });

  it('leaves no image opener in a key point', () => {
    const parsed = parseNote('p.md', Buffer.from('---\ntitle: T\n---\n$% ![$ Posuere.\n'), opts);
    const points = buildSummary(parsed.note, parsed.tokens).keyPoints.map(pointText);
    for (const p of points) expect(p).not.toContain('![');
  });
});
