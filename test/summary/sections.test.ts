/**
 * The outline of a note of sections (its headings in one point) only where the headings carry names:
 * "Key Concepts", "Why This Happens", "Advantages and Limitations" name kinds of section, and a point
 * of them tells a reader nothing of the note. Notes written for these tests.
 */
import { marked, type Token } from 'marked';
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';
import { namesItsSection } from '../../src/summary/sections.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(body: string, lang = 'en'): string[] {
  const { note, tokens } = parseNote(`_posts/2025-01-01-note-${lang}.md`, Buffer.from(`---\ntitle: Rope climbing knots\nlang: ${lang}\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

/** A guide whose headings are kinds of section, each over text that never says them again. */
const KINDS_OF_SECTION = [
  'A figure-eight follow-through ties a climber into the harness and is checked by the partner before every climb.',
  '',
  '## Key Concepts',
  '',
  '- **Dressing**: the strands of the figure-eight lie parallel, never crossed, so the knot holds its strength.',
  '- **Tail length**: a tail of at least a fist’s width is left after the follow-through.',
  '',
  '## Why This Happens',
  '',
  'A crossed strand loads the rope around a tighter bend, and a tight bend weakens nylon fibres.',
  '',
  '## Advantages and Limitations',
  '',
  'The figure-eight is easy to inspect at a glance; after a hard fall it can jam and be slow to untie.',
].join('\n');

/** The same guide with headings that name what their sections speak of. */
const NAMED_SECTIONS = KINDS_OF_SECTION.replace('## Key Concepts', '## Dressing and tail length')
  .replace('## Why This Happens', '## Crossed strands')
  .replace('## Advantages and Limitations', '## Inspecting and untying the figure-eight');

describe('the outline of a note of sections', () => {
  it('is no point when its headings only name kinds of section', () => {
    const got = points(KINDS_OF_SECTION);
    expect(got.some((p) => p.includes('Key Concepts, Why This Happens'))).toBe(false);
    expect(got.length).toBeGreaterThan(1);
  });

  it('is a point when its headings name what their sections say', () => {
    expect(points(NAMED_SECTIONS)).toContain('Dressing and tail length, Crossed strands, Inspecting and untying the figure-eight');
  });
});

describe('whether a heading names its section', () => {
  const blocks = (md: string) => marked.lexer(md).filter((t: Token) => t.type !== 'space');

  it('by a word of it (its first letters) in the section’s text, up to the next heading of its level', () => {
    const b = blocks('## Formatting dates\n\nUse strftime to format a date.\n\n## Parsing\n\nstrptime reads one.');
    expect(namesItsSection('Formatting dates', b, 0, 2)).toBe(true);
    expect(namesItsSection('Parsing', b, 2, 2)).toBe(false);
  });

  it('by a pair of CJK characters in the section’s text', () => {
    const b = blocks('## 温度的影响\n\n温暖空气能容纳更多水蒸气。\n\n## 核心要点\n\n湿度越高越闷热。');
    expect(namesItsSection('温度的影响', b, 0, 2)).toBe(false);
    expect(namesItsSection('空气与水', b, 0, 2)).toBe(true);
  });
});
