/**
 * A name the note keeps using in prose and as code ("javac", `javac`, `javac Hello.java`) is one
 * term of the note, weighed as what it is about: its point is chosen over lists of names said once.
 * Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText, SpanTable, type KeyPoint } from '../../src/summary/inline.js';
import { inCodeOf } from '../../src/summary/code-terms.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function keyPoints(title: string, body: string): KeyPoint[] {
  const { note, tokens } = parseNote('_posts/2025-01-01-note-en.md', Buffer.from(`---\ntitle: ${title}\nlang: en\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints;
}

/** A guide whose tool, zopfli, is named in a bold label, a code span, a code block and prose. */
const GUIDE = `This guide covers the basics you need to ship a small static site with fast pages.

## Tools of the Build

Essential parts of the toolkit:
- **zopfli**: Slow compressor (makes gzip files smaller than gzip itself)
- **pngquant**: Lossy palette reducer for images
- **svgo**: Vector cleaner

## Popular Hosts

Popular hosts for static pages: Netlify, Cloudflare Pages, GitHub Pages, Vercel, Surge

## Packing Assets

- Open a terminal in the project folder
- Use \`zopfli\` to pack, \`ls -l\` to compare sizes

\`\`\`
zopfli --i15 dist/app.js
\`\`\`

## Naming

Naming Rules: Folders, Pages, Images, Scripts, Styles

## Checklist

Before you publish, make sure you can: Explain what CDN, TLS, DNS and HTTP caching are, Build the site from a clean folder, Pack every asset from the command line
`;

describe('a term the note uses in prose and as code', () => {
  it('is shown as code by the point that uses it, not only as a name in a list', () => {
    const got = keyPoints('Static Site Shipping Study Guide', GUIDE);
    const shown = got.map(pointText).join('\n');
    // Every point is still prose: the code block itself is never one.
    expect(shown).not.toContain('--i15');
    expect(got.some((p) => p.some((run) => run.style === 'code' && run.text === 'zopfli')), shown).toBe(true);
  });
});

describe('the identifiers of a note\'s code blocks', () => {
  it('are their parts, without the blocks shown as the span of the sentence leading into them', () => {
    const spans = new SpanTable();
    spans.add({ text: 'jobs', style: 'code' }); // "List them: `jobs`", from the block "jobs"
    spans.add({ text: 'now', style: 'code' });
    const { blocks } = inCodeOf(['jobs\n', 'stamp = datetime.datetime.now()\nzopfli --i15 app.js'], spans);
    expect([...blocks].sort()).toEqual(['app', 'datetime', 'i15', 'js', 'now', 'stamp', 'zopfli']);
  });
});
