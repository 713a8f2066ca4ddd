/** The author's own summary (description, excerpt, Jekyll's excerpt_separator) as a note's first key point. */
import { describe, expect, it } from 'vitest';
import { NoteError } from '../../src/errors.js';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';
import type { SiteConfig } from '../../src/notes/url.js';

const SITE: SiteConfig = { url: '', baseurl: '', permalink: 'date', collections: {} };

function summarise(text: string, site: SiteConfig = SITE) {
  const read: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site };
  const { note, tokens } = parseNote('n.md', Buffer.from(text), read);
  return buildSummary(note, tokens);
}

const points = (text: string, site?: SiteConfig) => summarise(text, site).keyPoints.map(pointText);

const EXCERPTED = 'First excerpt sentence. Second excerpt sentence.\n\n<!--more-->\n\nThe body goes on about Kafka streams and partitions. Consumers read partitions in order.\n';

describe("the author's excerpt", () => {
  it("a site-wide excerpt_separator (_config.yml) cuts the excerpt as Jekyll does; the page's own wins", () => {
    const site = { ...SITE, excerpt_separator: '<!--more-->' } as SiteConfig;
    expect(points(`---\ntitle: T\n---\n${EXCERPTED}`, site)[0]).toBe('First excerpt sentence. Second excerpt sentence.');
    // The page's own separator overrides the site's; an empty one turns excerpts off (Document#excerpt_separator).
    const own = points(`---\ntitle: T\nexcerpt_separator: "<!--cut-->"\n---\nOwn lead here.\n\n<!--cut-->\n\n${EXCERPTED}`, site);
    expect(own[0]).toBe('Own lead here.');
    const off = points(`---\ntitle: T\nexcerpt_separator: ""\n---\n${EXCERPTED}`, site);
    expect(off[0]).toBe('First excerpt sentence.');
    // Without a separator anywhere, Jekyll's implicit first paragraph is not taken as the author's summary.
    expect(points(`---\ntitle: T\n---\n${EXCERPTED}`)[0]).toBe('First excerpt sentence.');
  });

  it('the excerpt is the first point and the body sentences it holds are not repeated', () => {
    const got = points(`---\ntitle: T\nexcerpt_separator: <!--more-->\n---\n${EXCERPTED}`);
    expect(got[0]).toBe('First excerpt sentence. Second excerpt sentence.');
    expect(got.slice(1)).not.toContain('First excerpt sentence.');
    expect(got.slice(1)).not.toContain('Second excerpt sentence.');
    expect(got.slice(1)).toContain('The body goes on about Kafka streams and partitions.');
    // A description that repeats a body sentence in other case and spacing: still not said twice.
    const described = points('---\ntitle: T\ndescription: "the BODY goes on about kafka streams,   and partitions!"\n---\nThe body goes on about Kafka streams and partitions. Consumers read partitions in order.\n');
    expect(described[0]).toBe('the BODY goes on about kafka streams, and partitions!');
    expect(described).not.toContain('The body goes on about Kafka streams and partitions.');
  });

  it('reads Markdown in a description as Markdown: link text kept, its URL among the links, code as code', () => {
    const s = summarise('---\ntitle: T\ndescription: "See [a link](https://example.com/x) and `npm ci` **now**."\n---\nBody sentence that says something.\n');
    expect(s.keyPoints[0]).toEqual([{ text: 'See a link and ' }, { text: 'npm ci', style: 'code' }, { text: ' now.' }]);
    expect(s.links[0]).toEqual({ text: 'a link', url: 'https://example.com/x' });
    expect(JSON.stringify(s.keyPoints)).not.toContain('](');
    expect(JSON.stringify(s.keyPoints)).not.toContain('] (');
    // A cut excerpt's reference links are defined after the separator, as Jekyll appends them.
    const cut = summarise('---\ntitle: T\nexcerpt_separator: <!--more-->\n---\nRead [the docs][d] first.\n\n<!--more-->\n\nMore text here to read.\n\n[d]: https://example.com/docs\n');
    expect(pointText(cut.keyPoints[0]!)).toBe('Read the docs first.');
    expect(cut.links).toContainEqual({ text: 'the docs', url: 'https://example.com/docs' });
  });

  it('a description or excerpt that is a list or a mapping is an error naming its line; an empty one is absent', () => {
    const errorOf = (text: string) => {
      try {
        summarise(text);
      } catch (e) {
        if (e instanceof NoteError) return e;
        throw e;
      }
      throw new Error('expected a NoteError');
    };
    const list = errorOf('---\ntitle: T\ndescription: [a, b]\n---\nBody.\n');
    expect(list.line).toBe(3);
    expect(list.message).toMatch(/`description`: description must be text .*\(got \["a","b"\]\)/);
    const map = errorOf('---\ntitle: T\nexcerpt:\n  en: An excerpt.\n---\nBody.\n');
    expect(map.line).toBe(3);
    expect(map.message).toMatch(/`excerpt`: excerpt must be text/);
    expect(points('---\ntitle: T\ndescription:\n---\nBody sentence that says something.\n')[0]).toBe('Body sentence that says something.');
    expect(points('---\ntitle: T\ndescription: 42\n---\nBody sentence that says something.\n')[0]).toBe('42');
  });
});
